/**
 * Retractions and deprecations, as the go command reads them: `go list -m -u -retracted` loads
 * the latest go.mod of each module from the proxy and fills in Retracted (the rationales of the
 * `retract` directive covering the version) and Deprecated (the `// Deprecated:` comment);
 * cmd/go/internal/modload/modinfo.go addRetraction and addDeprecation. A failure to load them is
 * the module's Error, except "not found" answers, which go ignores.
 */
import type { ListedModule } from './buildlist.js'
import { type GoCommand, ScratchModFile, goFailure, parseJSONStream } from './command.js'
import { checkModuleVersion } from './module.js'
import type { GoModule } from '../modules.js'

export interface ModuleVersionArg {
  path: string
  version: string
}

/** Whether path@version may reach go's argument list: go's own module.CheckPath and a canonical version. */
export function isSafeModuleArg({ path, version }: ModuleVersionArg): boolean {
  return checkModuleVersion(path, version) === ''
}

/** Why go cannot be asked at all, where the Go environment says so; undefined when it can. */
export function proxyUnavailable(goproxy: string): string | undefined {
  // GOPROXY=off makes go skip the look-ups without an error (modinfo.go treats the refusal as "not found").
  return goproxy.split(/[,|]/)[0]?.trim() === 'off' ? 'GOPROXY=off disables the module proxy' : undefined
}

/** One `go list -m -u -retracted -e -json` for `mods` (all safe: see isSafeModuleArg), on a scratch go.mod/go.sum. */
export async function listLifecycle(
  go: GoCommand,
  module: GoModule,
  mods: ModuleVersionArg[]
): Promise<{ answers: ListedModule[]; error?: string }> {
  const result = await ScratchModFile.runOnce(go, module, [
    'list',
    '-m',
    '-u',
    '-retracted',
    '-e',
    // -retracted refuses vendor mode, the default where vendor/ exists.
    '-mod=mod',
    '-json=Path,Version,Retracted,Deprecated,Error',
    '--',
    ...mods.map(m => `${m.path}@${m.version}`)
  ])
  const error = goFailure(result)
  return { answers: parseJSONStream<ListedModule>(result.stdout), ...(error === undefined ? {} : { error }) }
}
