/** Runs the bundled action exactly as the GitHub runner does, and reads back what it wrote. */
import { spawnSync } from 'node:child_process'
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

export function runAction(options: ActionOptions): ActionRun {
  const runner = fs.mkdtempSync(path.join(os.tmpdir(), 'go-guard-runner-'))
  try {
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
    const started = performance.now()
    const result = spawnSync(options.node ?? process.execPath, [path.join(ROOT, 'dist/index.js')], {
      cwd: options.repo,
      encoding: 'utf8',
      timeout: options.timeoutMs ?? 120_000,
      maxBuffer: 64 << 20,
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
    })
    const durationMs = performance.now() - started
    const outputs: Record<string, string> = {}
    for (const m of fs.readFileSync(files.output, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm))
      outputs[m[1]] = m[3]
    const annotations = [
      ...result.stdout.matchAll(/^::(?:error|warning|notice) title=go-guard ([a-z0-9-]+),file=([^,]*),line=(\d+)::/gm)
    ].map(m => `${m[1]} ${m[2]}:${m[3]}`)
    return {
      status: result.status,
      stdout: result.stdout,
      stderr: result.stderr,
      outputs,
      summary: fs.readFileSync(files.summary, 'utf8'),
      annotations,
      durationMs
    }
  } finally {
    fs.rmSync(runner, { recursive: true, force: true })
  }
}
