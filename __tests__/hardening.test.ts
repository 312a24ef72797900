/**
 * Never lie, never touch, never leak: the bundled Action (dist/index.js) run as the runner runs
 * it, against hostile directory names, credentials in the job's environment, a base-ref written
 * as a refspec, a full clone whose base is only on the remote, and a partial clone whose base
 * cannot be read.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { GoWorld } from './fixtures/workspace.js'
import { GO_BIN } from './helpers/go.js'
import { runAction } from './helpers/runner.js'

const MODULES = [
  { path: 'example.com/a', version: 'v1.0.0' },
  { path: 'example.com/a', version: 'v1.1.0' }
]

const CREDENTIALS = {
  GITHUB_TOKEN: 'ghs_0123456789abcdefghijABCDEFGHIJ0123',
  ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id-token-value',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://id-token.invalid/request',
  ACTIONS_CACHE_URL: 'https://cache.invalid/',
  ACTIONS_RESULTS_URL: 'https://results.invalid/'
}

interface Report {
  steps: { step: string; status: string }[]
  findings: { rule: string; severity: string; message: string }[]
}

describe('the Action, attacked', () => {
  let world: GoWorld
  let n = 0

  beforeAll(() => {
    world = new GoWorld(MODULES)
  })
  afterAll(() => world.cleanup())

  /** A module requiring example.com/a at `version`, tidied. */
  function writeModule(dir: string, version: string): void {
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(
      path.join(dir, 'go.mod'),
      `module example.com/app\n\ngo 1.21\n\nrequire example.com/a ${version}\n`
    )
    fs.writeFileSync(path.join(dir, 'main.go'), 'package main\n\nimport _ "example.com/a"\n\nfunc main() {}\n')
    fs.rmSync(path.join(dir, 'go.sum'), { force: true })
    world.go(dir, 'mod', 'tidy')
  }

  /** An origin repository with a base commit on main; returns its path and the base SHA. */
  function origin(): { dir: string; base: string } {
    const dir = path.join(world.root, `origin-${++n}`)
    writeModule(dir, 'v1.0.0')
    return { dir, base: world.commitAll(dir, 'base') }
  }

  const refs = (repo: string): string => world.git(repo, 'for-each-ref', '--format=%(refname) %(objectname)')

  function judge(repo: string, inputs: Record<string, string>): { run: ReturnType<typeof runAction>; report: Report } {
    const reportFile = path.join(world.root, `report-${++n}.json`)
    const run = runAction({ repo, env: world.env, inputs: { cache: 'false', 'report-file': reportFile, ...inputs } })
    const report = fs.existsSync(reportFile) ? (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report) : undefined
    return { run, report: report ?? { steps: [], findings: [] } }
  }

  it('go runs without the runner credentials or the inputs', () => {
    const { dir } = origin()
    const dump = path.join(world.root, 'go-env.txt')
    const goBinary = path.join(world.root, 'go-dumping-env')
    fs.writeFileSync(goBinary, `#!/bin/sh\nenv >> '${dump}'\nexec '${GO_BIN}' "$@"\n`, { mode: 0o755 })
    const run = runAction({
      repo: dir,
      env: { ...world.env, ...CREDENTIALS },
      inputs: { checks: 'verify', cache: 'false', 'go-binary': goBinary }
    })
    expect(run.status).toBe(0)
    const names = fs
      .readFileSync(dump, 'utf8')
      .split('\n')
      .map(l => l.split('=')[0])
    expect(names).toContain('GOPROXY')
    expect(names.filter(name => name in CREDENTIALS || name.startsWith('INPUT_'))).toEqual([])
  })

  it('a GO_GUARD_* variable with a bad value fails the run at once, naming it, not a silent default', () => {
    const { dir } = origin()
    const run = runAction({
      repo: dir,
      env: { ...world.env, GO_GUARD_GO_TIMEOUT: '10m' },
      inputs: { checks: 'verify', cache: 'false' }
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(
      '::error::Invalid environment variable "GO_GUARD_GO_TIMEOUT": "10m". Accepted: a number of seconds greater than 0'
    )
  })

  it('hostile module directory names never form a workflow command in the log', () => {
    const repo = path.join(world.root, 'hostile')
    const names = [
      'm1\n::add-mask::secret',
      'm2\n::warning file=x.go,line=1::injected',
      'm3\n::stop-commands::tok',
      'm4%0A::error::percent',
      'm5\r::notice::carriage',
      'm6\x1b[2K\x1b[1A::error::ansi',
      'm7 ##[error]legacy'
    ]
    names.forEach((name, i) => {
      fs.mkdirSync(path.join(repo, name), { recursive: true })
      fs.writeFileSync(path.join(repo, name, 'go.mod'), `module example.com/m${i + 1}\n\ngo 1.21\n`)
    })
    const run = runAction({ repo, env: world.env, inputs: { checks: 'replace', cache: 'false' } })
    expect(run.status).toBe(0)
    const lines = run.stdout.split(/\r\n|\r|\n/)
    expect(lines.filter(l => /^\s*::/.test(l) || l.includes('##['))).toEqual([])
    expect(run.stdout).not.toContain('\x1b')
    // The names are still there to read, escaped.
    expect(run.stdout).toContain('m1%0A::add-mask::secret')
    expect(run.stdout).toContain('m4%250A::error::percent')
  })

  it('base-ref written as a refspec is refused as an input error, and no ref is created', () => {
    const { dir } = origin()
    const clone = path.join(world.root, `clone-${++n}`)
    world.git(world.root, 'clone', '-q', `file://${dir}`, clone)
    const before = refs(clone)
    const { run } = judge(clone, { checks: 'sum-drift', 'base-ref': 'main:refs/heads/pwned' })
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/::error::Invalid input "base-ref": "main:refs\/heads\/pwned"\. Accepted: a commit SHA/)
    expect(refs(clone)).toBe(before)
  })

  it('a full clone whose base is only on the remote is diffed, stays full, and gets no ref', () => {
    const { dir } = origin()
    const clone = path.join(world.root, `clone-${++n}`)
    world.git(world.root, 'clone', '-q', `file://${dir}`, clone)
    writeModule(clone, 'v1.1.0')
    world.commitAll(clone, 'head')
    // A base that only the remote has, after the clone was made.
    world.git(dir, 'checkout', '-q', '-b', 'later-base')
    world.git(dir, 'commit', '-q', '--allow-empty', '-m', 'later base')
    const before = refs(clone)
    const { report } = judge(clone, { checks: 'sum-drift', 'base-ref': 'later-base' })
    expect(report.steps.map(s => s.step + ' ' + s.status)).toEqual(['sum-drift failed'])
    expect(report.findings.map(f => f.rule)).toContain('sum-module-upgraded')
    expect(world.git(clone, 'rev-parse', '--is-shallow-repository').trim()).toBe('false')
    expect(refs(clone)).toBe(before)
  })

  it('a base git cannot read (a partial clone whose remote is gone) blocks instead of making every line new', () => {
    const { dir, base } = origin()
    writeModule(dir, 'v1.1.0')
    world.commitAll(dir, 'head')
    const bare = path.join(world.root, `bare-${++n}.git`)
    world.git(world.root, 'clone', '-q', '--bare', dir, bare)
    world.git(bare, 'config', 'uploadpack.allowFilter', 'true')
    const clone = path.join(world.root, `partial-${n}`)
    world.git(world.root, 'clone', '-q', '--filter=blob:none', `file://${bare}`, clone)
    fs.renameSync(bare, `${bare}.gone`)
    const { run, report } = judge(clone, { checks: 'sum-drift', 'base-ref': base })
    expect(run.status).toBe(1)
    expect(report.findings.map(f => `${f.rule} ${f.severity}`)).toEqual(['step-skipped error'])
    expect(report.findings[0].message).toMatch(/the base commit could not be read.*could not read go\.(sum|mod) at/)
  })
})
