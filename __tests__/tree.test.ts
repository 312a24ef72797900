import { spawn, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { availableParallelism } from 'node:os'
import { build } from 'esbuild'
import { cpuBudget } from '../src/concurrency.js'
import * as tree_ from '../src/go/tree.js'
import { diffTrees, listTree, pairJob, startHelper } from '../src/go/tree.js'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'go-guard-tree-'))
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

function tree(name: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(root, name)
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), content)
  }
  return dir
}

// From how many files a helper thread compares beside the main one: the default, and always.
type HelperFrom = number | undefined

async function diff(
  expected: string,
  actual: string,
  helperFrom?: HelperFrom
): Promise<Awaited<ReturnType<typeof diffTrees>>> {
  return diffTrees(expected, actual, await listTree(actual), helperFrom)
}

/** Waits until `done()` holds; fails after 10 s. */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!done()) {
    if (Date.now() > deadline) throw new Error('the helper thread did not get there')
    await new Promise(resolve => setTimeout(resolve, 5))
  }
}

/**
 * Compares `rels` with a helper thread alone (the main thread claims nothing), as `module`'s
 * pairJob and startHelper do: the states the helper left, one per pair.
 */
async function helperAlone(module: typeof tree_, expected: string, actual: string, rels: string[]): Promise<number[]> {
  const job = module.pairJob(`${expected}/`, `${actual}/`, rels)
  const helper = module.startHelper()
  helper.give(job)
  // Its gate open, then every pair claimed: finish() then waits for the helper's last pair.
  await until(() => Atomics.load(job.claim, 1) === 1)
  await until(() => Atomics.load(job.claim, 0) >= rels.length)
  await helper.finish()
  return Array.from(job.states)
}

// Larger than the comparison's 64 KiB chunk, so a difference can sit in a later chunk.
const big = Buffer.alloc(200_000, 'x')
const bigChanged = Buffer.from(big).fill('y', big.length - 1)
// Exactly one chunk, and one byte more: the end of a file falls on a chunk's edge.
const chunk = Buffer.alloc(1 << 16, 'z')
const chunkAndOne = Buffer.concat([chunk, Buffer.from('z')])

describe('diffTrees', () => {
  it.each([
    ['the main thread alone', undefined],
    ['a helper thread beside the main one', 1]
  ])(
    'finds every kind of difference, with %s, including one in the last byte of a large file and a prefix',
    async (_, helperFrom) => {
      const expected = tree('want', {
        'same.go': 'package same\n',
        'a/big.bin': big,
        'a/prefix.go': 'package a\n\nfunc F() {}\n',
        'a/empty.go': '',
        'a/also-empty.go': '',
        'a/chunk.bin': chunk,
        'a/chunk-same.bin': chunk,
        'gone.go': 'package gone\n',
        'b/file-then-dir': 'x',
        'c/dir-then-file/inside.go': 'package inside\n'
      })
      const actual = tree('have', {
        'same.go': 'package same\n',
        'a/big.bin': bigChanged,
        'a/prefix.go': 'package a\n',
        'a/empty.go': 'package a\n',
        'a/also-empty.go': '',
        'a/chunk.bin': chunkAndOne,
        'a/chunk-same.bin': chunk,
        'new.go': 'package x\n',
        'b/file-then-dir/inside.go': 'package inside\n',
        'c/dir-then-file': 'x'
      })
      expect(await diff(expected, actual, helperFrom)).toEqual({
        modified: ['a/big.bin', 'a/chunk.bin', 'a/empty.go', 'a/prefix.go'],
        missing: ['b/file-then-dir', 'c/dir-then-file/inside.go', 'gone.go'],
        extra: ['b/file-then-dir/inside.go', 'c/dir-then-file', 'new.go']
      })
      expect(await diff(actual, expected, helperFrom)).toEqual({
        modified: ['a/big.bin', 'a/chunk.bin', 'a/empty.go', 'a/prefix.go'],
        missing: ['b/file-then-dir/inside.go', 'c/dir-then-file', 'new.go'],
        extra: ['b/file-then-dir', 'c/dir-then-file/inside.go', 'gone.go']
      })
      expect(await diff(expected, expected, helperFrom)).toEqual({ modified: [], missing: [], extra: [] })
    }
  )

  it('lists a link as a link and never reads through it', async () => {
    const expected = tree('want-link', { 'a.go': 'package a\n', 'b.go': 'package b\n' })
    const actual = tree('have-link', { 'a.go': 'package a\n' })
    // A dangling link: reading through it would throw.
    fs.symlinkSync(path.join(root, 'nowhere'), path.join(actual, 'b.go'))
    expect((await listTree(actual)).get('b.go')).toEqual({ kind: 'symlink' })
    expect(await diff(expected, actual)).toEqual({ modified: [], missing: [], extra: [] })
  })

  it('never reads through a link swapped in for a file after the listing', async () => {
    const expected = tree('want-swap', { 'a.go': 'package a\n' })
    const actual = tree('have-swap', { 'a.go': 'package a\n' })
    const listed = await listTree(actual)
    fs.rmSync(path.join(actual, 'a.go'))
    fs.symlinkSync(path.join(expected, 'a.go'), path.join(actual, 'a.go'))
    await expect(diffTrees(expected, actual, listed)).rejects.toThrow(/ELOOP/)
    // The same with a helper thread, whichever thread meets the link.
    await expect(diffTrees(expected, actual, listed, 1)).rejects.toThrow(/ELOOP/)
  })

  it('does not wait on a FIFO swapped in for a file after the listing', async () => {
    const expected = tree('want-fifo', { 'a.go': 'package a\n' })
    const actual = tree('have-fifo', { 'a.go': 'package a\n' })
    const listed = await listTree(actual)
    const fifo = path.join(actual, 'a.go')
    fs.rmSync(fifo)
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    // A blocking open would wait for a writer: this one comes after 3 s, and is ended below.
    const writer = spawn('sh', ['-c', 'sleep 3; exec 3>"$0"', fifo], { stdio: 'ignore' })
    try {
      const started = Date.now()
      expect(await diffTrees(expected, actual, listed)).toEqual({ modified: ['a.go'], missing: [], extra: [] })
      expect(Date.now() - started).toBeLessThan(2000)
    } finally {
      writer.kill('SIGKILL')
    }
  })

  describe('its helper thread', () => {
    const expected = tree('want-helper', {
      'same.go': 'package same\n',
      'a/big.bin': big,
      'a/empty.go': '',
      'a/chunk.bin': chunk
    })
    const actual = tree('have-helper', {
      'same.go': 'package same\n',
      'a/big.bin': bigChanged,
      'a/empty.go': 'package a\n',
      'a/chunk.bin': chunk
    })
    const rels = ['same.go', 'a/big.bin', 'a/empty.go', 'a/chunk.bin']
    // 1: the same, 2: different.
    const states = [1, 2, 2, 1]

    it('compares every pair alone, from the source as it is written', async () => {
      expect(await helperAlone(tree_, expected, actual, rels)).toEqual(states)
    })

    it('compares every pair alone from the bundle esbuild makes of it, as dist/ ships it', async () => {
      const outfile = path.join(root, 'tree-bundle.mjs')
      await build({
        entryPoints: ['src/go/tree.ts'],
        outfile,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'esm',
        minify: true,
        logLevel: 'warning'
      })
      const bundled = (await import(outfile)) as typeof tree_
      expect(await helperAlone(bundled, expected, actual, rels)).toEqual(states)
    })

    it('is not waited for, and compares nothing, when its turn in the CPU budget comes after the end', async () => {
      // Every slot of the budget held: the helper's background turn waits behind them.
      let release = (): void => {}
      const held = new Promise<void>(resolve => (release = resolve))
      const holders = Array.from({ length: availableParallelism() }, () => cpuBudget.use(() => held))
      const job = pairJob(`${expected}/`, `${actual}/`, rels)
      const helper = startHelper()
      helper.give(job)
      await helper.finish()
      // The main thread closed the gate: the helper, started now, compares nothing.
      expect(Atomics.load(job.claim, 1)).toBe(2)
      release()
      await Promise.all(holders)
      await new Promise(resolve => setTimeout(resolve, 100))
      expect(Atomics.load(job.claim, 0)).toBe(0)
      expect(Array.from(job.states)).toEqual([0, 0, 0, 0])
    })

    it('leaves unmarked the pair it failed on, for the main thread to compare again', async () => {
      const swapped = tree('have-helper-swap', { 'a.go': 'package a\n', 'b.go': 'package b\n' })
      const want = tree('want-helper-swap', { 'a.go': 'package a\n', 'b.go': 'package b\n' })
      fs.rmSync(path.join(swapped, 'a.go'))
      fs.symlinkSync(path.join(want, 'a.go'), path.join(swapped, 'a.go'))
      const job = pairJob(`${want}/`, `${swapped}/`, ['a.go', 'b.go'])
      const helper = startHelper()
      helper.give(job)
      // Its gate open, finish() waits for the thread to end.
      await until(() => Atomics.load(job.claim, 1) === 1)
      await helper.finish()
      // The link ended the helper at its first pair: it claimed that one alone and marked none.
      expect(Atomics.load(job.claim, 0)).toBe(1)
      expect(Array.from(job.states)).toEqual([0, 0])
    })
  })
})
