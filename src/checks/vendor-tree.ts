/**
 * What every vendor/ tree gets, a module's (`go mod vendor`) or a workspace's (`go work
 * vendor`): entries go never writes, and the tree go regenerates compared with it file by file.
 */
import * as path from 'node:path'
import * as fs from 'node:fs/promises'
import { type Finding, newFinding, skipped } from '../findings.js'
import { type GoResult, goErrorText } from '../go/command.js'
import { type TreeDiff, type TreeEntry, diffTrees } from '../go/tree.js'
import type { RuleId } from '../rules.js'
import { generateInScratch, removeScratch } from '../scratch.js'

/** A path under `<relDir>/vendor`, repository-relative. */
export function vendorPath(owner: { relDir: string }, rel: string): string {
  const inModule = rel === '' ? 'vendor' : `vendor/${rel}`
  return owner.relDir === '.' ? inModule : `${owner.relDir}/${inModule}`
}

export interface VendorTree {
  owner: { relDir: string }
  /** The command that makes this tree: `go mod vendor` or `go work vendor`. */
  tool: string
  /** The committed vendor/ directory, and its listing. */
  committed: string
  have: Map<string, TreeEntry>
}

export const fixFor = (tool: string): string => `Run \`${tool}\` and commit the result; never edit vendor/ by hand.`

/** A finding on one file of the tree, its fix said after what is wrong. */
export function fileFinding(tree: VendorTree, rule: RuleId, rel: string, what: string): Finding {
  return newFinding(rule, {
    file: vendorPath(tree.owner, rel),
    line: 1,
    message: `${vendorPath(tree.owner, rel)} ${what} ${fixFor(tree.tool)}`
  })
}

/** Links and special files: go writes only regular files, and a link can point outside the repository. */
export function unsafeEntryFindings(tree: VendorTree): Finding[] {
  return [...tree.have]
    .filter(([, entry]) => entry.kind !== 'file')
    .map(([rel, entry]) =>
      fileFinding(
        tree,
        'vendor-unsafe-entry',
        rel,
        `is a ${entry.kind === 'symlink' ? 'symbolic link' : 'special file'}; \`${tree.tool}\` only writes regular files, and a link can point outside the repository.`
      )
    )
}

export type Regeneration =
  { skipped: Finding } | { skipped?: undefined; scratch: string; regenerated: string; diff: TreeDiff }

/**
 * Runs `regenerate(<scratch>/vendor)` and compares what it wrote with the committed tree. A
 * failure is a step-skipped finding on `skipFile`. The caller removes the scratch directory
 * (`removeScratch`), which it may still read (go's modules.txt).
 */
export async function compareRegeneration(
  tree: VendorTree,
  prefix: string,
  skipFile: string,
  regenerate: (scratch: string, vendor: string) => Promise<GoResult>
): Promise<Regeneration> {
  const { dir: scratch, result } = await generateInScratch(prefix, dir => regenerate(dir, path.join(dir, 'vendor')))
  const regenerated = path.join(scratch, 'vendor')
  if (result.code !== 0) {
    await removeScratch(scratch)
    return {
      skipped: skipped(
        'vendor',
        skipFile,
        `${vendorPath(tree.owner, '')}/ could not be regenerated with \`${tree.tool}\`, so it was not compared: ${goErrorText(result.stderr)}`,
        'fix what the verify step reports about obtaining the modules; then vendor/ is compared'
      )
    }
  }
  try {
    // Nothing to vendor writes nothing at all: every committed file is then extra.
    await fs.mkdir(regenerated, { recursive: true })
    return { scratch, regenerated, diff: await diffTrees(regenerated, tree.committed, tree.have) }
  } catch (error) {
    await removeScratch(scratch)
    throw error
  }
}
