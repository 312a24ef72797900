/** The job summary: a status line per step with its time, then every finding grouped by step. */
import type { GateResult } from '../engine.js'
import { SEVERITIES, type Severity } from '../findings.js'

const ICON: Record<string, string> = { passed: '✅', failed: '❌', skipped: '⏭️' }

function escapeCell(text: string): string {
  return text
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/&lt;br&gt;/g, '<br>')
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

export function renderSummary(result: GateResult): string {
  const lines: string[] = ['## go-guard', '']
  lines.push(
    result.blocking > 0
      ? `**Failed:** ${result.blocking} blocking finding(s); ${countsLine(result.findings)}.`
      : `**Passed:** ${countsLine(result.findings)}.`,
    '',
    `Modules: ${result.scope.modules.map(m => `\`${m.relDir}\``).join(', ') || 'none'}`,
    '',
    '| step | status | findings | time |',
    '|---|---|---|---|'
  )
  for (const s of result.steps) {
    const status = `${ICON[s.status]} ${s.status}${s.error ? `: ${escapeCell(s.error)}` : ''}`
    lines.push(`| ${s.step} | ${status} | ${s.findings.length} | ${(s.durationMs / 1000).toFixed(2)} s |`)
  }
  for (const s of result.steps) {
    if (s.findings.length === 0) continue
    lines.push('', `### ${s.step}`, '', '| severity | rule | location | message |', '|---|---|---|---|')
    for (const f of s.findings) {
      const places = [f, ...(f.also ?? [])].map(p => `\`${escapeCell(p.file)}:${p.line}\``).join(', ')
      lines.push(`| ${f.severity} | \`${f.rule}\` | ${places} | ${escapeCell(f.message)} |`)
    }
  }
  return `${lines.join('\n')}\n`
}
