import { describe, expect, it } from '@jest/globals'
import { goFields, indexSum, parseSumFile } from '../src/go/sumfile.js'

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
})
