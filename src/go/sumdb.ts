/**
 * Re-checks go.sum lines against the checksum database the Go environment names, letting the go
 * command do the cryptography: outside any module, with no go.sum, `go mod download -json
 * path@version` must consult GOSUMDB for every module it is not told to skip
 * (cmd/go/internal/modfetch/fetch.go checkModSum -> checkSumDB, which verifies the signed tree
 * head and the inclusion proof), and reports the verified hashes as Sum and GoModSum.
 */
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { type DownloadedModule, type GoCommand, GoCommandError, goErrorText, parseJSONStream } from './command.js'
import { checkModuleVersion, matchPrefixPatterns } from './module.js'

export interface DatabaseAnswer {
  /** What the database vouches for, when it answered (go.mod's hash even where the zip then failed). */
  sum?: string
  goModSum?: string
  /** Why the hashes could not be vouched for. */
  problem?: string
  /** The go command met content that disagrees with the database. */
  mismatch?: boolean
  /** Not a module path@version go accepts: never put on go's command line, so never asked. */
  malformed?: boolean
  /** The module proxy could not serve the version (its .info, .mod or .zip): go never asked the database. */
  unfetched?: boolean
}

/**
 * Whether go's error for `moduleVersion` is the checksum database's: checkSumDB words every
 * failure, unreachable, unknown or mismatched, `path@version: verifying module: ...` or
 * `verifying go.mod: ...` (cmd/go/internal/modfetch/fetch.go). Any other error came before go
 * had bits to ask about: the proxy could not serve them (cmd/go/internal/modcmd/download.go
 * DownloadModule fetches .info, then .mod, then .zip, each checked as it arrives).
 */
function fromDatabase(moduleVersion: string, error: string): boolean {
  return error.startsWith(`${moduleVersion}: verifying `)
}

export interface DatabaseCheck {
  /** GOSUMDB as go reports it ('off' when disabled). */
  database: string
  /** Modules GONOSUMDB (or GOPRIVATE) exempts from the database. */
  exempt: Set<string>
  answers: Map<string, DatabaseAnswer>
}

/** One `go mod download -json` for `moduleVersions`; records an answer for each it reports on, or for the one asked alone. */
async function ask(
  go: GoCommand,
  dir: string,
  moduleVersions: string[],
  answers: Map<string, DatabaseAnswer>
): Promise<string> {
  let result
  try {
    // No go.mod here: go has no go.sum to trust, so every hash comes from the database.
    // `--`: go parses flags with the flag package, which stops at it (cmd/go/main.go cmd.Flag.Parse).
    result = await go.run(['mod', 'download', '-json', '--', ...moduleVersions], { cwd: dir })
  } catch (error) {
    if (!(error instanceof GoCommandError && error.timedOut)) throw error
    for (const mv of moduleVersions) answers.set(mv, { problem: error.message })
    return error.message
  }
  for (const d of parseJSONStream<DownloadedModule>(result.stdout)) {
    const key = `${d.Path}@${d.Version}`
    // go sets Sum and GoModSum only once the database vouched for them, so they stand beside an Error.
    const vouched = { sum: d.Sum, goModSum: d.GoModSum }
    if (d.Error) {
      answers.set(key, {
        ...vouched,
        problem: d.Error,
        mismatch: /checksum mismatch|SECURITY ERROR/.test(d.Error),
        unfetched: !fromDatabase(key, d.Error)
      })
    } else answers.set(key, vouched)
  }
  const why = goErrorText(result.stderr) || `go mod download exited with status ${result.code}`
  if (moduleVersions.length === 1 && !answers.has(moduleVersions[0])) {
    answers.set(moduleVersions[0], { problem: why, mismatch: /checksum mismatch|SECURITY ERROR/.test(why) })
  }
  return why
}

/**
 * Asks the database about each module version (deduplicated), in one go invocation where it can.
 * Repository text reaches go's command line here, so each path and version is first checked with
 * go's own rules (checkModuleVersion); one that fails is answered `malformed` and never asked.
 */
export async function checkWithDatabase(
  go: GoCommand,
  moduleVersions: { path: string; version: string }[]
): Promise<DatabaseCheck> {
  const env = await go.env()
  const answers = new Map<string, DatabaseAnswer>()
  const valid: string[] = []
  for (const { path: modulePath, version } of moduleVersions) {
    const why = checkModuleVersion(modulePath, version)
    if (why === '') valid.push(`${modulePath}@${version}`)
    else answers.set(`${modulePath}@${version}`, { problem: why, malformed: true })
  }
  const unique = [...new Set(valid)].sort()
  const exempt = new Set(unique.filter(mv => matchPrefixPatterns(env.GONOSUMDB, mv.slice(0, mv.lastIndexOf('@')))))
  const asked = unique.filter(mv => !exempt.has(mv))
  if (env.GOSUMDB === 'off' || asked.length === 0) return { database: env.GOSUMDB, exempt, answers }

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'go-guard-sumdb-'))
  try {
    const why = await ask(go, dir, asked, answers)
    // go stops at the first fatal error and says nothing of the rest. After a mismatch, ask
    // again one by one so each line gets its own verdict; an unreachable database would only
    // fail again, so the rest share its answer.
    const unanswered = asked.filter(mv => !answers.has(mv))
    const mismatch = /checksum mismatch|SECURITY ERROR/.test(why)
    for (const mv of unanswered) {
      if (mismatch) await ask(go, dir, [mv], answers)
      else answers.set(mv, { problem: why })
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
  return { database: env.GOSUMDB, exempt, answers }
}
