import type { Config } from '../config.js'
import type { BaseResolution } from '../git.js'
import type { Finding, StepId } from '../findings.js'
import type { GoCommand } from '../go/command.js'
import type { Logger } from '../logger.js'
import type { Scope } from '../modules.js'
import type { ModuleDownloads } from './downloads.js'

/** Everything a step may use; steps read nothing else (no @actions/*, no process.env). */
export interface CheckContext {
  config: Config
  /** Absolute repository root (working-directory). */
  root: string
  scope: Scope
  go: GoCommand
  logger: Logger
  /** `go mod download` per module, run once and shared by every step that needs it. */
  downloads: ModuleDownloads
  /** The base commit (config.baseRef resolved, fetched if missing), once for every step. */
  base: () => Promise<BaseResolution>
  /** A file as it is at the base commit; undefined where it did not exist; throws GitError where git could not tell. */
  readAtBase: (sha: string, relPath: string) => Promise<string | undefined>
}

/**
 * What a step found, and whether it judged anything: a step that judged something and found
 * nothing wrong passed, even beside `step-skipped` notices for what it could not judge.
 */
export interface Judgment {
  findings: Finding[]
  judged: boolean
}

/**
 * One step of the fixed sequence. Its id is its file name and its value in `checks:`. A plain
 * list of findings is a step that judged nothing when they are all `step-skipped`.
 */
export interface Check {
  id: StepId
  run(ctx: CheckContext): Promise<Finding[] | Judgment>
}
