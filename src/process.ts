/**
 * The one way go-guard runs a subprocess (go, git): in its own process group, bounded in time.
 *
 * Killing only the child is not a bound: go starts git, git starts ssh or a credential helper,
 * and any of them can keep the stdout/stderr pipes open long after the child died, so waiting
 * for 'close' waits for them. So the child gets its own process group (`detached`: setsid), the
 * whole group is killed at the deadline and again once the child exits (nothing it started may
 * outlive it), and the result settles shortly after 'exit' whether or not the pipes closed.
 */
import { spawn } from 'node:child_process'
import { shortList } from './shortlist.js'

export interface ProcessResult {
  /** Exit status; -1 when the process was killed by a signal. */
  code: number
  signal: NodeJS.Signals | null
  stdout: string
  /** stdout as the bytes the process wrote (git cat-file --batch counts its objects in bytes). */
  stdoutBytes: Buffer
  stderr: string
  /** The deadline passed and the process group was killed. */
  timedOut: boolean
}

export interface ProcessOptions {
  cwd: string
  env: NodeJS.ProcessEnv
  timeoutMs: number
  /** Written to the process's stdin; stdin is empty (at its end) otherwise. */
  input?: string
}

/**
 * After the child exits and its group is killed, the pipes normally close at once; a process that
 * left the group (its own setsid) could hold them, so output still buffered is waited for this long.
 */
const DRAIN_MS = 500

let trace: ((line: string) => void) | undefined

/**
 * Where every subprocess is described once it ended (command, directory, exit, time): the CLI's
 * --verbose and the Actions debug log. Set once by the adapter, for the whole run.
 */
export function traceProcesses(log: ((line: string) => void) | undefined): void {
  trace = log
}

/** Arguments shown in a trace line: go list can be handed every package of a vendor/ tree. */
const TRACED_ARGS = 20

function describeEnd(file: string, args: readonly string[], cwd: string, ms: number, how: string): string {
  const command = args.length === 0 ? file : `${file} ${shortList(args, TRACED_ARGS, ' ')}`
  return `ran ${command} in ${cwd}: ${how} after ${(ms / 1000).toFixed(2)} s`
}

function killGroup(pid: number): void {
  try {
    // A negative pid names the process group (kill(2)).
    process.kill(-pid, 'SIGKILL')
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** Runs `file args`; a non-zero exit is a result. Rejects only when the process cannot be started. */
export function runProcess(file: string, args: readonly string[], options: ProcessOptions): Promise<ProcessResult> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true
    })
    // A process that exits without reading its input must not turn EPIPE into a crash.
    child.stdin.on('error', () => {})
    child.stdin.end(options.input ?? '')
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => stdout.push(b))
    child.stderr.on('data', (b: Buffer) => stderr.push(b))
    let timedOut = false
    let settled = false
    const deadline = setTimeout(() => {
      timedOut = true
      if (child.pid !== undefined) killGroup(child.pid)
    }, options.timeoutMs)

    child.on('error', error => {
      if (settled) return
      settled = true
      clearTimeout(deadline)
      trace?.(describeEnd(file, args, options.cwd, performance.now() - started, `could not start (${error.message})`))
      reject(error)
    })
    child.on('exit', (code, signal) => {
      clearTimeout(deadline)
      if (child.pid !== undefined) killGroup(child.pid)
      const finish = (): void => {
        if (settled) return
        settled = true
        clearTimeout(drain)
        child.stdout.destroy()
        child.stderr.destroy()
        const stdoutBytes = Buffer.concat(stdout)
        const how = timedOut ? 'timed out' : signal !== null ? `killed by ${signal}` : `exit ${code}`
        trace?.(describeEnd(file, args, options.cwd, performance.now() - started, how))
        resolve({
          code: code ?? -1,
          signal,
          stdout: stdoutBytes.toString('utf8'),
          stdoutBytes,
          stderr: Buffer.concat(stderr).toString('utf8'),
          timedOut
        })
      }
      const drain = setTimeout(finish, DRAIN_MS)
      child.on('close', finish)
    })
  })
}

/**
 * The runner's and GitHub's credentials, which no subprocess needs: with GOPROXY's `direct`
 * fallback go runs git against hosts a pull request names, and inputs (INPUT_*) may hold a token.
 */
const CREDENTIAL_VARIABLES = new Set([
  'GITHUB_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL'
])

/** `env` without the runner's credentials. */
export function withoutCredentials(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !CREDENTIAL_VARIABLES.has(name.toUpperCase()) && !/^INPUT_/i.test(name))
  )
}
