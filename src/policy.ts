/**
 * Everything decided after the steps, in one place and one order (golangci-lint's processors):
 * each processor takes a step's findings and returns them changed. Both adapters (main.ts,
 * cli.ts) take the engine's result, which went through this list, and the verdict below.
 */
import type { Config } from './config.js'
import {
  type Finding,
  type StepId,
  type StepResult,
  compareFindings,
  newFinding,
  redactSecrets,
  type Severity,
  severityRank
} from './findings.js'
import type { RuleId } from './rules.js'

type PolicyConfig = Pick<Config, 'ruleSeverity' | 'failOn' | 'maxNewModules' | 'maxUpdatedModules' | 'maxMajorUpgrades'>

/** What sum-drift counted across every module in scope: `path@version` (or `path@old->new`), each once. */
export interface DriftCounts {
  added: string[]
  updated: string[]
  majors: string[]
}

/** What a processor sees besides the findings: the step they came from and what the run established. */
export interface ProcessorInput {
  config: PolicyConfig
  step: StepId
  drift?: DriftCounts
  /** Where a finding about the repository as a whole goes. */
  at: { file: string; line: number }
}

type Processor = (findings: Finding[], input: ProcessorInput) => Finding[]

const THRESHOLDS: { rule: RuleId; input: string; limit: keyof PolicyConfig; counted: keyof DriftCounts }[] = [
  { rule: 'sum-new-modules-limit', input: 'max-new-modules', limit: 'maxNewModules', counted: 'added' },
  { rule: 'sum-updated-modules-limit', input: 'max-updated-modules', limit: 'maxUpdatedModules', counted: 'updated' },
  { rule: 'sum-major-upgrades-limit', input: 'max-major-upgrades', limit: 'maxMajorUpgrades', counted: 'majors' }
]

/** max-new-modules, max-updated-modules, max-major-upgrades over what sum-drift counted; -1 is no limit. */
const thresholds: Processor = (findings, { config, step, drift, at }) => {
  if (step !== 'sum-drift' || drift === undefined) return findings
  const over: Finding[] = []
  for (const t of THRESHOLDS) {
    const limit = config[t.limit] as number
    const counted = drift[t.counted]
    if (limit < 0 || counted.length <= limit) continue
    over.push(
      newFinding(t.rule, {
        ...at,
        message: `${counted.length} ${counted.length === 1 ? 'module counts' : 'modules count'} toward ${t.input}, more than the ${limit} allowed: ${counted.join(', ')}. Split the change, or raise ${t.input}.`
      })
    )
  }
  return [...findings, ...over]
}

/**
 * Whether `rules:` turned every one of `rules` off: the one test of `off`, for the processor
 * below and for the checks that report only those rules, which then run nothing. Dropping their
 * findings afterwards is not enough: the `step-skipped` such a check makes where it cannot run
 * (a go too old for `go mod tidy -diff`, no module proxy) is not one of its rules, and its go
 * command would run for nothing.
 */
export function allRulesOff(config: Pick<Config, 'ruleSeverity'>, rules: readonly RuleId[]): boolean {
  return rules.every(rule => config.ruleSeverity.get(rule) === 'off')
}

/** `rules` overrides: `off` drops a finding, a severity replaces the default. */
const severityOverrides: Processor = (findings, { config }) => {
  const out: Finding[] = []
  for (const f of findings) {
    if (allRulesOff(config, [f.rule])) continue
    const override = config.ruleSeverity.get(f.rule) as Severity | undefined
    out.push(override === undefined ? f : { ...f, severity: override })
  }
  return out
}

/** Credentials out of every message (a GOPROXY's user info, tokens quoted by go). */
const redaction: Processor = findings => findings.map(f => ({ ...f, message: redactSecrets(f.message) }))

/** One finding per fact: two paths that found the same thing report it once. */
const dedupe: Processor = findings => {
  const seen = new Set<string>()
  return findings.filter(f => {
    const key = JSON.stringify([f.step, f.rule, f.file, f.line, f.module, f.version, f.message])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Most severe first, then by place: stable output. */
const sort: Processor = findings => [...findings].sort(compareFindings)

/** The order matters; each comment says why a processor stands where it does. */
export const PROCESSORS: readonly Processor[] = [
  // First: a threshold counts modules whatever `rules` does to the findings counted (turning
  // sum-module-added off must not lift max-new-modules); its own finding is overridable next.
  thresholds,
  // Before the rest: every later processor, and the fail decision, must see the severities in force.
  severityOverrides,
  // After overrides (a dropped finding needs no redaction); before dedupe, which compares messages.
  redaction,
  // After redaction: two messages differing only in a secret are one finding.
  dedupe,
  // Last: the order of what is reported.
  sort
]

export function applyProcessors(findings: Finding[], input: ProcessorInput): Finding[] {
  return PROCESSORS.reduce((fs, process) => process(fs, input), findings)
}

export function isBlocking(f: Finding, failOn: Config['failOn']): boolean {
  return failOn !== 'never' && severityRank(f.severity) >= severityRank(failOn)
}

/**
 * Every step's findings as one list: must run after PROCESSORS. A fact several steps report (a
 * go.mod no step could parse) stays in each step's result, so none of them says passed, and is
 * reported once here.
 */
export function mergeSteps(steps: { findings: Finding[] }[]): Finding[] {
  const seen = new Set<string>()
  const merged: Finding[] = []
  for (const f of steps.flatMap(s => s.findings)) {
    const key = JSON.stringify([f.rule, f.file, f.line, f.module, f.version, f.message])
    if (seen.has(key)) continue
    seen.add(key)
    merged.push(f)
  }
  return merged.sort(compareFindings)
}

/**
 * A step's status from its processed findings: must run after PROCESSORS. A step that judged
 * something and found nothing blocking passed, even beside `step-skipped` notices.
 */
export function stepStatus(
  findings: Finding[],
  judged: boolean,
  error: string | undefined,
  config: Pick<Config, 'failOn'>
): StepResult['status'] {
  if (error !== undefined || findings.some(f => isBlocking(f, config.failOn))) return 'failed'
  return !judged && findings.length > 0 && findings.every(f => f.rule === 'step-skipped') ? 'skipped' : 'passed'
}

/** The run's verdict, the same for both adapters: broken (go-guard failed), blocked, or passed. */
export type Verdict =
  { outcome: 'broken'; message: string } | { outcome: 'blocked'; blocking: number } | { outcome: 'passed' }

export function verdict(steps: { step: string; error?: string }[], blocking: number): Verdict {
  const broken = steps.filter(s => s.error !== undefined)
  if (broken.length > 0) return { outcome: 'broken', message: broken.map(s => `step ${s.step}: ${s.error}`).join('; ') }
  return blocking > 0 ? { outcome: 'blocked', blocking } : { outcome: 'passed' }
}
