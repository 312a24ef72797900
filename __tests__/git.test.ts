/**
 * Files at the base commit are read in batches: one `git ls-tree` and one `git cat-file --batch`
 * for any number of paths, and still a path the commit lacks (undefined) apart from one git could
 * not read (GitError), path by path, on real git repositories.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { CommitFiles, GitError, type GitRunner, gitRunner, readFilesAtCommit } from '../src/git.js'
import { GoWorld } from './fixtures/workspace.js'

describe('files at a commit', () => {
  let world: GoWorld
  let n = 0
  /** A runner that records each git command's verb (ls-tree, cat-file). */
  const counted = (): { git: GitRunner; verbs: string[] } => {
    const verbs: string[] = []
    const real = gitRunner(world.env)
    return {
      verbs,
      git: (args, cwd, input) => {
        verbs.push(args.find(a => !a.startsWith('-'))!)
        return real(args, cwd, input)
      }
    }
  }
  /** A repository holding `files`, committed; returns its directory and the commit. */
  const repo = (files: Record<string, string>): { dir: string; sha: string } => {
    const dir = world.dir(`repo-${++n}`, files)
    return { dir, sha: world.commitAll(dir, 'base') }
  }

  beforeAll(() => {
    world = new GoWorld()
  })
  afterAll(() => world.cleanup())

  it('reads any number of files with two git processes, below the top level, byte for byte', async () => {
    const { dir, sha } = repo({
      'sub/a/go.mod': 'module example.com/é\n\n// ünïcödé counts in bytes\n',
      'sub/b/go.sum': '',
      'sub/c/go.mod': 'module example.com/same\n',
      'sub/d/go.mod': 'module example.com/same\n',
      'sub/tree/go.sum/x': 'a directory named go.sum\n'
    })
    const { git, verbs } = counted()
    const files = await readFilesAtCommit(
      path.join(dir, 'sub'),
      sha,
      ['a/go.mod', 'b/go.sum', 'c/go.mod', 'd/go.mod', 'tree/go.sum', 'absent/go.mod'],
      git
    )
    expect(verbs).toEqual(['ls-tree', 'cat-file'])
    expect(Object.fromEntries(files)).toEqual({
      'a/go.mod': 'module example.com/é\n\n// ünïcödé counts in bytes\n',
      'b/go.sum': '',
      'c/go.mod': 'module example.com/same\n',
      'd/go.mod': 'module example.com/same\n',
      'tree/go.sum': undefined,
      'absent/go.mod': undefined
    })
  })

  it('lists many paths in chunks, and reads their blobs in one batch', async () => {
    const names = Array.from({ length: 300 }, (_, i) => `m${i}/go.mod`)
    const { dir, sha } = repo(Object.fromEntries(names.map(f => [f, `module example.com/${f}\n`])))
    const { git, verbs } = counted()
    const files = await readFilesAtCommit(dir, sha, names, git)
    expect(verbs).toEqual(['ls-tree', 'ls-tree', 'cat-file'])
    expect(names.every(f => files.get(f) === `module example.com/${f}\n`)).toBe(true)
  })

  it('a path git refuses fails alone; the others of its batch are still read', async () => {
    const { dir, sha } = repo({ 'go.mod': 'module example.com/in\n' })
    const files = await readFilesAtCommit(dir, sha, ['go.mod', '../outside/go.mod'], gitRunner(world.env))
    expect(files.get('go.mod')).toBe('module example.com/in\n')
    expect(files.get('../outside/go.mod')).toBeInstanceOf(GitError)
    expect(String(files.get('../outside/go.mod'))).toMatch(/could not list \.\.\/outside\/go\.mod at [0-9a-f]{40}: /)
  })

  it('in a partial clone whose remote is gone, a blob it lacks is a GitError and a path the commit lacks is absent', async () => {
    const { dir, sha } = repo({ 'go.mod': 'module example.com/p\n', 'go.sum': 'example.com/x v1.0.0/go.mod h1:x=\n' })
    const bare = path.join(world.root, `bare-${n}.git`)
    world.git(world.root, 'clone', '-q', '--bare', dir, bare)
    world.git(bare, 'config', 'uploadpack.allowFilter', 'true')
    const clone = path.join(world.root, `partial-${n}`)
    world.git(world.root, 'clone', '-q', '--no-checkout', '--filter=blob:none', `file://${bare}`, clone)
    fs.renameSync(bare, `${bare}.gone`)
    const files = await readFilesAtCommit(clone, sha, ['go.mod', 'go.sum', 'absent/go.mod'], gitRunner(world.env))
    expect(files.get('go.mod')).toBeInstanceOf(GitError)
    expect(String(files.get('go.mod'))).toMatch(/could not read go\.mod at /)
    expect(files.get('go.sum')).toBeInstanceOf(GitError)
    expect(files.has('absent/go.mod')).toBe(true)
    expect(files.get('absent/go.mod')).toBeUndefined()
  })

  it('CommitFiles answers the reads of one turn with one batch, and each file once', async () => {
    const { dir, sha } = repo({ 'a/go.mod': 'module a\n', 'b/go.mod': 'module b\n' })
    const { git, verbs } = counted()
    const files = new CommitFiles(dir, git)
    const first = await Promise.all([
      files.read(sha, 'a/go.mod'),
      files.read(sha, 'b/go.mod'),
      files.read(sha, 'a/go.mod'),
      files.read(sha, 'c/go.mod')
    ])
    expect(first).toEqual(['module a\n', 'module b\n', 'module a\n', undefined])
    expect(verbs).toEqual(['ls-tree', 'cat-file'])
    expect(await files.read(sha, 'b/go.mod')).toBe('module b\n')
    expect(verbs).toHaveLength(2)
    await expect(files.read(sha, 'b/go.sum')).resolves.toBeUndefined()
    expect(verbs).toEqual(['ls-tree', 'cat-file', 'ls-tree'])
  })
})
