/**
 * Hostile and careless pull requests, end to end: each case is a real git repository with a base
 * and a head commit, judged by the bundled dist/index.js as the runner runs it. Each asserts the
 * exact rule, file and line, and the job's outcome.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { expectEqualIn } from './expect.js'
import { GoWorld } from '../fixtures/workspace.js'
import { GO_BIN } from './go.js'
import { runAction } from './runner.js'

type Files = Record<string, string | null>

interface Case {
  name: string
  /** Files of the base commit; go.sum is made by `go mod tidy` unless given. */
  base: Files
  /** What the pull request changes: new text, null to delete, or a function of the base text. */
  head: Record<string, string | null | ((base: string) => string)>
  inputs?: Record<string, string>
  env?: Record<string, string>
  /** `rule file:line` that must be annotated. */
  expect: string[]
  /** `rule file:line` that must not be. */
  absent?: string[]
  /** Messages that must appear among the findings. */
  messages?: RegExp[]
  /** Run `go mod tidy` at base and head (go.sum follows go.mod). */
  tidy?: boolean
  /** Commit a vendor/ made by `go mod vendor` at base. */
  vendor?: boolean
  symlinks?: Record<string, string>
  /** The go env -w file's content. */
  goenv?: string
  /** Put another `go` first on PATH. */
  shadowGo?: boolean
  outcome: 'success' | 'failure'
}

const MAIN = 'package main\n\nimport (\n\t_ "example.com/a"\n\t_ "example.com/b"\n)\n\nfunc main() {}\n'
const GO_MOD = 'module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.2.0\n)\n'
const APP = { 'go.mod': GO_MOD, 'main.go': MAIN }
const DEFAULT_INPUTS = { checks: 'verify,sum-drift,vendor,replace' }
// The toolchain cases: the official downloads are out of reach here, so the proof fails closed
// (toolchain-unverifiable) and each case asserts that too.
const TOOLCHAIN_INPUTS = { checks: 'toolchain', 'toolchain-checksums-url': 'http://127.0.0.1:9/list.json' }
const UNVERIFIABLE = 'toolchain-unverifiable go.mod:1'

const editSumLine = (prefix: string, hash: string) => (text: string) => {
  const out = text.replace(new RegExp(`^(${prefix.replace(/[.]/g, '\\.')} h1:)\\S+`, 'm'), `$1${hash}`)
  if (out === text) throw new Error(`no go.sum line ${prefix}`)
  return out
}
const dropSumLine = (prefix: string) => (text: string) =>
  text
    .split('\n')
    .filter(l => !l.startsWith(`${prefix} h1:`))
    .join('\n')

const CASES: Case[] = [
  {
    name: 'a go.sum hash edited for an unchanged version',
    base: APP,
    head: { 'go.sum': editSumLine('example.com/b v1.2.0', 'T2JGFC7V8xnw/y8GkzlohNxJf9LxVdt7X+lcHd6YyLZ=') },
    expect: ['mod-download-failed go.mod:7', 'sum-hash-changed go.sum:3', 'sum-unverified-hash go.sum:3'],
    outcome: 'failure'
  },
  {
    name: 'a go.sum line removed so go would fetch and trust on first use',
    base: APP,
    head: { 'go.sum': dropSumLine('example.com/a v1.0.0') },
    expect: ['sum-missing-entry go.mod:6'],
    outcome: 'failure'
  },
  {
    name: 'a go.sum line removed while GOFLAGS=-mod=mod would let go write it back',
    base: APP,
    head: { 'go.sum': dropSumLine('example.com/a v1.0.0') },
    env: { GOFLAGS: '-mod=mod' },
    expect: ['sum-missing-entry go.mod:6'],
    outcome: 'failure'
  },
  {
    name: 'a go.work added that replaces a dependency',
    base: APP,
    head: { 'go.work': 'go 1.21\n\nuse .\n\nreplace example.com/b => example.com/evil v1.0.0\n' },
    expect: ['replace-in-workspace go.work:5'],
    outcome: 'failure'
  },
  {
    name: 'a local replace hidden in a block among allowed ones',
    base: APP,
    head: {
      'go.mod': t =>
        `${t}\nreplace (\n\texample.com/a => example.com/a v1.0.0\n\texample.com/b => ../../tmp/b\n\texample.com/c => example.com/c v1.0.0\n)\n`
    },
    inputs: { 'allow-replace': 'example.com/* => example.com/*' },
    expect: ['replace-local-path go.mod:12'],
    absent: ['replace-not-allowed go.mod:11', 'replace-not-allowed go.mod:13'],
    outcome: 'failure'
  },
  {
    name: 'a replacement to another owner under an allowed fork pattern',
    base: APP,
    head: { 'go.mod': t => `${t}\nreplace example.com/a => example.com/ourfork-evil/a v1.0.0\n` },
    inputs: { 'allow-replace': 'example.com/* => example.com/ourfork/*' },
    expect: ['replace-not-allowed go.mod:10'],
    outcome: 'failure'
  },
  {
    name: 'a module path built to inject a workflow command',
    base: APP,
    head: { 'go.mod': t => `${t}\nreplace "example.com/x%0A::error::pwned" => ./x\n` },
    expect: ['replace-local-path go.mod:10'],
    outcome: 'failure'
  },
  {
    name: 'a module directory name built to inject annotation properties',
    base: {
      ...APP,
      'evil,line=1::x%0A/go.mod': 'module example.com/evil\n\ngo 1.21\n\nreplace example.com/q => ./q\n'
    },
    head: {},
    inputs: { checks: 'replace' },
    // @actions/core escapes `,` `:` `%` CR LF in properties, so the name cannot end the file property.
    expect: ['replace-local-path evil%2Cline=1%3A%3Ax%250A/go.mod:5'],
    outcome: 'failure'
  },
  {
    name: 'a go.mod of several megabytes with a local replace at its end',
    base: APP,
    head: {
      'go.mod': t =>
        `${t}\n${Array.from({ length: 60_000 }, (_, i) => `// padding comment line ${i} ${'x'.repeat(40)}`).join('\n')}\nreplace example.com/a => ./a\n`
    },
    inputs: { checks: 'replace' },
    expect: ['replace-local-path go.mod:60010'],
    outcome: 'failure'
  },
  {
    name: 'a go.sum with a malformed line',
    base: APP,
    head: { 'go.sum': t => `${t}this line is not a go.sum entry\n` },
    expect: ['mod-download-failed go.sum:5'],
    outcome: 'failure'
  },
  {
    name: 'a go.sum with CRLF endings and duplicate identical lines is no integrity finding (tidy drops the duplicate)',
    base: APP,
    head: { 'go.sum': t => (t + t.split('\n')[0] + '\n').replace(/\n/g, '\r\n') },
    inputs: { checks: 'verify,replace' },
    expect: ['mod-not-tidy go.sum:5'],
    outcome: 'success'
  },
  {
    name: 'a go.mod go cannot parse',
    base: APP,
    head: { 'go.mod': t => t.replace('example.com/b v1.2.0', 'example.com/b v1.2.0 extra') },
    // Every step that reads go.mod fails on it; the annotation is made once.
    expect: ['scope-unreadable go.mod:7'],
    outcome: 'failure'
  },
  {
    name: 'a second hash added for an unchanged module@version (go accepts a download matching either)',
    base: APP,
    head: { 'go.sum': t => `${t}example.com/b v1.2.0 h1:AAAAFC7V8xnw/y8GkzlohNxJf9LxVdt7X+lcHd6YyLY=\n` },
    expect: ['sum-hash-changed go.sum:5'],
    outcome: 'failure'
  },
  {
    name: 'more new modules than max-new-modules, one of them on a pseudo-version',
    base: {
      ...APP,
      'go.mod': GO_MOD.replace('\texample.com/b v1.2.0\n', ''),
      'main.go': MAIN.replace('\t_ "example.com/b"\n', '')
    },
    head: {
      'go.mod': () =>
        GO_MOD.replace(
          '\texample.com/b v1.2.0\n',
          '\texample.com/b v1.2.0\n\texample.com/c v0.0.0-20240101000000-abcdefabcdef\n'
        ),
      'main.go': () => MAIN.replace('\t_ "example.com/b"\n', '\t_ "example.com/b"\n\t_ "example.com/c"\n'),
      'go.sum': null
    },
    tidy: true,
    inputs: { 'max-new-modules': '1', rules: 'sum-unverified-hash: off' },
    expect: ['sum-new-modules-limit go.sum:1', 'sum-pseudo-version go.mod:8'],
    outcome: 'failure'
  },
  {
    name: 'a downgrade, blocking with fail-on: warning',
    base: { ...APP, 'go.mod': GO_MOD.replace('example.com/a v1.0.0', 'example.com/a v1.1.0') },
    head: { 'go.mod': () => GO_MOD, 'go.sum': null },
    tidy: true,
    inputs: { 'fail-on': 'warning', rules: 'sum-unverified-hash: off' },
    expect: ['sum-module-downgraded go.sum:1', 'sum-module-downgraded go.mod:6'],
    outcome: 'failure'
  },
  {
    name: 'a vendored file edited',
    base: APP,
    vendor: true,
    head: { 'vendor/example.com/a/a.go': t => `${t}\nfunc init() { println("owned") }\n` },
    expect: ['vendor-file-modified vendor/example.com/a/a.go:1'],
    outcome: 'failure'
  },
  {
    name: 'a vendored symlink pointing outside the repository',
    base: APP,
    vendor: true,
    head: { 'vendor/example.com/a/a.go': null },
    symlinks: { 'vendor/example.com/a/a.go': '/etc/passwd' },
    expect: ['vendor-unsafe-entry vendor/example.com/a/a.go:1'],
    outcome: 'failure'
  },
  {
    name: 'modules.txt edited to hide a replacement',
    base: { ...APP, 'go.mod': `${GO_MOD}\nreplace example.com/b => example.com/evil v1.0.0\n` },
    tidy: true,
    vendor: true,
    head: {
      'vendor/modules.txt': t => t.replaceAll(' => example.com/evil v1.0.0', '').replace(/^# example.com\/b\n/m, '')
    },
    inputs: { 'allow-replace': 'example.com/b => example.com/evil' },
    expect: ['vendor-modules-txt-mismatch go.mod:10'],
    outcome: 'failure'
  },
  {
    name: 'a go line raised so that a permissive environment would download another toolchain',
    base: APP,
    head: { 'go.mod': t => t.replace('go 1.21', 'go 1.99.0') },
    inputs: TOOLCHAIN_INPUTS,
    env: { GOTOOLCHAIN: 'auto' },
    expect: ['toolchain-version-mismatch go.mod:3', 'env-notice go.mod:1', UNVERIFIABLE],
    outcome: 'failure'
  },
  {
    name: 'a toolchain line raised',
    base: APP,
    head: { 'go.mod': t => t.replace('go 1.21', 'go 1.21\n\ntoolchain go1.99.2') },
    inputs: TOOLCHAIN_INPUTS,
    expect: ['toolchain-version-mismatch go.mod:5', UNVERIFIABLE],
    outcome: 'failure'
  },
  {
    name: "GOFLAGS=-mod=mod and GONOSUMDB=* in the job's environment",
    base: APP,
    head: {},
    inputs: TOOLCHAIN_INPUTS,
    env: { GOFLAGS: '-mod=mod', GONOSUMDB: '*' },
    expect: ['env-weakened-verification go.mod:1', UNVERIFIABLE],
    messages: [/GOFLAGS=-mod=mod is set in the job's environment/, /GONOSUMDB=\* is set in the job's environment/],
    outcome: 'failure'
  },
  {
    name: 'GOSUMDB=off and GOPRIVATE in the go env -w file',
    base: APP,
    head: {},
    inputs: TOOLCHAIN_INPUTS,
    goenv: 'GOSUMDB=off\nGOPRIVATE=corp.example\nGOINSECURE=corp.example\n',
    expect: ['env-weakened-verification go.mod:1', 'env-notice go.mod:1', UNVERIFIABLE],
    messages: [
      /GOSUMDB=off is set in the go env -w file/,
      /GOPRIVATE=corp\.example is set in the go env -w file/,
      /GOINSECURE=corp\.example/
    ],
    outcome: 'failure'
  },
  {
    name: 'a second go earlier in PATH',
    base: APP,
    head: {},
    // The job means the go it installed; another go comes first on PATH.
    inputs: { ...TOOLCHAIN_INPUTS, 'go-binary': GO_BIN },
    shadowGo: true,
    expect: ['path-shadowed-go go.mod:1', UNVERIFIABLE],
    outcome: 'failure'
  },
  {
    name: 'a requirement on a version that does not exist',
    base: APP,
    head: { 'go.mod': t => t.replace('example.com/b v1.2.0', 'example.com/b v1.9.9') },
    expect: ['mod-download-failed go.mod:7'],
    outcome: 'failure'
  },
  {
    // The gate must also pass what is harmless: only the step-skipped notices (no vendor/) remain.
    name: 'a pull request that changes only Go code',
    base: APP,
    head: { 'main.go': MAIN.replace('func main() {}', '// main does nothing yet.\nfunc main() {}') },
    expect: [],
    outcome: 'success'
  }
]

/**
 * The suite over every `of`-th case starting at `shard`: the cases are split across test files so
 * that jest runs them in parallel (each case runs the bundle as a runner would, a few seconds).
 */
export function adversarialSuite(shard: number, of: number): void {
  describe(`adversarial pull requests, through dist/index.js (${shard + 1} of ${of})`, () => {
    let world: GoWorld
    let templateSum: string

    beforeAll(() => {
      world = new GoWorld([
        { path: 'example.com/a', version: 'v1.0.0' },
        { path: 'example.com/a', version: 'v1.1.0' },
        { path: 'example.com/b', version: 'v1.2.0' },
        { path: 'example.com/c', version: 'v1.0.0' },
        { path: 'example.com/c', version: 'v0.0.0-20240101000000-abcdefabcdef' },
        { path: 'example.com/evil', version: 'v1.0.0', goMod: 'module example.com/b\n\ngo 1.21\n' }
      ])
      const template = world.dir('template', APP)
      world.go(template, 'mod', 'tidy')
      templateSum = fs.readFileSync(path.join(template, 'go.sum'), 'utf8')
    })
    afterAll(() => world.cleanup())

    function write(dir: string, files: Files): void {
      for (const [rel, text] of Object.entries(files)) {
        const file = path.join(dir, rel)
        if (text === null) fs.rmSync(file, { force: true })
        else {
          fs.mkdirSync(path.dirname(file), { recursive: true })
          fs.writeFileSync(file, text)
        }
      }
    }

    const mine = CASES.map((c, i) => [c.name, i] as const).filter(([, i]) => i % of === shard)
    it.each(mine)('%s', (_name, i) => {
      const c = CASES[i]
      const repo = world.dir(`case-${i}`)
      write(repo, { 'go.sum': templateSum, ...c.base })
      if (c.tidy) world.go(repo, 'mod', 'tidy')
      if (c.vendor) world.go(repo, 'mod', 'vendor')
      const base = world.commitAll(repo, 'base')
      for (const [rel, change] of Object.entries(c.head)) {
        const file = path.join(repo, rel)
        const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
        write(repo, { [rel]: typeof change === 'function' ? change(current) : change })
      }
      for (const [rel, target] of Object.entries(c.symlinks ?? {})) fs.symlinkSync(target, path.join(repo, rel))
      if (c.tidy) world.go(repo, 'mod', 'tidy')
      world.commitAll(repo, 'head')
      const before = world.git(repo, 'status', '--porcelain')

      const env: Record<string, string> = {
        ...world.env,
        GO_GUARD_CACHE_DIR: path.join(repo, '..', `manifests-${i}`),
        ...c.env
      }
      if (c.goenv !== undefined) {
        env.GOENV = path.join(world.root, `goenv-${i}`)
        fs.writeFileSync(env.GOENV, c.goenv)
        for (const k of ['GOSUMDB', 'GONOSUMDB', 'GOPRIVATE']) delete env[k]
      }
      if (c.shadowGo) {
        const other = world.dir(`other-go-${i}`, { go: '#!/bin/sh\nexec /bin/true\n' })
        fs.chmodSync(path.join(other, 'go'), 0o755)
        env.PATH = `${other}:${env.PATH}`
      }
      const run = runAction({
        repo,
        env,
        inputs: { ...DEFAULT_INPUTS, ...c.inputs },
        event: { pull_request: { base: { sha: base } } }
      })

      // The log rides along in the received value, so a failure shows what the gate printed.
      expect({ annotations: run.annotations, log: `${run.stdout}\n${run.stderr}` }).toMatchObject({
        annotations: expect.arrayContaining(c.expect)
      })
      for (const unwanted of c.absent ?? []) expect(run.annotations).not.toContain(unwanted)
      for (const message of c.messages ?? []) expect(run.stdout).toMatch(message)
      if (c.expect.length === 0)
        expect({
          annotations: run.annotations.filter(a => !a.startsWith('step-skipped')),
          log: run.stdout
        }).toMatchObject({ annotations: [] })
      expectEqualIn(run.stdout, run.status, c.outcome === 'success' ? 0 : 1)
      // Nothing a run does may change the work tree or the index.
      expect(world.git(repo, 'status', '--porcelain')).toBe(before)
      expect(run.stdout).not.toMatch(/^::error::pwned/m)
    })

    // The whole-suite checks belong to one shard only.
    if (shard !== 0) return

    it('has 25 cases, one of them a clean pull request that must report nothing', () => {
      expect(CASES.length).toBe(25)
      expect(CASES.filter(c => c.expect.length === 0).map(c => c.name)).toEqual([
        'a pull request that changes only Go code'
      ])
    })

    it('a repository with 50 modules: every one judged, each finding on its own path', () => {
      const repo = world.dir('fifty')
      const files: Files = {}
      for (let i = 0; i < 50; i++) {
        files[`svc${i}/go.mod`] =
          `module example.com/svc${i}\n\ngo 1.21\n${i === 37 ? '\nreplace example.com/a => ./a\n' : ''}`
      }
      write(repo, files)
      world.commitAll(repo, 'fifty')
      const run = runAction({ repo, env: world.env, inputs: { checks: 'verify,replace' } })
      expect(JSON.parse(run.outputs.modules)).toHaveLength(50)
      expect(run.annotations).toEqual(['replace-local-path svc37/go.mod:5'])
      expect(run.status).toBe(1)
    })
  })
}
