/**
 * The pull request conversation: one comment per job, updated in place, and a `go-guard` check
 * run carrying every finding. It reports the engine's verdict and decides nothing; a GitHub API
 * failure is one warning and never changes the gate.
 */
import { createHash } from 'node:crypto'
import * as path from 'node:path'
import type { Config } from './config.js'
import type { GateResult } from './engine.js'
import { redactSecrets } from './findings.js'
import type { Logger } from './logger.js'
import { annotationBatches, checkAnnotation, checkConclusion, checkOutput } from './report/checkrun.js'
import type { CheckAnnotation, CheckOutput } from './report/checkrun.js'
import { renderComment } from './report/comment.js'
import type { BlobLinks } from './report/markdown.js'
import { gateFailed } from './report/summary.js'

export interface Repository {
  owner: string
  repo: string
}

export interface IssueComment {
  id: number
  body?: string
  user?: { type?: string } | null
  author_association?: string
}

export interface CheckRunUpdate {
  status?: 'in_progress' | 'completed'
  conclusion?: 'success' | 'failure'
  output: CheckOutput & { annotations: CheckAnnotation[] }
}

/** The REST calls go-guard makes; src/github.ts implements them with Octokit. */
export interface GitHubApi {
  listComments(repo: Repository, pullNumber: number): Promise<IssueComment[]>
  createComment(repo: Repository, pullNumber: number, body: string): Promise<void>
  updateComment(repo: Repository, commentId: number, body: string): Promise<void>
  createCheckRun(repo: Repository, name: string, headSha: string, update: CheckRunUpdate): Promise<number>
  updateCheckRun(repo: Repository, checkRunId: number, update: CheckRunUpdate): Promise<void>
}

/** A REST call that failed: what was asked, and the HTTP status (undefined when GitHub was not reached). */
export class ApiCallError extends Error {
  constructor(
    readonly call: string,
    readonly status: number | undefined,
    detail: string,
    readonly rateLimited = false
  ) {
    super(detail)
    this.name = 'ApiCallError'
  }
}

/** Where this run publishes: the repository, the pull request (if the event has one) and the commit judged. */
export interface PublishTarget {
  repository: Repository
  pullNumber?: number
  /** The pull request comes from a fork: GitHub gives it a read-only token under `pull_request`. */
  fromFork?: boolean
  headSha?: string
  apiUrl: string
  links?: BlobLinks
  /** A judged file's path from the repository's top level (where check run annotations point). */
  repoPath(file: string): string | undefined
  /** Marks this job's comment; see jobIdentity. */
  marker: string
  identity: string
  /** The check run's name: `go-guard`, with the modules judged where a matrix job names them. */
  checkName: string
}

/**
 * One comment and one check run per job: the workflow file, the job id and the inputs that tell
 * matrix jobs apart (working-directory, modules) make the marker, so jobs of one matrix keep a
 * comment each; the check run is named after the modules, so one module's passing run never
 * stands in for another's failing one (checks of one name count as one).
 */
export function jobIdentity(
  env: NodeJS.ProcessEnv,
  config: Config,
  workspace: string
): { marker: string; identity: string; checkName: string } {
  const workflow = (env.GITHUB_WORKFLOW_REF ?? env.GITHUB_WORKFLOW ?? '').replace(/@.*$/s, '')
  const job = env.GITHUB_JOB ?? ''
  const dir = path.relative(workspace, config.workingDirectory).split(path.sep).join('/') || '.'
  const modules = config.modules?.join(', ') ?? ''
  const key = createHash('sha256')
    .update(JSON.stringify([workflow, job, dir, modules]))
    .digest('hex')
    .slice(0, 16)
  const shorten = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text)
  const identity = [
    'go-guard',
    `job ${shorten(job, 100) || '(unknown)'}`,
    ...(dir === '.' ? [] : [`working-directory ${shorten(dir, 200)}`]),
    ...(modules ? [`modules ${shorten(modules, 200)}`] : [])
  ].join(' · ')
  const scope = [...(dir === '.' ? [] : [dir]), ...(modules ? [modules] : [])].join(': ')
  const checkName = scope ? `go-guard (${shorten(scope, 80)})` : 'go-guard'
  return { marker: `<!-- go-guard comment ${key} -->`, identity, checkName }
}

/**
 * Only a comment by a bot (the token GitHub gives the job) or by someone with write access counts
 * as ours: a pull request's author could post the marker to have go-guard edit a comment they can
 * rewrite afterwards.
 */
function trustedAuthor(c: IssueComment): boolean {
  return c.user?.type === 'Bot' || ['OWNER', 'MEMBER', 'COLLABORATOR'].includes(c.author_association ?? '')
}

async function publishComment(
  api: GitHubApi,
  target: PublishTarget,
  config: Config,
  result: GateResult,
  logger: Logger
): Promise<void> {
  if (target.pullNumber === undefined) {
    logger.info('go-guard: the event is not a pull request, so no pull request comment is written.')
    return
  }
  const comments = await api.listComments(target.repository, target.pullNumber)
  const ours = comments.find(c => c.body?.startsWith(target.marker) && trustedAuthor(c))
  // on-failure: a passing gate writes nothing, but a comment that said "fails" must now say it passes.
  if (ours === undefined && config.commentSummaryInPr === 'on-failure' && !gateFailed(result)) return
  const body = renderComment(result, {
    failOn: config.failOn,
    marker: target.marker,
    identity: target.identity,
    links: target.links
  })
  if (ours) await api.updateComment(target.repository, ours.id, body)
  else await api.createComment(target.repository, target.pullNumber, body)
}

async function publishCheckRun(
  api: GitHubApi,
  target: PublishTarget,
  config: Config,
  result: GateResult,
  logger: Logger
): Promise<void> {
  if (target.headSha === undefined) {
    logger.info('go-guard: no commit SHA in the environment (GITHUB_SHA), so no check run is created.')
    return
  }
  const batches = annotationBatches(result.findings.map(f => checkAnnotation(f, target.repoPath)))
  const output = checkOutput(result, config.failOn)
  const conclusion = checkConclusion(result)
  const done = { status: 'completed', conclusion } as const
  const id = await api.createCheckRun(target.repository, target.checkName, target.headSha, {
    ...(batches.length === 1 ? done : { status: 'in_progress' }),
    output: { ...output, annotations: batches[0] }
  })
  // Each update appends its annotations to the run's; the last one completes it.
  for (let i = 1; i < batches.length; i++) {
    try {
      await api.updateCheckRun(target.repository, id, {
        ...(i === batches.length - 1 ? done : {}),
        output: { ...output, annotations: batches[i] }
      })
    } catch (error) {
      // A run left in progress would hold a required check forever: conclude it, saying what is missing.
      const missing = batches.slice(i).reduce((n, b) => n + b.length, 0)
      const summary = `${output.summary}\n\n${missing} annotation(s) could not be added: see the job summary.`
      await api
        .updateCheckRun(target.repository, id, { ...done, output: { ...output, summary, annotations: [] } })
        .catch(() => undefined)
      throw error
    }
  }
}

/** What failed and what fixes it, in one clause. */
function describeFailure(what: string, permission: string, error: unknown, target: PublishTarget): string {
  if (!(error instanceof ApiCallError)) {
    return `${what}: ${redactSecrets(error instanceof Error ? error.message : String(error))}`
  }
  const call = `${what} (${error.call})`
  const detail = redactSecrets(error.message)
  if (error.rateLimited || error.status === 429)
    return `${call} hit GitHub's rate limit (${detail}); the next run retries`
  switch (error.status) {
    case undefined:
      return `${call} could not reach the GitHub API at ${target.apiUrl} (${detail})`
    case 401:
      return `${call} was refused: the token is not valid (${detail}); check the \`github-token\` input`
    case 403:
    case 404:
      return `${call} was refused with ${error.status} (${detail}): the token needs \`${permission}\`${
        target.fromFork ? ', which a pull request from a fork does not get under `on: pull_request`' : ''
      }`
    default:
      return `${call} failed with ${error.status} (${detail})`
  }
}

/** Writes the comment and the check run the config asks for; never throws, warns once for every failure. */
export async function publish(
  api: GitHubApi,
  target: PublishTarget,
  config: Config,
  result: GateResult,
  logger: Logger
): Promise<void> {
  const failures: string[] = []
  if (config.commentSummaryInPr !== 'never') {
    await publishComment(api, target, config, result, logger).catch(e =>
      failures.push(describeFailure('the pull request comment', 'pull-requests: write', e, target))
    )
  }
  if (config.checkRun) {
    await publishCheckRun(api, target, config, result, logger).catch(e =>
      failures.push(describeFailure('the go-guard check run', 'checks: write', e, target))
    )
  }
  if (failures.length > 0) {
    logger.warning(
      `go-guard could not write to GitHub: ${failures.join('; ')}. The verdict and the findings are unaffected: the annotations and the job summary hold them.`
    )
  }
}
