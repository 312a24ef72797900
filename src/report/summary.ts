/**
 * The job summary: the verdict, the base commit, a status line per step with its time, then the
 * findings of each step, most severe first. GitHub drops a step summary over 1 MiB whole, so past
 * that budget it keeps the blocking findings, then the others most severe first while they fit,
 * and counts the rest per rule.
 */
import type { FailOn } from '../config.js'
import type { GateResult } from '../engine.js'
import { type Finding, SEVERITIES, type Severity } from '../findings.js'
import { isBlocking } from '../policy.js'
import { shortList } from '../shortlist.js'
import { type BlobLinks, code, escapeMarkdown, location, ruleLabel } from './markdown.js'

/** GitHub's limit for one step's summary (docs: "Job summaries ... up to 1MiB"). */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024
/** Room kept for the per-rule counts and the pointer to the JSON report. */
const TRAILER_BYTES = 32 * 1024
/** Cross-references listed per finding; the rest are counted. */
const MAX_SAME_PLACE = 5

const ICON: Record<string, string> = { passed: '✅', failed: '❌', skipped: '⏭️' }
export const SEVERITY_ICON: Record<Severity, string> = { error: '🛑', warning: '⚠️', notice: 'ℹ️' }

export interface SummaryOptions {
  failOn: FailOn
  links?: BlobLinks
  /** The JSON report's path, where one is written: the summary points to it when it leaves findings out. */
  reportFile?: string
  limitBytes?: number
}

export function countBySeverity(findings: { severity: Severity }[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, notice: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}

export function countsLine(findings: { severity: Severity }[]): string {
  const counts = countBySeverity(findings)
  return [...SEVERITIES]
    .reverse()
    .map(s => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`)
    .join(', ')
}

/** The engine's verdict as the adapters report it: blocking findings or a step that broke. */
export function gateFailed(result: GateResult): boolean {
  return result.blocking > 0 || result.steps.some(s => s.error !== undefined)
}

export function verdictLine(result: GateResult): string {
  return result.blocking > 0
    ? `**Failed:** ${result.blocking} blocking finding(s); ${countsLine(result.findings)}.`
    : gateFailed(result)
      ? `**Failed:** a step could not run to the end; ${countsLine(result.findings)}.`
      : `**Passed:** ${countsLine(result.findings)}.`
}

export function baseLine(result: GateResult): string {
  if (result.base === undefined) return 'Base commit: none needed by the steps run.'
  if ('sha' in result.base) return `Base commit: ${code(result.base.sha, 'text')}.`
  return `Base commit: none. ${escapeMarkdown(result.base.skipped)}`
}

const placeKey = (p: { file: string; line: number }): string => `${p.file}\n${p.line}`
const placesOf = (f: Finding): { file: string; line: number }[] => [f, ...(f.also ?? [])]

/**
 * For each finding, the others on one of its lines: a hand-edited go.sum line shows up in the
 * verify and sum-drift steps, and the reader should see those rows are one problem. Line 1
 * stands for the file as a whole (removed modules, skipped steps), so it ties nothing together.
 */
export function samePlace(findings: Finding[]): Map<Finding, Finding[]> {
  const byPlace = new Map<string, Finding[]>()
  for (const f of findings) {
    for (const p of placesOf(f)) {
      if (p.line === 1) continue
      const at = byPlace.get(placeKey(p))
      if (at === undefined) byPlace.set(placeKey(p), [f])
      else at.push(f)
    }
  }
  const related = new Map<Finding, Finding[]>()
  for (const f of findings) {
    const others = new Set(placesOf(f).flatMap(p => byPlace.get(placeKey(p)) ?? []))
    others.delete(f)
    if (others.size > 0) related.set(f, [...others])
  }
  return related
}

export function findingRow(f: Finding, related: Finding[] | undefined, links: BlobLinks | undefined): string {
  const places = placesOf(f)
    .map(p => location(p.file, p.line, links))
    .join(', ')
  let xref = ''
  if (related !== undefined) {
    const named = related.slice(0, MAX_SAME_PLACE).map(o => `${ruleLabel(o.rule)} (${o.step})`)
    const more = related.length > MAX_SAME_PLACE ? ` and ${related.length - MAX_SAME_PLACE} more` : ''
    xref = `<br>**Same line:** ${named.join(', ')}${more}`
  }
  return `| ${SEVERITY_ICON[f.severity]} ${f.severity} | ${ruleLabel(f.rule)} | ${places} | ${escapeMarkdown(f.message)}${xref} |`
}

const FINDINGS_HEADER = ['| severity | rule | location | message |', '|---|---|---|---|']

/** The modules in scope, the first `shown` named: a monorepo's list must not crowd out its findings. */
export function modulesLine(result: GateResult, shown = 100): string {
  const dirs = result.scope.modules.map(m => code(m.relDir, 'text'))
  return shortList(dirs, shown) || 'none'
}

function head(result: GateResult): string[] {
  const lines = [
    '## go-guard',
    '',
    verdictLine(result),
    '',
    baseLine(result),
    '',
    `Modules: ${modulesLine(result)}`,
    '',
    '| step | status | findings | time |',
    '|---|---|---|---|'
  ]
  for (const s of result.steps) {
    const status = `${ICON[s.status]} ${s.status}${s.error ? `: ${escapeMarkdown(s.error)}` : ''}`
    lines.push(`| ${s.step} | ${status} | ${s.findings.length} | ${(s.durationMs / 1000).toFixed(2)} s |`)
  }
  return lines
}

function section(step: string, rows: string[]): string[] {
  return rows.length === 0 ? [] : ['', `### ${step}`, '', ...FINDINGS_HEADER, ...rows]
}

function omittedTable(omitted: Finding[], omittedBlocking: number, options: SummaryOptions): string[] {
  const byRule = new Map<string, { severity: Severity; step: string; n: number }>()
  for (const f of omitted) {
    const key = `${f.rule}\n${f.severity}\n${f.step}`
    const entry = byRule.get(key) ?? { severity: f.severity, step: f.step, n: 0 }
    entry.n++
    byRule.set(key, entry)
  }
  const where = options.reportFile
    ? `the JSON report ${code(options.reportFile, 'text')}`
    : 'the JSON report (set the `report-file` input to write it)'
  const lines = [
    '',
    '### Not shown',
    '',
    omittedBlocking === 0
      ? `All of it would pass GitHub's 1 MiB limit: this summary shows every blocking finding and the most severe of the others, and counts the other ${omitted.length} here.`
      : `Even the blocking findings alone pass GitHub's 1 MiB limit: ${omittedBlocking} of them are counted here with the other findings.`,
    `Every finding is in ${where}; with \`check-run: true\` the check run carries each as an annotation.`,
    '',
    '| rule | step | severity | findings |',
    '|---|---|---|---|'
  ]
  for (const [key, e] of byRule) {
    lines.push(`| ${ruleLabel(key.split('\n')[0])} | ${e.step} | ${SEVERITY_ICON[e.severity]} ${e.severity} | ${e.n} |`)
  }
  return lines
}

export function renderSummary(result: GateResult, options: SummaryOptions): string {
  const limit = options.limitBytes ?? SUMMARY_LIMIT_BYTES
  const related = samePlace(result.findings)
  const rows = new Map(result.findings.map(f => [f, findingRow(f, related.get(f), options.links)]))
  const render = (shown: (f: Finding) => boolean): string[] => [
    ...head(result),
    ...result.steps.flatMap(s =>
      section(
        s.step,
        result.findings.filter(f => f.step === s.step && shown(f)).map(f => rows.get(f)!)
      )
    )
  ]
  const text = `${render(() => true).join('\n')}\n`
  if (Buffer.byteLength(text) <= limit) return text

  // Over budget: the blocking findings first, then the others most severe first, while they fit
  // (all blocking ones unless they alone pass 1 MiB); the rest counted per rule.
  const heads = Buffer.byteLength(render(() => false).join('\n')) + result.steps.length * 128
  let room = limit - TRAILER_BYTES - heads
  const shown = new Set<Finding>()
  const blocking = (f: Finding): boolean => isBlocking(f, options.failOn)
  for (const f of [...result.findings.filter(blocking), ...result.findings.filter(f => !blocking(f))]) {
    const size = Buffer.byteLength(rows.get(f)!) + 1
    if (size > room) break
    room -= size
    shown.add(f)
  }
  const omitted = result.findings.filter(f => !shown.has(f))
  return `${[...render(f => shown.has(f)), ...omittedTable(omitted, omitted.filter(blocking).length, options)].join('\n')}\n`
}
