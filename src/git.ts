/**
 * The base commit: resolved, fetched when the clone lacks it, and read file by file with git
 * (never checked out over the work tree). go-guard writes no ref and never makes a clone shallow.
 */
import { runProcess, withoutCredentials } from './process.js'

export interface GitResult {
  code: number
  stdout: string
  /** stdout as bytes (git cat-file --batch sizes its objects in bytes). */
  stdoutBytes: Buffer
  stderr: string
}

/** Runs git in `cwd`; `input`, where given, is written to its stdin. */
export type GitRunner = (args: string[], cwd: string, input?: string) => Promise<GitResult>

/** How long one git subprocess may run (a fetch of a large base included). */
const GIT_TIMEOUT_MS = 120_000

/** A git subprocess that could not answer (not started, timed out, killed, or failed). */
export class GitError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GitError'
  }
}

/** Runs git in `cwd`; a non-zero exit is a result, a timeout is code -1 with the reason in stderr. */
export function gitRunner(env: NodeJS.ProcessEnv = process.env, timeoutMs = GIT_TIMEOUT_MS): GitRunner {
  return async (args, cwd, input) => {
    try {
      const r = await runProcess('git', args, {
        cwd,
        env: { ...withoutCredentials(env), GIT_TERMINAL_PROMPT: '0' },
        timeoutMs,
        input
      })
      if (r.timedOut)
        return {
          code: -1,
          stdout: r.stdout,
          stdoutBytes: r.stdoutBytes,
          stderr: `git ${args[0]} timed out after ${timeoutMs / 1000} s`
        }
      return { code: r.code, stdout: r.stdout, stdoutBytes: r.stdoutBytes, stderr: r.stderr }
    } catch (error) {
      return {
        code: -1,
        stdout: '',
        stdoutBytes: Buffer.alloc(0),
        stderr: `git could not run: ${(error as Error).message}`
      }
    }
  }
}

export const runGit: GitRunner = gitRunner()

/** The base commit, or why there is none and what would give one. */
/**
 * A base commit, or why there is none. `blocks` where one was named (base-ref or the event) but
 * cannot be had: that is a git failure, not an absent base, and passing would hide what changed.
 */
export type BaseResolution = { sha: string } | { skipped: string; fix: string; blocks?: true }

/**
 * A base-ref go-guard accepts: a commit-ish, never a refspec (`a:b`, `+a`, `^a`) nor an option
 * (`-x`). A ref name as git check-ref-format allows it (refs.c check_refname_component: no
 * control characters, space, `~^:?*[\`, `..`, `@{`, no component starting with `.` or ending
 * in `.lock`, no trailing `/` or `.`), optionally followed by `~N`/`^N` ancestry suffixes.
 */
export function isCommitish(ref: string): boolean {
  const match = /^([^~^]+)((?:[~^][0-9]*)*)$/.exec(ref)
  if (match === null) return false
  const name = match[1]
  if (name === '@') return true
  return (
    !/[\p{Cc}\s~^:?*[\\]|\.\.|@\{|\/\/|^[-+/]|[/.]$/u.test(name) &&
    name.split('/').every(c => c !== '' && !c.startsWith('.') && !c.endsWith('.lock'))
  )
}

/**
 * Resolves `ref` to a commit in the repository at `root`. A commit missing from the clone
 * (actions/checkout fetches one commit by default) is fetched alone from `origin` into
 * FETCH_HEAD: `--refmap=` stops git's opportunistic update of remote-tracking refs, and only a
 * clone that is already shallow is fetched with a depth (a full clone must stay full).
 */
export async function resolveBase(
  root: string,
  ref: string | undefined,
  git: GitRunner = runGit
): Promise<BaseResolution> {
  if (ref === undefined) {
    return {
      skipped: 'no base commit: not a pull_request or push event and no base-ref input',
      fix: 'set base-ref (for example base-ref: ${{ github.event.pull_request.base.sha }}) to diff go.sum against it'
    }
  }
  // config.ts refuses such a ref already; this guard keeps every caller to the same rule.
  if (!isCommitish(ref))
    return {
      skipped: `base-ref ${JSON.stringify(ref)} is not a commit-ish`,
      fix: 'set base-ref to a commit SHA, branch or tag'
    }
  if ((await git(['rev-parse', '--is-inside-work-tree'], root)).code !== 0) {
    return {
      skipped: `${root} is not a git repository, so the base commit ${ref} cannot be read`,
      fix: 'run go-guard in a git checkout (actions/checkout)',
      blocks: true
    }
  }
  const verify = async (commitish: string): Promise<string | undefined> => {
    const r = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${commitish}^{commit}`], root)
    return r.code === 0 ? r.stdout.trim() : undefined
  }
  const found = await verify(ref)
  if (found) return { sha: found }
  const [, name, ancestry] = /^([^~^]+)(.*)$/.exec(ref) ?? ['', ref, '']
  const shallow = (await git(['rev-parse', '--is-shallow-repository'], root)).stdout.trim() === 'true'
  const fetched = await git(
    [
      'fetch',
      '--no-tags',
      '--no-recurse-submodules',
      '--refmap=',
      ...(shallow ? ['--depth=1'] : []),
      '--',
      'origin',
      name
    ],
    root
  )
  const afterFetch = fetched.code === 0 ? await verify(`FETCH_HEAD${ancestry}`) : undefined
  if (afterFetch) return { sha: afterFetch }
  return {
    skipped: `the base commit ${ref} is not in this clone and fetching it from origin failed (${(fetched.stderr || 'no detail').trim().split('\n').pop()})`,
    fix: 'add `fetch-depth: 0` to actions/checkout, or fetch the base commit before go-guard runs',
    blocks: true
  }
}

/** A file at a commit: its text, undefined where the commit has no such file, or why git could not tell. */
export type FileAtCommit = string | undefined | GitError

// Paths per `git ls-tree`, and bytes of them: the argument list stays far below the system's
// limit (ARG_MAX), and git matches each tree entry against every path, which a chunk bounds too.
const LS_TREE_PATHS = 256
const LS_TREE_BYTES = 64 << 10

function chunked(paths: string[]): string[][] {
  const chunks: string[][] = []
  let bytes = 0
  for (const p of paths) {
    const last = chunks.at(-1)
    if (last === undefined || last.length === LS_TREE_PATHS || bytes + p.length > LS_TREE_BYTES) {
      chunks.push([p])
      bytes = p.length
    } else {
      last.push(p)
      bytes += p.length
    }
  }
  return chunks
}

/** Why git gave no answer: its error text, else its exit status. */
function why(r: GitResult): string {
  return r.stderr.trim() || `git exited with status ${r.code}`
}

/**
 * The blob each path names in `sha`; a path that is no file there is left out. A chunk git
 * refuses is listed again path by path, so a path git cannot list fails only itself.
 */
async function listBlobs(
  root: string,
  sha: string,
  paths: string[],
  git: GitRunner
): Promise<Map<string, string | GitError>> {
  const blobs = new Map<string, string | GitError>()
  for (const chunk of chunked(paths)) {
    // ls-tree paths are relative to the working directory, which may be below the top level; so are the names it prints.
    const listed = await git(['--literal-pathspecs', 'ls-tree', '-z', sha, '--', ...chunk], root)
    if (listed.code === 0) {
      for (const record of listed.stdout.split('\0')) {
        const entry = /^[0-7]+ (\w+) ([0-9a-f]+)\t(.*)$/s.exec(record)
        if (entry !== null && entry[1] === 'blob') blobs.set(entry[3], entry[2])
      }
    } else if (chunk.length === 1 || listed.code === -1) {
      // A git that timed out or could not start is not asked again path by path.
      for (const p of chunk) blobs.set(p, new GitError(`could not list ${p} at ${sha}: ${why(listed)}`))
    } else {
      for (const p of chunk) for (const [name, blob] of await listBlobs(root, sha, [p], git)) blobs.set(name, blob)
    }
  }
  return blobs
}

/**
 * The blobs' contents, or why git could not read them, from one `git cat-file --batch`: it prints
 * "<oid> blob <size>" and <size> bytes for each, "<oid> missing" for one the clone lacks. Where
 * git stopped early (a refused lazy fetch), the blobs it did not print are read one by one
 * (`git cat-file blob`), so a blob git cannot read fails only the paths naming it.
 */
async function readBlobs(
  root: string,
  oids: string[],
  git: GitRunner
): Promise<Map<string, { text: string } | { why: string }>> {
  const blobs = new Map<string, { text: string } | { why: string }>()
  if (oids.length === 0) return blobs
  const batch = await git(['cat-file', '--batch'], root, oids.map(oid => `${oid}\n`).join(''))
  const out = batch.stdoutBytes
  let at = 0
  for (const oid of oids) {
    const eol = out.indexOf(0x0a, at)
    if (eol === -1) break
    const header = out.subarray(at, eol).toString('latin1')
    if (header === `${oid} missing`) {
      blobs.set(oid, { why: `object ${oid} is missing from this clone${batch.code === 0 ? '' : ` (${why(batch)})`}` })
      at = eol + 1
      continue
    }
    const found = /^([0-9a-f]+) blob (\d+)$/.exec(header)
    const end = eol + 1 + Number(found?.[2])
    if (found?.[1] !== oid || end > out.length) break
    blobs.set(oid, { text: out.subarray(eol + 1, end).toString('utf8') })
    at = end + 1
  }
  for (const oid of oids.filter(o => !blobs.has(o))) {
    // A git that timed out or could not start is not asked again blob by blob.
    const blob = batch.code === -1 ? batch : await git(['cat-file', 'blob', oid], root)
    blobs.set(oid, blob.code === 0 ? { text: blob.stdout } : { why: why(blob) })
  }
  return blobs
}

/**
 * Files at commit `sha`, each path relative to `root`, with two git processes for any number of
 * them: `git ls-tree` names each path's blob, `git cat-file --batch` prints them. A path is
 * absent (undefined) only where the tree has no file there; where git cannot tell (a timeout, a
 * lazy fetch refused in a partial clone) its answer is a GitError. `git cat-file -e` cannot tell
 * them apart (in a partial clone it fetches the blob and exits 128 either way), so the trees are
 * listed first: trees a blob-filtered clone has, and git answers "no entry" with success.
 */
export async function readFilesAtCommit(
  root: string,
  sha: string,
  relPaths: string[],
  git: GitRunner = runGit
): Promise<Map<string, FileAtCommit>> {
  const paths = [...new Set(relPaths)].sort()
  const blobs = await listBlobs(root, sha, paths, git)
  const oids = [...new Set([...blobs.values()].filter((b): b is string => typeof b === 'string'))]
  const texts = await readBlobs(root, oids, git)
  return new Map(
    paths.map(p => {
      const blob = blobs.get(p)
      if (blob === undefined || blob instanceof GitError) return [p, blob]
      const read = texts.get(blob)!
      return [p, 'text' in read ? read.text : new GitError(`could not read ${p} at ${sha}: ${read.why}`)]
    })
  )
}

/**
 * Reads files at commits for the whole run: every read asked for in one turn of the event loop
 * goes to git as one readFilesAtCommit (a step asking for the go.mod and go.sum of 200 modules
 * at once starts two git processes, not 800), and each file is read once however often asked.
 */
export class CommitFiles {
  private readonly files = new Map<string, Promise<string | undefined>>()
  /** Per commit, the paths asked for since the last batch went to git, and that batch's answers. */
  private readonly pending = new Map<string, { paths: string[]; answers: Promise<Map<string, FileAtCommit>> }>()

  constructor(
    private readonly root: string,
    private readonly git: GitRunner = runGit
  ) {}

  read(sha: string, relPath: string): Promise<string | undefined> {
    const key = `${sha}\0${relPath}`
    let file = this.files.get(key)
    if (file === undefined) {
      file = this.batch(sha, relPath).then(answers => {
        const answer = answers.get(relPath)
        if (answer instanceof GitError) throw answer
        return answer
      })
      this.files.set(key, file)
    }
    return file
  }

  private batch(sha: string, relPath: string): Promise<Map<string, FileAtCommit>> {
    const waiting = this.pending.get(sha)
    if (waiting !== undefined) {
      waiting.paths.push(relPath)
      return waiting.answers
    }
    const paths = [relPath]
    const answers = new Promise<void>(resolve => setImmediate(resolve)).then(() => {
      this.pending.delete(sha)
      return readFilesAtCommit(this.root, sha, paths, this.git)
    })
    this.pending.set(sha, { paths, answers })
    return answers
  }
}

/**
 * Which of `paths` (relative to `root`) git's exclude rules ignore (.gitignore files,
 * .git/info/exclude, core.excludesFile): `git check-ignore --no-index`, which judges a path by
 * the rules alone, whether it exists or not. Empty where `root` is not in a git work tree.
 */
export async function ignoredPaths(root: string, paths: string[], git: GitRunner = runGit): Promise<Set<string>> {
  if (paths.length === 0) return new Set()
  const r = await git(['check-ignore', '--no-index', '-z', '--stdin'], root, paths.map(p => `${p}\0`).join(''))
  // Exit 0: some are ignored; 1: none; 128: an error (not a work tree), where nothing is excused.
  return new Set(r.code === 0 ? r.stdout.split('\0').filter(Boolean) : [])
}
