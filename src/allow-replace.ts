import picomatch from 'picomatch'

/** One side of an `allow-replace` line: a module path glob and an optional version glob. */
interface SidePattern {
  path: picomatch.Matcher
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
    path: compile(path, line),
    version: version === undefined ? undefined : compile(version, line)
  }
}

function compile(glob: string, line: string): picomatch.Matcher {
  try {
    return picomatch(glob, GLOB_OPTIONS)
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

function sideMatches(side: SidePattern, target: ReplaceTarget): boolean {
  if (!side.path(target.path)) return false
  // A pattern without a version accepts any version (and none); one with a version needs one.
  return side.version === undefined || (target.version !== '' && side.version(target.version))
}

/** The first rule allowing `old => new`, if any. */
export function findAllowingRule(
  rules: AllowReplaceRule[],
  old: ReplaceTarget,
  replacement: ReplaceTarget
): AllowReplaceRule | undefined {
  return rules.find(rule => sideMatches(rule.old, old) && sideMatches(rule.new, replacement))
}
