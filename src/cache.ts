/**
 * The module cache in the Actions cache: restored before the checks and saved after, keyed on
 * OS, architecture, Go version and every go.sum in scope. A miss or a failing cache service
 * never fails the gate (it warns and goes on); `go mod verify` in the verify step then proves
 * whatever was restored, so a poisoned cache entry is caught, not trusted.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import * as cache from '@actions/cache'
import type { GoCommand } from './go/command.js'
import type { Logger } from './logger.js'
import type { Scope } from './modules.js'

/** The two calls go-guard needs from a cache service; @actions/cache in production. */
export interface CacheStore {
  available(): boolean
  restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined>
  save(paths: string[], key: string): Promise<void>
}

export const actionsCacheStore: CacheStore = {
  available: () => cache.isFeatureAvailable(),
  restore: (paths, key, restoreKeys) => cache.restoreCache(paths, key, restoreKeys),
  save: async (paths, key) => {
    await cache.saveCache(paths, key)
  }
}

export interface CachePlan {
  paths: string[]
  key: string
  restoreKeys: string[]
  /** The key restored, if any. */
  restored?: string
}

export async function cacheKey(go: GoCommand, scope: Scope): Promise<CachePlan> {
  const env = await go.env()
  const sums = createHash('sha256')
  for (const m of scope.modules) sums.update(`${m.goSumFile}\0${m.goSumText ?? ''}\0`)
  const prefix = `go-guard-modcache-${env.GOOS}-${env.GOARCH}-${env.GOVERSION}-`
  // GOMODCACHE holds go's download cache too (cache/download): one path covers both.
  return { paths: [env.GOMODCACHE], key: `${prefix}${sums.digest('hex').slice(0, 32)}`, restoreKeys: [prefix] }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export async function restoreModuleCache(store: CacheStore, go: GoCommand, scope: Scope, logger: Logger): Promise<CachePlan | undefined> {
  try {
    if (!store.available()) {
      logger.warning('go-guard: the Actions cache service is not available here; the module cache is neither restored nor saved')
      return undefined
    }
    const plan = await cacheKey(go, scope)
    plan.restored = await store.restore(plan.paths, plan.key, plan.restoreKeys)
    logger.info(plan.restored ? `go-guard: restored the module cache from ${plan.restored}` : 'go-guard: no module cache entry to restore')
    return plan
  } catch (error) {
    logger.warning(`go-guard: restoring the module cache failed; going on without it: ${describe(error)}`)
    return undefined
  }
}

export async function saveModuleCache(store: CacheStore, plan: CachePlan | undefined, logger: Logger): Promise<void> {
  if (plan === undefined || plan.restored === plan.key) return
  // Nothing was downloaded (no dependencies, or every step that downloads was off).
  if (!plan.paths.every(p => existsSync(p))) return
  try {
    await store.save(plan.paths, plan.key)
    logger.info(`go-guard: saved the module cache as ${plan.key}`)
  } catch (error) {
    logger.warning(`go-guard: saving the module cache failed; the next run downloads again: ${describe(error)}`)
  }
}
