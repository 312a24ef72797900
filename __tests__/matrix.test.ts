/**
 * The fan-out of docs/matrix-example.yml (contributed by the benchmark branch): one job lists the modules (the `modules` output), then
 * a `strategy.matrix` job per module runs go-guard with `modules: <dir>` and judges that module only.
 */
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { expectEqualIn } from './helpers/expect.js'
import { renderJson } from '../src/report/json.js'
import { GoWorld } from './fixtures/workspace.js'
import { gate, located } from './helpers/gate.js'
import { runAction } from './helpers/runner.js'

const program = (name: string): string => `package main\n\nimport _ "example.com/${name}"\n\nfunc main() {}\n`

describe('fanning a monorepo out over a matrix', () => {
  let world: GoWorld
  let repo: string
  beforeAll(() => {
    world = new GoWorld([
      { path: 'example.com/a', version: 'v1.0.0' },
      { path: 'example.com/b', version: 'v1.0.0' }
    ])
    repo = world.dir('repo', {
      'svc/a/go.mod': 'module example.com/repo/svc/a\n\ngo 1.21\n\nrequire example.com/a v1.0.0\n',
      'svc/a/main.go': program('a'),
      // Line 7: a local replacement, which only a job judging svc/b may report.
      'svc/b/go.mod':
        'module example.com/repo/svc/b\n\ngo 1.21\n\nrequire example.com/b v1.0.0\n\nreplace example.com/b => ../../lib/b\n',
      'svc/b/main.go': program('b'),
      'lib/b/go.mod': 'module example.com/b\n\ngo 1.21\n',
      'lib/b/b.go': 'package b\n'
    })
    world.go(path.join(repo, 'svc/a'), 'mod', 'tidy')
    world.commitAll(repo, 'base')
  })
  afterAll(() => world.cleanup())

  it('lists every module directory in the report a discovery job reads', async () => {
    const result = await gate(world, repo, { checks: 'replace' })
    expect((renderJson(result, 'test') as { modules: string[] }).modules).toEqual(['lib/b', 'svc/a', 'svc/b'])
    expect(located(result)).toEqual(['replace-local-path svc/b/go.mod:7'])
  })

  it('a job given one module directory judges that module and no other', async () => {
    const one = await gate(world, repo, { checks: 'verify,replace', modules: 'svc/a' })
    expect(one.scope.modules.map(m => m.relDir)).toEqual(['svc/a'])
    expect(one.steps.map(s => `${s.step} ${s.status}`)).toEqual(['verify passed', 'replace passed'])
    expect(located(one)).toEqual([])

    const other = await gate(world, repo, { checks: 'replace', modules: 'svc/b' })
    expect(other.scope.modules.map(m => m.relDir)).toEqual(['svc/b'])
    expect(located(other)).toEqual(['replace-local-path svc/b/go.mod:7'])
  })

  it('a glob shards several modules into one job', async () => {
    const shard = await gate(world, repo, { checks: 'replace', modules: 'svc/*' })
    expect(shard.scope.modules.map(m => m.relDir)).toEqual(['svc/a', 'svc/b'])
  })

  it('the bundled Action sets the `modules` output as a JSON array a matrix can use', () => {
    const outputs = (inputs: Record<string, string>): Record<string, string> => {
      const run = runAction({ repo, env: world.env, inputs: { checks: 'replace', 'fail-on': 'never', ...inputs } })
      expectEqualIn(run.stdout + run.stderr, run.status, 0)
      return run.outputs
    }
    expect(JSON.parse(outputs({}).modules)).toEqual(['lib/b', 'svc/a', 'svc/b'])
    expect(JSON.parse(outputs({ modules: 'svc/b' }).modules)).toEqual(['svc/b'])
  })
})
