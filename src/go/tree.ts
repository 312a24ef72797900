/**
 * File trees compared without following links: listed from directory entries, compared byte for
 * byte in bounded chunks. Used for vendor/ against its regeneration (and GOROOT's listing).
 */
import { closeSync, constants, openSync, readSync, readdirSync } from 'node:fs'

export type EntryKind = 'file' | 'symlink' | 'other'

export interface TreeEntry {
  kind: EntryKind
}

// One entry object per kind, shared by every listing (tens of thousands of entries).
const FILE: TreeEntry = Object.freeze({ kind: 'file' })
const SYMLINK: TreeEntry = Object.freeze({ kind: 'symlink' })
const OTHER: TreeEntry = Object.freeze({ kind: 'other' })

/**
 * Every non-directory entry below `dir`, by relative path with forward slashes; links are not
 * followed. The kind comes from the directory entry (Node lstats only where the file system does
 * not say), so listing costs one readdir per directory. Synchronous calls: tens of thousands of
 * round trips through the thread pool cost several times the work itself.
 */
export async function listTree(dir: string): Promise<Map<string, TreeEntry>> {
  const out = new Map<string, TreeEntry>()
  const walk = (at: string, prefix: string): void => {
    for (const e of readdirSync(at, { withFileTypes: true })) {
      if (e.isDirectory()) walk(`${at}/${e.name}`, `${prefix}${e.name}/`)
      else out.set(prefix + e.name, e.isFile() ? FILE : e.isSymbolicLink() ? SYMLINK : OTHER)
    }
  }
  walk(dir, '')
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
// Never through a link, even one swapped in after the listing (where the platform has O_NOFOLLOW),
// and never waiting on a FIFO swapped in for a file: it reads as at its end, regular files ignore
// the flag (open(2)).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)
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
 * Compares the tree at `expectedDir` with `actual`, the listing of `actualDir`. The expected tree
 * is walked here, directory by directory, and each of its regular files is read side by side
 * with its counterpart: one listing per tree and one read of each byte, no hashing, like
 * `diff -r`. Entries of `actual` that are not regular files are left to the caller (never read).
 */
export async function diffTrees(
  expectedDir: string,
  actualDir: string,
  actual: Map<string, TreeEntry>
): Promise<TreeDiff> {
  const diff: TreeDiff = { modified: [], missing: [], extra: [] }
  const bufA = Buffer.allocUnsafe(CHUNK)
  const bufB = Buffer.allocUnsafe(CHUNK)
  // What the walk met of `actual`: all of it, unless something is extra.
  const met: string[] = []
  let compared = 0
  // Each directory as [expected path, actual path, relative path], each ending in a slash, walked
  // without recursion so the loop can wait for the event loop.
  const pending: [string, string, string][] = [[`${expectedDir}/`, `${actualDir}/`, '']]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [expectedAt, actualAt, prefix] = next
    for (const e of readdirSync(expectedAt, { withFileTypes: true })) {
      const rel = prefix + e.name
      if (e.isDirectory()) {
        pending.push([`${expectedAt}${e.name}/`, `${actualAt}${e.name}/`, `${rel}/`])
        continue
      }
      const have = actual.get(rel)
      if (have === undefined) diff.missing.push(rel)
      else {
        met.push(rel)
        if (have.kind === 'file' && (!e.isFile() || !sameContent(expectedAt + e.name, actualAt + e.name, bufA, bufB)))
          diff.modified.push(rel)
      }
      if (++compared % FILES_PER_TURN === 0) await new Promise(setImmediate)
    }
  }
  if (met.length !== actual.size) {
    const expected = new Set(met)
    for (const [rel, have] of actual) if (have.kind === 'file' && !expected.has(rel)) diff.extra.push(rel)
  }
  for (const list of [diff.modified, diff.missing, diff.extra]) list.sort()
  return diff
}
