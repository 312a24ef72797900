/**
 * go.sum and go.work.sum parsing that keeps line numbers, following cmd/go/internal/modfetch
 * readGoSum: lines end at '\n', fields are split by strings.Fields, a line that is not blank
 * and not exactly three fields makes go refuse the whole file ("malformed go.sum ... wrong
 * number of fields"), and a line carrying emptyGoModHash (an old bug's output) is dropped.
 */

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
  malformed: { line: number; text: string; fields: number }[]
}

/**
 * The white space strings.Fields splits on: unicode.IsSpace, that is '\t', '\n', '\v', '\f',
 * '\r', ' ', U+0085, U+00A0 and the rest of Unicode's White_Space property (U+1680,
 * U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000). JavaScript's \s differs: it lacks
 * U+0085 and adds U+FEFF, so it would see other fields than go does.
 */
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/

/** strings.Fields(s). */
export function goFields(s: string): string[] {
  return s.split(GO_SPACE).filter(f => f !== '')
}

// modfetch.emptyGoModHash: the hash of an empty go.mod, which readGoSum drops.
const EMPTY_GO_MOD_HASH = 'h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY='

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
    const fields = goFields(raw)
    if (fields.length === 0) continue
    if (fields.length !== 3) {
      malformed.push({ line: lineNo, text: raw, fields: fields.length })
      continue
    }
    const [path, rawVersion, hash] = fields
    if (hash === EMPTY_GO_MOD_HASH) continue
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
