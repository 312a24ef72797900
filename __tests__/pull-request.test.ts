/**
 * The pull request conversation through dist/index.js, against a fake GitHub REST API on
 * 127.0.0.1 (GITHUB_API_URL) that records every request: one comment per job updated in place,
 * on-failure, a check run carrying every finding in batches of 50, API failures as one warning
 * that leaves the verdict alone, and a token that never reaches any output or subprocess.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { marked } from 'marked'
import { FakeGitHub } from './fixtures/github-api.js'
import { GoWorld } from './fixtures/workspace.js'
import { GO_BIN } from './helpers/go.js'
import { expectEqualIn } from './helpers/expect.js'
import { addedRows } from './helpers/markdown.js'
import { type ActionRun, RUNTIMES, runActionAsync } from './helpers/runner.js'
import { gateResult } from './helpers/factories.js'
import { parseConfig } from '../src/config.js'
import { silentLogger } from '../src/logger.js'
import { ApiCallError, publish } from '../src/pull-request.js'

const HEAD_SHA = 'feed'.padEnd(40, '5')
const GO_MOD = 'module example.com/app\n\ngo 1.21\n\nrequire example.com/a v1.0.0\n'
const MAIN_GO = 'package main\n\nimport _ "example.com/a"\n\nfunc main() {}\n'
// Not one of GitHub's token formats, so no redaction by pattern could hide a leak.
const TOKEN = `test-token-${randomBytes(12).toString('hex')}`
const WARNING = /^::warning::go-guard could not write to GitHub: .*$/gm

describe('the pull request conversation', () => {
  let world: GoWorld
  let repo: string
  let base: string
  let github: FakeGitHub
  let apiUrl: string

  beforeAll(async () => {
    world = new GoWorld([{ path: 'example.com/a', version: 'v1.0.0' }])
    repo = world.dir('repo', { 'go.mod': GO_MOD, 'main.go': MAIN_GO })
    world.go(repo, 'mod', 'tidy')
    base = world.commitAll(repo, 'base')
    github = new FakeGitHub()
    apiUrl = await github.start()
  })
  afterAll(async () => {
    await github.stop()
    world.cleanup()
  })
  beforeEach(() => {
    github.reset()
    fs.writeFileSync(path.join(repo, 'go.mod'), GO_MOD)
  })

  /** A local replacement: one blocking replace-local-path finding on go.mod line 7. */
  const breakGate = (): void => fs.appendFileSync(path.join(repo, 'go.mod'), '\nreplace example.com/a => ./fork\n')

  const run = (inputs: Record<string, string>, env: Record<string, string> = {}, node?: string): Promise<ActionRun> =>
    runActionAsync({
      repo,
      node,
      env: {
        ...world.env,
        GITHUB_API_URL: apiUrl,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_REPOSITORY: 'octo/repo',
        GITHUB_JOB: 'go-guard',
        GITHUB_SHA: 'beef'.padEnd(40, '0'),
        ...env
      },
      inputs: { checks: 'replace', 'github-token': TOKEN, ...inputs },
      event: { pull_request: { number: 7, base: { sha: base }, head: { sha: HEAD_SHA } } }
    })

  it('creates one comment, finds it again past the first page and updates it in place', async () => {
    for (let i = 0; i < 120; i++) github.addComment(`review ${i}`, { login: 'someone', type: 'User' }, 'MEMBER')
    breakGate()
    const first = await run({ 'comment-summary-in-pr': 'always' })
    expectEqualIn(first.stdout, first.status, 1)
    expect(github.writes()).toEqual(['POST /repos/octo/repo/issues/7/comments'])
    const ours = github.comments.at(-1)!
    const marker = ours.body.split('\n')[0]
    expect(marker).toMatch(/^<!-- go-guard comment [0-9a-f]{16} -->$/)
    const html = marked.parse(ours.body, { gfm: true, async: false })
    expect(html).toContain('go-guard ❌ fails')
    expect(html).toContain(
      `<a href="https://github.example/octo/repo/blob/${HEAD_SHA}/go.mod#L7"><code>go.mod:7</code></a>`
    )

    // A pull request's author copies the marker into a comment of their own: it is not ours.
    github.comments.unshift({ ...ours, id: 1, user: { login: 'author', type: 'User' }, author_association: 'NONE' })
    fs.writeFileSync(path.join(repo, 'go.mod'), GO_MOD)
    github.requests.length = 0
    const second = await run({ 'comment-summary-in-pr': 'always' })
    expectEqualIn(second.stdout, second.status, 0)
    expect(github.requests.filter(r => r.method === 'GET').map(r => r.path)).toEqual([
      '/repos/octo/repo/issues/7/comments',
      '/repos/octo/repo/issues/7/comments'
    ])
    expect(github.writes()).toEqual([`PATCH /repos/octo/repo/issues/comments/${ours.id}`])
    expect(github.comments).toHaveLength(122)
    expect(ours.body.startsWith(`${marker}\n### go-guard ✅ passes`)).toBe(true)
    expect(github.comments[0].body).not.toContain('passes')
  })

  it.each(RUNTIMES)('posts the comment and the check run through @actions/github on %s', async (_name, node) => {
    breakGate()
    const r = await run({ 'comment-summary-in-pr': 'always', 'check-run': 'true' }, {}, node)
    expectEqualIn(r.stdout + r.stderr, r.status, 1)
    expect(github.writes()).toEqual(['POST /repos/octo/repo/issues/7/comments', 'POST /repos/octo/repo/check-runs'])
    expect(github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' })
  })

  it('gives each matrix job (modules input) a comment and a check run name of its own', async () => {
    const inputs = { 'comment-summary-in-pr': 'always', 'check-run': 'true' }
    await run({ ...inputs, modules: '.' })
    await run(inputs)
    await run({ ...inputs, modules: '.' })
    expect(
      github
        .writes()
        .filter(w => w.includes('/comments'))
        .map(w => w.split(' ')[0])
    ).toEqual(['POST', 'POST', 'PATCH'])
    expect(new Set(github.comments.map(c => c.body.split('\n')[0])).size).toBe(2)
    expect(github.checkRuns.map(c => c.name)).toEqual(['go-guard (.)', 'go-guard', 'go-guard (.)'])
  })

  it('on-failure writes nothing for a passing gate, then keeps a failure comment up to date until it passes', async () => {
    const passing = await run({ 'comment-summary-in-pr': 'on-failure' })
    expectEqualIn(passing.stdout, passing.status, 0)
    expect(github.writes()).toEqual([])

    breakGate()
    await run({ 'comment-summary-in-pr': 'on-failure' })
    expect(github.writes()).toEqual(['POST /repos/octo/repo/issues/7/comments'])

    fs.writeFileSync(path.join(repo, 'go.mod'), GO_MOD)
    await run({ 'comment-summary-in-pr': 'on-failure' })
    expect(github.writes()).toEqual([
      'POST /repos/octo/repo/issues/7/comments',
      `PATCH /repos/octo/repo/issues/comments/${github.comments[0].id}`
    ])
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0].body).toContain('### go-guard ✅ passes')
  })

  it('creates a check run on the head commit carrying all 60 findings, at most 50 a request', async () => {
    const replaces = Array.from({ length: 60 }, (_, i) => `\texample.com/r${i} => example.com/f${i} v1.0.0`)
    fs.writeFileSync(path.join(repo, 'go.mod'), `${GO_MOD}\nreplace (\n${replaces.join('\n')}\n)\n`)
    const r = await run({ 'check-run': 'true' })
    expectEqualIn(r.stdout, r.status, 1)
    expect(github.writes()).toEqual([
      'POST /repos/octo/repo/check-runs',
      `PATCH /repos/octo/repo/check-runs/${github.checkRuns[0].id}`
    ])
    const batches = github.requests.filter(q => q.method !== 'GET').map(q => q.body.output.annotations.length)
    expect(batches).toEqual([50, 10])
    const [check] = github.checkRuns
    expect(check).toMatchObject({ name: 'go-guard', head_sha: HEAD_SHA, status: 'completed', conclusion: 'failure' })
    expect(github.requests[0].body.status).toBe('in_progress')
    expect(check.annotations.map(a => `${a.path}:${a.start_line}`).sort()).toEqual(
      Array.from({ length: 60 }, (_, i) => `go.mod:${i + 8}`).sort()
    )
    expect(
      check.annotations.every(a => a.annotation_level === 'failure' && a.title === 'go-guard replace-not-allowed')
    ).toBe(true)
    // The runner shows at most 50 annotations a job; the check run holds them all.
    expect(r.annotations.length).toBeLessThan(60)
  })

  it('points annotations and links at paths from the repository top when working-directory is below it', async () => {
    const mono = world.dir('mono', {
      'svc/go.mod': `${GO_MOD}\nreplace example.com/a => ./fork\n`,
      'svc/main.go': MAIN_GO
    })
    const inputs = { 'working-directory': 'svc', checks: 'replace', 'github-token': TOKEN, 'check-run': 'true' }
    const event = { pull_request: { number: 7, head: { sha: HEAD_SHA } } }
    const env = { ...world.env, GITHUB_API_URL: apiUrl, GITHUB_REPOSITORY: 'octo/repo' }
    const server = { GITHUB_SERVER_URL: 'https://github.example' }
    await runActionAsync({
      repo: mono,
      env: { ...env, ...server },
      event,
      inputs: { ...inputs, 'comment-summary-in-pr': 'always' }
    })
    // Without GITHUB_SERVER_URL there are no links, but annotations still need repository paths.
    await runActionAsync({ repo: mono, env, event, inputs })
    expect(github.checkRuns.map(c => [c.name, c.annotations.map(a => `${a.path}:${a.start_line}`)])).toEqual([
      ['go-guard (svc)', ['svc/go.mod:7']],
      ['go-guard (svc)', ['svc/go.mod:7']]
    ])
    expect(github.comments[0].body).toContain(
      `[\`svc/go.mod:7\`](https://github.example/octo/repo/blob/${HEAD_SHA}/svc/go.mod#L7)`
    )
  })

  it('a check run whose update is refused part way is still concluded, saying what is missing', async () => {
    const replaces = Array.from({ length: 120 }, (_, i) => `\texample.com/r${i} => example.com/f${i} v1.0.0`)
    fs.writeFileSync(path.join(repo, 'go.mod'), `${GO_MOD}\nreplace (\n${replaces.join('\n')}\n)\n`)
    github.patchesBeforeRefusal = 0
    const r = await run({ 'check-run': 'true' })
    expectEqualIn(r.stdout, r.status, 1)
    expect([...r.stdout.matchAll(WARNING)]).toHaveLength(1)
    const [check] = github.checkRuns
    expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(check.annotations).toHaveLength(50)
    expect(check.output?.summary).toContain('70 annotation(s) could not be added: see the job summary.')
  })

  it('a 403 on every write is one warning naming the permissions, and the verdict stays the same', async () => {
    breakGate()
    const plain = await run({})
    github.refuseWrites = 403
    const refused = await run({ 'comment-summary-in-pr': 'always', 'check-run': 'true' })
    const warnings = [...refused.stdout.matchAll(WARNING)].map(m => m[0])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('POST /repos/octo/repo/issues/7/comments) was refused with 403')
    expect(warnings[0]).toContain('the token needs `pull-requests: write`;')
    expect(warnings[0]).not.toContain('fork')
    expect(warnings[0]).toContain('POST /repos/octo/repo/check-runs) was refused with 403')
    expect(warnings[0]).toContain('the token needs `checks: write`')
    expect(refused.status).toBe(plain.status)
    const verdict = (r: ActionRun): string[] => r.stdout.split('\n').filter(l => l.startsWith('::error::'))
    expect(verdict(refused)).toEqual(verdict(plain))
    expect(refused.annotations).toEqual(plain.annotations)
    expect(refused.summary).toContain('replace\u2011local\u2011path')
  })

  it('a 403 on a pull request from a fork says the fork is why', async () => {
    github.refuseWrites = 403
    const repos = {
      head: { sha: HEAD_SHA, repo: { full_name: 'someone/repo' } },
      base: { sha: base, repo: { full_name: 'octo/repo' } }
    }
    const r = await runActionAsync({
      repo,
      env: { ...world.env, GITHUB_API_URL: apiUrl, GITHUB_REPOSITORY: 'octo/repo' },
      inputs: { checks: 'replace', 'github-token': TOKEN, 'comment-summary-in-pr': 'always' },
      event: { pull_request: { number: 7, ...repos } }
    })
    expectEqualIn(r.stdout, r.status, 0)
    const warnings = [...r.stdout.matchAll(WARNING)].map(m => m[0])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(
      'the token needs `pull-requests: write`, which a pull request from a fork does not get under `on: pull_request`'
    )
  })

  it('a 403 with the rate limit spent says so instead of asking for a permission', async () => {
    github.refuseWrites = 403
    github.refusalHeaders = { 'x-ratelimit-remaining': '0' }
    const r = await run({ 'check-run': 'true' })
    expectEqualIn(r.stdout, r.status, 0)
    const warnings = [...r.stdout.matchAll(WARNING)].map(m => m[0])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain("POST /repos/octo/repo/check-runs) hit GitHub's rate limit")
    expect(warnings[0]).not.toContain('checks: write')
  })

  it('an unreachable API is one warning, and the gate passes as it would', async () => {
    const r = await run(
      { 'comment-summary-in-pr': 'always', 'check-run': 'true' },
      { GITHUB_API_URL: 'http://127.0.0.1:9' }
    )
    expectEqualIn(r.stdout, r.status, 0)
    const warnings = [...r.stdout.matchAll(WARNING)].map(m => m[0])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('could not reach the GitHub API at http://127.0.0.1:9')
  })

  it('the token authenticates the calls and appears in no output, report, summary or subprocess environment', async () => {
    const envDump = path.join(world.root, 'go-env-dump')
    const wrapper = path.join(world.root, 'go-wrapper.sh')
    // /proc/$$/environ is what go-guard passed: a shell's own `env` drops names like INPUT_GITHUB-TOKEN.
    fs.writeFileSync(wrapper, `#!/bin/sh\ntr '\\0' '\\n' < /proc/$$/environ >> '${envDump}'\nexec '${GO_BIN}' "$@"\n`, {
      mode: 0o755
    })
    const report = path.join(world.root, 'report.json')
    breakGate()
    const r = await run({
      checks: 'verify,sum-drift,replace',
      'go-binary': wrapper,
      'comment-summary-in-pr': 'always',
      'check-run': 'true',
      'report-file': report
    })
    expectEqualIn(r.stdout, r.status, 1)
    expect(github.requests.length).toBeGreaterThanOrEqual(3)
    expect(github.requests.every(q => q.authorization === `token ${TOKEN}`)).toBe(true)
    // The one line that carries it is the mask command the runner consumes (core.setSecret).
    const stdout = r.stdout.split('\n').filter(l => l !== `::add-mask::${TOKEN}`)
    expect(stdout.length).toBe(r.stdout.split('\n').length - 1)
    const env = fs.readFileSync(envDump, 'utf8')
    expect(env).toContain('GOTOOLCHAIN=local')
    for (const [where, text] of Object.entries({
      stdout: stdout.join('\n'),
      stderr: r.stderr,
      summary: r.summary,
      report: fs.readFileSync(report, 'utf8'),
      'go subprocess environment': env,
      'comment and check run': JSON.stringify(github.requests.map(q => q.body))
    })) {
      expectEqualIn(where, text.includes(TOKEN), false)
    }
  })

  it('keeps the job summary of 12,000 new go.sum lines under 1 MiB, with every blocking finding linked', async () => {
    const big = world.dir('big', {
      'go.mod': GO_MOD,
      'main.go': MAIN_GO,
      'go.sum': fs.readFileSync(path.join(repo, 'go.sum'), 'utf8')
    })
    const bigBase = world.commitAll(big, 'base')
    const hash = (): string => randomBytes(32).toString('base64')
    const added = Array.from({ length: 6_000 }, (_, i) => [
      `example.com/gen/m${i} v1.0.0 h1:${hash()}`,
      `example.com/gen/m${i} v1.0.0/go.mod h1:${hash()}`
    ]).flat()
    const head = fs
      .readFileSync(path.join(big, 'go.sum'), 'utf8')
      .replace(/^(example\.com\/a v1\.0\.0 h1:)\S+/m, `$1${hash()}`)
    fs.writeFileSync(path.join(big, 'go.sum'), `${head}${added.join('\n')}\n`)
    const changedLine = head.split('\n').findIndex(l => l.startsWith('example.com/a v1.0.0 h1:')) + 1
    const report = path.join(world.root, 'big-report.json')
    const r = await runActionAsync({
      repo: big,
      // The generated modules are exempt from the (disabled) checksum database; example.com/a is not.
      env: {
        ...world.env,
        GONOSUMDB: 'example.com/gen',
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_REPOSITORY: 'octo/repo'
      },
      inputs: { checks: 'sum-drift', 'report-file': report },
      event: { pull_request: { number: 7, base: { sha: bigBase }, head: { sha: HEAD_SHA } } }
    })
    expectEqualIn(r.stdout, r.status, 1)
    expect(Buffer.byteLength(r.summary)).toBeLessThan(1024 * 1024)
    const page = marked.parse(r.summary, { gfm: true, async: false })
    expect(page).toContain(`Base commit: <code>${bigBase}</code>.`)
    const link = `<a href="https://github.example/octo/repo/blob/${HEAD_SHA}/go.sum#L${changedLine}"><code>go.sum:${changedLine}</code></a>`
    for (const rule of ['sum\u2011hash\u2011changed', 'sum\u2011unverified\u2011hash'])
      expect(page).toContain(`<td>🛑 error</td>\n<td><code>${rule}</code></td>\n<td>${link}</td>`)
    const { shown, counted } = addedRows(page)
    expect(counted).toBeGreaterThan(0)
    expect(shown + counted).toBe(6_000)
    expect(page).toContain(`Every finding is in the JSON report <code>${report}</code>`)
    const json = JSON.parse(fs.readFileSync(report, 'utf8')) as { findings: { rule: string }[] }
    expect(json.findings.filter(f => f.rule === 'sum-module-added')).toHaveLength(6_000)
  })

  it('puts the go.sum drift in the comment with base and head versions, as the drift step found it', async () => {
    world.addModules([
      { path: 'example.com/a', version: 'v1.1.0' },
      { path: 'example.com/b', version: 'v0.2.0' }
    ])
    const drift = world.dir('drift', { 'go.mod': GO_MOD, 'main.go': MAIN_GO })
    world.go(drift, 'mod', 'tidy')
    const driftBase = world.commitAll(drift, 'base')
    fs.writeFileSync(
      path.join(drift, 'go.mod'),
      'module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/a v1.1.0\n\texample.com/b v0.2.0\n)\n'
    )
    fs.writeFileSync(
      path.join(drift, 'main.go'),
      MAIN_GO.replace('import _ "example.com/a"', 'import (\n\t_ "example.com/a"\n\t_ "example.com/b"\n)')
    )
    world.go(drift, 'mod', 'tidy')
    const r = await runActionAsync({
      repo: drift,
      env: {
        ...world.env,
        GITHUB_API_URL: apiUrl,
        GITHUB_REPOSITORY: 'octo/repo',
        GITHUB_SERVER_URL: 'https://github.example'
      },
      inputs: { checks: 'sum-drift', 'github-token': TOKEN, 'comment-summary-in-pr': 'always' },
      event: { pull_request: { number: 7, base: { sha: driftBase }, head: { sha: HEAD_SHA } } }
    })
    expectEqualIn(r.stdout, github.comments.length, 1)
    const html = marked.parse(github.comments[0].body, { gfm: true, async: false })
    const rows = html
      .slice(html.indexOf('go.sum changes'))
      .split('<tr>')
      .slice(2)
      .map(row => [...row.matchAll(/<td>(.*?)<\/td>/g)].slice(0, 4).map(m => m[1].replace(/<\/?code>/g, '')))
    expect(rows).toEqual([
      ['added', 'example.com/b', '', 'v0.2.0'],
      ['upgraded', 'example.com/a', 'v1.0.0', 'v1.1.0']
    ])
  })
})

describe('what an API failure says', () => {
  const config = parseConfig({ 'comment-summary-in-pr': 'always' })
  const target = {
    repository: { owner: 'octo', repo: 'repo' },
    pullNumber: 7,
    headSha: HEAD_SHA,
    apiUrl: 'https://api.github.example',
    marker: '<!-- go-guard comment 0 -->',
    identity: 'job go-guard',
    checkName: 'go-guard',
    repoPath: (file: string) => file
  }
  it.each([
    [404, 'Not Found', 'was refused with 404 (Not Found): the token needs `pull-requests: write`'],
    [401, 'Bad credentials', 'was refused: the token is not valid (Bad credentials)'],
    [422, 'Validation Failed', 'failed with 422 (Validation Failed)'],
    [429, 'Too Many Requests', "hit GitHub's rate limit"]
  ])('%i', async (status, detail, expected) => {
    const refuse = (): Promise<never> => Promise.reject(new ApiCallError('GET /comments', status, detail))
    const api = {
      listComments: refuse,
      createComment: refuse,
      updateComment: refuse,
      createCheckRun: refuse,
      updateCheckRun: refuse
    }
    const warnings: string[] = []
    await publish(api, target, config, gateResult([]), { ...silentLogger, warning: m => warnings.push(m) })
    expect(warnings).toEqual([expect.stringContaining(`the pull request comment (GET /comments) ${expected}`)])
  })
})
