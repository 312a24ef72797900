/** Which findings become annotations, within GitHub's limits, and with what text. */
import { type Finding, type Severity, compareFindings } from '../findings.js'
import { RULES } from '../rules.js'

/** GitHub shows at most 10 annotations of each level per step and 50 per job. */
export const ANNOTATION_LIMITS = { perSeverity: 10, total: 50 }

export interface Annotation {
  severity: Severity
  title: string
  message: string
  file: string
  line: number
}

/** How to make the finding pass: its own fix where it has one, else its rule's. */
export function fixOf(f: Finding): string {
  return f.fix ?? RULES[f.rule].fix
}

/** The message, then one Fix line, unless the finding says its message ends with the fix. */
export function annotationMessage(f: Finding): string {
  return f.fixInMessage ? f.message : `${f.message}\nFix: ${fixOf(f)}`
}

/**
 * Most severe first; a finding with `also` locations is annotated on each of them (a go.sum line
 * and the go.mod require line it concerns). The last annotation says how many more the job
 * summary holds.
 */
export function planAnnotations(findings: Finding[], limits = ANNOTATION_LIMITS): Annotation[] {
  const perSeverity = new Map<Severity, number>()
  const annotations: Annotation[] = []
  let shownFindings = 0
  for (const f of [...findings].sort(compareFindings)) {
    const places = [{ file: f.file, line: f.line }, ...(f.also ?? [])]
    const n = perSeverity.get(f.severity) ?? 0
    if (n + places.length > limits.perSeverity || annotations.length + places.length > limits.total) continue
    perSeverity.set(f.severity, n + places.length)
    shownFindings++
    for (const place of places) {
      annotations.push({ severity: f.severity, title: `go-guard ${f.rule}`, message: annotationMessage(f), ...place })
    }
  }
  const hidden = findings.length - shownFindings
  if (hidden > 0 && annotations.length > 0) {
    annotations[annotations.length - 1].message +=
      `\n(${hidden} more finding${hidden === 1 ? ' is' : 's are'} listed in the job summary: GitHub shows a limited number of annotations.)`
  }
  return annotations
}
