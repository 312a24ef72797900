/**
 * The toolchain step's module proof: golang.org/toolchain from a file:// proxy, vouched for by a
 * local checksum database (a file of its own, so jest runs it beside the archive proof).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { GateResult } from '../src/engine.js'
import { FakeRelease } from './fixtures/release.js'
import { GoWorld } from './fixtures/workspace.js'
import { gate } from './helpers/gate.js'

describe('toolchain step, module proof', () => {
  it('proves the toolchain through golang.org/toolchain and a checksum database, and fails closed without one', async () => {
    const { SumDB } = await import('./fixtures/sumdb.js')
    const release = new FakeRelease()
    const world = new GoWorld()
    try {
      const version = fs.readFileSync(path.join(release.goroot, 'VERSION'), 'utf8').split('\n')[0]
      // The module zip: the release's files minus api/, doc/, misc/, test/, go.mod files renamed _go.mod.
      const files: Record<string, Buffer> = {}
      const walk = (rel: string): void => {
        for (const e of fs.readdirSync(path.join(release.goroot, rel), { withFileTypes: true })) {
          const child = rel ? `${rel}/${e.name}` : e.name
          if (e.isDirectory()) walk(child)
          else if (!/^(api|doc|misc|test)\//.test(child))
            files[child.replace(/(^|\/)go\.mod$/, '$1_go.mod')] = fs.readFileSync(path.join(release.goroot, child))
        }
      }
      walk('')
      const mod = { path: 'golang.org/toolchain', version: `v0.0.1-${version}.linux-amd64`, goMod: null, files }
      world.addModules([mod])
      const scratch = world.dir('scratch')
      const sums = world.go(scratch, 'mod', 'download', '-json', `${mod.path}@${mod.version}`)
      const sum = /"Sum": "(\S+)"/.exec(sums)![1]
      const goModSum = /"GoModSum": "(\S+)"/.exec(sums)![1]
      const db = await SumDB.start(`${mod.path} ${mod.version} ${sum}\n${mod.path} ${mod.version}/go.mod ${goModSum}\n`)
      fs.rmSync(world.env.GOMODCACHE, { recursive: true, force: true })
      try {
        const repo = world.dir('repo', { 'go.mod': 'module example.com/app\n\ngo 1.21\n' })
        const judge = (env: Record<string, string>): Promise<GateResult> =>
          gate(
            {
              env: {
                ...world.env,
                PATH: `${path.dirname(release.goBinary)}:/usr/bin:/bin`,
                GO_GUARD_CACHE_DIR: fs.mkdtempSync(path.join(world.root, 'm-')),
                GONOSUMDB: '',
                ...env
              }
            },
            repo,
            {
              checks: 'toolchain',
              'go-binary': release.goBinary,
              'toolchain-trust': 'module',
              // The test's own checksum database is not the default one: that finding is not this test's.
              rules: 'env-weakened-verification: off'
            }
          )
        const proven = await judge({ GOSUMDB: db.gosumdb })
        // Proven, and nothing else blocks: the step passed (not merely no toolchain-* finding).
        expect(proven.steps.map(st => [st.step, st.status, st.error])).toEqual([['toolchain', 'passed', undefined]])
        expect(
          proven.findings
            .filter(f => f.rule.startsWith('toolchain-'))
            .map(f => f.message)
            .join('\n')
        ).toBe('')
        // A GOROOT file edited after installation.
        const edited = path.join(release.goroot, 'src/fmt/print.go')
        fs.appendFileSync(edited, '\n// edited\n')
        expect(
          (await judge({ GOSUMDB: db.gosumdb })).findings
            .filter(f => f.rule === 'toolchain-file-modified')
            .map(f => f.message.split(' ')[0])
        ).toEqual([edited])
        // No database to vouch for the module: fail closed.
        const off = await judge({ GOSUMDB: 'off' })
        expect(off.steps.map(st => [st.step, st.status])).toEqual([['toolchain', 'failed']])
        expect(off.findings.filter(f => f.rule === 'toolchain-unverifiable').map(f => f.message)).toEqual([
          expect.stringMatching(/GOSUMDB=off/)
        ])
      } finally {
        db.stop()
      }
    } finally {
      world.cleanup()
      await release.close()
    }
  })
})
