import picomatch from 'picomatch'

/** One side of an `allow-replace` line: a module path glob and an optional version glob. */
interface SidePattern {
  /** Each `*` and `**` is a capture group, so the two sides' wildcards can be compared. */
  path: RegExp
  version?: picomatch.Matcher
}

export interface AllowReplaceRule {
  /** The line as the user wrote it, for messages. */
  text: string
  old: SidePattern
  new: SidePattern
}

export interface ReplaceTarget {
  path: string
  version: string
}

// `*` stays within a path element and `**` crosses elements: exactly picomatch's path semantics.
const GLOB_OPTIONS: picomatch.PicomatchOptions = { strictBrackets: true, dot: true, nonegate: true }

function compileSide(text: string, line: string): SidePattern {
  const fields = text.trim().split(/\s+/).filter(Boolean)
  if (fields.length === 0 || fields.length > 2) {
    throw new Error(`"${line}": each side is a module path glob with an optional version`)
  }
  const [path, version] = fields
  return {
    path: compile(path, line, compileModulePathGlob),
    version: version === undefined ? undefined : compile(version, line, glob => picomatch(glob, GLOB_OPTIONS))
  }
}

/**
 * A module path glob as `allow-replace` and `deny-modules` read it: `*` within a path element,
 * `**` across; each wildcard is a capture group. Throws on a malformed glob.
 */
export function compileModulePathGlob(glob: string): RegExp {
  return picomatch.makeRe(glob, { ...GLOB_OPTIONS, capture: true })
}

function compile<T>(glob: string, line: string, make: (glob: string) => T): T {
  try {
    return make(glob)
  } catch (error) {
    throw new Error(`"${line}": bad glob "${glob}": ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** Parses `allow-replace` lines of the form `old [version] => new [version]`; throws on a bad line. */
export function parseAllowReplace(text: string): AllowReplaceRule[] {
  const rules: AllowReplaceRule[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const parts = line.split('=>')
    if (parts.length !== 2) throw new Error(`"${line}": expected "old => new"`)
    rules.push({ text: line, old: compileSide(parts[0], line), new: compileSide(parts[1], line) })
  }
  return rules
}

/** The wildcards' matches when the side matches, else undefined. */
function sideMatch(side: SidePattern, target: ReplaceTarget): string[] | undefined {
  const m = side.path.exec(target.path)
  if (m === null) return undefined
  // A pattern without a version accepts any version (and none); one with a version needs one.
  if (side.version !== undefined && (target.version === '' || !side.version(target.version))) return undefined
  return m.slice(1)
}

/**
 * Whether `rule` allows `old => new`. Where both sides have the same number of wildcards, each
 * must stand for the same text: `github.com/old/* => github.com/ourfork/*` allows a fork of the
 * same name, not any repository of the fork's owner.
 */
function allows(rule: AllowReplaceRule, old: ReplaceTarget, replacement: ReplaceTarget): boolean {
  const a = sideMatch(rule.old, old)
  const b = sideMatch(rule.new, replacement)
  if (a === undefined || b === undefined) return false
  return a.length !== b.length || a.every((text, i) => text === b[i])
}

/** The first rule allowing `old => new`, if any. */
export function findAllowingRule(
  rules: AllowReplaceRule[],
  old: ReplaceTarget,
  replacement: ReplaceTarget
): AllowReplaceRule | undefined {
  return rules.find(rule => allows(rule, old, replacement))
}
