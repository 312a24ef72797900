/** The thin port to GitHub's workflow commands, shared by the Action and `cli --format github`. */
import * as core from '@actions/core'
import type { Finding } from './findings.js'
import { planAnnotations } from './report/annotations.js'
import type { WorkspacePaths } from './report/paths.js'

/**
 * One annotation per finding within GitHub's limits. Paths are made relative to the checkout
 * (`workspace`), which the repository root may be below. @actions/core escapes `%`, CR, LF,
 * `:` and `,` so no finding text can inject a workflow command.
 */
export function emitAnnotations(findings: Finding[], toWorkspace: WorkspacePaths): void {
  for (const a of planAnnotations(findings)) {
    const props = { title: a.title, file: toWorkspace(a.file), startLine: a.line }
    if (a.severity === 'error') core.error(a.message, props)
    else if (a.severity === 'warning') core.warning(a.message, props)
    else core.notice(a.message, props)
  }
}
