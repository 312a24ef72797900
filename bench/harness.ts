/**
 * `npm run bench`: go-guard beside a plain shell gate doing the same go commands, on the
 * generated workload, cold and warm, alternating, medians of a few runs; then the in-process
 * figures (start-up, go.sum drift, tree and GOROOT hashing throughput against openssl). Every
 * row carries the machine's 1-minute load average when it was measured; BENCH_LOAD=N runs N
 * busy-loop neighbours for the whole run. The table is printed and written to bench/results.md,
 * which `node scripts/readme-bench.mjs` splices into README.md.
 */
import { type ChildProcess, execFile, execFileSync, spawn, spawnSync } from 'node:child_process'
import { promisify } from 'node:util'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { diffModule } from '../src/checks/sum-drift.js'
import { mapLimit } from '../src/concurrency.js'
import { sha256File } from '../src/go/dirhash.js'
import { parseModFile } from '../src/go/modfile.js'
import { parseSumFile } from '../src/go/sumfile.js'
import { diffTrees, listTree } from '../src/go/tree.js'
import type { GoModule } from '../src/modules.js'
import { InstalledGoroot, compareGoroot, type Manifest } from '../src/toolchain/manifest.js'
import { monorepoRows } from './monorepo.js'
import { MODULES, SERVICES, ensureToolchainRelease, ensureWorkload } from './workload.js'

// npm runs scripts from the package root.
const ROOT = process.cwd()
const GO = process.env.GO_GUARD_BENCH_GO ?? 'go'
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (x: number): string => `${(x / 1000).toFixed(2)} s`
const LOAD = Number(process.env.BENCH_LOAD ?? 0)
const SHM = fs.existsSync('/dev/shm') ? '/dev/shm' : undefined
const rows: string[][] = []
const loadNow = (): string => os.loadavg()[0].toFixed(2)
/** measure, go-guard, baseline, ratio, notes; the load average is added as the last cell. */
const row = (...cells: string[]): void => {
  while (cells.length < 5) cells.push('')
  rows.push([...cells, loadNow()])
}

/** N CPU-bound neighbours, as on a shared runner; stopped when the run ends. */
function startNeighbours(n: number): ChildProcess[] {
  const busy = Array.from({ length: n }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }))
  process.on('exit', () => busy.forEach(child => child.kill()))
  return busy
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now()
  const value = fn()
  return { value, ms: performance.now() - started }
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await fn()
  return { value, ms: performance.now() - started }
}

const execFileAsync = promisify(execFile)

/** go-guard run asynchronously: the toolchain rows serve the release from this process. */
async function goGuardAsync(
  dir: string,
  env: Record<string, string>,
  args: string[]
): Promise<{ ms: number; ownMs: number }> {
  const started = performance.now()
  const result = await execFileAsync(
    process.execPath,
    [path.join(ROOT, 'dist/cli.js'), dir, '--format', 'json', '--cache', 'false', ...args],
    { env, maxBuffer: 256 << 20 }
  ).catch((error: { stdout?: string; code?: number; stderr?: string }) => {
    if (error.code !== 1) throw new Error(`go-guard failed: ${error.stderr}`)
    return { stdout: error.stdout ?? '' }
  })
  const report = JSON.parse(result.stdout) as { timing: { ownCpuMs: number } }
  return { ms: performance.now() - started, ownMs: report.timing.ownCpuMs }
}

function goGuard(dir: string, env: Record<string, string>, args: string[]): { ms: number; ownMs: number } {
  const { value, ms: wall } = time(() =>
    spawnSync(
      process.execPath,
      [path.join(ROOT, 'dist/cli.js'), dir, '--format', 'json', '--cache', 'false', ...args],
      { env, encoding: 'utf8', maxBuffer: 256 << 20 }
    )
  )
  if (value.status !== 0 && value.status !== 1) throw new Error(`go-guard failed: ${value.stderr}`)
  const report = JSON.parse(value.stdout) as { timing: { ownCpuMs: number } }
  // Own time: the CLI's CPU time (its go subprocesses overlap, so wall minus go time says little).
  return { ms: wall, ownMs: report.timing.ownCpuMs }
}

/** The plain shell gate: the same checks, the obvious way (go mod tidy -diff for mod-not-tidy). */
const BASELINE = `set -e
go mod download
go mod verify >/dev/null
go mod tidy -diff >/dev/null || true
out=$(mktemp -d)
go mod vendor -o "$out/vendor"
diff -r vendor "$out/vendor" >/dev/null
rm -rf "$out"
git diff --quiet "$BASE" -- go.sum || true
grep -n '=>' go.mod >/dev/null || true
`

function baseline(dir: string, env: Record<string, string>, base: string): number {
  return time(() => execFileSync('bash', ['-c', BASELINE], { cwd: dir, env: { ...env, BASE: base }, stdio: 'ignore' }))
    .ms
}

function opensslThroughput(files: string[]): number {
  const list = path.join(os.tmpdir(), `bench-files-${process.pid}`)
  fs.writeFileSync(list, files.join('\0'))
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0)
  const { ms: took } = time(() =>
    execFileSync('bash', ['-c', `xargs -0 cat < "${list}" | openssl dgst -sha256 >/dev/null`])
  )
  fs.rmSync(list)
  return bytes / (took / 1000)
}
const mbps = (bytesPerSecond: number): string => `${(bytesPerSecond / 1e6).toFixed(0)} MB/s`

/** The toolchain proof: go-guard's archive trust against curl, sha256sum, gpg --verify, tar -xzf and diff -r, from a server on 127.0.0.1. */
async function toolchainRows(dir: string, env: Record<string, string>): Promise<void> {
  const goEnv = JSON.parse(execFileSync(GO, ['env', '-json'], { encoding: 'utf8' })) as Record<string, string>
  const release = ensureToolchainRelease(dir, goEnv.GOROOT, goEnv.GOVERSION, `${goEnv.GOOS}-${goEnv.GOARCH}`)
  if (release === undefined)
    return void row('toolchain proof', 'n/a', 'n/a', '', 'gpg is not installed (apt-get install gnupg)')
  const files = new Map([
    [`/dl/${path.basename(release.archive)}`, release.archive],
    [`/dl/${path.basename(release.signature)}`, release.signature],
    ['/list.json', release.list]
  ])
  const server = http.createServer((req, res) => {
    const file = files.get(req.url ?? '')
    if (!file) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-length': fs.statSync(file).size })
    fs.createReadStream(file).pipe(res)
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-tc-'))
    fs.writeFileSync(path.join(empty, 'go.mod'), 'module example.com/tc\n\ngo 1.21\n')
    const manifests = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-manifests-'))
    const args = [
      '--checks',
      'toolchain',
      '--toolchain-checksums-url',
      `${url}/list.json`,
      '--toolchain-download-url',
      `${url}/dl/`,
      `--gpg-public-key=${release.publicKey}`,
      '--gpg-key-fingerprint',
      release.fingerprint,
      '--fail-on',
      'never'
    ]
    const tcEnv = { ...env, GO_GUARD_CACHE_DIR: manifests, PATH: process.env.PATH ?? '' }
    const shell = `set -e
t=$(mktemp -d); cd "$t"
sum=$(curl -fsS "${url}/list.json" | grep -o '"sha256":"[0-9a-f]*"' | cut -d'"' -f4)
curl -fsS -o go.tgz "${url}/dl/${path.basename(release.archive)}"
echo "$sum  go.tgz" | sha256sum -c --quiet
curl -fsS -o go.tgz.asc "${url}/dl/${path.basename(release.signature)}"
gpg --homedir "${release.gnupgHome}" --batch --verify go.tgz.asc go.tgz 2>/dev/null
mkdir x; tar -xzf go.tgz -C x
diff -r "x/${path.basename(goEnv.GOROOT)}" "${goEnv.GOROOT}" >/dev/null
rm -rf "$t"
`
    // Cold: no proven file list before each go-guard run; alternating with the shell pipeline.
    const colds: { ms: number; ownMs: number }[] = []
    const shells: number[] = []
    const shellsOnTmpfs: number[] = []
    for (let i = 0; i < RUNS; i++) {
      fs.rmSync(manifests, { recursive: true, force: true })
      colds.push(await goGuardAsync(empty, tcEnv, args))
      shells.push((await timeAsync(() => execFileAsync('bash', ['-c', shell]))).ms)
      if (SHM) {
        const onTmpfs = { env: { ...process.env, TMPDIR: SHM } }
        shellsOnTmpfs.push((await timeAsync(() => execFileAsync('bash', ['-c', shell], onTmpfs))).ms)
      }
    }
    const warms: number[] = []
    for (let i = 0; i < RUNS; i++) warms.push((await goGuardAsync(empty, tcEnv, args)).ms)
    const cold = { ms: median(colds.map(c => c.ms)), ownMs: median(colds.map(c => c.ownMs)) }
    const warm = { ms: median(warms) }
    const baselineMs = median(shells)
    row(
      'toolchain proof, cold (download, checksum, signature, GOROOT)',
      ms(cold.ms),
      ms(baselineMs),
      `${(cold.ms / baselineMs).toFixed(2)}x`,
      `own ${ms(cold.ownMs)}` +
        (SHM
          ? `; shell with TMPDIR=${SHM}: ${ms(median(shellsOnTmpfs))} (${(cold.ms / median(shellsOnTmpfs)).toFixed(2)}x)`
          : '')
    )
    row(
      'toolchain proof, warm (proven file list cached)',
      ms(warm.ms),
      ms(baselineMs),
      `${(warm.ms / baselineMs).toFixed(2)}x`,
      'no download'
    )
  } finally {
    server.closeAllConnections()
    server.close()
  }
}

async function main(): Promise<void> {
  const work = path.join(ROOT, 'bench/.work')
  const generated = time(() => ensureWorkload(work, GO))
  const w = generated.value
  console.log(
    `workload: ${MODULES} modules, ${SERVICES}-module repository (${generated.ms > 1000 ? `generated in ${ms(generated.ms)}` : 'cached'}) under ${w.dir}`
  )
  const modcache = path.join(w.dir, 'bench-modcache')
  const env = { ...w.env, GOMODCACHE: modcache }
  const guardArgs = ['--checks', 'verify,sum-drift,vendor,replace', '--base', w.base, '--allow-replace', '** => **']

  // Cold: an empty module cache before every run; warm: the one the previous run filled.
  for (const mode of ['cold', 'warm'] as const) {
    const guard: { ms: number; ownMs: number }[] = []
    const shell: number[] = []
    // The same shell gate with its scratch vendor/ on tmpfs, as go-guard's is when /dev/shm is roomy:
    // it shows how much of the ratio is the file system rather than the gate.
    const shellOnTmpfs: number[] = []
    for (let i = 0; i < RUNS; i++) {
      if (mode === 'cold') fs.rmSync(modcache, { recursive: true, force: true })
      guard.push(goGuard(w.app, env, guardArgs))
      if (mode === 'cold') fs.rmSync(modcache, { recursive: true, force: true })
      shell.push(baseline(w.app, env, w.base))
      if (!SHM) continue
      if (mode === 'cold') fs.rmSync(modcache, { recursive: true, force: true })
      shellOnTmpfs.push(baseline(w.app, { ...env, TMPDIR: SHM }, w.base))
    }
    const g = median(guard.map(r => r.ms))
    const own = median(guard.map(r => r.ownMs))
    const tmpfsNote = SHM
      ? `; shell gate with TMPDIR=${SHM}: ${ms(median(shellOnTmpfs))} (${(g / median(shellOnTmpfs)).toFixed(2)}x)`
      : ''
    row(
      `module gate, ${mode} (${MODULES} modules, 10k-file vendor/)`,
      ms(g),
      ms(median(shell)),
      `${(g / median(shell)).toFixed(2)}x`,
      `own ${ms(own)} = ${((own / g) * 100).toFixed(1)}%${tmpfsNote}`
    )
  }

  // Start-up: the Action on an empty directory (no module, so no go run) and the CLI's --version,
  // beside Node itself starting, alternating.
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-empty-'))
  const starts: Record<'node' | 'action' | 'cli', number[]> = { node: [], action: [], cli: [] }
  for (let i = 0; i < 9; i++) {
    const spawnMs = (args: string[], options: object = {}): number =>
      time(() => spawnSync(process.execPath, args, { stdio: 'ignore', ...options })).ms
    starts.node.push(spawnMs(['-e', '0']))
    starts.action.push(
      spawnMs([path.join(ROOT, 'dist/index.js')], {
        cwd: empty,
        env: { PATH: process.env.PATH ?? '', INPUT_CHECKS: 'replace' }
      })
    )
    starts.cli.push(spawnMs([path.join(ROOT, 'dist/cli.js'), '--version']))
  }
  row(
    'start-up of dist/index.js (checks: replace, empty directory)',
    ms(median(starts.action)),
    ms(median(starts.node)),
    `${(median(starts.action) / median(starts.node)).toFixed(2)}x`,
    'baseline: `node -e 0`'
  )
  row(
    'start-up of dist/cli.js --version',
    ms(median(starts.cli)),
    ms(median(starts.node)),
    `${(median(starts.cli) / median(starts.node)).toFixed(2)}x`,
    'baseline: `node -e 0`'
  )

  // go.sum drift of two 10k-line files, in process.
  const lines = (shift: number): string =>
    Array.from(
      { length: 5000 },
      (_, i) =>
        `example.com/dep/m${i} v1.${i % 7 === 0 ? shift : 0}.0 h1:${Buffer.from(`c${i}`).toString('base64').padEnd(43, 'A')}=\nexample.com/dep/m${i} v1.${i % 7 === 0 ? shift : 0}.0/go.mod h1:${Buffer.from(`m${i}`).toString('base64').padEnd(43, 'A')}=\n`
    ).join('')
  const baseSum = lines(0)
  const headSum = lines(1)
  // Since go 1.17 go.mod requires every module the build needs: here all 5,000.
  const goMod = (shift: number): string =>
    `module x\n\ngo 1.21\n\nrequire (\n${Array.from({ length: 5000 }, (_, i) => `\texample.com/dep/m${i} v1.${i % 7 === 0 ? shift : 0}.0\n`).join('')})\n`
  const baseMod = goMod(0)
  const headMod = goMod(1)
  const module = {
    dir: '.',
    relDir: '.',
    goModFile: 'go.mod',
    goSumFile: 'go.sum',
    goModText: headMod,
    goSumText: headSum
  } as GoModule
  // CPU beside wall: on a shared machine the wall time also counts the neighbours' turns. The
  // first runs are the JIT's warm-up (a gate run pays it once, on its first module): they are
  // reported apart, and the median is taken of the 15 runs after them.
  const driftRun = (): { ms: number; cpu: number } => {
    const cpu = process.cpuUsage()
    const { ms } = time(() =>
      diffModule(
        { ...module, mod: parseModFile(headMod), sum: parseSumFile(headSum) },
        baseSum,
        parseModFile(baseMod).file
      )
    )
    const used = process.cpuUsage(cpu)
    return { ms, cpu: (used.user + used.system) / 1000 }
  }
  const warmUp = Array.from({ length: 10 }, driftRun)
  const driftRuns = Array.from({ length: 15 }, driftRun)
  row(
    'go.sum drift of two 10,000-line files, go.mod requiring 5,000 modules (parse + diff)',
    `${median(driftRuns.map(r => r.ms)).toFixed(1)} ms`,
    '',
    '',
    `CPU ${median(driftRuns.map(r => r.cpu)).toFixed(1)} ms (the garbage collector's threads included); median of 15 runs after 10 of warm-up, the first of which took ${warmUp[0].ms.toFixed(0)} ms`
  )

  // vendor/ comparison: go-guard's tree diff against diff -r, and openssl over the same bytes.
  const vendor = path.join(w.app, 'vendor')
  const copy = path.join(w.dir, 'vendor-copy')
  if (!fs.existsSync(copy)) fs.cpSync(vendor, copy, { recursive: true })
  const tree = await listTree(vendor)
  const bytes = [...tree.keys()].reduce((n, rel) => n + fs.statSync(path.join(vendor, rel)).size, 0)
  const oursRuns: number[] = []
  const diffRuns: number[] = []
  for (let i = 0; i < 7; i++) {
    // As the vendor step does: the committed tree listed, the regenerated one walked by the comparison.
    oursRuns.push((await timeAsync(async () => diffTrees(copy, vendor, await listTree(vendor)))).ms)
    diffRuns.push(time(() => execFileSync('diff', ['-r', copy, vendor])).ms)
  }
  const ours = median(oursRuns)
  const diffR = median(diffRuns)
  const openssl = opensslThroughput([...tree.keys()].map(rel => path.join(vendor, rel)))
  // Files average under 100 bytes here: per-file cost, not hashing, is what this measures.
  row(
    `vendor/ comparison (${tree.size} files, ${(bytes / 1e6).toFixed(1)} MB, both sides)`,
    ms(ours),
    ms(diffR),
    `${(ours / diffR).toFixed(2)}x`,
    `${mbps((2 * bytes) / (ours / 1000))} vs openssl ${mbps(openssl)}`
  )

  await toolchainRows(w.dir, env)

  // GOROOT verification: re-hashing the installed tree against a manifest.
  const goroot = execFileSync(GO, ['env', 'GOROOT'], { encoding: 'utf8' }).trim()
  const files = [...(await listTree(goroot))].filter(([, e]) => e.kind === 'file').map(([rel]) => rel)
  const hashes = await mapLimit(files, 8, rel => sha256File(path.join(goroot, rel)))
  const manifest: Manifest = Object.fromEntries(files.map((rel, i) => [rel, { sha256: hashes[i], exec: false }]))
  const gorootBytes = files.reduce((n, rel) => n + fs.statSync(path.join(goroot, rel)).size, 0)
  const verify = (await timeAsync(() => compareGoroot(new InstalledGoroot(goroot), manifest))).ms
  const gorootOpenssl = opensslThroughput(files.map(rel => path.join(goroot, rel)))
  row(
    `GOROOT verification (${files.length} files, ${(gorootBytes / 1e6).toFixed(0)} MB)`,
    ms(verify),
    '',
    '',
    `${mbps(gorootBytes / (verify / 1000))} vs openssl ${mbps(gorootOpenssl)}`
  )

  // Last: the attacker's whole run keeps both cores busy for a minute, which would load the rows after it.
  await monorepoRows({ workload: w, goBin: GO, env, runs: RUNS, goGuard, row })

  const header = ['measure', 'go-guard', 'baseline', 'ratio', 'notes', 'load']
  const width = [header, ...rows].reduce((w0, r) => r.map((c, i) => Math.max(w0[i] ?? 0, c.length)), [] as number[])
  console.log([header, ...rows].map(r => r.map((c, i) => c.padEnd(width[i])).join(' | ')).join('\n'))
  const machine = `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${execFileSync(GO, ['version'], { encoding: 'utf8' }).trim()}`
  const setting = `medians of ${RUNS} runs, go-guard and its baseline alternating; ${LOAD > 0 ? `${LOAD} busy-loop neighbour(s) (BENCH_LOAD=${LOAD})` : 'no added load (BENCH_LOAD=0)'}; load = 1-minute load average when the row was measured`
  console.log(`machine: ${machine}; ${setting}`)
  const cell = (c: string): string => c.replace(/\|/g, '\\|')
  fs.writeFileSync(
    path.join(ROOT, 'bench/results.md'),
    [
      `| ${header.join(' | ')} |`,
      `|${header.map(() => '---').join('|')}|`,
      ...rows.map(r => `| ${r.map(cell).join(' | ')} |`),
      '',
      `${new Date().toISOString().slice(0, 10)}, ${machine}; ${setting}.`,
      ''
    ].join('\n')
  )
}

const neighbours = startNeighbours(LOAD)
try {
  await main()
} finally {
  neighbours.forEach(child => child.kill())
}
