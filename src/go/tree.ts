/**
 * File trees compared without following links: listing by lstat, hashing streamed and
 * concurrent. Used for vendor/ against its regeneration (and any tree against a manifest).
 */
import { lstatSync, readFileSync, readdirSync } from 'node:fs'
import * as path from 'node:path'
import { mapLimit } from '../concurrency.js'
import { sha256File } from './dirhash.js'

/** Below this size a file is read whole rather than streamed. */
const SMALL_FILE = 1 << 20

export type EntryKind = 'file' | 'symlink' | 'other'

export interface TreeEntry {
  kind: EntryKind
  size: number
}

/**
 * Every non-directory entry below `dir`, by relative path with forward slashes; links are not
 * followed. Synchronous calls: tens of thousands of lstat round trips through the thread pool
 * cost several times the work itself.
 */
export async function listTree(dir: string): Promise<Map<string, TreeEntry>> {
  const out = new Map<string, TreeEntry>()
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) {
        walk(child)
        continue
      }
      const kind: EntryKind = e.isSymbolicLink() ? 'symlink' : e.isFile() ? 'file' : 'other'
      out.set(child, { kind, size: kind === 'file' ? lstatSync(path.join(dir, child)).size : 0 })
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

/**
 * Compares regular files of `actual` with `expected`. Entries of `actual` that are not regular
 * files are left to the caller (they are never read). Files of equal size are compared by content.
 */
export async function diffTrees(
  expectedDir: string,
  expected: Map<string, TreeEntry>,
  actualDir: string,
  actual: Map<string, TreeEntry>,
  concurrency = 4
): Promise<TreeDiff> {
  const diff: TreeDiff = { modified: [], missing: [], extra: [] }
  const large: string[] = []
  for (const [rel, want] of expected) {
    const have = actual.get(rel)
    if (have === undefined) diff.missing.push(rel)
    else if (have.kind !== 'file') continue
    else if (have.size !== want.size) diff.modified.push(rel)
    else if (want.size > SMALL_FILE) large.push(rel)
    // Small files (nearly all of vendor/) are compared byte for byte with synchronous reads:
    // for thousands of tiny files the thread-pool round trips of async I/O cost more than the
    // reading itself.
    else if (!readFileSync(path.join(expectedDir, rel)).equals(readFileSync(path.join(actualDir, rel))))
      diff.modified.push(rel)
  }
  for (const [rel, have] of actual) if (!expected.has(rel) && have.kind === 'file') diff.extra.push(rel)
  const same = await mapLimit(large, concurrency, async rel => {
    const [a, b] = await Promise.all([sha256File(path.join(expectedDir, rel)), sha256File(path.join(actualDir, rel))])
    return a === b
  })
  large.forEach((rel, i) => !same[i] && diff.modified.push(rel))
  for (const list of [diff.modified, diff.missing, diff.extra]) list.sort()
  return diff
}
