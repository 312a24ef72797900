/**
 * sum-retracted-version and sum-deprecated-module (sum-drift step): requirements new or changed
 * against the base (every requirement without one) that name a version its author retracted, or
 * a module its author deprecated. The go command reads both from the proxy; when it cannot,
 * `step-skipped` names what was not checked.
 */
import type { RunContext } from '../checks/check.js'
import { mapLimit } from '../concurrency.js'
import { type Finding, newFinding, skipped } from '../findings.js'
import { GoCommandError } from '../go/command.js'
import { type ModFile, replacementLookup } from '../go/modfile.js'
import { isDirectoryPath } from '../go/module.js'
import { type ModuleVersionArg, isSafeModuleArg, listLifecycle, proxyUnavailable } from '../go/retractions.js'
import type { GoModule } from '../modules.js'
import { allRulesOff } from '../policy.js'
import type { RuleId } from '../rules.js'

export interface JudgedModule {
  module: GoModule
  /** go.mod at the base commit, parsed; undefined where it did not exist there. */
  baseMod?: ModFile
}

const RULE_IDS: RuleId[] = ['sum-retracted-version', 'sum-deprecated-module']

/**
 * The require lines of head that the base does not have at the same version (all of them when
 * `hasBase` is false), but those a local directory replaces: the build uses the directory, and the
 * version is mostly a placeholder the proxy never saw (v0.0.0-00010101000000-000000000000).
 */
function judgedRequirements({ module, baseMod }: JudgedModule, hasBase: boolean) {
  const base = hasBase && baseMod !== undefined ? baseMod.require : []
  // A set, not a search per line: go.mod files of hundreds of requirements are common.
  const atBase = new Set(base.map(b => `${b.path} ${b.version}`))
  const replacementOf = replacementLookup(module.mod.file)
  return module.mod.file.require.filter(
    r => !atBase.has(`${r.path} ${r.version}`) && !isDirectoryPath(replacementOf(r.path, r.version)?.new.path ?? '')
  )
}

async function moduleFindings(ctx: RunContext, judged: JudgedModule, hasBase: boolean): Promise<Finding[]> {
  const { module } = judged
  const requirements = judgedRequirements(judged, hasBase)
  if (requirements.length === 0) return []
  const notChecked = (mods: ModuleVersionArg[], why: string): Finding =>
    skipped(
      'sum-drift',
      module.goModFile,
      `retractions and deprecations of ${mods.map(m => `${m.path}@${m.version}`).join(', ')} were not checked: ${why}`,
      'make the module proxy (`go env GOPROXY`) reachable: retractions and deprecations are read from it'
    )
  const unavailable = proxyUnavailable((await ctx.go.env()).GOPROXY)
  if (unavailable !== undefined) return [notChecked(requirements, `${unavailable}; they are read from the proxy.`)]

  const findings: Finding[] = []
  const unsafe = requirements.filter(r => !isSafeModuleArg(r))
  if (unsafe.length > 0) findings.push(notChecked(unsafe, 'not a valid module path and version.'))
  const asked = requirements.filter(isSafeModuleArg)
  if (asked.length === 0) return findings
  let listed
  try {
    listed = await listLifecycle(ctx.go, module, asked)
  } catch (error) {
    if (!(error instanceof GoCommandError)) throw error
    return [...findings, notChecked(asked, error.message)]
  }
  const failed: string[] = []
  // Modules go gave no answer for: its one error of the whole run says why, once.
  const unanswered: string[] = []
  for (const r of asked) {
    const answer = listed.answers.find(a => a.Path === r.path && a.Version === r.version)
    const at = { file: module.goModFile, line: r.line, module: r.path, version: r.version }
    if (answer === undefined) {
      unanswered.push(`${r.path}@${r.version}`)
      continue
    }
    if (answer.Error) {
      failed.push(`${r.path}@${r.version} (${answer.Error.Err})`)
      continue
    }
    if (answer.Retracted?.length) {
      findings.push(
        newFinding('sum-retracted-version', {
          ...at,
          message: `${r.path}@${r.version} is retracted by its author: ${answer.Retracted.join('; ')}. Require a version that is not retracted (\`go list -m -versions ${r.path}\` lists them; \`go get ${r.path}@latest\` picks the latest).`
        })
      )
    }
    if (answer.Deprecated) {
      findings.push(
        newFinding('sum-deprecated-module', {
          ...at,
          message: `${r.path} is deprecated by its author: ${answer.Deprecated.trim().replace(/\.$/, '')}. Move to the replacement the deprecation names, or confirm this dependency is still wanted.`
        })
      )
    }
  }
  if (unanswered.length > 0) failed.push(`${unanswered.join(', ')} (${listed.error ?? 'go gave no answer'})`)
  if (failed.length > 0) {
    findings.push(
      skipped(
        'sum-drift',
        module.goModFile,
        `retractions and deprecations could not be read from the module proxy for ${failed.join(', ')}`,
        'make the module proxy (`go env GOPROXY`) reachable: retractions and deprecations are read from it'
      )
    )
  }
  return findings
}

/** The findings of both rules over `modules`; nothing runs when both rules are off. */
export async function lifecycleFindings(
  ctx: RunContext,
  modules: JudgedModule[],
  hasBase: boolean
): Promise<Finding[]> {
  if (allRulesOff(ctx.config, RULE_IDS)) return []
  // Two modules at a time, as the verify step: each go list fans out over the proxy.
  return (await mapLimit(modules, 2, m => moduleFindings(ctx, m, hasBase))).flat()
}
