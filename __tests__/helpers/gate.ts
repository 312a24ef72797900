import { parseConfig, type RawInputs } from '../../src/config.js'
import { type GateResult, runGate } from '../../src/engine.js'
import { GoCommand } from '../../src/go/command.js'
import { silentLogger } from '../../src/logger.js'
import { GO_BIN } from './go.js'

/** Runs the engine on `dir` in the environment of a hermetic GoWorld, as the adapters would. */
export async function gate(
  world: { env: Record<string, string> },
  dir: string,
  inputs: RawInputs = {}
): Promise<GateResult> {
  const config = parseConfig({ 'working-directory': dir, ...inputs })
  return runGate(config, new GoCommand(inputs['go-binary'] ?? GO_BIN, { ...world.env }), silentLogger)
}

/** The facts a test asserts on: rule, file and line. */
export function located(result: GateResult, step?: string): string[] {
  return result.findings.filter(f => step === undefined || f.step === step).map(f => `${f.rule} ${f.file}:${f.line}`)
}
