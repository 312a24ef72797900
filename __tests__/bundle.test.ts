import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'

// jest's globalSetup has just built dist/ from src/.
const DIST = path.resolve('dist')

// What a run does not always need: each must load with import() where it is used, never at start-up.
const LOADED_ON_USE = ['openpgp', 'tar-stream', '@actions/cache', '@cyclonedx/cyclonedx-library', 'undici']

/** The files `file` imports, statically or with import(), as esbuild writes them (relative specifiers). */
function imports(file: string): { statically: string[]; dynamically: string[] } {
  const text = fs.readFileSync(file, 'utf8')
  const resolve = (specs: IterableIterator<RegExpMatchArray>): string[] =>
    [...specs].map(m => path.resolve(path.dirname(file), m[1]))
  return {
    statically: resolve(text.matchAll(/^(?:import|export)\b[^;]*?["'](\.{1,2}\/[^"']+)["'];?$/gm)),
    dynamically: resolve(text.matchAll(/\bimport\(["'](\.{1,2}\/[^"']+)["']\)/g))
  }
}

/** Packages bundled into `file`: esbuild heads each module with a comment naming its source path. */
function packagesIn(file: string): Set<string> {
  const text = fs.readFileSync(file, 'utf8')
  return new Set([...text.matchAll(/^\/\/ \S*node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gm)].map(m => m[1]))
}

function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    imports(file).statically.forEach(visit)
  }
  visit(entry)
  return seen
}

describe('the bundle', () => {
  it.each(['index.js', 'cli.js'])(
    '%s does not load OpenPGP.js, tar-stream, the cache client or undici at start-up',
    entry => {
      const loaded = new Set([...staticGraph(path.join(DIST, entry))].flatMap(f => [...packagesIn(f)]))
      expect(LOADED_ON_USE.filter(p => loaded.has(p))).toEqual([])
      // The check sees packages at all: scope selection's picomatch is loaded at start-up.
      expect(loaded.has('picomatch')).toBe(true)
    }
  )

  it('still bundles them, in chunks reached through import()', () => {
    const chunks = fs.readdirSync(path.join(DIST, 'chunks')).filter(f => f.endsWith('.js'))
    const dynamic = new Set(
      [DIST, path.join(DIST, 'chunks')].flatMap(dir =>
        fs
          .readdirSync(dir)
          .filter(f => f.endsWith('.js'))
          .flatMap(f => imports(path.join(dir, f)).dynamically)
      )
    )
    const lazy = chunks.map(f => path.join(DIST, 'chunks', f)).filter(f => dynamic.has(f))
    const bundled = new Set(lazy.flatMap(f => [...staticGraph(f)].flatMap(g => [...packagesIn(g)])))
    expect(LOADED_ON_USE.filter(p => !bundled.has(p))).toEqual([])
  })
})
