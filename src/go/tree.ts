/**
 * File trees compared without following links: listed from directory entries, compared byte for
 * byte in bounded chunks. Used for vendor/ against its regeneration (and GOROOT's listing).
 */
import { closeSync, constants, openSync, readSync, readdirSync } from 'node:fs'

export type EntryKind = 'file' | 'symlink' | 'other'

export interface TreeEntry {
  kind: EntryKind
}

/**
 * Every non-directory entry below `dir`, by relative path with forward slashes; links are not
 * followed. The kind comes from the directory entry (Node lstats only where the file system does
 * not say), so listing costs one readdir per directory. Synchronous calls: tens of thousands of
 * round trips through the thread pool cost several times the work itself.
 */
export async function listTree(dir: string): Promise<Map<string, TreeEntry>> {
  const out = new Map<string, TreeEntry>()
  const walk = (rel: string): void => {
    for (const e of readdirSync(rel ? `${dir}/${rel}` : dir, { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) walk(child)
      else out.set(child, { kind: e.isFile() ? 'file' : e.isSymbolicLink() ? 'symlink' : 'other' })
    }
  }
  walk('')
  return out
}

export interface TreeDiff {
  modified: string[]
  missing: string[]
  extra: string[]
}

// Two buffers for the whole comparison: files are read side by side in chunks of this size, so
// memory stays bounded for any file and the first differing chunk ends the reading.
const CHUNK = 1 << 16
// Never through a link, even one swapped in after the listing (where the platform has O_NOFOLLOW).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)
// Files compared between two turns of the event loop, so go's output pipes keep draining.
const FILES_PER_TURN = 512

/** Whether two regular files hold the same bytes; a file of another length differs at its end. */
function sameContent(a: string, b: string, bufA: Buffer, bufB: Buffer): boolean {
  const fa = openSync(a, OPEN_FLAGS)
  let fb: number | undefined
  try {
    fb = openSync(b, OPEN_FLAGS)
    for (;;) {
      const n = readSync(fa, bufA, 0, CHUNK, null)
      if (readSync(fb, bufB, 0, CHUNK, null) !== n || bufA.compare(bufB, 0, n, 0, n) !== 0) return false
      if (n === 0) return true
    }
  } finally {
    closeSync(fa)
    if (fb !== undefined) closeSync(fb)
  }
}

/**
 * Compares regular files of `actual` with `expected`. Entries of `actual` that are not regular
 * files are left to the caller (they are never read). Each file is read once, side by side with
 * its counterpart: no hashing and no second pass. Like `diff -r`, which reads the same bytes.
 */
export async function diffTrees(
  expectedDir: string,
  expected: Map<string, TreeEntry>,
  actualDir: string,
  actual: Map<string, TreeEntry>
): Promise<TreeDiff> {
  const diff: TreeDiff = { modified: [], missing: [], extra: [] }
  const bufA = Buffer.allocUnsafe(CHUNK)
  const bufB = Buffer.allocUnsafe(CHUNK)
  let compared = 0
  for (const [rel, want] of expected) {
    const have = actual.get(rel)
    if (have === undefined) diff.missing.push(rel)
    else if (have.kind !== 'file') continue
    else if (want.kind !== 'file' || !sameContent(`${expectedDir}/${rel}`, `${actualDir}/${rel}`, bufA, bufB))
      diff.modified.push(rel)
    if (++compared % FILES_PER_TURN === 0) await new Promise(setImmediate)
  }
  for (const [rel, have] of actual) if (!expected.has(rel) && have.kind === 'file') diff.extra.push(rel)
  for (const list of [diff.modified, diff.missing, diff.extra]) list.sort()
  return diff
}
