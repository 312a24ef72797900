/**
 * Every go and git subprocess is bounded, even when it started a child that keeps the pipes open:
 * fake go and git scripts leave a background `sleep` holding stdout and stderr, and the tests
 * measure how long go-guard waits and whether that grandchild is still alive afterwards.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { CommitFiles, GitError, gitRunner } from '../src/git.js'
import { GoCommand } from '../src/go/command.js'
import { runProcess, traceProcesses } from '../src/process.js'
import { GoWorld } from './fixtures/workspace.js'

/** A shell script that records the pid of a background sleep holding its pipes, then `rest`. */
function script(dir: string, name: string, pidFile: string, rest: string): string {
  const file = path.join(dir, name)
  fs.writeFileSync(
    file,
    `#!/bin/sh\n[ "$1" = env ] && { echo '{"GOFLAGS":""}'; exit 0; }\nsleep 30 &\necho $! > ${pidFile}\necho started\n${rest}\n`,
    { mode: 0o755 }
  )
  return file
}

/**
 * Whether the recorded process still runs 100 ms after go-guard settled (a SIGKILL takes effect
 * asynchronously): gone, or a zombie (killed, not yet reaped), is dead.
 */
async function alive(pidFile: string): Promise<boolean> {
  await new Promise(r => setTimeout(r, 100))
  const stat = `/proc/${Number(fs.readFileSync(pidFile, 'utf8'))}/stat`
  if (!fs.existsSync(stat)) return false
  // Field 3 of /proc/<pid>/stat is the state, after the parenthesised command name.
  return fs.readFileSync(stat, 'utf8').replace(/^.*\) /s, '')[0] !== 'Z'
}

describe('the subprocess runner', () => {
  let world: GoWorld
  let bin: string
  let n = 0
  const pidFile = (): string => path.join(world.root, `grandchild-${++n}.pid`)

  beforeAll(() => {
    world = new GoWorld()
    bin = world.dir('bin')
  })
  afterAll(() => world.cleanup())

  it('a go that hangs with a grandchild holding the pipes times out at its deadline, and the grandchild dies', async () => {
    const pids = pidFile()
    const go = new GoCommand(script(bin, 'go-hangs', pids, 'sleep 30'), world.env)
    const started = performance.now()
    await expect(go.run(['mod', 'download'], { cwd: world.root, timeoutMs: 300 })).rejects.toThrow(
      /timed out after 0\.3 s/
    )
    expect(performance.now() - started).toBeLessThan(2000)
    expect(await alive(pids)).toBe(false)
  })

  it('a go that exits while a grandchild holds the pipes settles at once, with its output', async () => {
    const pids = pidFile()
    const go = new GoCommand(script(bin, 'go-exits', pids, 'exit 3'), world.env)
    const started = performance.now()
    const result = await go.run(['mod', 'download'], { cwd: world.root, timeoutMs: 20_000 })
    expect(performance.now() - started).toBeLessThan(2000)
    expect(result).toMatchObject({ code: 3, stdout: 'started\n' })
    expect(await alive(pids)).toBe(false)
  })

  it('describes each command once it ended, with at most 20 of its arguments, where a trace is asked for', async () => {
    const lines: string[] = []
    traceProcesses(line => lines.push(line))
    try {
      const args = Array.from({ length: 23 }, (_, i) => `a${i}`)
      await runProcess('true', args, { cwd: world.root, env: world.env, timeoutMs: 20_000 })
      await expect(
        runProcess('/nonexistent/x', [], { cwd: world.root, env: world.env, timeoutMs: 20_000 })
      ).rejects.toThrow(/ENOENT/)
    } finally {
      traceProcesses(undefined)
    }
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(
      new RegExp(
        `^ran true ${Array.from({ length: 20 }, (_, i) => `a${i}`).join(' ')} and 3 more in \\S+: exit 0 after \\d+\\.\\d\\d s$`
      )
    )
    expect(lines[1]).toMatch(/^ran \/nonexistent\/x in \S+: could not start \(.*ENOENT.*\) after/)
  })

  it('git is bounded the same way; a git that cannot answer is a GitError, not an absent file', async () => {
    const pids = pidFile()
    script(bin, 'git', pids, 'sleep 30')
    const git = gitRunner({ ...world.env, PATH: `${bin}:${world.env.PATH}` }, 300)
    const started = performance.now()
    const result = await git(['fetch', 'origin'], world.root)
    expect(performance.now() - started).toBeLessThan(2000)
    expect(result).toMatchObject({ code: -1, stderr: 'git fetch timed out after 0.3 s' })
    expect(await alive(pids)).toBe(false)
    await expect(new CommitFiles(world.root, git).read('HEAD', 'go.sum')).rejects.toThrow(GitError)
  })
})
