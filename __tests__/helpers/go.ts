import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

/** The real go command, as the tests use it: Go's bin directory first on PATH. */
export const GO_BIN = process.env.GO_GUARD_TEST_GO ?? '/usr/local/go/bin/go'

export async function goJSON<T>(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<T> {
  const { stdout } = await execFileAsync(GO_BIN, args, { cwd, env: { ...process.env, GOTOOLCHAIN: 'local', ...env }, maxBuffer: 64 << 20 })
  return JSON.parse(stdout) as T
}
