/**
 * The thin port to GitHub: workflow commands (shared by the Action and `cli --format github`) and
 * the REST API for the pull request comment and the check run.
 */
import * as path from 'node:path'
import * as core from '@actions/core'
import { type Config, INPUT_DEFAULTS } from './config.js'
import type { GateResult } from './engine.js'
import { pullRequestFromEvent } from './event.js'
import { type Finding, redactSecrets } from './findings.js'
import type { Logger } from './logger.js'
import type { ReportPlace } from './outputs.js'
import { ApiCallError, type GitHubApi, type PublishTarget, jobIdentity, publish } from './pull-request.js'
import { planAnnotations } from './report/annotations.js'
import { type BlobLinks, blobLinks } from './report/markdown.js'
import type { WorkspacePaths } from './report/paths.js'

/**
 * One annotation per finding within GitHub's limits. Paths are made relative to the checkout
 * (`workspace`), which the repository root may be below. @actions/core escapes `%`, CR, LF,
 * `:` and `,` so no finding text can inject a workflow command.
 */
export function emitAnnotations(findings: Finding[], toWorkspace: WorkspacePaths): void {
  for (const a of planAnnotations(findings)) {
    const props = { title: a.title, file: toWorkspace(a.file), startLine: a.line }
    if (a.severity === 'error') core.error(a.message, props)
    else if (a.severity === 'warning') core.warning(a.message, props)
    else core.notice(a.message, props)
  }
}

/** Reads the `github-token` input once, masks it, and removes it from the environment every subprocess inherits. */
export function takeGitHubToken(): string | undefined {
  const token = core.getInput('github-token')
  delete process.env['INPUT_GITHUB-TOKEN']
  // Outside a workflow the default stays the unexpanded expression: there is no token.
  if (token === '' || token === INPUT_DEFAULTS['github-token']) return undefined
  core.setSecret(token)
  return token
}

/** The commit findings are linked at: the pull request's head, else the commit the workflow runs on. */
function headSha(env: NodeJS.ProcessEnv): string | undefined {
  return pullRequestFromEvent(env.GITHUB_EVENT_PATH)?.headSha ?? env.GITHUB_SHA
}

/** A judged file's path from the checkout (the repository's top level); undefined outside it. */
function repoPathFrom(toWorkspace: WorkspacePaths): (file: string) => string | undefined {
  return file => {
    const rel = toWorkspace(file)
    return rel.startsWith('../') || rel === '..' || path.isAbsolute(rel) ? undefined : rel
  }
}

/** Links to files at the head commit. */
export function headLinks(place: ReportPlace, env: NodeJS.ProcessEnv = process.env): BlobLinks | undefined {
  return blobLinks(
    { serverUrl: env.GITHUB_SERVER_URL, repository: env.GITHUB_REPOSITORY, sha: headSha(env) },
    repoPathFrom(place.toWorkspace)
  )
}

/** Bounds each REST call (a pagination in all), so an unresponsive API cannot hold the job. */
const API_TIMEOUT_MS = 30_000

function apiCallError(call: string, error: unknown): ApiCallError {
  const e = error as { status?: number; message?: string; response?: { headers?: Record<string, unknown> } }
  // Octokit reports a network failure as status 500 without a response.
  const status = e.response === undefined ? undefined : e.status
  const rateLimited = status === 429 || (status === 403 && e.response?.headers?.['x-ratelimit-remaining'] === '0')
  const detail = (e.message ?? String(error)).split('\n')[0].slice(0, 300)
  return new ApiCallError(call, status, detail, rateLimited)
}

/** The REST calls through @actions/github's Octokit, at GITHUB_API_URL (GitHub Enterprise Server too). */
async function octokitApi(token: string, apiUrl: string): Promise<GitHubApi> {
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(token, { baseUrl: apiUrl })
  const request = (): { signal: AbortSignal } => ({ signal: AbortSignal.timeout(API_TIMEOUT_MS) })
  const call = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn()
    } catch (error) {
      throw apiCallError(what, error)
    }
  }
  return {
    listComments: ({ owner, repo }, pullNumber) =>
      call(`GET /repos/${owner}/${repo}/issues/${pullNumber}/comments`, () =>
        octokit.paginate(octokit.rest.issues.listComments, {
          owner,
          repo,
          issue_number: pullNumber,
          per_page: 100,
          request: request()
        })
      ),
    createComment: ({ owner, repo }, pullNumber, body) =>
      call(`POST /repos/${owner}/${repo}/issues/${pullNumber}/comments`, async () => {
        await octokit.rest.issues.createComment({ owner, repo, issue_number: pullNumber, body, request: request() })
      }),
    updateComment: ({ owner, repo }, commentId, body) =>
      call(`PATCH /repos/${owner}/${repo}/issues/comments/${commentId}`, async () => {
        await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body, request: request() })
      }),
    createCheckRun: ({ owner, repo }, name, sha, update) =>
      call(`POST /repos/${owner}/${repo}/check-runs`, async () => {
        const created = await octokit.rest.checks.create({
          owner,
          repo,
          name,
          head_sha: sha,
          ...update,
          request: request()
        })
        return created.data.id
      }),
    updateCheckRun: ({ owner, repo }, checkRunId, update) =>
      call(`PATCH /repos/${owner}/${repo}/check-runs/${checkRunId}`, async () => {
        await octokit.rest.checks.update({ owner, repo, check_run_id: checkRunId, ...update, request: request() })
      })
  }
}

/**
 * The pull request comment and the check run the inputs ask for. Never throws: whatever fails is
 * one warning, and the gate's verdict stays the engine's.
 */
export async function publishToGitHub(
  config: Config,
  result: GateResult,
  place: ReportPlace,
  token: string | undefined,
  logger: Logger
): Promise<void> {
  if (config.commentSummaryInPr === 'never' && !config.checkRun) return
  const env = process.env
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (token === undefined || !owner || !repo) {
    logger.warning(
      `go-guard: comment-summary-in-pr and check-run need ${token === undefined ? 'the github-token input' : 'GITHUB_REPOSITORY'}; nothing was written to the pull request. The verdict and the findings are unaffected.`
    )
    return
  }
  try {
    const apiUrl = env.GITHUB_API_URL || 'https://api.github.com'
    const pr = pullRequestFromEvent(env.GITHUB_EVENT_PATH)
    const target: PublishTarget = {
      repository: { owner, repo },
      pullNumber: pr?.number,
      fromFork: pr?.fromFork,
      headSha: headSha(env),
      apiUrl,
      links: headLinks(place, env),
      repoPath: repoPathFrom(place.toWorkspace),
      ...jobIdentity(env, config, place.cwd)
    }
    await publish(await octokitApi(token, apiUrl), target, config, result, logger)
  } catch (error) {
    logger.warning(
      `go-guard could not write to GitHub: ${redactSecrets(error instanceof Error ? error.message : String(error))}`
    )
  }
}
