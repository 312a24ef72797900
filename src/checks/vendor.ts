/**
 * Step 4, `vendor`: a vendored module builds from vendor/, not from checksummed downloads, so
 * vendor/ must be exactly what `go mod vendor` makes from go.mod and go.sum. It is regenerated
 * into a temporary directory (never over the user's tree) and compared file by file, and
 * vendor/modules.txt is checked against go.mod as the go command checks it.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { type Finding, newFinding, skipped } from '../findings.js'
import { ignoredPaths } from '../git.js'
import { ScratchModFile, parseJSONStream } from '../go/command.js'
import { fromToolchainName } from '../go/gover.js'
import { type ModulesTxt, checkVendorConsistency, diffModulesTxt, parseModulesTxt } from '../go/modulestxt.js'
import { listTree } from '../go/tree.js'
import type { GoModule } from '../modules.js'
import { removeScratch } from '../scratch.js'
import { shortList } from '../shortlist.js'
import type { Check, RunContext } from './check.js'
import {
  type VendorTree,
  compareRegeneration,
  fileFinding,
  fixFor,
  unsafeEntryFindings,
  vendorPath
} from './vendor-tree.js'
import { workspaceVendorFindings } from './vendor-workspace.js'

const MODULES_TXT = 'modules.txt'
const FIX = fixFor('go mod vendor')

/** `-mod=vendor` in the job's GOFLAGS (go env GOFLAGS, which includes the `go env -w` file). */
function forcesVendor(goflags: string): boolean {
  return goflags.split(/\s+/).some(f => /^--?mod=vendor$/.test(f))
}

/** vendor/modules.txt against go.mod, as `go build -mod=vendor` checks it, on the line concerned. */
function consistencyFindings(
  module: GoModule,
  txt: ModulesTxt,
  localGoVersion: string | undefined,
  why: string
): Finding[] {
  return checkVendorConsistency(module.mod.file, txt, { localGoVersion }).map(i =>
    newFinding('vendor-modules-txt-mismatch', {
      file: i.file === 'go.mod' ? module.goModFile : vendorPath(module, MODULES_TXT),
      line: i.line,
      module: i.module,
      version: i.version || undefined,
      message: `inconsistent vendoring: ${i.message}. ${why} ${FIX}`
    })
  )
}

/** The module has no vendor/ directory: skipped, unless the job forces -mod=vendor, where go checks modules.txt anyway. */
async function withoutVendor(ctx: RunContext, module: GoModule, entry: string): Promise<Finding[]> {
  const env = await ctx.go.env()
  if (forcesVendor(env.GOFLAGS)) {
    const findings = consistencyFindings(
      module,
      { modules: [], workspace: false },
      undefined,
      `GOFLAGS sets -mod=vendor, but the module of ${module.goModFile} has no vendor/modules.txt, so \`go build\` refuses to build.`
    )
    if (findings.length > 0) return findings
  }
  return [
    skipped(
      'vendor',
      module.goModFile,
      `the module of ${module.goModFile} has no vendor/ directory${entry}: nothing to compare (it builds from the module cache, which the verify step checks)`,
      'nothing: vendoring is optional'
    )
  ]
}

// What the build reads whatever the platform or build tags: every extension go/build sorts into
// a file list (go/build/build.go fileListForExt, and .go), and the objects and libraries cgo's
// `#cgo LDFLAGS: ${SRCDIR}/...` links, which no go list field names.
const BUILD_INPUT = /\.(go|c|cc|cpp|cxx|m|h|hh|hpp|hxx|f|F|for|f90|s|S|sx|swig|swigcxx|syso|a|o|so|dylib|dll|lib)$/

/**
 * The files of a regenerated vendor/ (at `out`/vendor) that vendored packages embed, relative to
 * vendor/, as `go list -mod=vendor` reports them; undefined when go cannot say. go lists the
 * embeds of the files this platform builds (`go mod vendor` copies those of every file): one only
 * another platform embeds is missed, and its build there fails on the pattern, loudly.
 */
async function embeddedFiles(ctx: RunContext, module: GoModule, out: string): Promise<Set<string> | undefined> {
  const txt = await fs.readFile(path.join(out, 'vendor', MODULES_TXT), 'utf8').catch(() => '')
  const packages = txt.split('\n').filter(l => l !== '' && !l.startsWith('#'))
  if (packages.length === 0) return new Set()
  // go needs a go.mod beside vendor/ to find the module root; in vendor mode it reads nothing else.
  await fs.writeFile(path.join(out, 'go.mod'), module.goModText)
  const result = await ctx.go.run(['list', '-mod=vendor', '-e', '-json=ImportPath,EmbedFiles', '--', ...packages], {
    cwd: out
  })
  if (result.code !== 0) return undefined
  const files = new Set<string>()
  for (const p of parseJSONStream<{ ImportPath: string; EmbedFiles?: string[] }>(result.stdout))
    for (const f of p.EmbedFiles ?? []) files.add(`${p.ImportPath}/${f}`)
  return files
}

/**
 * Of the missing files, those .gitignore excludes, and of these the ones the build never reads:
 * `go mod vendor` followed by `git status` stays clean for them, so "commit the result" cannot
 * be followed. An ignored file the build reads (a source file on any platform, an embedded
 * file, or any file when go cannot list the embedded ones) stays vendor-file-missing.
 */
async function classifyMissing(
  ctx: RunContext,
  module: GoModule,
  out: string,
  missing: string[]
): Promise<{ ignored: Set<string>; unread: Set<string> }> {
  // `./` keeps a path from being read as pathspec magic such as `:(top)`.
  const asked = new Map(missing.map(rel => [`./${vendorPath(module, rel)}`, rel]))
  const ignored = new Set([...(await ignoredPaths(ctx.root, [...asked.keys()]))].map(p => asked.get(p)!))
  const candidates = [...ignored].filter(rel => !BUILD_INPUT.test(rel))
  const embedded = candidates.length > 0 ? await embeddedFiles(ctx, module, out) : undefined
  return { ignored, unread: new Set(embedded === undefined ? [] : candidates.filter(rel => !embedded.has(rel))) }
}

/** Regenerates vendor/ into a scratch directory and compares it with the committed tree. */
async function compareWithRegeneration(
  ctx: RunContext,
  module: GoModule,
  tree: VendorTree,
  modulesTxt: string | undefined,
  reported: Set<string>
): Promise<Finding[]> {
  // Not after the verify step's download: the regeneration is the run's longest go command, so it
  // starts at once; go's module cache locks each module@version, so none is fetched twice.
  const regeneration = await compareRegeneration(tree, 'go-guard-vendor-', module.goModFile, (_, vendor) =>
    ScratchModFile.runOnce(ctx.go, module, ['mod', 'vendor', '-o', vendor])
  )
  if (regeneration.skipped) return [regeneration.skipped]
  const { scratch, regenerated, diff } = regeneration
  try {
    const findings: Finding[] = []
    for (const rel of diff.modified) {
      if (rel === MODULES_TXT && modulesTxt !== undefined) continue // reported line by line below
      findings.push(
        fileFinding(
          tree,
          'vendor-file-modified',
          rel,
          'differs from what `go mod vendor` produces from go.mod and go.sum.'
        )
      )
    }
    const { ignored, unread } = await classifyMissing(ctx, module, scratch, diff.missing)
    for (const rel of diff.missing.filter(r => !unread.has(r)))
      findings.push(
        fileFinding(
          tree,
          'vendor-file-missing',
          rel,
          ignored.has(rel)
            ? 'is produced by `go mod vendor` but is not committed: .gitignore excludes it, yet the build reads it. Commit it with `git add -f`, or narrow the .gitignore pattern.'
            : 'is produced by `go mod vendor` but is not committed.'
        )
      )
    if (unread.size > 0) {
      const files = [...unread].map(rel => vendorPath(module, rel))
      findings.push(
        newFinding('vendor-file-ignored', {
          file: vendorPath(module, MODULES_TXT),
          line: 1,
          message: `${files.length === 1 ? 'a file' : `${files.length} files`} \`go mod vendor\` writes, not committed because .gitignore excludes ${files.length === 1 ? 'it' : 'them'}; the build never reads ${files.length === 1 ? 'it' : 'them'} (no source file, no embedded file), so \`go mod vendor\` then \`git status\` stays clean: ${shortList(files, 20)}.`
        })
      )
    }
    for (const rel of diff.extra)
      findings.push(
        fileFinding(
          tree,
          'vendor-file-extra',
          rel,
          'is committed but `go mod vendor` does not produce it: code that no checksum covers.'
        )
      )
    if (modulesTxt !== undefined && diff.modified.includes(MODULES_TXT)) {
      const wantText = await fs.readFile(path.join(regenerated, MODULES_TXT), 'utf8')
      for (const d of diffModulesTxt(modulesTxt, wantText, module.mod.file, reported)) {
        findings.push(
          newFinding('vendor-modules-txt-mismatch', {
            file: d.file === 'go.mod' ? module.goModFile : vendorPath(module, MODULES_TXT),
            line: d.line,
            module: d.module,
            version: d.version,
            message: `${d.message}. ${FIX}`
          })
        )
      }
    }
    return findings
  } finally {
    await removeScratch(scratch)
  }
}

async function checkModule(ctx: RunContext, module: GoModule): Promise<Finding[]> {
  const committed = path.join(module.dir, 'vendor')
  const stat = await fs.lstat(committed).catch(() => undefined)
  if (stat?.isSymbolicLink()) {
    // The go command stats vendor/ through the link (modload/init.go setDefaultBuildMod) and
    // would build from wherever it points; go-guard never follows it.
    return [
      newFinding('vendor-unsafe-entry', {
        file: vendorPath(module, ''),
        line: 1,
        message: `${vendorPath(module, '')} is a symbolic link: \`go build\` would build from wherever it points, outside what go.sum covers. Replace it with a real directory: ${FIX}`
      })
    ]
  }
  if (!stat?.isDirectory()) return withoutVendor(ctx, module, stat ? ' (vendor is not a directory)' : '')

  const have = await listTree(committed)
  const tree: VendorTree = { owner: module, tool: 'go mod vendor', committed, have }
  const findings = unsafeEntryFindings(tree)
  const modulesTxt =
    have.get(MODULES_TXT)?.kind === 'file' ? await fs.readFile(path.join(committed, MODULES_TXT), 'utf8') : undefined
  const txt = parseModulesTxt(modulesTxt ?? '')
  if (txt.workspace) {
    // Made by `go work vendor`: the workspace beside it judges all of it, links included.
    if (ctx.scope.workspaces.some(w => w.dir === module.dir)) return []
    return [
      ...findings,
      skipped(
        'vendor',
        vendorPath(module, MODULES_TXT),
        `${vendorPath(module, '')} was made by \`go work vendor\`, but no go.work in scope sits beside it, so it was not compared`,
        'commit the go.work that vendor/ was made from, or regenerate vendor/ with `go mod vendor`'
      )
    ]
  }
  const localGoVersion = fromToolchainName((await ctx.go.env()).GOVERSION)
  const inconsistent = consistencyFindings(
    module,
    txt,
    localGoVersion,
    '`go build -mod=vendor` (the default from go 1.14 when vendor/ exists) refuses this vendor/ directory.'
  )
  findings.push(...inconsistent)
  const reported = new Set(inconsistent.map(f => f.module).filter((m): m is string => m !== undefined))
  findings.push(...(await compareWithRegeneration(ctx, module, tree, modulesTxt, reported)))
  return findings
}

export const vendorCheck: Check = {
  id: 'vendor',
  needs: 'go',
  judges: 'module',
  judge: async ctx =>
    ctx.kind === 'module' ? checkModule(ctx, ctx.module) : workspaceVendorFindings(ctx, ctx.workspace)
}
