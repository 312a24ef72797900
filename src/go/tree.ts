/**
 * File trees compared without following links: listing by lstat, hashing streamed and
 * concurrent. Used for vendor/ against its regeneration (and any tree against a manifest).
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { mapLimit, sha256File } from './dirhash.js'

export type EntryKind = 'file' | 'symlink' | 'other'

export interface TreeEntry {
  kind: EntryKind
  size: number
}

/** Every non-directory entry below `dir`, by relative path with forward slashes; links are not followed. */
export async function listTree(dir: string): Promise<Map<string, TreeEntry>> {
  const out = new Map<string, TreeEntry>()
  const walk = async (rel: string): Promise<void> => {
    const entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true })
    await Promise.all(
      entries.map(async e => {
        const child = rel ? `${rel}/${e.name}` : e.name
        if (e.isDirectory()) return walk(child)
        const kind: EntryKind = e.isSymbolicLink() ? 'symlink' : e.isFile() ? 'file' : 'other'
        out.set(child, { kind, size: kind === 'file' ? (await fs.lstat(path.join(dir, child))).size : 0 })
      })
    )
  }
  await walk('')
  return out
}

export interface TreeDiff {
  modified: string[]
  missing: string[]
  extra: string[]
}

/**
 * Compares regular files of `actual` with `expected`. Entries of `actual` that are not regular
 * files are left to the caller (they are never read). Files of equal size are hashed.
 */
export async function diffTrees(expectedDir: string, expected: Map<string, TreeEntry>, actualDir: string, actual: Map<string, TreeEntry>, concurrency = 8): Promise<TreeDiff> {
  const diff: TreeDiff = { modified: [], missing: [], extra: [] }
  const toHash: string[] = []
  for (const [rel, want] of expected) {
    const have = actual.get(rel)
    if (have === undefined) diff.missing.push(rel)
    else if (have.kind !== 'file') continue
    else if (have.size !== want.size) diff.modified.push(rel)
    else toHash.push(rel)
  }
  for (const [rel, have] of actual) if (!expected.has(rel) && have.kind === 'file') diff.extra.push(rel)
  const same = await mapLimit(toHash, concurrency, async rel => {
    const [a, b] = await Promise.all([sha256File(path.join(expectedDir, rel)), sha256File(path.join(actualDir, rel))])
    return a === b
  })
  toHash.forEach((rel, i) => !same[i] && diff.modified.push(rel))
  for (const list of [diff.modified, diff.missing, diff.extra]) list.sort()
  return diff
}
