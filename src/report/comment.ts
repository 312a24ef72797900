/**
 * The pull request comment: the verdict, counts per severity, every blocking finding linked to
 * its line, and the go.sum drift as a table. A hidden marker lets the next run find and update it.
 */
import type { FailOn } from '../config.js'
import type { GateResult } from '../engine.js'
import { type Finding, SEVERITIES, compareText } from '../findings.js'
import { isBlocking } from '../policy.js'
import { type BlobLinks, BoundedLines, code, escapeMarkdown, location } from './markdown.js'
import { SEVERITY_ICON, countBySeverity, findingRow, gateFailed, samePlace } from './summary.js'

/** GitHub refuses a comment body over 65,536 characters; bytes are never fewer than characters. */
export const COMMENT_LIMIT_BYTES = 65_536
const TRAILER_BYTES = 2048

/** The drift rules and how the table names them, in the table's order. */
const DRIFT: Record<string, string> = {
  'sum-module-added': 'added',
  'sum-module-removed': 'removed',
  'sum-major-upgrade': 'major upgrade',
  'sum-module-upgraded': 'upgraded',
  'sum-module-downgraded': 'downgraded'
}

export interface CommentOptions {
  failOn: FailOn
  /** The hidden line the next run looks for. */
  marker: string
  /** Which job wrote the comment (job id, modules), shown so matrix jobs' comments are told apart. */
  identity: string
  links?: BlobLinks
  limitBytes?: number
}

function driftRow(f: Finding, links: BlobLinks | undefined): string {
  const removed = f.rule === 'sum-module-removed'
  const module = f.previous && f.previous.module !== f.module ? `${f.previous.module} → ${f.module}` : (f.module ?? '')
  const base = removed ? f.version : f.previous?.version
  const head = removed ? undefined : f.version
  return `| ${DRIFT[f.rule]} | ${code(module)} | ${base ? code(base) : ''} | ${head ? code(head) : ''} | ${location(f.file, f.line, links)} |`
}

export function renderComment(result: GateResult, options: CommentOptions): string {
  const out = new BoundedLines((options.limitBytes ?? COMMENT_LIMIT_BYTES) - TRAILER_BYTES)
  const counts = countBySeverity(result.findings)
  const failed = gateFailed(result)
  out.tryAdd(
    options.marker,
    `### go-guard ${failed ? '❌ fails' : '✅ passes'}`,
    '',
    failed
      ? `**${result.blocking} blocking finding(s)** (\`fail-on: ${options.failOn}\`)${result.steps.some(s => s.error) ? '; a step could not run to the end' : ''}.`
      : `No blocking finding (\`fail-on: ${options.failOn}\`).`,
    '',
    `| ${SEVERITIES.map(s => `${SEVERITY_ICON[s]} ${s}`)
      .reverse()
      .join(' | ')} |`,
    '|---|---|---|',
    `| ${[...SEVERITIES]
      .reverse()
      .map(s => counts[s])
      .join(' | ')} |`
  )
  const notes: string[] = []
  const broken = result.steps.filter(s => s.error !== undefined)
  if (broken.length > 0) {
    out.tryAdd('', ...broken.map(s => `- step ${s.step} failed: ${escapeMarkdown(s.error ?? '')}`))
  }

  const blocking = result.findings.filter(f => isBlocking(f, options.failOn))
  if (blocking.length > 0) {
    const related = samePlace(result.findings)
    out.tryAdd('', '#### Blocking findings', '', '| severity | rule | location | message |', '|---|---|---|---|')
    const shown = blocking.findIndex(f => !out.tryAdd(findingRow(f, related.get(f), options.links)))
    if (shown >= 0) {
      notes.push(`${blocking.length - shown} more blocking finding(s) did not fit in a comment: see the job summary.`)
    }
  }

  const drift = Object.keys(DRIFT).flatMap(rule =>
    result.findings
      .filter(f => f.rule === rule)
      .sort((a, b) => compareText(a.module ?? '', b.module ?? '') || compareText(a.file, b.file))
  )
  if (drift.length > 0) {
    out.tryAdd('', '#### go.sum changes', '', '| change | module | base | head | where |', '|---|---|---|---|---|')
    const shown = drift.findIndex(f => !out.tryAdd(driftRow(f, options.links)))
    if (shown >= 0) notes.push(`${drift.length - shown} more go.sum change(s) did not fit: see the job summary.`)
  }

  const trailer = [
    ...(notes.length > 0 ? ['', ...notes.map(n => `> ${n}`)] : []),
    '',
    `<sub>${escapeMarkdown(options.identity)} · updated on every run${
      options.links ? ` · commit ${code(options.links.sha, 'text')}` : ''
    }</sub>`
  ]
  return `${[...out.lines, ...trailer].join('\n')}\n`
}
