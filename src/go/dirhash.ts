/**
 * The `h1:` hash of golang.org/x/mod/sumdb/dirhash (Hash1 over DirFiles): SHA-256 over the
 * lines "<hex sha256 of file>  <prefix>/<relative path>\n" sorted by name in byte order.
 */
import { createHash } from 'node:crypto'
import { createReadStream, readFileSync, statSync } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { cpuBudget, mapLimit } from '../concurrency.js'

const WHOLE_FILE_LIMIT = 1 << 20

/**
 * SHA-256 of a file, holding a slot of the CPU budget. Small files (most source files) are read
 * whole and synchronously: for thousands of them the thread-pool round trips of async I/O cost
 * more than the hashing. Larger ones are streamed in 1 MiB chunks.
 */
export async function sha256File(file: string): Promise<string> {
  return cpuBudget.use(async () => {
    const hash = createHash('sha256')
    if (statSync(file).size <= WHOLE_FILE_LIMIT) return hash.update(readFileSync(file)).digest('hex')
    for await (const chunk of createReadStream(file, { highWaterMark: WHOLE_FILE_LIMIT })) hash.update(chunk as Buffer)
    return hash.digest('hex')
  })
}

/**
 * Every non-directory entry below `dir`, relative, with forward slashes. Like filepath.WalkDir
 * in DirFiles, symbolic links are listed, not followed.
 */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter(e => !e.isDirectory())
    .map(e => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
}

/** Hash1 over (name, sha256) pairs; names already carry the prefix. */
export function hash1(files: { name: string; sha256: string }[]): string {
  const sorted = [...files].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)))
  const summary = createHash('sha256')
  for (const f of sorted) {
    if (f.name.includes('\n')) throw new Error('dirhash: filenames with newlines are not supported')
    summary.update(`${f.sha256}  ${f.name}\n`)
  }
  return `h1:${summary.digest('base64')}`
}

/** dirhash.HashDir(dir, prefix, Hash1): the hash go.sum records for an extracted module. */
export async function hashDir(dir: string, prefix: string, concurrency = 8): Promise<string> {
  const names = await listFiles(dir)
  const hashed = await mapLimit(names, concurrency, async name => ({
    name: `${prefix}/${name}`,
    sha256: await sha256File(path.join(dir, name))
  }))
  return hash1(hashed)
}
