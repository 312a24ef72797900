/**
 * A workspace's go.work and go.work.sum copied for go run with GOWORK=<copy>: go then writes only
 * the copies (its go.work.sum is GOWORK's path plus ".sum", modload.WorkFilePath), never the
 * work tree's files.
 *
 * The copy lies beside the original, not in a temporary directory: go resolves `use` and local
 * `replace` paths against go.work's directory, and `go work vendor` writes the paths of local
 * replacements into vendor/modules.txt relative to it (`=> ./staging/api`). A copy elsewhere, its
 * paths made absolute, regenerates another modules.txt than the committed one.
 */
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'

export class ScratchWorkFile {
  private constructor(readonly file: string) {}

  static async create(ws: { dir: string; workText: string; sumText?: string }): Promise<ScratchWorkFile> {
    // A name no file of the repository has ('wx' fails rather than overwrite one).
    const scratch = new ScratchWorkFile(path.join(ws.dir, `.go-guard-${randomBytes(8).toString('hex')}.work`))
    try {
      await fs.writeFile(scratch.file, ws.workText, { flag: 'wx' })
      if (ws.sumText !== undefined) await fs.writeFile(`${scratch.file}.sum`, ws.sumText, { flag: 'wx' })
    } catch (error) {
      await scratch.dispose()
      throw error
    }
    return scratch
  }

  /** Removes the copy and the go.work.sum go may have written beside it. */
  async dispose(): Promise<void> {
    await Promise.all([fs.rm(this.file, { force: true }), fs.rm(`${this.file}.sum`, { force: true })])
  }
}
