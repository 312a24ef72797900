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
  const m = /^(.+)\/v([0-9.]+)$/.exec(modulePath)
  if (m === null || m[1] === '') return { prefix: modulePath, pathMajor: '', ok: true }
  const pathMajor = `/v${m[2]}`
  if (m[2].includes('.') || m[2][0] === '0' || pathMajor === '/v1') return { prefix: modulePath, pathMajor: '', ok: false }
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
