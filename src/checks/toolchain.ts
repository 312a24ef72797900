/**
 * Step 1, `toolchain`: the go that judges the build is the official release it claims to be.
 * The archive proof checks the release archive's SHA-256 against the official list (or a pin)
 * and its detached OpenPGP signature against the pinned key; the module proof lets the go
 * command fetch golang.org/toolchain@v0.0.1-<version>.<os>-<arch> through the checksum
 * database (golang/build cmd/distpack, cmd/go/internal/toolchain). Either way every file of
 * the installed GOROOT is then compared with the proven file set.
 */
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import type { PublicKey } from 'openpgp'
import { type Finding, newFinding } from '../findings.js'
import { type DownloadedModule, GoCommandError, type GoEnv, goErrorText, parseJSONStream } from '../go/command.js'
import { mapLimit } from '../concurrency.js'
import { sha256File } from '../go/dirhash.js'
import { fromToolchainName } from '../go/gover.js'
import { matchPrefixPatterns } from '../go/module.js'
import { listTree } from '../go/tree.js'
import { downloadFile, downloadText, limitsFrom } from '../toolchain/download.js'
import { environmentSources, judgeEnvironment, judgePath } from '../toolchain/environment.js'
import {
  InstalledGoroot,
  type Manifest,
  type ModifiedFile,
  compareGoroot,
  manifestFromTarGz
} from '../toolchain/manifest.js'
import { EMBEDDED_RELEASE_KEY, EMBEDDED_RELEASE_KEY_DATE } from '../toolchain/release-key.js'
import {
  KeyMismatchError,
  UnknownSigningKeyError,
  keyMaterialDigest,
  readPinnedKey,
  verifyDetached
} from '../toolchain/signature.js'
import { type StoredManifest, type TrustInputs, loadManifest, manifestDir, saveManifest } from '../toolchain/store.js'
import type { Check, RunContext } from './check.js'

type At = { file: string; line: number }

/** A failure to obtain a proof: reported as toolchain-unverifiable, failing closed. */
class Unverifiable extends Error {}

/** A key whose primary fingerprint is not the pinned one: reported as toolchain-signature-invalid. */
class KeyRefused extends Error {}

/** The judged go: go-binary resolved on PATH, links resolved. */
async function resolveBinary(binary: string, pathVar: string): Promise<string> {
  const candidates = binary.includes('/')
    ? [path.resolve(binary)]
    : pathVar
        .split(path.delimiter)
        .filter(Boolean)
        .map(d => path.join(d, binary))
  for (const c of candidates) {
    const real = await fs.realpath(c).catch(() => undefined)
    if (real && (await fs.stat(real)).isFile()) return real
  }
  return binary
}

interface ReleaseFile {
  filename: string
  os: string
  arch: string
  sha256: string
  kind: string
}

async function officialSha256(ctx: RunContext, filename: string): Promise<string> {
  if (ctx.config.toolchain.sha256) return ctx.config.toolchain.sha256
  let list: { version: string; files: ReleaseFile[] }[]
  try {
    list = JSON.parse(
      await downloadText(ctx.config.toolchain.checksumsUrl, { ...limitsFrom(ctx.go.variables), maxBytes: 64 << 20 })
    )
  } catch (error) {
    throw new Unverifiable(
      `the official checksum list could not be read (${(error as Error).message}). Pin the archive's SHA-256 with toolchain-sha256, or allow access to toolchain-checksums-url`
    )
  }
  const file = list.flatMap(r => r.files ?? []).find(f => f.filename === filename && f.kind === 'archive')
  if (!file)
    throw new Unverifiable(
      `${filename} is not in the official checksum list: this go is not an official release build. Install an official release`
    )
  return file.sha256.toLowerCase()
}

/** The signing key in force, and whether it is a stored copy (which may predate a rotated-in subkey). */
interface ReleaseKey {
  key: PublicKey
  from: string
  storedCopy: boolean
}

async function releaseKey(ctx: RunContext): Promise<ReleaseKey> {
  const { gpgPublicKey: given, gpgKeyUrl, gpgKeyFingerprint } = ctx.config.toolchain
  let armored: string
  let from: string
  let storedCopy = true
  if (given) {
    const isText = given.includes('BEGIN PGP PUBLIC KEY BLOCK')
    armored = isText ? given : await fs.readFile(given, 'utf8')
    from = isText ? 'gpg-public-key' : given
  } else {
    try {
      armored = await downloadText(gpgKeyUrl, { ...limitsFrom(ctx.go.variables), maxBytes: 1 << 20 })
      from = gpgKeyUrl
      storedCopy = false
    } catch (error) {
      const why = (error as Error).message
      from = `the embedded copy of ${EMBEDDED_RELEASE_KEY_DATE}`
      armored = EMBEDDED_RELEASE_KEY
      const embedded = await readPinnedKey(armored, gpgKeyFingerprint).catch(() => undefined)
      if (embedded === undefined) {
        throw new Unverifiable(
          `the signing key could not be fetched (${why}), and the embedded copy is not the key gpg-key-fingerprint pins (${gpgKeyFingerprint}). Allow access to gpg-key-url, or give the key with gpg-public-key`
        )
      }
      ctx.logger.warning(`go-guard: the release signing key could not be fetched (${why}); using ${from}`)
      return { key: embedded, from, storedCopy }
    }
  }
  try {
    return { key: await readPinnedKey(armored, gpgKeyFingerprint), from, storedCopy }
  } catch (error) {
    if (error instanceof KeyMismatchError)
      throw new KeyRefused(`${error.message} (key from ${from}); the key is refused`)
    throw new Unverifiable(
      `the signing key from ${from} could not be read (${(error as Error).message}). Check gpg-key-url or gpg-public-key`
    )
  }
}

/** The archive proof: returns the verified manifest, or findings saying why there is none. */
async function proveArchive(
  ctx: RunContext,
  env: GoEnv,
  at: At,
  store: string
): Promise<{ manifest?: StoredManifest; findings: Finding[] }> {
  const filename = `${env.GOVERSION}.${env.GOOS}-${env.GOARCH}.tar.gz`
  const invalid = (why: string): { findings: Finding[] } => ({
    findings: [
      newFinding('toolchain-signature-invalid', {
        ...at,
        message: `${filename}.asc: ${why}. Obtain the archive and its signature from the official downloads.`
      })
    ]
  })
  const config = ctx.config.toolchain
  let signer: ReleaseKey
  try {
    signer = await releaseKey(ctx)
  } catch (error) {
    if (error instanceof KeyRefused) return invalid(error.message)
    throw error
  }
  const trust: TrustInputs = {
    release: filename,
    mode: config.trust,
    pinnedSha256: config.sha256 ?? '',
    keyFingerprint: config.gpgKeyFingerprint,
    keyMaterial: keyMaterialDigest(signer.key),
    checksumSource: config.sha256 ? 'toolchain-sha256' : config.checksumsUrl
  }
  const cached = await loadManifest(store, trust)
  if (cached) return { manifest: cached, findings: [] }

  const expected = await officialSha256(ctx, filename)
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'go-guard-toolchain-'))
  try {
    const local = config.archive
    const archive = local ?? path.join(tmp, filename)
    let actual: string
    try {
      actual = local
        ? await sha256File(local)
        : await downloadFile(new URL(filename, config.downloadUrl).href, archive, limitsFrom(ctx.go.variables))
    } catch (error) {
      throw new Unverifiable(
        `the archive ${filename} could not be obtained (${(error as Error).message}). Give its path with toolchain-archive, or allow access to toolchain-download-url`
      )
    }
    if (actual !== expected) {
      return {
        findings: [
          newFinding('toolchain-checksum-mismatch', {
            ...at,
            message: `the archive ${filename} hashes to ${actual}, but ${config.sha256 ? 'toolchain-sha256 pins' : 'the official checksum list gives'} ${expected}. This is not the official release: do not trust this toolchain.`
          })
        ]
      }
    }
    let signature: string
    try {
      const fetchSignature = (): Promise<string> =>
        downloadText(new URL(`${filename}.asc`, config.downloadUrl).href, limitsFrom(ctx.go.variables))
      signature = local ? await fs.readFile(`${local}.asc`, 'utf8').catch(fetchSignature) : await fetchSignature()
    } catch (error) {
      throw new Unverifiable(
        `the signature ${filename}.asc could not be obtained (${(error as Error).message}). Allow access to toolchain-download-url`
      )
    }
    // The file list is read while the signature is checked (two cores, both reading the archive);
    // it is stored and used only once the signature verifies.
    const files = manifestFromTarGz(archive)
    files.catch(() => undefined)
    try {
      const { created, keyID } = await verifyDetached(archive, signature, signer.key)
      ctx.logger.info(
        `go-guard: ${filename} is signed by subkey ${keyID} of ${config.gpgKeyFingerprint} (key from ${signer.from}) on ${created.toISOString()}`
      )
    } catch (error) {
      // A stored copy of the key may predate the subkey: nothing was checked, nothing was found wrong.
      if (error instanceof UnknownSigningKeyError && signer.storedCopy) {
        throw new Unverifiable(
          `${filename}.asc was made by key ID ${error.keyIDs.join(', ')}, a subkey that ${signer.from} does not hold, so the signature could not be checked. Allow access to gpg-key-url for the current key, or give a current key with gpg-public-key`
        )
      }
      return invalid(
        `the signature does not verify against ${config.gpgKeyFingerprint} (key from ${signer.from}): ${(error as Error).message}`
      )
    }
    const manifest: StoredManifest = {
      trust,
      sha256: actual,
      proof: 'archive SHA-256 and OpenPGP signature',
      files: await files
    }
    await saveManifest(store, manifest)
    return { manifest, findings: [] }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true })
  }
}

// The toolchain module's zip is the archive's file set minus these, with go.mod files renamed
// _go.mod so the module zip stays one module (golang/build cmd/distpack).
const NOT_IN_MODULE = ['api/', 'doc/', 'misc/', 'test/']

/** The module proof: the go command fetches the toolchain module and the checksum database vouches for it. */
async function proveModule(ctx: RunContext, env: GoEnv, store: string): Promise<StoredManifest> {
  const mod = `golang.org/toolchain@v0.0.1-${env.GOVERSION}.${env.GOOS}-${env.GOARCH}`
  const trust: TrustInputs = { release: mod, mode: ctx.config.toolchain.trust, checksumDatabase: env.GOSUMDB }
  const cached = await loadManifest(store, trust)
  if (cached) return cached
  if (env.GOSUMDB === 'off' || matchPrefixPatterns(env.GONOSUMDB, 'golang.org/toolchain')) {
    throw new Unverifiable(
      `the toolchain module cannot be vouched for: ${env.GOSUMDB === 'off' ? 'GOSUMDB=off' : `GONOSUMDB=${env.GONOSUMDB} exempts it`}. Re-enable the checksum database, or use toolchain-trust: archive`
    )
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'go-guard-toolchain-mod-'))
  let downloaded: DownloadedModule | undefined
  try {
    const result = await ctx.go.run(['mod', 'download', '-json', '--', mod], { cwd: dir })
    downloaded = parseJSONStream<DownloadedModule>(result.stdout)[0]
    if (!downloaded?.Dir || downloaded.Error)
      throw new Unverifiable(
        `${mod} could not be downloaded and checked: ${downloaded?.Error ?? goErrorText(result.stderr)}`
      )
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
  const moduleDir = downloaded.Dir
  const files = [...(await listTree(moduleDir)).keys()]
  const hashes = await mapLimit(files, 8, async rel => {
    const file = path.join(moduleDir, rel)
    return { sha256: await sha256File(file), size: (await fs.stat(file)).size }
  })
  const manifest: Manifest = {}
  files.forEach((rel, i) => {
    const name = rel === '_go.mod' || rel.endsWith('/_go.mod') ? rel.replace(/_go\.mod$/, 'go.mod') : rel
    manifest[name] = { sha256: hashes[i].sha256, size: hashes[i].size, exec: false }
  })
  const stored = {
    trust,
    sha256: downloaded.Sum ?? '',
    proof: `module ${mod} verified by the checksum database ${env.GOSUMDB}`,
    files: manifest
  }
  await saveManifest(store, stored)
  return stored
}

async function gorootFindings(
  ctx: RunContext,
  env: GoEnv,
  installed: InstalledGoroot,
  manifest: StoredManifest,
  at: At,
  skip: string[] = []
): Promise<Finding[]> {
  const files: Manifest = Object.fromEntries(
    Object.entries(manifest.files).filter(([rel]) => !skip.some(s => rel.startsWith(s)))
  )
  const diff = await compareGoroot(installed, files)
  const differs = diff.modified.length + diff.missing.length + diff.addedExecutables.length
  ctx.evidence.toolchainProofs.push(
    `${manifest.proof} of ${manifest.trust.release}; GOROOT ${differs === 0 ? 'matches it file by file' : `differs in ${differs} file(s)`}`
  )
  const finding = (rel: string, what: string): Finding =>
    newFinding('toolchain-file-modified', {
      ...at,
      message: `${path.join(env.GOROOT, rel)} ${what} (proof: ${manifest.proof} of ${manifest.trust.release}). Reinstall Go from a fresh official archive and find out what changed GOROOT.`
    })
  const describe = (m: ModifiedFile): string => {
    const expected = `${m.expected.size === undefined ? '' : `${m.expected.size} bytes, `}SHA-256 ${m.expected.sha256}`
    if (m.found === undefined) return `is not a regular file; the official release has a file there (${expected})`
    return `differs from the official release: found ${m.found.size} bytes, SHA-256 ${m.found.sha256}; expected ${expected}`
  }
  return [
    ...diff.modified.map(m => finding(m.rel, describe(m))),
    ...diff.missing.map(rel => finding(rel, 'is missing, though the official release has it')),
    ...diff.addedExecutables.map(rel => finding(rel, 'is an executable the official release does not have'))
  ]
}

async function proofFindings(ctx: RunContext, env: GoEnv, at: At): Promise<Finding[]> {
  if (fromToolchainName(env.GOVERSION) === undefined) {
    return [
      newFinding('toolchain-unverifiable', {
        ...at,
        message: `GOVERSION is "${env.GOVERSION}", not an official release: there is nothing official to check it against. Use a released Go.`
      })
    ]
  }
  const store = manifestDir(ctx.go.variables, ctx.go.baseEnv)
  const trust = ctx.config.toolchain.trust
  const findings: Finding[] = []
  const installed = new InstalledGoroot(env.GOROOT)
  // The installed files are hashed while the proof is obtained; only the module proof's files if that is all.
  void installed.prefetch(trust === 'module' ? NOT_IN_MODULE : [])
  try {
    if (trust === 'archive' || trust === 'both') {
      const archive = await proveArchive(ctx, env, at, store)
      findings.push(...archive.findings)
      if (archive.manifest) findings.push(...(await gorootFindings(ctx, env, installed, archive.manifest, at)))
    }
    if (trust === 'module' || trust === 'both') {
      const proven = await proveModule(ctx, env, store)
      findings.push(...(await gorootFindings(ctx, env, installed, proven, at, NOT_IN_MODULE)))
    }
  } catch (error) {
    if (!(error instanceof Unverifiable)) throw error
    // Where only the module proxy is reachable (many self-hosted runners), the module proof works.
    const alternative =
      trust === 'archive'
        ? ' If this runner reaches the module proxy but not the official downloads, set `toolchain-trust: module` to prove the toolchain through the golang.org/toolchain module and the checksum database instead.'
        : ''
    findings.push(
      newFinding('toolchain-unverifiable', {
        ...at,
        message: `${env.GOVERSION} at ${env.GOROOT} could not be proven official, so it is not trusted (fail closed): ${error.message}.${alternative}`
      })
    )
  } finally {
    installed.stop()
  }
  return findings
}

export const toolchainCheck: Check = {
  id: 'toolchain',
  needs: 'environment',
  judges: 'repository',
  async judge(ctx) {
    const at = { file: ctx.repositoryFile.goMod, line: 1 }
    const processEnv = ctx.go.baseEnv
    // PATH is judged even when the go found there cannot run: that is when it matters most.
    const pathFindings = await judgePath({
      pathVar: processEnv.PATH ?? '',
      judged: await resolveBinary(ctx.config.goBinary, processEnv.PATH ?? ''),
      at,
      stat: p => fs.stat(p).catch(() => undefined),
      realpath: p => fs.realpath(p).catch(() => undefined)
    })
    let env: GoEnv
    try {
      env = await ctx.go.env()
    } catch (error) {
      if (!(error instanceof GoCommandError)) throw error
      return [...pathFindings, newFinding('toolchain-unverifiable', { ...at, message: `${error.message}.` })]
    }
    const [sources, proof] = await Promise.all([environmentSources(processEnv, env), proofFindings(ctx, env, at)])
    const sumModules = [...new Set(ctx.scope.modules.flatMap(m => m.sum?.lines.map(l => l.path) ?? []))]
    return [...proof, ...pathFindings, ...judgeEnvironment({ sources, at, sumModules })]
  }
}
