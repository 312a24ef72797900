/**
 * The toolchain step against a fake release served from 127.0.0.1: a GOROOT of real Go files,
 * its archive, checksum list and a signature by a key generated here.
 */

import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import * as openpgp from 'openpgp'
import { INPUT_DEFAULTS } from '../src/config.js'
import { EMBEDDED_RELEASE_KEY_DATE } from '../src/toolchain/release-key.js'
import { type TrustInputs, loadManifest, saveManifest } from '../src/toolchain/store.js'
import { ARCHIVE, generateKey, sign } from './fixtures/release.js'
import { rules, useReleaseWorld } from './fixtures/release-world.js'

describe('toolchain step', () => {
  const t = useReleaseWorld()
  const judge = t.judge

  it('passes an official release: checksum, signature and every GOROOT file', async () => {
    const result = await judge()
    expect(result.findings.map(f => `${f.rule}: ${f.message}`)).toEqual([])
    expect(result.steps[0].status).toBe('passed')
  })

  it('the audit snapshot records the proof the toolchain step made, not its status', async () => {
    const result = await judge({ 'report-file': path.join(t.cacheDir, 'report.json') })
    expect(result.audit?.toolchain.proof).toMatch(
      /^archive SHA-256 and OpenPGP signature of \S+; GOROOT matches it file by file$/
    )
    const unrun = await judge({ 'report-file': path.join(t.cacheDir, 'report.json'), checks: 'replace' })
    expect(unrun.audit?.toolchain.proof).toBe('toolchain step not run')
  })

  it('a warm run verifies GOROOT without downloading the archive, its signature or the list', async () => {
    expect(rules(await judge())).toEqual([])
    // The key is read again: the proof holds only for the key it was made with.
    for (const file of [`/dl/${ARCHIVE}`, `/dl/${ARCHIVE}.asc`, '/list.json']) t.release.served.delete(file)
    expect(rules(await judge())).toEqual([])
    // and still notices a modified file
    const file = path.join(t.release.goroot, 'src/fmt/print.go')
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
    await t.release.publish(t.key, undefined, '0'.repeat(64))
    const result = await judge()
    expect(rules(result)).toEqual(['toolchain-checksum-mismatch'])
    expect(result.findings[0]).toMatchObject({ file: 'go.mod', line: 1 })
    expect(result.findings[0].message).toContain(`the official checksum list gives ${'0'.repeat(64)}`)
  })

  it('a pinned toolchain-sha256 is authoritative', async () => {
    expect(rules(await judge({ 'toolchain-sha256': 'f'.repeat(64) }))).toEqual(['toolchain-checksum-mismatch'])
    expect(
      rules(
        await judge({ 'toolchain-sha256': t.release.sha256(), 'toolchain-checksums-url': 'http://127.0.0.1:9/none' })
      )
    ).toEqual([])
  })

  it('a signature by another key is toolchain-signature-invalid', async () => {
    const other = await generateKey()
    await t.release.publish(t.key, await sign(t.release.archive, other))
    expect(rules(await judge())).toEqual(['toolchain-signature-invalid'])
  })

  it('a key whose primary fingerprint is not the pinned one is refused', async () => {
    const impostor = await generateKey()
    await t.release.publish(impostor)
    const result = await judge()
    expect(rules(result)).toEqual(['toolchain-signature-invalid'])
    expect(result.findings[0].message).toMatch(
      new RegExp(`primary fingerprint is ${impostor.fingerprint}, not the pinned ${t.key.fingerprint}`)
    )
  })

  it('a signature by a rotated subkey, expired today, counts: it was valid when the signature was made', async () => {
    const past = new Date(Date.now() - 3 * 365 * 86400_000)
    const rotated = await generateKey({ date: past, subkeyExpiresIn: 365 * 86400 })
    await t.release.publish(rotated, await sign(t.release.archive, rotated, new Date(past.getTime() + 30 * 86400_000)))
    expect(rules(await judge({ 'gpg-key-fingerprint': rotated.fingerprint }))).toEqual([])
  })

  it('a GOROOT with a file edited, one deleted and an extra binary: one finding each, naming the file', async () => {
    const edited = path.join(t.release.goroot, 'src/errors/errors.go')
    const deleted = path.join(t.release.goroot, 'bin/gofmt')
    const extra = path.join(t.release.goroot, 'bin/go-helper')
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
    t.release.misbehaviour = misbehaviour
    if (misbehaviour === 'down') t.release.served.clear()
    const started = performance.now()
    // One second a request: four tries and their backoff (3.5 s) bound the whole proof.
    const result = await judge({}, { GO_GUARD_HTTP_TIMEOUT: '1' })
    expect(performance.now() - started).toBeLessThan(15_000)
    expect(rules(result)).toEqual(['toolchain-unverifiable'])
    expect(result.findings[0].message).toMatch(/toolchain-sha256|toolchain-archive|gpg-public-key/)
    expect(result.findings[0].message).toContain('set `toolchain-trust: module`')
  })

  it('a signing key that cannot be fetched is toolchain-unverifiable, not a bad signature', async () => {
    t.release.served.delete('/key.asc')
    const result = await judge()
    expect(rules(result)).toEqual(['toolchain-unverifiable'])
    expect(result.findings[0].message).toMatch(/the signing key could not be fetched \(.*404.*gpg-public-key/)
  })

  it('a signature by a subkey the embedded key copy lacks is toolchain-unverifiable, naming the key ID and the copy', async () => {
    // Google's key pinned, its URL unreachable: the embedded copy stands in, and knows no newer subkey.
    t.release.served.delete('/key.asc')
    const signature = await openpgp.readSignature({ armoredSignature: await sign(t.release.archive, t.key) })
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
      ['the pinned SHA-256', async () => ({ 'toolchain-sha256': t.release.sha256() })],
      ['the checksum list', async () => ({ 'toolchain-checksums-url': `${t.release.url}/list.json?elsewhere` })],
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
          const extended = await t.key.privateKey.addSubkey({ sign: true })
          return { 'gpg-public-key': extended.toPublic().armor() }
        }
      ]
    ]
    it.each(cases)('changing %s proves again', async (_what, change) => {
      expect(rules(await judge())).toEqual([])
      t.release.served.delete(`/dl/${ARCHIVE}`)
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
        keyFingerprint: t.key.fingerprint,
        keyMaterial: 'a'.repeat(64),
        checksumSource: 'https://list.invalid/'
      }
      await saveManifest(t.cacheDir, { trust, sha256: 'b'.repeat(64), proof: 'test', files: {} })
      expect((await loadManifest(t.cacheDir, { ...trust }))?.sha256).toBe('b'.repeat(64))
      for (const changed of [
        { release: 'go1.99.0.linux-amd64.tar.gz' },
        { mode: 'both' },
        { pinnedSha256: 'c'.repeat(64) },
        { keyFingerprint: 'D'.repeat(40) },
        { keyMaterial: 'e'.repeat(64) },
        { checksumSource: 'toolchain-sha256' },
        { checksumDatabase: 'sum.example' }
      ]) {
        expect(await loadManifest(t.cacheDir, { ...trust, ...changed })).toBeUndefined()
      }
    })
  })

  it('the archive can be given as a local file with its .asc beside it', async () => {
    fs.writeFileSync(`${t.release.archive}.asc`, await sign(t.release.archive, t.key))
    t.release.served.delete(`/dl/${ARCHIVE}`)
    expect(rules(await judge({ 'toolchain-archive': t.release.archive }))).toEqual([])
  })
})
