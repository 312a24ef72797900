import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { generateInScratch, isRoomyTmpfs, removeScratch, scratchRoots } from '../src/scratch.js'

const made = fs.mkdtempSync(path.join(os.tmpdir(), 'go-guard-scratch-test-'))
afterAll(() => fs.rmSync(made, { recursive: true, force: true }))

function roots(): string[] {
  const full = fs.mkdtempSync(path.join(made, 'full-'))
  const roomy = fs.mkdtempSync(path.join(made, 'roomy-'))
  return [full, roomy]
}

describe('scratch trees', () => {
  it('are tried on the next root when go finds the file system full, and the full one is removed', async () => {
    const [full, roomy] = roots()
    const tried: string[] = []
    const { dir, result } = await generateInScratch(
      'vendor-',
      async d => {
        tried.push(d)
        fs.writeFileSync(path.join(d, 'partial'), 'x')
        return d.startsWith(full)
          ? { code: 1, stderr: 'go: writing vendor/a/b.go: write /dev/shm/x: no space left on device' }
          : { code: 0, stderr: '' }
      },
      [full, roomy]
    )
    expect(result.code).toBe(0)
    expect(path.dirname(dir)).toBe(roomy)
    expect(tried.map(path.dirname)).toEqual([full, roomy])
    expect(fs.readdirSync(full)).toEqual([])
    await removeScratch(dir)
    expect(fs.existsSync(dir)).toBe(false)
  })

  it('keep any other failure as go reported it, without a second try', async () => {
    const [first, second] = roots()
    let calls = 0
    const { dir, result } = await generateInScratch(
      'vendor-',
      () => Promise.resolve({ code: 1, stderr: `go: example.com/m@v1.0.0: missing go.sum entry (call ${++calls})` }),
      [first, second]
    )
    expect(result.stderr).toContain('call 1')
    expect(calls).toBe(1)
    expect(path.dirname(dir)).toBe(first)
    await removeScratch(dir)
  })

  it('are removed when generating throws', async () => {
    const [first] = roots()
    await expect(
      generateInScratch(
        'vendor-',
        () => {
          throw new Error('go could not run')
        },
        [first]
      )
    ).rejects.toThrow('go could not run')
    expect(fs.readdirSync(first)).toEqual([])
  })

  it('are removed whole, nested directories and all', async () => {
    const dir = fs.mkdtempSync(path.join(made, 'tree-'))
    for (let i = 0; i < 50; i++) {
      fs.mkdirSync(path.join(dir, `m${i}`, 'sub'), { recursive: true })
      fs.writeFileSync(path.join(dir, `m${i}`, 'sub', 'f.go'), 'package sub\n')
    }
    await removeScratch(dir)
    expect(fs.existsSync(dir)).toBe(false)
  })

  it('go to a tmpfs only with 1 GiB and 200,000 inodes free, and never to another file system', async () => {
    const dir = fs.mkdtempSync(path.join(made, 'fs-'))
    const tmpfs = { type: 0x01021994, bsize: 4096, bavail: 262_144, ffree: 200_000 }
    const of = (stat: typeof tmpfs) => () => Promise.resolve(stat)
    expect(await isRoomyTmpfs(dir, of(tmpfs))).toBe(true)
    // ext4's magic, with room.
    expect(await isRoomyTmpfs(dir, of({ ...tmpfs, type: 0xef53 }))).toBe(false)
    expect(await isRoomyTmpfs(dir, of({ ...tmpfs, bavail: 262_143 }))).toBe(false)
    expect(await isRoomyTmpfs(dir, of({ ...tmpfs, ffree: 199_999 }))).toBe(false)
    expect(await isRoomyTmpfs(path.join(dir, 'absent'), of(tmpfs))).toBe(false)
    expect(await isRoomyTmpfs(dir, () => Promise.reject(new Error('ENOSYS')))).toBe(false)
  })

  it('end with the temporary directory', async () => {
    const candidates = await scratchRoots()
    expect(candidates[candidates.length - 1]).toBe(os.tmpdir())
    expect(candidates.length).toBeLessThanOrEqual(2)
  })
})
