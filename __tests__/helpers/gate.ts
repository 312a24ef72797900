import { parseConfig, type RawInputs } from '../../src/config.js'
import { type GateResult, runGate } from '../../src/engine.js'
import { GoCommand } from '../../src/go/command.js'
import { silentLogger } from '../../src/logger.js'
import type { GoWorld } from '../fixtures/workspace.js'
import { GO_BIN } from './go.js'

/** Runs the engine on `dir` inside a hermetic GoWorld, as the adapters would. */
export async function gate(world: GoWorld, dir: string, inputs: RawInputs = {}): Promise<GateResult> {
  const config = parseConfig({ 'working-directory': dir, ...inputs })
  return runGate(config, new GoCommand(GO_BIN, { ...world.env }), silentLogger)
}

/** The facts a test asserts on: rule, file and line. */
export function located(result: GateResult, step?: string): string[] {
  return result.findings.filter(f => step === undefined || f.step === step).map(f => `${f.rule} ${f.file}:${f.line}`)
}
