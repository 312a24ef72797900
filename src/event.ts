/** The base commit the workflow event names: the pull request's base, else a push's `before`. */
import * as fs from 'node:fs'

const ZERO_SHA = /^0+$/

export function baseFromEvent(eventPath: string | undefined): string | undefined {
  if (!eventPath || !fs.existsSync(eventPath)) return undefined
  const event = JSON.parse(fs.readFileSync(eventPath, 'utf8')) as {
    pull_request?: { base?: { sha?: string } }
    before?: string
  }
  const prBase = event.pull_request?.base?.sha
  if (prBase) return prBase
  // A push that creates a branch has an all-zero `before`: there is nothing to diff against.
  if (event.before && !ZERO_SHA.test(event.before)) return event.before
  return undefined
}

/** The pull request the event is about (pull_request and pull_request_target events), if any. */
export function pullRequestFromEvent(
  eventPath: string | undefined
): { number: number; headSha?: string; fromFork: boolean } | undefined {
  if (!eventPath || !fs.existsSync(eventPath)) return undefined
  const event = JSON.parse(fs.readFileSync(eventPath, 'utf8')) as {
    pull_request?: {
      number?: unknown
      head?: { sha?: unknown; repo?: { full_name?: unknown } | null }
      base?: { repo?: { full_name?: unknown } | null }
    }
  }
  const pr = event.pull_request
  if (typeof pr?.number !== 'number' || !Number.isSafeInteger(pr.number)) return undefined
  const head = pr.head?.repo?.full_name
  const base = pr.base?.repo?.full_name
  return {
    number: pr.number,
    headSha: typeof pr.head?.sha === 'string' ? pr.head.sha : undefined,
    // A deleted fork leaves head.repo null: still not the base repository.
    fromFork: base !== undefined && head !== base
  }
}
