/**
 * The verified file set of a Go release, as a manifest of SHA-256 per file, and the comparison
 * of an installed GOROOT with it.
 */
import { createReadStream } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { createHash } from 'node:crypto'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { mapLimit } from '../concurrency.js'
import { sha256File } from '../go/dirhash.js'
import { type TreeEntry, listTree } from '../go/tree.js'

/** Relative path (below GOROOT) -> SHA-256 hex, size in bytes (absent in older stored manifests) and whether it is executable. */
export type Manifest = Record<string, { sha256: string; size?: number; exec: boolean }>

const INFLATE_CHUNK = 1 << 18

/** Reads a release .tar.gz (files under `go/`), hashing each file as it streams by. */
export async function manifestFromTarGz(file: string): Promise<Manifest> {
  const manifest: Manifest = {}
  // Loaded on first use: only a cold archive proof reads a tarball.
  const tar = (await import('tar-stream')).default
  const extract = tar.extract()
  const done = (async () => {
    for await (const entry of extract) {
      const { name, type, mode } = entry.header
      if (type === 'file' && name.startsWith('go/')) {
        const hash = createHash('sha256')
        for await (const chunk of entry) hash.update(chunk as Buffer)
        manifest[name.slice(3)] = {
          sha256: hash.digest('hex'),
          size: entry.header.size ?? 0,
          exec: ((mode ?? 0) & 0o111) !== 0
        }
      } else {
        entry.resume()
      }
    }
  })()
  // zlib's default 16 KiB output chunk costs a thread-pool round trip and a stream turn per 16 KiB:
  // inflating a 77 MB release took twice the CPU it takes in 256 KiB chunks.
  const inflate = createGunzip({ chunkSize: INFLATE_CHUNK })
  await Promise.all([pipeline(createReadStream(file, { highWaterMark: INFLATE_CHUNK }), inflate, extract), done])
  return manifest
}

/** Executables a release has only under these directories; another one there is suspect. */
const EXECUTABLE_DIRS = ['bin/', 'pkg/tool/']

/** An installed file whose content is not the release's: what was expected and what was found. */
export interface ModifiedFile {
  rel: string
  expected: { sha256: string; size?: number }
  /** Undefined where the path is not a regular file (a directory or a link). */
  found?: { sha256: string; size: number }
}

export interface GorootDiff {
  modified: ModifiedFile[]
  missing: string[]
  addedExecutables: string[]
}

/**
 * The installed GOROOT, listed once and each file hashed at most once per run: the archive and
 * the module proof compare against the same hashes, and the hashing can start before either
 * proof is done (it needs no proof, and overlaps the download and unpacking).
 */
export class InstalledGoroot {
  private listing?: Promise<Map<string, TreeEntry>>
  private readonly hashes = new Map<string, Promise<string>>()
  private stopped = false

  constructor(readonly root: string) {}

  list(): Promise<Map<string, TreeEntry>> {
    return (this.listing ??= listTree(this.root))
  }

  hash(rel: string): Promise<string> {
    let hash = this.hashes.get(rel)
    if (hash === undefined) {
      hash = sha256File(path.join(this.root, rel))
      // A failure is reported by the comparison that awaits it, not as an unhandled rejection.
      hash.catch(() => undefined)
      this.hashes.set(rel, hash)
    }
    return hash
  }

  /** Hashes every regular file outside `skip` ahead of the comparison, until stop(). Never rejects. */
  async prefetch(skip: string[] = [], concurrency = 8): Promise<void> {
    const files = [...(await this.list().catch(() => new Map<string, TreeEntry>()))]
      .filter(([rel, e]) => e.kind === 'file' && !skip.some(s => rel.startsWith(s)))
      .map(([rel]) => rel)
    await mapLimit(files, concurrency, async rel => {
      if (!this.stopped) await this.hash(rel).catch(() => undefined)
    })
  }

  stop(): void {
    this.stopped = true
  }
}

/** Compares the installed GOROOT with the verified manifest. */
export async function compareGoroot(
  installed: InstalledGoroot,
  manifest: Manifest,
  concurrency = 8
): Promise<GorootDiff> {
  const entries = await installed.list()
  const diff: GorootDiff = { modified: [], missing: [], addedExecutables: [] }
  const present = Object.keys(manifest).filter(rel => {
    const entry = entries.get(rel)
    if (entry === undefined) diff.missing.push(rel)
    else if (entry.kind !== 'file') diff.modified.push({ rel, expected: manifest[rel] })
    return entry?.kind === 'file'
  })
  const hashes = await mapLimit(present, concurrency, rel => installed.hash(rel))
  for (const [i, rel] of present.entries()) {
    if (hashes[i] === manifest[rel].sha256) continue
    const { size } = await fs.stat(path.join(installed.root, rel))
    diff.modified.push({ rel, expected: manifest[rel], found: { sha256: hashes[i], size } })
  }
  for (const [rel, entry] of entries) {
    if (rel in manifest || !EXECUTABLE_DIRS.some(d => rel.startsWith(d))) continue
    const mode = entry.kind === 'file' ? (await fs.stat(path.join(installed.root, rel))).mode : 0o777
    if (entry.kind !== 'file' || (mode & 0o111) !== 0) diff.addedExecutables.push(rel)
  }
  diff.modified.sort((a, b) => a.rel.localeCompare(b.rel))
  diff.missing.sort()
  diff.addedExecutables.sort()
  return diff
}
