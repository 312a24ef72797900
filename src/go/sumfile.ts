/** go.sum parsing that keeps line numbers, following cmd/go/internal/modfetch readGoSum. */

export interface SumLine {
  path: string
  /** The module version, without the `/go.mod` suffix. */
  version: string
  /** True for the `/go.mod` line: the hash of the module's go.mod file alone. */
  goMod: boolean
  hash: string
  line: number
}

export interface SumFile {
  lines: SumLine[]
  /** Lines that are neither blank nor `path version hash` (readGoSum rejects them). */
  malformed: { line: number; text: string }[]
}

/** A go.sum key: `path version` or `path version/go.mod`, as go.sum writes it. */
export function sumKey(l: Pick<SumLine, 'path' | 'version' | 'goMod'>): string {
  return `${l.path} ${l.version}${l.goMod ? '/go.mod' : ''}`
}

export function parseSumFile(text: string): SumFile {
  const lines: SumLine[] = []
  const malformed: SumFile['malformed'] = []
  let lineNo = 0
  let start = 0
  // A manual scan: go.sum files of half a megabyte are common and split() doubles the garbage.
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    lineNo++
    const raw = text.slice(start, end)
    start = end + 1
    const fields = raw.trim().split(/\s+/)
    if (fields.length === 1 && fields[0] === '') continue
    // modfetch.readGoSum rejects any line that is not exactly three fields.
    if (fields.length !== 3) {
      malformed.push({ line: lineNo, text: raw })
      continue
    }
    const [path, rawVersion, hash] = fields
    const goMod = rawVersion.endsWith('/go.mod')
    lines.push({
      path,
      version: goMod ? rawVersion.slice(0, -'/go.mod'.length) : rawVersion,
      goMod,
      hash,
      line: lineNo
    })
  }
  return { lines, malformed }
}

/**
 * Lines grouped by sumKey. The go command keeps every hash listed for a key and accepts a
 * download matching any of them (modfetch.checkModSum), so a key can carry several lines.
 */
export function indexSum(sum: SumFile): Map<string, SumLine[]> {
  const index = new Map<string, SumLine[]>()
  for (const l of sum.lines) {
    const key = sumKey(l)
    const group = index.get(key)
    if (group) group.push(l)
    else index.set(key, [l])
  }
  return index
}
