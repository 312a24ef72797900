import * as fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { indexSum, parseSumFile, sumKey } from '../src/go/sumfile.js'
import { corpusFiles } from './helpers/corpus.js'

describe('parseSumFile', () => {
  const sums = corpusFiles(name => name === 'go.sum' || name === 'go.work.sum' || name === 'vendor.sum')

  it('reads every go.sum of the corpus: one entry per non-blank line, none malformed', () => {
    expect(sums.length).toBeGreaterThan(150)
    for (const file of sums) {
      const text = fs.readFileSync(file, 'utf8')
      const parsed = parseSumFile(text)
      expect(parsed.malformed, file).toEqual([])
      expect(parsed.lines.length, file).toBe(text.split('\n').filter(l => l.trim() !== '').length)
      // Every entry round-trips to its own line.
      const lines = text.split('\n')
      for (const l of parsed.lines) expect(lines[l.line - 1]).toBe(`${sumKey(l)} ${l.hash}`)
    }
  })

  it('parses the largest corpus go.sum quickly', () => {
    const largest = sums.map(f => ({ f, size: fs.statSync(f).size })).sort((a, b) => b.size - a.size)[0]
    const text = fs.readFileSync(largest.f, 'utf8')
    const started = performance.now()
    for (let i = 0; i < 10; i++) parseSumFile(text)
    const perParse = (performance.now() - started) / 10
    expect(largest.size).toBeGreaterThan(500_000)
    // A generous bound: this guards against accidental quadratic work, not a benchmark.
    expect(perParse).toBeLessThan(200)
  })

  it('keeps line numbers across CRLF endings, blank lines and malformed lines', () => {
    const parsed = parseSumFile('a.com/x v1.0.0 h1:AAA=\r\n\r\nnot a valid line at all\r\na.com/x v1.0.0/go.mod h1:BBB=\r\nbroken\n')
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
