import * as semver from './semver.js'

/**
 * module.CanonicalVersion of golang.org/x/mod: semver.Canonical, keeping `+incompatible`,
 * the one build suffix with meaning in Go. '' when invalid.
 */
export function canonicalVersion(v: string): string {
  const cv = semver.canonical(v)
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
