/**
 * Proven toolchain manifests, kept on disk so a warm run re-hashes GOROOT without downloading
 * the archive again. The Action saves and restores this directory with the Actions cache.
 *
 * A proof holds only for what it proved: each manifest is stored under every input the proof
 * trusted (the release, the pinned SHA-256, the signing key's primary fingerprint and material,
 * the checksum list's source, the trust mode, the checksum database), and a run whose inputs
 * differ in any of them finds nothing and proves again.
 */
import { createHash } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import type { GoGuardVariables } from '../config.js'
import type { Manifest } from './manifest.js'

/** What a proof trusted; every field takes part in the key. */
export interface TrustInputs {
  /** Archive file name, e.g. go1.26.8.linux-amd64.tar.gz, or the toolchain module@version. */
  release: string
  /** toolchain-trust of the run that proved it. */
  mode: string
  /** The archive proof: toolchain-sha256 ('' when unpinned). */
  pinnedSha256?: string
  keyFingerprint?: string
  /** SHA-256 of the signing key's packets: the same fingerprint can carry other subkeys. */
  keyMaterial?: string
  /** The checksum list's URL, or 'toolchain-sha256' when the pin stood in for it. */
  checksumSource?: string
  /** The module proof: GOSUMDB that vouched for the toolchain module. */
  checksumDatabase?: string
}

export interface StoredManifest {
  trust: TrustInputs
  sha256: string
  /** How it was proven, for the report. */
  proof: string
  files: Manifest
}

export function manifestDir(variables: GoGuardVariables, env: NodeJS.ProcessEnv): string {
  return (
    variables.cacheDir ??
    path.join(env.RUNNER_TOOL_CACHE ?? path.join(env.HOME ?? os.homedir(), '.cache'), 'go-guard', 'toolchain-manifests')
  )
}

/** The inputs in a fixed order, so equal inputs give equal text. */
function canonical(trust: TrustInputs): string {
  const fields: (keyof TrustInputs)[] = [
    'release',
    'mode',
    'pinnedSha256',
    'keyFingerprint',
    'keyMaterial',
    'checksumSource',
    'checksumDatabase'
  ]
  return JSON.stringify(fields.map(f => [f, trust[f] ?? null]))
}

function fileFor(dir: string, trust: TrustInputs): string {
  const key = createHash('sha256').update(canonical(trust)).digest('hex').slice(0, 32)
  return path.join(dir, `${trust.release.replace(/[^A-Za-z0-9._-]/g, '_')}-${key}.json`)
}

/** The manifest proven under exactly `trust`, or undefined. */
export async function loadManifest(dir: string, trust: TrustInputs): Promise<StoredManifest | undefined> {
  try {
    const stored = JSON.parse(await fs.readFile(fileFor(dir, trust), 'utf8')) as StoredManifest
    return canonical(stored.trust) === canonical(trust) ? stored : undefined
  } catch {
    return undefined
  }
}

export async function saveManifest(dir: string, manifest: StoredManifest): Promise<void> {
  await fs.mkdir(dir, { recursive: true })
  await fs.writeFile(fileFor(dir, manifest.trust), JSON.stringify(manifest))
}
