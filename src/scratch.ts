/**
 * Where go writes the trees go-guard regenerates only to compare and delete (vendor/): in memory
 * where the machine offers a tmpfs with room, else the temporary directory.
 *
 * Creating ten thousand small files is file-system metadata work, not copying: on a runner's
 * disk `go mod vendor -o` of the benchmark's 10k-file tree takes 2.5 s of kernel time, on tmpfs
 * 0.6 s (README, Speed). The tree is read once and removed, so it never needs to be durable.
 */
import { promises as fs } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runProcess } from './process.js'

/** statfs(2) f_type of tmpfs (linux/magic.h TMPFS_MAGIC). */
const TMPFS_MAGIC = 0x01021994
/** Room the memory-backed directory must have free: more than the largest vendor/ trees in the corpus, many times over. */
const MIN_FREE_BYTES = 1 << 30
const MIN_FREE_INODES = 200_000
const SHM = '/dev/shm'

/** Whether `dir` is a writable tmpfs with room for a vendor/ tree; `statfs` is injected in tests. */
export async function isRoomyTmpfs(
  dir: string,
  statfs: (dir: string) => Promise<{ type: number; bsize: number; bavail: number; ffree: number }> = fs.statfs
): Promise<boolean> {
  try {
    const stat = await statfs(dir)
    if (stat.type !== TMPFS_MAGIC) return false
    if (stat.bavail * stat.bsize < MIN_FREE_BYTES || stat.ffree < MIN_FREE_INODES) return false
    await fs.access(dir, fs.constants.W_OK)
    return true
  } catch {
    return false
  }
}

let roots: Promise<string[]> | undefined

/**
 * Where scratch trees go, in order of preference: /dev/shm when it is a writable tmpfs with room
 * (unless TMPDIR says where temporary files go), then the temporary directory.
 */
export function scratchRoots(): Promise<string[]> {
  roots ??= (async () => {
    const memory = process.platform === 'linux' && !process.env.TMPDIR && (await isRoomyTmpfs(SHM))
    return memory ? [SHM, os.tmpdir()] : [os.tmpdir()]
  })()
  return roots
}

/** go's message when a write found the file system full (syscall.ENOSPC's text). */
const NO_SPACE = /no space left on device/i

/**
 * Runs `generate` in a fresh scratch directory under the first of `roots` and returns that
 * directory, which the caller removes. A directory whose file system fills up (go reports ENOSPC)
 * is retried under the next root, so a small tmpfs costs time, never a false finding.
 */
export async function generateInScratch<R extends { code: number; stderr: string }>(
  prefix: string,
  generate: (dir: string) => Promise<R>,
  candidates?: string[]
): Promise<{ dir: string; result: R }> {
  const [first, ...rest] = candidates ?? (await scratchRoots())
  const dir = await fs.mkdtemp(path.join(first, prefix))
  let result: R
  try {
    result = await generate(dir)
  } catch (error) {
    await removeScratch(dir)
    throw error
  }
  if (result.code === 0 || rest.length === 0 || !NO_SPACE.test(result.stderr)) return { dir, result }
  await removeScratch(dir)
  return generateInScratch(prefix, generate, rest)
}

const REMOVE_TIMEOUT_MS = 120_000

/**
 * Removes a scratch tree. rm(1) unlinks ten thousand files for a fraction of the CPU Node's
 * fs.rm spends on them (an lstat and a thread-pool round trip per entry: 160 ms of the
 * benchmark's run); fs.rm is the fallback where rm cannot run.
 */
export async function removeScratch(dir: string): Promise<void> {
  if (process.platform !== 'win32') {
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' }
    const removed = await runProcess('rm', ['-rf', '--', dir], { cwd: os.tmpdir(), env, timeoutMs: REMOVE_TIMEOUT_MS })
      .then(r => r.code === 0)
      .catch(() => false)
    if (removed) return
  }
  await fs.rm(dir, { recursive: true, force: true })
}
