import { spawn, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { diffTrees, listTree } from '../src/go/tree.js'

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

async function diff(expected: string, actual: string): Promise<Awaited<ReturnType<typeof diffTrees>>> {
  return diffTrees(expected, actual, await listTree(actual))
}

// Larger than the comparison's 64 KiB chunk, so a difference can sit in a later chunk.
const big = Buffer.alloc(200_000, 'x')
const bigChanged = Buffer.from(big).fill('y', big.length - 1)
// Exactly one chunk, and one byte more: the end of a file falls on a chunk's edge.
const chunk = Buffer.alloc(1 << 16, 'z')
const chunkAndOne = Buffer.concat([chunk, Buffer.from('z')])

describe('diffTrees', () => {
  it('finds every kind of difference, including one in the last byte of a large file and a prefix', async () => {
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
    expect(await diff(expected, actual)).toEqual({
      modified: ['a/big.bin', 'a/chunk.bin', 'a/empty.go', 'a/prefix.go'],
      missing: ['b/file-then-dir', 'c/dir-then-file/inside.go', 'gone.go'],
      extra: ['b/file-then-dir/inside.go', 'c/dir-then-file', 'new.go']
    })
    expect(await diff(actual, expected)).toEqual({
      modified: ['a/big.bin', 'a/chunk.bin', 'a/empty.go', 'a/prefix.go'],
      missing: ['b/file-then-dir/inside.go', 'c/dir-then-file', 'new.go'],
      extra: ['b/file-then-dir', 'c/dir-then-file/inside.go', 'gone.go']
    })
    expect(await diff(expected, expected)).toEqual({ modified: [], missing: [], extra: [] })
  })

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
})
