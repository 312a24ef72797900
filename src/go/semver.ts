/**
 * Go module semantic versions, as golang.org/x/mod/semver defines them (the `v` prefix, the
 * shorthands v1 and v1.2, and build metadata that takes no part in ordering).
 */

interface Parsed {
  readonly major: string
  readonly minor: string
  readonly patch: string
  /** The shorthands v1 and v1.2 are valid but carry no prerelease or build. */
  readonly short: boolean
  readonly prerelease: string
  readonly build: string
}

/** Digits of v from `from`: the end offset, or -1 where there are none or a leading zero. */
function digitsEnd(v: string, from: number): number {
  let i = from
  while (i < v.length && v.charCodeAt(i) >= 0x30 && v.charCodeAt(i) <= 0x39) i++
  if (i === from || (v.charCodeAt(from) === 0x30 && i !== from + 1)) return -1
  return i
}

/** [0-9A-Za-z-] */
function isIdentChar(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d
}

/** A numeric identifier with a leading zero, which a prerelease may not hold. */
function isBadNum(v: string, from: number, to: number): boolean {
  if (to - from < 2 || v.charCodeAt(from) !== 0x30) return false
  for (let i = from; i < to; i++) if (v.charCodeAt(i) < 0x30 || v.charCodeAt(i) > 0x39) return false
  return true
}

/**
 * The dot-separated, non-empty identifiers of a prerelease (`-...`, up to a '+') or a build
 * (`+...`, to the end) starting at v[from]: the end offset, or -1.
 */
function parseIdents(v: string, from: number, prerelease: boolean): number {
  let start = from + 1
  let i = start
  for (; i < v.length; i++) {
    const c = v.charCodeAt(i)
    if (prerelease && c === 0x2b) break
    if (c === 0x2e) {
      if (start === i || (prerelease && isBadNum(v, start, i))) return -1
      start = i + 1
    } else if (!isIdentChar(c)) {
      return -1
    }
  }
  if (start === i || (prerelease && isBadNum(v, start, i))) return -1
  return i
}

// The last version parsed and its result: callers ask several things of one version in a row
// (a go.mod requirement is made canonical, then its major and build are checked).
let lastVersion = ''
let lastParsed: Parsed | undefined

function parse(v: string): Parsed | undefined {
  if (v !== lastVersion) {
    lastParsed = parseNew(v)
    lastVersion = v
  }
  return lastParsed
}

/** golang.org/x/mod/semver parse, scanning as it does (a regular expression cost more). */
function parseNew(v: string): Parsed | undefined {
  if (v.charCodeAt(0) !== 0x76) return undefined
  const majorEnd = digitsEnd(v, 1)
  if (majorEnd < 0) return undefined
  const major = v.slice(1, majorEnd)
  if (majorEnd === v.length) return { major, minor: '0', patch: '0', short: true, prerelease: '', build: '' }
  if (v.charCodeAt(majorEnd) !== 0x2e) return undefined
  const minorEnd = digitsEnd(v, majorEnd + 1)
  if (minorEnd < 0) return undefined
  const minor = v.slice(majorEnd + 1, minorEnd)
  if (minorEnd === v.length) return { major, minor, patch: '0', short: true, prerelease: '', build: '' }
  if (v.charCodeAt(minorEnd) !== 0x2e) return undefined
  const patchEnd = digitsEnd(v, minorEnd + 1)
  if (patchEnd < 0) return undefined
  let end = patchEnd
  if (v.charCodeAt(end) === 0x2d) end = parseIdents(v, end, true)
  if (end < 0) return undefined
  const prereleaseEnd = end
  if (v.charCodeAt(end) === 0x2b) end = parseIdents(v, end, false)
  if (end !== v.length) return undefined
  return {
    major,
    minor,
    patch: v.slice(minorEnd + 1, patchEnd),
    short: false,
    prerelease: v.slice(patchEnd, prereleaseEnd),
    build: v.slice(prereleaseEnd)
  }
}

export function isValid(v: string): boolean {
  return parse(v) !== undefined
}

/** `v1.2` -> `v1.2.0`; build metadata dropped; '' when invalid. */
export function canonical(v: string): string {
  const p = parse(v)
  if (!p) return ''
  if (!p.short && p.build === '') return v
  return `v${p.major}.${p.minor}.${p.patch}${p.prerelease}`
}

export function major(v: string): string {
  const p = parse(v)
  return p ? `v${p.major}` : ''
}

export function prerelease(v: string): string {
  return parse(v)?.prerelease ?? ''
}

export function build(v: string): string {
  return parse(v)?.build ?? ''
}

function compareNumbers(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0
}

function comparePrerelease(a: string, b: string): number {
  if (a === b) return 0
  if (a === '') return 1
  if (b === '') return -1
  const as = a.slice(1).split('.')
  const bs = b.slice(1).split('.')
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i]
    const y = bs[i]
    if (x === y) continue
    const xNum = /^[0-9]+$/.test(x)
    const yNum = /^[0-9]+$/.test(y)
    if (xNum && yNum) return compareNumbers(x, y)
    if (xNum) return -1
    if (yNum) return 1
    return x < y ? -1 : 1
  }
  return as.length - bs.length
}

/** Sign of v - w; an invalid version is below every valid one and equal to other invalid ones. */
export function compare(v: string, w: string): number {
  if (v === w) return 0
  const pv = parse(v)
  const pw = parse(w)
  if (!pv || !pw) return pv ? 1 : pw ? -1 : 0
  const sign = (n: number): number => Math.sign(n)
  return sign(
    compareNumbers(pv.major, pw.major) ||
      compareNumbers(pv.minor, pw.minor) ||
      compareNumbers(pv.patch, pw.patch) ||
      comparePrerelease(pv.prerelease, pw.prerelease)
  )
}
