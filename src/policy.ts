/** Pure policy: severity overrides, the fail decision. */
import type { Config } from './config.js'
import { type Finding, severityRank } from './findings.js'

/** Applies `rules` overrides: `off` drops a finding, a severity replaces the default. */
export function applySeverities(findings: Finding[], overrides: Config['ruleSeverity']): Finding[] {
  const out: Finding[] = []
  for (const f of findings) {
    const override = overrides.get(f.rule)
    if (override === 'off') continue
    out.push(override === undefined ? f : { ...f, severity: override })
  }
  return out
}

export function isBlocking(f: Finding, failOn: Config['failOn']): boolean {
  return failOn !== 'never' && severityRank(f.severity) >= severityRank(failOn)
}
