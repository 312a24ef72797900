import * as os from 'node:os'
import { describe, expect, it } from '@jest/globals'
import { type CacheStore, moduleCachePlan, restoreCache, saveCache, toolchainCachePlan } from '../src/cache.js'
import { GoCommand } from '../src/go/command.js'
import type { Logger } from '../src/logger.js'
import type { Scope } from '../src/modules.js'
import { scopeOf } from './helpers/factories.js'
import { GO_BIN } from './helpers/go.js'
import { ROOT, RUNTIMES } from './helpers/runner.js'

function recorder(): Logger & { lines: string[] } {
  const lines: string[] = []
  return { lines, info: m => lines.push(`info ${m}`), warning: m => lines.push(`warning ${m}`), debug: () => {} }
}

const scope = (sum: string): Scope => scopeOf([{ goSumFile: 'go.sum', goSumText: sum }])

function store(overrides: Partial<CacheStore> = {}): CacheStore & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    available: () => true,
    restore: async (paths, key, restoreKeys) => {
      calls.push(`restore ${paths.join(',')} ${key} ${restoreKeys.join(',')}`)
      return undefined
    },
    save: async (paths, key) => {
      calls.push(`save ${paths.join(',')} ${key}`)
    },
    ...overrides
  }
}

describe('module cache', () => {
  // The key's path must exist for a save to happen.
  const go = new GoCommand(GO_BIN, { ...process.env, GOMODCACHE: os.tmpdir() })

  it('keys on OS, architecture, Go version and every go.sum, with a restore prefix', async () => {
    const a = await moduleCachePlan(go, scope('x v1 h1:a\n'))
    const b = await moduleCachePlan(go, scope('x v1 h1:b\n'))
    expect(a.key).toMatch(/^go-guard-modcache-linux-amd64-go1\.\d+\.\d+-[0-9a-f]{32}$/)
    expect(a.key).not.toBe(b.key)
    expect(a.restoreKeys).toEqual([a.key.slice(0, a.key.lastIndexOf('-') + 1)])
    expect(a.paths).toEqual([os.tmpdir()])
  })

  it('restores, then saves under the exact key on a miss', async () => {
    const s = store()
    const log = recorder()
    const plan = await restoreCache(s, 'the module cache', () => moduleCachePlan(go, scope('')), log)
    await saveCache(s, plan, log)
    expect(s.calls.map(c => c.split(' ')[0])).toEqual(['restore', 'save'])
    expect(log.lines).toContain('info go-guard: no cache entry for the module cache')
  })

  it('keys verified toolchain manifests on the release alone', async () => {
    const plan = await toolchainCachePlan(go)
    expect(plan.key).toMatch(/^go-guard-toolchain-go1\.\d+\.\d+-linux-amd64-v1$/)
    expect(plan.restoreKeys).toEqual([])
  })

  it('does not save again after an exact hit', async () => {
    const plan = await moduleCachePlan(go, scope(''))
    const s = store({ restore: async () => plan.key })
    const restored = await restoreCache(s, 'the module cache', () => moduleCachePlan(go, scope('')), recorder())
    await saveCache(s, restored, recorder())
    expect(s.calls).toEqual([])
  })

  it('warns and goes on when the service is absent or failing; it never throws', async () => {
    const log = recorder()
    expect(
      await restoreCache(
        store({ available: () => false }),
        'the module cache',
        () => moduleCachePlan(go, scope('')),
        log
      )
    ).toBeUndefined()
    const failing = store({
      restore: async () => {
        throw new Error('Cache service responded with 500')
      },
      save: async () => {
        throw new Error('Cache service responded with 503')
      }
    })
    expect(await restoreCache(failing, 'the module cache', () => moduleCachePlan(go, scope('')), log)).toBeUndefined()
    await saveCache(failing, await moduleCachePlan(go, scope('')), log)
    expect(log.lines.filter(l => l.startsWith('warning'))).toEqual([
      'warning go-guard: the Actions cache service is not available here; the module cache is neither restored nor saved',
      'warning go-guard: restoring the module cache failed; going on without it: Cache service responded with 500',
      expect.stringMatching(
        /^warning go-guard: saving go-guard-modcache-\S+ failed; the next run starts cold: Cache service responded with 503$/
      )
    ])
  })

  it('the bundled action warns about an absent cache service and still judges', async () => {
    const { spawnSync } = await import('node:child_process')
    const fs = await import('node:fs')
    const os = await import('node:os')
    const path = await import('node:path')
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-e2e-'))
    fs.writeFileSync(path.join(repo, 'go.mod'), 'module example.com/x\n\ngo 1.21\n\nreplace example.com/y => ./y\n')
    for (const [, node] of RUNTIMES) {
      const run = spawnSync(node, [path.join(ROOT, 'dist/index.js')], {
        cwd: repo,
        encoding: 'utf8',
        env: {
          PATH: `${path.dirname(GO_BIN)}:/usr/bin:/bin`,
          HOME: repo,
          GOFLAGS: '-modcacherw',
          GOMODCACHE: path.join(repo, '.modcache'),
          INPUT_CHECKS: 'replace',
          INPUT_CACHE: 'true',
          GITHUB_WORKSPACE: repo
        }
      })
      expect(run.stdout).toContain('::warning::go-guard: the Actions cache service is not available here')
      expect(run.stdout).toMatch(/::error title=go-guard replace-local-path,file=go\.mod,line=5::/)
      expect(run.status).toBe(1)
    }
    // A cache service that refuses connections: @actions/cache retries, then go-guard goes on.
    const refused = spawnSync(process.execPath, [path.join(ROOT, 'dist/index.js')], {
      cwd: repo,
      encoding: 'utf8',
      env: {
        PATH: `${path.dirname(GO_BIN)}:/usr/bin:/bin`,
        HOME: repo,
        INPUT_CHECKS: 'replace',
        INPUT_CACHE: 'true',
        GITHUB_WORKSPACE: repo,
        ACTIONS_CACHE_URL: 'http://127.0.0.1:9/',
        ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/',
        ACTIONS_RUNTIME_TOKEN: 'token'
      },
      timeout: 60_000
    })
    expect(refused.stdout).toMatch(/::warning::Failed to restore: .*ECONNREFUSED/)
    expect(refused.stdout).toMatch(/::error title=go-guard replace-local-path,file=go\.mod,line=5::/)
    expect(refused.status).toBe(1)
    fs.rmSync(repo, { recursive: true, force: true })
  })
})
