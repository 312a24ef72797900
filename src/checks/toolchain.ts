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
import { type Finding, newFinding } from '../findings.js'
import { type DownloadedModule, GoCommandError, type GoEnv, goErrorText, parseJSONStream } from '../go/command.js'
import { mapLimit } from '../concurrency.js'
import { sha256File } from '../go/dirhash.js'
import { compareGoVersions, fromToolchainName } from '../go/gover.js'
import { matchPrefixPatterns } from '../go/module.js'
import { listTree } from '../go/tree.js'
import { downloadFile, downloadText, limitsFrom } from '../toolchain/download.js'
import { environmentSources, judgeEnvironment, judgePath } from '../toolchain/environment.js'
import { type Manifest, type ModifiedFile, compareGoroot, manifestFromTarGz } from '../toolchain/manifest.js'
import { EMBEDDED_RELEASE_KEY } from '../toolchain/release-key.js'
import { KeyMismatchError, readPinnedKey, verifyDetached } from '../toolchain/signature.js'
import { type StoredManifest, loadManifest, manifestDir, saveManifest } from '../toolchain/store.js'
import type { Check, CheckContext } from './check.js'

type At = { file: string; line: number }

/** A failure to obtain a proof: reported as toolchain-unverifiable, failing closed. */
class Unverifiable extends Error {}

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

function versionFindings(ctx: CheckContext, running: string): Finding[] {
  const have = fromToolchainName(running)
  if (have === undefined) return []
  const findings: Finding[] = []
  for (const m of ctx.scope.modules) {
    const wants: { version: string; line: number; what: string }[] = []
    if (m.mod.file.go)
      wants.push({ version: m.mod.file.go.version, line: m.mod.file.go.line, what: `go ${m.mod.file.go.version}` })
    const tc = m.mod.file.toolchain && fromToolchainName(m.mod.file.toolchain.name)
    if (tc && m.mod.file.toolchain)
      wants.push({ version: tc, line: m.mod.file.toolchain.line, what: `toolchain ${m.mod.file.toolchain.name}` })
    for (const w of wants) {
      if (compareGoVersions(have, w.version) >= 0) continue
      findings.push(
        newFinding('toolchain-version-mismatch', {
          file: m.goModFile,
          line: w.line,
          message: `${m.goModFile} asks for ${w.what}, newer than the running ${running}: go would refuse to build, or download and run another toolchain where GOTOOLCHAIN allows it (go-guard runs with GOTOOLCHAIN=local). Install the toolchain go.mod asks for (setup-go with go-version-file: go.mod).`
        })
      )
    }
  }
  return findings
}

interface ReleaseFile {
  filename: string
  os: string
  arch: string
  sha256: string
  kind: string
}

async function officialSha256(ctx: CheckContext, filename: string): Promise<string> {
  if (ctx.config.toolchain.sha256) return ctx.config.toolchain.sha256
  let list: { version: string; files: ReleaseFile[] }[]
  try {
    list = JSON.parse(
      await downloadText(ctx.config.toolchain.checksumsUrl, { ...limitsFrom(ctx.go.baseEnv), maxBytes: 64 << 20 })
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

async function releaseKey(ctx: CheckContext): Promise<{ armored: string; from: string }> {
  const given = ctx.config.toolchain.gpgPublicKey
  if (given) {
    const isText = given.includes('BEGIN PGP PUBLIC KEY BLOCK')
    return { armored: isText ? given : await fs.readFile(given, 'utf8'), from: isText ? 'gpg-public-key' : given }
  }
  try {
    return {
      armored: await downloadText(ctx.config.toolchain.gpgKeyUrl, { ...limitsFrom(ctx.go.baseEnv), maxBytes: 1 << 20 }),
      from: ctx.config.toolchain.gpgKeyUrl
    }
  } catch (error) {
    ctx.logger.warning(
      `go-guard: the release signing key could not be fetched (${(error as Error).message}); using the embedded copy, whose subkeys end in 2023`
    )
    return { armored: EMBEDDED_RELEASE_KEY, from: 'the embedded copy' }
  }
}

/** The archive proof: returns the verified manifest, or findings saying why there is none. */
async function proveArchive(
  ctx: CheckContext,
  env: GoEnv,
  at: At,
  store: string
): Promise<{ manifest?: StoredManifest; findings: Finding[] }> {
  const filename = `${env.GOVERSION}.${env.GOOS}-${env.GOARCH}.tar.gz`
  const cached = await loadManifest(store, filename)
  if (cached && (!ctx.config.toolchain.sha256 || cached.sha256 === ctx.config.toolchain.sha256))
    return { manifest: cached, findings: [] }

  const expected = await officialSha256(ctx, filename)
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'go-guard-toolchain-'))
  try {
    const local = ctx.config.toolchain.archive
    const archive = local ?? path.join(tmp, filename)
    let actual: string
    try {
      actual = local
        ? await sha256File(local)
        : await downloadFile(
            new URL(filename, ctx.config.toolchain.downloadUrl).href,
            archive,
            limitsFrom(ctx.go.baseEnv)
          )
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
            message: `the archive ${filename} hashes to ${actual}, but ${ctx.config.toolchain.sha256 ? 'toolchain-sha256 pins' : 'the official checksum list gives'} ${expected}. This is not the official release: do not trust this toolchain.`
          })
        ]
      }
    }
    let signature: string
    try {
      const fetchSignature = (): Promise<string> =>
        downloadText(new URL(`${filename}.asc`, ctx.config.toolchain.downloadUrl).href, limitsFrom(ctx.go.baseEnv))
      signature = local ? await fs.readFile(`${local}.asc`, 'utf8').catch(fetchSignature) : await fetchSignature()
    } catch (error) {
      throw new Unverifiable(
        `the signature ${filename}.asc could not be obtained (${(error as Error).message}). Allow access to toolchain-download-url`
      )
    }
    const { armored, from } = await releaseKey(ctx)
    try {
      const key = await readPinnedKey(armored, ctx.config.toolchain.gpgKeyFingerprint)
      const { created, keyID } = await verifyDetached(archive, signature, key)
      ctx.logger.info(
        `go-guard: ${filename} is signed by subkey ${keyID} of ${ctx.config.toolchain.gpgKeyFingerprint} (key from ${from}) on ${created.toISOString()}`
      )
    } catch (error) {
      const why =
        error instanceof KeyMismatchError
          ? `${error.message} (key from ${from}); the key is refused`
          : `the signature does not verify against ${ctx.config.toolchain.gpgKeyFingerprint} (key from ${from}): ${(error as Error).message}`
      return {
        findings: [
          newFinding('toolchain-signature-invalid', {
            ...at,
            message: `${filename}.asc: ${why}. Obtain the archive and its signature from the official downloads.`
          })
        ]
      }
    }
    const manifest: StoredManifest = {
      name: filename,
      sha256: actual,
      proof: 'archive SHA-256 and OpenPGP signature',
      files: await manifestFromTarGz(archive)
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
async function proveModule(ctx: CheckContext, env: GoEnv, store: string): Promise<StoredManifest> {
  const mod = `golang.org/toolchain@v0.0.1-${env.GOVERSION}.${env.GOOS}-${env.GOARCH}`
  const cached = await loadManifest(store, mod)
  if (cached) return cached
  if (env.GOSUMDB === 'off' || matchPrefixPatterns(env.GONOSUMDB, 'golang.org/toolchain')) {
    throw new Unverifiable(
      `the toolchain module cannot be vouched for: ${env.GOSUMDB === 'off' ? 'GOSUMDB=off' : `GONOSUMDB=${env.GONOSUMDB} exempts it`}. Re-enable the checksum database, or use toolchain-trust: archive`
    )
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'go-guard-toolchain-mod-'))
  let downloaded: DownloadedModule | undefined
  try {
    const result = await ctx.go.run(['mod', 'download', '-json', mod], { cwd: dir })
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
    name: mod,
    sha256: downloaded.Sum ?? '',
    proof: `module ${mod} verified by the checksum database ${env.GOSUMDB}`,
    files: manifest
  }
  await saveManifest(store, stored)
  return stored
}

async function gorootFindings(env: GoEnv, manifest: StoredManifest, at: At, skip: string[] = []): Promise<Finding[]> {
  const files: Manifest = Object.fromEntries(
    Object.entries(manifest.files).filter(([rel]) => !skip.some(s => rel.startsWith(s)))
  )
  const diff = await compareGoroot(env.GOROOT, files)
  const finding = (rel: string, what: string): Finding =>
    newFinding('toolchain-file-modified', {
      ...at,
      message: `${path.join(env.GOROOT, rel)} ${what} (proof: ${manifest.proof} of ${manifest.name}). Reinstall Go from a fresh official archive and find out what changed GOROOT.`
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

async function proofFindings(ctx: CheckContext, env: GoEnv, at: At): Promise<Finding[]> {
  if (fromToolchainName(env.GOVERSION) === undefined) {
    return [
      newFinding('toolchain-unverifiable', {
        ...at,
        message: `GOVERSION is "${env.GOVERSION}", not an official release: there is nothing official to check it against. Use a released Go.`
      })
    ]
  }
  const store = manifestDir(ctx.go.baseEnv)
  const trust = ctx.config.toolchain.trust
  const findings: Finding[] = []
  try {
    if (trust === 'archive' || trust === 'both') {
      const archive = await proveArchive(ctx, env, at, store)
      findings.push(...archive.findings)
      if (archive.manifest) findings.push(...(await gorootFindings(env, archive.manifest, at)))
    }
    if (trust === 'module' || trust === 'both') {
      findings.push(...(await gorootFindings(env, await proveModule(ctx, env, store), at, NOT_IN_MODULE)))
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
  }
  return findings
}

export const toolchainCheck: Check = {
  id: 'toolchain',
  async run(ctx) {
    const at = { file: ctx.scope.modules[0]?.goModFile ?? 'go.mod', line: 1 }
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
    return [
      ...proof,
      ...pathFindings,
      ...judgeEnvironment({ sources, at, sumModules }),
      ...versionFindings(ctx, env.GOVERSION)
    ]
  }
}
