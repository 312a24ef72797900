/**
 * What the SBOM needs beyond the audit snapshot: how each module of the build list is used, as
 * go tells it. A module providing a package `go list -deps ./...` loads is built; one reached
 * only with -test is test-only; one reached only from go.mod's `tool` directives (go 1.24+) is a
 * tool; one providing no package at all is in the module graph only (its go.mod counts for
 * version selection, its code is never compiled).
 */
import type { Audit } from './audit.js'
import { mapLimit } from './concurrency.js'
import { listPackageModules } from './go/buildlist.js'
import type { GoCommand } from './go/command.js'
import type { GoModule, Scope } from './modules.js'

export type ModuleUse = 'build' | 'test' | 'tool' | 'graph'

export interface SbomModule {
  module: GoModule
  audit: Audit['modules'][number]
  /** path@version -> use; a module absent here is `graph`. */
  use: Map<string, ModuleUse>
}

export interface SbomInput {
  /** Repository name for the SBOM's subject where several modules are in scope. */
  repository: string
  toolchain: Audit['toolchain'] & { trust: string }
  modules: SbomModule[]
}

async function moduleUse(go: GoCommand, module: GoModule): Promise<Map<string, ModuleUse>> {
  const [build, test, tool] = await Promise.all([
    listPackageModules(go, module, ['./...'], false),
    listPackageModules(go, module, ['./...'], true),
    module.mod.file.tool.length > 0 ? listPackageModules(go, module, ['tool'], false) : new Set<string>()
  ])
  const use = new Map<string, ModuleUse>()
  // Strongest use first: a module both built and used by a tool is built.
  for (const [set, kind] of [
    [build, 'build'],
    [test, 'test'],
    [tool, 'tool']
  ] as const)
    for (const mv of set) if (!use.has(mv)) use.set(mv, kind)
  return use
}

export async function collectSbom(
  go: GoCommand,
  scope: Scope,
  audit: Audit,
  repository: string,
  trust: string
): Promise<SbomInput> {
  const modules = await mapLimit(scope.modules, 2, async module => ({
    module,
    audit: audit.modules.find(a => a.dir === module.relDir)!,
    use: await moduleUse(go, module)
  }))
  return { repository, toolchain: { ...audit.toolchain, trust }, modules }
}
