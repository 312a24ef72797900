/**
 * The scope is what the go command builds: each case is a real repository built at test time,
 * go itself shows it builds the code in question, and go-guard must judge it.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { renderJson } from '../src/report/json.js'
import { GoWorld } from './fixtures/workspace.js'
import { gate, located } from './helpers/gate.js'
import { GO_BIN } from './helpers/go.js'

const LIB = { path: 'example.com/lib', version: 'v1.0.0' }
const EVIL = 'package lib\n\n// Version is what the build prints.\nconst Version = "evil"\n'
const MAIN = 'package main\n\nimport "example.com/lib"\n\nfunc main() { println(lib.Version) }\n'
const goMod = (module: string, extra = ''): string =>
  `module ${module}\n\ngo 1.21\n\nrequire example.com/lib v1.0.0\n${extra}`

describe('scope: what go builds', () => {
  let world: GoWorld
  let cleanSum: string
  beforeAll(() => {
    world = new GoWorld([LIB])
    const template = world.dir('template', { 'go.mod': goMod('example.com/app'), 'main.go': MAIN })
    world.go(template, 'mod', 'tidy')
    cleanSum = fs.readFileSync(path.join(template, 'go.sum'), 'utf8')
  })
  afterAll(() => world.cleanup())

  /** A workspace of one module, ./app (the application with its clean go.sum), `work` appended to go.work. */
  const appWorkspace = (name: string, work = '', files: Record<string, string> = {}): string =>
    world.dir(name, {
      'go.work': `go 1.21\n\nuse ./app\n${work}`,
      'app/go.mod': goMod('example.com/app'),
      'app/go.sum': cleanSum,
      'app/main.go': MAIN,
      ...files
    })

  it('a go.mod that is a symbolic link is followed and reported', async () => {
    const dir = world.dir('linked-gomod', {
      'mod/app.mod': goMod('example.com/app', 'replace example.com/lib => ./evil\n'),
      'go.sum': cleanSum,
      'main.go': MAIN,
      'evil/go.mod': 'module example.com/lib\n\ngo 1.21\n',
      'evil/lib.go': EVIL
    })
    fs.symlinkSync('mod/app.mod', path.join(dir, 'go.mod'))
    // go follows the link and builds the replacement.
    expect(world.go(dir, 'list', '-f', '{{.Dir}}', 'example.com/lib').trim()).toBe(path.join(dir, 'evil'))
    const result = await gate(world, dir, { checks: 'replace' })
    expect(located(result)).toEqual(['scope-symlinked-file go.mod:1', 'replace-local-path go.mod:6'])
    expect(result.steps[0].status).toBe('failed')
  })

  it('every use of a go.work is judged: a dot-directory, and a directory outside the repository', async () => {
    const outside = world.dir('outside', {
      'go.mod': 'module example.com/outside\n\ngo 1.21\n\nreplace example.com/other => ./other\n'
    })
    const dir = world.dir('workspace', {
      'go.work': 'go 1.21\n\nuse (\n\t./.hidden/app\n\t../outside\n)\n',
      '.hidden/app/go.mod': goMod('example.com/app', 'replace example.com/lib => ../../evil\n'),
      '.hidden/app/go.sum': cleanSum,
      '.hidden/app/main.go': MAIN,
      'evil/go.mod': 'module example.com/lib\n\ngo 1.21\n',
      'evil/lib.go': EVIL
    })
    // go builds both modules of the workspace, and lib from the local replacement.
    expect(world.go(dir, 'list', '-m').split('\n').filter(Boolean)).toEqual(['example.com/app', 'example.com/outside'])
    expect(world.go(dir, 'list', '-f', '{{.Dir}}', 'example.com/lib').trim()).toBe(path.join(dir, 'evil'))
    const result = await gate(world, dir, { checks: 'replace' })
    expect(located(result).sort()).toEqual(
      [
        'replace-local-path .hidden/app/go.mod:6',
        `replace-local-path ${path.relative(dir, outside)}/go.mod:5`,
        'scope-outside-repository go.work:5'
      ].sort()
    )
    // The `modules` output lists what a matrix job can name: not the module outside.
    expect(result.scope.modules.map(m => m.relDir)).toContain('../outside')
    expect((renderJson(result, 'test') as { modules: string[] }).modules).toEqual(['evil', '.hidden/app'])
  })

  it('a go.work use, or a modules entry, that a link leads outside the repository is reported', async () => {
    const outside = world.dir('linked-outside', {
      'go.mod': 'module example.com/outside\n\ngo 1.21\n\nreplace example.com/other => ./other\n'
    })
    const dir = world.dir('linked-use', { 'go.work': 'go 1.21\n\nuse ./mods/outside\n' })
    fs.mkdirSync(path.join(dir, 'mods'))
    fs.symlinkSync(outside, path.join(dir, 'mods/outside'))
    expect(world.go(dir, 'list', '-m').trim()).toBe('example.com/outside')
    expect(located(await gate(world, dir, { checks: 'replace' }))).toEqual([
      'scope-outside-repository go.work:3',
      'replace-local-path mods/outside/go.mod:5'
    ])
    expect(located(await gate(world, dir, { checks: 'replace', modules: 'mods/outside' }))).toEqual([
      'scope-outside-repository go.work:3',
      'scope-outside-repository mods/outside/go.mod:1',
      'replace-local-path mods/outside/go.mod:5'
    ])
  })

  it('a directory replacement leading outside the repository is reported whatever allow-local-replace says', async () => {
    const outside = world.dir('outside-lib', { 'go.mod': 'module example.com/lib\n\ngo 1.21\n', 'lib.go': EVIL })
    const dir = world.dir('replace-outside', {
      'go.mod': goMod(
        'example.com/app',
        `replace example.com/lib => ${path.relative(path.join(world.root, 'replace-outside'), outside)}\n`
      ),
      'main.go': MAIN,
      'go.work': `go 1.21\n\nuse .\n\nreplace example.com/other => ${outside}\n`,
      'inside/go.mod':
        'module example.com/inside\n\ngo 1.21\n\nreplace example.com/lib => ../lib\n\nreplace example.com/linked => ./linked\n',
      'lib/go.mod': 'module example.com/lib\n\ngo 1.21\n'
    })
    fs.symlinkSync(outside, path.join(dir, 'inside/linked'))
    // go builds lib from the directory outside.
    expect(world.go(dir, 'list', '-f', '{{.Dir}}', 'example.com/lib').trim()).toBe(outside)
    const result = await gate(world, dir, { checks: 'replace', 'allow-local-replace': 'true' })
    expect(located(result).sort()).toEqual([
      'replace-in-workspace go.work:5',
      'scope-outside-repository go.mod:6',
      'scope-outside-repository go.work:5',
      'scope-outside-repository inside/go.mod:7'
    ])
    expect(result.blocking).toBe(4)
  })

  it('a workspace outside the repository that go would build with is reported: GOWORK, or a go.work above it', async () => {
    const outer = world.dir('outer', {
      'go.work': 'go 1.21\n\nuse ./repo\n\nreplace example.com/lib => ./evil\n',
      'evil/go.mod': 'module example.com/lib\n\ngo 1.21\n',
      'evil/lib.go': EVIL,
      'repo/go.mod': goMod('example.com/app'),
      'repo/go.sum': cleanSum,
      'repo/main.go': MAIN
    })
    const repo = path.join(outer, 'repo')
    // go, run in the repository, finds the go.work above it and builds lib from ./evil.
    expect(world.go(repo, 'env', 'GOWORK').trim()).toBe(path.join(outer, 'go.work'))
    expect(world.go(repo, 'list', '-f', '{{.Dir}}', 'example.com/lib').trim()).toBe(path.join(outer, 'evil'))
    const above = await gate(world, repo, { checks: 'replace' })
    expect(located(above)).toEqual(['scope-outside-repository go.mod:1'])
    expect(above.findings[0].message).toContain(path.join(outer, 'go.work'))
    // GOWORK=off is what go-guard itself runs with: nothing to report.
    expect(located(await gate({ env: { ...world.env, GOWORK: 'off' } }, repo, { checks: 'replace' }))).toEqual([])

    const named = appWorkspace('gowork-env')
    fs.renameSync(path.join(outer, 'go.work'), path.join(world.root, 'elsewhere.work'))
    const env = { ...world.env, GOWORK: path.join(world.root, 'elsewhere.work') }
    const result = await gate({ env }, path.join(named, 'app'), { checks: 'replace' })
    expect(located(result)).toEqual(['scope-outside-repository go.mod:1'])
    expect(result.findings[0].message).toMatch(/^GOWORK=\S+elsewhere\.work is set/)
  })

  it('a module under testdata/ or a dot-directory, which go builds only inside it, is one notice naming each; a module cache is no module', async () => {
    const forged = cleanSum.replace(
      /^(example\.com\/lib v1\.0\.0 h1:)\S+/m,
      '$1AAAAFC7V8xnw/y8GkzlohNxJf9LxVdt7X+lcHd6YyLY='
    )
    const dir = world.dir('set-aside', {
      'go.mod': 'module example.com/root\n\ngo 1.21\n',
      '.ci/tools/go.mod': goMod('example.com/tools'),
      '.ci/tools/go.sum': forged,
      '.ci/tools/main.go': MAIN,
      'pkg/testdata/fixture/go.mod': 'module example.com/fixture\n\ngo 1.21\n',
      '.git/modules/x/go.mod': 'module example.com/gitdir\n\ngo 1.21\n',
      // Module caches a job keeps in the checkout, hidden or not: no module of them is the repository's.
      '.cache/gomod/cache/download/example.com/x/@v/list': 'v1.0.0\n',
      '.cache/gomod/example.com/x@v1.0.0/go.mod': 'module example.com/x\n\ngo 1.21\n',
      'gomodcache/cache/download/example.com/y/@v/list': 'v1.0.0\n',
      'gomodcache/example.com/y@v1.0.0/go.mod': 'module example.com/y\n\ngo 1.21\n'
    })
    // go, run inside .ci/tools, builds that module, and refuses its forged hash.
    expect(() => world.go(path.join(dir, '.ci/tools'), 'build', '.')).toThrow(/checksum mismatch/)
    const result = await gate(world, dir, { checks: 'verify' })
    expect(located(result)).toEqual(['step-skipped .ci/tools/go.mod:1'])
    expect(result.scope.modules.map(m => m.relDir)).toEqual(['.'])
    expect(result.findings[0].message).toMatch(
      /^\.ci\/tools\/go\.mod \(and pkg\/testdata\/fixture\/go\.mod\) are under testdata/
    )
    // Judged in a job of its own, the module blocks.
    const own = await gate(world, path.join(dir, '.ci/tools'), { checks: 'verify' })
    expect(own.blocking).toBeGreaterThan(0)
  })

  it('a go that cannot run still leaves the scope read, from the go.work as parsed', async () => {
    const dir = world.dir('no-go', {
      'go.work': 'go 1.21\n\nuse ./.app\n',
      '.app/go.mod': goMod('example.com/app', 'replace example.com/lib => ./evil\n')
    })
    const result = await gate(world, dir, { checks: 'replace', 'go-binary': '/nonexistent/go' })
    expect(located(result)).toEqual(['replace-local-path .app/go.mod:6'])
  })

  it('a workspace vendor/ (go work vendor) is regenerated and compared', async () => {
    const dir = appWorkspace('work-vendor')
    world.go(dir, 'work', 'vendor')
    fs.writeFileSync(path.join(dir, 'vendor/example.com/lib/lib.go'), EVIL)
    // go builds the workspace from the edited vendor/.
    expect(world.go(dir, 'list', '-f', '{{.Dir}}', 'example.com/lib').trim()).toBe(
      path.join(dir, 'vendor/example.com/lib')
    )
    const result = await gate(world, dir, { checks: 'vendor' })
    expect(located(result)).toContain('vendor-file-modified vendor/example.com/lib/lib.go:1')
    expect(fs.existsSync(path.join(dir, 'go.work.sum'))).toBe(false)
  })

  it("a workspace vendor/ whose modules replace a module with a local directory passes as go writes it, paths relative to go.work's directory", async () => {
    const dir = world.dir('work-vendor-local-replace', {
      'go.work': 'go 1.21\n\nuse ./app\n',
      'app/go.mod': goMod('example.com/app', 'replace example.com/lib => ../staging/lib\n'),
      'app/main.go': MAIN,
      'staging/lib/go.mod': 'module example.com/lib\n\ngo 1.21\n',
      'staging/lib/lib.go': 'package lib\n\n// Version is what the build prints.\nconst Version = "staged"\n'
    })
    world.go(dir, 'work', 'vendor')
    expect(fs.readFileSync(path.join(dir, 'vendor/modules.txt'), 'utf8')).toContain(
      '# example.com/lib v1.0.0 => ./staging/lib\n'
    )
    const files = (): string[] => fs.readdirSync(dir).sort()
    const before = files()
    const result = await gate(world, dir, { checks: 'verify,vendor' })
    // Notices only: the modules' own go.mod have no vendor/ (the workspace's serves them).
    expect(result.findings.filter(f => f.severity !== 'notice')).toEqual([])
    expect(result.steps.map(s => `${s.step} ${s.status}`)).toEqual(['verify passed', 'vendor passed'])
    // The copy of go.work that go ran on lay beside it, and is gone.
    expect(files()).toEqual(before)
    fs.writeFileSync(path.join(dir, 'vendor/example.com/lib/lib.go'), EVIL)
    expect(located(await gate(world, dir, { checks: 'vendor' }))).toEqual([
      'vendor-file-modified vendor/example.com/lib/lib.go:1',
      'step-skipped app/go.mod:1',
      'step-skipped staging/lib/go.mod:1'
    ])
  })

  it('a workspace vendor/ beside a module of the workspace is judged once, as the workspace builds it', async () => {
    const dir = world.dir('work-vendor-root', {
      'go.work': 'go 1.21\n\nuse .\n',
      'go.mod': goMod('example.com/app'),
      'go.sum': cleanSum,
      'main.go': MAIN
    })
    world.go(dir, 'work', 'vendor')
    fs.symlinkSync('/etc/passwd', path.join(dir, 'vendor/example.com/lib/extra.go'))
    const result = await gate(world, dir, { checks: 'vendor' })
    expect(located(result)).toEqual(['vendor-unsafe-entry vendor/example.com/lib/extra.go:1'])
  })

  it('go.work.sum is judged like a go.sum: a changed hash, and lines go refuses', async () => {
    const realLine = cleanSum.split('\n').find(l => l.startsWith('example.com/lib v1.0.0 h1:'))!
    const dir = appWorkspace('work-sum', '', { 'go.work.sum': `${realLine}\n` })
    const base = world.commitAll(dir, 'base')
    // go reads go.work.sum for the workspace: a line it refuses there stops the build.
    fs.writeFileSync(path.join(dir, 'go.work.sum'), 'example.com/lib v1.0.0\n')
    expect(() => world.go(dir, 'list', '-m', 'all')).toThrow(/malformed go\.sum:\n.*go\.work\.sum:1/)
    const malformed = await gate(world, dir, { checks: 'sum-drift', 'base-ref': base })
    expect(located(malformed)).toContain('sum-malformed-line go.work.sum:1')

    fs.writeFileSync(
      path.join(dir, 'go.work.sum'),
      'example.com/lib v1.0.0 h1:AAAAFC7V8xnw/y8GkzlohNxJf9LxVdt7X+lcHd6YyLY=\n'
    )
    world.commitAll(dir, 'head')
    const forged = await gate(world, dir, { checks: 'sum-drift', 'base-ref': base })
    expect(located(forged)).toEqual(['sum-hash-changed go.work.sum:1', 'sum-unverified-hash go.work.sum:1'])
  })

  describe('a go.work.sum hash the download disagrees with, with no base commit to compare', () => {
    const FORGED = 'h1:AAAAFC7V8xnw/y8GkzlohNxJf9LxVdt7X+lcHd6YyLY='
    const FORK = '\nreplace example.com/lib v1.0.0 => example.com/fork v1.0.0\n'
    /** go in the module alone: go.work is not read. */
    const goAlone = (cwd: string, ...args: string[]): string =>
      execFileSync(GO_BIN, args, { cwd, env: { ...world.env, GOWORK: 'off' }, encoding: 'utf8', stdio: 'pipe' })

    it('blocks where the module go.sum beside it is right: the workspace build refuses it', async () => {
      const dir = appWorkspace('work-sum-forged', '', { 'go.work.sum': `example.com/lib v1.0.0 ${FORGED}\n` })
      expect(() => world.go(dir, 'build', './app')).toThrow(
        /checksum mismatch[\s\S]*go\.work\.sum: +h1:AAAA[\s\S]*SECURITY ERROR/
      )
      goAlone(path.join(dir, 'app'), 'build', '.')
      const result = await gate(world, dir, { checks: 'verify' })
      expect(located(result)).toEqual(['mod-download-failed go.work.sum:1'])
      expect(result.findings[0].message).toContain(`but go.work.sum records ${FORGED}`)
      expect(result.blocking).toBe(1)
      expect(fs.readFileSync(path.join(dir, 'go.work.sum'), 'utf8')).toBe(`example.com/lib v1.0.0 ${FORGED}\n`)
    })

    it("blocks on a go.work replacement's hash, which only the workspace build checks, once", async () => {
      world.addModules([
        {
          path: 'example.com/fork',
          version: 'v1.0.0',
          goMod: 'module example.com/lib\n\ngo 1.21\n',
          files: { 'lib.go': EVIL }
        }
      ])
      const dir = appWorkspace('work-replace-forged', FORK)
      world.go(dir, 'mod', 'download')
      const sum = fs.readFileSync(path.join(dir, 'go.work.sum'), 'utf8')
      const line = sum.split('\n').findIndex(l => l.startsWith('example.com/fork v1.0.0 h1:')) + 1
      expect(line).toBeGreaterThan(0)
      const passed = await gate(world, dir, { checks: 'verify' })
      expect(located(passed)).toEqual([])
      expect(passed.steps[0].status).toBe('passed')

      fs.writeFileSync(
        path.join(dir, 'go.work.sum'),
        sum.replace(/^(example\.com\/fork v1\.0\.0 )h1:\S+/m, `$1${FORGED}`)
      )
      expect(() => world.go(dir, 'build', './app')).toThrow(/SECURITY ERROR/)
      goAlone(path.join(dir, 'app'), 'build', '.')
      // The module's own download fails too where go.sum is wrong: said once, on the module's line.
      fs.writeFileSync(
        path.join(dir, 'app/go.sum'),
        cleanSum.replace(/^(example\.com\/lib v1\.0\.0 )h1:\S+/m, `$1${FORGED}`)
      )
      const result = await gate(world, dir, { checks: 'verify' })
      expect(located(result)).toEqual(['mod-download-failed app/go.mod:5', `mod-download-failed go.work.sum:${line}`])
    })

    it('denies a module only the workspace builds: deny-modules judges the go.work replacement', async () => {
      world.addModules([
        {
          path: 'example.com/unreviewed',
          version: 'v1.0.0',
          goMod: 'module example.com/lib\n\ngo 1.21\n',
          files: { 'lib.go': EVIL }
        }
      ])
      const dir = appWorkspace(
        'work-replace-denied',
        '\nreplace example.com/lib v1.0.0 => example.com/unreviewed v1.0.0\n'
      )
      world.go(dir, 'mod', 'download')
      const line =
        fs
          .readFileSync(path.join(dir, 'go.work.sum'), 'utf8')
          .split('\n')
          .findIndex(l => l.startsWith('example.com/unreviewed v1.0.0 h1:')) + 1
      // The workspace builds the denied module; the module alone never sees it.
      expect(world.go(dir, 'list', '-m', '-f', '{{.Replace.Path}}', 'example.com/lib').trim()).toBe(
        'example.com/unreviewed'
      )
      expect(goAlone(path.join(dir, 'app'), 'list', '-m', 'all')).not.toContain('unreviewed')
      const result = await gate(world, dir, {
        checks: 'verify',
        'deny-modules': 'example.com/unreviewed # not reviewed'
      })
      expect(located(result)).toEqual([`mod-denied go.work.sum:${line}`])
      expect(result.findings[0].message).toMatch(/the workspace of go\.work builds .*\(not reviewed\)/)
      expect(result.blocking).toBe(1)
    })

    it('blocks on a modified cached copy of a module only the workspace builds, which no go mod verify hashes', async () => {
      const dir = appWorkspace('work-replace-poisoned', FORK)
      world.go(dir, 'mod', 'download')
      const line =
        fs
          .readFileSync(path.join(dir, 'go.work.sum'), 'utf8')
          .split('\n')
          .findIndex(l => l.startsWith('example.com/fork v1.0.0 h1:')) + 1
      const cached = world.go(dir, 'list', '-m', '-f', '{{.Replace.Dir}}', 'example.com/lib').trim()
      fs.appendFileSync(path.join(cached, 'lib.go'), '\n// poisoned\n')
      // go builds the package from that copy, and no go mod verify hashes it: the module's alone
      // never sees the replacement, the workspace's hashes example.com/lib@v1.0.0 instead (golang/go#79942).
      expect(world.go(dir, 'list', '-f', '{{.Dir}}', 'example.com/lib').trim()).toBe(cached)
      expect(world.go(dir, 'mod', 'verify')).toMatch(/all modules verified/)
      expect(goAlone(path.join(dir, 'app'), 'mod', 'verify')).toMatch(/all modules verified/)
      const result = await gate(world, dir, { checks: 'verify' })
      expect(located(result)).toEqual([`mod-verify-failed go.work.sum:${line}`])
      expect(result.findings[0].message).toMatch(/only the workspace of go\.work builds/)
    })
  })

  it('a file discovery cannot read is scope-unreadable on it, and the rest is still judged', async () => {
    const tampered = cleanSum.replace(
      /^(example\.com\/lib v1\.0\.0 h1:)\S+/m,
      '$1AAAAFC7V8xnw/y8GkzlohNxJf9LxVdt7X+lcHd6YyLY='
    )
    const dir = world.dir('long-path', { 'go.mod': goMod('example.com/app'), 'go.sum': tampered, 'main.go': MAIN })
    // A relative path of 4,800 characters, made in two halves, each shorter than PATH_MAX (4,096).
    const half = Array.from({ length: 12 }, () => 'd'.repeat(200)).join('/')
    const middle = path.join(dir, half)
    fs.mkdirSync(middle, { recursive: true })
    const cwd = process.cwd()
    process.chdir(middle)
    try {
      fs.mkdirSync(half, { recursive: true })
    } finally {
      process.chdir(cwd)
    }
    const result = await gate(world, dir, { checks: 'verify' })
    const unreadable = result.findings.filter(f => f.rule === 'scope-unreadable')
    expect(unreadable).toHaveLength(1)
    expect(unreadable[0].message).toMatch(/ENAMETOOLONG/)
    expect(located(result)).toContain('mod-download-failed go.mod:5')
    // The world's cleanup could not remove it: remove the deep half from the middle.
    process.chdir(middle)
    try {
      fs.rmSync(half.split('/')[0], { recursive: true })
    } finally {
      process.chdir(cwd)
    }
  })

  it('a go.mod that is not UTF-8 where go requires it is scope-unreadable on that line', async () => {
    const dir = world.dir('not-utf8', { 'go.sum': cleanSum, 'main.go': MAIN })
    fs.writeFileSync(
      path.join(dir, 'go.mod'),
      Buffer.concat([
        Buffer.from('module example.com/app\n\n// caf\xe9 is fine in a comment\ngo 1.21\n\nrequire example.com/lib'),
        Buffer.from([0xff]),
        Buffer.from(' v1.0.0\n')
      ])
    )
    expect(() => world.go(dir, 'list', '-m', 'all')).toThrow(/invalid UTF-8/)
    const result = await gate(world, dir, { checks: 'replace' })
    expect(located(result)).toEqual(['scope-unreadable go.mod:6'])
  })

  it('checks: replace on a go.mod go cannot parse reports the parse error, never passed', async () => {
    const dir = world.dir('unparsable', {
      'go.mod': goMod('example.com/app', 'replace example.com/lib => ./evil extra\n'),
      'main.go': MAIN
    })
    expect(() => world.go(dir, 'list', '-m')).toThrow(/go\.mod:6/)
    const result = await gate(world, dir, { checks: 'replace' })
    expect(located(result)).toEqual(['scope-unreadable go.mod:6'])
    expect(result.steps[0].status).toBe('failed')
  })

  it('a vendor/ with a modules.txt and no go.mod or go.work beside it is a notice: go builds from none, so nothing compared it', async () => {
    const dir = world.dir('stray-vendor', {
      // moby's layout: the root's requirements in vendor.mod, a go.mod written only for the build.
      'vendor.mod': goMod('example.com/app'),
      'vendor.sum': cleanSum,
      'main.go': MAIN,
      'api/go.mod': goMod('example.com/api'),
      'api/go.sum': cleanSum,
      'api/api.go': 'package api\n\nimport "example.com/lib"\n\nvar V = lib.Version\n',
      // Not Go's: a vendor/ without modules.txt (PHP, Ruby) is no notice.
      'web/vendor/autoload.php': '<?php\n'
    })
    fs.copyFileSync(path.join(dir, 'vendor.mod'), path.join(dir, 'go.mod'))
    fs.copyFileSync(path.join(dir, 'vendor.sum'), path.join(dir, 'go.sum'))
    world.go(dir, 'mod', 'vendor')
    world.go(path.join(dir, 'api'), 'mod', 'vendor')
    fs.rmSync(path.join(dir, 'go.mod'))
    fs.rmSync(path.join(dir, 'go.sum'))
    fs.writeFileSync(path.join(dir, 'vendor/example.com/lib/lib.go'), EVIL)
    // No go command reads the root's vendor/ (there is no main module there); the build script's go.mod makes it build from it.
    expect(() => world.go(dir, 'list', '.')).toThrow(/go\.mod file not found/)
    const result = await gate(world, dir, { checks: 'verify,vendor,replace' })
    expect(result.scope.strayVendors).toEqual(['vendor'])
    expect(result.findings.map(f => `${f.rule} ${f.severity} ${f.file}:${f.line}`)).toEqual([
      'step-skipped notice vendor/modules.txt:1'
    ])
    expect(result.findings[0].message).toMatch(/no go\.mod or go\.work beside it/)
    // The module's own vendor/ is judged as always.
    expect(result.steps.find(s => s.step === 'vendor')?.status).toBe('passed')
    fs.writeFileSync(path.join(dir, 'api/vendor/example.com/lib/lib.go'), EVIL)
    expect(located(await gate(world, dir, { checks: 'vendor' }))).toEqual([
      'vendor-file-modified api/vendor/example.com/lib/lib.go:1',
      'step-skipped vendor/modules.txt:1'
    ])
  })

  it('a go.mod with no module line fences its directory off: go builds nothing there, so it is a notice, not a module; a go.work that uses it makes it one', async () => {
    const dir = world.dir('fenced', {
      'go.mod': goMod('example.com/app'),
      'go.sum': cleanSum,
      'main.go': MAIN,
      // An empty go.mod, as repositories keep one to leave generated or tool code out of the build.
      'gen/go.mod': '',
      'gen/gen.go': 'package gen\n\nimport "example.com/missing/dep"\n\nvar _ = dep.X\n',
      'tools/go.mod': 'go 1.21\n\nrequire example.com/lib v1.0.0\n'
    })
    // go: the parent's ./... stops at both directories, and go refuses to work in them.
    expect(world.go(dir, 'list', './...').trim()).toBe('example.com/app')
    expect(() => world.go(path.join(dir, 'gen'), 'list', '-m')).toThrow(/missing module declaration/)
    const result = await gate(world, dir, { checks: 'verify,sum-drift,vendor,replace', 'base-ref': '' })
    expect(result.scope.modules.map(m => m.relDir)).toEqual(['.'])
    expect(result.scope.fences).toEqual(['gen/go.mod', 'tools/go.mod'])
    const fenced = result.findings.filter(f => f.file !== 'go.mod' && f.file !== 'go.sum')
    expect(fenced.map(f => `${f.rule} ${f.severity} ${f.file}:${f.line}`)).toEqual([
      'step-skipped notice gen/go.mod:1',
      'step-skipped notice tools/go.mod:1'
    ])
    expect(result.blocking).toBe(0)

    // Used by a go.work, the same file is a module of the workspace build: judged, and go's refusal reported.
    fs.writeFileSync(path.join(dir, 'go.work'), 'go 1.21\n\nuse (\n\t.\n\t./gen\n)\n')
    const used = await gate(world, dir, { checks: 'verify', 'base-ref': '' })
    expect(used.scope.fences).toEqual(['tools/go.mod'])
    expect(used.scope.modules.map(m => m.relDir)).toContain('gen')
    expect(used.blocking).toBeGreaterThan(0)
  })

  it('a go line newer than the toolchain is one toolchain-version-mismatch, and the steps that need go block, saying they could not run', async () => {
    const dir = world.dir('too-new', {
      'go.mod': 'module example.com/app\n\ngo 1.99.0\n\nrequire example.com/lib v1.0.0\n',
      'go.sum': cleanSum,
      'main.go': MAIN
    })
    expect(() => world.go(dir, 'list', '-m')).toThrow(/go\.mod requires go >= 1\.99\.0/)
    const result = await gate(world, dir, { checks: 'verify,vendor,replace' })
    // The skips block: raising the go line past the gate's toolchain must not switch its checks
    // off, while a build with GOTOOLCHAIN=auto switches toolchains and builds the module.
    expect(located(result)).toEqual([
      'step-skipped go.mod:3',
      'step-skipped go.mod:3',
      'toolchain-version-mismatch go.mod:3'
    ])
    const skips = result.findings.filter(f => f.rule === 'step-skipped')
    expect(skips.map(f => `${f.step} ${f.severity}`)).toEqual(['verify error', 'vendor error'])
    expect(skips[0].message).toMatch(/GOTOOLCHAIN=auto \(the default\) switches to go 1\.99\.0/)
    expect(result.blocking).toBe(2)
    expect(result.findings.some(f => f.rule === 'mod-download-failed')).toBe(false)
  })
})
