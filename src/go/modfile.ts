/**
 * go.mod and go.work parsing that keeps line numbers, faithful to golang.org/x/mod/modfile
 * (read.go's lexer and block rules, rule.go's directives). Strict, as for a main module.
 */
import { canonicalVersion, checkPathMajor, isDirectoryPath, splitPathVersion } from './module.js'

export interface ModuleVersion {
  path: string
  /** '' where the directive has no version (a replacement of every version, a directory). */
  version: string
}

export interface Require extends ModuleVersion {
  indirect: boolean
  line: number
}
export interface Exclude extends ModuleVersion {
  line: number
}
export interface Replace {
  old: ModuleVersion
  new: ModuleVersion
  line: number
}
export interface Retract {
  low: string
  high: string
  rationale: string
  line: number
}
export interface Godebug {
  key: string
  value: string
  line: number
}
export interface PathDirective {
  path: string
  line: number
}

export interface ModFile {
  module?: { path: string; deprecated: string; line: number }
  go?: { version: string; line: number }
  toolchain?: { name: string; line: number }
  godebug: Godebug[]
  require: Require[]
  exclude: Exclude[]
  replace: Replace[]
  retract: Retract[]
  tool: PathDirective[]
  ignore: PathDirective[]
  /** go.work only. */
  use: PathDirective[]
}

export interface ParseError {
  line: number
  message: string
}

export interface ParseResult {
  file: ModFile
  errors: ParseError[]
}

// ---- syntax -------------------------------------------------------------------------------

type TokenKind = 'ident' | 'string' | 'comment' | 'eolcomment' | 'eof' | '\n' | '(' | ')' | '[' | ']' | '{' | '}' | ','

interface Line {
  tokens: string[]
  line: number
  before: readonly string[]
  suffix: readonly string[]
}

/** A block's opening line (`require (`): its lines are reported one by one. */
interface Block {
  tokens: string[]
  line: number
  before: readonly string[]
  suffix: readonly string[]
}

/** What parseSyntax reads, reported in file order as it is read. */
interface SyntaxVisitor {
  /** A statement on one line, or a line of `block`. */
  line(line: Line, block?: Block): void
  /** A block, before its lines: whether they are wanted. */
  block(block: Block): boolean
}

class SyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string
  ) {
    super(message)
  }
}

/** The comments of a line that has none: shared, never added to. */
const NONE: readonly string[] = Object.freeze([])

/** read.go's punctuation tokens: '\n', '(', ')', '[', ']', '{', '}', ','. */
function isPunctuation(code: number): boolean {
  switch (code) {
    case 0x0a:
    case 0x28:
    case 0x29:
    case 0x2c:
    case 0x5b:
    case 0x5d:
    case 0x7b:
    case 0x7d:
      return true
    default:
      return false
  }
}

const NOT_IDENT = /[\s\p{C}]/u

/** read.go isIdent for the character starting at text[pos]: printable, not space, not punctuation. */
function isIdentAt(text: string, pos: number): boolean {
  const code = text.charCodeAt(pos)
  // ASCII needs no Unicode property test: printable is 0x21-0x7e, the rest is space or control
  // (the space or newline that ends nearly every token).
  if (code < 0x80) return code > 0x20 && code < 0x7f && !isPunctuation(code)
  const c = String.fromCodePoint(text.codePointAt(pos) ?? 0)
  return c !== ' ' && !NOT_IDENT.test(c)
}

const SLASH = 0x2f

/**
 * read.go's lexer, one token ahead of the parser as there (input.peek/lex): `kind`, `text` and
 * `line` are the current token's. No token list is built, so a lexer error after a statement
 * error is never reached, as in go.
 */
class Lexer {
  kind: TokenKind = 'eof'
  text = ''
  line = 1
  private pos = 0
  /** The line the next token starts on. */
  private nextLine = 1
  /** An end-of-line comment's newline, the token after it. */
  private newlinePending = false

  constructor(private readonly src: string) {
    this.advance()
  }

  /** The current token's kind (a call: the parser's checks must not narrow it across advance()). */
  peek(): TokenKind {
    return this.kind
  }

  /** The current token's text; moves to the next token. */
  take(): string {
    const text = this.text
    this.advance()
    return text
  }

  /** An end of line: a newline, the end of the file, or an end-of-line comment. */
  atEOL(): boolean {
    return this.kind === '\n' || this.kind === 'eof' || this.kind === 'eolcomment'
  }

  advance(): void {
    const text = this.src
    const n = text.length
    if (this.newlinePending) {
      this.newlinePending = false
      this.set('\n', '\n')
      this.nextLine++
      return
    }
    // Skip spaces; comments run to end of line (the newline is part of a comment token).
    while (this.pos < n) {
      const c = text.charCodeAt(this.pos)
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        this.pos++
        continue
      }
      if (c === SLASH && text.charCodeAt(this.pos + 1) === SLASH) {
        const pos = this.pos
        const lineStart = text.lastIndexOf('\n', pos - 1) + 1
        const alone = text.slice(lineStart, pos).trim() === ''
        const end = text.indexOf('\n', pos)
        this.set(alone ? 'comment' : 'eolcomment', text.slice(pos, end === -1 ? n : end).replace(/\r$/, ''))
        this.pos = end === -1 ? n : end + 1
        if (end !== -1) {
          // A top-level comment eats its newline; an end-of-line comment ends its line.
          if (alone) this.nextLine++
          else this.newlinePending = true
        }
        return
      }
      if (c === SLASH && text.charCodeAt(this.pos + 1) === 0x2a) {
        throw new SyntaxError(this.nextLine, 'mod files must use // comments (not /* */ comments)')
      }
      break
    }
    if (this.pos >= n) {
      this.set('eof', '')
      return
    }
    const code = text.charCodeAt(this.pos)
    if (isPunctuation(code)) {
      const c = text[this.pos++]
      this.set(c as TokenKind, c)
      if (code === 0x0a) this.nextLine++
      return
    }
    if (code === 0x22 || code === 0x60) {
      const start = this.pos++
      while (true) {
        if (this.pos >= n) throw new SyntaxError(this.nextLine, 'unexpected EOF in string')
        const d = text.charCodeAt(this.pos++)
        if (d === 0x0a) throw new SyntaxError(this.nextLine, 'unexpected newline in string')
        if (d === code) break
        if (d === 0x5c && code !== 0x60) {
          if (this.pos >= n) throw new SyntaxError(this.nextLine, 'unexpected EOF in string')
          this.pos++
        }
      }
      this.set('string', text.slice(start, this.pos))
      return
    }
    if (!isIdentAt(text, this.pos)) {
      const cp = String.fromCodePoint(text.codePointAt(this.pos) ?? 0)
      throw new SyntaxError(this.nextLine, `unexpected input character ${JSON.stringify(cp)}`)
    }
    const start = this.pos
    let pos = start
    while (pos < n) {
      const c = text.charCodeAt(pos)
      // An ASCII identifier character other than '/' ends no token and starts no comment.
      if (c > 0x20 && c < 0x7f && c !== SLASH && !isPunctuation(c)) {
        pos++
        continue
      }
      if (!isIdentAt(text, pos) || (c === SLASH && text.charCodeAt(pos + 1) === SLASH)) break
      if (c === SLASH && text.charCodeAt(pos + 1) === 0x2a) {
        throw new SyntaxError(this.nextLine, 'mod files must use // comments (not /* */ comments)')
      }
      pos += (text.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1
    }
    this.pos = pos
    this.set('ident', text.slice(start, pos))
  }

  private set(kind: TokenKind, text: string): void {
    this.kind = kind
    this.text = text
    this.line = this.nextLine
  }
}

/**
 * read.go parseFile/parseStmt/parseLineBlock, with comments attached as modfile attaches them.
 * The first error in the file stops it, whether the lexer's or a statement's, as in go.
 */
function parseSyntax(text: string, visit: SyntaxVisitor): void {
  const lx = new Lexer(text)
  // The words of a block's line, gathered here and copied out at their exact count.
  const words: string[] = []
  // Comments gathered for the next line. A line without any shares NONE; a list handed to a line
  // is never added to again.
  let pending: string[] = []
  const handOut = (): readonly string[] => {
    if (pending.length === 0) return NONE
    const given = pending
    pending = []
    return given
  }

  // An end-of-line comment belongs to the line it ends.
  const takeSuffix = (): readonly string[] => {
    if (lx.peek() === 'eolcomment') {
      const text = lx.take()
      if (lx.peek() === '\n') lx.advance()
      return [text]
    }
    if (lx.peek() === '\n') lx.advance()
    return NONE
  }

  const parseBlockBody = (block: Block, wanted: boolean): void => {
    if (pending.length > 0) pending = []
    while (true) {
      const kind = lx.peek()
      if (kind === 'eolcomment') {
        lx.advance()
      } else if (kind === '\n') {
        lx.advance()
        if (pending.length > 0) pending = []
      } else if (kind === 'comment') {
        pending.push(lx.take())
      } else if (kind === 'eof') {
        throw new SyntaxError(lx.line, `syntax error (unterminated block started at line ${block.line})`)
      } else if (kind === ')') {
        const line = lx.line
        lx.advance()
        if (!lx.atEOL()) throw new SyntaxError(line, 'syntax error (expected newline after closing paren)')
        takeSuffix()
        return
      } else {
        const line = lx.line
        let count = 0
        while (!lx.atEOL()) words[count++] = lx.take()
        const blockLine = { tokens: words.slice(0, count), line, before: handOut(), suffix: takeSuffix() }
        if (wanted) visit.line(blockLine, block)
      }
    }
  }

  while (true) {
    if (lx.peek() === 'eof') return
    if (lx.peek() === '\n') {
      lx.advance()
      if (pending.length > 0) pending = []
      continue
    }
    if (lx.peek() === 'comment') {
      pending.push(lx.take())
      continue
    }
    const line = lx.line
    const tokens = [lx.take()]
    let done = false
    while (!done) {
      if (lx.atEOL()) {
        visit.line({ tokens, line, before: handOut(), suffix: takeSuffix() })
        done = true
      } else if (lx.peek() === '(') {
        lx.advance()
        if (lx.atEOL()) {
          const block: Block = { tokens, line, before: handOut(), suffix: takeSuffix() }
          parseBlockBody(block, visit.block(block))
          done = true
        } else if (lx.peek() === ')') {
          lx.advance()
          if (lx.atEOL()) {
            visit.block({ tokens, line, before: handOut(), suffix: takeSuffix() })
            done = true
          } else {
            tokens.push('(', ')')
          }
        } else {
          tokens.push('(')
        }
      } else {
        tokens.push(lx.take())
      }
    }
    if (pending.length > 0) pending = []
  }
}

// ---- directives ---------------------------------------------------------------------------

const GO_VERSION_RE = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/
const TOOLCHAIN_RE = /^default$|^go1($|\.)/
const DEPRECATED_RE = /(?:^|\n\n)Deprecated: *([\s\S]*?)(?:$|\n\n)/

/** strconv.Unquote for the double-quoted and raw strings go.mod allows. */
function unquote(s: string): string {
  if (s.startsWith('`')) {
    if (s.length < 2 || !s.endsWith('`')) throw new Error('invalid syntax')
    return s.slice(1, -1)
  }
  if (s.length < 2 || !s.endsWith('"')) throw new Error('invalid syntax')
  const body = s.slice(1, -1)
  const simple: Record<string, string> = {
    a: '\x07',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '\\': '\\',
    '"': '"'
  }
  let out = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (c === '"' || c === '\n') throw new Error('invalid syntax')
    if (c !== '\\') {
      out += c
      continue
    }
    const e = body[++i]
    if (e in simple) {
      out += simple[e]
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8
      const hex = body.slice(i + 1, i + 1 + len)
      if (!new RegExp(`^[0-9A-Fa-f]{${len}}$`).test(hex)) throw new Error('invalid syntax')
      out += String.fromCodePoint(parseInt(hex, 16))
      i += len
    } else if (e !== undefined && /[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3)
      if (!/^[0-7]{3}$/.test(oct)) throw new Error('invalid syntax')
      out += String.fromCharCode(parseInt(oct, 8))
      i += 2
    } else {
      throw new Error('invalid syntax')
    }
  }
  return out
}

/** rule.go parseString: quoted strings unquoted; other quote characters are reserved. */
function parseString(s: string): string {
  if (s.startsWith('"')) return unquote(s)
  // Three scans of a short string cost less than one regular expression's.
  if (s.includes('"') || s.includes("'") || s.includes('`')) throw new Error('unquoted string cannot contain quote')
  return s
}

function parseVersion(path: string, s: string): string {
  const v = canonicalVersion(parseString(s))
  if (v === '') throw new Error(`${path}: invalid version "${s}": must be of the form v1.2.3`)
  return v
}

/** rule.go modulePathMajor + module.CheckPathMajor: the version must fit the path's major suffix. */
function checkMajor(path: string, version?: string): void {
  const { pathMajor, ok } = splitPathVersion(path)
  if (!ok) throw new Error(`${path}: invalid module path`)
  if (version === undefined) return
  const problem = checkPathMajor(version, pathMajor)
  if (problem) throw new Error(`${path}: invalid version "${version}": ${problem}`)
}

function directiveComment(line: Line, block?: Block): string {
  const own = line.before.length > 0 || line.suffix.length > 0
  const source = own || block === undefined ? line : block
  return [...source.before, ...source.suffix]
    .filter(c => c.startsWith('//'))
    .map(c => c.slice(2).trim())
    .join('\n')
}

function isIndirect(line: Line): boolean {
  if (line.suffix.length === 0) return false
  const f = line.suffix[0].slice(2).trim().split(/\s+/)
  return (f.length === 1 && f[0] === 'indirect') || (f.length > 1 && f[0] === 'indirect;')
}

function emptyFile(): ModFile {
  return { godebug: [], require: [], exclude: [], replace: [], retract: [], tool: [], ignore: [], use: [] }
}

type Kind = 'mod' | 'work'
const BLOCK_VERBS: Record<Kind, Set<string>> = {
  mod: new Set(['module', 'godebug', 'require', 'exclude', 'replace', 'retract', 'tool', 'ignore']),
  work: new Set(['godebug', 'use', 'replace'])
}

function addDirective(f: ModFile, kind: Kind, verb: string, args: string[], line: Line, block?: Block): void {
  const at = line.line
  switch (verb) {
    case 'go':
      if (f.go) throw new Error('repeated go statement')
      if (args.length !== 1) throw new Error('go directive expects exactly one argument')
      if (!GO_VERSION_RE.test(args[0])) throw new Error(`invalid go version '${args[0]}': must match format 1.23.0`)
      f.go = { version: args[0], line: at }
      return
    case 'toolchain':
      if (f.toolchain) throw new Error('repeated toolchain statement')
      if (args.length !== 1) throw new Error('toolchain directive expects exactly one argument')
      if (!TOOLCHAIN_RE.test(args[0])) {
        throw new Error(`invalid toolchain version '${args[0]}': must match format go1.23.0 or default`)
      }
      f.toolchain = { name: args[0], line: at }
      return
    case 'godebug': {
      const eq = args.length === 1 && !/["`',]/.test(args[0]) ? args[0].indexOf('=') : -1
      if (eq < 0) throw new Error('usage: godebug key=value')
      f.godebug.push({ key: args[0].slice(0, eq), value: args[0].slice(eq + 1), line: at })
      return
    }
    case 'replace':
      f.replace.push({ ...parseReplace(args), line: at })
      return
  }
  if (kind === 'work') {
    if (verb !== 'use') throw new Error(`unknown directive: ${verb}`)
    if (args.length !== 1) throw new Error('usage: use local/dir')
    f.use.push({ path: parseString(args[0]), line: at })
    return
  }
  switch (verb) {
    case 'module': {
      if (f.module) throw new Error('repeated module statement')
      if (args.length !== 1) throw new Error('usage: module module/path')
      const deprecated = DEPRECATED_RE.exec(directiveComment(line, block))?.[1] ?? ''
      f.module = { path: parseString(args[0]), deprecated, line: at }
      return
    }
    case 'require':
    case 'exclude': {
      if (args.length !== 2) throw new Error(`usage: ${verb} module/path v1.2.3`)
      const path = parseString(args[0])
      const version = parseVersion(path, args[1])
      checkMajor(path, version)
      if (verb === 'require') f.require.push({ path, version, indirect: isIndirect(line), line: at })
      else f.exclude.push({ path, version, line: at })
      return
    }
    case 'retract': {
      const [low, high, rest] = parseInterval(args)
      if (rest.length > 0) throw new Error(`unexpected token after version: "${rest[0]}"`)
      f.retract.push({ low, high, rationale: directiveComment(line, block), line: at })
      return
    }
    case 'tool':
    case 'ignore': {
      if (args.length !== 1) throw new Error(`${verb} directive expects exactly one argument`)
      f[verb].push({ path: parseString(args[0]), line: at })
      return
    }
    default:
      throw new Error(`unknown directive: ${verb}`)
  }
}

function parseReplace(args: string[]): { old: ModuleVersion; new: ModuleVersion } {
  const arrow = args.length >= 2 && args[1] === '=>' ? 1 : 2
  if (args.length < arrow + 2 || args.length > arrow + 3 || args[arrow] !== '=>') {
    throw new Error(
      'usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory'
    )
  }
  const oldPath = parseString(args[0])
  const oldVersion = arrow === 2 ? parseVersion(oldPath, args[1]) : ''
  checkMajor(oldPath, arrow === 2 ? oldVersion : undefined)
  const newPath = parseString(args[arrow + 1])
  let newVersion = ''
  if (args.length === arrow + 2 && !isDirectoryPath(newPath)) {
    throw new Error(
      newPath.includes('@')
        ? "replacement module must match format 'path version', not 'path@version'"
        : 'replacement module without version must be directory path (rooted or starting with . or ..)'
    )
  }
  if (args.length === arrow + 3) {
    newVersion = parseVersion(newPath, args[arrow + 2])
    if (isDirectoryPath(newPath)) throw new Error(`replacement module directory path "${newPath}" cannot have version`)
  }
  return { old: { path: oldPath, version: oldVersion }, new: { path: newPath, version: newVersion } }
}

/**
 * rule.go parseVersionInterval. Retract versions are parsed with dontFixRetract and, with no
 * VersionFixer (as in `go mod edit`), never canonicalized: they stay as written.
 */
function parseInterval(args: string[]): [string, string, string[]] {
  if (args.length === 0 || args[0] === '(') throw new Error("expected '[' or version")
  if (args[0] !== '[') {
    const v = parseString(args[0])
    return [v, v, args.slice(1)]
  }
  if (args.length < 2) throw new Error("expected version after '['")
  const low = parseString(args[1])
  if (args[2] !== ',') throw new Error("expected ',' after version")
  if (args.length < 4) throw new Error("expected version after ','")
  const high = parseString(args[3])
  if (args[4] !== ']') throw new Error("expected ']' after version")
  return [low, high, args.slice(5)]
}

function parse(text: string, kind: Kind): ParseResult {
  const file = emptyFile()
  const errors: ParseError[] = []
  const add = (verb: string, args: string[], line: Line, block?: Block): void => {
    try {
      addDirective(file, kind, verb, args, line, block)
    } catch (error) {
      errors.push({ line: line.line, message: error instanceof Error ? error.message : String(error) })
    }
  }
  // Directives are applied as the syntax is read, so no statement outlives its own.
  try {
    parseSyntax(text, {
      line: (line, block) =>
        block ? add(block.tokens[0], line.tokens, line, block) : add(line.tokens[0], line.tokens.slice(1), line),
      block: block => {
        if (block.tokens.length === 1 && BLOCK_VERBS[kind].has(block.tokens[0])) return true
        errors.push({ line: block.line, message: `unknown block type: ${block.tokens.join(' ')}` })
        return false
      }
    })
  } catch (error) {
    // A syntax error stops the parse: nothing read before it counts.
    if (error instanceof SyntaxError)
      return { file: emptyFile(), errors: [{ line: error.line, message: error.message }] }
    throw error
  }
  return { file, errors }
}

/** Parses a go.mod file. Syntax errors stop the parse; directive errors are collected. */
export function parseModFile(text: string): ParseResult {
  return parse(text, 'mod')
}

/** Parses a go.work file (go, toolchain, godebug, use, replace). */
export function parseWorkFile(text: string): ParseResult {
  return parse(text, 'work')
}

/**
 * The replacement go applies to `path@version`: a replace of that exact version, else one of all
 * its versions (cmd/go/internal/modload/modfile.go replacement). Indexed once, so a go.mod with
 * many requirements and replacements costs one lookup per requirement, not a scan.
 */
export function replacementLookup(mod: ModFile | undefined): (path: string, version: string) => Replace | undefined {
  if (mod === undefined || mod.replace.length === 0) return () => undefined
  const byPath = new Map<string, Replace[]>()
  for (const r of mod.replace) {
    const same = byPath.get(r.old.path)
    if (same) same.push(r)
    else byPath.set(r.old.path, [r])
  }
  return (path, version) => {
    let ofAll: Replace | undefined
    for (const r of byPath.get(path) ?? []) {
      if (r.old.version === version) return r
      if (r.old.version === '') ofAll ??= r
    }
    return ofAll
  }
}
