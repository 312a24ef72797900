/**
 * The module cache verified once per cached module@version a run, shared by every module the
 * verify step judges, as ModuleDownloads shares `go mod download`.
 *
 * What `go mod verify` checks (cmd/go/internal/modcmd/verify.go): the build list of the module
 * graph (modload.LoadModGraph, with -mod=mod: modload.setDefaultBuildMod), and for each
 * module@version but the main module and go/toolchain, the cached zip and extracted directory
 * against the .ziphash recorded at download (verifyMod), printing one line
 * "<path> <version>: <what>" per fault. Nothing of the main module but its build list enters, so
 * one module's run verifies a module@version for every module whose build list holds it. Only
 * modules whose build lists hold module@versions no other chosen run covers run it (a greedy cover).
 *
 * A module's verification comes from other runs only where that is what its own run would print:
 * - its `go mod download` succeeded: download loads the same graph (modcmd/download.go calls
 *   LoadModGraph, or lists "all") and fails when it cannot, so its own run would print nothing but
 *   per-module lines; download also left every go.mod of the graph in the cache;
 * - `go list -m -mod=mod -e -json all` listed its build list (mg.BuildList(), as verify iterates
 *   it) without an error;
 * - every module@version of that list was verified by a run all of whose lines name a
 *   module@version of its own build list (a run that failed otherwise verified nothing).
 * Anywhere else the module runs `go mod verify` itself, as it always did.
 *
 * The runs start once every module's download has ended: a download repairs a cached module whose
 * .ziphash is missing (modfetch.DownloadDir), and a module's own run always followed its download.
 */
import { type GoCommand, type GoResult, ScratchModFile, goErrorText, goFailure } from '../go/command.js'
import type { ModuleGraphs } from '../go/buildlist.js'
import { hashDir } from '../go/dirhash.js'
import type { GoModule } from '../modules.js'
import type { ModuleDownloads } from './downloads.js'

/** One fault `go mod verify` reported. */
export interface VerifyFault {
  path: string
  version: string
  /** "dir has been modified (<dir>)", "zip has been modified (<zip>)", "missing ziphash: ...", or a hashing error. */
  what: string
}

/** What a module's `go mod verify` found: its faults, or why it failed where it named none. */
export interface VerifyOutcome {
  faults: VerifyFault[]
  /** go's error where it exited non-zero without one fault line (a graph it could not load). */
  failure?: string
}

// verifyMod's errors, printed one a line by base.Errorf: "<path> <version>: <what>". Neither a
// module path nor a version holds ':' or '@' (module.CheckPath, semver), so a fatal line such as
// "go: v.example/x@v1.0.0: ..." is no fault of a module "go:".
const VERIFY_LINE = /^([^\s:@]+) (v[^\s:@]+): (.+)$/

/** What a module's own `go mod verify` printed: nothing when it passed. */
function ownOutcome(result: GoResult): VerifyOutcome {
  if (result.code === 0) return { faults: [] }
  const faults = result.stderr.split('\n').flatMap(line => {
    const m = VERIFY_LINE.exec(line)
    return m ? [{ path: m[1], version: m[2], what: m[3] }] : []
  })
  // A failure that names no module verified nothing: it is reported, never taken for a pass.
  return faults.length > 0 ? { faults } : { faults, failure: goFailure(result) }
}

/**
 * What a run verified: the faults of each module@version of `buildList` (none where it passed),
 * or undefined where go printed anything else (a graph it could not load verified nothing).
 */
function verifiedBy(result: GoResult, buildList: string[]): Map<string, string[]> | undefined {
  const verified = new Map(buildList.map(key => [key, [] as string[]]))
  if (result.code === 0) return verified
  const lines = goErrorText(result.stderr).split('\n').filter(Boolean)
  for (const line of lines) {
    const m = VERIFY_LINE.exec(line)
    const faults = m && verified.get(`${m[1]}@${m[2]}`)
    if (!faults) return undefined
    faults.push(m[3])
  }
  return lines.length > 0 ? verified : undefined
}

/**
 * Indexes of `lists` whose union is the union of them all, chosen greedily: next, a list with the
 * most members no chosen list holds. A list's count of new members only shrinks as others are
 * chosen, so each waits in the bucket of its last count until it is looked at again.
 */
export function greedyCover(lists: string[][]): number[] {
  const covered = new Set<string>()
  const buckets: number[][] = []
  lists.forEach((list, i) => (buckets[list.length] ??= []).push(i))
  const chosen: number[] = []
  for (let count = buckets.length - 1; count > 0;) {
    const i = buckets[count]?.shift()
    if (i === undefined) {
      count--
      continue
    }
    const fresh = lists[i].filter(key => !covered.has(key)).length
    if (fresh < count) (buckets[fresh] ??= []).push(i)
    else {
      chosen.push(i)
      lists[i].forEach(key => covered.add(key))
    }
  }
  return chosen
}

interface Plan {
  /** Each module's build list (path@version, go's order, main module left out), where it may be served. */
  buildLists: Map<string, string[]>
  /** What the chosen runs verified: the faults of each module@version, empty where it passed. */
  verified: Map<string, string[]>
}

export class CacheVerification {
  private plan?: Promise<Plan>
  private readonly ownRuns = new Map<string, Promise<GoResult>>()
  private readonly hashes = new Map<string, Promise<string>>()

  constructor(
    private readonly go: GoCommand,
    private readonly downloads: ModuleDownloads,
    private readonly graphs: ModuleGraphs,
    /** The modules the verify step judges with go. */
    private readonly modules: GoModule[]
  ) {}

  /** What `go mod verify` in `module` reports, its faults in go's order. */
  async outcome(module: GoModule): Promise<VerifyOutcome> {
    // One module has no other run to share: its build list would be one more go command for nothing.
    if (this.modules.length < 2) return ownOutcome(await this.ownRun(module))
    const { buildLists, verified } = await (this.plan ??= this.makePlan())
    const list = buildLists.get(module.dir)
    if (list === undefined || !list.every(key => verified.has(key))) return ownOutcome(await this.ownRun(module))
    const faults = list.flatMap(key => {
      const at = key.lastIndexOf('@')
      return verified.get(key)!.map(what => ({ path: key.slice(0, at), version: key.slice(at + 1), what }))
    })
    return { faults }
  }

  /** dirhash.HashDir of a cached module's directory, once a run. */
  hashDir(dir: string, prefix: string): Promise<string> {
    const key = `${dir}\n${prefix}`
    let hash = this.hashes.get(key)
    if (hash === undefined) this.hashes.set(key, (hash = hashDir(dir, prefix)))
    return hash
  }

  private ownRun(module: GoModule): Promise<GoResult> {
    let run = this.ownRuns.get(module.dir)
    if (run === undefined)
      this.ownRuns.set(module.dir, (run = ScratchModFile.runOnce(this.go, module, ['mod', 'verify'])))
    return run
  }

  private async makePlan(): Promise<Plan> {
    // Each list after its module's download (a cold listing would fetch go.mod files ahead of it);
    // all of them only once every download has ended.
    const lists = await Promise.all(this.modules.map(m => this.servableBuildList(m)))
    const servable = this.modules.flatMap((m, i) => (lists[i] ? [{ module: m, list: lists[i] }] : []))
    const chosen = greedyCover(servable.map(s => s.list)).map(i => servable[i])
    const runs = await Promise.all(
      chosen.map(async ({ module, list }) => {
        const result = await this.ownRun(module).catch(() => undefined)
        return result && verifiedBy(result, list)
      })
    )
    const verified = new Map<string, string[]>()
    for (const run of runs) for (const [key, faults] of run ?? []) if (!verified.has(key)) verified.set(key, faults)
    return { buildLists: new Map(servable.map(s => [s.module.dir, s.list])), verified }
  }

  private async servableBuildList(module: GoModule): Promise<string[] | undefined> {
    const download = await this.downloads.get(module).catch(() => undefined)
    if (download?.result.code !== 0) return undefined
    const list = await this.graphs.buildList(module).catch(() => undefined)
    if (!list || list.error !== undefined || list.modules.some(m => m.Error || (!m.Main && !m.Version)))
      return undefined
    return list.modules.filter(m => !m.Main).map(m => `${m.Path}@${m.Version}`)
  }
}
