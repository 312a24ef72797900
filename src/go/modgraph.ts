/** Who in the module graph requires a module@version, as `go mod graph` prints it. */
import { type GoCommand, GoCommandError, ScratchModFile } from './command.js'
import * as semver from './semver.js'

/** A module whose go.mod go reads: its go.mod/go.sum text, directory and repository-relative go.mod. */
export interface GraphModule {
  goModText: string
  goSumText?: string
  dir: string
  goModFile: string
}

/**
 * For each of `targets` (path@version), the dependencies at their selected versions whose go.mod
 * requires exactly it: minimal version selection picks the highest version any of them asks for
 * (cmd/go/internal/mvs), so where a selected dependency asks for this one, it is the dependency's
 * choice, not the main module's. `go mod graph` runs on a scratch go.mod/go.sum; its nodes are
 * `path@version`, the main module is a bare path, and `go@`/`toolchain@` nodes are no modules.
 * Empty where go cannot print the graph: nothing is known to require it.
 */
export async function requirersOf(
  go: GoCommand,
  module: GraphModule,
  targets: string[]
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(targets.map(t => [t, []]))
  if (targets.length === 0) return out
  const scratch = await ScratchModFile.create(module.goModText, module.goSumText)
  let stdout
  try {
    const result = await scratch.run(go, ['mod', 'graph'], module.dir, module.goModFile)
    if (result.code !== 0) return out
    stdout = result.stdout
  } catch (error) {
    if (!(error instanceof GoCommandError)) throw error
    return out
  } finally {
    await scratch.dispose()
  }
  const split = (node: string): { path: string; version: string } | undefined => {
    const at = node.lastIndexOf('@')
    const p = node.slice(0, at)
    return at < 0 || p === 'go' || p === 'toolchain' ? undefined : { path: p, version: node.slice(at + 1) }
  }
  const edges = stdout
    .split('\n')
    .map(l => l.trim().split(/\s+/))
    .filter(f => f.length === 2)
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
