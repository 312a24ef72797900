/** Writes the requested report files; shared by the Action and the CLI. */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { collectAudit } from './audit.js'
import type { Config } from './config.js'
import type { GateResult } from './engine.js'
import type { GoCommand } from './go/command.js'
import { renderJson } from './report/json.js'
import { renderSarif } from './report/sarif.js'
import { VERSION } from './version.js'

export interface WrittenReports {
  reportFile?: string
  sarifFile?: string
}

async function write(file: string, value: object): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true })
  await fs.writeFile(file, `${JSON.stringify(value, null, 2)}\n`)
}

export async function writeReports(
  config: Config,
  result: GateResult,
  go: GoCommand,
  cwd: string
): Promise<WrittenReports> {
  const written: WrittenReports = {}
  if (config.reportFile) {
    const toolchain = result.steps.find(s => s.step === 'toolchain')
    const audit = await collectAudit(
      go,
      result.scope,
      toolchain ? `toolchain step ${toolchain.status}` : 'toolchain step not run',
      config.baseRef
    )
    written.reportFile = path.resolve(cwd, config.reportFile)
    await write(written.reportFile, renderJson(result, VERSION, audit))
  }
  if (config.sarifFile) {
    written.sarifFile = path.resolve(cwd, config.sarifFile)
    await write(written.sarifFile, renderSarif(result.findings, VERSION))
  }
  return written
}
