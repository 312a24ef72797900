/**
 * The Actions cache, for two things: the module cache (keyed on OS, architecture, Go version
 * and every go.sum in scope), which `go mod verify` in the verify step then proves, so a
 * poisoned entry is caught, not trusted; and the verified toolchain manifests (keyed on the Go
 * release), so a warm run re-hashes GOROOT without downloading the archive. A miss or a failing
 * cache service never fails the gate: it warns and goes on.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import type { GoCommand } from './go/command.js'
import type { Logger } from './logger.js'
import type { Scope } from './modules.js'
import { manifestDir } from './toolchain/store.js'

/** The two calls go-guard needs from a cache service; @actions/cache in production. */
export interface CacheStore {
  available(): boolean | Promise<boolean>
  restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined>
  save(paths: string[], key: string): Promise<void>
}

// @actions/cache (with the Azure storage client under it) is most of the Action's bundle: it is
// loaded when a run can use the cache, not at start-up.
const loadCache = (): Promise<typeof import('@actions/cache')> => import('@actions/cache')

export const actionsCacheStore: CacheStore = {
  // Either cache service (v1 or v2) needs its URL in the environment (isFeatureAvailable in
  // @actions/cache lib/cache.js); without one the library is not worth loading to say no.
  available: async () =>
    Boolean(process.env.ACTIONS_CACHE_URL || process.env.ACTIONS_RESULTS_URL) &&
    (await loadCache()).isFeatureAvailable(),
  restore: async (paths, key, restoreKeys) => (await loadCache()).restoreCache(paths, key, restoreKeys),
  save: async (paths, key) => {
    await (await loadCache()).saveCache(paths, key)
  }
}

export interface CachePlan {
  paths: string[]
  key: string
  restoreKeys: string[]
  /** The key restored, if any. */
  restored?: string
}

export async function moduleCachePlan(go: GoCommand, scope: Scope): Promise<CachePlan> {
  const env = await go.env()
  const sums = createHash('sha256')
  for (const m of scope.modules) sums.update(`${m.goSumFile}\0${m.goSumText ?? ''}\0`)
  const prefix = `go-guard-modcache-${env.GOOS}-${env.GOARCH}-${env.GOVERSION}-`
  // GOMODCACHE holds go's download cache too (cache/download): one path covers both.
  return { paths: [env.GOMODCACHE], key: `${prefix}${sums.digest('hex').slice(0, 32)}`, restoreKeys: [prefix] }
}

/** Manifests are immutable per release: one exact key, no prefix to fall back on. */
export async function toolchainCachePlan(go: GoCommand): Promise<CachePlan> {
  const env = await go.env()
  return {
    paths: [manifestDir(go.variables, go.baseEnv)],
    key: `go-guard-toolchain-${env.GOVERSION}-${env.GOOS}-${env.GOARCH}-v1`,
    restoreKeys: []
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Restores what `makePlan` names; `what` says it in messages ("the module cache"). */
export async function restoreCache(
  store: CacheStore,
  what: string,
  makePlan: () => Promise<CachePlan>,
  logger: Logger
): Promise<CachePlan | undefined> {
  try {
    if (!(await store.available())) {
      logger.warning(`go-guard: the Actions cache service is not available here; ${what} is neither restored nor saved`)
      return undefined
    }
    const plan = await makePlan()
    plan.restored = await store.restore(plan.paths, plan.key, plan.restoreKeys)
    logger.info(
      plan.restored ? `go-guard: restored ${what} from ${plan.restored}` : `go-guard: no cache entry for ${what}`
    )
    return plan
  } catch (error) {
    logger.warning(`go-guard: restoring ${what} failed; going on without it: ${describe(error)}`)
    return undefined
  }
}

export async function saveCache(store: CacheStore, plan: CachePlan | undefined, logger: Logger): Promise<void> {
  if (plan === undefined || plan.restored === plan.key) return
  // Nothing was downloaded (no dependencies, or every step that downloads was off).
  if (!plan.paths.every(p => existsSync(p))) return
  try {
    await store.save(plan.paths, plan.key)
    logger.info(`go-guard: saved ${plan.key}`)
  } catch (error) {
    logger.warning(`go-guard: saving ${plan.key} failed; the next run starts cold: ${describe(error)}`)
  }
}
