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
  return diffTrees(expected, await listTree(expected), actual, await listTree(actual))
}

// Larger than the comparison's 64 KiB chunk, so a difference can sit in a later chunk.
const big = Buffer.alloc(200_000, 'x')
const bigChanged = Buffer.from(big).fill('y', big.length - 1)

describe('diffTrees', () => {
  it('finds every kind of difference, including one in the last byte of a large file and a prefix', async () => {
    const expected = tree('want', {
      'same.go': 'package same\n',
      'a/big.bin': big,
      'a/prefix.go': 'package a\n\nfunc F() {}\n',
      'a/empty.go': '',
      'gone.go': 'package gone\n',
      'b/file-then-dir': 'x'
    })
    const actual = tree('have', {
      'same.go': 'package same\n',
      'a/big.bin': bigChanged,
      'a/prefix.go': 'package a\n',
      'a/empty.go': 'package a\n',
      'new.go': 'package x\n',
      'b/file-then-dir/inside.go': 'package inside\n'
    })
    expect(await diff(expected, actual)).toEqual({
      modified: ['a/big.bin', 'a/empty.go', 'a/prefix.go'],
      missing: ['b/file-then-dir', 'gone.go'],
      extra: ['b/file-then-dir/inside.go', 'new.go']
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
})
