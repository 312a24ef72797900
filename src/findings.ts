import { RULES, type RuleId } from './rules.js'

/** Severities in increasing order of weight; `off` removes a rule entirely. */
export const SEVERITIES = ['notice', 'warning', 'error'] as const
export type Severity = (typeof SEVERITIES)[number]

export const STEP_IDS = ['toolchain', 'verify', 'sum-drift', 'vendor', 'replace'] as const
export type StepId = (typeof STEP_IDS)[number]

/**
 * Why a finding was made, for code that acts on another finding: the message is for people and
 * no code reads it.
 */
export type FindingCause =
  /** A download hashed differently from go.sum (verify): go aborts all loading on one. */
  'checksum-mismatch'

/** One violation, located on the exact line of the file concerned. */
export interface Finding {
  rule: RuleId
  severity: Severity
  step: StepId
  message: string
  /** Relative to the repository root, with forward slashes. */
  file: string
  /** 1-based; 1 where the file as a whole is meant. */
  line: number
  module?: string
  version?: string
  /** What the base commit had in this module's place: the version before an upgrade or downgrade, the older major version. */
  previous?: { module: string; version: string }
  /** Further places the same fact shows, annotated too (a go.mod require line beside go.sum). */
  also?: { file: string; line: number }[]
  cause?: FindingCause
  /** How to make this finding pass, where it is more specific than its rule's fix (a skipped step says what it needs). */
  fix?: string
  /** The message ends with its fix already (in its own words): the annotation adds no Fix line. */
  fixInMessage?: true
}

export type StepStatus = 'passed' | 'failed' | 'skipped'

export interface StepResult {
  step: StepId
  status: StepStatus
  findings: Finding[]
  durationMs: number
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s)
}

/**
 * Strings in code-unit order, as Go's sort.Strings: the same on every runner, where localeCompare
 * depends on the locale (and its first call builds an ICU collator, ~10 ms).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Most severe first, then by file and line so output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    STEP_IDS.indexOf(a.step) - STEP_IDS.indexOf(b.step) ||
    compareText(a.file, b.file) ||
    a.line - b.line ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message)
  )
}

/** A finding of `rule` at its default severity; `step` is needed only for rules of any step. */
export function newFinding(
  rule: RuleId,
  fields: Omit<Finding, 'rule' | 'severity' | 'step'> & { step?: StepId }
): Finding {
  const info = RULES[rule]
  const step = info.step === 'any' ? fields.step : info.step
  if (step === undefined) throw new Error(`rule ${rule} needs a step`)
  return { ...fields, rule, severity: info.severity, step }
}

/**
 * `step-skipped` on `file` line 1: a step that could not run never passes silently. `message` says
 * why; `fix` what the step needs to run (or that nothing is needed).
 */
export function skipped(step: StepId, file: string, message: string, fix: string): Finding {
  return newFinding('step-skipped', { step, file, line: 1, message, fix })
}

/**
 * `step-skipped` at error, on `line`: where skipping weakens the gate (the contract's words) the
 * skip blocks. A base commit that could not be read or fetched would hide sum-hash-changed; a `go`
 * line past the running go would switch the steps off while a build with GOTOOLCHAIN=auto goes on.
 */
export function blockingSkip(step: StepId, file: string, line: number, message: string, fix: string): Finding {
  return { ...skipped(step, file, message, fix), line, severity: 'error' }
}

/**
 * Removes credentials from text bound for logs, annotations and reports: the user info of a URL,
 * user name and password alike (a GOPROXY such as https://TOKEN@host or https://user:token@host;
 * RFC 3986 authority: user info ends at the last `@` before `/`, `?` or `#`), and tokens of
 * GitHub's formats.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>\\]+@/gi, '$1***@')
    .replace(/\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g, '***')
}
