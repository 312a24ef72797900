import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { Semaphore, cpuBudget } from '../src/concurrency.js'
import { GoCommand } from '../src/go/command.js'
import { GoWorld } from './fixtures/workspace.js'
import { GO_BIN } from './helpers/go.js'

/** The most entries of `log` ("start" / "end" lines) open at once. */
function mostAtOnce(log: string[]): number {
  let open = 0
  let most = 0
  for (const line of log) {
    open += line.startsWith('start') ? 1 : -1
    most = Math.max(most, open)
  }
  return most
}

describe('Semaphore', () => {
  it('lets `size` holders in at once, in arrival order, and frees the slot of one that throws', async () => {
    const semaphore = new Semaphore(2)
    const log: string[] = []
    const task = (name: string, fail = false) =>
      semaphore.use(async () => {
        log.push(`start ${name}`)
        await new Promise(r => setTimeout(r, 20))
        log.push(`end ${name}`)
        if (fail) throw new Error(name)
        return name
      })
    const results = await Promise.allSettled([task('a', true), task('b'), task('c'), task('d'), task('e')])
    expect(results.map(r => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled'])
    expect(mostAtOnce(log)).toBe(2)
    expect(log.filter(l => l.startsWith('start')).map(l => l.slice(6))).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('serves a background task only when no other task waits, and at once when a slot is idle', async () => {
    const semaphore = new Semaphore(1)
    const order: string[] = []
    const task = (name: string, background = false) =>
      semaphore.use(
        async () => {
          order.push(name)
          await new Promise(r => setTimeout(r, 5))
        },
        { background }
      )
    await task('idle', true)
    await Promise.all([task('a'), task('audit', true), task('b'), task('c')])
    expect(order).toEqual(['idle', 'a', 'b', 'c', 'audit'])
  })
})

describe('the CPU budget', () => {
  it('never runs more go subprocesses at once than the machine has cores', async () => {
    const world = new GoWorld()
    try {
      const logFile = path.join(world.root, 'go.log')
      // The real go, wrapped to log when each run starts and ends, held long enough to overlap.
      const bin = world.dir('bin', {
        go: `#!/bin/sh\n[ "$1" = env ] && exec "${GO_BIN}" "$@"\necho start >> "${logFile}"\nsleep 0.2\n"${GO_BIN}" "$@"\nstatus=$?\necho end >> "${logFile}"\nexit $status\n`
      })
      fs.chmodSync(path.join(bin, 'go'), 0o755)
      const go = new GoCommand(path.join(bin, 'go'), world.env)
      const runs = await Promise.all(
        Array.from({ length: cpuBudget.size + 3 }, () => go.run(['version'], { cwd: world.root }))
      )
      expect(runs.every(r => r.code === 0 && r.stdout.startsWith('go version'))).toBe(true)
      const log = fs.readFileSync(logFile, 'utf8').trim().split('\n')
      expect(log).toHaveLength(2 * (cpuBudget.size + 3))
      expect(mostAtOnce(log)).toBe(cpuBudget.size)
    } finally {
      world.cleanup()
    }
  })
})
