/**
 * Step 4, `vendor`: a vendored module builds from vendor/, not from checksummed downloads, so
 * vendor/ must be exactly what `go mod vendor` makes from go.mod and go.sum. It is regenerated
 * into a temporary directory (never over the user's tree) and compared file by file.
 */
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { type Finding, newFinding, skipped } from '../findings.js'
import { ScratchModFile } from '../go/command.js'
import { checkVendorConsistency, parseModulesTxt } from '../go/modulestxt.js'
import { diffTrees, listTree } from '../go/tree.js'
import type { GoModule } from '../modules.js'
import type { Check, CheckContext } from './check.js'

async function isDirectory(p: string): Promise<boolean> {
  return (await fs.lstat(p).catch(() => undefined))?.isDirectory() ?? false
}

function vendorPath(module: GoModule, rel: string): string {
  return module.relDir === '.' ? `vendor/${rel}` : `${module.relDir}/vendor/${rel}`
}

/** vendor/modules.txt against go.mod, as `go build -mod=vendor` checks it, on the line concerned. */
function modulesTxtFindings(module: GoModule, text: string): Finding[] {
  const txtFile = vendorPath(module, 'modules.txt')
  return checkVendorConsistency(module.mod.file, parseModulesTxt(text)).map(i =>
    newFinding('vendor-modules-txt-mismatch', {
      file: i.file === 'go.mod' ? module.goModFile : txtFile,
      line: i.line,
      module: i.module,
      version: i.version || undefined,
      message: `inconsistent vendoring: ${i.message}. \`go build\` refuses this vendor/ directory; run \`go mod vendor\` and commit the result.`
    })
  )
}

async function checkModule(ctx: CheckContext, module: GoModule): Promise<Finding[]> {
  const committed = path.join(module.dir, 'vendor')
  if (!(await isDirectory(committed))) {
    return [skipped('vendor', module.goModFile, `${module.relDir === '.' ? 'the module' : module.relDir} has no vendor/ directory: nothing to compare (it builds from the module cache, which the verify step checks)`)]
  }
  const findings: Finding[] = []
  const have = await listTree(committed)
  for (const [rel, entry] of have) {
    if (entry.kind === 'file') continue
    findings.push(
      newFinding('vendor-unsafe-entry', {
        file: vendorPath(module, rel),
        line: 1,
        message: `${vendorPath(module, rel)} is a ${entry.kind === 'symlink' ? 'symbolic link' : 'special file'}; \`go mod vendor\` only writes regular files, and a link can point outside the repository. Remove it and run \`go mod vendor\`.`
      })
    )
  }
  const modulesTxt = have.get('modules.txt')?.kind === 'file' ? await fs.readFile(path.join(committed, 'modules.txt'), 'utf8') : undefined
  if (modulesTxt !== undefined) {
    findings.push(...modulesTxtFindings(module, modulesTxt))
    for (const m of parseModulesTxt(modulesTxt).modules) {
      for (const p of m.packages) {
        if (p.path.split('/').some(e => e === '..' || e === '.') || p.path.startsWith('/')) {
          findings.push(newFinding('vendor-unsafe-entry', { file: vendorPath(module, 'modules.txt'), line: p.line, message: `the package path ${p.path} escapes vendor/.` }))
        }
      }
    }
  }

  // Regenerate with the modules the verify step downloads (shared), into a scratch directory.
  await ctx.downloads.get(module)
  const scratch = await ScratchModFile.create(module.goModText, module.goSumText)
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'go-guard-vendor-'))
  try {
    const regenerated = path.join(out, 'vendor')
    const result = await scratch.run(ctx.go, ['mod', 'vendor', '-o', regenerated], module.dir, module.goModFile)
    if (result.code !== 0) {
      findings.push(skipped('vendor', module.goModFile, `vendor/ could not be regenerated, so it was not compared (the verify step reports why the modules cannot be obtained): ${result.stderr.trim()}`))
      return findings
    }
    const want = (await isDirectory(regenerated)) ? await listTree(regenerated) : new Map()
    const diff = await diffTrees(regenerated, want, committed, have)
    const report = (rule: string, rel: string, what: string): void => {
      findings.push(newFinding(rule, { file: vendorPath(module, rel), line: 1, message: `${vendorPath(module, rel)} ${what} Run \`go mod vendor\` and commit the result; never edit vendor/ by hand.` }))
    }
    for (const rel of diff.modified) report('vendor-file-modified', rel, 'differs from what `go mod vendor` produces from go.mod and go.sum.')
    for (const rel of diff.missing) report('vendor-file-missing', rel, 'is produced by `go mod vendor` but is not committed.')
    for (const rel of diff.extra) report('vendor-file-extra', rel, 'is committed but `go mod vendor` does not produce it: code that no checksum covers.')
    return findings
  } finally {
    await Promise.all([scratch.dispose(), fs.rm(out, { recursive: true, force: true })])
  }
}

export const vendorCheck: Check = {
  id: 'vendor',
  async run(ctx) {
    const results = []
    for (const module of ctx.scope.modules) results.push(...(await checkModule(ctx, module)))
    return results
  }
}
