// npm run test:corpus <dir>: the parsers against a directory of real go.mod, go.sum, go.work and
// vendor/modules.txt files (this project's CI has ../shared/corpus). Not part of `npm test`: the
// files are other projects' data and are never copied into this repository.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'

const [dir, ...jestArgs] = process.argv.slice(2)
if (!dir || !fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
  process.stderr.write('usage: npm run test:corpus -- <corpus directory> [jest options]\n')
  process.exit(2)
}
const run = spawnSync(
  process.execPath,
  ['node_modules/jest/bin/jest.js', '--config', 'jest.corpus.config.js', ...jestArgs],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      GO_GUARD_CORPUS: path.resolve(dir),
      NODE_OPTIONS: '--experimental-vm-modules --disable-warning=ExperimentalWarning'
    }
  }
)
process.exit(run.status ?? 2)
