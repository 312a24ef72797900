import * as fs from 'node:fs'
import { describe, expect, it } from '@jest/globals'

const read = (file: string): string => fs.readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')

describe("README's benchmark table", () => {
  it('is the table of one bench run (bench/results.md), spliced by scripts/readme-bench.mjs', () => {
    const section = /<!-- bench:start[^>]*-->\n([\s\S]*?)<!-- bench:end -->/.exec(read('README.md'))
    expect(section?.[1].trim()).toBe(read('bench/results.md').trim())
  })
})
