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
 * - a missing go.sum entry is reported by package loading, so `go list -deps -test` runs on a
 *   pristine scratch copy of go.sum (download may have filled the other copy in).
 */
import { type Finding, newFinding } from '../findings.js'
import { mapLimit } from '../concurrency.js'
import { hashDir } from '../go/dirhash.js'
import { ScratchModFile, goErrorText, parseJSONStream } from '../go/command.js'
import { type SumLine, indexSum, sumKey } from '../go/sumfile.js'
import type { GoModule } from '../modules.js'
import type { Check, CheckContext } from './check.js'
import type { ModuleDownload } from './downloads.js'
import { deniedModuleFindings } from '../choices/denied.js'
import { tidyFindings } from '../choices/tidy.js'

/** Where a module's findings go: its go.mod require line, else its go.sum line, else go.mod line 1. */
export function locateModule(module: GoModule, modPath: string, version?: string): { file: string; line: number } {
  const req = module.mod.file.require.find(r => r.path === modPath)
  if (req) return { file: module.goModFile, line: req.line }
  const sumLine = module.sum?.lines.find(l => l.path === modPath && (version === undefined || l.version === version))
  if (sumLine) return { file: module.goSumFile, line: sumLine.line }
  return { file: module.goModFile, line: 1 }
}

/** The go.sum line of module@version's content hash, for findings about the module's files. */
function locateSum(module: GoModule, modPath: string, version: string): { file: string; line: number } {
  const sumLine = module.sum?.lines.find(l => l.path === modPath && l.version === version && !l.goMod)
  return sumLine ? { file: module.goSumFile, line: sumLine.line } : locateModule(module, modPath, version)
}

// "verifying example.com/a@v1.0.0: checksum mismatch" (modfetch.checkModSum) and
// "verifying example.com/a@v1.0.0/go.mod: checksum mismatch".
const CHECKSUM_MISMATCH =
  /verifying (\S+?)@(\S+?)(\/go\.mod)?: checksum mismatch\n\s*downloaded: (\S+)\n\s*go\.sum:\s+(\S+)/g
// "go: example.com/c@v1.9.9: reading file:///...: 404 Not Found", "...: unknown revision v1.9.9",
// "...: invalid version: ...", "go: x@v1 (replaced by ../x): reading ../x/go.mod: ...":
// a module@version followed by why it failed.
const MODULE_ERROR = /^(?:go: )?(?:[^\s:]+: )?(\S+?)@(v\S+?)(?: \(replaced by [^)]*\))?: (.+)$/gm
// "go: errors parsing go.mod:\n<file>:7:2: require ...: version ... invalid" and
// "malformed go.sum:\n<file>:3: wrong number of fields 2" (modfetch.readGoSum).
const FILE_ERROR = /^(?:go: )?(\S*go\.(mod|sum)):(\d+)(?::\d+)?: (.+)$/gm

function downloadFindings(module: GoModule, download: ModuleDownload): Finding[] {
  const findings: Finding[] = []
  const seen = new Set<string>()
  const add = (modPath: string, version: string, message: string): void => {
    const key = `${modPath}@${version}`
    if (seen.has(key)) return
    seen.add(key)
    findings.push(
      newFinding('mod-download-failed', {
        ...locateModule(module, modPath, version),
        module: modPath,
        version,
        message
      })
    )
  }
  const { stderr, code } = download.result
  for (const m of stderr.matchAll(CHECKSUM_MISMATCH)) {
    const [, modPath, version, goMod, downloaded, recorded] = m
    add(
      modPath,
      version,
      `${modPath}@${version}${goMod ?? ''}: checksum mismatch: the download hashes to ${downloaded} but go.sum records ${recorded}. ` +
        'Either go.sum was edited or the module content changed at its source; a published version never changes.'
    )
  }
  for (const m of download.modules) {
    if (m.Error) add(m.Path, m.Version, `${m.Path}@${m.Version} cannot be downloaded: ${m.Error}`)
  }
  for (const m of stderr.matchAll(MODULE_ERROR)) {
    if (!m[3].includes('checksum mismatch')) add(m[1], m[2], `${m[1]}@${m[2]} cannot be downloaded: ${m[3]}`)
  }
  for (const [, , kind, line, problem] of stderr.matchAll(FILE_ERROR)) {
    const file = kind === 'mod' ? module.goModFile : module.goSumFile
    findings.push(
      newFinding('mod-download-failed', {
        file,
        line: Number(line),
        message: `go cannot read ${file}, so no module can be downloaded or checked: ${problem}`
      })
    )
  }
  if (code !== 0 && findings.length === 0) {
    findings.push(
      newFinding('mod-download-failed', {
        file: module.goModFile,
        line: 1,
        message: `go mod download failed for ${module.goModFile}: ${goErrorText(stderr) || `exit status ${code}`}`
      })
    )
  }
  return findings
}

interface ListedPackage {
  ImportPath: string
  Error?: { Err: string }
  DepsErrors?: { Err: string }[]
}

// modload: "missing go.sum entry for module providing package P (imported by Q)" and
// "X@V: missing go.sum entry for go.mod file".
const MISSING_PACKAGE_SUM = /missing go\.sum entry for module providing package (\S+)/g
const MISSING_GOMOD_SUM = /(\S+?)@(\S+?): missing go\.sum entry for go\.mod file/g

/**
 * `mismatched` holds module@versions already reported with a checksum mismatch: go aborts all
 * loading on one, so their lines are left out of the scratch go.sum (with -mod=readonly go then
 * reports them missing instead of downloading them) and their missing entries are not reported.
 */
async function missingEntryFindings(ctx: CheckContext, module: GoModule, mismatched: Set<string>): Promise<Finding[]> {
  const dropped = new Set(module.sum?.lines.filter(l => mismatched.has(`${l.path}@${l.version}`)).map(l => l.line))
  const goSum =
    dropped.size === 0
      ? module.goSumText
      : module.goSumText
          ?.split('\n')
          .filter((_, i) => !dropped.has(i + 1))
          .join('\n')
  const scratch = await ScratchModFile.create(module.goModText, goSum)
  let result
  try {
    result = await scratch.run(
      ctx.go,
      // -mod=readonly: a module with vendor/ would default to -mod=vendor, which reads no go.sum.
      ['list', '-mod=readonly', '-e', '-deps', '-test', '-json=ImportPath,Error,DepsErrors', './...'],
      module.dir,
      module.goModFile
    )
  } finally {
    await scratch.dispose()
  }
  const texts = [result.stderr]
  for (const p of parseJSONStream<ListedPackage>(result.stdout)) {
    if (p.Error) texts.push(p.Error.Err)
    for (const e of p.DepsErrors ?? []) texts.push(e.Err)
  }
  const all = texts.join('\n')
  const findings = new Map<string, Finding>()
  for (const [, pkg] of all.matchAll(MISSING_PACKAGE_SUM)) {
    // The module providing the package: the longest required path that prefixes it.
    const req = module.mod.file.require
      .filter(r => pkg === r.path || pkg.startsWith(`${r.path}/`))
      .sort((a, b) => b.path.length - a.path.length)[0]
    const key = req?.path ?? pkg
    if (findings.has(key) || (req && mismatched.has(`${req.path}@${req.version}`))) continue
    findings.set(
      key,
      newFinding('sum-missing-entry', {
        ...(req ? { file: module.goModFile, line: req.line } : { file: module.goSumFile, line: 1 }),
        module: req?.path,
        version: req?.version,
        message: `${module.goSumFile} has no hash for ${req ? `${req.path}@${req.version}` : 'the module'} providing package ${pkg}, which the build needs; go would download it and trust whatever it gets. Run \`go mod tidy\` and commit go.sum.`
      })
    )
  }
  for (const [, modPath, version] of all.matchAll(MISSING_GOMOD_SUM)) {
    const key = `${modPath}@${version}/go.mod`
    if (findings.has(key) || mismatched.has(`${modPath}@${version}`)) continue
    findings.set(
      key,
      newFinding('sum-missing-entry', {
        ...locateModule(module, modPath, version),
        module: modPath,
        version,
        message: `${module.goSumFile} has no hash for ${modPath}@${version}/go.mod, which loading the module graph needs. Run \`go mod tidy\` and commit go.sum.`
      })
    )
  }
  return [...findings.values()]
}

// modcmd/verify.go: "<path> <version>: dir has been modified (<dir>)", "zip has been
// modified", "missing ziphash: ...", or a hashing error.
const VERIFY_LINE = /^(\S+) (v\S+): (.+)$/gm

async function modVerifyFindings(ctx: CheckContext, module: GoModule): Promise<Finding[]> {
  const scratch = await ScratchModFile.create(module.goModText, module.goSumText)
  let result
  try {
    result = await scratch.run(ctx.go, ['mod', 'verify'], module.dir, module.goModFile)
  } finally {
    await scratch.dispose()
  }
  if (result.code === 0) return []
  const findings: Finding[] = []
  for (const [, modPath, version, what] of result.stderr.matchAll(VERIFY_LINE)) {
    findings.push(
      newFinding('mod-verify-failed', {
        ...locateSum(module, modPath, version),
        module: modPath,
        version,
        message: `${modPath}@${version} in the module cache no longer matches what was downloaded (${what}). The cache was modified after download: clear it (\`go clean -modcache\`, and the Actions cache entry) and find out what wrote to it.`
      })
    )
  }
  return findings
}

/** Hashes each module-path replacement's extracted copy against its go.sum line. */
async function replacementFindings(module: GoModule, download: ModuleDownload): Promise<Finding[]> {
  const sums = module.sum ? indexSum(module.sum) : new Map<string, SumLine[]>()
  const findings: Finding[] = []
  for (const rep of module.mod.file.replace) {
    if (rep.new.version === '') continue
    const fetched = download.modules.find(m => m.Path === rep.new.path && m.Version === rep.new.version && m.Dir)
    if (!fetched?.Dir) continue
    const recorded = sums.get(sumKey({ path: rep.new.path, version: rep.new.version, goMod: false })) ?? []
    if (recorded.length === 0) continue // a missing entry is sum-missing-entry's to report
    const actual = await hashDir(fetched.Dir, `${rep.new.path}@${rep.new.version}`)
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

async function verifyModule(ctx: CheckContext, module: GoModule): Promise<Finding[]> {
  if (module.mod.errors.length > 0) {
    return module.mod.errors.map(e =>
      newFinding('mod-download-failed', {
        file: module.goModFile,
        line: e.line,
        message: `${module.goModFile} cannot be parsed, so its modules cannot be downloaded: ${e.message}`
      })
    )
  }
  const download = await ctx.downloads.get(module)
  if (download.timeout !== undefined) {
    const env = await ctx.go.env()
    return [
      newFinding('mod-download-failed', {
        file: module.goModFile,
        line: 1,
        message: `the modules of ${module.goModFile} could not be downloaded in time (${download.timeout}), so none could be checked. Check that the module proxy (GOPROXY=${env.GOPROXY}) is reachable; set GO_GUARD_GO_TIMEOUT (seconds) to wait longer.`
      })
    ]
  }
  const downloadFailures = downloadFindings(module, download)
  const mismatched = new Set(
    downloadFailures.filter(f => f.message.includes('checksum mismatch')).map(f => `${f.module}@${f.version}`)
  )
  const [missing, verified, replaced, denied] = await Promise.all([
    missingEntryFindings(ctx, module, mismatched),
    modVerifyFindings(ctx, module),
    replacementFindings(module, download),
    deniedModuleFindings(ctx, module)
  ])
  const broken = [...downloadFailures, ...missing, ...verified, ...replaced]
  // Tidiness is judged on a module that otherwise verifies: on a broken one tidy fails, or
  // repeats the errors above (their fix is already `go mod tidy`).
  return [...broken, ...denied, ...(broken.length === 0 ? await tidyFindings(ctx, module) : [])]
}

export const verifyCheck: Check = {
  id: 'verify',
  async run(ctx) {
    // Two modules at a time: each runs go processes that already use the runner's cores.
    return (await mapLimit(ctx.scope.modules, 2, module => verifyModule(ctx, module))).flat()
  }
}
