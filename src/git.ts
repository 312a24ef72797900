/**
 * The base commit: resolved, fetched when the clone lacks it, and read file by file with git
 * (never checked out over the work tree). go-guard writes no ref and never makes a clone shallow.
 */
import { runProcess, withoutCredentials } from './process.js'

export interface GitResult {
  code: number
  stdout: string
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
        return { code: -1, stdout: r.stdout, stderr: `git ${args[0]} timed out after ${timeoutMs / 1000} s` }
      return { code: r.code, stdout: r.stdout, stderr: r.stderr }
    } catch (error) {
      return { code: -1, stdout: '', stderr: `git could not run: ${(error as Error).message}` }
    }
  }
}

export const runGit: GitRunner = gitRunner()

/** The base commit, or why there is none and what would give one. */
export type BaseResolution = { sha: string } | { skipped: string; fix: string }

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
      skipped: `${root} is not a git repository, so there is no base commit to diff go.sum against`,
      fix: 'run go-guard in a git checkout (actions/checkout)'
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
    fix: 'add `fetch-depth: 0` to actions/checkout, or fetch the base commit before go-guard runs'
  }
}

/**
 * The file at `relPath` (relative to `root`) in commit `sha`; undefined only when the commit has
 * no such file. Throws GitError when git cannot tell (timeout, a lazy fetch refused in a partial
 * clone): that is not "absent". `git cat-file -e` cannot tell them apart (in a partial clone it
 * fetches the blob and exits 128 either way), so the tree is listed first: trees a blob-filtered
 * clone has, and git answers "no entry" with success and no output.
 */
export async function readAtCommit(
  root: string,
  sha: string,
  relPath: string,
  git: GitRunner = runGit
): Promise<string | undefined> {
  const fail = (what: string, r: GitResult): GitError =>
    new GitError(`could not ${what} ${relPath} at ${sha}: ${r.stderr.trim() || `git exited with status ${r.code}`}`)
  // ls-tree paths are relative to the working directory, which may be below the top level.
  const listed = await git(['--literal-pathspecs', 'ls-tree', '-z', sha, '--', relPath], root)
  if (listed.code !== 0) throw fail('list', listed)
  const entry = /^[0-7]+ (\w+) ([0-9a-f]+)\t/.exec(listed.stdout)
  if (entry === null || entry[1] !== 'blob') return undefined
  const blob = await git(['cat-file', 'blob', entry[2]], root)
  if (blob.code !== 0) throw fail('read', blob)
  return blob.stdout
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
