/**
 * The check run's output: every finding as a Checks API annotation (plain text, not Markdown),
 * cut into the batches of 50 the API takes per request, and a short Markdown summary.
 */
import type { FailOn } from '../config.js'
import type { GateResult } from '../engine.js'
import type { Finding, Severity } from '../findings.js'
import { annotationMessage } from './annotations.js'
import { countsLine, gateFailed, modulesLine, verdictLine } from './summary.js'

/** "The Checks API limits the number of annotations to a maximum of 50 per API request." */
export const ANNOTATIONS_PER_REQUEST = 50
/** The API's limits on an annotation's message, title and raw details (64 KB, 255 characters). */
const MESSAGE_CHARS = 60_000
const TITLE_CHARS = 255

export interface CheckAnnotation {
  path: string
  start_line: number
  end_line: number
  annotation_level: 'failure' | 'warning' | 'notice'
  title: string
  message: string
}

export interface CheckOutput {
  title: string
  summary: string
}

const LEVEL: Record<Severity, CheckAnnotation['annotation_level']> = {
  error: 'failure',
  warning: 'warning',
  notice: 'notice'
}

/** One annotation per finding, on its first place (the others named in the message). */
export function checkAnnotation(f: Finding, repoPath: (file: string) => string | undefined): CheckAnnotation {
  const also = (f.also ?? []).map(p => `${p.file}:${p.line}`)
  const message = `${annotationMessage(f)}${also.length > 0 ? `\nAlso at: ${also.join(', ')}` : ''}`
  return {
    path: repoPath(f.file) ?? f.file,
    start_line: f.line,
    end_line: f.line,
    annotation_level: LEVEL[f.severity],
    title: `go-guard ${f.rule}`.slice(0, TITLE_CHARS),
    message: message.length > MESSAGE_CHARS ? `${message.slice(0, MESSAGE_CHARS)}…` : message
  }
}

/** The annotations in request-sized batches; always at least one batch (it may be empty). */
export function annotationBatches(annotations: CheckAnnotation[]): CheckAnnotation[][] {
  const batches: CheckAnnotation[][] = []
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
  return batches.length > 0 ? batches : [[]]
}

export function checkConclusion(result: GateResult): 'success' | 'failure' {
  return gateFailed(result) ? 'failure' : 'success'
}

export function checkOutput(result: GateResult, failOn: FailOn): CheckOutput {
  return {
    title: gateFailed(result)
      ? `${result.blocking} blocking finding(s): ${countsLine(result.findings)}`
      : `passed: ${countsLine(result.findings)}`,
    summary: [
      verdictLine(result),
      '',
      `\`fail-on: ${failOn}\`; modules: ${modulesLine(result, 20)}.`,
      '',
      `Every finding is an annotation of this check run (${result.findings.length} in all).`
    ].join('\n')
  }
}
