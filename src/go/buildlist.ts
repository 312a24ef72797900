/** The build list of a module as the go command computes it, on a scratch go.mod/go.sum. */
import { type GoCommand, type GoRunOptions, ScratchModFile, goFailure, parseJSONStream } from './command.js'
import type { GoModule } from '../modules.js'
import * as semver from './semver.js'

/** One object of `go list -m -json` (cmd/go/internal/modinfo.ModulePublic): the fields go-guard reads. */
export interface ListedModule {
  Path: string
  Version?: string
  Main?: boolean
  Indirect?: boolean
  Replace?: ListedModule
  Sum?: string
  GoModSum?: string
  /** With -retracted: the rationales of the retraction covering Version. */
  Retracted?: string[]
  /** With -u: the `// Deprecated:` text of the module's latest go.mod. */
  Deprecated?: string
  Error?: { Err: string }
}

export interface BuildList {
  modules: ListedModule[]
  /** go's complaint when it could not list every module. */
  error?: string
}

/**
 * `go list -m -e -json all`. -mod=mod lets go fill the scratch go.sum where entries are missing
 * (sum-missing-entry reports those): the work tree is untouched.
 */
export async function listBuildList(
  go: GoCommand,
  module: GoModule,
  options: Partial<GoRunOptions> = {}
): Promise<BuildList> {
  const result = await ScratchModFile.runOnce(go, module, ['list', '-m', '-mod=mod', '-e', '-json', 'all'], options)
  const error = goFailure(result)
  return { modules: parseJSONStream<ListedModule>(result.stdout), ...(error === undefined ? {} : { error }) }
}

/** `go mod graph`: "from to" requirement edges, the main module without a version. */
export async function listModGraph(
  go: GoCommand,
  module: GoModule,
  options: Partial<GoRunOptions> = {}
): Promise<{ edges: string[][]; error?: string }> {
  const result = await ScratchModFile.runOnce(go, module, ['mod', 'graph'], options)
  const edges = result.stdout
    .split('\n')
    .filter(Boolean)
    .map(l => l.split(' '))
  const error = goFailure(result)
  return { edges, ...(error === undefined ? {} : { error }) }
}

export type ModGraph = Awaited<ReturnType<typeof listModGraph>>

/**
 * The build list and requirement graph of each module, asked of go at most once a run and shared
 * by the steps (deny-modules, pseudo-version requirers) and the audit snapshot, as
 * ModuleDownloads shares `go mod download`.
 */
export class ModuleGraphs {
  private readonly lists = new Map<string, Promise<BuildList>>()
  private readonly graphs = new Map<string, Promise<ModGraph>>()

  constructor(private readonly go: GoCommand) {}

  buildList(module: GoModule): Promise<BuildList> {
    return once(this.lists, module.dir, () => listBuildList(this.go, module))
  }

  modGraph(module: GoModule): Promise<ModGraph> {
    return once(this.graphs, module.dir, () => listModGraph(this.go, module))
  }

  /**
   * Starts both for the audit snapshot, read after the steps: in the background of the CPU
   * budget, so they fill slots the steps leave idle. A step asking first sets the priority.
   */
  prefetch(module: GoModule): void {
    const background = { background: true }
    // Handled where the audit awaits them; the catch only keeps an early failure from being unhandled.
    once(this.lists, module.dir, () => listBuildList(this.go, module, background)).catch(() => {})
    once(this.graphs, module.dir, () => listModGraph(this.go, module, background)).catch(() => {})
  }
}

function once<T>(runs: Map<string, Promise<T>>, key: string, start: () => Promise<T>): Promise<T> {
  let run = runs.get(key)
  if (run === undefined) runs.set(key, (run = start()))
  return run
}

/**
 * The requirement of the main module through which the graph reaches `target` (path@version),
 * breadth first: where a finding about a module go.mod does not name belongs.
 */
export function requiredThrough(edges: string[][], main: string, target: string): string | undefined {
  const next = new Map<string, string[]>()
  for (const [from, to] of edges) next.set(from, [...(next.get(from) ?? []), to])
  const via = new Map<string, string>((next.get(main) ?? []).map(d => [d, d]))
  const queue = [...via.keys()]
  for (let i = 0; i < queue.length; i++) {
    if (queue[i] === target) return via.get(target)
    for (const to of next.get(queue[i]) ?? []) {
      if (via.has(to) || to === main) continue
      via.set(to, via.get(queue[i])!)
      queue.push(to)
    }
  }
  return undefined
}

/**
 * For each of `targets` (path@version), the dependencies at their selected versions whose go.mod
 * requires exactly it: minimal version selection picks the highest version any of them asks for
 * (cmd/go/internal/mvs), so where a selected dependency asks for this one, it is the dependency's
 * choice, not the main module's. The highest version of a path among the graph's nodes is the
 * selected one; the main module is a bare path, and `go@`/`toolchain@` nodes are no modules.
 */
export function requirersOf(edges: string[][], targets: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>(targets.map(t => [t, []]))
  const split = (node: string): { path: string; version: string } | undefined => {
    const at = node.lastIndexOf('@')
    const p = node.slice(0, at)
    return at < 0 || p === 'go' || p === 'toolchain' ? undefined : { path: p, version: node.slice(at + 1) }
  }
  const selected = new Map<string, string>()
  for (const node of edges.flat()) {
    const m = split(node)
    const current = m && selected.get(m.path)
    if (m && (current === undefined || semver.compare(m.version, current) > 0)) selected.set(m.path, m.version)
  }
  for (const [from, to] of edges) {
    const requirer = split(from)
    const list = out.get(to)
    if (list && requirer && selected.get(requirer.path) === requirer.version && !list.includes(from)) list.push(from)
  }
  return out
}

/**
 * The modules (path@version) providing the packages `go list -deps [-test] <patterns>` loads:
 * what a build of those patterns, or of them and their tests, compiles.
 */
export async function listPackageModules(
  go: GoCommand,
  module: GoModule,
  patterns: string[],
  test: boolean
): Promise<Set<string>> {
  const result = await ScratchModFile.runOnce(go, module, [
    'list',
    '-mod=mod',
    '-e',
    '-deps',
    ...(test ? ['-test'] : []),
    '-json=Module',
    '--',
    ...patterns
  ])
  const used = new Set<string>()
  for (const p of parseJSONStream<{ Module?: ListedModule }>(result.stdout))
    if (p.Module?.Version) used.add(`${p.Module.Path}@${p.Module.Version}`)
  return used
}
