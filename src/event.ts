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
