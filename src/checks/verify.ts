/**
 * Step 2, `verify`: every module the build needs downloads and matches go.sum, and the module
 * cache still holds what was downloaded.
 *
 * `go mod verify` alone is not enough (cmd/go/internal/modcmd/verify.go, verifyMod):
 * - it compares the cache with the .ziphash recorded at download, not with go.sum, and passes
 *   modules absent from the cache silently. So `go mod download` runs first: it fetches every
 *   module and checks each .ziphash against go.sum (modfetch.checkMod), failing with
 *   "checksum mismatch".
 * - it hashes the build list's original path@version, so a module-path replacement's cached
 *   copy is never hashed (golang/go#79942). Those copies are hashed here against go.sum.
 * - it verifies the same cached module@version in every module that needs it: it runs only in
 *   the modules whose build lists cover the others' (cache-verification.ts), and each cached
 *   copy of a replacement is hashed once a run.
 * - a missing go.sum entry is reported by package loading, so `go list -deps -test` runs on a
 *   pristine scratch copy of go.sum (download may have filled the other copy in).
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { type Finding, newFinding } from '../findings.js'
import { type DownloadedModule, type GoResult, ScratchModFile, goFailure, parseJSONStream } from '../go/command.js'
import { parseModFile } from '../go/modfile.js'
import { type SumLine, indexSum, parseSumFile, sumKey, sumLineOf } from '../go/sumfile.js'
import type { GoModule, GoWorkspace } from '../modules.js'
import type { Check, RunContext } from './check.js'
import type { ModuleDownload } from './downloads.js'
import { deniedInWorkspace, deniedModuleFindings } from '../choices/denied.js'
import { tidyFindings } from '../choices/tidy.js'

/**
 * Where a module's findings go: its go.mod require line, else its go.sum line (the `/go.mod` one
 * where `goMod` says the finding is about that hash), else go.mod line 1.
 */
export function locateModule(
  module: GoModule,
  modPath: string,
  version?: string,
  goMod?: boolean
): { file: string; line: number } {
  const req = module.mod.file.require.find(r => r.path === modPath)
  if (req) return { file: module.goModFile, line: req.line }
  const sumLine = sumLineOf(module.sum, modPath, version, goMod)
  if (sumLine) return { file: module.goSumFile, line: sumLine.line }
  return { file: module.goModFile, line: 1 }
}

/** The go.sum line of module@version's content hash, for findings about the module's files. */
function locateSum(module: GoModule, modPath: string, version: string): { file: string; line: number } {
  const sumLine = sumLineOf(module.sum, modPath, version, false)
  return sumLine && !sumLine.goMod
    ? { file: module.goSumFile, line: sumLine.line }
    : locateModule(module, modPath, version)
}

// "verifying example.com/a@v1.0.0: checksum mismatch" (modfetch.checkModSum) and
// "verifying example.com/a@v1.0.0/go.mod: checksum mismatch", then the file that records the other
// hash: "go.sum" in a module, "go.work.sum" or a module's go.sum in a workspace (haveModSumLocked).
const CHECKSUM_MISMATCH =
  /verifying (\S+?)@(\S+?)(\/go\.mod)?: checksum mismatch\n\s*downloaded: (\S+)\n\s*(\S+):\s+(\S+)/g
// "go: example.com/c@v1.9.9: reading file:///...: 404 Not Found", "...: unknown revision v1.9.9",
// "...: invalid version: ...", "go: x@v1 (replaced by ../x): reading ../x/go.mod: ...":
// a module@version followed by why it failed.
const MODULE_ERROR = /^(?:go: )?(?:[^\s:]+: )?(\S+?)@(v\S+?)(?: \(replaced by [^)]*\))?: (.+)$/gm
// "go: errors parsing go.mod:\n<file>:7:2: require ...: version ... invalid" and
// "malformed go.sum:\n<file>:3: wrong number of fields 2" (modfetch.readGoSum).
const FILE_ERROR = /^(?:go: )?(\S*go\.(mod|sum)):(\d+)(?::\d+)?: (.+)$/gm

/** Where a download's findings go: a module's go.mod and go.sum, or a workspace's go.work and go.work.sum. */
interface DownloadTarget {
  /** go.mod or go.work: where a failure that names no module goes. */
  file: string
  /** go.sum or go.work.sum: the file go's bare "go.sum" or "go.work.sum" means. */
  sumFile: string
  locate(modPath: string, version: string, goMod: boolean): { file: string; line: number }
  /**
   * go.mod and go.sum, which go's "<file>:<line>: problem" errors are about. Unset for a
   * workspace: its errors may be about any module's files, so they are not placed on a line.
   */
  lineErrors?: { mod: string; sum: string }
}

function moduleTarget(module: GoModule): DownloadTarget {
  return {
    file: module.goModFile,
    sumFile: module.goSumFile,
    locate: (modPath, version, goMod) => locateModule(module, modPath, version, goMod),
    lineErrors: { mod: module.goModFile, sum: module.goSumFile }
  }
}

/** A workspace's failures go on go.work.sum's line of the module@version, else on the go.work replace that brings it. */
function workspaceTarget(ws: GoWorkspace): DownloadTarget {
  return {
    file: ws.file,
    sumFile: ws.sumFile,
    locate(modPath, version, goMod) {
      const sumLine = sumLineOf(ws.sum, modPath, version, goMod)
      if (sumLine) return { file: ws.sumFile, line: sumLine.line }
      const replace = ws.work.file.replace.find(r => r.new.path === modPath && r.new.version === version)
      return { file: ws.file, line: replace?.line ?? 1 }
    }
  }
}

/** mod-download-failed for each module@version (or file) go could not download or read. */
function downloadFindings(target: DownloadTarget, download: ModuleDownload): Finding[] {
  const findings: Finding[] = []
  const seen = new Set<string>()
  const add = (modPath: string, version: string, message: string, goMod = false, cause?: Finding['cause']): void => {
    const key = `${modPath}@${version}`
    if (seen.has(key)) return
    seen.add(key)
    findings.push(
      newFinding('mod-download-failed', {
        ...target.locate(modPath, version, goMod),
        module: modPath,
        version,
        message,
        cause
      })
    )
  }
  const { stderr, code } = download.result
  for (const m of stderr.matchAll(CHECKSUM_MISMATCH)) {
    const [, modPath, version, goMod, downloaded, recordedIn, recorded] = m
    const file = recordedIn === 'go.sum' || recordedIn === 'go.work.sum' ? target.sumFile : recordedIn
    add(
      modPath,
      version,
      `${modPath}@${version}${goMod ?? ''}: checksum mismatch: the download hashes to ${downloaded} but ${file} records ${recorded}. ` +
        `Either ${file} was edited or the module content changed at its source; a published version never changes.`,
      goMod !== undefined,
      'checksum-mismatch'
    )
  }
  for (const m of download.modules) {
    if (m.Error) add(m.Path, m.Version, `${m.Path}@${m.Version} cannot be downloaded: ${m.Error}`)
  }
  for (const m of stderr.matchAll(MODULE_ERROR)) {
    if (!m[3].includes('checksum mismatch')) add(m[1], m[2], `${m[1]}@${m[2]} cannot be downloaded: ${m[3]}`)
  }
  if (target.lineErrors) {
    const { mod, sum } = target.lineErrors
    for (const [, , kind, line, problem] of stderr.matchAll(FILE_ERROR)) {
      const file = kind === 'mod' ? mod : sum
      findings.push(
        newFinding('mod-download-failed', {
          file,
          line: Number(line),
          message: `go cannot read ${file}, so no module can be downloaded or checked: ${problem}`
        })
      )
    }
  }
  if (code !== 0 && findings.length === 0) {
    findings.push(
      newFinding('mod-download-failed', {
        file: target.file,
        line: 1,
        message: `go mod download failed for ${target.file}: ${goFailure(download.result)}`
      })
    )
  }
  return findings
}

/**
 * mod-download-failed for each checksum mismatch go reported running another command on the
 * module: `go mod tidy` reads more of the module graph than `go mod download` fetches, and stops
 * with "SECURITY ERROR" on a go.sum hash the content disagrees with, as the download would.
 */
export function checksumMismatches(module: GoModule, result: GoResult): Finding[] {
  return downloadFindings(moduleTarget(module), { result, modules: [] }).filter(f => f.cause === 'checksum-mismatch')
}

/** The module@versions a module's own download reports as mod-download-failed: what is not said again elsewhere. */
export function failedDownloads(module: GoModule, download: ModuleDownload): string[] {
  return downloadFindings(moduleTarget(module), download).flatMap(f => (f.module ? [`${f.module}@${f.version}`] : []))
}

/**
 * A download failure on a requirement the base commit has too (same path and version) was not
 * brought by this change: the message says so. It still blocks (fail closed).
 */
async function noteUnchangedRequirements(ctx: RunContext, module: GoModule, findings: Finding[]): Promise<Finding[]> {
  if (!findings.some(f => f.module !== undefined && f.file === module.goModFile)) return findings
  const base = await ctx.base()
  if ('skipped' in base) return findings
  const text = await ctx.readAtBase(base.sha, module.goModFile)
  if (text === undefined) return findings
  const before = parseModFile(text).file.require
  return findings.map(f =>
    f.file === module.goModFile && before.some(r => r.path === f.module && r.version === f.version)
      ? { ...f, message: `${f.message} (This requirement is unchanged from the base commit; it still blocks.)` }
      : f
  )
}

interface ListedPackage {
  ImportPath: string
  Error?: { Err: string }
}

// Directories `./...` never matches (cmd/go/internal/modload matchPackages): they hold no package of the module.
const NOT_PACKAGE_DIRS = new Set(['vendor', 'testdata'])

/**
 * Every directory of the module that may hold a package, as `./dir` patterns: the module tree
 * without nested modules, vendor/, testdata/ and `_` or `.` directories, as `./...` walks it,
 * but including what an `ignore` directive (go 1.25) hides from `./...`: `go build ./ignored`
 * still builds it, so its go.sum entries are needed. Links are not followed, as go's walk does not.
 */
export async function packageDirs(moduleDir: string): Promise<string[]> {
  const dirs: string[] = []
  const walk = async (dir: string, rel: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => [])
    if (rel !== '' && entries.some(e => e.name === 'go.mod')) return
    if (entries.some(e => e.isFile() && e.name.endsWith('.go'))) dirs.push(rel === '' ? '.' : `./${rel}`)
    await Promise.all(
      entries
        .filter(e => e.isDirectory() && !/^[._]/.test(e.name) && !NOT_PACKAGE_DIRS.has(e.name))
        .map(e => walk(path.join(dir, e.name), rel === '' ? e.name : `${rel}/${e.name}`))
    )
  }
  await walk(moduleDir, '')
  return dirs.sort()
}

// modload.ImportMissingSumError: "missing go.sum entry for module providing package P", and, where
// P was found but another module of the build list could provide it too (cmd/go's
// mod_sum_ambiguous test), "missing go.sum entry needed to verify package P ... is provided by
// exactly one module". Either way go refuses to build P until every candidate module is hashed.
const MISSING_PACKAGE_SUM = /missing go\.sum entry (?:for module providing|needed to verify) package /
// modload: "X@V: missing go.sum entry for go.mod file" and "X@V (replaced by Y@W): ...", where
// the hash missing is Y@W's (the module graph is loaded before any package, so it is fatal).
const MISSING_GOMOD_SUM = /(\S+?)@(\S+?)(?: \(replaced by (\S+?)@(\S+?)\))?: missing go\.sum entry for go\.mod file/g

/**
 * The packages whose go.sum entries go reports missing: with -deps every package is listed, and
 * the one go cannot verify carries the error itself (its ImportStack names its importers).
 */
function packagesMissingSums(packages: ListedPackage[]): Set<string> {
  return new Set(packages.filter(p => p.Error && MISSING_PACKAGE_SUM.test(p.Error.Err)).map(p => p.ImportPath))
}

/**
 * The modules that could provide `pkg` (a required path that prefixes it) and whose content hash
 * go.sum lacks: what go needs before it builds `pkg`.
 */
function unhashedProviders(
  module: GoModule,
  sums: Map<string, SumLine[]>,
  pkg: string
): { path: string; version: string; line: number }[] {
  const providers = module.mod.file.require
    .filter(r => pkg === r.path || pkg.startsWith(`${r.path}/`))
    .map(r => {
      const rep = module.mod.file.replace.find(
        x => x.old.path === r.path && (!x.old.version || x.old.version === r.version)
      )
      // A module-path replacement is hashed under its new path; a directory is not hashed at all.
      const hashed = rep ? (rep.new.version ? rep.new : undefined) : r
      return { require: r, hashed }
    })
  const unhashed = providers.filter(p => p.hashed && !sums.has(sumKey({ ...p.hashed, goMod: false })))
  return unhashed.map(p => ({ path: p.hashed!.path, version: p.hashed!.version, line: p.require.line }))
}

/**
 * `mismatched` holds module@versions already reported with a checksum mismatch: go aborts all
 * loading on one, so their lines are left out of the scratch go.sum (with -mod=readonly go then
 * reports them missing instead of downloading them) and their missing entries are not reported.
 */
async function missingEntryFindings(ctx: RunContext, module: GoModule, mismatched: Set<string>): Promise<Finding[]> {
  const dropped = new Set(module.sum?.lines.filter(l => mismatched.has(`${l.path}@${l.version}`)).map(l => l.line))
  const goSum =
    dropped.size === 0
      ? module.goSumText
      : module.goSumText
          ?.split('\n')
          .filter((_, i) => !dropped.has(i + 1))
          .join('\n')
  const patterns = await packageDirs(module.dir)
  // `go tool` builds each tool package (go 1.24 `tool` directive) and its imports, not their
  // tests: listed apart, without -test, whose test imports go never needs for it.
  const tools = module.mod.file.tool.map(t => t.path)
  if (patterns.length === 0 && tools.length === 0) return []
  const scratch = await ScratchModFile.create(module.goModText, goSum)
  // -mod=readonly: a module with vendor/ would default to -mod=vendor, which reads no go.sum.
  const list = (flags: string[], of: string[]): Promise<GoResult> =>
    scratch.run(
      ctx.go,
      ['list', '-mod=readonly', '-e', '-deps', ...flags, '-json=ImportPath,Error', '--', ...of],
      module.dir,
      module.goModFile
    )
  let results
  try {
    results = await Promise.all([
      ...(patterns.length > 0 ? [list(['-test'], patterns)] : []),
      ...(tools.length > 0 ? [list([], tools)] : [])
    ])
  } finally {
    await scratch.dispose()
  }
  const findings = new Map<string, Finding>()
  // What go saw: the scratch go.sum, without the mismatched lines.
  const sums = indexSum(parseSumFile(goSum ?? ''))
  const packages = results.flatMap(r => parseJSONStream<ListedPackage>(r.stdout))
  for (const pkg of packagesMissingSums(packages)) {
    const unhashed = unhashedProviders(module, sums, pkg)
    if (unhashed.length === 0 && !findings.has(pkg)) {
      // No require line names a candidate (a go.mod before go 1.17 lists only direct requirements).
      findings.set(
        pkg,
        newFinding('sum-missing-entry', {
          file: module.goSumFile,
          line: 1,
          message: `${module.goSumFile} lacks a hash go needs to build package ${pkg}; go would download the module and trust whatever it gets. Run \`go mod tidy\` and commit go.sum.`,
          fixInMessage: true
        })
      )
    }
    for (const p of unhashed.filter(u => !mismatched.has(`${u.path}@${u.version}`))) {
      const key = `${p.path}@${p.version}`
      if (findings.has(key)) continue
      findings.set(
        key,
        newFinding('sum-missing-entry', {
          file: module.goModFile,
          line: p.line,
          module: p.path,
          version: p.version,
          message: `${module.goSumFile} has no hash for ${key}, which go needs to build package ${pkg} (it could provide it); go would download it and trust whatever it gets. Run \`go mod tidy\` and commit go.sum.`,
          fixInMessage: true
        })
      )
    }
  }
  // Loading the module graph fails on stderr; loading a package lazily fails in its Error.
  const texts = [...results.map(r => r.stderr), ...packages.flatMap(p => (p.Error ? [p.Error.Err] : []))].join('\n')
  for (const [, modPath, version, newPath, newVersion] of texts.matchAll(MISSING_GOMOD_SUM)) {
    const [missingPath, missingVersion] = newPath ? [newPath, newVersion] : [modPath, version]
    const key = `${missingPath}@${missingVersion}/go.mod`
    if (findings.has(key) || mismatched.has(`${missingPath}@${missingVersion}`)) continue
    // The directive that brought the replacement in, whichever form go named it in.
    const rep = module.mod.file.replace.find(
      r => r.new.path === missingPath && r.new.version === missingVersion && (!newPath || r.old.path === modPath)
    )
    findings.set(
      key,
      newFinding('sum-missing-entry', {
        ...(rep ? { file: module.goModFile, line: rep.line } : locateModule(module, modPath, version)),
        module: missingPath,
        version: missingVersion,
        message: `${module.goSumFile} has no hash for ${key}${rep ? `, the replacement of ${rep.old.path}` : ''}, which loading the module graph needs. Run \`go mod tidy\` and commit go.sum.`,
        fixInMessage: true
      })
    )
  }
  return [...findings.values()]
}

/**
 * mod-verify-failed for each module@version the cache no longer holds as downloaded, and for a
 * `go mod verify` that failed naming none. Where the download failed, that failure is the cause
 * and already blocks: the verify run's own failure would only repeat it.
 */
async function modVerifyFindings(ctx: RunContext, module: GoModule, downloaded: boolean): Promise<Finding[]> {
  const { faults, failure } = await ctx.verification.outcome(module)
  if (failure !== undefined && downloaded)
    return [
      newFinding('mod-verify-failed', {
        file: module.goModFile,
        line: 1,
        message: `go mod verify failed for ${module.goModFile} without naming a module it found modified, so the module cache is not verified: ${failure}`
      })
    ]
  return faults.map(({ path: modPath, version, what }) =>
    newFinding('mod-verify-failed', {
      ...locateSum(module, modPath, version),
      module: modPath,
      version,
      message: `${modPath}@${version} in the module cache no longer matches what was downloaded (${what}). The cache was modified after download: clear it (\`go clean -modcache\`, and the Actions cache entry) and find out what wrote to it.`
    })
  )
}

/** Hashes each module-path replacement's extracted copy against its go.sum line. */
async function replacementFindings(ctx: RunContext, module: GoModule, download: ModuleDownload): Promise<Finding[]> {
  const sums = module.sum ? indexSum(module.sum) : new Map<string, SumLine[]>()
  const findings: Finding[] = []
  for (const rep of module.mod.file.replace) {
    if (rep.new.version === '') continue
    const fetched = download.modules.find(m => m.Path === rep.new.path && m.Version === rep.new.version && m.Dir)
    if (!fetched?.Dir) continue
    const recorded = sums.get(sumKey({ path: rep.new.path, version: rep.new.version, goMod: false })) ?? []
    if (recorded.length === 0) continue // a missing entry is sum-missing-entry's to report
    const actual = await ctx.verification.hashDir(fetched.Dir, `${rep.new.path}@${rep.new.version}`)
    if (recorded.some(l => l.hash === actual)) continue
    findings.push(
      newFinding('mod-verify-failed', {
        file: module.goSumFile,
        line: recorded[0].line,
        module: rep.new.path,
        version: rep.new.version,
        message: `the cached copy of ${rep.new.path}@${rep.new.version}, which replaces ${rep.old.path} (${module.goModFile}:${rep.line}), hashes to ${actual} but go.sum records ${recorded[0].hash}. \`go mod verify\` never hashes replacements; clear the module cache and find out what modified it.`
      })
    )
  }
  return findings
}

/** mod-download-failed where go did not finish downloading in time: nothing could be checked. */
async function timeoutFinding(ctx: RunContext, file: string, timeout: string): Promise<Finding> {
  const env = await ctx.go.env()
  return newFinding('mod-download-failed', {
    file,
    line: 1,
    message: `the modules of ${file} could not be downloaded in time (${timeout}), so none could be checked. Check that the module proxy (GOPROXY=${env.GOPROXY}) is reachable; set GO_GUARD_GO_TIMEOUT (seconds) to wait longer.`
  })
}

async function verifyModule(ctx: RunContext, module: GoModule): Promise<Finding[]> {
  const download = await ctx.downloads.get(module)
  if (download.timeout !== undefined) return [await timeoutFinding(ctx, module.goModFile, download.timeout)]
  const downloadFailures = await noteUnchangedRequirements(
    ctx,
    module,
    downloadFindings(moduleTarget(module), download)
  )
  const mismatched = new Set(
    downloadFailures.filter(f => f.cause === 'checksum-mismatch').map(f => `${f.module}@${f.version}`)
  )
  const [missing, verified, replaced, denied] = await Promise.all([
    missingEntryFindings(ctx, module, mismatched),
    modVerifyFindings(ctx, module, downloadFailures.length === 0),
    replacementFindings(ctx, module, download),
    deniedModuleFindings(ctx, module)
  ])
  const broken = [...downloadFailures, ...missing, ...verified, ...replaced]
  // Tidiness is judged on a module that otherwise verifies: on a broken one tidy fails, or
  // repeats the errors above (their fix is already `go mod tidy`).
  return [...broken, ...denied, ...(broken.length === 0 ? await tidyFindings(ctx, module) : [])]
}

/**
 * mod-verify-failed for each module@version only the workspace builds (workspaceOnly) whose cached
 * copy does not hash to what was downloaded (`Sum`, which the download checked against the sum
 * files). Each module's `go mod verify` runs alone and never hashes them; this is its directory
 * check (verify.go verifyMod) for them.
 */
async function workspaceOnlyFindings(
  ctx: RunContext,
  ws: GoWorkspace,
  target: DownloadTarget,
  only: DownloadedModule[]
): Promise<Finding[]> {
  const findings = await Promise.all(
    only
      .filter(m => m.Dir && m.Sum)
      .map(async m => {
        const key = `${m.Path}@${m.Version}`
        const actual = await ctx.verification.hashDir(m.Dir!, key)
        if (actual === m.Sum) return []
        return [
          newFinding('mod-verify-failed', {
            ...target.locate(m.Path, m.Version, false),
            module: m.Path,
            version: m.Version,
            message: `the cached copy of ${key}, which only the workspace of ${ws.file} builds (no module of it alone needs it), hashes to ${actual} but was downloaded as ${m.Sum}. \`go mod verify\` in each module never hashes it; clear the module cache (and the Actions cache entry) and find out what modified it.`
          })
        ]
      })
  )
  return findings.flat()
}

/**
 * A workspace builds from its own build list, checked against go.work.sum and every module's
 * go.sum at once: a go.work.sum hash the download disagrees with stops `go build` in the
 * workspace ("SECURITY ERROR"), though each module, downloaded on its own (GOWORK=off), passes.
 * What a module of the workspace already reports of its own download is not said again. In
 * workspace mode `go mod download` downloads the whole build list (modcmd/download.go: "all").
 */
async function verifyWorkspace(ctx: RunContext, ws: GoWorkspace): Promise<Finding[]> {
  const members = ctx.scope.modules.filter(m => ws.uses.includes(m.dir) && m.mod.errors.length === 0)
  const download = await ctx.downloads.workspace(ws, members)
  if (download.timeout !== undefined) return [await timeoutFinding(ctx, ws.file, download.timeout)]
  const reported = new Set(
    (await Promise.all(members.map(async m => failedDownloads(m, await ctx.downloads.get(m))))).flat()
  )
  const target = workspaceTarget(ws)
  const failures = downloadFindings(target, download).filter(
    f => f.module === undefined || !reported.has(`${f.module}@${f.version}`)
  )
  const only = await workspaceOnly(ctx, members, download)
  const denied = deniedInWorkspace(ctx.config.denyModules, ws.file, only, (p, v) => target.locate(p, v, false))
  // Where the download failed, that failure blocks already (as a module's verify run is not said after it).
  return download.result.code === 0
    ? [...failures, ...denied, ...(await workspaceOnlyFindings(ctx, ws, target, only))]
    : [...failures, ...denied]
}

/**
 * The module@versions of the workspace's build list that no module's build list holds (a go.work
 * `replace`, a version only the modules together select): no step judging a module alone sees
 * them. A module whose build list go could not print covers nothing.
 */
async function workspaceOnly(
  ctx: RunContext,
  members: GoModule[],
  download: ModuleDownload
): Promise<DownloadedModule[]> {
  const lists = await Promise.all(members.map(m => ctx.graphs.buildList(m).catch(() => undefined)))
  const covered = new Set(
    lists.flatMap(l => (l && l.error === undefined ? l.modules.map(m => `${m.Path}@${m.Version}`) : []))
  )
  return download.modules.filter(m => m.Version && !covered.has(`${m.Path}@${m.Version}`))
}

export const verifyCheck: Check = {
  id: 'verify',
  needs: 'go',
  judges: 'module',
  // A workspace's modules are each judged as modules, and the workspace as the build it is.
  judge: async ctx => (ctx.kind === 'module' ? verifyModule(ctx, ctx.module) : verifyWorkspace(ctx, ctx.workspace)),
  // deny-modules still judges go.mod's requirements, and says what it may have missed.
  judgeWithoutGo: async ctx =>
    ctx.kind === 'module' ? deniedModuleFindings(ctx, ctx.module) : { findings: [], judged: false }
}
