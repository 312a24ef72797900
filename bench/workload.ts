/**
 * The benchmark's workload, generated once and cached under bench/.work: a file:// module proxy
 * of 400+ fixture modules, an application requiring all of them with a vendor/ tree of 10k+
 * files and a base commit in git history, a monorepo of 200 modules whose head commit upgrades
 * a dependency of one of them, and an attacker's pull request: 2,000 tiny go.mod files, each 12
 * directories deep beside directories holding no module.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { type FixtureModule, writeProxy } from '../__tests__/fixtures/proxy.js'

export const WORKLOAD_VERSION = '4'
export const MODULES = 400
const FILES_PER_MODULE = 26
export const SERVICES = 200
export const FLOOD_MODULES = 2000
/** Directories between the flood's root and each of its go.mod files, and directories beside each. */
export const FLOOD_DEPTH = 12
const FLOOD_SIDE_DIRS = 5

export interface Workload {
  dir: string
  proxy: string
  app: string
  monorepo: string
  /** The monorepo's base commit (every service at m*@v1.0.0) before head (svc0 upgrades m0). */
  monorepoBase: string
  /** An attacker's pull request: FLOOD_MODULES go.mod files, each FLOOD_DEPTH directories deep (writeFlood). */
  flood: string
  /** The app's base commit (395 modules) before head (400, one upgraded). */
  base: string
  env: Record<string, string>
}

function moduleAt(i: number, version: string): FixtureModule {
  const name = `m${i}`
  const files: Record<string, string> = {}
  for (let f = 0; f < FILES_PER_MODULE; f++)
    files[`f${f}.go`] = `package ${name}\n\n// F${f} is fixture code of ${version}.\nfunc F${f}() int { return ${f} }\n`
  return { path: `example.com/bench/${name}`, version, files }
}

function git(cwd: string, env: Record<string, string>, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim()
}

function writeApp(dir: string, count: number, bumped: boolean): void {
  const reqs = Array.from(
    { length: count },
    (_, i) => `\texample.com/bench/m${i} ${bumped && i === 0 ? 'v1.1.0' : 'v1.0.0'}\n`
  ).join('')
  fs.writeFileSync(path.join(dir, 'go.mod'), `module example.com/bench/app\n\ngo 1.21\n\nrequire (\n${reqs})\n`)
  const imports = Array.from({ length: count }, (_, i) => `\t_ "example.com/bench/m${i}"\n`).join('')
  fs.writeFileSync(path.join(dir, 'main.go'), `package main\n\nimport (\n${imports})\n\nfunc main() {}\n`)
}

/** A service requiring 20 of the fixture modules, svc0 one of them at `m0Version`. */
function writeService(svc: string, s: number, m0Version: string): void {
  const deps = Array.from({ length: 20 }, (_, k) => (s * 20 + k) % MODULES)
  const version = (d: number): string => (d === 0 ? m0Version : 'v1.0.0')
  fs.writeFileSync(
    path.join(svc, 'go.mod'),
    `module example.com/bench/svc${s}\n\ngo 1.21\n\nrequire (\n${deps.map(d => `\texample.com/bench/m${d} ${version(d)}\n`).join('')})\n`
  )
  fs.writeFileSync(
    path.join(svc, 'main.go'),
    `package main\n\nimport (\n${deps.map(d => `\t_ "example.com/bench/m${d}"\n`).join('')})\n\nfunc main() {}\n`
  )
}

/** SERVICES modules in one git repository, a base commit and a head upgrading m0 in svc0; returns the base. */
function writeMonorepo(
  monorepo: string,
  env: Record<string, string>,
  go: (cwd: string, ...args: string[]) => void
): string {
  for (let s = 0; s < SERVICES; s++) {
    const svc = path.join(monorepo, `svc${s}`)
    fs.mkdirSync(svc, { recursive: true })
    writeService(svc, s, 'v1.0.0')
    go(svc, 'mod', 'tidy')
  }
  git(monorepo, env, 'init', '-q', '-b', 'main')
  git(monorepo, env, 'add', '-A')
  git(monorepo, env, 'commit', '-qm', 'base')
  const base = git(monorepo, env, 'rev-parse', 'HEAD')
  const svc0 = path.join(monorepo, 'svc0')
  writeService(svc0, 0, 'v1.1.0')
  go(svc0, 'mod', 'tidy')
  git(monorepo, env, 'add', '-A')
  git(monorepo, env, 'commit', '-qm', 'head: svc0 upgrades m0')
  return base
}

/**
 * What an attacker's pull request can add to slow the gate down: FLOOD_MODULES go.mod files (a
 * module each, no requirement, no package), each FLOOD_DEPTH directories deep in its own chain,
 * with FLOOD_SIDE_DIRS directories beside it holding no go.mod (git keeps no empty directory:
 * each holds one file), committed on top of a base.
 */
function writeFlood(flood: string, env: Record<string, string>): void {
  fs.mkdirSync(flood, { recursive: true })
  fs.writeFileSync(path.join(flood, 'go.mod'), 'module example.com/flood\n\ngo 1.21\n')
  git(flood, env, 'init', '-q', '-b', 'main')
  git(flood, env, 'add', '-A')
  git(flood, env, 'commit', '-qm', 'base')
  for (let i = 0; i < FLOOD_MODULES; i++) {
    const chain = Array.from({ length: FLOOD_DEPTH }, (_, d) => `d${d}`)
    const dir = path.join(flood, `f${i % 10}`, `n${i}`, ...chain)
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'go.mod'), `module example.com/flood/m${i}\n\ngo 1.21\n`)
    for (let e = 0; e < FLOOD_SIDE_DIRS; e++) {
      const side = path.join(dir, `side${e}`)
      fs.mkdirSync(side)
      fs.writeFileSync(path.join(side, 'README'), '')
    }
  }
  git(flood, env, 'add', '-A')
  git(flood, env, 'commit', '-qm', `head: ${FLOOD_MODULES} modules`)
}

export function ensureWorkload(root: string, goBin: string): Workload {
  const dir = path.join(root, `workload-v${WORKLOAD_VERSION}`)
  const proxy = path.join(dir, 'proxy')
  const home = path.join(dir, 'home')
  const env: Record<string, string> = {
    PATH: goBin.includes('/') ? `${path.dirname(goBin)}:/usr/bin:/bin` : (process.env.PATH ?? '/usr/bin:/bin'),
    HOME: home,
    GOPATH: path.join(dir, 'gopath'),
    GOMODCACHE: path.join(dir, 'gen-modcache'),
    GOCACHE: path.join(dir, 'gocache'),
    GOENV: path.join(home, 'go-env'),
    GOPROXY: `file://${proxy}`,
    GOSUMDB: 'off',
    GOFLAGS: '-modcacherw',
    GOTOOLCHAIN: 'local',
    GIT_AUTHOR_NAME: 'bench',
    GIT_AUTHOR_EMAIL: 'bench@example.invalid',
    GIT_COMMITTER_NAME: 'bench',
    GIT_COMMITTER_EMAIL: 'bench@example.invalid'
  }
  const app = path.join(dir, 'app')
  const monorepo = path.join(dir, 'monorepo')
  const flood = path.join(dir, 'flood')
  const marker = path.join(dir, 'done.json')
  if (fs.existsSync(marker)) {
    const done = JSON.parse(fs.readFileSync(marker, 'utf8')) as { base: string; monorepoBase: string }
    return { dir, proxy, app, monorepo, flood, ...done, env }
  }

  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(home, { recursive: true })
  writeProxy(proxy, [...Array.from({ length: MODULES }, (_, i) => moduleAt(i, 'v1.0.0')), moduleAt(0, 'v1.1.0')])

  fs.mkdirSync(app)
  writeApp(app, MODULES - 5, false)
  const go = (cwd: string, ...args: string[]): void => void execFileSync(goBin, args, { cwd, env, stdio: 'ignore' })
  go(app, 'mod', 'tidy')
  go(app, 'mod', 'vendor')
  git(app, env, 'init', '-q', '-b', 'main')
  git(app, env, 'add', '-A')
  git(app, env, 'commit', '-qm', 'base')
  const base = git(app, env, 'rev-parse', 'HEAD')
  writeApp(app, MODULES, true)
  go(app, 'mod', 'tidy')
  go(app, 'mod', 'vendor')
  git(app, env, 'add', '-A')
  git(app, env, 'commit', '-qm', 'head: five new modules, one upgrade')

  const monorepoBase = writeMonorepo(monorepo, env, go)
  writeFlood(flood, env)
  fs.writeFileSync(marker, JSON.stringify({ base, monorepoBase }))
  return { dir, proxy, app, monorepo, flood, base, monorepoBase, env }
}

export interface ToolchainRelease {
  archive: string
  signature: string
  publicKey: string
  fingerprint: string
  /** GNUPGHOME holding the key, for the shell gate's `gpg --verify`. */
  gnupgHome: string
  list: string
}

/**
 * A release archive of the installed GOROOT, its checksum list, and a detached signature by a
 * key made here with gpg (so both gates check the same signature). Undefined without gpg.
 */
export function ensureToolchainRelease(
  dir: string,
  goroot: string,
  goversion: string,
  platform: string
): ToolchainRelease | undefined {
  const which = (tool: string): boolean =>
    execFileSync('bash', ['-c', `command -v ${tool} || true`], { encoding: 'utf8' }).trim() !== ''
  if (!which('gpg')) return undefined
  const out = path.join(dir, 'release')
  const archive = path.join(out, `${goversion}.${platform}.tar.gz`)
  const gnupgHome = path.join(out, 'gnupg')
  const done = path.join(out, 'done.json')
  if (!fs.existsSync(done)) {
    fs.rmSync(out, { recursive: true, force: true })
    fs.mkdirSync(gnupgHome, { recursive: true, mode: 0o700 })
    execFileSync('bash', [
      '-c',
      `tar -C "${path.dirname(goroot)}" -cf - "${path.basename(goroot)}" | gzip -1 > "${archive}"`
    ])
    const gpg = (...args: string[]): string =>
      execFileSync(
        'gpg',
        ['--homedir', gnupgHome, '--batch', '--yes', '--pinentry-mode', 'loopback', '--passphrase', '', ...args],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }
      )
    gpg('--quick-gen-key', 'go-guard bench <bench@example.invalid>', 'ed25519', 'sign', 'never')
    gpg('--armor', '--detach-sign', '--output', `${archive}.asc`, archive)
    fs.writeFileSync(path.join(out, 'key.asc'), gpg('--armor', '--export'))
    const fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(gpg('--with-colons', '--fingerprint'))![1]
    const sha256 = execFileSync('sha256sum', [archive], { encoding: 'utf8' }).split(' ')[0]
    const [os, arch] = platform.split('-')
    fs.writeFileSync(
      path.join(out, 'list.json'),
      JSON.stringify([
        {
          version: goversion,
          stable: true,
          files: [{ filename: path.basename(archive), os, arch, version: goversion, sha256, kind: 'archive' }]
        }
      ])
    )
    fs.writeFileSync(done, JSON.stringify({ fingerprint }))
  }
  return {
    archive,
    signature: `${archive}.asc`,
    publicKey: fs.readFileSync(path.join(out, 'key.asc'), 'utf8'),
    fingerprint: JSON.parse(fs.readFileSync(done, 'utf8')).fingerprint,
    gnupgHome,
    list: path.join(out, 'list.json')
  }
}
