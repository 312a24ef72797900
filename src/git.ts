/**
 * The base commit: resolved, fetched when a shallow clone lacks it, and read file by file with
 * git (never checked out over the work tree).
 */
import { execFile } from 'node:child_process'

export interface GitResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs git in `cwd`; `input`, where given, is written to its stdin. */
export type GitRunner = (args: string[], cwd: string, input?: string) => Promise<GitResult>

export const runGit: GitRunner = (args, cwd, input) =>
  new Promise(resolve => {
    const child = execFile(
      'git',
      args,
      { cwd, maxBuffer: 256 << 20, timeout: 120_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout, stderr: stderr || (error && code !== 0 ? error.message : '') })
      }
    )
    if (input !== undefined) child.stdin?.end(input)
  })

export type BaseResolution = { sha: string } | { skipped: string }

/**
 * Resolves `ref` to a commit in the repository at `root`. A commit missing from a shallow clone
 * (actions/checkout fetches one commit by default) is fetched alone from `origin`.
 */
export async function resolveBase(
  root: string,
  ref: string | undefined,
  git: GitRunner = runGit
): Promise<BaseResolution> {
  if (ref === undefined) {
    return {
      skipped:
        'no base commit: not a pull_request or push event and no base-ref input. Set base-ref (for example base-ref: ${{ github.event.pull_request.base.sha }}) to diff go.sum against it'
    }
  }
  if ((await git(['rev-parse', '--is-inside-work-tree'], root)).code !== 0) {
    return { skipped: `${root} is not a git repository, so there is no base commit to diff go.sum against` }
  }
  const verify = async (): Promise<string | undefined> => {
    const r = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root)
    return r.code === 0 ? r.stdout.trim() : undefined
  }
  const found = await verify()
  if (found) return { sha: found }
  const fetched = await git(['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', ref], root)
  const afterFetch = fetched.code === 0 ? await verify() : undefined
  if (afterFetch) return { sha: afterFetch }
  return {
    skipped: `the base commit ${ref} is not in this clone and fetching it from origin failed (${(fetched.stderr || 'no detail').trim().split('\n').pop()}). Add \`fetch-depth: 0\` to actions/checkout, or fetch the base commit before go-guard runs`
  }
}

/** The file at `relPath` (relative to `root`) in commit `sha`, or undefined when it does not exist there. */
export async function readAtCommit(
  root: string,
  sha: string,
  relPath: string,
  git: GitRunner = runGit
): Promise<string | undefined> {
  // `./` makes the path relative to root, which may be below the repository's top level.
  const r = await git(['show', `${sha}:./${relPath}`], root)
  return r.code === 0 ? r.stdout : undefined
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
