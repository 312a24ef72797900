/**
 * The vendor step on a workspace: `go work vendor` makes one vendor/ beside go.work for every
 * module of the workspace, and `go build` in the workspace builds from it. It is regenerated
 * (`go work vendor -o`) from a scratch copy of go.work and go.work.sum, so go writes neither
 * file of the work tree, and compared file by file like a module's.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { type Finding, newFinding } from '../findings.js'
import { listTree } from '../go/tree.js'
import { ScratchWorkFile } from '../go/workfile.js'
import { type GoWorkspace, relPath } from '../modules.js'
import { removeScratch } from '../scratch.js'
import {
  type VendorTree,
  compareRegeneration,
  fileFinding,
  fixFor,
  unsafeEntryFindings,
  vendorPath
} from './vendor-tree.js'
import type { Judgment, RunContext } from './check.js'

const FIX = fixFor('go work vendor')

export async function workspaceVendorFindings(ctx: RunContext, ws: GoWorkspace): Promise<Finding[] | Judgment> {
  const owner = { relDir: relPath(ctx.root, ws.dir) }
  const committed = path.join(ws.dir, 'vendor')
  const stat = await fs.lstat(committed).catch(() => undefined)
  // No vendor/ beside go.work: the workspace builds from the module cache, as its modules' notices say.
  if (stat === undefined) return { findings: [], judged: false }
  if (!stat.isDirectory()) {
    return [
      newFinding('vendor-unsafe-entry', {
        file: vendorPath(owner, ''),
        line: 1,
        message: `${vendorPath(owner, '')} is not a directory (a link?): \`go build\` in the workspace would build from wherever it points. ${FIX}`
      })
    ]
  }
  const tree: VendorTree = { owner, tool: 'go work vendor', committed, have: await listTree(committed) }
  const regeneration = await compareRegeneration(tree, 'go-guard-work-vendor-', ws.file, async (_, vendor) => {
    const work = await ScratchWorkFile.create(ws)
    try {
      return await ctx.go.run(['work', 'vendor', '-o', vendor], {
        cwd: ws.dir,
        workspace: true,
        env: { GOWORK: work.file }
      })
    } finally {
      await work.dispose()
    }
  })
  if (regeneration.skipped) return [regeneration.skipped]
  const { diff } = regeneration
  await removeScratch(regeneration.scratch)
  return [
    ...unsafeEntryFindings(tree),
    ...diff.modified.map(rel =>
      fileFinding(tree, 'vendor-file-modified', rel, 'differs from what `go work vendor` produces for the workspace.')
    ),
    ...diff.missing.map(rel =>
      fileFinding(tree, 'vendor-file-missing', rel, 'is produced by `go work vendor` but is not committed.')
    ),
    ...diff.extra.map(rel =>
      fileFinding(
        tree,
        'vendor-file-extra',
        rel,
        'is committed but `go work vendor` does not produce it: code that no checksum covers.'
      )
    )
  ]
}
