/**
 * Plain text for a terminal: one finding a line (a finding with a fix of its own, such as a
 * skipped step saying what it needs, adds an indented `fix:` line; the rules' fixes are in the
 * README), then the steps and the counts.
 */
import type { GateResult } from '../engine.js'
import { countsLine } from './summary.js'

export function renderText(result: GateResult): string {
  const lines = result.findings.flatMap(f => [
    `${f.file}:${f.line}: ${f.severity}: [${f.rule}] ${f.message}`,
    ...(f.fix === undefined ? [] : [`    fix: ${f.fix}`])
  ])
  for (const s of result.steps) {
    lines.push(`step ${s.step}: ${s.status}${s.error ? ` (${s.error})` : ''} in ${(s.durationMs / 1000).toFixed(2)} s`)
  }
  lines.push(`go-guard: ${countsLine(result.findings)}; ${result.blocking} blocking`)
  return `${lines.join('\n')}\n`
}
