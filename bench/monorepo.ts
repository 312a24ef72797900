/**
 * The monorepo rows of the benchmark: a 200-module repository judged warm with the checks a team
 * runs on one (verify, sum-drift, replace, against the base commit), and an attacker's pull
 * request of 2,000 tiny modules: discovery in process, then the whole run.
 */
import { GoCommand } from '../src/go/command.js'
import { loadScope } from '../src/modules.js'
import { FLOOD_DEPTH, FLOOD_MODULES, SERVICES, type Workload } from './workload.js'

export interface GuardRun {
  ms: number
  ownMs: number
}

export interface MonorepoBench {
  workload: Workload
  /** The go command (discovery runs it only for a go.work, which the flood has none of). */
  goBin: string
  /** The environment go-guard runs in (the bench's module cache). */
  env: Record<string, string>
  runs: number
  goGuard: (dir: string, env: Record<string, string>, args: string[]) => GuardRun
  /** Adds a table row: measure, go-guard, baseline, ratio, notes. */
  row: (...cells: string[]) => void
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const CHECKS = 'verify,sum-drift,replace'

export async function monorepoRows({ workload: w, goBin, env, runs, goGuard, row }: MonorepoBench): Promise<void> {
  const args = ['--checks', CHECKS, '--base', w.monorepoBase]
  // Warm: the module cache a previous run filled (this one, not measured).
  goGuard(w.monorepo, env, args)
  const mono = Array.from({ length: runs }, () => goGuard(w.monorepo, env, args))
  const wall = median(mono.map(r => r.ms))
  row(
    `monorepo, warm (${SERVICES} modules, ${CHECKS}), per module`,
    `${(wall / SERVICES).toFixed(0)} ms`,
    '',
    '',
    `own ${(median(mono.map(r => r.ownMs)) / SERVICES).toFixed(1)} ms per module; total ${(wall / 1000).toFixed(2)} s`
  )

  // The scope alone, in process: walking the tree, reading and parsing every go.mod.
  const go = new GoCommand(goBin, env)
  const discovery: number[] = []
  const discoveryCpu: number[] = []
  for (let i = 0; i < 7; i++) {
    const started = performance.now()
    const cpu = process.cpuUsage()
    await loadScope(w.flood, undefined, go)
    const used = process.cpuUsage(cpu)
    discovery.push(performance.now() - started)
    discoveryCpu.push((used.user + used.system) / 1000)
  }
  row(
    `attacker's pull request: scope of ${FLOOD_MODULES} go.mod files ${FLOOD_DEPTH} directories deep (walk, read, parse)`,
    `${median(discovery).toFixed(0)} ms`,
    '',
    '',
    `CPU ${median(discoveryCpu).toFixed(0)} ms = ${((median(discoveryCpu) * 1000) / FLOOD_MODULES).toFixed(0)} µs per go.mod`
  )
  const flood = goGuard(w.flood, env, ['--checks', CHECKS, '--base', 'HEAD~1'])
  row(
    `attacker's pull request: whole run (${FLOOD_MODULES + 1} modules, ${CHECKS}), once`,
    `${(flood.ms / 1000).toFixed(1)} s`,
    '',
    '',
    `own ${(flood.ownMs / 1000).toFixed(1)} s = ${(flood.ownMs / (FLOOD_MODULES + 1)).toFixed(1)} ms per module`
  )
}
