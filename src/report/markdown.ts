/**
 * The one Markdown escaper. Every Markdown output (job summary, PR comment, check run) passes
 * repository text through it: module paths, versions, file names and go's messages are hostile.
 * The text it returns is inline Markdown for a table cell or after a fixed prefix, never the start
 * of a block (so list and heading markers at a line's start cannot arise).
 */

/**
 * Characters Markdown (GFM) or HTML give a meaning, written as numeric character references:
 * CommonMark decodes a reference to the literal character and never reads it as syntax, and a
 * GFM table does not split a cell at `&#124;`. `$` starts GitHub's math, `~` strikethrough, `^`
 * footnotes, `:` a link scheme.
 */
const SPECIAL = /[\\`*_[\]()!<>&|#~$^{}"':]/g

/**
 * Words GitHub would turn into a link or a mention (`module@version` is an e-mail address to the
 * GFM autolinker, `@name` notifies a user, `www.` and `scheme://` autolink, `#12` and `GH-12`
 * reference issues). Entities do not stop them everywhere (GitHub's mention and reference filters
 * read the rendered text), code spans do.
 */
const LINKISH = /@|:\/\/|www\.|#\d|\bgh-\d/i

/** C0 and C1 controls (ANSI escapes, NUL, ...) shown as visible pictures, never passed through. */
function controlsVisible(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, c => {
    const n = c.charCodeAt(0)
    return n < 0x20 ? String.fromCharCode(0x2400 + n) : n === 0x7f ? '\u2421' : '\ufffd'
  })
}

function entities(text: string): string {
  return text.replace(SPECIAL, c => `&#${c.charCodeAt(0)};`)
}

/**
 * A code span of `text` on one line. The fence is longer than any backtick run inside; in a table
 * cell (`cell`, the default) `|` is written `\|`, which GFM reads as part of the cell, even in code.
 */
export function code(text: string, where: 'cell' | 'text' = 'cell'): string {
  let body = controlsVisible(text).replace(/\r\n|\r|\n/g, '\u2424')
  if (where === 'cell') body = body.replace(/\|/g, '\\|')
  if (body === '') return '` `'
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map(m => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = body.startsWith('`') || body.endsWith('`') || /^ .* $/.test(body) ? ' ' : ''
  return `${fence}${pad}${body}${pad}${fence}`
}

/**
 * Free text as inline Markdown that renders exactly as written: specials as character references,
 * line breaks as `<br>`, link-like words (`module@version`, URLs) as code spans.
 */
export function escapeMarkdown(text: string): string {
  return controlsVisible(text).replace(/\r\n|\r|\n|[^\s]+/g, word => {
    if (word === '\n' || word === '\r' || word === '\r\n') return '<br>'
    if (!LINKISH.test(word)) return entities(word)
    // Sentence punctuation stays outside the span, so "(m@v1.0.0)." reads as prose.
    const lead = /^[(["']*/.exec(word)![0]
    const tail = /[.,;:!?)\]"']*$/.exec(word.slice(lead.length))![0]
    return `${entities(lead)}${code(word.slice(lead.length, word.length - tail.length))}${entities(tail)}`
  })
}

const ruleLabels = new Map<string, string>()

/** Rule IDs in display text: U+2011 (non-breaking hyphen) so `sum-hash-changed` never wraps. */
export function ruleLabel(rule: string): string {
  let label = ruleLabels.get(rule)
  if (label === undefined) ruleLabels.set(rule, (label = code(rule.replace(/-/g, '\u2011'))))
  return label
}

/** Where a repository file can be shown: GITHUB_SERVER_URL/GITHUB_REPOSITORY/blob/<sha>/<path>. */
export interface BlobLinks {
  serverUrl: string
  repository: string
  sha: string
  /** The path from the repository's top level of a file relative to the judged root, or undefined outside it. */
  repoPath(file: string): string | undefined
}

/** Percent-encodes all but unreserved characters, so no `(`, `)` or space ends a Markdown link. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*~]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** `file:line` as a code span, linked to that line at the commit (and named from the repository's top) where `links` can. */
export function location(file: string, line: number, links: BlobLinks | undefined): string {
  const repoPath = links?.repoPath(file)
  if (links === undefined || repoPath === undefined) return code(`${file}:${line}`)
  const label = code(`${repoPath}:${line}`)
  const url = `${links.serverUrl}/${links.repository}/blob/${links.sha}/${repoPath.split('/').map(encodeSegment).join('/')}#L${line}`
  return `[${label}](${url})`
}

/** Validates the runner's variables before they become URLs: repository `owner/name`, a commit SHA, an http(s) server. */
export function blobLinks(
  env: { serverUrl?: string; repository?: string; sha?: string },
  repoPath: BlobLinks['repoPath']
): BlobLinks | undefined {
  const { serverUrl, repository, sha } = env
  if (!serverUrl || !repository || !sha) return undefined
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository) || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) {
    return undefined
  }
  let url: URL
  try {
    url = new URL(serverUrl)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  return { serverUrl: url.origin + url.pathname.replace(/\/+$/, ''), repository, sha, repoPath }
}

/** Lines appended until `limitBytes` (UTF-8) would be passed; what did not fit is counted, never cut mid-line. */
export class BoundedLines {
  readonly lines: string[] = []
  private bytes = 0
  constructor(private readonly limitBytes: number) {}

  /** Adds every line or none of them; false when they would not fit. */
  tryAdd(...lines: string[]): boolean {
    const size = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0)
    if (this.bytes + size > this.limitBytes) return false
    this.lines.push(...lines)
    this.bytes += size
    return true
  }
}
