import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { expectEqualIn } from './helpers/expect.js'
import { parseModFile } from '../src/go/modfile.js'
import { checkVendorConsistency, parseModulesTxt } from '../src/go/modulestxt.js'
import { GoWorld } from './fixtures/workspace.js'
import { gate, located } from './helpers/gate.js'
import { GO_BIN } from './helpers/go.js'

const GO_MOD = 'module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.2.0\n)\n'
const MAIN = 'package main\n\nimport (\n\t_ "example.com/a"\n\t_ "example.com/b"\n)\n\nfunc main() {}\n'

describe('vendor step', () => {
  let world: GoWorld
  let template: string

  beforeAll(() => {
    world = new GoWorld([
      { path: 'example.com/a', version: 'v1.0.0' },
      { path: 'example.com/b', version: 'v1.2.0', files: { 'b.go': 'package b\n', 'extra/x.go': 'package extra\n' } },
      {
        path: 'example.com/forkb',
        version: 'v1.0.0',
        goMod: 'module example.com/b\n\ngo 1.21\n',
        files: { 'b.go': 'package b\n\nconst Fork = 1\n' }
      }
    ])
    template = world.dir('template', { 'go.mod': GO_MOD, 'main.go': MAIN })
    world.go(template, 'mod', 'tidy')
    world.go(template, 'mod', 'vendor')
  })
  afterAll(() => world.cleanup())

  let n = 0
  function app(change: (dir: string) => void = () => {}): string {
    const dir = path.join(world.root, `app-${++n}`)
    fs.cpSync(template, dir, { recursive: true })
    change(dir)
    world.commitAll(dir, 'app')
    return dir
  }

  it('a clean vendor/ yields no finding, and the work tree is untouched', async () => {
    const dir = app()
    const result = await gate(world, dir, { checks: 'vendor' })
    expect(located(result)).toEqual([])
    expect(result.steps[0].status).toBe('passed')
    expect(world.git(dir, 'status', '--porcelain')).toBe('')
  })

  it('an edited, a deleted and an added file are one finding each, on the file', async () => {
    const dir = app(d => {
      fs.appendFileSync(path.join(d, 'vendor/example.com/a/a.go'), '\nfunc init() { println("owned") }\n')
      fs.rmSync(path.join(d, 'vendor/example.com/b/b.go'))
      fs.writeFileSync(path.join(d, 'vendor/example.com/b/backdoor.go'), 'package b\n')
    })
    expect(located(await gate(world, dir, { checks: 'vendor' })).sort()).toEqual(
      [
        'vendor-file-extra vendor/example.com/b/backdoor.go:1',
        'vendor-file-missing vendor/example.com/b/b.go:1',
        'vendor-file-modified vendor/example.com/a/a.go:1'
      ].sort()
    )
  })

  it('a symlink is vendor-unsafe-entry and is never followed', async () => {
    const dir = app(d => {
      fs.rmSync(path.join(d, 'vendor/example.com/a/a.go'))
      fs.symlinkSync('/etc/passwd', path.join(d, 'vendor/example.com/a/a.go'))
    })
    expect(located(await gate(world, dir, { checks: 'vendor' }))).toEqual([
      'vendor-unsafe-entry vendor/example.com/a/a.go:1'
    ])
  })

  it('modules.txt edited to drop an explicit marker is a mismatch on the go.mod line, and a modified file', async () => {
    const dir = app(d => {
      const file = path.join(d, 'vendor/modules.txt')
      fs.writeFileSync(
        file,
        fs.readFileSync(file, 'utf8').replace(/(# example\.com\/b v1\.2\.0\n)## explicit; go 1\.21\n/, '$1')
      )
    })
    const result = await gate(world, dir, { checks: 'vendor' })
    // One issue, one finding: the line-level modules.txt comparison leaves a module go already refuses to the consistency check.
    expect(located(result)).toEqual(['vendor-modules-txt-mismatch go.mod:7'])
    expect(result.findings.find(f => f.rule === 'vendor-modules-txt-mismatch')!.message).toContain(
      'example.com/b@v1.2.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt'
    )
  })

  it('a replacement added to go.mod without re-vendoring is caught', async () => {
    const dir = app(d =>
      fs.appendFileSync(path.join(d, 'go.mod'), '\nreplace example.com/b => example.com/forkb v1.0.0\n')
    )
    world.go(dir, 'mod', 'download', 'example.com/forkb@v1.0.0')
    fs.appendFileSync(
      path.join(dir, 'go.sum'),
      execFileSync(GO_BIN, ['mod', 'download', '-json', 'example.com/forkb@v1.0.0'], {
        cwd: dir,
        env: world.env,
        encoding: 'utf8'
      })
        .match(/"Sum": "(\S+)"/)![1]
        .replace(/^/, 'example.com/forkb v1.0.0 ') + '\n'
    )
    const result = await gate(world, dir, { checks: 'vendor', rules: 'vendor-file-modified: off' })
    expect(located(result)).toEqual(['vendor-modules-txt-mismatch go.mod:10'])
  })

  it('a modules.txt differing in no module is a mismatch on its first differing line, a blank line or the end said so', async () => {
    const appended = await gate(
      world,
      app(d => fs.appendFileSync(path.join(d, 'vendor/modules.txt'), '\n')),
      { checks: 'vendor' }
    )
    expect(located(appended)).toHaveLength(1)
    expect(appended.findings[0].message).toMatch(
      /^vendor\/modules\.txt line \d+ is a blank line where `go mod vendor` writes the end of the file/
    )
  })

  it("a go version edited in modules.txt is a mismatch on that line; one newer than the toolchain is refused in go's words", async () => {
    const edit =
      (from: string, to: string) =>
      (d: string): void => {
        const file = path.join(d, 'vendor/modules.txt')
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to))
      }
    const older = await gate(
      world,
      app(edit('# example.com/a v1.0.0\n## explicit; go 1.21', '# example.com/a v1.0.0\n## explicit; go 1.20')),
      { checks: 'vendor' }
    )
    expect(located(older)).toEqual(['vendor-modules-txt-mismatch vendor/modules.txt:2'])
    expect(older.findings[0].message).toContain(
      '## explicit; go 1.20 where `go mod vendor` writes ## explicit; go 1.21'
    )
    const newer = await gate(
      world,
      app(edit('# example.com/a v1.0.0\n## explicit; go 1.21', '# example.com/a v1.0.0\n## explicit; go 1.999')),
      { checks: 'vendor' }
    )
    expect(located(newer)).toEqual(['vendor-modules-txt-mismatch vendor/modules.txt:2'])
    expect(newer.findings[0].message).toMatch(
      /example\.com\/a in vendor\/modules\.txt requires go >= 1\.999 \(running go 1\.\d+/
    )
  })

  it('a module line go ignores but go mod vendor does not write is a mismatch on that line', async () => {
    const dir = app(d => fs.appendFileSync(path.join(d, 'vendor/modules.txt'), '# example.com/c v1.0.0\n'))
    const lines = fs.readFileSync(path.join(dir, 'vendor/modules.txt'), 'utf8').split('\n')
    expect(located(await gate(world, dir, { checks: 'vendor' }))).toEqual([
      `vendor-modules-txt-mismatch vendor/modules.txt:${lines.indexOf('# example.com/c v1.0.0') + 1}`
    ])
  })

  it('a vendor/ that is itself a symlink is vendor-unsafe-entry, not a skip', async () => {
    const dir = app(d => {
      fs.renameSync(path.join(d, 'vendor'), path.join(d, 'elsewhere'))
      fs.symlinkSync('elsewhere', path.join(d, 'vendor'))
    })
    expect(located(await gate(world, dir, { checks: 'vendor' }))).toEqual(['vendor-unsafe-entry vendor:1'])
  })

  it('findings of a module in a subdirectory carry its directory', async () => {
    const dir = path.join(world.root, `repo-${++n}`)
    fs.cpSync(template, path.join(dir, 'sub'), { recursive: true })
    fs.appendFileSync(path.join(dir, 'sub/vendor/example.com/a/a.go'), '// edited\n')
    expect(located(await gate(world, dir, { checks: 'vendor' }))).toEqual([
      'vendor-file-modified sub/vendor/example.com/a/a.go:1'
    ])
  })

  it('GOFLAGS=-mod=vendor without vendor/ is refused on each requirement, as go would', async () => {
    const dir = app(d => fs.rmSync(path.join(d, 'vendor'), { recursive: true }))
    const result = await gate({ env: { ...world.env, GOFLAGS: '-modcacherw -mod=vendor' } }, dir, { checks: 'vendor' })
    expect(located(result)).toEqual(['vendor-modules-txt-mismatch go.mod:6', 'vendor-modules-txt-mismatch go.mod:7'])
    expect(result.findings[0].message).toContain('GOFLAGS sets -mod=vendor')
  })

  it('a workspace vendor directory is step-skipped, saying so', async () => {
    const dir = app(d =>
      fs.writeFileSync(
        path.join(d, 'vendor/modules.txt'),
        '## workspace\n' + fs.readFileSync(path.join(d, 'vendor/modules.txt'), 'utf8')
      )
    )
    const result = await gate(world, dir, { checks: 'vendor' })
    expect(located(result)).toEqual(['step-skipped vendor/modules.txt:1'])
    expect(result.findings[0].message).toContain('go work vendor')
  })

  it('a vendor/ in a module without dependencies is all extra: go vendors nothing and writes no directory', async () => {
    const dir = world.dir('nodeps', {
      'go.mod': 'module example.com/nodeps\n\ngo 1.21\n',
      'vendor/modules.txt': '',
      'vendor/example.com/x/x.go': 'package x\n'
    })
    world.commitAll(dir, 'nodeps')
    expect(located(await gate(world, dir, { checks: 'vendor' })).sort()).toEqual([
      'vendor-file-extra vendor/example.com/x/x.go:1',
      'vendor-file-extra vendor/modules.txt:1'
    ])
  })

  it('a module without vendor/ is step-skipped, saying so, the root module named like the others', async () => {
    const dir = world.dir('plain', {
      'go.mod': 'module example.com/plain\n\ngo 1.21\n',
      'tools/go.mod': 'module example.com/plain/tools\n\ngo 1.21\n'
    })
    const result = await gate(world, dir, { checks: 'vendor' })
    expect(located(result)).toEqual(['step-skipped go.mod:1', 'step-skipped tools/go.mod:1'])
    expect(result.findings.map(f => f.message.split(':')[0])).toEqual([
      'the module of go.mod has no vendor/ directory',
      'the module of tools/go.mod has no vendor/ directory'
    ])
  })

  it('one module compared and passed beside one without vendor/ is a passed step, with the skip noted', async () => {
    const dir = app(d => fs.mkdirSync(path.join(d, 'tools')))
    fs.writeFileSync(path.join(dir, 'tools/go.mod'), 'module example.com/tools\n\ngo 1.21\n')
    world.commitAll(dir, 'tools')
    const result = await gate(world, dir, { checks: 'vendor' })
    expect(located(result)).toEqual(['step-skipped tools/go.mod:1'])
    expect(result.steps[0].status).toBe('passed')
  })

  it("a vendor/ that cannot be regenerated keeps go's error without its progress lines", async () => {
    world.addModules([{ path: 'example.com/gone', version: 'v1.0.0' }])
    // The proxy serves the go.mod but a zip that is not one: go downloads it, then fails.
    fs.writeFileSync(path.join(world.proxyDir, 'example.com/gone/@v/v1.0.0.zip'), 'not a zip')
    const goModSum = (
      JSON.parse(
        spawnSync(GO_BIN, ['mod', 'download', '-json', 'example.com/gone@v1.0.0'], {
          cwd: template,
          env: world.env,
          encoding: 'utf8'
        }).stdout
      ) as { GoModSum: string }
    ).GoModSum
    const dir = app(d => {
      fs.writeFileSync(path.join(d, 'go.mod'), `${GO_MOD}\nrequire example.com/gone v1.0.0\n`)
      fs.writeFileSync(path.join(d, 'main.go'), MAIN.replace('import (\n', 'import (\n\t_ "example.com/gone"\n'))
      fs.appendFileSync(
        path.join(d, 'go.sum'),
        `example.com/gone v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nexample.com/gone v1.0.0/go.mod ${goModSum}\n`
      )
    })
    const direct = spawnSync(GO_BIN, ['mod', 'vendor', '-o', path.join(world.root, 'gone-vendor')], {
      cwd: dir,
      env: world.env,
      encoding: 'utf8'
    })
    expect(direct.stderr).toContain('go: downloading example.com/gone v1.0.0')
    const result = await gate(world, dir, { checks: 'vendor' })
    // (modules.txt also lacks the new requirement: vendor/ was not regenerated after it.)
    const notice = result.findings.find(f => f.rule === 'step-skipped')!
    expect(notice.message).toMatch(
      /^vendor\/ could not be regenerated with `go mod vendor`, .*: go: example\.com\/app imports\n\texample\.com\/gone: zip: not a valid zip file$/
    )
  })

  describe('files .gitignore excludes', () => {
    let ignoring: string
    beforeAll(() => {
      world.addModules([
        {
          path: 'example.com/docs',
          version: 'v1.0.0',
          files: {
            'docs.go': 'package docs\n\nimport _ "embed"\n\n//go:embed guide.md\nvar Guide string\n',
            'docs_windows.go': 'package docs\n\nconst OnWindows = true\n',
            'guide.md': '# guide\n',
            'README.md': '# docs\n',
            'CHANGES.txt': 'v1.0.0\n'
          }
        }
      ])
      ignoring = world.dir('ignoring', {
        'go.mod': 'module example.com/ignoring\n\ngo 1.22\n\nrequire example.com/docs v1.0.0\n',
        'main.go': 'package main\n\nimport _ "example.com/docs"\n\nfunc main() {}\n'
      })
      world.go(ignoring, 'mod', 'tidy')
      world.go(ignoring, 'mod', 'vendor')
    })

    /** A copy of `ignoring` with .gitignore `patterns`, committed as `git add -A` leaves it. */
    function ignoringApp(patterns: string[]): string {
      const dir = path.join(world.root, `ignoring-${++n}`)
      fs.cpSync(ignoring, dir, { recursive: true })
      fs.writeFileSync(path.join(dir, '.gitignore'), patterns.map(p => `${p}\n`).join(''))
      for (const f of ['README.md', 'CHANGES.txt', 'guide.md', 'docs_windows.go'])
        fs.rmSync(path.join(dir, 'vendor/example.com/docs', f), { force: true })
      world.commitAll(dir, 'ignoring')
      return dir
    }

    it('an ignored file the build never reads is one notice, and go mod vendor && git status is clean', async () => {
      const dir = ignoringApp(['/vendor/**/README.md', '*.txt', '!/vendor/**/guide.md'])
      // Only the two unread files are ignored: put the others back so go builds from vendor/.
      for (const f of ['guide.md', 'docs_windows.go'])
        fs.copyFileSync(path.join(ignoring, 'vendor/example.com/docs', f), path.join(dir, 'vendor/example.com/docs', f))
      world.commitAll(dir, 'the files the build reads')
      const result = await gate(world, dir, { checks: 'vendor' })
      expect(located(result)).toEqual(['vendor-file-ignored vendor/modules.txt:1'])
      expect(result.findings[0].message).toContain(
        'vendor/example.com/docs/CHANGES.txt, vendor/example.com/docs/README.md'
      )
      expect(result.steps[0].status).toBe('passed')
      // go's own judgement: regenerating leaves git status clean, and the build does not need them.
      world.go(dir, 'mod', 'vendor')
      expect(world.git(dir, 'status', '--porcelain')).toBe('')
      world.go(dir, 'list', '-mod=vendor', '-deps', './...')
    })

    it('an ignored file the build reads (embedded, or a Go file of another platform) stays vendor-file-missing', async () => {
      const dir = ignoringApp(['/vendor/**/*.md', '*_windows.go', '*.txt'])
      const result = await gate(world, dir, { checks: 'vendor' })
      expect(located(result)).toEqual([
        'vendor-file-missing vendor/example.com/docs/docs_windows.go:1',
        'vendor-file-missing vendor/example.com/docs/guide.md:1',
        'vendor-file-ignored vendor/modules.txt:1'
      ])
      expect(result.findings[0].message).toContain('.gitignore excludes it, yet the build reads it')
      expect(result.findings[2].message).toContain(
        '2 files `go mod vendor` writes, not committed because .gitignore excludes them; the build never reads them'
      )
      // go's own judgement: without the embedded file vendor/ does not build.
      expect(() => world.go(dir, 'list', '-mod=vendor', '-deps', './...')).toThrow(
        /pattern guide\.md: no matching files found/
      )
    })
  })

  it('agrees with go list -mod=vendor on generated modules.txt edits', () => {
    const original = fs.readFileSync(path.join(template, 'vendor/modules.txt'), 'utf8')
    const lines = original.split('\n')
    const edits = fc.sample(
      fc.oneof(
        fc.nat(lines.length - 1).map(i => (ls: string[]) => ls.filter((_, j) => j !== i)),
        fc.constantFrom(
          (ls: string[]) => ls.map(l => l.replace('v1.2.0', 'v1.2.1')),
          (ls: string[]) => ls.map(l => l.replace('## explicit; go 1.21', '## go 1.21')),
          (ls: string[]) => [...ls, '# example.com/b v1.2.0 => example.com/forkb v1.0.0'],
          (ls: string[]) => [...ls, '# example.com/c v1.0.0', '## explicit'],
          (ls: string[]) => ls
        )
      ),
      { numRuns: 25, seed: 7 }
    )
    const dir = app()
    const modFile = parseModFile(GO_MOD).file
    let rejected = 0
    for (const edit of edits) {
      const text = edit(lines).join('\n')
      fs.writeFileSync(path.join(dir, 'vendor/modules.txt'), text)
      let goRejects = false
      try {
        execFileSync(GO_BIN, ['list', '-mod=vendor', './...'], {
          cwd: dir,
          env: world.env,
          stdio: ['ignore', 'pipe', 'pipe']
        })
      } catch (error) {
        goRejects = /inconsistent vendoring/.test(String((error as { stderr?: string }).stderr))
      }
      const weReject = checkVendorConsistency(modFile, parseModulesTxt(text)).length > 0
      expectEqualIn(text, weReject, goRejects)
      if (goRejects) rejected++
    }
    expect(rejected).toBeGreaterThan(3)
    expect(rejected).toBeLessThan(edits.length)
  })
  it('agrees with go list -mod=vendor on generated go.mod and modules.txt edits together', () => {
    const original = fs.readFileSync(path.join(template, 'vendor/modules.txt'), 'utf8')
    const goModEdits: ((t: string) => string)[] = [
      t => t,
      t => t.replace('go 1.21', 'go 1.13'),
      t => t.replace('go 1.21', 'go 1.22rc1'),
      t => t.replace(/\tgo 1\.21\n|\ngo 1\.21\n/, '\n'),
      t => `${t}\nreplace example.com/b => example.com/forkb v1.0.0\n`,
      t => `${t}\nreplace example.com/b v1.2.0 => ./forkb\n`,
      t => `${t}\nreplace example.com/app => ./elsewhere\n`,
      t => `${t}\nreplace example.com/zzz => ./zzz\n`,
      t => t.replace('example.com/a v1.0.0', 'example.com/a v1.0.1')
    ]
    const txtEdits: ((t: string) => string)[] = [
      t => t,
      t => `${t}# example.com/b v1.2.0 => example.com/forkb v1.0.0\n`,
      t => `${t}# example.com/b => ./forkb\n`,
      t => `${t}# example.com/app => ./elsewhere\n`,
      t => t.replace('## explicit; go 1.21', '## explicit; go 1.999'),
      t => t.replace('# example.com/a v1.0.0', '# example.com/a v1.0.2'),
      t => t.replace(/## explicit; go 1\.21\n/g, '## go 1.21\n')
    ]
    // Every pair: small enough to run exhaustively.
    const cases = goModEdits.flatMap((_, m) => txtEdits.map((_, t) => [m, t] as const))
    const dir = app()
    const goModText = fs.readFileSync(path.join(template, 'go.mod'), 'utf8')
    const local = /go(\d+\.\d+(?:\.\d+)?)/.exec(world.go(dir, 'env', 'GOVERSION'))![1]
    const verdicts = new Set<string>()
    for (const [m, t] of cases) {
      const goMod = goModEdits[m](goModText)
      const txt = txtEdits[t](original)
      fs.writeFileSync(path.join(dir, 'go.mod'), goMod)
      fs.writeFileSync(path.join(dir, 'vendor/modules.txt'), txt)
      let goRejects = false
      try {
        execFileSync(GO_BIN, ['list', '-mod=vendor', './...'], {
          cwd: dir,
          env: world.env,
          stdio: ['ignore', 'pipe', 'pipe']
        })
      } catch (error) {
        goRejects = /inconsistent vendoring|requires go >=/.test(String((error as { stderr?: string }).stderr))
      }
      const parsed = parseModFile(goMod)
      expect(parsed.errors).toEqual([])
      const weReject = checkVendorConsistency(parsed.file, parseModulesTxt(txt), { localGoVersion: local }).length > 0
      expectEqualIn(`go.mod edit ${m}, modules.txt edit ${t}`, weReject, goRejects)
      verdicts.add(String(goRejects))
    }
    expect([...verdicts].sort()).toEqual(['false', 'true'])
  })
})

describe('parseModulesTxt', () => {
  it('keeps line numbers, replacements and go versions', () => {
    const txt = parseModulesTxt(
      '# a.com/x v1.0.0 => ./x\n## explicit; go 1.22\na.com/x\na.com/x/sub\n# b.com/y => c.com/y v1.1.0\n'
    )
    expect(txt.modules).toEqual([
      {
        path: 'a.com/x',
        version: 'v1.0.0',
        replacement: { path: './x', version: '' },
        explicit: true,
        goVersion: '1.22',
        line: 1,
        annotationLine: 2,
        packages: [
          { path: 'a.com/x', line: 3 },
          { path: 'a.com/x/sub', line: 4 }
        ]
      },
      {
        path: 'b.com/y',
        version: '',
        replacement: { path: 'c.com/y', version: 'v1.1.0' },
        explicit: false,
        line: 5,
        packages: []
      }
    ])
  })
})
