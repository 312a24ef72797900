import type { GateResult } from '../../src/engine.js'
import { type Finding, type Severity, newFinding } from '../../src/findings.js'
import type { Scope } from '../../src/modules.js'
import type { RuleId } from '../../src/rules.js'

/** A scope of these modules (their fields as a test needs them) and nothing else. */
export function scopeOf(modules: object[] = [{ relDir: '.' }]): Scope {
  return { modules: modules as never, workspaces: [], problems: [], fences: [], strayVendors: [], setAside: [] }
}

export function finding(rule: RuleId, line = 1, overrides: Partial<Finding> = {}): Finding {
  return { ...newFinding(rule, { file: 'go.mod', line, message: `${rule} at ${line}`, step: 'verify' }), ...overrides }
}

export function findingsOf(severity: Severity, n: number): Finding[] {
  const rules: Record<Severity, RuleId> = {
    error: 'replace-not-allowed',
    warning: 'sum-module-downgraded',
    notice: 'sum-module-added'
  }
  const rule = rules[severity]
  return Array.from({ length: n }, (_, i) => finding(rule, i + 1))
}

export function gateResult(findings: Finding[], blocking = 0): GateResult {
  return {
    steps: [
      { step: 'verify', status: 'passed', findings: [], durationMs: 1200 },
      { step: 'replace', status: findings.length ? 'failed' : 'passed', findings, durationMs: 3 }
    ],
    findings,
    blocking,
    scope: scopeOf(),
    durationMs: 1300,
    goMs: 1000,
    ownCpuMs: 50
  }
}
