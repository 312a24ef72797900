/**
 * The toolchain step's PATH, Go environment and version rules, against a fake release served from
 * 127.0.0.1 (a file of its own, so jest runs it beside the archive proof).
 */

import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { expectEqualIn } from './helpers/expect.js'
import { gate } from './helpers/gate.js'
import { rules, useReleaseWorld } from './fixtures/release-world.js'

describe('toolchain step: PATH, environment and version', () => {
  const t = useReleaseWorld()
  const judge = t.judge
  it('a go earlier in PATH than the judged one is path-shadowed-go; relative and empty entries are unsafe', async () => {
    const other = t.world.dir('other-bin', { go: '#!/bin/sh\nexec /bin/true\n' })
    fs.chmodSync(path.join(other, 'go'), 0o755)
    const result = await judge({}, { PATH: `${other}:${path.dirname(t.release.goBinary)}::relative/bin:/usr/bin:/bin` })
    expect(rules(result).sort()).toEqual([
      'path-shadowed-go',
      'path-shadowed-go',
      'path-unsafe-entry',
      'path-unsafe-entry'
    ])
  })

  it.each([
    ["the job's environment", (v: string) => ({ env: { GOSUMDB: v } })],
    ['the go env -w file', (v: string) => ({ goenv: `GOSUMDB=${v}\n` })],
    ['$GOROOT/go.env', (v: string) => ({ rootenv: v })]
  ])('GOSUMDB=off in %s is env-weakened-verification naming the place', async (place, make) => {
    const setup = make('off') as { env?: Record<string, string>; goenv?: string; rootenv?: string }
    const goenvFile = path.join(t.world.root, 'goenv-file')
    fs.writeFileSync(goenvFile, setup.goenv ?? '')
    const rootEnv = path.join(t.release.goroot, 'go.env')
    const original = fs.readFileSync(rootEnv, 'utf8')
    if (setup.rootenv) fs.writeFileSync(rootEnv, original.replace(/^GOSUMDB=.*$/m, `GOSUMDB=${setup.rootenv}`))
    try {
      const result = await judge({ 'toolchain-sha256': t.release.sha256() }, { GOENV: goenvFile, ...setup.env })
      const weakened = result.findings.filter(f => f.rule === 'env-weakened-verification')
      expectEqualIn(
        JSON.stringify(result.findings),
        weakened.map(f => f.message.split(':')[0].replace(/ \(.*$/, '')),
        [`GOSUMDB=off is set in ${place}`]
      )
    } finally {
      fs.writeFileSync(rootEnv, original)
    }
  })

  it('narrowing and notable settings: GONOSUMDB wholesale, GOFLAGS -mod=mod, GOINSECURE, GOPRIVATE, GOTOOLCHAIN', async () => {
    const result = await judge(
      {},
      { GONOSUMDB: 'github.com', GOFLAGS: '-mod=mod', GOINSECURE: 'corp.example', GOTOOLCHAIN: 'auto' }
    )
    expect(result.findings.map(f => `${f.rule} ${f.message.split(' ')[0]}`).sort()).toEqual(
      [
        'env-weakened-verification GONOSUMDB=github.com',
        'env-weakened-verification GOFLAGS=-mod=mod',
        'env-notice GOINSECURE=corp.example',
        'env-notice GOTOOLCHAIN=auto'
      ].sort()
    )
    const narrow = await judge({}, { GOPRIVATE: 'corp.example/*' })
    expect(narrow.findings.map(f => f.rule)).toEqual(['env-notice'])
  })

  it('a pattern exempting every module of a host is weakened however many elements it has; one organisation is a notice', async () => {
    // go matches a pattern of n elements against the first n elements of a path (module.MatchPrefixPatterns).
    for (const pattern of ['*/*', 'github.com/*', 'github.com/*/*', '*.com', 'g*,corp.example']) {
      const result = await judge({}, { GONOSUMDB: pattern })
      expect(result.findings.map(f => `${f.rule} ${f.message.split(' ')[0]}`)).toEqual([
        `env-weakened-verification GONOSUMDB=${pattern}`
      ])
    }
    for (const pattern of ['github.com/corp/*', 'github.com/corp', 'corp.example/*/*']) {
      const result = await judge({}, { GOPRIVATE: pattern })
      expect(result.findings.map(f => `${f.rule} ${f.message.split(' ')[0]}`)).toEqual([
        `env-notice GOPRIVATE=${pattern}`
      ])
    }
  })

  it('GOFLAGS -overlay and -modfile make the job read other files: weakened; GOPROXY=off is a notice that nothing downloads', async () => {
    const result = await judge({}, { GOFLAGS: '-modcacherw -overlay=/tmp/o.json', GOPROXY: 'off' })
    expect(result.findings.map(f => `${f.rule} ${f.message}`).sort()).toEqual([
      expect.stringMatching(/^env-notice GOPROXY=off .*go downloads no module/),
      expect.stringMatching(/^env-weakened-verification GOFLAGS=-modcacherw -overlay=\/tmp\/o\.json .*-overlay/)
    ])
  })

  it('GOTOOLCHAIN=auto as the official $GOROOT/go.env sets it is no notice; set by the job, it is', async () => {
    const rootEnv = path.join(t.release.goroot, 'go.env')
    const original = fs.readFileSync(rootEnv, 'utf8')
    fs.writeFileSync(rootEnv, original.replace(/^GOTOOLCHAIN=.*$/m, 'GOTOOLCHAIN=auto'))
    try {
      const notices = async (env: Record<string, string>): Promise<string[]> =>
        (await judge({ 'toolchain-sha256': t.release.sha256() }, env)).findings
          .filter(f => f.rule === 'env-notice')
          .map(f => f.message.split(' ')[0])
      expect(await notices({})).toEqual([])
      expect(await notices({ GOTOOLCHAIN: 'go1.99.0+auto' })).toEqual(['GOTOOLCHAIN=go1.99.0+auto'])
    } finally {
      fs.writeFileSync(rootEnv, original)
    }
  })

  it('a go.mod asking for a newer Go than the running one is toolchain-version-mismatch on its line', async () => {
    const dir = t.world.dir('newer', { 'go.mod': 'module example.com/newer\n\ngo 1.99.0\n\ntoolchain go1.99.1\n' })
    const clean = {
      ...t.world.env,
      PATH: `${path.dirname(t.release.goBinary)}:/usr/bin:/bin`,
      GO_GUARD_CACHE_DIR: t.cacheDir
    }
    const result = await gate({ env: clean }, dir, {
      ...t.release.inputs(t.key.fingerprint),
      'toolchain-sha256': t.release.sha256()
    })
    expect(
      result.findings.filter(f => f.rule === 'toolchain-version-mismatch').map(f => `${f.file}:${f.line}`)
    ).toEqual(['go.mod:3', 'go.mod:5'])
  })
})
