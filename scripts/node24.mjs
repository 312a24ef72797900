// Prints the path of a Node 24 binary for the end-to-end tests (GitHub runs node20 actions on
// Node 24 by default). Order: GO_GUARD_TEST_NODE24, a `node` on PATH that is 24, else the npm
// registry's node-<os>-<arch>@24 package unpacked into node_modules/.cache (no install script,
// nothing on node_modules/.bin, so npm scripts keep running on the Node they were started with).
// Exits 1 with the reason on standard error where none can be had.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'

const VERSION = '24.22.3'
const isNode24 = bin => {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8' }).startsWith('v24.')
  } catch {
    return false
  }
}

function locate() {
  if (process.env.GO_GUARD_TEST_NODE24) return process.env.GO_GUARD_TEST_NODE24
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const bin = path.join(dir, 'node')
    if (dir && fs.existsSync(bin) && isNode24(bin)) return bin
  }
  const pkg = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`
  const dir = path.resolve('node_modules/.cache/go-guard-node24', `${pkg}-${VERSION}`)
  const bin = path.join(dir, 'package/bin/node')
  if (isNode24(bin)) return bin
  fs.mkdirSync(dir, { recursive: true })
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir, `${pkg}@${VERSION}`], {
    encoding: 'utf8'
  })
    .trim()
    .split('\n')
    .pop()
  execFileSync('tar', ['-xzf', path.join(dir, tarball), '-C', dir])
  fs.rmSync(path.join(dir, tarball))
  if (!isNode24(bin)) throw new Error(`${pkg}@${VERSION} unpacked, but ${bin} does not run`)
  return bin
}

try {
  process.stdout.write(`${locate()}\n`)
} catch (error) {
  process.stderr.write(`no Node 24 binary: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
