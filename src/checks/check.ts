import type { Config } from '../config.js'
import type { BaseResolution } from '../git.js'
import type { Finding, StepId } from '../findings.js'
import type { GoCommand } from '../go/command.js'
import type { Logger } from '../logger.js'
import type { GoModule, GoWorkspace, Scope } from '../modules.js'
import type { DriftCounts } from '../policy.js'
import type { CacheVerification } from './cache-verification.js'
import type { ModuleDownloads } from './downloads.js'
import type { ModuleGraphs } from '../go/buildlist.js'

/** The run as a whole: everything a step may use; steps read nothing else (no @actions/*, no process.env). */
export interface RunContext {
  config: Config
  /** Absolute repository root (working-directory). */
  root: string
  scope: Scope
  go: GoCommand
  logger: Logger
  /** `go mod download -json` per module, run once and shared by every step that needs it. */
  downloads: ModuleDownloads
  /** `go list -m all` and `go mod graph` per module, run once and shared by the steps and the audit. */
  graphs: ModuleGraphs
  /** The module cache verified once per module@version, shared by the modules the verify step judges. */
  verification: CacheVerification
  /** The base commit (config.baseRef resolved, fetched if missing), once for every step. */
  base: () => Promise<BaseResolution>
  /** A file as it is at the base commit; undefined where it did not exist; throws GitError where git could not tell. */
  readAtBase: (sha: string, relPath: string) => Promise<string | undefined>
  /** Where a finding about the repository as a whole goes (line 1): the first go.mod, else the first go.work. */
  repositoryFile: { goMod: string; goSum: string }
  /**
   * What the steps established for later stages: the proofs the toolchain step made (for the
   * audit snapshot) and the modules sum-drift counted (for policy's thresholds).
   */
  evidence: { toolchainProofs: string[]; drift?: DriftCounts }
}

/**
 * What a step found, and whether it judged anything: a step that judged something and found
 * nothing wrong passed, even beside `step-skipped` notices for what it could not judge. A plain
 * list of findings judged nothing when they are all `step-skipped` (and something when empty).
 */
export interface Judgment {
  findings: Finding[]
  judged: boolean
}

/** One module or workspace of the scope, with the run around it. */
export type TargetContext = RunContext &
  ({ kind: 'module'; module: GoModule } | { kind: 'workspace'; workspace: GoWorkspace })

/**
 * What a step needs from the files in scope, so the engine can say where it could not judge:
 * `environment` reads no go.mod; `files` reads go.mod/go.work (a file go cannot parse is reported
 * instead of judged); `go` also runs go on the module (a `go` line newer than the toolchain makes
 * go refuse, so the step is skipped there, naming the line).
 */
export type StepNeeds = 'environment' | 'files' | 'go'

/**
 * One step of the fixed sequence. Its id is its file name and its value in `checks:`. A
 * repository step judges once; a module step judges each module and workspace context.
 */
export type Check =
  | { id: StepId; needs: StepNeeds; judges: 'repository'; judge(ctx: RunContext): Promise<Finding[] | Judgment> }
  | {
      id: StepId
      needs: StepNeeds
      judges: 'module'
      judge(ctx: TargetContext): Promise<Finding[] | Judgment>
      /** What the step still judges where go refuses the module (its `go` line is too new). */
      judgeWithoutGo?(ctx: TargetContext): Promise<Finding[] | Judgment>
    }
