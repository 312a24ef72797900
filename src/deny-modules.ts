/**
 * `deny-modules`: modules that must not be built, one `path-glob[@constraint] [# reason]` a line.
 * The path glob reads as in `allow-replace`; the constraint compares versions in Go's module
 * order (golang.org/x/mod/semver.Compare: pseudo-versions are prereleases of the next patch,
 * `+incompatible` is build metadata and takes no part in the order).
 */
import { compileModulePathGlob } from './allow-replace.js'
import * as semver from './go/semver.js'

/** One comparison of a constraint: `<v1.2.3`, `>=v2.0.0`, `v1.4.*` (a major or minor prefix). */
type Comparison =
  { op: '<' | '<=' | '>' | '>=' | '='; version: string } | { op: 'prefix'; major: number; minor?: number }

export interface DenyRule {
  /** The line as the user wrote it, without the reason. */
  pattern: string
  /** 1-based line of the input, for messages. */
  line: number
  reason: string
  path: RegExp
  /** Every comparison must hold; none means every version. */
  constraint: Comparison[]
}

/** Why a `deny-modules` line is malformed; config.ts turns it into a ConfigError naming the line. */
export class DenyPatternError extends Error {}

export const DENY_SYNTAX =
  '"path-glob[@constraint] [# reason]" a line, where * matches within a path element and ** across, and the constraint is one or more of <v, <=v, >v, >=v, =v, v (exact), vN.* or vN.M.*, separated by commas'

function parseComparison(text: string): Comparison | undefined {
  const prefix = /^v(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*))?\.\*$/.exec(text)
  if (prefix)
    return { op: 'prefix', major: Number(prefix[1]), minor: prefix[2] === undefined ? undefined : Number(prefix[2]) }
  const m = /^(<=|>=|<|>|=)?(v\S+)$/.exec(text)
  if (!m || !semver.isValid(m[2])) return undefined
  return { op: (m[1] ?? '=') as '=', version: m[2] }
}

/** Parses the input; throws DenyPatternError naming the first malformed line. */
export function parseDenyModules(text: string): DenyRule[] {
  const rules: DenyRule[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const hash = raw.indexOf('#')
    const body = (hash < 0 ? raw : raw.slice(0, hash)).trim()
    const reason = hash < 0 ? '' : raw.slice(hash + 1).trim()
    if (body === '') return
    const fail = (why: string): never => {
      throw new DenyPatternError(`line ${i + 1} "${raw.trim()}": ${why}`)
    }
    const at = body.indexOf('@')
    const glob = (at < 0 ? body : body.slice(0, at)).trim()
    if (glob === '' || /\s/.test(glob)) fail('expected one module path glob before the optional @constraint')
    let path: RegExp
    try {
      path = compileModulePathGlob(glob)
    } catch (error) {
      return fail(`bad glob "${glob}": ${error instanceof Error ? error.message : String(error)}`)
    }
    const constraint = (at < 0 ? [] : body.slice(at + 1).split(',')).map(part => {
      const c = parseComparison(part.trim())
      return c ?? fail(`bad version constraint "${part.trim()}"`)
    })
    rules.push({ pattern: body, line: i + 1, reason, path, constraint })
  })
  return rules
}

function holds(c: Comparison, version: string): boolean {
  if (c.op === 'prefix') {
    const [major, minor] = semver.canonical(version).slice(1).split(/[.-]/).map(Number)
    return major === c.major && (c.minor === undefined || minor === c.minor)
  }
  const order = semver.compare(version, c.version)
  return { '<': order < 0, '<=': order <= 0, '>': order > 0, '>=': order >= 0, '=': order === 0 }[c.op]
}

/**
 * The first rule denying module@version. A constraint needs a valid version: a module without
 * one (a local directory replacement) is matched only by a rule without a constraint.
 */
export function findDenyingRule(rules: DenyRule[], path: string, version: string): DenyRule | undefined {
  return rules.find(
    r =>
      r.path.test(path) &&
      (r.constraint.length === 0 || (semver.isValid(version) && r.constraint.every(c => holds(c, version))))
  )
}
