/**
 * The audit snapshot of the JSON report: what was judged, so two reports can be compared after
 * an incident. Runs only when a report file is asked for.
 */
import { type GoCommand, type GoEnv, ScratchModFile, goErrorText, parseJSONStream } from './go/command.js'
import type { Scope } from './modules.js'

export interface Audit {
  toolchain: { version: string; goroot: string; goos: string; goarch: string; proof: string }
  base?: string
  modules: {
    dir: string
    /** `go list -m -json all`: path, version, replacement and go.sum hash of every module. */
    buildList: unknown[]
    /** `go mod graph`: "from to" requirement edges. */
    graph: string[]
    error?: string
  }[]
}

export async function collectAudit(go: GoCommand, scope: Scope, proof: string, base?: string): Promise<Audit> {
  const env: GoEnv = await go.env()
  const modules = []
  for (const m of scope.modules) {
    const scratch = await ScratchModFile.create(m.goModText, m.goSumText)
    try {
      // -mod=mod lets go fill the scratch go.sum where entries are missing; the work tree is untouched.
      const list = await scratch.run(go, ['list', '-m', '-mod=mod', '-json', 'all'], m.dir, m.goModFile)
      const graph = await scratch.run(go, ['mod', 'graph'], m.dir, m.goModFile)
      const error = [list, graph]
        .filter(r => r.code !== 0)
        .map(r => goErrorText(r.stderr))
        .join('\n')
      modules.push({
        dir: m.relDir,
        buildList: parseJSONStream<unknown>(list.stdout),
        graph: graph.stdout.split('\n').filter(Boolean),
        ...(error ? { error } : {})
      })
    } finally {
      await scratch.dispose()
    }
  }
  return {
    toolchain: { version: env.GOVERSION, goroot: env.GOROOT, goos: env.GOOS, goarch: env.GOARCH, proof },
    base,
    modules
  }
}
