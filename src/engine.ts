/**
 * The fixed sequence. Read the scope as go sees it, build the run's context, run every selected
 * step (a repository step once, a module step on each module and workspace go-guard can judge),
 * then put every step's findings through policy's processors. Steps are independent, so they run
 * concurrently (the go command locks its module cache), bounded only by the one CPU budget their
 * go commands and hashes share; a step that throws becomes a failed step with an error and the
 * others still run. Results keep the order.
 */
import { type Audit, collectAudit } from './audit.js'
import { CHECKS } from './checks/index.js'
import type { Check, Judgment, RunContext } from './checks/check.js'
import { CacheVerification } from './checks/cache-verification.js'
import { ModuleDownloads } from './checks/downloads.js'
import { ModuleGraphs } from './go/buildlist.js'
import type { Config } from './config.js'
import {
  isParsed,
  modulesRunningGo,
  scopeFindings,
  targetContexts,
  tooNewFinding,
  unparseableFindings
} from './context.js'
import { type Finding, STEP_IDS, type StepResult, redactSecrets } from './findings.js'
import { type BaseResolution, CommitFiles, resolveBase } from './git.js'
import { type GoCommand, GoCommandError } from './go/command.js'
import { fromToolchainName } from './go/gover.js'
import type { Logger } from './logger.js'
import { type Scope, loadScope } from './modules.js'
import { applyProcessors, isBlocking, mergeSteps, stepStatus } from './policy.js'
import { shortList } from './shortlist.js'

export interface GateResult {
  steps: (StepResult & { error?: string })[]
  /** Every finding after policy's processors, most severe first. */
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
  /** What was judged, collected during the run when a report or SBOM file is asked for. */
  audit?: Audit
}

/** How the toolchain was proven, as the toolchain step proved it. */
function proofOf(ctx: RunContext, steps: { step: string; status: string }[]): string {
  if (ctx.evidence.toolchainProofs.length > 0) return ctx.evidence.toolchainProofs.join('; ')
  const toolchain = steps.find(s => s.step === 'toolchain')
  return toolchain ? `not proven (toolchain step ${toolchain.status})` : 'toolchain step not run'
}

/**
 * The run's context, and the base resolution where a step asked for it (the report names it).
 * `running` is the toolchain's version ("1.26.8"), where go reports it.
 */
function runContext(
  config: Config,
  go: GoCommand,
  logger: Logger,
  scope: Scope,
  running: string | undefined
): { ctx: RunContext; baseAsked: () => Promise<BaseResolution> | undefined } {
  let base: Promise<BaseResolution> | undefined
  const first = scope.modules[0]
  const goMod = first?.goModFile ?? scope.workspaces[0]?.file ?? 'go.mod'
  const atBase = new CommitFiles(config.workingDirectory)
  const downloads = new ModuleDownloads(go)
  const graphs = new ModuleGraphs(go)
  const ctx: RunContext = {
    config,
    root: config.workingDirectory,
    scope,
    go,
    logger,
    downloads,
    graphs,
    verification: new CacheVerification(go, downloads, graphs, modulesRunningGo(scope, running)),
    base: () => (base ??= resolveBase(config.workingDirectory, config.baseRef)),
    readAtBase: (sha, relPath) => atBase.read(sha, relPath),
    repositoryFile: { goMod, goSum: first?.goSumFile ?? scope.workspaces[0]?.sumFile ?? 'go.sum' },
    evidence: { toolchainProofs: [] }
  }
  return { ctx, baseAsked: () => base }
}

/** The running toolchain's GOVERSION; undefined where go cannot even report it (the toolchain step says why). */
async function runningVersion(go: GoCommand): Promise<string | undefined> {
  try {
    return (await go.env()).GOVERSION
  } catch (error) {
    if (error instanceof GoCommandError) return undefined
    throw error
  }
}

/** A step's answer as a Judgment: a plain list judged something unless it is only `step-skipped` notices. */
function asJudgment(outcome: Finding[] | Judgment): Judgment {
  if (!Array.isArray(outcome)) return outcome
  return { findings: outcome, judged: outcome.length === 0 || outcome.some(f => f.rule !== 'step-skipped') }
}

/** One step's raw findings: a repository step judges once; a module step judges each target it can. */
async function judge(check: Check, ctx: RunContext, running: string | undefined): Promise<Judgment> {
  const cannotParse = check.needs === 'environment' ? [] : unparseableFindings(check.id, ctx)
  const judgments =
    check.judges === 'repository'
      ? [asJudgment(await check.judge(ctx))]
      : await Promise.all(
          targetContexts(ctx)
            .filter(isParsed)
            .map(async target => {
              const blocked = tooNewFinding(check.id, check.needs, target, running && fromToolchainName(running))
              if (blocked === undefined) return asJudgment(await check.judge(target))
              const rest = check.judgeWithoutGo ? asJudgment(await check.judgeWithoutGo(target)) : undefined
              return { findings: [blocked, ...(rest?.findings ?? [])], judged: rest?.judged ?? false }
            })
        )
  return { findings: [...cannotParse, ...judgments.flatMap(j => j.findings)], judged: judgments.some(j => j.judged) }
}

export interface GateOptions {
  /** The scope, where the caller already read it (for the cache key). */
  scope?: Scope
  /** Collect the audit snapshot even without a report or SBOM file (the CLI's --format json prints it). */
  audit?: boolean
}

/** Modules named in the log's scope line (the report lists them all). */
const LOGGED_MODULES = 20

/** Runs the selected steps. */
export async function runGate(
  config: Config,
  go: GoCommand,
  logger: Logger,
  options: GateOptions = {}
): Promise<GateResult> {
  const preloaded = options.scope
  const started = performance.now()
  const cpu = process.cpuUsage()
  const scope = preloaded ?? (await loadScope(config.workingDirectory, config.modules, go))
  const names = scope.modules.map(m => m.relDir)
  logger.info(`go-guard: ${names.length} module(s) in scope: ${shortList(names, LOGGED_MODULES) || 'none'}`)
  const running = await runningVersion(go)
  const { ctx, baseAsked } = runContext(config, go, logger, scope, running && fromToolchainName(running))
  // The JSON report and the SBOM describe this snapshot.
  const wantAudit = Boolean(config.reportFile || config.sbomFile || options.audit)
  // Its go commands fill idle slots once the module cache is filled (cold, they would download go.mod files ahead of the steps).
  if (wantAudit) scope.modules.forEach(m => ctx.downloads.afterDownload(m, () => ctx.graphs.prefetch(m)))
  const selected = STEP_IDS.filter(id => config.checks.has(id))

  const steps = await Promise.all(
    selected.map(async (id, i) => {
      const stepStarted = performance.now()
      // Facts about the scope are reported once, by the first step that runs.
      let raw = i === 0 ? scopeFindings(id, scope, running) : []
      let judged = false
      let error: string | undefined
      try {
        const judgment = await judge(CHECKS[id], ctx, running)
        raw = [...raw, ...judgment.findings]
        judged = judgment.judged
      } catch (e) {
        error = redactSecrets(e instanceof Error ? e.message : String(e))
        logger.warning(`go-guard: step ${id} failed: ${error}`)
      }
      const findings = applyProcessors(raw, {
        config,
        step: id,
        drift: ctx.evidence.drift,
        at: { file: ctx.repositoryFile.goSum, line: 1 }
      })
      const durationMs = performance.now() - stepStarted
      return { step: id, status: stepStatus(findings, judged, error, config), findings, durationMs, error }
    })
  )
  const findings = mergeSteps(steps)
  const audit = wantAudit ? await collectAudit(go, ctx.graphs, scope, proofOf(ctx, steps), config.baseRef) : undefined
  return {
    audit,
    steps,
    findings,
    blocking: findings.filter(f => isBlocking(f, config.failOn)).length,
    scope,
    base: await baseAsked(),
    durationMs: performance.now() - started,
    goMs: go.subprocessMs,
    ownCpuMs: (() => {
      const used = process.cpuUsage(cpu)
      return (used.user + used.system) / 1000
    })()
  }
}
