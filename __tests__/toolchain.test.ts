/**
 * The toolchain step against a fake release served from 127.0.0.1: a GOROOT of real Go files,
 * its archive, checksum list and a signature by a key generated here.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { expectEqualIn } from './helpers/expect.js'
import type { GateResult } from '../src/engine.js'
import * as openpgp from 'openpgp'
import { INPUT_DEFAULTS } from '../src/config.js'
import { EMBEDDED_RELEASE_KEY_DATE } from '../src/toolchain/release-key.js'
import { type TrustInputs, loadManifest, saveManifest } from '../src/toolchain/store.js'
import { ARCHIVE, FakeRelease, type SigningKey, generateKey, sign } from './fixtures/release.js'
import { GoWorld } from './fixtures/workspace.js'
import { gate } from './helpers/gate.js'

describe('toolchain step', () => {
  let release: FakeRelease
  let key: SigningKey
  let world: GoWorld
  let repo: string
  let cacheDir: string

  beforeAll(async () => {
    key = await generateKey()
    release = new FakeRelease()
    await release.publish(key)
    world = new GoWorld()
    repo = world.dir('repo', { 'go.mod': 'module example.com/app\n\ngo 1.21\n' })
  })
  afterAll(async () => {
    await release.close()
    world.cleanup()
  })
  beforeEach(async () => {
    // A cold run each time: no manifest proven before.
    cacheDir = fs.mkdtempSync(path.join(world.root, 'manifests-'))
    release.misbehaviour = 'none'
    await release.publish(key)
  })

  /** The gate with only the fake release's go on PATH, and a clean Go environment. */
  function judge(inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<GateResult> {
    const clean = {
      ...world.env,
      PATH: `${path.dirname(release.goBinary)}:/usr/bin:/bin`,
      GO_GUARD_CACHE_DIR: cacheDir,
      GO_GUARD_HTTP_TIMEOUT: '3',
      ...env
    }
    delete (clean as Record<string, string>).GOSUMDB
    delete (clean as Record<string, string>).GOPROXY
    delete (clean as Record<string, string>).GOFLAGS
    for (const [k, v] of Object.entries(env)) (clean as Record<string, string>)[k] = v
    return gate({ env: clean }, repo, { ...release.inputs(key.fingerprint), ...inputs })
  }
  const rules = (r: GateResult): string[] => r.findings.map(f => f.rule)

  it('passes an official release: checksum, signature and every GOROOT file', async () => {
    const result = await judge()
    expect(result.findings.map(f => `${f.rule}: ${f.message}`)).toEqual([])
    expect(result.steps[0].status).toBe('passed')
  })

  it('the audit snapshot records the proof the toolchain step made, not its status', async () => {
    const result = await judge({ 'report-file': path.join(cacheDir, 'report.json') })
    expect(result.audit?.toolchain.proof).toMatch(
      /^archive SHA-256 and OpenPGP signature of \S+; GOROOT matches it file by file$/
    )
    const unrun = await judge({ 'report-file': path.join(cacheDir, 'report.json'), checks: 'replace' })
    expect(unrun.audit?.toolchain.proof).toBe('toolchain step not run')
  })

  it('a warm run verifies GOROOT without downloading the archive, its signature or the list', async () => {
    expect(rules(await judge())).toEqual([])
    // The key is read again: the proof holds only for the key it was made with.
    for (const file of [`/dl/${ARCHIVE}`, `/dl/${ARCHIVE}.asc`, '/list.json']) release.served.delete(file)
    expect(rules(await judge())).toEqual([])
    // and still notices a modified file
    const file = path.join(release.goroot, 'src/fmt/print.go')
    const original = fs.readFileSync(file)
    fs.appendFileSync(file, '\n// modified\n')
    try {
      const [finding] = (await judge()).findings
      expect(finding.rule).toBe('toolchain-file-modified')
      // How it differs: the size and SHA-256 found, and the release's.
      const size = fs.statSync(file).size
      expect(finding.message).toMatch(
        new RegExp(`found ${size} bytes, SHA-256 [0-9a-f]{64}; expected ${original.length} bytes, SHA-256 [0-9a-f]{64}`)
      )
    } finally {
      fs.writeFileSync(file, original)
    }
  })

  it('an archive whose hash differs from the official list is toolchain-checksum-mismatch', async () => {
    await release.publish(key, undefined, '0'.repeat(64))
    const result = await judge()
    expect(rules(result)).toEqual(['toolchain-checksum-mismatch'])
    expect(result.findings[0]).toMatchObject({ file: 'go.mod', line: 1 })
    expect(result.findings[0].message).toContain(`the official checksum list gives ${'0'.repeat(64)}`)
  })

  it('a pinned toolchain-sha256 is authoritative', async () => {
    expect(rules(await judge({ 'toolchain-sha256': 'f'.repeat(64) }))).toEqual(['toolchain-checksum-mismatch'])
    expect(
      rules(await judge({ 'toolchain-sha256': release.sha256(), 'toolchain-checksums-url': 'http://127.0.0.1:9/none' }))
    ).toEqual([])
  })

  it('a signature by another key is toolchain-signature-invalid', async () => {
    const other = await generateKey()
    await release.publish(key, await sign(release.archive, other))
    expect(rules(await judge())).toEqual(['toolchain-signature-invalid'])
  })

  it('a key whose primary fingerprint is not the pinned one is refused', async () => {
    const impostor = await generateKey()
    await release.publish(impostor)
    const result = await judge()
    expect(rules(result)).toEqual(['toolchain-signature-invalid'])
    expect(result.findings[0].message).toMatch(
      new RegExp(`primary fingerprint is ${impostor.fingerprint}, not the pinned ${key.fingerprint}`)
    )
  })

  it('a signature by a rotated subkey, expired today, counts: it was valid when the signature was made', async () => {
    const past = new Date(Date.now() - 3 * 365 * 86400_000)
    const rotated = await generateKey({ date: past, subkeyExpiresIn: 365 * 86400 })
    await release.publish(rotated, await sign(release.archive, rotated, new Date(past.getTime() + 30 * 86400_000)))
    expect(rules(await judge({ 'gpg-key-fingerprint': rotated.fingerprint }))).toEqual([])
  })

  it('a GOROOT with a file edited, one deleted and an extra binary: one finding each, naming the file', async () => {
    const edited = path.join(release.goroot, 'src/errors/errors.go')
    const deleted = path.join(release.goroot, 'bin/gofmt')
    const extra = path.join(release.goroot, 'bin/go-helper')
    const saved = { edited: fs.readFileSync(edited), deleted: fs.readFileSync(deleted) }
    fs.appendFileSync(edited, '\nfunc init() { println("owned") }\n')
    fs.rmSync(deleted)
    fs.writeFileSync(extra, '#!/bin/sh\n', { mode: 0o755 })
    try {
      const result = await judge()
      expect(result.findings.map(f => f.message.split(' ')[0]).sort()).toEqual([deleted, edited, extra].sort())
      expect(rules(result)).toEqual(['toolchain-file-modified', 'toolchain-file-modified', 'toolchain-file-modified'])
    } finally {
      fs.writeFileSync(edited, saved.edited)
      fs.writeFileSync(deleted, saved.deleted, { mode: 0o755 })
      fs.rmSync(extra)
    }
  })

  it.each([
    ['down', 'down'],
    ['hanging', 'hang'],
    ['truncating', 'truncate']
  ] as const)('a %s server fails closed, in bounded time, saying what to pin', async (_name, misbehaviour) => {
    release.misbehaviour = misbehaviour
    if (misbehaviour === 'down') release.served.clear()
    const started = performance.now()
    // One second a request: four tries and their backoff (3.5 s) bound the whole proof.
    const result = await judge({}, { GO_GUARD_HTTP_TIMEOUT: '1' })
    expect(performance.now() - started).toBeLessThan(15_000)
    expect(rules(result)).toEqual(['toolchain-unverifiable'])
    expect(result.findings[0].message).toMatch(/toolchain-sha256|toolchain-archive|gpg-public-key/)
    expect(result.findings[0].message).toContain('set `toolchain-trust: module`')
  })

  it('a signing key that cannot be fetched is toolchain-unverifiable, not a bad signature', async () => {
    release.served.delete('/key.asc')
    const result = await judge()
    expect(rules(result)).toEqual(['toolchain-unverifiable'])
    expect(result.findings[0].message).toMatch(/the signing key could not be fetched \(.*404.*gpg-public-key/)
  })

  it('a signature by a subkey the embedded key copy lacks is toolchain-unverifiable, naming the key ID and the copy', async () => {
    // Google's key pinned, its URL unreachable: the embedded copy stands in, and knows no newer subkey.
    release.served.delete('/key.asc')
    const signature = await openpgp.readSignature({ armoredSignature: await sign(release.archive, key) })
    const keyID = signature.getSigningKeyIDs()[0].toHex().toUpperCase()
    const result = await judge({ 'gpg-key-fingerprint': INPUT_DEFAULTS['gpg-key-fingerprint'] })
    expect(rules(result)).toEqual(['toolchain-unverifiable'])
    expect(result.findings[0].message).toContain(
      `was made by key ID ${keyID}, a subkey that the embedded copy of ${EMBEDDED_RELEASE_KEY_DATE} does not hold`
    )
  })

  describe('a cached proof holds only for what it proved', () => {
    // Each case: a proof made with the default inputs, then the archive gone from the server, so
    // a run that reuses the proof passes and a run that proves again cannot.
    const cases: [string, () => Promise<Record<string, string>>][] = [
      ['the pinned SHA-256', async () => ({ 'toolchain-sha256': release.sha256() })],
      ['the checksum list', async () => ({ 'toolchain-checksums-url': `${release.url}/list.json?elsewhere` })],
      ['the trust mode', async () => ({ 'toolchain-trust': 'both' })],
      [
        'the signing key (another fingerprint)',
        async () => {
          const other = await generateKey()
          return { 'gpg-key-fingerprint': other.fingerprint, 'gpg-public-key': other.publicArmored }
        }
      ],
      [
        'the signing key material (same fingerprint, another subkey)',
        async () => {
          const extended = await key.privateKey.addSubkey({ sign: true })
          return { 'gpg-public-key': extended.toPublic().armor() }
        }
      ]
    ]
    it.each(cases)('changing %s proves again', async (_what, change) => {
      expect(rules(await judge())).toEqual([])
      release.served.delete(`/dl/${ARCHIVE}`)
      expect(rules(await judge())).toEqual([])
      // GOPROXY=off: with toolchain-trust both, the module proof fails at once too.
      const result = await judge(await change(), { GOPROXY: 'off' })
      expect(rules(result).filter(r => r.startsWith('toolchain-'))).toEqual(['toolchain-unverifiable'])
      expect(result.findings[0].message).toMatch(/could not be (obtained|read)/)
    })

    it('the store answers only for the same release and every same trust input', async () => {
      const trust: TrustInputs = {
        release: ARCHIVE,
        mode: 'archive',
        pinnedSha256: '',
        keyFingerprint: key.fingerprint,
        keyMaterial: 'a'.repeat(64),
        checksumSource: 'https://list.invalid/'
      }
      await saveManifest(cacheDir, { trust, sha256: 'b'.repeat(64), proof: 'test', files: {} })
      expect((await loadManifest(cacheDir, { ...trust }))?.sha256).toBe('b'.repeat(64))
      for (const changed of [
        { release: 'go1.99.0.linux-amd64.tar.gz' },
        { mode: 'both' },
        { pinnedSha256: 'c'.repeat(64) },
        { keyFingerprint: 'D'.repeat(40) },
        { keyMaterial: 'e'.repeat(64) },
        { checksumSource: 'toolchain-sha256' },
        { checksumDatabase: 'sum.example' }
      ]) {
        expect(await loadManifest(cacheDir, { ...trust, ...changed })).toBeUndefined()
      }
    })
  })

  it('a go earlier in PATH than the judged one is path-shadowed-go; relative and empty entries are unsafe', async () => {
    const other = world.dir('other-bin', { go: '#!/bin/sh\nexec /bin/true\n' })
    fs.chmodSync(path.join(other, 'go'), 0o755)
    const result = await judge({}, { PATH: `${other}:${path.dirname(release.goBinary)}::relative/bin:/usr/bin:/bin` })
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
    const goenvFile = path.join(world.root, 'goenv-file')
    fs.writeFileSync(goenvFile, setup.goenv ?? '')
    const rootEnv = path.join(release.goroot, 'go.env')
    const original = fs.readFileSync(rootEnv, 'utf8')
    if (setup.rootenv) fs.writeFileSync(rootEnv, original.replace(/^GOSUMDB=.*$/m, `GOSUMDB=${setup.rootenv}`))
    try {
      const result = await judge({ 'toolchain-sha256': release.sha256() }, { GOENV: goenvFile, ...setup.env })
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

  it('GOTOOLCHAIN=auto as the official $GOROOT/go.env sets it is no notice; set by the job, it is', async () => {
    const rootEnv = path.join(release.goroot, 'go.env')
    const original = fs.readFileSync(rootEnv, 'utf8')
    fs.writeFileSync(rootEnv, original.replace(/^GOTOOLCHAIN=.*$/m, 'GOTOOLCHAIN=auto'))
    try {
      const notices = async (env: Record<string, string>): Promise<string[]> =>
        (await judge({ 'toolchain-sha256': release.sha256() }, env)).findings
          .filter(f => f.rule === 'env-notice')
          .map(f => f.message.split(' ')[0])
      expect(await notices({})).toEqual([])
      expect(await notices({ GOTOOLCHAIN: 'go1.99.0+auto' })).toEqual(['GOTOOLCHAIN=go1.99.0+auto'])
    } finally {
      fs.writeFileSync(rootEnv, original)
    }
  })

  it('a go.mod asking for a newer Go than the running one is toolchain-version-mismatch on its line', async () => {
    const dir = world.dir('newer', { 'go.mod': 'module example.com/newer\n\ngo 1.99.0\n\ntoolchain go1.99.1\n' })
    const clean = {
      ...world.env,
      PATH: `${path.dirname(release.goBinary)}:/usr/bin:/bin`,
      GO_GUARD_CACHE_DIR: cacheDir
    }
    const result = await gate({ env: clean }, dir, {
      ...release.inputs(key.fingerprint),
      'toolchain-sha256': release.sha256()
    })
    expect(
      result.findings.filter(f => f.rule === 'toolchain-version-mismatch').map(f => `${f.file}:${f.line}`)
    ).toEqual(['go.mod:3', 'go.mod:5'])
  })

  it('the archive can be given as a local file with its .asc beside it', async () => {
    fs.writeFileSync(`${release.archive}.asc`, await sign(release.archive, key))
    release.served.delete(`/dl/${ARCHIVE}`)
    expect(rules(await judge({ 'toolchain-archive': release.archive }))).toEqual([])
  })
})

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
              'toolchain-trust': 'module'
            }
          )
        const proven = await judge({ GOSUMDB: db.gosumdb })
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
