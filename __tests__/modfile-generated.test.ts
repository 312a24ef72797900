/**
 * go.mod files generated from the grammar (blocks and single lines, comments, quoted paths,
 * retract ranges, CRLF endings, deliberate mistakes), each checked against `go mod edit -json`.
 */
import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { promisify } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from '@jest/globals'
import { expectEqualIn } from './helpers/expect.js'
import { mapLimit } from '../src/concurrency.js'
import { parseModFile } from '../src/go/modfile.js'
import { GO_BIN } from './helpers/go.js'
import { fromGo, fromOurs } from './helpers/modjson.js'

const execFileAsync = promisify(execFile)

const segment = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/)
const modPath = fc
  .tuple(fc.constantFrom('example.com', 'github.com/acme', 'gopkg.in', 'golang.org/x'), segment)
  .map(([h, s]) => `${h}/${s}`)
const version = fc.oneof(
  fc.tuple(fc.nat(3), fc.nat(12), fc.nat(9)).map(([a, b, c]) => `v${a > 1 ? 1 : a}.${b}.${c}`),
  fc.constantFrom(
    'v0.0.0-20240101000000-abcdefabcdef',
    'v1.2.3-rc.1',
    'v1.2',
    'v1',
    'v1.0.0+incompatible',
    '1.2.3',
    'v1.02.3'
  )
)
const quoted = (s: string, q: boolean): string => (q ? JSON.stringify(s) : s)
const comment = fc.constantFrom('', ' // indirect', ' // indirect; test only', ' // a note', '//indirect')

const directive = fc.oneof(
  fc
    .tuple(modPath, version, comment, fc.boolean())
    .map(([p, v, c, q]) => ({ verb: 'require', body: `${quoted(p, q)} ${v}${c}` })),
  fc.tuple(modPath, version).map(([p, v]) => ({ verb: 'exclude', body: `${p} ${v}` })),
  fc
    .tuple(
      modPath,
      fc.option(version, { nil: undefined }),
      fc.oneof(
        modPath.chain(p => version.map(v => `${p} ${v}`)),
        fc.constantFrom('./local', '../up', '/abs/dir', 'not-a-dir')
      )
    )
    .map(([p, v, n]) => ({
      verb: 'replace',
      body: `${p}${v ? ` ${v}` : ''} => ${n}`
    })),
  fc
    .tuple(version, fc.option(version, { nil: undefined }), fc.constantFrom('', ' // broken release'))
    .map(([a, b, c]) => ({ verb: 'retract', body: b ? `[${a}, ${b}]${c}` : `${a}${c}` })),
  fc.constantFrom(
    { verb: 'godebug', body: 'default=go1.21' },
    { verb: 'godebug', body: 'panicnil=1' },
    { verb: 'tool', body: 'example.com/tool/cmd/x' },
    { verb: 'ignore', body: './node_modules' }
  )
)

const goModText = fc
  .record({
    module: fc.tuple(modPath, fc.boolean()).map(([p, q]) => quoted(p, q)),
    deprecated: fc.boolean(),
    go: fc.constantFrom('', '1.21', '1.22.3', '1.21rc1', '1.21.0', 'v1.21'),
    toolchain: fc.constantFrom('', 'go1.22.1', 'default', 'local'),
    groups: fc.array(fc.tuple(fc.boolean(), fc.array(directive, { minLength: 1, maxLength: 4 })), { maxLength: 5 }),
    crlf: fc.boolean()
  })
  .map(r => {
    const lines: string[] = []
    if (r.deprecated) lines.push('// Deprecated: use example.com/other.')
    lines.push(`module ${r.module}`, '')
    if (r.go) lines.push(`go ${r.go}`)
    if (r.toolchain) lines.push(`toolchain ${r.toolchain}`)
    for (const [block, ds] of r.groups) {
      lines.push('')
      if (block) lines.push(`${ds[0].verb} (`, ...ds.map(d => `\t${d.body}`), ')')
      else lines.push(...ds.map(d => `${d.verb} ${d.body}`))
    }
    return lines.join(r.crlf ? '\r\n' : '\n') + (r.crlf ? '\r\n' : '\n')
  })

describe('parseModFile on generated go.mod files', () => {
  it('agrees with go mod edit -json on 300 generated files, valid and invalid', async () => {
    const texts = fc.sample(goModText, { numRuns: 300, seed: 20261122 })
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gomod-gen-'))
    try {
      const outcomes = await mapLimit(texts, 4, async text => {
        const file = path.join(dir, `${Math.random().toString(36).slice(2)}.mod`)
        fs.writeFileSync(file, text)
        try {
          const { stdout } = await execFileAsync(GO_BIN, ['mod', 'edit', '-json', file], {
            env: { ...process.env, GOTOOLCHAIN: 'local', GOWORK: 'off' },
            cwd: dir
          })
          return { text, go: JSON.parse(stdout) as Record<string, unknown> }
        } catch {
          return { text, go: undefined }
        }
      })
      let accepted = 0
      for (const { text, go } of outcomes) {
        const ours = parseModFile(text)
        if (go === undefined) {
          expect({ text, rejected: ours.errors.length > 0 }).toEqual({ text, rejected: true })
          continue
        }
        accepted++
        expectEqualIn(text, ours.errors, [])
        expectEqualIn(text, fromOurs(ours.file), fromGo(go))
      }
      // Both kinds of case must be exercised for the comparison to mean something.
      expect(accepted).toBeGreaterThan(30)
      expect(accepted).toBeLessThan(texts.length)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('reports the first error in the file, as go does: its lexer reads no further than the parser', async () => {
    // A statement error before a lexer error: a lexer that read the whole file first reported the
    // later one.
    const texts = [
      'module m\nrequire (\n) x\n/* c */\n',
      'module m\nrequire (\n) x\n"open\n',
      'module m\nrequire (\n) x\n\u0000\n'
    ]
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gomod-first-error-'))
    try {
      for (const text of texts) {
        fs.writeFileSync(path.join(dir, 'go.mod'), text)
        const failed = await execFileAsync(GO_BIN, ['mod', 'edit', '-json'], {
          env: { ...process.env, GOTOOLCHAIN: 'local', GOWORK: 'off' },
          cwd: dir
        }).then(
          () => '',
          (error: { stderr: string }) => error.stderr
        )
        const { errors } = parseModFile(text)
        expectEqualIn(text, errors.length, 1)
        expectEqualIn(text, failed, expect.stringContaining(`go.mod:${errors[0].line}:`))
        expectEqualIn(text, failed, expect.stringContaining(errors[0].message))
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('keeps the line of each directive, in blocks too', () => {
    const { file } = parseModFile(
      'module m\r\n\r\nrequire (\r\n\ta.com/x v1.0.0 // indirect\r\n\t// c\r\n\tb.com/y v1.1.0\r\n)\r\nreplace a.com/x => ./x\r\n'
    )
    expect(file.require.map(r => [r.path, r.line, r.indirect])).toEqual([
      ['a.com/x', 4, true],
      ['b.com/y', 6, false]
    ])
    expect(file.replace[0].line).toBe(8)
  })
})
