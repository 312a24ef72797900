/** The tagged releases of modules, as the go command lists them from the module proxy. */
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { type GoCommand, GoCommandError, goErrorText, parseJSONStream } from './command.js'
import { checkModulePath } from './module.js'

/** A module's tagged releases in Go's version order, or why go could not list them. */
export type Releases = { versions: string[] } | { error: string }

/**
 * `go list -m -versions -json -e` of every path at once, in a scratch module that requires
 * nothing: go lists the tagged, unretracted versions of a path outside the build list too (no
 * pseudo-versions), and asks for the paths concurrently, GOMAXPROCS at a time
 * (cmd/go/internal/modload/list.go ListModules), each path once.
 */
export async function listReleases(go: GoCommand, paths: string[]): Promise<Map<string, Releases>> {
  const out = new Map<string, Releases>()
  const unique: string[] = []
  for (const p of new Set(paths)) {
    // Repository text reaches go's argument list only as a module path go itself would accept.
    const why = checkModulePath(p)
    if (why === '') unique.push(p)
    else out.set(p, { error: `malformed module path ${JSON.stringify(p)}: ${why}` })
  }
  if (unique.length === 0) return out
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'go-guard-releases-'))
  try {
    await fs.writeFile(path.join(dir, 'go.mod'), 'module go-guard-scratch\n')
    const result = await go.run(['list', '-m', '-versions', '-json', '-e', '--', ...unique], { cwd: dir })
    for (const m of parseJSONStream<{ Path: string; Versions?: string[]; Error?: { Err: string } }>(result.stdout)) {
      out.set(m.Path, m.Error ? { error: m.Error.Err } : { versions: m.Versions ?? [] })
    }
    const why = goErrorText(result.stderr) || `go list exited with status ${result.code}`
    for (const p of unique) if (!out.has(p)) out.set(p, { error: why })
  } catch (error) {
    if (!(error instanceof GoCommandError)) throw error
    for (const p of unique) out.set(p, { error: error.message })
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
  return out
}
