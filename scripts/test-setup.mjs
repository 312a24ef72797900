// jest's globalSetup, once before the suite: the end-to-end tests run dist/, so dist/ is rebuilt
// from src/ first (a change to src/ is never tested against an old bundle; CI then checks that
// the committed dist/ is this build), and a Node 24 binary is found for them (GitHub runs node20
// actions on Node 24).
import { execFileSync } from 'node:child_process'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export default function globalSetup() {
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'inherit' })
  try {
    process.env.GO_GUARD_TEST_NODE24 = execFileSync(process.execPath, ['scripts/node24.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    }).trim()
  } catch (error) {
    const reason = String(error.stderr ?? error).trim()
    // CI must run both runtimes; elsewhere (no registry, an unusual platform) say what is left out.
    if (process.env.CI) throw new Error(`the Node 24 end-to-end run cannot start: ${reason}`)
    process.env.GO_GUARD_TEST_NODE24 = ''
    process.stderr.write(`go-guard tests: the Node 24 end-to-end run is skipped: ${reason}\n`)
  }
}
