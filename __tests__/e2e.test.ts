/**
 * The bundle as the runner runs it: `node dist/index.js` with INPUT_* variables, an event file,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY; and `node dist/cli.js`. On Node 20 and Node 24.
 */
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { INPUT_DEFAULTS } from '../src/config.js'
import { GoWorld } from './fixtures/workspace.js'
import { type ActionRun, NODE_24, ROOT, RUNTIMES, runAction } from './helpers/runner.js'

const GO_MOD = `module example.com/app

go 1.21

require example.com/a v1.0.0

replace (
	example.com/a v1.0.0 => example.com/a v1.0.0
	example.com/tools => ./tools
)
`

describe.each(RUNTIMES)('dist/index.js on %s', (_name, node) => {
  let world: GoWorld
  let repo: string
  let cleanSum: string

  beforeAll(() => {
    expect(spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout).toMatch(node === NODE_24 ? /^v24\./ : /^v20\./)
    world = new GoWorld([{ path: 'example.com/a', version: 'v1.0.0' }])
    repo = world.dir('repo', {
      'go.mod': GO_MOD,
      'main.go': 'package main\n\nimport _ "example.com/a"\n\nfunc main() {}\n'
    })
    world.go(repo, 'mod', 'tidy')
    cleanSum = fs.readFileSync(path.join(repo, 'go.sum'), 'utf8')
    world.commitAll(repo, 'base')
  })
  afterAll(() => world.cleanup())

  const run = (inputs: Record<string, string>): ActionRun =>
    runAction({ repo, node, inputs, env: world.env, event: { pull_request: { base: { sha: 'HEAD' } } } })

  it('annotates each violation on its line, writes outputs and summary, and fails the job', () => {
    fs.writeFileSync(
      path.join(repo, 'go.sum'),
      cleanSum.replace(/^(example\.com\/a v1\.0\.0 h1:)\S+/m, '$1AAAAfXJQgSOBIk2vPYuXWGYHxIb66AakYclJwYHRTA=')
    )
    try {
      const r = run({ checks: 'verify,replace' })
      expect(r.stdout).toMatch(
        /^::error title=go-guard mod-download-failed,file=go\.mod,line=5::example\.com\/a@v1\.0\.0: checksum mismatch/m
      )
      expect(r.stdout).toMatch(/^::error title=go-guard replace-not-allowed,file=go\.mod,line=8::/m)
      expect(r.stdout).toMatch(/^::error title=go-guard replace-local-path,file=go\.mod,line=9::/m)
      expect(r.stdout).toMatch(
        /^::error::go-guard: 3 blocking finding\(s\) \(fail-on: error\); 3 errors, 0 warnings, 0 notices$/m
      )
      expect(r.status).toBe(1)
      expect(r.outputs).toMatchObject({ findings: '3', blocking: '3', modules: '["."]' })
      expect(r.summary).toContain('| verify | ❌ failed | 1 |')
      expect(r.summary).toContain('`go.mod:8`')
    } finally {
      fs.writeFileSync(path.join(repo, 'go.sum'), cleanSum)
    }
  })

  it('passes when policy allows everything, and writes JSON, SARIF and SBOM reports', () => {
    const r = run({
      checks: 'verify,replace',
      'allow-replace': 'example.com/a => example.com/a',
      'allow-local-replace': 'true',
      'report-file': path.join(world.root, 'reports/report.json'),
      'sarif-file': path.join(world.root, 'reports/go-guard.sarif'),
      'sbom-file': path.join(world.root, 'reports/sbom.cdx.json')
    })
    expect(r.stdout).not.toMatch(/^::error/m)
    expect(r.status).toBe(0)
    expect(r.outputs.blocking).toBe('0')
    const report = JSON.parse(fs.readFileSync(r.outputs['report-file'], 'utf8'))
    expect(report.audit.modules[0].buildList.map((m: { Path: string }) => m.Path)).toEqual([
      'example.com/app',
      'example.com/a'
    ])
    expect(report.audit.modules[0].graph).toContain('example.com/app example.com/a@v1.0.0')
    expect(report.audit.base).toBe('HEAD')
    expect(JSON.parse(fs.readFileSync(r.outputs['sarif-file'], 'utf8')).version).toBe('2.1.0')
    // The bundled CycloneDX library runs without its optional plug-ins.
    const sbom = JSON.parse(fs.readFileSync(r.outputs['sbom-file'], 'utf8'))
    expect(sbom.specVersion).toBe('1.6')
    expect(sbom.components.map((c: { purl: string }) => c.purl)).toContain('pkg:golang/example.com/a@v1.0.0')
    expect(world.git(repo, 'status', '--porcelain')).toBe('')
  })

  it('fail-on never reports but does not fail; rules overrides change severity', () => {
    const r = run({ checks: 'replace', 'fail-on': 'never', rules: 'replace-local-path: notice' })
    expect(r.stdout).toMatch(/^::notice title=go-guard replace-local-path,file=go\.mod,line=9::/m)
    expect(r.status).toBe(0)
    expect(r.outputs).toMatchObject({ findings: '2', blocking: '0' })
  })

  it('fails at once on an invalid input, naming it', () => {
    const r = run({ 'max-new-modules': '-5' })
    expect(r.stdout).toMatch(
      /^::error::Invalid input "max-new-modules": "-5"\. Accepted: a whole number >= 0, or -1 for no limit\.$/m
    )
    expect(r.status).toBe(1)
  })

  it('escapes finding text so a module path cannot inject a workflow command', () => {
    fs.writeFileSync(path.join(repo, 'go.mod'), `${GO_MOD}\nreplace "example.com/x%0A::error::pwned" => ./x\n`)
    try {
      const r = run({ checks: 'replace', 'allow-local-replace': 'false' })
      expect(r.stdout).not.toMatch(/^::error::pwned/m)
      expect(r.stdout).toContain('example.com/x%250A::error::pwned')
    } finally {
      fs.writeFileSync(path.join(repo, 'go.mod'), GO_MOD)
    }
  })

  it('the CLI exits 1 on blocking findings, 0 when clean, 2 on a usage error, and prints each format', () => {
    const cli = (...args: string[]) =>
      spawnSync(node, [path.join(ROOT, 'dist/cli.js'), '.', ...args], { cwd: repo, encoding: 'utf8', env: world.env })
    const text = cli('--checks', 'replace')
    expect(text.status).toBe(1)
    expect(text.stdout).toMatch(/^go\.mod:9: error: \[replace-local-path\]/m)
    expect(
      cli('--checks', 'replace', '--allow-local-replace', 'true', '--allow-replace', 'example.com/a => example.com/a')
        .status
    ).toBe(0)
    const json = cli('--checks', 'replace', '--format', 'json')
    expect(JSON.parse(json.stdout).findings.map((f: { line: number }) => f.line)).toEqual([8, 9])
    expect(cli('--checks', 'replace', '--format', 'github').stdout).toMatch(
      /^::error title=go-guard replace-local-path,file=go\.mod,line=9::/m
    )
    expect(JSON.parse(cli('--checks', 'replace', '--format', 'sarif').stdout).runs[0].results).toHaveLength(2)
    const usage = cli('--checks', 'lint')
    expect(usage.status).toBe(2)
    expect(usage.stderr).toContain('Invalid input "checks": "lint"')
    expect(cli('--no-such-flag').status).toBe(2)
  })

  it('--verbose and the job debug log say what each go and git command did; without them, nothing', () => {
    const cli = (...args: string[]) =>
      spawnSync(
        node,
        [path.join(ROOT, 'dist/cli.js'), '.', '--base', 'HEAD', '--checks', 'verify,sum-drift', ...args],
        {
          cwd: repo,
          encoding: 'utf8',
          env: world.env
        }
      )
    const verbose = cli('--verbose').stderr
    expect(verbose).toMatch(/^debug: ran go mod verify -modfile=\S+ in \S+: exit 0 after \d+\.\d\d s$/m)
    expect(verbose).toMatch(/^debug: ran git cat-file --batch in \S+: exit 0 after \d+\.\d\d s$/m)
    expect(cli().stderr).not.toContain('debug:')
    const debug = runAction({
      repo,
      node,
      inputs: { checks: 'verify' },
      env: { ...world.env, RUNNER_DEBUG: '1' },
      event: { pull_request: { base: { sha: 'HEAD' } } }
    })
    expect(debug.stdout).toMatch(/^::debug::ran go mod verify -modfile=\S+ in \S+: exit 0 after/m)
    expect(run({ checks: 'verify' }).stdout).not.toContain('::debug::ran ')
  })

  it('the CLI refuses a working-directory that is a file, or holds no Go module, with exit 2 and a clear message', () => {
    const cli = (...args: string[]) =>
      spawnSync(node, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd: repo, encoding: 'utf8', env: world.env })
    const file = cli('main.go', '--checks', 'replace')
    expect(file.status).toBe(2)
    expect(file.stderr).toMatch(
      /Invalid input "working-directory": ".*main\.go"\. Accepted: a directory \(this is a file\)\./
    )
    expect(file.stderr).not.toContain('ENOTDIR')
    const empty = world.dir('no-go-here', { 'README.md': 'not Go\n', 'vendor/go.mod': 'module x\n' })
    for (const checks of ['replace', 'verify,sum-drift,vendor,replace']) {
      const none = cli(empty, '--checks', checks)
      expect(none.status).toBe(2)
      expect(none.stderr).toContain('Accepted: a directory holding a go.mod or go.work')
    }
  })

  it('the CLI prints the same JSON report as report-file, audit snapshot included', () => {
    const cli = (...args: string[]) =>
      spawnSync(node, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd: repo, encoding: 'utf8', env: world.env })
    const reportFile = path.join(world.root, `report-${path.basename(node)}-${Date.now()}.json`)
    const printed = JSON.parse(cli('.', '--checks', 'replace', '--format', 'json', '--report-file', reportFile).stdout)
    const written = JSON.parse(fs.readFileSync(reportFile, 'utf8'))
    expect(printed.audit.modules.map((m: { dir: string }) => m.dir)).toEqual(['.'])
    expect(printed.audit.toolchain.version).toMatch(/^go1\./)
    // The two differ only in their timings.
    expect({ ...printed, timing: 0 }).toEqual({ ...written, timing: 0 })
  })

  it('the CLI lists every flag with its default in --help, and prints its version', () => {
    const cli = (...args: string[]) =>
      spawnSync(node, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd: repo, encoding: 'utf8', env: world.env })
    const help = cli('--help')
    expect(help.status).toBe(0)
    const actionOnly = ['github-token', 'comment-summary-in-pr', 'check-run']
    for (const name of Object.keys(INPUT_DEFAULTS).filter(n => !actionOnly.includes(n)))
      expect(help.stdout).toMatch(new RegExp(`^  --${name} <value>`, 'm'))
    for (const name of actionOnly) expect(help.stdout).not.toContain(`--${name}`)
    for (const flag of ['--base <ref>', '--format <format>', '--verbose', '--help, -h', '--version'])
      expect(help.stdout).toContain(`  ${flag} `)
    expect(help.stdout).toContain('--cache <value>                   (default: false)')
    // The Action's pull request inputs are refused, not silently ignored, and a token is not echoed.
    const refused = cli('.', '--check-run', 'true')
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('Invalid input "check-run": "true". Accepted: nothing: only the Action posts')
    const token = cli('.', '--github-token', 'ghp_secret0123456789')
    expect(token.status).toBe(2)
    expect(token.stderr).not.toContain('ghp_secret')
    const version = cli('--version')
    expect(version.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version)
  })
})
