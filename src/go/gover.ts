/**
 * Go toolchain version order (cmd/go/internal/gover): 1.21 < 1.21rc1 < 1.21.0 < 1.21.1. A
 * language version ("1.21") sorts before its release candidates and releases.
 */
interface GoVersion {
  major: string
  minor: string
  patch: string
  kind: string
  pre: string
}

function parse(x: string): GoVersion | undefined {
  const m = /^(\d+)(?:\.(\d+)(?:\.(\d+)|(alpha|beta|rc)(\d+))?)?$/.exec(x)
  if (m === null) return undefined
  return { major: m[1], minor: m[2] ?? '', patch: m[3] ?? '', kind: m[4] ?? '', pre: m[5] ?? '' }
}

/** gover.cmpInt: decimal strings compared by value; '' sorts before any number. */
function cmpInt(x: string, y: string): number {
  if (x === y) return 0
  if (x.length !== y.length) return x.length < y.length ? -1 : 1
  return x < y ? -1 : 1
}

const KINDS = ['', 'alpha', 'beta', 'rc']

/** Sign of x - y for Go versions without the "go" prefix; invalid versions sort first. */
export function compareGoVersions(x: string, y: string): number {
  const a = parse(x)
  const b = parse(y)
  if (!a || !b) return a ? 1 : b ? -1 : 0
  return (
    cmpInt(a.major, b.major) ||
    cmpInt(a.minor, b.minor) ||
    cmpInt(a.patch, b.patch) ||
    Math.sign(KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind)) ||
    cmpInt(a.pre, b.pre)
  )
}

/** "go1.21.0" (GOVERSION, toolchain lines) -> "1.21.0"; undefined for anything else ("default", "devel ..."). */
export function fromToolchainName(name: string): string | undefined {
  const m = /^go(\d[^\s+-]*)/.exec(name)
  return m && parse(m[1]) ? m[1] : undefined
}
