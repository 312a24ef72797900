/**
 * The fixed sequence: every selected step runs over every module in scope. Steps are
 * independent, so they run concurrently (the go command locks its module cache); a step that
 * throws becomes a failed step with an error and the others still run. Results keep the order.
 */
import { CHECKS } from './checks/index.js'
import type { CheckContext } from './checks/check.js'
import { ModuleDownloads } from './checks/downloads.js'
import type { Config } from './config.js'
import { type Finding, STEP_IDS, type StepResult, compareFindings, redactSecrets } from './findings.js'
import { type BaseResolution, readAtCommit, resolveBase } from './git.js'
import type { GoCommand } from './go/command.js'
import type { Logger } from './logger.js'
import { type Scope, loadScope } from './modules.js'
import { applySeverities, isBlocking } from './policy.js'

export interface GateResult {
  steps: (StepResult & { error?: string })[]
  /** Every finding after severity overrides, most severe first. */
  findings: Finding[]
  blocking: number
  scope: Scope
  /** The base commit the drift step compared against, where a step asked for one. */
  base?: BaseResolution
  durationMs: number
  /** Wall time inside go subprocesses (they overlap, so this can exceed durationMs). */
  goMs: number
  /** CPU time of go-guard's own process: its work, apart from the go subprocesses. */
  ownCpuMs: number
}

/** Runs the selected steps; `preloaded` is the scope when the caller already read it (for the cache key). */
export async function runGate(config: Config, go: GoCommand, logger: Logger, preloaded?: Scope): Promise<GateResult> {
  const started = performance.now()
  const cpu = process.cpuUsage()
  const scope = preloaded ?? (await loadScope(config.workingDirectory, config.modules))
  logger.info(
    `go-guard: ${scope.modules.length} module(s) in scope: ${scope.modules.map(m => m.relDir).join(', ') || 'none'}`
  )
  let base: Promise<BaseResolution> | undefined
  const ctx: CheckContext = {
    config,
    root: config.workingDirectory,
    scope,
    go,
    logger,
    downloads: new ModuleDownloads(go),
    base: () => (base ??= resolveBase(config.workingDirectory, config.baseRef)),
    readAtBase: (sha, relPath) => readAtCommit(config.workingDirectory, sha, relPath)
  }

  const selected = STEP_IDS.filter(id => config.checks.has(id))
  const steps = await Promise.all(
    selected.map(async id => {
      const stepStarted = performance.now()
      let findings: Finding[] = []
      let judged = false
      let error: string | undefined
      try {
        const outcome = await CHECKS[id].run(ctx)
        judged = !Array.isArray(outcome) && outcome.judged
        findings = applySeverities(Array.isArray(outcome) ? outcome : outcome.findings, config.ruleSeverity).map(f => ({
          ...f,
          message: redactSecrets(f.message)
        }))
      } catch (e) {
        error = redactSecrets(e instanceof Error ? e.message : String(e))
        logger.warning(`go-guard: step ${id} failed: ${error}`)
      }
      const durationMs = performance.now() - stepStarted
      const status: StepResult['status'] =
        error !== undefined || findings.some(f => isBlocking(f, config.failOn))
          ? 'failed'
          : !judged && findings.length > 0 && findings.every(f => f.rule === 'step-skipped')
            ? 'skipped'
            : 'passed'
      return { step: id, status, findings, durationMs, error }
    })
  )
  const findings = steps.flatMap(s => s.findings).sort(compareFindings)
  return {
    steps,
    findings,
    blocking: findings.filter(f => isBlocking(f, config.failOn)).length,
    scope,
    base: base && (await base),
    durationMs: performance.now() - started,
    goMs: go.subprocessMs,
    ownCpuMs: (() => {
      const used = process.cpuUsage(cpu)
      return (used.user + used.system) / 1000
    })()
  }
}
