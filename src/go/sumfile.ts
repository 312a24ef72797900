/**
 * go.sum and go.work.sum parsing that keeps line numbers, following cmd/go/internal/modfetch
 * readGoSum: lines end at '\n', fields are split by strings.Fields, a line that is not blank
 * and not exactly three fields makes go refuse the whole file ("malformed go.sum ... wrong
 * number of fields"), and a line carrying emptyGoModHash (an old bug's output) is dropped.
 */
import * as semver from './semver.js'

export interface SumLine {
  /** sumKey of the line: `path version` or `path version/go.mod`. */
  key: string
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
 * unicode.IsSpace, the white space strings.Fields splits on: '\t', '\n', '\v', '\f', '\r', ' ',
 * U+0085, U+00A0 and the rest of Unicode's White_Space property (U+1680, U+2000-U+200A, U+2028,
 * U+2029, U+202F, U+205F, U+3000). All are in the BMP, so a UTF-16 code unit decides (a surrogate
 * is never one). JavaScript's \s differs: it lacks U+0085 and adds U+FEFF.
 */
function isGoSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d)
  if (c < 0x85) return false
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  )
}

/** The white space of isGoSpace other than ' ' and '\n': what a go.sum line rarely holds. */
const RARE_SPACE = /[\t\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g

/** Field `count` is [from, to): kept in `bounds` while there is room. Returns the new count. */
function record(bounds: Int32Array, count: number, from: number, to: number): number {
  if (2 * count < bounds.length) {
    bounds[2 * count] = from
    bounds[2 * count + 1] = to
  }
  return count + 1
}

/**
 * strings.Fields of text[start, end), one code unit at a time: the number of fields, the first
 * bounds.length / 2 of them as [from, to) offsets in `bounds`.
 */
function exactFields(text: string, start: number, end: number, bounds: Int32Array): number {
  let count = 0
  let from = -1
  for (let i = start; i < end; i++) {
    if (isGoSpace(text.charCodeAt(i))) {
      if (from >= 0) count = record(bounds, count, from, i)
      from = -1
    } else if (from < 0) {
      from = i
    }
  }
  return from >= 0 ? record(bounds, count, from, end) : count
}

/** strings.Fields(s). */
export function goFields(s: string): string[] {
  // A field and the space after it take two code units at least.
  const bounds = new Int32Array(s.length + 1)
  const n = exactFields(s, 0, s.length, bounds)
  return Array.from({ length: n }, (_, i) => s.slice(bounds[2 * i], bounds[2 * i + 1]))
}

/**
 * strings.Fields of a text's lines, taken in order. A line whose only white space is ' ' (and a
 * CRLF ending's '\r') is split with indexOf, which is several times faster than exactFields on
 * the lines go writes; any other line goes through exactFields. Both look-aheads (the next rare
 * space, the next ' ') only move forward, so a whole file costs one pass whatever its lines.
 */
class LineFields {
  private rare = -1
  private space = -1

  constructor(private readonly text: string) {}

  /** Like exactFields for the line text[start, end), which must follow the previous one. */
  split(start: number, end: number, bounds: Int32Array): number {
    if (this.rare < start) {
      RARE_SPACE.lastIndex = start
      this.rare = RARE_SPACE.exec(this.text)?.index ?? this.text.length
    }
    let stop = end
    if (this.rare < end) {
      if (this.rare !== end - 1 || this.text.charCodeAt(this.rare) !== 0x0d) {
        return exactFields(this.text, start, end, bounds)
      }
      stop = end - 1
    }
    let count = 0
    let pos = start
    while (pos < stop) {
      if (this.text.charCodeAt(pos) === 0x20) {
        pos++
        continue
      }
      if (this.space < pos) {
        this.space = this.text.indexOf(' ', pos)
        if (this.space === -1) this.space = this.text.length
      }
      const to = Math.min(this.space, stop)
      count = record(bounds, count, pos, to)
      pos = to + 1
    }
    return count
  }
}

// modfetch.emptyGoModHash: the hash of an empty go.mod, which readGoSum drops.
const EMPTY_GO_MOD_HASH = 'h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY='

const GO_MOD_SUFFIX = '/go.mod'

/** A go.sum key: `path version` or `path version/go.mod`, as go.sum writes it. */
export function sumKey(l: Pick<SumLine, 'path' | 'version' | 'goMod'>): string {
  return `${l.path} ${l.version}${l.goMod ? GO_MOD_SUFFIX : ''}`
}

/** `known` where text[from, to) reads the same. */
function sameText(text: string, from: number, to: number, known: string | undefined): string | undefined {
  return known !== undefined && known.length === to - from && text.startsWith(known, from) ? known : undefined
}

/**
 * A line go keeps, as offsets into the file's text: [pathFrom, pathTo), the version without
 * `/go.mod` [versionFrom, versionTo), the second field whole ending at `keyTo`, [hashFrom,
 * hashTo). One object is reused from line to line: a reader takes the strings it needs.
 */
interface SumLineAt {
  line: number
  pathFrom: number
  pathTo: number
  versionFrom: number
  versionTo: number
  keyTo: number
  goMod: boolean
  hashFrom: number
  hashTo: number
}

/**
 * The lines go keeps of a go.sum, handed to `visit` in order; the rest to `malformed`. Every
 * reader of a go.sum reads it through this one scan, so they agree on every line.
 */
function scanSumFile(text: string, visit: (at: SumLineAt) => void, malformed: SumFile['malformed']): void {
  const fields = new LineFields(text)
  // The first three fields: a line with more is malformed.
  const bounds = new Int32Array(6)
  const at: SumLineAt = {
    line: 0,
    pathFrom: 0,
    pathTo: 0,
    versionFrom: 0,
    versionTo: 0,
    keyTo: 0,
    goMod: false,
    hashFrom: 0,
    hashTo: 0
  }
  let start = 0
  // A manual scan: go.sum files of half a megabyte are common; only the fields become strings.
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    at.line++
    const count = fields.split(start, end, bounds)
    const lineStart = start
    start = end + 1
    if (count === 0) continue
    if (count !== 3) {
      malformed.push({ line: at.line, text: text.slice(lineStart, end), fields: count })
      continue
    }
    if (bounds[5] - bounds[4] === EMPTY_GO_MOD_HASH.length && text.startsWith(EMPTY_GO_MOD_HASH, bounds[4])) continue
    const keyTo = bounds[3]
    at.goMod = keyTo - bounds[2] >= GO_MOD_SUFFIX.length && text.startsWith(GO_MOD_SUFFIX, keyTo - GO_MOD_SUFFIX.length)
    at.pathFrom = bounds[0]
    at.pathTo = bounds[1]
    at.versionFrom = bounds[2]
    at.versionTo = at.goMod ? keyTo - GO_MOD_SUFFIX.length : keyTo
    at.keyTo = keyTo
    at.hashFrom = bounds[4]
    at.hashTo = bounds[5]
    visit(at)
  }
}

export function parseSumFile(text: string): SumFile {
  const lines: SumLine[] = []
  const malformed: SumFile['malformed'] = []
  let prevPath: string | undefined
  let prevVersion: string | undefined
  scanSumFile(
    text,
    at => {
      // A module's lines come together (go sorts go.sum): they share the strings of path and
      // version, which a Map then hashes once and compares by identity.
      const path = sameText(text, at.pathFrom, at.pathTo, prevPath) ?? text.slice(at.pathFrom, at.pathTo)
      const version =
        sameText(text, at.versionFrom, at.versionTo, prevVersion) ?? text.slice(at.versionFrom, at.versionTo)
      prevPath = path
      prevVersion = version
      const goMod = at.goMod
      // The line holds its own key where one ' ' parts path and version (as go writes it): a
      // slice of the text hashes in a Map without first being copied, as a concatenation is.
      const key =
        at.versionFrom === at.pathTo + 1 && text.charCodeAt(at.pathTo) === 0x20
          ? text.slice(at.pathFrom, at.keyTo)
          : sumKey({ path, version, goMod })
      lines.push({ key, path, version, goMod, hash: text.slice(at.hashFrom, at.hashTo), line: at.line })
    },
    malformed
  )
  return { lines, malformed }
}

/**
 * The go.sum line a finding about `path` (at `version`, where given) goes on: the first whose
 * `/go.mod` suffix is `goMod` where that is given, else the first of the path (and version).
 */
export function sumLineOf(
  sum: SumFile | undefined,
  path: string,
  version?: string,
  goMod?: boolean
): SumLine | undefined {
  const lines = sum?.lines.filter(l => l.path === path && (version === undefined || l.version === version)) ?? []
  return lines.find(l => goMod === undefined || l.goMod === goMod) ?? lines[0]
}

/** One module path's go.sum lines, in file order, and the highest version they hash content for. */
export interface PathSums {
  lines: SumLine[]
  /** Undefined where the path has only `/go.mod` lines. */
  contentVersion: string | undefined
}

/**
 * go.sum lines grouped by module path, in the order paths first appear. go sorts go.sum, so a
 * path's lines come together and share one path string: the previous group is reused without a
 * Map lookup, which leaves one lookup per module rather than one per line.
 */
export function sumsByPath(sum: SumFile): Map<string, PathSums> {
  const paths = new Map<string, PathSums>()
  let lastPath: string | undefined
  let last: PathSums | undefined
  for (const line of sum.lines) {
    let group = line.path === lastPath ? last : paths.get(line.path)
    if (group === undefined) {
      group = { lines: [], contentVersion: undefined }
      paths.set(line.path, group)
    }
    lastPath = line.path
    last = group
    group.lines.push(line)
    if (!line.goMod && (group.contentVersion === undefined || semver.compare(line.version, group.contentVersion) > 0))
      group.contentVersion = line.version
  }
  return paths
}

/** A head line's key is unchanged at base: base lists it with the same hash. */
export const SAME_HASH = true

// A base line's offsets in BaseSum: five numbers a line.
const VERSION_FROM = 0
const VERSION_TO = 1
const IS_GO_MOD = 2
const HASH_FROM = 3
const HASH_TO = 4
const STRIDE = 5

/** One path's lines in a BaseSum: five offsets a line (see STRIDE). */
export type BaseLines = readonly number[]

/**
 * A base commit's go.sum, by module path, kept as offsets into its text: no string or object
 * per line, only one string and one array of numbers per path. Two commits' go.sum files share
 * most lines, and a drift check asks of each head line only whether base lists it.
 */
export class BaseSum {
  private readonly byPath = new Map<string, number[]>()

  constructor(private readonly text: string) {
    let lastPath: string | undefined
    let last: number[] | undefined
    scanSumFile(
      text,
      at => {
        // A path's lines come together in a go.sum go wrote: one Map lookup per path.
        if (sameText(text, at.pathFrom, at.pathTo, lastPath) === undefined) {
          lastPath = text.slice(at.pathFrom, at.pathTo)
          last = this.byPath.get(lastPath)
          if (last === undefined) this.byPath.set(lastPath, (last = []))
        }
        last!.push(at.versionFrom, at.versionTo, at.goMod ? 1 : 0, at.hashFrom, at.hashTo)
      },
      []
    )
  }

  has(path: string): boolean {
    return this.byPath.has(path)
  }

  /** The lines of `path`, for hashOf; undefined where base has none. */
  linesOf(path: string): BaseLines | undefined {
    return this.byPath.get(path)
  }

  /**
   * SAME_HASH where a base line of the key `path version[/go.mod]` (of `lines`, its path's) has
   * `hash`; otherwise the first hash base lists for the key, or undefined where base has no line
   * of it. go accepts any hash listed for a key (modfetch.checkModSum), so one match is enough.
   */
  hashOf(
    lines: BaseLines | undefined,
    version: string,
    goMod: boolean,
    hash: string
  ): typeof SAME_HASH | string | undefined {
    if (lines === undefined) return undefined
    let first = -1
    for (let i = 0; i < lines.length; i += STRIDE) {
      if ((lines[i + IS_GO_MOD] === 1) !== goMod || !this.holds(lines, i + VERSION_FROM, version)) continue
      if (this.holds(lines, i + HASH_FROM, hash)) return SAME_HASH
      if (first < 0) first = i
    }
    return first < 0 ? undefined : this.text.slice(lines[first + HASH_FROM], lines[first + HASH_TO])
  }

  /** Each path base hashes content for, with the highest such version (the first of equals). */
  contentVersions(visit: (path: string, version: string) => void): void {
    this.byPath.forEach((lines, path) => {
      let highest: string | undefined
      for (let i = 0; i < lines.length; i += STRIDE) {
        if (lines[i + IS_GO_MOD] === 1) continue
        if (highest !== undefined && this.holds(lines, i + VERSION_FROM, highest)) continue
        const version = this.text.slice(lines[i + VERSION_FROM], lines[i + VERSION_TO])
        if (highest === undefined || semver.compare(version, highest) > 0) highest = version
      }
      if (highest !== undefined) visit(path, highest)
    })
  }

  /** Whether the field at lines[from], lines[from + 1] reads `s`. */
  private holds(lines: BaseLines, from: number, s: string): boolean {
    return lines[from + 1] - lines[from] === s.length && this.text.startsWith(s, lines[from])
  }
}

/**
 * Lines grouped by sumKey. The go command keeps every hash listed for a key and accepts a
 * download matching any of them (modfetch.checkModSum), so a key can carry several lines.
 */
export function indexSum(sum: SumFile): Map<string, SumLine[]> {
  const index = new Map<string, SumLine[]>()
  for (const l of sum.lines) {
    const group = index.get(l.key)
    if (group) group.push(l)
    else index.set(l.key, [l])
  }
  return index
}
