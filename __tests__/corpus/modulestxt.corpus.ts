import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { checkVendorConsistency, parseModulesTxt } from '../../src/go/modulestxt.js'
import { parseModFile } from '../../src/go/modfile.js'
import { corpusFiles } from '../helpers/corpus.js'
import { expectEqualIn } from '../helpers/expect.js'

describe('parseModulesTxt on the corpus', () => {
  it('reads every vendor/modules.txt of the corpus, consistent with its go.mod', () => {
    const files = corpusFiles(name => name === 'modules.txt')
    expect(files.length).toBeGreaterThanOrEqual(9)
    for (const file of files) {
      const started = performance.now()
      const txt = parseModulesTxt(fs.readFileSync(file, 'utf8'))
      // A guard against quadratic work, not a benchmark (the first file also pays for JIT warm-up).
      expect(performance.now() - started).toBeLessThan(1000)
      expect({ file, empty: txt.modules.length === 0 }).toEqual({ file, empty: false })
      const dir = path.dirname(path.dirname(file))
      const goMod = ['go.mod', 'vendor.mod'].map(n => path.join(dir, n)).find(f => fs.existsSync(f))!
      expectEqualIn(file, checkVendorConsistency(parseModFile(fs.readFileSync(goMod, 'utf8')).file, txt), [])
    }
  })
})
