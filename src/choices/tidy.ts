/**
 * mod-not-tidy (verify step): go.mod or go.sum differ from what `go mod tidy` writes, one finding
 * on each line that would change.
 */
import type { RunContext } from '../checks/check.js'
import { checksumMismatches } from '../checks/verify.js'
import { type Finding, newFinding, skipped } from '../findings.js'
import { type TidyChange, tidyDiff } from '../go/tidy.js'
import type { GoModule } from '../modules.js'
import { allRulesOff } from '../policy.js'

/** A go.sum line, or a go.mod line naming a module path (not a block's parenthesis or a blank line). */
function namesModule(c: TidyChange): boolean {
  return c.file === 'go.sum' || /[./]/.test(c.before?.replace(/\/\/.*$/, '') ?? '')
}

function describe(c: TidyChange, file: string): string {
  switch (c.action) {
    case 'add':
      return `go mod tidy would add "${c.after}" to ${file} here`
    case 'remove':
      return `go mod tidy would remove "${c.before}" from ${file}${namesModule(c) ? ': no package of the module or of its tests needs it' : ''}`
    case 'change':
      return `go mod tidy would change "${c.before}" to "${c.after}" in ${file}`
    case 'move':
      return `go mod tidy would move "${c.before}" within ${file} (it writes each block sorted, and requirements direct apart from indirect)`
  }
}

function lineCount(text: string | undefined): number {
  return text === undefined ? 0 : text.replace(/\n$/, '').split('\n').length
}

export async function tidyFindings(ctx: RunContext, module: GoModule): Promise<Finding[]> {
  if (allRulesOff(ctx.config, ['mod-not-tidy'])) return []
  const result = await tidyDiff(ctx.go, module)
  if ('skipped' in result) {
    // A hash go refused while tidying blocks as the download's would: it is no matter of tidiness.
    const mismatches = result.failed ? checksumMismatches(module, result.failed) : []
    if (mismatches.length > 0) return mismatches
    return [
      skipped(
        'verify',
        module.goModFile,
        `tidiness not checked: ${result.skipped}`,
        'use go 1.23 or later, or fix what go reports; `rules: mod-not-tidy: off` turns the check off'
      )
    ]
  }
  return result.changes.map(c => {
    const [file, text] =
      c.file === 'go.mod' ? [module.goModFile, module.goModText] : [module.goSumFile, module.goSumText]
    // A file that does not exist yet (a missing go.sum) is annotated on go.mod's first line.
    const at =
      text === undefined
        ? { file: module.goModFile, line: 1 }
        : { file, line: Math.max(1, Math.min(c.line, lineCount(text))) }
    return newFinding('mod-not-tidy', {
      ...at,
      message: `${describe(c, file)}. Run \`go mod tidy\` and commit go.mod and go.sum.`,
      fixInMessage: true
    })
  })
}
