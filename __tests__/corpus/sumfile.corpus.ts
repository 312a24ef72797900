import * as fs from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { expectEqualIn } from '../helpers/expect.js'
import { BaseSum, SAME_HASH, parseSumFile, sumKey, sumsByPath } from '../../src/go/sumfile.js'
import { corpusFiles } from '../helpers/corpus.js'

describe('parseSumFile on the corpus', () => {
  const sums = corpusFiles(name => name === 'go.sum' || name === 'go.work.sum' || name === 'vendor.sum')

  it('reads every go.sum of the corpus: one entry per non-blank line, none malformed', () => {
    expect(sums.length).toBeGreaterThan(150)
    for (const file of sums) {
      const text = fs.readFileSync(file, 'utf8')
      const parsed = parseSumFile(text)
      expectEqualIn(file, parsed.malformed, [])
      expectEqualIn(file, parsed.lines.length, text.split('\n').filter(l => l.trim() !== '').length)
      // Every entry round-trips to its own line.
      const lines = text.split('\n')
      for (const l of parsed.lines) expect(lines[l.line - 1]).toBe(`${sumKey(l)} ${l.hash}`)
    }
  })

  it('reads every go.sum of the corpus as a base commit the same way: every line listed with its hash, the same content versions', () => {
    for (const file of sums) {
      const text = fs.readFileSync(file, 'utf8')
      const parsed = parseSumFile(text)
      const base = new BaseSum(text)
      for (const l of parsed.lines)
        expect(base.hashOf(base.linesOf(l.path), l.version, l.goMod, l.hash)).toBe(SAME_HASH)
      const contentVersions: [string, string][] = []
      base.contentVersions((path, version) => contentVersions.push([path, version]))
      expectEqualIn(
        file,
        contentVersions,
        [...sumsByPath(parsed)].flatMap(([path, g]) =>
          g.contentVersion === undefined ? [] : [[path, g.contentVersion]]
        )
      )
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
})
