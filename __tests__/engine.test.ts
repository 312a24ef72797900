import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ConfigError, parseConfig } from '../src/config.js'
import { runGate } from '../src/engine.js'
import { GoCommand, cleanGoFlags } from '../src/go/command.js'
import { silentLogger } from '../src/logger.js'
import { loadScope } from '../src/modules.js'
import { GoWorld } from './fixtures/workspace.js'
import { gate, located } from './helpers/gate.js'
import { GO_BIN, loggingGo } from './helpers/go.js'

const mod = (p: string): string => `module ${p}\n\ngo 1.21\n`

describe('module discovery', () => {
  let world: GoWorld
  let root: string
  beforeAll(() => {
    world = new GoWorld()
    root = world.dir('repo', {
      'go.mod': mod('example.com/root'),
      'api/go.mod': mod('example.com/root/api'),
      'services/a/go.mod': mod('example.com/root/services/a'),
      'services/b/go.mod': mod('example.com/root/services/b'),
      'vendor/example.com/x/go.mod': mod('example.com/x'),
      'testdata/t/go.mod': mod('example.com/t'),
      'node_modules/n/go.mod': mod('example.com/n'),
      '.github/g/go.mod': mod('example.com/g'),
      'go.work': 'go 1.21\n\nuse (\n\t.\n\t./api\n)\n'
    })
  })
  afterAll(() => world.cleanup())
  let go: GoCommand
  beforeAll(() => {
    go = new GoCommand(GO_BIN, world.env)
  })

  it('finds every go.mod outside vendor/, testdata/, node_modules/ and dot-directories, and go.work files', async () => {
    const scope = await loadScope(root, undefined, go)
    expect(scope.modules.map(m => m.relDir)).toEqual(['.', 'api', 'services/a', 'services/b'])
    expect(scope.modules[1]).toMatchObject({ goModFile: 'api/go.mod', goSumFile: 'api/go.sum', goSumText: undefined })
    expect(scope.workspaces.map(w => [w.file, w.work.file.use.map(u => u.path)])).toEqual([['go.work', ['.', './api']]])
  })

  it('selects modules by directory or glob', async () => {
    expect((await loadScope(root, ['./api', 'services/*'], go)).modules.map(m => m.relDir)).toEqual([
      'api',
      'services/a',
      'services/b'
    ])
    expect((await loadScope(root, ['.'], go)).modules.map(m => m.relDir)).toEqual(['.'])
  })

  it.each([['services/c'], ['nothing/*'], ['../outside']])('rejects %s naming the modules input', async pattern => {
    await expect(loadScope(root, [pattern], go)).rejects.toThrow(ConfigError)
    await expect(loadScope(root, [pattern], go)).rejects.toThrow(/Invalid input "modules"/)
  })

  it('rejects a working-directory that does not exist', async () => {
    await expect(loadScope(path.join(root, 'missing'), undefined, go)).rejects.toThrow(
      /Invalid input "working-directory"/
    )
  })
})

describe('the go command wrapper', () => {
  it('keeps only the GOFLAGS flags that change nothing go reads or checks: -mod, -modfile, -overlay and the unknown go', () => {
    expect(
      cleanGoFlags(
        '-mod=mod -modcacherw -modfile=/x/go.mod --insecure -buildvcs=false -overlay=/tmp/o.json -tags=integration -pgo=off -x'
      )
    ).toBe('-modcacherw -buildvcs=false -tags=integration')
    expect(cleanGoFlags('')).toBe('')
  })

  it('runs go with GOTOOLCHAIN=local, GOWORK=off and cleaned GOFLAGS whatever the job sets', async () => {
    const world = new GoWorld()
    try {
      const go = new GoCommand(GO_BIN, {
        ...world.env,
        GOTOOLCHAIN: 'go1.99.0+auto',
        GOFLAGS: '-mod=mod -modcacherw',
        GOWORK: '/elsewhere/go.work'
      })
      const result = await go.run(['env', 'GOTOOLCHAIN', 'GOFLAGS', 'GOWORK'], { cwd: world.root })
      expect(result.stdout.split('\n').slice(0, 3)).toEqual(['local', '-modcacherw', 'off'])
      const inWorkspace = await go.run(['env', 'GOWORK'], { cwd: world.root, workspace: true })
      expect(inWorkspace.stdout.trim()).toBe('/elsewhere/go.work')
    } finally {
      world.cleanup()
    }
  })

  it('turns a go binary that cannot run into a clear error', async () => {
    const go = new GoCommand('/nonexistent/go')
    await expect(go.run(['version'], { cwd: '/' })).rejects.toThrow(
      /could not run "go env -json" \(go-binary: \/nonexistent\/go\): spawn \/nonexistent\/go ENOENT/
    )
  })

  it('says which setting a go that refuses its environment names, rather than blaming go-binary', async () => {
    const go = new GoCommand(GO_BIN, { ...process.env, GOEXPERIMENT: 'unheardof' })
    await expect(go.env()).rejects.toThrow(
      /^go refuses the job's Go environment: "go env -json" failed: go: unknown GOEXPERIMENT unheardof\. Fix the setting go names$/
    )
  })

  it('bounds a go subprocess in time', async () => {
    const world = new GoWorld()
    try {
      const slow = world.dir('bin', {
        go: '#!/bin/sh\n[ "$1" = env ] && { echo "{\\"GOFLAGS\\":\\"\\"}"; exit 0; }\nsleep 30\n'
      })
      fs.chmodSync(path.join(slow, 'go'), 0o755)
      const go = new GoCommand(path.join(slow, 'go'), world.env)
      const started = performance.now()
      await expect(go.run(['mod', 'download'], { cwd: world.root, timeoutMs: 300 })).rejects.toThrow(
        /timed out after 0.3 s/
      )
      // The shell's `sleep` child held the pipes for 30 s; the process group dies with the shell.
      expect(performance.now() - started).toBeLessThan(2000)
    } finally {
      world.cleanup()
    }
  })
})

describe('the engine', () => {
  it('keeps running the other steps when one throws, and marks that step failed', async () => {
    const world = new GoWorld()
    try {
      const dir = world.dir('app', { 'go.mod': `${mod('example.com/app')}\nreplace example.com/x => ./x\n` })
      const config = parseConfig({ 'working-directory': dir, checks: 'verify,replace' })
      const result = await runGate(config, new GoCommand('/nonexistent/go', world.env), silentLogger)
      expect(result.steps.map(s => [s.step, s.status])).toEqual([
        ['verify', 'failed'],
        ['replace', 'failed']
      ])
      expect(result.steps[0].error).toMatch(/could not run/)
      expect(located(result)).toEqual(['replace-local-path go.mod:5'])
    } finally {
      world.cleanup()
    }
  })

  it('reports step-skipped steps as skipped, and a clean step as passed', async () => {
    const world = new GoWorld()
    try {
      const dir = world.dir('app', { 'go.mod': mod('example.com/app') })
      // A module without vendor/: the vendor step cannot run and says so.
      const result = await gate(world, dir, { checks: 'vendor,replace' })
      expect(result.steps).toMatchObject([
        { step: 'vendor', status: 'skipped' },
        { step: 'replace', status: 'passed', findings: [] }
      ])
      expect(located(result)).toEqual(['step-skipped go.mod:1'])
      expect(result.blocking).toBe(0)
    } finally {
      world.cleanup()
    }
  })
  it('names at most 20 modules of the scope in the log, and says how many more', async () => {
    const world = new GoWorld()
    try {
      const files: Record<string, string> = {}
      for (let i = 0; i < 23; i++) files[`m${String(i).padStart(2, '0')}/go.mod`] = mod(`example.com/m${i}`)
      const dir = world.dir('repo', files)
      const lines: string[] = []
      const logger = { ...silentLogger, info: (m: string) => void lines.push(m) }
      const config = parseConfig({ 'working-directory': dir, checks: 'replace' })
      await runGate(config, new GoCommand(GO_BIN, world.env), logger)
      const scopeLine = lines.find(l => l.includes('in scope'))
      expect(scopeLine).toBe(
        `go-guard: 23 module(s) in scope: ${Array.from({ length: 20 }, (_, i) => `m${String(i).padStart(2, '0')}`).join(', ')} and 3 more`
      )
    } finally {
      world.cleanup()
    }
  })

  it("runs one step's module judgments beside another's slow go commands (only go's work waits for cores)", async () => {
    const world = new GoWorld()
    try {
      const files: Record<string, string> = {}
      for (const name of ['a', 'b', 'c', 'd']) files[`${name}/go.mod`] = mod(`example.com/${name}`)
      const dir = world.dir('repo', files)
      // go that takes 1.5 s over every download: the verify step's judgments hold it.
      const bin = world.dir('bin', {
        go: `#!/bin/sh\ncase "$*" in *"mod download"*) sleep 1.5;; esac\nexec "${GO_BIN}" "$@"\n`
      })
      fs.chmodSync(path.join(bin, 'go'), 0o755)
      const result = await gate(world, dir, { 'go-binary': path.join(bin, 'go'), checks: 'verify,replace' })
      const [verify, replace] = result.steps
      expect([verify.step, verify.status, replace.step, replace.status]).toEqual([
        'verify',
        'passed',
        'replace',
        'passed'
      ])
      expect(verify.durationMs).toBeGreaterThan(1500)
      // The replace step runs no go: its judgments do not queue behind verify's for a slot.
      expect(replace.durationMs).toBeLessThan(1000)
    } finally {
      world.cleanup()
    }
  })
})

describe('redactSecrets', () => {
  it('removes URL user info (names and passwords) and GitHub tokens, and leaves other text alone', async () => {
    const { redactSecrets } = await import('../src/findings.js')
    expect(redactSecrets('GOPROXY=https://bob:hunter2@proxy.internal/mod,direct')).toBe(
      'GOPROXY=https://***@proxy.internal/mod,direct'
    )
    // A token as the user name, as private proxies and git hosts take it.
    expect(redactSecrets('GOPROXY=https://s3cr3tT0ken@proxy.internal,https://u:p@other.internal|direct')).toBe(
      'GOPROXY=https://***@proxy.internal,https://***@other.internal|direct'
    )
    // Not user info: an @ after the path, query or fragment began.
    expect(redactSecrets('https://host.internal/x@v1.0.0 https://host.internal?a=b@c')).toBe(
      'https://host.internal/x@v1.0.0 https://host.internal?a=b@c'
    )
    expect(
      redactSecrets('token ghp_abcdefghijklmnopqrstuvwxyz0123456789 and github_pat_11ABCDEFGHIJKLMNOPQRST_xyz')
    ).toBe('token *** and ***')
    expect(redactSecrets('example.com/a@v1.0.0: checksum mismatch')).toBe('example.com/a@v1.0.0: checksum mismatch')
  })
})

describe('go work shared between steps', () => {
  it('asks go for the build list and the module graph once per module, for deny-modules, drift and the audit alike', async () => {
    const world = new GoWorld([{ path: 'example.com/a', version: 'v1.0.0' }])
    try {
      const repo = world.dir('repo', {
        'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/a v1.0.0\n',
        'main.go': 'package main\n\nimport _ "example.com/a"\n\nfunc main() {}\n'
      })
      world.go(repo, 'mod', 'tidy')
      const go = loggingGo(path.join(world.root, 'bin'))
      const result = await gate(world, repo, {
        'go-binary': go.binary,
        checks: 'verify,sum-drift',
        'deny-modules': 'example.com/**@<v1.0.0 # old',
        'report-file': path.join(world.root, 'report.json')
      })
      expect(result.audit?.modules.map(m => m.buildList.length)).toEqual([2])
      const log = go.commandLines()
      expect(log.filter(l => /^list -modfile=\S+ -m -mod=mod -e -json all$/.test(l))).toHaveLength(1)
      expect(log.filter(l => /^mod graph -modfile=/.test(l))).toHaveLength(1)
    } finally {
      world.cleanup()
    }
  })
})
