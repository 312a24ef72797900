/**
 * The scope: the Go modules and workspaces the go command would build, read once with their
 * parsed files. go follows links, so discovery does too (and says so); a go.work's `use` list is
 * taken from go itself (`go work edit -json`), wherever it points; a file or directory that
 * cannot be read is a problem on it, never an exception that hides the rest of the scope.
 */
import * as fsSync from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import picomatch from 'picomatch'
import { ConfigError } from './config.js'
import { type GoCommand, GoCommandError, parseJSONStream } from './go/command.js'
import { type ParseResult, parseModFile, parseWorkFile } from './go/modfile.js'
import { isDirectoryPath } from './go/module.js'
import { type SumFile, parseSumFile } from './go/sumfile.js'
import type { RuleId } from './rules.js'
import { shortList } from './shortlist.js'

export interface GoModule {
  /** Absolute directory. */
  dir: string
  /** Directory relative to the repository root, forward slashes, '.' for the root. */
  relDir: string
  /** go.mod path relative to the repository root. */
  goModFile: string
  goSumFile: string
  goModText: string
  /** undefined when the module has no go.sum. */
  goSumText?: string
  /** go.mod as go-guard parsed it; `errors` also holds bytes that are not UTF-8 (see utf8Errors). */
  mod: ParseResult
  sum?: SumFile
}

export interface GoWorkspace {
  /** go.work path relative to the repository root. */
  file: string
  /** Absolute directory of go.work. */
  dir: string
  workText: string
  work: ParseResult
  /** go.work.sum relative to the repository root: go trusts its lines for every module of the workspace. */
  sumFile: string
  sumText?: string
  sum?: SumFile
  /** Absolute module directories of its `use` directives, as go resolves them. */
  uses: string[]
}

/** A fact about the scope itself; the engine reports it in the first step that runs. */
export interface ScopeProblem {
  rule: Extract<RuleId, 'scope-symlinked-file' | 'scope-outside-repository' | 'scope-unreadable'>
  file: string
  line: number
  message: string
}

export interface Scope {
  modules: GoModule[]
  workspaces: GoWorkspace[]
  problems: ScopeProblem[]
  /**
   * go.mod files (repository-relative) that declare no module and that no go.work uses: go builds
   * nothing from their directories, so no step judges them (see isFence).
   */
  fences: string[]
  /**
   * vendor/ directories (repository-relative) holding a modules.txt with no go.mod or go.work
   * beside them: go builds from none of them, so no step compares them (see strayVendors).
   */
  strayVendors: string[]
  /**
   * go.mod files (repository-relative) under a testdata/ or dot-directory that no go.work uses:
   * go's `./...` never reaches them and no step judges them, but go builds one when run inside
   * its directory (a CI tool module in .ci/, a test fixture module).
   */
  setAside: string[]
}

// Not modules of this repository, or not modules at all: no module is looked for in them
// (testdata/ and dot-directories are walked only for the go.mod files set aside there).
const SKIPPED_DIRS = new Set(['vendor', 'testdata', 'node_modules'])

function toSlash(p: string): string {
  return p.split(path.sep).join('/')
}

export function relPath(root: string, file: string): string {
  return toSlash(path.relative(root, file)) || '.'
}

/** Whether `target` lies outside `root`, as written or once links are resolved (go builds what the link points to). */
async function isOutside(root: string, target: string): Promise<boolean> {
  const outside = (from: string, to: string): boolean => {
    const rel = path.relative(from, to)
    return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)
  }
  if (outside(root, target)) return true
  const [realRoot, realTarget] = await Promise.all([fs.realpath(root), fs.realpath(target).catch(() => target)])
  return outside(realRoot, realTarget)
}

function why(error: unknown): string {
  const e = error as NodeJS.ErrnoException
  return e.code ? `${e.code}: ${e.syscall ?? 'access'} failed` : String(error)
}

/** Collects problems while the scope is read. */
class Problems {
  readonly list: ScopeProblem[] = []
  constructor(private readonly root: string) {}

  add(rule: ScopeProblem['rule'], abs: string, line: number, message: string): void {
    this.list.push({ rule, file: relPath(this.root, abs), line, message })
  }

  unreadable(abs: string, error: unknown): void {
    const rel = relPath(this.root, abs)
    this.add(
      'scope-unreadable',
      abs,
      1,
      `${rel} cannot be read (${why(error)}), so nothing in it was judged, though the go command may build it.`
    )
  }

  /** Checks whether a go.mod/go.sum/go.work/go.work.sum is a link: go reads through it, its target need not be committed. */
  async noteLink(abs: string): Promise<void> {
    const stat = await fs.lstat(abs).catch(() => undefined)
    if (!stat?.isSymbolicLink()) return
    const target = await fs.readlink(abs).catch(() => '?')
    const rel = relPath(this.root, abs)
    this.add(
      'scope-symlinked-file',
      abs,
      1,
      `${rel} is a symbolic link (to ${target}): the go command reads through it, so what it builds from need not be in the commit a reviewer sees. Commit the file itself.`
    )
  }
}

function isFileThroughLink(file: string): boolean {
  try {
    return fsSync.statSync(file).isFile()
  } catch {
    return false
  }
}

/**
 * Directories holding a go.mod (a file or a link to one), and go.work files, outside vendor/,
 * testdata/, node_modules/ and dot-directories. The walk is synchronous: it is the first thing a
 * run does, nothing runs beside it, and a pull request can add tens of thousands of directories,
 * where a promise per directory costs five times the CPU of the directory listing itself.
 */
/**
 * A module cache (GOMODCACHE, laid out by cmd/go/internal/modfetch: `cache/download` beside the
 * extracted modules), which a job may keep inside the checkout (`.cache/go-mod`): every module in
 * it has a go.mod, none is the repository's, and it holds hundreds of thousands of files.
 */
function isModuleCache(dir: string, entries: fsSync.Dirent[]): boolean {
  return (
    entries.some(e => e.name === 'cache' && e.isDirectory()) && fsSync.existsSync(path.join(dir, 'cache', 'download'))
  )
}

function discover(
  root: string,
  problems: Problems
): { moduleDirs: string[]; workFiles: string[]; vendorParents: string[]; setAside: string[] } {
  const moduleDirs: string[] = []
  const workFiles: string[] = []
  const vendorParents: string[] = []
  const setAside: string[] = []
  // A stack, not recursion: nesting is as deep as a pull request makes it. A directory go's
  // `./...` skips (testdata, a dot-directory) is walked only for the go.mod files set aside in it.
  const dirs: { dir: string; aside: boolean }[] = [{ dir: root, aside: false }]
  for (let next = dirs.pop(); next !== undefined; next = dirs.pop()) {
    const { dir, aside } = next
    let entries
    try {
      entries = fsSync.readdirSync(dir, { withFileTypes: true })
    } catch (error) {
      problems.unreadable(dir, error)
      continue
    }
    if (isModuleCache(dir, entries)) continue
    for (const e of entries) {
      if (e.isDirectory()) {
        const skipped = e.name.startsWith('.') || SKIPPED_DIRS.has(e.name)
        if (!skipped) dirs.push({ dir: path.join(dir, e.name), aside })
        else if (e.name === 'testdata' || (e.name.startsWith('.') && e.name !== '.git'))
          dirs.push({ dir: path.join(dir, e.name), aside: true })
        if (e.name === 'vendor' && !aside) vendorParents.push(dir)
        continue
      }
      if (e.name !== 'go.mod' && e.name !== 'go.work') continue
      const file = path.join(dir, e.name)
      // go stats go.mod and go.work through links (modload.findModuleRoot, findWorkspaceFile).
      const isFile = e.isFile() || (e.isSymbolicLink() && isFileThroughLink(file))
      if (!isFile) continue
      if (aside) {
        if (e.name === 'go.mod') setAside.push(dir)
      } else if (e.name === 'go.mod') moduleDirs.push(dir)
      else workFiles.push(file)
    }
  }
  return { moduleDirs: moduleDirs.sort(), workFiles: workFiles.sort(), vendorParents, setAside: setAside.sort() }
}

/**
 * go builds from a vendor/ only beside the main module's go.mod (modload.vendorDir) or the
 * go.work (`go work vendor`); one elsewhere is read by no go command. One with a modules.txt is a
 * Go vendor tree all the same: a tool may build from it with a go.mod of its own (moby kept its
 * requirements in vendor.mod, and wrote go.mod only for the build), code no step judged. Said
 * once, so a vendor/ nothing compares never passes silently.
 */
function strayVendors(root: string, found: ReturnType<typeof discover>): string[] {
  const owners = new Set([...found.moduleDirs, ...found.workFiles.map(file => path.dirname(file))])
  return found.vendorParents
    .filter(dir => !owners.has(dir) && fsSync.existsSync(path.join(dir, 'vendor', 'modules.txt')))
    .map(dir => relPath(root, path.join(dir, 'vendor')))
    .sort()
}

/** Applies the `modules` input: plain directories must hold a go.mod; globs must match one. */
async function selectModules(root: string, discovered: string[], patterns: string[]): Promise<string[]> {
  const selected = new Set<string>()
  const relDiscovered = discovered.map(d => relPath(root, d))
  for (const pattern of patterns) {
    const clean = pattern.replace(/^\.\/(?=.)/, '').replace(/\/+$/, '') || '.'
    if (picomatch.scan(clean).isGlob) {
      const isMatch = picomatch(clean, { dot: false })
      const hits = relDiscovered.filter(d => isMatch(d))
      if (hits.length === 0)
        throw new ConfigError('modules', pattern, 'a directory or glob matching at least one go.mod directory')
      for (const hit of hits) selected.add(path.resolve(root, hit))
    } else {
      const dir = path.resolve(root, clean)
      if (relPath(root, dir).startsWith('..'))
        throw new ConfigError('modules', pattern, 'a directory inside working-directory')
      try {
        await fs.access(path.join(dir, 'go.mod'))
      } catch {
        throw new ConfigError('modules', pattern, 'a directory holding a go.mod')
      }
      selected.add(dir)
    }
  }
  return [...selected].sort()
}

/** A file's text, undefined where it does not exist; any other failure is a problem on it. */
async function readOptional(file: string, problems: Problems): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.unreadable(file, error)
    return undefined
  }
}

/**
 * Lines of go.mod holding bytes that are not UTF-8 outside a comment. go rejects such module
 * paths and versions ("malformed module path ...: invalid UTF-8", module.CheckPath), and
 * go-guard, reading text, would judge other characters than the bytes go sees.
 */
function utf8Errors(bytes: Buffer): ParseResult['errors'] {
  const errors: ParseResult['errors'] = []
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let start = 0
  for (let lineNo = 1; start <= bytes.length; lineNo++) {
    let end = bytes.indexOf(0x0a, start)
    if (end === -1) end = bytes.length
    const line = bytes.subarray(start, end)
    const comment = line.indexOf('//')
    try {
      decoder.decode(comment === -1 ? line : line.subarray(0, comment))
    } catch {
      errors.push({ line: lineNo, message: 'bytes that are not UTF-8 (go rejects them in paths and versions)' })
    }
    start = end + 1
  }
  return errors
}

async function loadModule(root: string, dir: string, problems: Problems): Promise<GoModule | undefined> {
  const goModPath = path.join(dir, 'go.mod')
  let bytes: Buffer
  try {
    bytes = await fs.readFile(goModPath)
  } catch (error) {
    problems.unreadable(goModPath, error)
    return undefined
  }
  await Promise.all([problems.noteLink(goModPath), problems.noteLink(path.join(dir, 'go.sum'))])
  const goModText = bytes.toString('utf8')
  const goSumText = await readOptional(path.join(dir, 'go.sum'), problems)
  const mod = parseModFile(goModText)
  mod.errors.push(...utf8Errors(bytes))
  return {
    dir,
    relDir: relPath(root, dir),
    goModFile: relPath(root, goModPath),
    goSumFile: relPath(root, path.join(dir, 'go.sum')),
    goModText,
    goSumText,
    mod,
    sum: goSumText === undefined ? undefined : parseSumFile(goSumText)
  }
}

interface WorkEditJSON {
  Use?: { DiskPath: string }[] | null
}

/** A go.work with its go.work.sum; its `use` list comes from `go work edit -json`, go's own reading. */
async function loadWorkspace(
  root: string,
  file: string,
  go: GoCommand,
  problems: Problems
): Promise<GoWorkspace | undefined> {
  const workText = await readOptional(file, problems)
  if (workText === undefined) return undefined
  const dir = path.dirname(file)
  const sumPath = path.join(dir, 'go.work.sum')
  await Promise.all([problems.noteLink(file), problems.noteLink(sumPath)])
  const sumText = await readOptional(sumPath, problems)
  const work = parseWorkFile(workText)
  const edit = await go.run(['work', 'edit', '-json', file], { cwd: dir }).catch((error: unknown) => {
    // A go that cannot run at all is the toolchain step's to report; the parsed `use` lines stand in.
    if (error instanceof GoCommandError) return undefined
    throw error
  })
  const uses: string[] = []
  if (edit === undefined) {
    for (const u of work.file.use) uses.push(path.resolve(dir, u.path))
  } else if (edit.code === 0) {
    for (const u of parseJSONStream<WorkEditJSON>(edit.stdout)[0]?.Use ?? []) uses.push(path.resolve(dir, u.DiskPath))
  } else if (work.errors.length === 0) {
    // go refuses what go-guard's parser accepted: go's word is final.
    work.errors.push({ line: 1, message: edit.stderr.trim() || `go work edit exited ${edit.code}` })
  }
  return {
    file: relPath(root, file),
    dir,
    workText,
    work,
    sumFile: relPath(root, sumPath),
    sumText,
    sum: sumText === undefined ? undefined : parseSumFile(sumText),
    uses
  }
}

/**
 * The modules a workspace's `use` directives add to what discovery found (dot-directories,
 * vendor/, directories outside the repository): go builds them, so they are in scope. One
 * outside working-directory is reported, and judged where it can be read.
 */
async function workspaceModuleDirs(
  root: string,
  ws: GoWorkspace,
  known: Set<string>,
  problems: Problems
): Promise<string[]> {
  const added: string[] = []
  for (const dir of ws.uses) {
    const line = ws.work.file.use.find(u => path.resolve(ws.dir, u.path) === dir)?.line ?? 1
    const wsFile = path.join(ws.dir, path.basename(ws.file))
    if (await isOutside(root, dir)) {
      problems.add(
        'scope-outside-repository',
        wsFile,
        line,
        `${ws.file} uses ${relPath(root, dir)}, outside the repository (as written, or through a link): the workspace builds code no reviewer of this repository sees. Move the module into the repository, or drop the \`use\`.`
      )
    }
    if (known.has(dir)) continue
    known.add(dir)
    try {
      await fs.stat(path.join(dir, 'go.mod'))
      added.push(dir)
    } catch (error) {
      problems.add(
        'scope-unreadable',
        wsFile,
        line,
        `${ws.file} uses ${relPath(root, dir)}, whose go.mod cannot be read (${why(error)}); go refuses the workspace.`
      )
    }
  }
  return added
}

/**
 * scope-outside-repository for each directory replacement of a go.mod or go.work in the repository
 * that leads outside it, as written or through a link: go builds the replaced module from code no
 * reviewer of this repository sees, whatever allow-local-replace says of replacements within it.
 * go resolves the path against the directory of the file that holds it (modload's replacement
 * directory: the module root, or go.work's directory).
 */
async function replacementsOutside(
  root: string,
  modules: GoModule[],
  workspaces: GoWorkspace[],
  problems: Problems
): Promise<void> {
  const holders = [
    ...modules.map(m => ({ dir: m.dir, file: m.goModFile, replace: m.mod.file.replace })),
    ...workspaces.map(w => ({ dir: w.dir, file: w.file, replace: w.work.file.replace }))
  ]
  for (const { dir, file, replace } of holders) {
    // A module that is itself outside is reported where its `use` or `modules` entry names it.
    if (replace.length === 0 || (await isOutside(root, dir))) continue
    for (const r of replace) {
      if (!isDirectoryPath(r.new.path) || !(await isOutside(root, path.resolve(dir, r.new.path)))) continue
      problems.add(
        'scope-outside-repository',
        path.join(root, file),
        r.line,
        `${file} replaces ${r.old.path} with the directory ${r.new.path}, outside the repository (as written, or through a link): the build uses code no reviewer of this repository sees. Move the code into the repository, or drop the replacement.`
      )
    }
  }
}

/**
 * scope-outside-repository where the job's go would build as a workspace outside the repository:
 * GOWORK names a file outside it, or, with GOWORK unset, go finds a go.work above it, walking up
 * from a module no go.work of the repository covers (modload FindGoWork and findWorkspaceFile: up
 * to the file system root; its GOROOT exception never applies to a repository outside GOROOT).
 * That workspace's `use` and `replace` directives then decide what every go command builds, and
 * go-guard judges each module with GOWORK=off.
 */
async function foreignWorkspace(
  root: string,
  gowork: string | undefined,
  modules: GoModule[],
  workspaces: GoWorkspace[],
  problems: Problems
): Promise<void> {
  if (gowork === 'off') return
  const covered = (dir: string): boolean => workspaces.some(w => dir === w.dir || dir.startsWith(w.dir + path.sep))
  const inRepository = modules.filter(m => m.relDir !== '..' && !m.relDir.startsWith('../'))
  const at = inRepository[0]?.dir ?? root
  if (gowork !== undefined && gowork !== '' && gowork !== 'auto') {
    // go refuses a relative GOWORK ("not an absolute path"): no build runs to be misled.
    if (!path.isAbsolute(gowork) || !(await isOutside(root, gowork))) return
    problems.add(
      'scope-outside-repository',
      path.join(at, 'go.mod'),
      1,
      `GOWORK=${gowork} is set in the job's environment: every go command of the job builds as that workspace, outside the repository, says (its \`use\` and \`replace\` directives), which no reviewer of this repository sees and go-guard does not judge. Unset GOWORK, or set it to off.`
    )
    return
  }
  const exposed = inRepository.filter(m => !covered(m.dir))
  if (exposed.length === 0) return
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'go.work')
    if ((await fs.stat(file).catch(() => undefined))?.isFile()) {
      problems.add(
        'scope-outside-repository',
        path.join(exposed[0].dir, 'go.mod'),
        1,
        `go finds ${file} above working-directory: every go command run in ${shortList(
          exposed.map(m => m.relDir),
          10
        )} builds as that workspace says (its \`use\` and \`replace\` directives), which go-guard, judging each module with GOWORK=off, does not see. Point working-directory at that workspace's directory to judge it, remove it, or set GOWORK=off for the job.`
      )
      return
    }
    if (path.dirname(dir) === dir) return
  }
}

/**
 * The module directories a `modules` input can name (the `modules` output, for a matrix of jobs):
 * a module outside the repository, reached through a go.work `use`, cannot be named.
 */
export function moduleDirsInRepository(scope: Scope): string[] {
  return scope.modules.map(m => m.relDir).filter(d => d !== '..' && !d.startsWith('../'))
}

export async function loadScope(root: string, patterns: string[] | undefined, go: GoCommand): Promise<Scope> {
  const stat = await fs.stat(root).catch(() => undefined)
  if (stat === undefined) throw new ConfigError('working-directory', root, 'an existing directory')
  if (!stat.isDirectory()) throw new ConfigError('working-directory', root, 'a directory (this is a file)')
  const problems = new Problems(root)
  const found = discover(root, problems)
  const workspaces = (await Promise.all(found.workFiles.map(file => loadWorkspace(root, file, go, problems)))).filter(
    (w): w is GoWorkspace => w !== undefined
  )
  const known = new Set(found.moduleDirs)
  const used: string[] = []
  for (const ws of workspaces) used.push(...(await workspaceModuleDirs(root, ws, known, problems)))
  // The `modules` input narrows the scope to what it names (a matrix job judges its own module).
  const dirs =
    patterns === undefined ? [...found.moduleDirs, ...used] : await selectModules(root, found.moduleDirs, patterns)
  for (const dir of patterns === undefined ? [] : dirs) {
    if (await isOutside(root, dir))
      problems.add(
        'scope-outside-repository',
        path.join(dir, 'go.mod'),
        1,
        `the modules input names ${relPath(root, dir)}, which a link leads outside the repository: the module judged is code no reviewer of this repository sees.`
      )
  }
  const loaded = (await Promise.all(dirs.map(dir => loadModule(root, dir, problems)))).filter(
    (m): m is GoModule => m !== undefined
  )
  const inWorkspace = new Set(workspaces.flatMap(w => w.uses))
  const modules: GoModule[] = []
  const fences: string[] = []
  for (const m of loaded) {
    if (isFence(m, inWorkspace)) fences.push(m.goModFile)
    else modules.push(m)
  }
  await replacementsOutside(root, modules, workspaces, problems)
  await foreignWorkspace(root, go.baseEnv.GOWORK, modules, workspaces, problems)
  // A gate pointed at the wrong directory must not pass for want of anything to judge.
  if (modules.length === 0 && workspaces.length === 0 && problems.list.length === 0 && fences.length === 0)
    throw new ConfigError(
      'working-directory',
      root,
      'a directory holding a go.mod or go.work (outside vendor/, testdata/, node_modules/ and dot-directories)'
    )
  // A job the modules input narrows judges its own modules; the repository's other files are the others'.
  const stray = patterns === undefined ? strayVendors(root, found) : []
  const setAside =
    patterns === undefined
      ? found.setAside.filter(dir => !inWorkspace.has(dir)).map(dir => relPath(root, path.join(dir, 'go.mod')))
      : []
  return { modules, workspaces, problems: problems.list, fences, strayVendors: stray, setAside }
}

/**
 * A go.mod go reads without error but that has no `module` line declares no module: go refuses
 * to work in its directory ("missing module declaration", cmd/go/internal/modload/init.go), and
 * the file fences the directory off from the enclosing module, whose `./...` stops at any
 * directory holding a go.mod (modload/search.go matchPackages). Repositories keep such files on
 * purpose (an empty go.mod keeps generated or tool code out of the build); every step would fail
 * on one. A go.work that uses it makes it a module of the workspace build, judged as usual.
 */
function isFence(module: GoModule, inWorkspace: Set<string>): boolean {
  return module.mod.errors.length === 0 && module.mod.file.module === undefined && !inWorkspace.has(module.dir)
}
