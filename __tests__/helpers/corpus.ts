import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

/** ../shared/corpus beside the repository: real go.mod, go.sum, go.work and modules.txt files. */
export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus')

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
