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
  if ((c.before ?? '').trim() === '') return false
  return c.file === 'go.sum' || /[./]/.test(c.before?.replace(/\/\/.*$/, '') ?? '')
}

// White space other than ' ' and '\t', which go.mod and go.sum fields may be split at but a reader cannot see.
const UNSEEN_SPACE = /[\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g

/** A line for a message: a blank one said so, the rest quoted, with white space one cannot see spelled out. */
function quoted(text: string | undefined): string {
  if ((text ?? '').trim() === '') return 'a blank line'
  return `"${text!.replace(UNSEEN_SPACE, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`
}

/** The same fields, whatever separates them (go splits go.sum at any Unicode space). */
const sameFields = (a: string | undefined, b: string | undefined): boolean =>
  (a ?? '')
    .trim()
    .split(/[\s\u0085]+/)
    .join(' ') ===
  (b ?? '')
    .trim()
    .split(/[\s\u0085]+/)
    .join(' ')

/** For a go.sum line tidy would remove, another line of the same key and hash: go keeps one of them. */
function repeated(c: TidyChange, module: GoModule): number | undefined {
  if (c.file !== 'go.sum' || c.action !== 'remove') return undefined
  const removed = module.sum?.lines.find(l => l.line === c.line)
  return module.sum?.lines.find(
    l => removed !== undefined && l.key === removed.key && l.hash === removed.hash && l.line !== removed.line
  )?.line
}

function describe(c: TidyChange, file: string, module: GoModule): string {
  switch (c.action) {
    case 'add':
      return `go mod tidy would add ${quoted(c.after)} to ${file} here`
    case 'remove': {
      const same = repeated(c, module)
      if (same !== undefined)
        return `go mod tidy would remove ${quoted(c.before)} from ${file}: line ${same} says the same, and go writes each hash once`
      return `go mod tidy would remove ${quoted(c.before)} from ${file}${namesModule(c) ? ': no package of the module or of its tests needs it' : ''}`
    }
    case 'change':
      return sameFields(c.before, c.after)
        ? `go mod tidy would rewrite the white space of ${quoted(c.before)} in ${file} as ${quoted(c.after)}`
        : `go mod tidy would change ${quoted(c.before)} to ${quoted(c.after)} in ${file}`
    case 'move':
      return `go mod tidy would move ${quoted(c.before)} within ${file} (${c.file === 'go.sum' ? 'it writes go.sum sorted' : 'it writes each block sorted, and requirements direct apart from indirect'})`
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
      message: `${describe(c, file, module)}. Run \`go mod tidy\` and commit go.mod and go.sum.`,
      fixInMessage: true
    })
  })
}
