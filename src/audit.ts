/**
 * The audit snapshot of the JSON report: what was judged, so two reports can be compared after
 * an incident. Runs only when a report file is asked for.
 */
import type { ListedModule, ModuleGraphs } from './go/buildlist.js'
import type { GoCommand, GoEnv } from './go/command.js'
import type { Scope } from './modules.js'

export interface Audit {
  toolchain: { version: string; goroot: string; goos: string; goarch: string; proof: string }
  base?: string
  modules: {
    dir: string
    /** `go list -m -json all`: path, version, replacement and go.sum hash of every module. */
    buildList: ListedModule[]
    /** `go mod graph`: "from to" requirement edges. */
    graph: string[]
    error?: string
  }[]
}

export async function collectAudit(
  go: GoCommand,
  graphs: ModuleGraphs,
  scope: Scope,
  proof: string,
  base?: string
): Promise<Audit> {
  const env: GoEnv = await go.env()
  const modules = []
  for (const m of scope.modules) {
    const [list, graph] = await Promise.all([graphs.buildList(m), graphs.modGraph(m)])
    const error = [list.error, graph.error].filter(Boolean).join('\n')
    modules.push({
      dir: m.relDir,
      buildList: list.modules,
      graph: graph.edges.map(e => e.join(' ')),
      ...(error ? { error } : {})
    })
  }
  return {
    toolchain: { version: env.GOVERSION, goroot: env.GOROOT, goos: env.GOOS, goarch: env.GOARCH, proof },
    base,
    modules
  }
}
