import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { annotationMessage } from '../src/report/annotations.js'
import { GoWorld } from './fixtures/workspace.js'
import { gate, located } from './helpers/gate.js'
import { GO_BIN } from './helpers/go.js'

const GO_MOD = `module example.com/app

go 1.21

require (
	example.com/a v1.0.0
	example.com/b v1.2.0
)

replace example.com/a => example.com/forka v1.0.0
`
const MAIN = 'package main\n\nimport (\n\t_ "example.com/a"\n\t_ "example.com/b"\n)\n\nfunc main() {}\n'

/** `sum` without the lines that start with `prefix`. */
const dropLine = (sum: string, prefix: string): string =>
  sum
    .split('\n')
    .filter(l => !l.startsWith(prefix))
    .join('\n')

describe('verify step on the real go command', () => {
  let world: GoWorld
  let cleanSum: string

  beforeAll(() => {
    world = new GoWorld([
      { path: 'example.com/a', version: 'v1.0.0' },
      { path: 'example.com/b', version: 'v1.2.0' },
      // A fork: a module-path replacement must declare the path it replaces.
      {
        path: 'example.com/forka',
        version: 'v1.0.0',
        goMod: 'module example.com/a\n\ngo 1.21\n',
        files: { 'a.go': 'package a\n\nconst Fork = true\n' }
      }
    ])
    const dir = world.dir('template', { 'go.mod': GO_MOD, 'main.go': MAIN })
    world.go(dir, 'mod', 'tidy')
    cleanSum = fs.readFileSync(path.join(dir, 'go.sum'), 'utf8')
  })
  afterAll(() => world.cleanup())

  /** A fresh copy of the app with go.sum (and go.mod) as given, committed to git. */
  function app(name: string, goSum = cleanSum, goMod = GO_MOD): string {
    const dir = world.dir(name, { 'go.mod': goMod, 'go.sum': goSum, 'main.go': MAIN })
    world.commitAll(dir, 'app')
    return dir
  }

  const sumLine = (text: string, prefix: string): number => text.split('\n').findIndex(l => l.startsWith(prefix)) + 1

  it('passes a clean module and leaves the work tree exactly as checked out', async () => {
    const dir = app('clean')
    const result = await gate(world, dir, { checks: 'verify' })
    expect(located(result)).toEqual([])
    expect(result.steps[0].status).toBe('passed')
    expect(world.git(dir, 'status', '--porcelain')).toBe('')
  })

  it('reports a tampered go.sum hash as mod-download-failed on the require line', async () => {
    const tampered = cleanSum.replace(
      /^(example\.com\/b v1\.2\.0 h1:)\S+/m,
      '$1AAAAFC7V8xnw/y8GkzlohNxJf9LxVdt7X+lcHd6YyLY='
    )
    expect(tampered).not.toBe(cleanSum)
    const dir = app('tampered-sum', tampered)
    const result = await gate(world, dir, { checks: 'verify' })
    expect(located(result)).toContain('mod-download-failed go.mod:7')
    const finding = result.findings.find(f => f.rule === 'mod-download-failed')!
    expect(finding.message).toMatch(/checksum mismatch/)
    expect(finding.module).toBe('example.com/b')
    expect(fs.readFileSync(path.join(dir, 'go.sum'), 'utf8')).toBe(tampered)
  })

  it('reports a missing go.sum entry as sum-missing-entry, and go does not write it back', async () => {
    const missing = dropLine(cleanSum, 'example.com/b v1.2.0 h1:')
    const dir = app('missing-entry', missing)
    const result = await gate(world, dir, { checks: 'verify' })
    expect(located(result)).toEqual(['sum-missing-entry go.mod:7'])
    expect(result.findings[0].message).toMatch(/example\.com\/b@v1\.2\.0/)
    // The message ends with the fix: the annotation does not say it twice.
    expect(annotationMessage(result.findings[0])).toMatch(/Run `go mod tidy` and commit go\.sum\.$/)
    expect(fs.readFileSync(path.join(dir, 'go.sum'), 'utf8')).toBe(missing)
    expect(world.git(dir, 'status', '--porcelain')).toBe('')
  })

  it('judges the files on disk whatever GOFLAGS the job sets: an -overlay hiding an import does not hide its missing entry', async () => {
    const missing = dropLine(cleanSum, 'example.com/b v1.2.0 h1:')
    const dir = app('overlay-hides', missing)
    const hidden = path.join(world.root, 'overlay-main.go')
    fs.writeFileSync(hidden, 'package main\n\nimport _ "example.com/a"\n\nfunc main() {}\n')
    const overlay = path.join(world.root, 'overlay.json')
    fs.writeFileSync(overlay, JSON.stringify({ Replace: { [path.join(dir, 'main.go')]: hidden } }))
    const env = { ...world.env, GOFLAGS: `-modcacherw -overlay=${overlay}` }
    // go with the overlay builds without example.com/b, so its missing entry goes unnoticed there.
    execFileSync(GO_BIN, ['build', '-o', os.devNull, '.'], { cwd: dir, env })
    const result = await gate({ env }, dir, { checks: 'verify' })
    expect(located(result)).toEqual(['sum-missing-entry go.mod:7'])
  })

  it('reports a version that does not exist as mod-download-failed on its require line', async () => {
    const dir = app('unknown-version', cleanSum, GO_MOD.replace('example.com/b v1.2.0', 'example.com/b v1.3.0'))
    const result = await gate(world, dir, { checks: 'verify' })
    expect(located(result)).toContain('mod-download-failed go.mod:7')
    expect(result.findings.find(f => f.rule === 'mod-download-failed')!.message).toMatch(/example\.com\/b@v1\.3\.0/)
  })

  it('says when the requirement that cannot be downloaded is unchanged from the base commit', async () => {
    const missing = GO_MOD.replace('example.com/b v1.2.0', 'example.com/b v1.3.0')
    const history = async (baseMod: string): Promise<string> => {
      const dir = app(`history-${baseMod === missing ? 'unchanged' : 'new'}`, cleanSum, baseMod)
      const sha = world.git(dir, 'rev-parse', 'HEAD').trim()
      fs.writeFileSync(path.join(dir, 'go.mod'), missing)
      fs.writeFileSync(path.join(dir, 'README'), 'head\n')
      world.commitAll(dir, 'head')
      const result = await gate(world, dir, { checks: 'verify', 'base-ref': sha })
      const failed = result.findings.filter(f => f.rule === 'mod-download-failed')
      expect(failed.map(f => `${f.module}@${f.version} ${f.severity}`)).toEqual(['example.com/b@v1.3.0 error'])
      return failed[0].message
    }
    expect(await history(missing)).toMatch(/unchanged from the base commit; it still blocks\.\)$/)
    expect(await history(GO_MOD)).not.toMatch(/unchanged/)
  })

  it('reports a module cache modified after download as mod-verify-failed on the go.sum line', async () => {
    const dir = app('tampered-cache')
    await gate(world, dir, { checks: 'verify' }) // fills the cache
    const cached = path.join(world.env.GOMODCACHE, 'example.com/b@v1.2.0/b.go')
    const original = fs.readFileSync(cached, 'utf8')
    try {
      fs.writeFileSync(cached, `${original}\nfunc init() { println("owned") }\n`)
      const result = await gate(world, dir, { checks: 'verify' })
      expect(located(result)).toEqual([`mod-verify-failed go.sum:${sumLine(cleanSum, 'example.com/b v1.2.0 h1:')}`])
      expect(result.findings[0].message).toMatch(/dir has been modified/)
    } finally {
      fs.writeFileSync(cached, original)
    }
  })

  it('hashes a module-path replacement that go mod verify skips', async () => {
    const dir = app('tampered-replacement')
    await gate(world, dir, { checks: 'verify' })
    const cached = path.join(world.env.GOMODCACHE, 'example.com/forka@v1.0.0/a.go')
    const original = fs.readFileSync(cached, 'utf8')
    try {
      fs.writeFileSync(cached, `${original}\nconst Backdoor = true\n`)
      // The go command itself passes it: the gap this check covers.
      expect(world.go(dir, 'mod', 'verify')).toMatch(/all modules verified/)
      const result = await gate(world, dir, { checks: 'verify' })
      expect(located(result)).toEqual([`mod-verify-failed go.sum:${sumLine(cleanSum, 'example.com/forka v1.0.0 h1:')}`])
      expect(result.findings[0].message).toMatch(/replaces example\.com\/a/)
    } finally {
      fs.writeFileSync(cached, original)
    }
  })

  it('reports an unparsable go.mod on the offending line, as go refuses it', async () => {
    const dir = app('bad-gomod', cleanSum, GO_MOD.replace('example.com/b v1.2.0', 'example.com/b 1.2'))
    expect(() => world.go(dir, 'list', '-m')).toThrow(/go\.mod:7/)
    const result = await gate(world, dir, { checks: 'verify' })
    expect(located(result)).toEqual(['scope-unreadable go.mod:7'])
    expect(result.steps[0].status).toBe('failed')
  })

  it("puts a replacement's forged /go.mod hash on its /go.mod line of go.sum", async () => {
    const forged = cleanSum.replace(
      /^(example\.com\/forka v1\.0\.0\/go\.mod h1:)\S+/m,
      '$1AAAAFC7V8xnw/y8GkzlohNxJf9LxVdt7X+lcHd6YyLY='
    )
    expect(forged).not.toBe(cleanSum)
    const dir = app('forged-replacement-gomod', forged)
    expect(() => world.go(dir, 'mod', 'download')).toThrow(/forka@v1\.0\.0\/go\.mod: checksum mismatch/)
    const result = await gate(world, dir, { checks: 'verify' })
    expect(located(result)).toContain(
      `mod-download-failed go.sum:${sumLine(forged, 'example.com/forka v1.0.0/go.mod')}`
    )
  })

  it('names the replacement whose go.mod hash is missing, on the replace line', async () => {
    const missing = dropLine(cleanSum, 'example.com/forka v1.0.0/go.mod ')
    const dir = app('missing-replacement-gomod', missing)
    expect(() => world.go(dir, 'list', '-m', 'all')).toThrow(
      /example\.com\/a@v1\.0\.0 \(replaced by example\.com\/forka@v1\.0\.0\): missing go\.sum entry for go\.mod file/
    )
    expect(() => world.go(dir, 'build', '.')).toThrow(
      /example\.com\/forka@v1\.0\.0: missing go\.sum entry for go\.mod file/
    )
    const result = await gate(world, dir, { checks: 'verify' })
    const missingEntries = result.findings.filter(f => f.rule === 'sum-missing-entry')
    expect(missingEntries.map(f => [`${f.file}:${f.line}`, `${f.module}@${f.version}`])).toEqual([
      ['go.mod:10', 'example.com/forka@v1.0.0']
    ])
  })
})

describe('verify step: a hash go mod download never checks', () => {
  it("blocks on a forged hash of a module only the tests of a tool's packages need, which go mod tidy refuses", async () => {
    // `go mod download` fetches what the module's packages need; tidy also loads the tests of
    // the tool packages ("all"), so only tidy meets the hash, and stops with SECURITY ERROR.
    const world = new GoWorld([
      { path: 'example.com/t', version: 'v1.0.0' },
      {
        path: 'example.com/tool',
        version: 'v1.0.0',
        goMod: 'module example.com/tool\n\ngo 1.21\n\nrequire example.com/t v1.0.0\n',
        files: {
          'cmd/x/main.go': 'package main\n\nimport _ "example.com/tool/lib"\n\nfunc main() {}\n',
          'lib/lib.go': 'package lib\n',
          'lib/lib_test.go':
            'package lib\n\nimport (\n\t"testing"\n\n\t_ "example.com/t"\n)\n\nfunc TestLib(t *testing.T) {}\n'
        }
      }
    ])
    try {
      const dir = world.dir('tool-test-dep', {
        'go.mod': 'module example.com/app\n\ngo 1.24\n\ntool example.com/tool/cmd/x\n',
        'main.go': 'package main\n\nfunc main() {}\n'
      })
      world.go(dir, 'mod', 'tidy')
      const sum = fs.readFileSync(path.join(dir, 'go.sum'), 'utf8')
      const line = sum.split('\n').findIndex(l => l.startsWith('example.com/t v1.0.0 h1:')) + 1
      expect(line).toBeGreaterThan(0)
      fs.writeFileSync(
        path.join(dir, 'go.sum'),
        sum.replace(/^(example\.com\/t v1\.0\.0 h1:)\S+/m, '$1AAAAFC7V8xnw/y8GkzlohNxJf9LxVdt7X+lcHd6YyLY=')
      )
      world.commitAll(dir, 'forged')
      fs.rmSync(path.join(world.root, 'modcache'), { recursive: true, force: true })
      expect(world.go(dir, 'mod', 'download', '-json')).not.toMatch(/"Path": "example\.com\/t"/)
      expect(() => world.go(dir, 'mod', 'tidy', '-diff')).toThrow(/SECURITY ERROR/)
      const result = await gate(world, dir, { checks: 'verify' })
      expect(located(result)).toEqual([`mod-download-failed go.sum:${line}`])
      expect(result.findings[0].message).toMatch(/checksum mismatch/)
    } finally {
      world.cleanup()
    }
  })
})

describe('verify step with several faults in one module', () => {
  it('still reports a missing entry when another module has a checksum mismatch (go aborts loading on one)', async () => {
    const world = new GoWorld([
      { path: 'example.com/a', version: 'v1.0.0' },
      { path: 'example.com/b', version: 'v1.2.0' }
    ])
    try {
      const goMod =
        'module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.2.0\n)\n'
      const dir = world.dir('app', {
        'go.mod': goMod,
        'main.go': 'package main\n\nimport (\n\t_ "example.com/a"\n\t_ "example.com/b"\n)\n\nfunc main() {}\n'
      })
      world.go(dir, 'mod', 'tidy')
      const sum = fs.readFileSync(path.join(dir, 'go.sum'), 'utf8')
      fs.writeFileSync(
        path.join(dir, 'go.sum'),
        sum
          .replace(/^(example\.com\/a v1\.0\.0 h1:)\S+/m, '$1AAAAfXJQgSOBIk2vPYuXWGYHxIb66AakYclJwYHRTA=')
          .replace(/^example\.com\/b v1\.2\.0 h1:.*\n/m, '')
      )
      const result = await gate(world, dir, { checks: 'verify' })
      expect(located(result)).toEqual(['mod-download-failed go.mod:6', 'sum-missing-entry go.mod:7'])
    } finally {
      world.cleanup()
    }
  })
})

describe('verify step on a vendored module', () => {
  it('still checks go.sum, though go would default to -mod=vendor', async () => {
    const world = new GoWorld([{ path: 'example.com/a', version: 'v1.0.0' }])
    try {
      const dir = world.dir('app', {
        'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/a v1.0.0\n',
        'main.go': 'package main\n\nimport _ "example.com/a"\n\nfunc main() {}\n'
      })
      world.go(dir, 'mod', 'tidy')
      world.go(dir, 'mod', 'vendor')
      fs.writeFileSync(
        path.join(dir, 'go.sum'),
        fs.readFileSync(path.join(dir, 'go.sum'), 'utf8').replace(/^example\.com\/a v1\.0\.0 h1:.*\n/m, '')
      )
      const result = await gate(world, dir, { checks: 'verify' })
      expect(located(result)).toEqual(['sum-missing-entry go.mod:5'])
    } finally {
      world.cleanup()
    }
  })
})

describe('verify step: every package go can build, as go reports it', () => {
  let world: GoWorld
  beforeAll(() => {
    world = new GoWorld([
      { path: 'example.com/a', version: 'v1.0.0' },
      { path: 'example.com/b', version: 'v1.2.0' },
      // cmd/go's mod_sum_ambiguous: package example.com/amb/a/b is in module example.com/amb/a,
      // and the empty module example.com/amb/a/b could provide it too.
      { path: 'example.com/amb/a', version: 'v1.0.0', files: { 'b/b.go': 'package b\n' } },
      { path: 'example.com/amb/a/b', version: 'v0.0.0-empty', files: {} }
    ])
  })
  afterAll(() => world.cleanup())

  it('checks the packages an ignore directive hides from ./..., which go build ./dir still builds', async () => {
    const goMod = 'module example.com/app\n\ngo 1.25\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.2.0\n)\n'
    const dir = world.dir('ignored', {
      'go.mod': goMod,
      'main.go': 'package main\n\nimport _ "example.com/a"\n\nfunc main() {}\n',
      'cmd/app/main.go': 'package main\n\nimport _ "example.com/b"\n\nfunc main() {}\n'
    })
    world.go(dir, 'mod', 'tidy')
    const sum = fs.readFileSync(path.join(dir, 'go.sum'), 'utf8')
    fs.writeFileSync(path.join(dir, 'go.mod'), `${goMod}\nignore ./cmd\n`)
    fs.writeFileSync(path.join(dir, 'go.sum'), dropLine(sum, 'example.com/b v1.2.0 h1:'))
    // go's own view: ./... passes, the ignored command does not build.
    world.go(dir, 'build', './...')
    expect(() => world.go(dir, 'build', './cmd/app')).toThrow(
      /missing go\.sum entry for module providing package example\.com\/b/
    )
    const result = await gate(world, dir, { checks: 'verify' })
    expect(located(result)).toEqual(['sum-missing-entry go.mod:7'])
    expect(result.findings[0]).toMatchObject({ module: 'example.com/b', version: 'v1.2.0' })
  })

  it('checks the packages of tool directives, which go tool builds', async () => {
    world.addModules([
      { path: 'example.com/tool', version: 'v1.0.0', files: { 'main.go': 'package main\n\nfunc main() {}\n' } }
    ])
    const dir = world.dir('tools', {
      'go.mod': 'module example.com/app\n\ngo 1.24\n',
      'main.go': 'package main\n\nfunc main() {}\n'
    })
    world.go(dir, 'get', '-tool', 'example.com/tool@v1.0.0')
    const sum = fs.readFileSync(path.join(dir, 'go.sum'), 'utf8')
    const passed = await gate(world, dir, { checks: 'verify' })
    expect(located(passed)).toEqual([])
    fs.writeFileSync(path.join(dir, 'go.sum'), dropLine(sum, 'example.com/tool v1.0.0 h1:'))
    // go's own view: the module builds, its tool does not.
    world.go(dir, 'build', './...')
    expect(() => world.go(dir, 'tool', 'tool')).toThrow(
      /missing go\.sum entry for module providing package example\.com\/tool/
    )
    const result = await gate(world, dir, { checks: 'verify' })
    const require =
      fs
        .readFileSync(path.join(dir, 'go.mod'), 'utf8')
        .split('\n')
        .findIndex(l => l.startsWith('require example.com/tool')) + 1
    expect(located(result)).toEqual([`sum-missing-entry go.mod:${require}`])
    expect(result.findings[0]).toMatchObject({ module: 'example.com/tool', version: 'v1.0.0' })
  })

  it('reports the hash go needs to verify a package is provided by exactly one module', async () => {
    const goMod =
      'module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/amb/a v1.0.0\n\texample.com/amb/a/b v0.0.0-empty\n)\n'
    const dir = world.dir('ambiguous', {
      'go.mod': goMod,
      'main.go': 'package main\n\nimport _ "example.com/amb/a/b"\n\nfunc main() {}\n'
    })
    world.go(dir, 'mod', 'download', 'example.com/amb/a', 'example.com/amb/a/b')
    world.go(dir, 'build', '.')
    const sum = fs.readFileSync(path.join(dir, 'go.sum'), 'utf8')
    fs.writeFileSync(path.join(dir, 'go.sum'), dropLine(sum, 'example.com/amb/a/b v0.0.0-empty h1:'))
    expect(() => world.go(dir, 'build', '.')).toThrow(
      /missing go\.sum entry needed to verify package example\.com\/amb\/a\/b .*is provided by exactly one module/
    )
    const result = await gate(world, dir, { checks: 'verify' })
    expect(located(result)).toEqual(['sum-missing-entry go.mod:7'])
    expect(result.findings[0]).toMatchObject({ module: 'example.com/amb/a/b', version: 'v0.0.0-empty' })
  })
})
