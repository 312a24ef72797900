/** The GitHub Actions adapter: inputs -> config -> engine -> reporters. The only setFailed. */
import * as core from '@actions/core'
import { actionsCacheStore, moduleCachePlan, restoreCache, saveCache, toolchainCachePlan } from './cache.js'
import { ConfigError, INPUT_DEFAULTS, type InputName, type RawInputs, parseConfig } from './config.js'
import { runGate } from './engine.js'
import { redactSecrets } from './findings.js'
import { baseFromEvent } from './event.js'
import { emitAnnotations, headLinks, publishToGitHub, takeGitHubToken } from './github.js'
import { GoCommand } from './go/command.js'
import { actionsLogger } from './logger.js'
import { loadScope, moduleDirsInRepository } from './modules.js'
import { reportPlace, writeReports } from './outputs.js'
import { verdict } from './policy.js'
import { traceProcesses } from './process.js'
import { countsLine, renderSummary } from './report/summary.js'

// Repository text reaches these lines: the escaping writer, never core.info (which writes raw).
const coreLogger = actionsLogger()

function readInputs(): RawInputs {
  const raw: RawInputs = {}
  for (const name of Object.keys(INPUT_DEFAULTS) as InputName[]) raw[name] = core.getInput(name)
  raw['base-ref'] ||= baseFromEvent(process.env.GITHUB_EVENT_PATH) ?? ''
  return raw
}

function describeError(error: unknown): string {
  // An input's value (a URL with a token in it) can be in the message.
  if (error instanceof ConfigError) return redactSecrets(error.message)
  if (error instanceof Error) return `go-guard failed: ${redactSecrets(error.message)}`
  return `go-guard failed: ${redactSecrets(String(error))}`
}

export async function run(): Promise<void> {
  // Before any subprocess starts: none may inherit the token.
  const token = takeGitHubToken()
  // What each go and git command did, where the job's debug logging is on.
  if (core.isDebug()) traceProcesses(coreLogger.debug)
  try {
    const config = parseConfig(readInputs())
    const go = new GoCommand(config.goBinary, process.env, config.variables)
    const scope = await loadScope(config.workingDirectory, config.modules, go)
    const plans = config.cache
      ? await Promise.all([
          restoreCache(actionsCacheStore, 'the module cache', () => moduleCachePlan(go, scope), coreLogger),
          config.checks.has('toolchain')
            ? restoreCache(
                actionsCacheStore,
                'the verified toolchain manifests',
                () => toolchainCachePlan(go),
                coreLogger
              )
            : undefined
        ])
      : []
    const result = await runGate(config, go, coreLogger, { scope })
    for (const plan of plans) await saveCache(actionsCacheStore, plan, coreLogger)

    const place = reportPlace(config)
    if (config.annotations) emitAnnotations(result.findings, place.toWorkspace)
    try {
      const written = await writeReports(config, result, go, place)
      core.setOutput('findings', result.findings.length)
      core.setOutput('blocking', result.blocking)
      core.setOutput('modules', JSON.stringify(moduleDirsInRepository(result.scope)))
      if (written.reportFile) core.setOutput('report-file', written.reportFile)
      if (written.sarifFile) core.setOutput('sarif-file', written.sarifFile)
      if (written.sbomFile) core.setOutput('sbom-file', written.sbomFile)
    } finally {
      // The summary is written even when a report cannot be.
      // Runners always set GITHUB_STEP_SUMMARY; other hosts of the action may not.
      if (config.summary && process.env.GITHUB_STEP_SUMMARY) {
        const options = { failOn: config.failOn, links: headLinks(place), reportFile: config.reportFile }
        await core.summary.addRaw(renderSummary(result, options)).write()
      }
      await publishToGitHub(config, result, place, token, coreLogger)
    }

    const outcome = verdict(result.steps, result.blocking)
    if (outcome.outcome === 'broken') core.setFailed(`go-guard failed: ${outcome.message}`)
    else if (outcome.outcome === 'blocked')
      core.setFailed(
        `go-guard: ${outcome.blocking} blocking finding(s) (fail-on: ${config.failOn}); ${countsLine(result.findings)}`
      )
    else core.info(`go-guard: passed; ${countsLine(result.findings)}`)
  } catch (error) {
    core.setFailed(describeError(error))
  }
}
