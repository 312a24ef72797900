import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { GoWorld } from './fixtures/workspace.js'
import { gate, located } from './helpers/gate.js'

const GO_MOD = `module example.com/app

go 1.21

require example.com/a v1.0.0

replace (
	// allowed by policy
	github.com/old/lib v1.2.3 => github.com/ourfork/lib v1.2.4
	golang.org/x/net => golang.org/x/net v0.1.0
	example.com/a => ./local/a
	github.com/other/thing => github.com/evil/thing v1.0.0
)

replace github.com/single/line => ./third_party/line
`

describe('replace step', () => {
  let world: GoWorld
  let dir: string
  beforeAll(() => {
    world = new GoWorld()
    dir = world.dir('app', {
      'go.mod': GO_MOD,
      'go.work': 'go 1.21\n\nuse .\n\nreplace example.com/b v1.0.0 => example.com/c v1.0.0\n'
    })
  })
  afterAll(() => world.cleanup())

  const allow = 'github.com/old/* v1.2.* => github.com/ourfork/* \n golang.org/x/** => golang.org/x/**'

  it('flags local, unlisted and workspace replacements on their own lines, inside blocks too', async () => {
    const result = await gate(world, dir, { checks: 'replace', 'allow-replace': allow })
    expect(located(result).sort()).toEqual(
      [
        'replace-local-path go.mod:11',
        'replace-not-allowed go.mod:12',
        'replace-local-path go.mod:15',
        'replace-in-workspace go.work:5'
      ].sort()
    )
  })

  it('with no allow-replace, every module replacement is not allowed', async () => {
    const result = await gate(world, dir, { checks: 'replace' })
    expect(located(result).filter(l => l.startsWith('replace-not-allowed'))).toEqual([
      'replace-not-allowed go.mod:9',
      'replace-not-allowed go.mod:10',
      'replace-not-allowed go.mod:12'
    ])
  })

  it('allow-local-replace accepts directory replacements', async () => {
    const result = await gate(world, dir, { checks: 'replace', 'allow-replace': allow, 'allow-local-replace': 'true' })
    expect(located(result).sort()).toEqual(['replace-in-workspace go.work:5', 'replace-not-allowed go.mod:12'])
  })

  it.each([
    ['a version on the pattern must match the directive’s version', 'github.com/old/* v1.3.* => github.com/ourfork/*'],
    ['`*` stays within one path element', 'github.com/* => github.com/ourfork/lib']
  ])('%s', async (_name, pattern) => {
    const result = await gate(world, dir, {
      checks: 'replace',
      'allow-replace': `${pattern}\ngolang.org/x/** => golang.org/x/**`,
      'allow-local-replace': 'true'
    })
    expect(located(result)).toContain('replace-not-allowed go.mod:9')
  })

  it('rule overrides lower or silence a rule', async () => {
    const result = await gate(world, dir, {
      checks: 'replace',
      'allow-replace': allow,
      rules: 'replace-local-path: off\nreplace-in-workspace: warning'
    })
    expect(located(result)).toEqual(['replace-not-allowed go.mod:12', 'replace-in-workspace go.work:5'])
    expect(result.findings.find(f => f.rule === 'replace-in-workspace')!.severity).toBe('warning')
    expect(result.blocking).toBe(1)
  })
})
