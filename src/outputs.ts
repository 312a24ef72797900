/** Writes the requested report files (the audit snapshot comes from the run); shared by the Action and the CLI. */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { Config } from './config.js'
import type { GateResult } from './engine.js'
import { redactSecrets } from './findings.js'
import type { GoCommand } from './go/command.js'
import { renderJson } from './report/json.js'
import { type WorkspacePaths, workspacePaths } from './report/paths.js'
import { renderSarif } from './report/sarif.js'
import { collectSbom } from './sbom.js'
import { VERSION } from './version.js'

export interface WrittenReports {
  reportFile?: string
  sarifFile?: string
  sbomFile?: string
}

async function write(file: string, value: object | string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true })
  // The audit snapshot holds go's own output (module origins, URLs): redacted like every finding.
  const text = typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`
  await fs.writeFile(file, redactSecrets(text))
}

/** Where the reports are written and how their paths are told: from the adapter. */
export interface ReportPlace {
  /** Report file inputs are relative to it. */
  cwd: string
  toWorkspace: WorkspacePaths
  /** The action's repository, for SARIF's informationUri, where the runner names it. */
  informationUri?: string
}

export async function writeReports(
  config: Config,
  result: GateResult,
  go: GoCommand,
  { cwd, toWorkspace, informationUri }: ReportPlace
): Promise<WrittenReports> {
  const written: WrittenReports = {}
  // The report and the SBOM describe the same snapshot of what was judged, taken by the run.
  if (config.reportFile) {
    written.reportFile = path.resolve(cwd, config.reportFile)
    await write(written.reportFile, renderJson(result, VERSION, result.audit))
  }
  if (config.sbomFile && result.audit) {
    const sbom = await collectSbom(
      go,
      result.scope,
      result.audit,
      path.basename(config.workingDirectory),
      config.toolchain.trust
    )
    // Loaded only when asked for: the CycloneDX library is most of the bundle's code.
    const { renderSbom } = await import('./report/sbom.js')
    written.sbomFile = path.resolve(cwd, config.sbomFile)
    await write(written.sbomFile, renderSbom(sbom, VERSION, new Date()))
  }
  if (config.sarifFile) {
    written.sarifFile = path.resolve(cwd, config.sarifFile)
    await write(written.sarifFile, renderSarif(result.findings, VERSION, toWorkspace, informationUri))
  }
  return written
}

/** The place reports go in this process: the checkout is GITHUB_WORKSPACE on a runner, else the current directory. */
export function reportPlace(config: Config, env: NodeJS.ProcessEnv = process.env): ReportPlace {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  return {
    cwd: workspace,
    toWorkspace: workspacePaths(config.workingDirectory, workspace),
    ...(env.GITHUB_ACTION_REPOSITORY ? { informationUri: `${server}/${env.GITHUB_ACTION_REPOSITORY}` } : {})
  }
}
