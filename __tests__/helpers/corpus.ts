import * as fs from 'node:fs'
import * as path from 'node:path'

/**
 * The corpus directory `npm run test:corpus <dir>` names: real go.mod, go.sum, go.work and
 * modules.txt files of other projects, read in place and never copied into this repository.
 */
export const CORPUS_DIR = ((): string => {
  const dir = process.env.GO_GUARD_CORPUS
  if (!dir || !fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    throw new Error(`GO_GUARD_CORPUS=${dir ?? ''} is not a directory: run npm run test:corpus <dir>`)
  return path.resolve(dir)
})()

export function corpusFiles(test: (name: string) => boolean): string[] {
  const out: string[] = []
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (test(entry.name)) out.push(full)
    }
  }
  walk(CORPUS_DIR)
  return out.sort()
}
