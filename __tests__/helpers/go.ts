import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

/** The real go command the tests use: GO_GUARD_TEST_GO, else the first go on PATH, else /usr/local/go. */
export const GO_BIN = ((): string => {
  if (process.env.GO_GUARD_TEST_GO) return process.env.GO_GUARD_TEST_GO
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'go')
    if (dir && path.isAbsolute(dir) && fs.existsSync(candidate)) return fs.realpathSync(candidate)
  }
  return '/usr/local/go/bin/go'
})()

export async function goJSON<T>(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<T> {
  const { stdout } = await execFileAsync(GO_BIN, args, {
    cwd,
    env: { ...process.env, GOTOOLCHAIN: 'local', ...env },
    maxBuffer: 64 << 20
  })
  return JSON.parse(stdout) as T
}

/** The real go, wrapped to log each command line it runs; `commandLines` reads the log so far. */
export function loggingGo(dir: string): { binary: string; commandLines: () => string[] } {
  const log = path.join(dir, 'go.log')
  const binary = path.join(dir, 'go')
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(binary, `#!/bin/sh\necho "$*" >> "${log}"\nexec "${GO_BIN}" "$@"\n`, { mode: 0o755 })
  return {
    binary,
    commandLines: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [])
  }
}
