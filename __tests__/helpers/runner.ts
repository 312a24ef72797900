/** Runs the bundled action exactly as the GitHub runner does, and reads back what it wrote. */
import { spawn, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** The Node 24 binary scripts/test-setup.mjs found; empty where none could be had (it says why). */
export const NODE_24 = process.env.GO_GUARD_TEST_NODE24 ?? ''

/** The runtimes the bundle is tested on: the node20 the action names, and Node 24 where present. */
export const RUNTIMES: [name: string, node: string][] = [
  ['node 20', process.execPath],
  ...(NODE_24 ? [['node 24', NODE_24] as [string, string]] : [])
]

export interface ActionRun {
  status: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** `rule file:line` of every annotation printed. */
  annotations: string[]
  durationMs: number
}

export interface ActionOptions {
  repo: string
  env: Record<string, string>
  inputs?: Record<string, string>
  event?: object
  node?: string
  timeoutMs?: number
}

interface PreparedRun {
  runner: string
  files: { output: string; summary: string; event: string }
  command: string
  args: string[]
  spawnOptions: { cwd: string; env: NodeJS.ProcessEnv }
}

function prepare(options: ActionOptions): PreparedRun {
  const runner = fs.mkdtempSync(path.join(os.tmpdir(), 'go-guard-runner-'))
  const files = {
    output: path.join(runner, 'output'),
    summary: path.join(runner, 'summary'),
    event: path.join(runner, 'event.json')
  }
  fs.writeFileSync(files.output, '')
  fs.writeFileSync(files.summary, '')
  fs.writeFileSync(files.event, JSON.stringify(options.event ?? {}))
  const inputEnv = Object.fromEntries(
    Object.entries(options.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])
  )
  return {
    runner,
    files,
    command: options.node ?? process.execPath,
    args: [path.join(ROOT, 'dist/index.js')],
    spawnOptions: {
      cwd: options.repo,
      env: {
        ...options.env,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: options.repo,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: files.event,
        GITHUB_OUTPUT: files.output,
        GITHUB_STEP_SUMMARY: files.summary,
        ...inputEnv
      }
    }
  }
}

function collect(
  run: PreparedRun,
  result: { status: number | null; stdout: string; stderr: string },
  durationMs: number
): ActionRun {
  const outputs: Record<string, string> = {}
  for (const m of fs.readFileSync(run.files.output, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm))
    outputs[m[1]] = m[3]
  const annotations = [
    ...result.stdout.matchAll(/^::(?:error|warning|notice) title=go-guard ([a-z0-9-]+),file=([^,]*),line=(\d+)::/gm)
  ].map(m => `${m[1]} ${m[2]}:${m[3]}`)
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs,
    summary: fs.readFileSync(run.files.summary, 'utf8'),
    annotations,
    durationMs
  }
}

export function runAction(options: ActionOptions): ActionRun {
  const run = prepare(options)
  try {
    const started = performance.now()
    const result = spawnSync(run.command, run.args, {
      ...run.spawnOptions,
      encoding: 'utf8',
      timeout: options.timeoutMs ?? 120_000,
      maxBuffer: 64 << 20
    })
    return collect(run, result, performance.now() - started)
  } finally {
    fs.rmSync(run.runner, { recursive: true, force: true })
  }
}

/** runAction without blocking the event loop, for tests whose servers run in this process. */
export async function runActionAsync(options: ActionOptions): Promise<ActionRun> {
  const run = prepare(options)
  try {
    const started = performance.now()
    const child = spawn(run.command, run.args, { ...run.spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] })
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const status = await new Promise<number | null>(resolve => child.on('close', code => resolve(code)))
    clearTimeout(timer)
    return collect(run, { status, stdout, stderr }, performance.now() - started)
  } finally {
    fs.rmSync(run.runner, { recursive: true, force: true })
  }
}
