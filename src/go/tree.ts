/**
 * File trees compared without following links: listed from directory entries, compared byte for
 * byte in bounded chunks. Used for vendor/ against its regeneration (and GOROOT's listing).
 */
import * as fs from 'node:fs'
import { constants, readdirSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { cpuBudget } from '../concurrency.js'

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

// Two buffers per thread for the whole comparison: files are read side by side in chunks of this
// size, so memory stays bounded for any file and the first differing chunk ends the reading.
const CHUNK = 1 << 16
// Never through a link, even one swapped in after the listing (where the platform has O_NOFOLLOW),
// and never waiting on a FIFO swapped in for a file: it reads as at its end, regular files ignore
// the flag (open(2)).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)
// Files compared between two turns of the event loop, so go's output pipes keep draining.
const FILES_PER_TURN = 512
/**
 * From this many files in the committed tree a helper thread compares beside the main one. Most
 * of a pair's cost is Node's synchronous open/read/close bindings (user time several times
 * diff's), so a second thread is what brought the comparison to `diff -r`'s time where measured
 * (README); it costs ~50 ms to start, which a few thousand pairs repay.
 */
const HELPER_FROM_FILES = 4096

/** A pair's state once compared and found to differ (1: the same; 0: not compared yet). */
const DIFFERENT = 2

/**
 * File pairs `expectedRoot + rels[i]` and `actualRoot + rels[i]`, claimed one at a time through a
 * shared counter by whichever thread is free; `states[i]` is what comparing pair i found.
 */
export interface PairJob {
  expectedRoot: string
  actualRoot: string
  rels: string[]
  flags: number
  /**
   * claim[0]: the next unclaimed pair. claim[1]: the helper's gate, 0 until either the helper
   * opens it (1) to compare or the main thread closes it (2) because it needs no help any more.
   */
  claim: Int32Array
  states: Uint8Array
}

export function pairJob(expectedRoot: string, actualRoot: string, rels: string[]): PairJob {
  return {
    expectedRoot,
    actualRoot,
    rels,
    flags: OPEN_FLAGS,
    claim: new Int32Array(new SharedArrayBuffer(8)),
    states: new Uint8Array(new SharedArrayBuffer(Math.max(rels.length, 1)))
  }
}

type FileIo = Pick<typeof import('node:fs'), 'openSync' | 'readSync' | 'closeSync'>

/**
 * Compares claimed pairs until none is left or `limit` were compared; true while pairs are left.
 * A file of another length differs at its end. The helper thread runs this function's source
 * text, so it uses nothing but its arguments and JavaScript's globals.
 */
function compareClaimed(io: FileIo, job: PairJob, bufA: Buffer, bufB: Buffer, limit: number): boolean {
  for (let done = 0; done < limit; done++) {
    const i = Atomics.add(job.claim, 0, 1)
    if (i >= job.rels.length) return false
    const fa = io.openSync(job.expectedRoot + job.rels[i], job.flags)
    let fb: number | undefined
    let same = false
    try {
      fb = io.openSync(job.actualRoot + job.rels[i], job.flags)
      for (;;) {
        const n = io.readSync(fa, bufA, 0, bufA.length, null)
        if (io.readSync(fb, bufB, 0, bufB.length, null) !== n || bufA.compare(bufB, 0, n, 0, n) !== 0) break
        // A read of a regular file returns less than asked only at its end (read(2); the kernel
        // fills a file read until EOF): most files take one read a side, not a second for EOF.
        if (n < bufA.length) {
          same = true
          break
        }
      }
    } finally {
      io.closeSync(fa)
      if (fb !== undefined) io.closeSync(fb)
    }
    job.states[i] = same ? 1 : 2 // 2: DIFFERENT, a literal here (see above)
  }
  return true
}

// The helper's whole program: it waits for its job (none: it is not needed) and, unless the main
// thread closed the gate meanwhile, compares until no pair is left, then ends. An error ends it
// early, leaving its pair unmarked for the main thread, which compares it again and reports.
const HELPER_SOURCE = `'use strict'
const compareClaimed = ${compareClaimed.toString()}
require('node:worker_threads').parentPort.once('message', job => {
  if (!job || Atomics.compareExchange(job.claim, 1, 0, 1) !== 0) return
  compareClaimed(require('node:fs'), job, Buffer.allocUnsafe(${CHUNK}), Buffer.allocUnsafe(${CHUNK}), Infinity)
})
`

/** A thread for one PairJob: started before the job is known, so its start-up overlaps the walk. */
export interface Helper {
  /** Hands the job over (once). */
  give(job: PairJob): void
  /** When the main thread has no claim left: waits for a helper that is comparing, and only then. */
  finish(): Promise<void>
}

/**
 * Starts a helper thread once it holds a slot of the CPU budget, asked for in the background
 * (go's commands come first); one whose turn comes after finish() never starts.
 */
export function startHelper(): Helper {
  let thread: Worker | undefined
  let ended: Promise<void> | undefined
  let job: PairJob | undefined
  let finished = false
  void cpuBudget.use(
    async () => {
      if (finished) return
      try {
        thread = new Worker(HELPER_SOURCE, { eval: true })
      } catch {
        return // no helper: the main thread compares alone
      }
      const started = thread
      ended = new Promise<void>(resolve => {
        // Its error is not lost: the pair it failed on stays unmarked (see comparePairs).
        started.once('error', () => {})
        started.once('exit', () => resolve())
      })
      if (job) started.postMessage(job)
      await ended
    },
    { background: true }
  )
  return {
    give(given) {
      job = given
      thread?.postMessage(given)
    },
    async finish() {
      finished = true
      // A helper that has not begun comparing never will: it is not waited for.
      if (job === undefined || Atomics.compareExchange(job.claim, 1, 0, 2) === 0) {
        if (job === undefined) thread?.postMessage(null)
        thread?.unref()
        return
      }
      await ended
    }
  }
}

/** Compares every pair of `job`, with `helper` where given. */
async function comparePairs(job: PairJob, helper?: Helper): Promise<void> {
  const bufA = Buffer.allocUnsafe(CHUNK)
  const bufB = Buffer.allocUnsafe(CHUNK)
  helper?.give(job)
  try {
    while (compareClaimed(fs, job, bufA, bufB, FILES_PER_TURN)) await new Promise(setImmediate)
  } finally {
    // Even after an error here no claim is left, so the helper ends after its current pair.
    Atomics.store(job.claim, 0, job.rels.length)
    await helper?.finish()
  }
  const unmarked: number[] = []
  for (let i = 0; i < job.rels.length; i++) if (job.states[i] === 0) unmarked.push(i)
  if (unmarked.length === 0) return
  const again = pairJob(
    job.expectedRoot,
    job.actualRoot,
    unmarked.map(i => job.rels[i])
  )
  await comparePairs(again)
  unmarked.forEach((i, k) => (job.states[i] = again.states[k]))
}

/**
 * Walks the expected tree, directory by directory without recursion: each entry is missing from
 * `actual`, met there, and if a regular file on both sides a pair to read (else modified where
 * `actual` has a file).
 */
function walkExpected(
  expectedDir: string,
  actual: Map<string, TreeEntry>,
  out: { diff: TreeDiff; met: string[]; pairs: string[] }
): void {
  // Each directory as [expected path, relative path], the path ending in a slash.
  const pending: [string, string][] = [[expectedDir, '']]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [expectedAt, prefix] = next
    for (const e of readdirSync(expectedAt, { withFileTypes: true })) {
      const rel = prefix + e.name
      if (e.isDirectory()) {
        pending.push([`${expectedAt}${e.name}/`, `${rel}/`])
        continue
      }
      const have = actual.get(rel)
      if (have === undefined) out.diff.missing.push(rel)
      else {
        out.met.push(rel)
        if (have.kind !== 'file') continue
        if (e.isFile()) out.pairs.push(rel)
        else out.diff.modified.push(rel)
      }
    }
  }
}

/**
 * Compares the tree at `expectedDir` with `actual`, the listing of `actualDir`. The expected tree
 * is walked here, directory by directory, and each of its regular files is read side by side
 * with its counterpart: one listing per tree and one read of each byte, no hashing, like
 * `diff -r`. Entries of `actual` that are not regular files are left to the caller (never read).
 * From `helperFrom` entries in `actual` a second thread helps (tests lower it).
 */
export async function diffTrees(
  expectedDir: string,
  actualDir: string,
  actual: Map<string, TreeEntry>,
  helperFrom = HELPER_FROM_FILES
): Promise<TreeDiff> {
  // Started first, so the thread's start-up overlaps the walk.
  const helper = actual.size >= helperFrom ? startHelper() : undefined
  const diff: TreeDiff = { modified: [], missing: [], extra: [] }
  // What the walk met of `actual`: all of it, unless something is extra.
  const met: string[] = []
  // Regular files on both sides, by relative path: read after the walk.
  const pairs: string[] = []
  try {
    walkExpected(`${expectedDir}/`, actual, { diff, met, pairs })
  } catch (error) {
    await helper?.finish()
    throw error
  }
  const job = pairJob(`${expectedDir}/`, `${actualDir}/`, pairs)
  await comparePairs(job, helper)
  pairs.forEach((rel, i) => {
    if (job.states[i] === DIFFERENT) diff.modified.push(rel)
  })
  if (met.length !== actual.size) {
    const expected = new Set(met)
    for (const [rel, have] of actual) if (have.kind === 'file' && !expected.has(rel)) diff.extra.push(rel)
  }
  for (const list of [diff.modified, diff.missing, diff.extra]) list.sort()
  return diff
}
