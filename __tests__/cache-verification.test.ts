import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { greedyCover } from '../src/checks/cache-verification.js'
import { GoWorld } from './fixtures/workspace.js'
import { gate, located } from './helpers/gate.js'
import { GO_BIN, loggingGo } from './helpers/go.js'

/**
 * Five modules of one repository; build lists (go list -m all, main module left out):
 *   svc1 shared; svc2 aaa shared; svc3 aaa extra lib shared (lib's go.mod requires extra, whose
 *   package nothing imports: the pruned graph never loads extra's go.mod, so svc3's go.sum has no
 *   line of it); svc4 extra; svc5 unique.
 * The cover is svc3 and svc5: `go mod verify` runs twice, not five times, and shared, needed by
 * three modules, is verified by one run.
 */
const SERVICES: Record<string, string[]> = {
  svc1: ['example.com/shared'],
  svc2: ['example.com/aaa', 'example.com/shared'],
  svc3: ['example.com/aaa', 'example.com/lib', 'example.com/shared'],
  svc4: ['example.com/extra'],
  svc5: ['example.com/unique']
}

describe('verify step: the module cache verified once per module@version, across modules', () => {
  let world: GoWorld
  let repo: string
  let go: ReturnType<typeof loggingGo>

  beforeAll(() => {
    world = new GoWorld([
      ...['shared', 'aaa', 'extra', 'unique'].map(name => ({ path: `example.com/${name}`, version: 'v1.0.0' })),
      {
        path: 'example.com/lib',
        version: 'v1.0.0',
        goMod: 'module example.com/lib\n\ngo 1.21\n\nrequire example.com/extra v1.0.0\n'
      }
    ])
    repo = world.dir('repo')
    for (const [svc, deps] of Object.entries(SERVICES)) {
      const dir = world.dir(`repo/${svc}`, {
        'go.mod': `module example.com/${svc}\n\ngo 1.21\n\nrequire (\n${deps.map(d => `\t${d} v1.0.0\n`).join('')})\n`,
        'main.go': `package main\n\nimport (\n${deps.map(d => `\t_ "${d}"\n`).join('')})\n\nfunc main() {}\n`
      })
      world.go(dir, 'mod', 'tidy')
    }
    world.commitAll(repo, 'services')
    go = loggingGo(path.join(world.root, 'bin'))
  })
  afterAll(() => world.cleanup())

  /** The gate's verify step, and how many times it ran `go mod verify`. */
  async function verify(): Promise<{ found: string[]; messages: string[]; verifyRuns: number }> {
    const before = go.commandLines().length
    const result = await gate(world, repo, { checks: 'verify', 'go-binary': go.binary })
    const verifyRuns = go
      .commandLines()
      .slice(before)
      .filter(l => l.startsWith('mod verify')).length
    return { found: located(result).sort(), messages: result.findings.map(f => f.message), verifyRuns }
  }

  /** What go mod verify itself says in each module, located as the verify step locates it (go.sum line of the hash). */
  function ownVerify(): string[] {
    return Object.keys(SERVICES).flatMap(svc => {
      const dir = path.join(repo, svc)
      let stderr = ''
      try {
        world.go(dir, 'mod', 'verify')
      } catch (error) {
        stderr = String((error as { stderr: unknown }).stderr)
      }
      const sum = fs.readFileSync(path.join(dir, 'go.sum'), 'utf8').split('\n')
      // Its hash's line; where go.sum has none (a pruned graph's module), go.mod's first line.
      return [...stderr.matchAll(/^(\S+) (v\S+): /gm)].map(([, p, v]) => {
        const line = sum.findIndex(l => l.startsWith(`${p} ${v} h1:`)) + 1
        return `mod-verify-failed ${svc}/${line > 0 ? `go.sum:${line}` : 'go.mod:1'}`
      })
    })
  }

  /** Runs `check` with a file of module@version's cached copy modified, then restores it. */
  async function tampered<T>(module: string, check: () => Promise<T>): Promise<T> {
    const file = path.join(world.env.GOMODCACHE, `example.com/${module}@v1.0.0/${module}.go`)
    const original = fs.readFileSync(file, 'utf8')
    fs.writeFileSync(file, `${original}\nfunc init() { println("owned") }\n`)
    try {
      return await check()
    } finally {
      fs.writeFileSync(file, original)
    }
  }

  it('runs go mod verify only in the modules covering every build list: twice for five modules', async () => {
    const { found, verifyRuns } = await verify() // fills the cache, then verifies
    expect(found).toEqual([])
    expect(verifyRuns).toBe(2)
    expect((await verify()).verifyRuns).toBe(2)
  })

  it('reports a modified module in every module that needs it, on its own go.sum line, as go mod verify there says', async () => {
    await tampered('shared', async () => {
      const { found, messages, verifyRuns } = await verify()
      expect(found).toEqual([
        'mod-verify-failed svc1/go.sum:1',
        'mod-verify-failed svc2/go.sum:3',
        'mod-verify-failed svc3/go.sum:5'
      ])
      expect(found).toEqual(ownVerify().sort())
      expect(messages.every(m => /^example\.com\/shared@v1\.0\.0 .*dir has been modified/.test(m))).toBe(true)
      // One run verified shared for the three: svc3's (svc5's build list lacks it).
      expect(verifyRuns).toBe(2)
    })
  })

  it('reports a module only the build list holds (neither go.mod nor go.sum names it) on go.mod line 1', async () => {
    await tampered('extra', async () => {
      const { found } = await verify()
      expect(found).toEqual(['mod-verify-failed svc3/go.mod:1', 'mod-verify-failed svc4/go.sum:1'])
      expect(found).toEqual(ownVerify().sort())
    })
  })

  it('verifies a module@version no other module has, in the one module whose build list holds it', async () => {
    await tampered('unique', async () => {
      const { found } = await verify()
      expect(found).toEqual(['mod-verify-failed svc5/go.sum:1'])
      expect(found).toEqual(ownVerify().sort())
    })
  })
  it('a go mod verify that fails naming no module is a failure of that module, never a pass or a module "go:"', async () => {
    // go as it fails to load a graph: a fatal line whose second word starts with "v", as a
    // fault line's version does. Only svc3's run fails; the others pass.
    const failing = path.join(world.root, 'failing-go')
    fs.writeFileSync(
      failing,
      `#!/bin/sh\nif [ "$1 $2" = "mod verify" ] && [ "\${PWD##*/}" = svc3 ]; then\n  echo "go: v.example/x@v1.0.0: reading v.example/x/go.mod: 404 Not Found" >&2\n  exit 1\nfi\nexec "${GO_BIN}" "$@"\n`,
      { mode: 0o755 }
    )
    const result = await gate(world, repo, { checks: 'verify', 'go-binary': failing })
    expect(located(result)).toEqual(['mod-verify-failed svc3/go.mod:1'])
    expect(result.findings[0].module).toBeUndefined()
    expect(result.findings[0].message).toMatch(
      /^go mod verify failed for svc3\/go\.mod without naming a module .*: go: v\.example\/x@v1\.0\.0: reading .*404 Not Found$/
    )
  })
})

describe('verify step: one module', () => {
  it('runs its own go mod verify and lists no build list for a cover it cannot share', async () => {
    const world = new GoWorld([{ path: 'example.com/shared', version: 'v1.0.0' }])
    try {
      const dir = world.dir('one', {
        'go.mod': 'module example.com/one\n\ngo 1.21\n\nrequire example.com/shared v1.0.0\n',
        'main.go': 'package main\n\nimport _ "example.com/shared"\n\nfunc main() {}\n'
      })
      world.go(dir, 'mod', 'tidy')
      world.commitAll(dir, 'one')
      const go = loggingGo(path.join(world.root, 'bin'))
      await gate(world, dir, { checks: 'verify', 'go-binary': go.binary })
      const lines = go.commandLines()
      expect(lines.filter(l => l.startsWith('mod verify'))).toHaveLength(1)
      expect(lines.filter(l => l.startsWith('list') && / -m /.test(` ${l} `))).toEqual([])
    } finally {
      world.cleanup()
    }
  })
})

describe('greedyCover', () => {
  it('chooses the list with most members not yet covered, next, until all are', () => {
    expect(greedyCover([['a'], ['a', 'b'], ['a', 'b', 'c', 'd'], ['d'], ['e']])).toEqual([2, 4])
    // After [b c d e], [a b] and [c d f] hold one new member each: both are needed.
    expect(
      greedyCover([
        ['a', 'b'],
        ['b', 'c', 'd', 'e'],
        ['c', 'd', 'f']
      ]).sort()
    ).toEqual([0, 1, 2])
    expect(greedyCover([[], []])).toEqual([])
  })
})
