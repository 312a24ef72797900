/** The JSON report: every finding, per-step status, and the audit snapshot of what was judged. */
import type { Audit } from '../audit.js'
import type { GateResult } from '../engine.js'
import { moduleDirsInRepository } from '../modules.js'
import { countBySeverity } from './summary.js'

export function renderJson(result: GateResult, version: string, audit?: Audit): object {
  return {
    tool: { name: 'go-guard', version },
    blocking: result.blocking,
    // Wall time of the run, of its (overlapping) go subprocesses, and go-guard's own CPU time.
    timing: {
      durationMs: Math.round(result.durationMs),
      goMs: Math.round(result.goMs),
      ownCpuMs: Math.round(result.ownCpuMs)
    },
    counts: countBySeverity(result.findings),
    steps: result.steps.map(s => ({
      step: s.step,
      status: s.status,
      durationMs: Math.round(s.durationMs),
      findings: s.findings.length,
      ...(s.error ? { error: s.error } : {})
    })),
    findings: result.findings,
    modules: moduleDirsInRepository(result.scope),
    ...(audit ? { audit } : {})
  }
}
