import picomatch from 'picomatch'
import * as semver from './semver.js'

/**
 * module.CanonicalVersion of golang.org/x/mod: semver.Canonical, keeping `+incompatible`,
 * the one build suffix with meaning in Go. '' when invalid.
 */
export function canonicalVersion(v: string): string {
  const cv = semver.canonical(v)
  // A version that is its own canonical form has no build suffix to keep.
  if (cv === v) return cv
  return cv !== '' && semver.build(v) === '+incompatible' ? `${cv}+incompatible` : cv
}

/**
 * The case-encoding the module cache and proxy protocol use: each upper-case letter becomes
 * `!` and its lower-case form (golang.org/x/mod/module.EscapePath).
 */
export function escapeModulePath(modulePath: string): string {
  return modulePath.replace(/[A-Z]/g, c => `!${c.toLowerCase()}`)
}

/** modfile.IsDirectoryPath: every path syntax that means a local directory, Unix and Windows. */
export function isDirectoryPath(p: string): boolean {
  return (
    p === '.' ||
    p === '..' ||
    p.startsWith('./') ||
    p.startsWith('.\\') ||
    p.startsWith('../') ||
    p.startsWith('..\\') ||
    p.startsWith('/') ||
    p.startsWith('\\') ||
    /^[A-Za-z]:/.test(p)
  )
}

/**
 * module.SplitPathVersion: `example.com/x/v2` -> [`example.com/x`, `/v2`]; gopkg.in paths end in
 * `.vN`. `ok` is false for a path whose version suffix is malformed (`/v1`, `/v0`, `/v2.0`).
 */
export function splitPathVersion(modulePath: string): { prefix: string; pathMajor: string; ok: boolean } {
  if (modulePath.startsWith('gopkg.in/')) {
    const m = /^(.+)(\.v[0-9]+)(-unstable)?$/.exec(modulePath)
    if (m === null || (m[2][2] === '0' && m[2] !== '.v0')) return { prefix: modulePath, pathMajor: '', ok: false }
    return { prefix: m[1], pathMajor: m[2] + (m[3] ?? ''), ok: true }
  }
  // Most paths have no `/v` at all: no match to try.
  const m = modulePath.includes('/v') ? /^(.+)\/v([0-9.]+)$/.exec(modulePath) : null
  if (m === null || m[1] === '') return { prefix: modulePath, pathMajor: '', ok: true }
  const pathMajor = `/v${m[2]}`
  if (m[2].includes('.') || m[2][0] === '0' || pathMajor === '/v1')
    return { prefix: modulePath, pathMajor: '', ok: false }
  return { prefix: m[1], pathMajor, ok: true }
}

/** module.CheckPathMajor: the error text when version `v` cannot belong to a path with `pathMajor`, else ''. */
export function checkPathMajor(v: string, pathMajor: string): string {
  const major = pathMajor.startsWith('.v') ? pathMajor.replace(/-unstable$/, '') : pathMajor
  // An old pseudo-version bug for gopkg.in .v1 paths is allowed.
  if (v.startsWith('v0.0.0-') && major === '.v1') return ''
  const m = semver.major(v)
  if (major === '') {
    return m === 'v0' || m === 'v1' || semver.build(v) === '+incompatible' ? '' : `should be v0 or v1, not ${m}`
  }
  return m === major.slice(1) ? '' : `should be ${major.slice(1)}, not ${m}`
}

// module.IsPseudoVersion (golang.org/x/mod/module/pseudo.go): vX.0.0-yyyymmddhhmmss-abcdef,
// vX.Y.Z-pre.0.yyyymmddhhmmss-abcdef, vX.Y.(Z+1)-0.yyyymmddhhmmss-abcdef.
const PSEUDO_VERSION =
  /^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/

export function isPseudoVersion(v: string): boolean {
  const dash = v.indexOf('-')
  return dash !== -1 && dash !== v.lastIndexOf('-') && semver.isValid(v) && PSEUDO_VERSION.test(v)
}

/**
 * The major version a module@version stands for: the path's /vN or .vN suffix, else the
 * version's own major (v0/v1, or vN for +incompatible versions).
 */
export function effectiveMajor(modulePath: string, version: string): number {
  const { pathMajor } = splitPathVersion(modulePath)
  const fromPath = /\d+/.exec(pathMajor)?.[0]
  // v0 and v1 share a path: moving between them is not a new major version.
  return Math.max(1, Number(fromPath ?? (semver.major(version).slice(1) || 0)))
}

/** The module family: the path without its major-version suffix. */
export function modulePathFamily(modulePath: string): string {
  return splitPathVersion(modulePath).prefix
}

/**
 * module.MatchPrefixPatterns: whether any comma-separated glob (GONOSUMDB, GOPRIVATE syntax)
 * matches a prefix of `target` with the same number of path elements, in path.Match syntax.
 */
export function matchPrefixPatterns(globs: string, target: string): boolean {
  for (const raw of globs.split(',')) {
    const glob = raw.trim().replace(/\/+$/, '')
    if (glob === '') continue
    const n = glob.split('/').length
    const elements = target.split('/')
    if (elements.length < n) continue
    if (
      picomatch.isMatch(elements.slice(0, n).join('/'), glob, {
        dot: true,
        nonegate: true,
        noextglob: true,
        nobrace: true
      })
    )
      return true
  }
  return false
}

const BAD_WINDOWS_NAMES = new Set([
  'CON',
  'PRN',
  'AUX',
  'NUL',
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap(n => [`COM${n}`, `LPT${n}`])
])

/** A character as Go's %q prints a rune: 'x', '\n'. */
const quoteRune = (c: string): string => `'${JSON.stringify(c).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`

/** module.checkElem for a module path element: the reason it is refused, or ''. */
function checkModulePathElement(elem: string): string {
  if (elem === '') return 'empty path element'
  if (/^\.+$/.test(elem)) return `invalid path element ${JSON.stringify(elem)}`
  if (elem.startsWith('.')) return 'leading dot in path element'
  if (elem.endsWith('.')) return 'trailing dot in path element'
  // modPathOK: ASCII letters, digits and - . _ ~ only.
  const bad = /[^-._~0-9A-Za-z]/u.exec(elem)
  if (bad !== null) return `invalid char ${quoteRune(bad[0])}`
  const short = elem.split('.')[0]
  if (BAD_WINDOWS_NAMES.has(short.toUpperCase())) return `"${short}" disallowed as path element component on Windows`
  if (/~[0-9]+$/.test(short)) return 'trailing tilde and digits in path element'
  return ''
}

/**
 * module.CheckPath of golang.org/x/mod (module/module.go, as vendored in cmd/go): why `modulePath`
 * is not a module path go accepts, or '' when it is. A path that passes cannot start with `-`, so
 * it cannot be read as an option.
 */
export function checkModulePath(modulePath: string): string {
  if (modulePath === '') return 'empty string'
  if (modulePath.startsWith('-')) return 'leading dash'
  if (modulePath.includes('//')) return 'double slash'
  if (modulePath.endsWith('/')) return 'trailing slash'
  for (const elem of modulePath.split('/')) {
    const why = checkModulePathElement(elem)
    if (why !== '') return why
  }
  const first = modulePath.split('/')[0]
  if (!first.includes('.')) return 'missing dot in first path element'
  const bad = /[^-.0-9a-z]/.exec(first)
  if (bad !== null) return `invalid char ${quoteRune(bad[0])} in first path element`
  if (!splitPathVersion(modulePath).ok) return 'invalid version'
  return ''
}

/**
 * Why `modulePath@version` cannot name a module version go would put on its command line from
 * a go.sum line, or '': the path passes module.CheckPath and the version is canonical semver
 * (module.CanonicalVersion(v) == v, as every go.sum line go writes has it).
 */
export function checkModuleVersion(modulePath: string, version: string): string {
  const pathError = checkModulePath(modulePath)
  if (pathError !== '') return `malformed module path ${JSON.stringify(modulePath)}: ${pathError}`
  if (canonicalVersion(version) !== version) return `${JSON.stringify(version)} is not a canonical semantic version`
  return ''
}
