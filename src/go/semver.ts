/**
 * Go module semantic versions, as golang.org/x/mod/semver defines them (the `v` prefix, the
 * shorthands v1 and v1.2, and build metadata that takes no part in ordering).
 */

interface Parsed {
  major: string
  minor: string
  patch: string
  /** The shorthands v1 and v1.2 are valid but carry no prerelease or build. */
  short: boolean
  prerelease: string
  build: string
}

const NUM = '(0|[1-9][0-9]*)'
const IDENT = '[0-9A-Za-z-]+'
const FULL = new RegExp(
  `^v${NUM}(?:\\.${NUM}(?:\\.${NUM}(-${IDENT}(?:\\.${IDENT})*)?(\\+${IDENT}(?:\\.${IDENT})*)?)?)?$`
)

function parse(v: string): Parsed | undefined {
  const m = FULL.exec(v)
  if (!m) return undefined
  const [, major, minor, patch, prerelease = '', build = ''] = m
  // Numeric prerelease identifiers may not have leading zeros.
  if (
    prerelease &&
    prerelease
      .slice(1)
      .split('.')
      .some(id => /^0[0-9]+$/.test(id))
  )
    return undefined
  return { major, minor: minor ?? '0', patch: patch ?? '0', short: patch === undefined, prerelease, build }
}

export function isValid(v: string): boolean {
  return parse(v) !== undefined
}

/** `v1.2` -> `v1.2.0`; build metadata dropped; '' when invalid. */
export function canonical(v: string): string {
  const p = parse(v)
  if (!p) return ''
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
