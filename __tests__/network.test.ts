/**
 * When the gate cannot know the truth it must fail closed, quickly, saying what failed and what
 * to do, and never print a credential. A proxy on 127.0.0.1 misbehaves on purpose.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { expectEqualIn } from './helpers/expect.js'
import { MisbehavingProxy } from './fixtures/misbehaving-server.js'
import { GoWorld } from './fixtures/workspace.js'
import { gate, located } from './helpers/gate.js'
import { runAction } from './helpers/runner.js'

describe('verify with a module proxy that misbehaves', () => {
  let world: GoWorld
  let proxy: MisbehavingProxy
  let app: string
  let env: Record<string, string>

  beforeAll(async () => {
    world = new GoWorld([{ path: 'example.com/a', version: 'v1.0.0' }])
    app = world.dir('app', {
      'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/a v1.0.0\n',
      'main.go': 'package main\n\nimport _ "example.com/a"\n\nfunc main() {}\n'
    })
    world.go(app, 'mod', 'tidy')
    world.commitAll(app, 'app')
    proxy = new MisbehavingProxy(world.proxyDir)
    const url = await proxy.start()
    env = { GOPROXY: url, GO_GUARD_GO_TIMEOUT: '4', GITHUB_TOKEN: 'ghs_0123456789abcdefghijABCDEFGHIJ0123' }
  })
  afterAll(async () => {
    await proxy.stop()
    world.cleanup()
  })
  afterEach(() => {
    // Each case downloads afresh.
    fs.rmSync(world.env.GOMODCACHE, { recursive: true, force: true })
  })

  const judge = (): ReturnType<typeof gate> => gate({ env: { ...world.env, ...env } }, app, { checks: 'verify' })

  it('passes through a proxy that works (the control case)', async () => {
    proxy.behaviour = 'ok'
    const result = await judge()
    expectEqualIn(JSON.stringify(result.findings), located(result), [])
    expect(proxy.requests.length).toBeGreaterThan(0)
  })

  it('a proxy that answers 500 is mod-download-failed on the require line, naming the status', async () => {
    proxy.behaviour = 'error-500'
    const result = await judge()
    expect(located(result)).toEqual(['mod-download-failed go.mod:5'])
    expect(result.findings[0].message).toMatch(/500 Internal Server Error/)
  })

  it('a proxy that hangs fails closed within the go timeout, saying what to do', async () => {
    proxy.behaviour = 'hang'
    const started = performance.now()
    const result = await judge()
    expect(performance.now() - started).toBeLessThan(15_000)
    expect(located(result)).toEqual(['mod-download-failed go.mod:1'])
    expect(result.findings[0].message).toMatch(
      /timed out after 4 s.*GOPROXY=http:\/\/127\.0\.0\.1.*GO_GUARD_GO_TIMEOUT/
    )
  })

  it("a workspace's download that hangs fails closed too, on go.work", async () => {
    proxy.behaviour = 'hang'
    const work = path.join(app, 'go.work')
    fs.writeFileSync(work, 'go 1.21\n\nuse .\n')
    try {
      const result = await judge()
      expect(located(result)).toEqual(['mod-download-failed go.mod:1', 'mod-download-failed go.work:1'])
      expect(result.findings[1].message).toMatch(
        /the modules of go\.work could not be downloaded in time \(.*timed out after 4 s/
      )
    } finally {
      fs.rmSync(work)
    }
  })

  it('a truncated module zip is mod-download-failed', async () => {
    proxy.behaviour = 'truncate-zip'
    const result = await judge()
    expect(located(result)).toEqual(['mod-download-failed go.mod:5'])
  })

  it.each([
    ['a user name and password', 'http://gouser:s3cr3t-proxy-pass@', ['gouser', 's3cr3t-proxy-pass']],
    ['a token as the user name', 'http://t0ken-as-user-name@', ['t0ken-as-user-name']]
  ])(
    'no credential (%s in GOPROXY) reaches the log, the annotations, the summary, the report or the SARIF',
    (_what, userinfo, secrets) => {
      proxy.behaviour = 'error-500'
      const report = path.join(world.root, 'report.json')
      const sarif = path.join(world.root, 'report.sarif')
      // A credential in GOPROXY, as private proxies use.
      const withCredential = { ...env, GOPROXY: env.GOPROXY.replace('http://', userinfo) }
      const run = runAction({
        repo: app,
        env: { ...world.env, ...withCredential },
        inputs: { checks: 'verify', 'report-file': report, 'sarif-file': sarif }
      })
      expect(run.status).toBe(1)
      const everything = [
        run.stdout,
        run.stderr,
        run.summary,
        fs.readFileSync(report, 'utf8'),
        fs.readFileSync(sarif, 'utf8')
      ].join('\n')
      expect(everything).toContain('mod-download-failed')
      expect(everything).toContain('http://***@127.0.0.1')
      for (const secret of secrets) expect(everything).not.toContain(secret)
      expect(everything).not.toContain(env.GITHUB_TOKEN)
    }
  )
})
