/**
 * The one way go-guard runs the go command: hermetic for the check, bounded in time, and
 * never pointed at the user's go.mod/go.sum when the command could write them.
 */
import * as fsSync from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { cpuBudget } from '../concurrency.js'
import { type GoGuardVariables, parseVariables } from '../config.js'
import { type ProcessResult, runProcess, withoutCredentials } from '../process.js'

export interface GoResult {
  code: number
  stdout: string
  stderr: string
}

export interface GoRunOptions {
  cwd: string
  /** Keep go.work in force; per-module work runs with GOWORK=off. */
  workspace?: boolean
  env?: Record<string, string>
  timeoutMs?: number
  /** Nothing waits for the result yet: run when the CPU budget has a slot no step asks for. */
  background?: boolean
}

/** A go subprocess that could not run or did not finish, as opposed to one that reported errors. */
export class GoCommandError extends Error {
  constructor(
    message: string,
    readonly timedOut = false
  ) {
    super(message)
    this.name = 'GoCommandError'
  }
}

/** `go env -json`: the fields go-guard reads. */
export interface GoEnv {
  GOROOT: string
  GOVERSION: string
  GOOS: string
  GOARCH: string
  GOMODCACHE: string
  GOPROXY: string
  GOSUMDB: string
  GONOSUMDB: string
  GOPRIVATE: string
  GONOPROXY: string
  GOINSECURE: string
  GOFLAGS: string
  GOENV: string
  GOTOOLCHAIN: string
  [key: string]: string
}

/**
 * The GOFLAGS flags go-guard's own go runs keep: -tags selects the files the job builds (the
 * packages whose go.sum entries it needs); the others change nothing go reads or checks. Every
 * other flag is dropped, known or not: -mod=mod lets go rewrite go.mod and go.sum, -modfile and
 * -overlay make it read other files than those under review, -insecure (before go 1.17) skipped
 * TLS. go applies a GOFLAGS flag only to commands that define it (cmd/go/internal/base/goflags.go),
 * so none of these is needed for a command to run.
 */
const KEPT_GOFLAGS = /^--?(tags|modcacherw|buildvcs|trimpath)(=|$)/

/** GOFLAGS reduced to KEPT_GOFLAGS. */
export function cleanGoFlags(goflags: string): string {
  return goflags
    .split(/\s+/)
    .filter(f => KEPT_GOFLAGS.test(f))
    .join(' ')
}

/**
 * go's error text without its progress lines: go prints "go: downloading", "go: finding module
 * for package", "go: found" (and, before go 1.13, "go: extracting") on stderr as it works
 * (cmd/go/internal/modfetch/fetch.go, modload/import.go, modload/load.go), and a failure after
 * a thousand downloads would otherwise bury the one line that says what went wrong.
 */
export function goErrorText(stderr: string): string {
  return stderr
    .split('\n')
    .filter(l => !/^go: (downloading|finding|extracting|found) /.test(l))
    .join('\n')
    .trim()
}

/** Why go failed, for a message: its error without progress lines, else its exit status; undefined when it succeeded. */
export function goFailure(result: GoResult): string | undefined {
  return result.code === 0 ? undefined : goErrorText(result.stderr) || `exit status ${result.code}`
}

export class GoCommand {
  /** Wall time spent inside go subprocesses, so go-guard can report its own share. */
  subprocessMs = 0
  /** The environment go runs in, before go-guard's hermetic settings and without credentials: what the job set. */
  readonly baseEnv: NodeJS.ProcessEnv
  private envPromise?: Promise<GoEnv>

  constructor(
    readonly binary: string,
    baseEnv: NodeJS.ProcessEnv = process.env,
    /** go-guard's own GO_GUARD_* settings, validated (config.ts). */
    readonly variables: GoGuardVariables = parseVariables(baseEnv)
  ) {
    // A plain copy: process.env reads the environment on every access, and spreading it for each
    // go command cost 58 µs of 35 variables (a runner sets over a hundred; a monorepo runs
    // thousands of go commands).
    this.baseEnv = { ...baseEnv }
  }

  private hermeticEnv(options: GoRunOptions, goflags: string): NodeJS.ProcessEnv {
    return {
      ...this.baseEnv,
      // A pull request must not choose the toolchain that judges it.
      GOTOOLCHAIN: 'local',
      GOFLAGS: goflags,
      ...(options.workspace ? {} : { GOWORK: 'off' }),
      ...options.env
    }
  }

  /** Runs go; a non-zero exit is a result, not an exception. Throws GoCommandError when go cannot run or times out. */
  async run(args: string[], options: GoRunOptions): Promise<GoResult> {
    const goflags = cleanGoFlags((await this.env()).GOFLAGS)
    return cpuBudget.use(() => this.spawn(args, options, this.hermeticEnv(options, goflags)), options)
  }

  private async spawn(args: string[], options: GoRunOptions, env: NodeJS.ProcessEnv): Promise<GoResult> {
    const started = performance.now()
    const timeoutMs = options.timeoutMs ?? this.variables.goTimeoutMs
    const command = `${path.basename(this.binary)} ${args.join(' ')}`
    let result: ProcessResult
    try {
      result = await runProcess(this.binary, args, { cwd: options.cwd, env: withoutCredentials(env), timeoutMs })
    } catch (error) {
      // runProcess rejects only with the spawn error (ENOENT, EACCES).
      throw new GoCommandError(`could not run "${command}" (go-binary: ${this.binary}): ${(error as Error).message}`)
    } finally {
      this.subprocessMs += performance.now() - started
    }
    if (result.timedOut) {
      throw new GoCommandError(`"${command}" in ${options.cwd} timed out after ${timeoutMs / 1000} s`, true)
    }
    if (result.signal !== null)
      throw new GoCommandError(`"${command}" in ${options.cwd} was killed by ${result.signal}`)
    return { code: result.code, stdout: result.stdout, stderr: result.stderr }
  }

  /** `go env -json` of the judged toolchain with GOTOOLCHAIN=local, read once. */
  env(): Promise<GoEnv> {
    this.envPromise ??= (async () => {
      const result = await this.spawn(
        ['env', '-json'],
        { cwd: os.tmpdir() },
        { ...this.baseEnv, GOTOOLCHAIN: 'local', GOWORK: 'off' }
      )
      const broken = (why: string): GoCommandError =>
        new GoCommandError(
          `${this.binary} is not a working go command: "go env -json" ${why}. Point go-binary at the go the job installed`
        )
      // go that runs and refuses its environment (an unknown GOEXPERIMENT, a relative GOWORK)
      // is the right go: what to fix is the setting it names.
      if (result.code !== 0 && /^go: /m.test(result.stderr))
        throw new GoCommandError(
          `go refuses the job's Go environment: "go env -json" failed: ${goErrorText(result.stderr)}. Fix the setting go names`
        )
      if (result.code !== 0) throw broken(`failed: ${goErrorText(result.stderr)}`)
      try {
        return JSON.parse(result.stdout) as GoEnv
      } catch {
        throw broken(`printed no JSON (${JSON.stringify(result.stdout.slice(0, 80))})`)
      }
    })()
    return this.envPromise
  }
}

/**
 * A scratch copy of a module's go.mod and go.sum, for `-modfile`: go then reads and writes
 * the copies and leaves the work tree alone, while local replacements still resolve against
 * the real module root (see `go help modules`, -modfile).
 */
export class ScratchModFile {
  private constructor(
    readonly dir: string,
    readonly goMod: string,
    readonly goSum: string
  ) {}

  // Made and removed with synchronous calls: a scratch copy is a directory and two small files,
  // and each thread-pool round trip cost more than the work (1.2 ms of CPU a copy made and
  // removed, 0.45 ms synchronously; a monorepo makes one per go command).
  static async create(goModText: string, goSumText: string | undefined): Promise<ScratchModFile> {
    const dir = fsSync.mkdtempSync(path.join(os.tmpdir(), 'go-guard-modfile-'))
    const scratch = new ScratchModFile(dir, path.join(dir, 'go.mod'), path.join(dir, 'go.sum'))
    fsSync.writeFileSync(scratch.goMod, goModText)
    if (goSumText !== undefined) fsSync.writeFileSync(scratch.goSum, goSumText)
    return scratch
  }

  /**
   * Runs `go <args> -modfile=<scratch>` in the module directory; go's messages name the scratch
   * files, so they are rewritten to name `displayGoMod` (the user's go.mod, repository-relative).
   */
  async run(
    go: GoCommand,
    args: string[],
    moduleDir: string,
    displayGoMod: string,
    options: Partial<GoRunOptions> = {}
  ): Promise<GoResult> {
    const [verb, ...rest] = args
    const sub = verb === 'mod' ? [verb, rest[0]] : [verb]
    const tail = verb === 'mod' ? rest.slice(1) : rest
    const result = await go.run([...sub, `-modfile=${this.goMod}`, ...tail], { ...options, cwd: moduleDir })
    const displayGoSum = displayGoMod.replace(/\.mod$/, '.sum')
    const rename = (text: string): string =>
      text.split(this.goMod).join(displayGoMod).split(this.goSum).join(displayGoSum)
    return { ...result, stdout: rename(result.stdout), stderr: rename(result.stderr) }
  }

  /** `go <args>` once on a pristine scratch copy of the module's go.mod and go.sum, removed afterwards. */
  static async runOnce(
    go: GoCommand,
    module: { dir: string; goModFile: string; goModText: string; goSumText?: string },
    args: string[],
    options: Partial<GoRunOptions> = {}
  ): Promise<GoResult> {
    const scratch = await ScratchModFile.create(module.goModText, module.goSumText)
    try {
      return await scratch.run(go, args, module.dir, module.goModFile, options)
    } finally {
      await scratch.dispose()
    }
  }

  async dispose(): Promise<void> {
    fsSync.rmSync(this.dir, { recursive: true, force: true })
  }
}

/** One object of `go mod download -json` (cmd/go/internal/modcmd/download.go moduleJSON). */
export interface DownloadedModule {
  Path: string
  Version: string
  Error?: string
  Dir?: string
  Zip?: string
  Sum?: string
  GoModSum?: string
}

/** Splits go's `-json` output, a stream of concatenated JSON values. */
export function parseJSONStream<T>(text: string): T[] {
  const values: T[] = []
  let depth = 0
  let start = -1
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
      continue
    }
    if (c === '"') inString = true
    else if (c === '{' || c === '[') {
      if (depth++ === 0) start = i
    } else if (c === '}' || c === ']') {
      if (--depth === 0) values.push(JSON.parse(text.slice(start, i + 1)) as T)
    }
  }
  return values
}
