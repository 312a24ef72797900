import { describe, expect, it } from '@jest/globals'
import { indexSum, parseSumFile } from '../src/go/sumfile.js'

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
})
