/**
 * A workspace's go.work and go.work.sum copied into a scratch directory, for go run with
 * GOWORK=<copy>: go then writes only the copies (go.work.sum is GOWORK's path plus ".sum",
 * modload.WorkFilePath), never the work tree's files.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { type GoCommand, parseJSONStream } from './command.js'

interface WorkEditJSON {
  Use?: { DiskPath: string }[] | null
  Replace?: { Old: { Path: string; Version?: string }; New: { Path: string; Version?: string } }[] | null
}

/**
 * Writes the copy into `dir` and returns its go.work path. Its `use` and local `replace` paths
 * are made absolute with `go work edit`, so it means what the original means from anywhere.
 */
export async function writeScratchWorkFile(
  go: GoCommand,
  ws: { dir: string; workText: string; sumText?: string },
  dir: string
): Promise<string> {
  const file = path.join(dir, 'go.work')
  await fs.writeFile(file, ws.workText)
  if (ws.sumText !== undefined) await fs.writeFile(`${file}.sum`, ws.sumText)
  const parsed = parseJSONStream<WorkEditJSON>((await go.run(['work', 'edit', '-json', file], { cwd: dir })).stdout)
  const edits: string[] = []
  for (const u of parsed[0]?.Use ?? []) edits.push(`-dropuse=${u.DiskPath}`, `-use=${path.resolve(ws.dir, u.DiskPath)}`)
  for (const r of parsed[0]?.Replace ?? []) {
    if (r.New.Version || !/^\.\.?(\/|$)/.test(r.New.Path)) continue
    const old = r.Old.Version ? `${r.Old.Path}@${r.Old.Version}` : r.Old.Path
    edits.push(`-dropreplace=${old}`, `-replace=${old}=${path.resolve(ws.dir, r.New.Path)}`)
  }
  if (edits.length > 0) await go.run(['work', 'edit', ...edits, file], { cwd: dir })
  return file
}
