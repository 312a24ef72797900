import fc from 'fast-check'
import { describe, expect, it } from '@jest/globals'
import { BaseSum, SAME_HASH, goFields, indexSum, parseSumFile, sumKey, sumsByPath } from '../src/go/sumfile.js'
import * as semver from '../src/go/semver.js'

/** strings.Fields written from unicode.IsSpace's table, the way the parser once did it. */
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/
const referenceFields = (s: string): string[] => s.split(GO_SPACE).filter(f => f !== '')

/** readGoSum over referenceFields, line by line. */
function referenceParse(text: string): unknown {
  const lines: unknown[] = []
  const malformed: unknown[] = []
  text.split('\n').forEach((raw, i) => {
    const fields = referenceFields(raw)
    if (fields.length === 0) return
    if (fields.length !== 3) {
      malformed.push({ line: i + 1, text: raw, fields: fields.length })
      return
    }
    const [path, version, hash] = fields
    if (hash === 'h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=') return
    const goMod = version.endsWith('/go.mod')
    lines.push({ path, version: goMod ? version.slice(0, -7) : version, goMod, hash, line: i + 1 })
  })
  return { lines, malformed }
}

describe('parseSumFile', () => {
  it('keeps line numbers across CRLF endings, blank lines and malformed lines', () => {
    const parsed = parseSumFile(
      'a.com/x v1.0.0 h1:AAA=\r\n\r\nnot a valid line at all\r\na.com/x v1.0.0/go.mod h1:BBB=\r\nbroken\n'
    )
    expect(parsed.lines.map(l => [l.line, l.path, l.version, l.goMod, l.hash])).toEqual([
      [1, 'a.com/x', 'v1.0.0', false, 'h1:AAA='],
      [4, 'a.com/x', 'v1.0.0', true, 'h1:BBB=']
    ])
    expect(parsed.malformed.map(m => m.line)).toEqual([3, 5])
  })

  it('groups duplicate keys: go accepts a download matching any listed hash', () => {
    const index = indexSum(parseSumFile('a.com/x v1.0.0 h1:AAA=\na.com/x v1.0.0 h1:EVIL=\n'))
    expect(index.get('a.com/x v1.0.0')!.map(l => l.hash)).toEqual(['h1:AAA=', 'h1:EVIL='])
  })

  it("splits fields as strings.Fields does: unicode.IsSpace, not JavaScript's \\s", () => {
    expect(goFields('a\u0085b\u00a0c\u2028d\u3000e\u000bf')).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    // U+FEFF is white space to JavaScript, not to go.
    expect(goFields('a\ufeffb')).toEqual(['a\ufeffb'])
    const parsed = parseSumFile('a.com/x\u0085v1.0.0\u00a0h1:EVIL=\na.com/x v1.0.0\ufeffh1:X=\n')
    expect(parsed.lines.map(l => l.hash)).toEqual(['h1:EVIL='])
    expect(parsed.malformed).toEqual([{ line: 2, text: 'a.com/x v1.0.0\ufeffh1:X=', fields: 2 }])
  })

  it('drops the empty go.mod hash an old go wrote, as readGoSum does', () => {
    const parsed = parseSumFile('a.com/x v1.0.0/go.mod h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=\n')
    expect(parsed).toEqual({ lines: [], malformed: [] })
  })

  it('splits every line as strings.Fields does, fast path or not: any mix of spaces, CRLF and Unicode', () => {
    // Lines as go writes them take the indexOf path; any other white space, the exact one. Mixed
    // in one file, they check that each line is split by the path its own text calls for.
    const space = fc.constantFrom(
      ' ',
      ' ',
      '  ',
      '\t',
      '\r',
      '\v',
      '\f',
      '\u0085',
      '\u00a0',
      '\u1680',
      '\u2000',
      '\u200a',
      '\u2028',
      '\u2029',
      '\u202f',
      '\u205f',
      '\u3000'
    )
    // Not white space to go: U+FEFF and U+200B (JavaScript's \s has the first), U+180E.
    const word = fc.oneof(
      fc.constantFrom(
        'example.com/a',
        'v1.2.3',
        'v1.2.3/go.mod',
        '/go.mod',
        'h1:AAAA=',
        'x',
        '\ufeff',
        '\u200b',
        '\u180e',
        'é',
        '\ud83d\ude00'
      ),
      fc.string({ maxLength: 6 })
    )
    const line = fc.oneof(
      fc.tuple(word, word, word).map(([a, b, c]) => `${a} ${b} ${c}`),
      fc.array(fc.oneof(word, space), { maxLength: 8 }).map(parts => parts.join(''))
    )
    const file = fc
      .tuple(fc.array(fc.tuple(line, fc.boolean()), { maxLength: 12 }), fc.boolean())
      .map(
        ([lines, final]) => lines.map(([l, crlf]) => `${l}${crlf ? '\r\n' : '\n'}`).join('') + (final ? 'a b c' : '')
      )
    fc.assert(
      fc.property(file, text => {
        const parsed = parseSumFile(text)
        expect({ ...parsed, lines: parsed.lines.map(({ key: _key, ...l }) => l) }).toEqual(referenceParse(text))
        for (const l of parsed.lines) expect(l.key).toBe(sumKey(l))
      }),
      { numRuns: 2000, seed: 16 }
    )
    fc.assert(
      fc.property(fc.array(fc.oneof(word, space)), parts => {
        const s = parts.join('')
        expect(goFields(s)).toEqual(referenceFields(s))
      }),
      { numRuns: 2000, seed: 16 }
    )
  })
})

describe('BaseSum and sumsByPath', () => {
  it('group what parseSumFile reads by path, in file order, with the highest content version', () => {
    // Few paths, versions and hashes, so keys repeat (a key with several hashes), versions of
    // one path compete, a path's lines are apart (an unsorted file), and /go.mod-only paths,
    // malformed lines and the empty go.mod hash occur.
    const entry = fc
      .tuple(
        fc.constantFrom('a.com/x', 'a.com/x/v2', 'b.org/y', 'gopkg.in/yaml.v3'),
        fc.constantFrom('v1.0.0', 'v1.2.0', 'v0.9.0', 'v2.0.0+incompatible', 'v1.0.0-rc.1', 'v1.2', 'bad'),
        fc.boolean(),
        fc.constantFrom('h1:AAA=', 'h1:BBB=', 'h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY='),
        fc.constantFrom(' ', ' ', '  ', '\t', '\u00a0'),
        fc.constantFrom('\n', '\r\n')
      )
      .map(([p, v, goMod, h, sep, end]) => `${p}${sep}${v}${goMod ? '/go.mod' : ''} ${h}${end}`)
    const file = fc.array(fc.oneof(entry, entry, entry, fc.constantFrom('junk\n', '\n', 'a b c d\n')), {
      maxLength: 16
    })
    fc.assert(
      fc.property(file, lines => {
        const text = lines.join('')
        const parsed = parseSumFile(text)
        // The same grouping, the plain way.
        const expected = new Map<string, { lines: typeof parsed.lines; contentVersion: string | undefined }>()
        for (const l of parsed.lines) {
          const group = expected.get(l.path) ?? { lines: [], contentVersion: undefined }
          expected.set(l.path, group)
          group.lines.push(l)
          if (!l.goMod && (group.contentVersion === undefined || semver.compare(l.version, group.contentVersion) > 0))
            group.contentVersion = l.version
        }
        expect([...sumsByPath(parsed)]).toEqual([...expected])
        const base = new BaseSum(text)
        const contentVersions: [string, string][] = []
        base.contentVersions((path, version) => contentVersions.push([path, version]))
        expect(contentVersions).toEqual(
          [...expected].flatMap(([path, g]) => (g.contentVersion === undefined ? [] : [[path, g.contentVersion]]))
        )
        for (const [path, group] of expected) {
          expect(base.has(path)).toBe(true)
          for (const l of group.lines) {
            // Any line of the key with this hash makes it unchanged; a hash base never listed for
            // the key is answered with the key's first hash (what sum-hash-changed names).
            const ofKey = group.lines.filter(o => o.version === l.version && o.goMod === l.goMod)
            expect(base.hashOf(base.linesOf(path), l.version, l.goMod, l.hash)).toBe(SAME_HASH)
            expect(base.hashOf(base.linesOf(path), l.version, l.goMod, `${l.hash}x`)).toBe(ofKey[0].hash)
            expect(base.hashOf(base.linesOf(path), `${l.version}x`, l.goMod, l.hash)).toBeUndefined()
          }
        }
        expect(base.has('c.net/absent')).toBe(false)
        expect(base.linesOf('c.net/absent')).toBeUndefined()
      }),
      { numRuns: 2000, seed: 16 }
    )
  })
})
