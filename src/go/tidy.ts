/**
 * What `go mod tidy` would change, from `go mod tidy -diff` (go 1.23+; cmd/go/internal/modcmd/tidy.go):
 * it writes nothing and prints a unified diff per file ("diff current/go.mod tidy/go.mod"),
 * exiting 1 when anything would change. Run on a scratch go.mod/go.sum all the same, so the work
 * tree cannot be touched whatever the go command does.
 */
import { type GoCommand, type GoResult, ScratchModFile, goFailure } from './command.js'
import { compareGoVersions, fromToolchainName } from './gover.js'
import type { GoModule } from '../modules.js'

export type TidyAction = 'add' | 'remove' | 'change' | 'move'

export interface TidyChange {
  file: 'go.mod' | 'go.sum'
  action: TidyAction
  /** The line of the current file: the removed or changed line, or the one an added line would precede. */
  line: number
  /** The current text (remove, change, move). */
  before?: string
  /** What tidy writes instead (add, change). */
  after?: string
}

interface DiffLine {
  file: 'go.mod' | 'go.sum'
  hunk: number
  removed: boolean
  line: number
  text: string
}

const DIRECTIVES = new Set(['require', 'exclude', 'replace', 'retract', 'tool', 'ignore', 'godebug'])

/** What a line is about, so a removed and an added line about the same module read as one change. */
function lineKey(file: 'go.mod' | 'go.sum', text: string): string {
  const fields = text
    .replace(/\/\/.*$/, '')
    .trim()
    .split(/\s+/)
  if (file === 'go.sum') return fields.slice(0, 2).join(' ')
  if (DIRECTIVES.has(fields[0]) && fields.length > 2) fields.shift()
  return fields[0]
}

/** The changed lines of go's unified diffs, located in the current files. */
export function parseTidyDiff(diff: string): TidyChange[] {
  const lines: DiffLine[] = []
  let file: 'go.mod' | 'go.sum' | undefined
  let hunk = 0
  let oldLine = 0
  for (const text of diff.split('\n')) {
    const header = /^diff current\/(go\.mod|go\.sum) /.exec(text)
    if (header) {
      file = header[1] as 'go.mod' | 'go.sum'
      continue
    }
    const range = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@/.exec(text)
    if (range) {
      hunk++
      // An empty range names the line before it.
      oldLine = Number(range[1]) + (range[2] === '0' ? 1 : 0)
      continue
    }
    if (file === undefined || hunk === 0 || text.startsWith('--- ') || text.startsWith('+++ ')) continue
    if (text.startsWith('-')) lines.push({ file, hunk, removed: true, line: oldLine++, text: text.slice(1) })
    else if (text.startsWith('+')) lines.push({ file, hunk, removed: false, line: oldLine, text: text.slice(1) })
    else if (text.startsWith(' ')) oldLine++
  }

  const changes: TidyChange[] = []
  const paired = new Set<DiffLine>()
  for (const r of lines.filter(l => l.removed)) {
    const key = lineKey(r.file, r.text)
    const a = lines.find(
      l => !l.removed && !paired.has(l) && l.file === r.file && l.hunk === r.hunk && lineKey(l.file, l.text) === key
    )
    if (a === undefined) {
      changes.push({ file: r.file, action: 'remove', line: r.line, before: r.text })
      continue
    }
    paired.add(a)
    // Line endings are the checkout's (core.autocrlf): go reads "x\r\n" as it reads "x\n".
    if (r.text.endsWith('\r') && a.text === r.text.slice(0, -1)) continue
    changes.push(
      a.text === r.text
        ? { file: r.file, action: 'move', line: r.line, before: r.text }
        : { file: r.file, action: 'change', line: r.line, before: r.text, after: a.text }
    )
  }
  for (const a of lines.filter(l => !l.removed && !paired.has(l)))
    changes.push({ file: a.file, action: 'add', line: a.line, after: a.text })
  return changes.sort((x, y) => x.file.localeCompare(y.file) || x.line - y.line)
}

/** The lines tidy would change; or why they are unknown, with go's result where go failed. */
export type TidyResult = { changes: TidyChange[] } | { skipped: string; failed?: GoResult }

export async function tidyDiff(go: GoCommand, module: GoModule): Promise<TidyResult> {
  const release = fromToolchainName((await go.env()).GOVERSION)
  if (release !== undefined && compareGoVersions(release, '1.23') < 0)
    return { skipped: `go mod tidy -diff needs go 1.23 or later; this is go${release}` }
  const result = await ScratchModFile.runOnce(go, module, ['mod', 'tidy', '-diff'])
  const failure = goFailure(result)
  if (failure === undefined) return { changes: [] }
  // tidy -diff exits 1 when it prints a diff: only a failure with no diff is an error.
  const changes = parseTidyDiff(result.stdout)
  return changes.length > 0 ? { changes } : { skipped: `go mod tidy -diff failed: ${failure}`, failed: result }
}
