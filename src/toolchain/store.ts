/**
 * Verified toolchain manifests, kept on disk so a warm run re-hashes GOROOT without downloading
 * the archive again. The Action saves and restores this directory with the Actions cache.
 */
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import type { Manifest } from './manifest.js'

export interface StoredManifest {
  /** Archive file name, e.g. go1.26.8.linux-amd64.tar.gz, or the toolchain module@version. */
  name: string
  sha256: string
  /** How it was proven, for the report. */
  proof: string
  files: Manifest
}

export function manifestDir(env: NodeJS.ProcessEnv): string {
  return (
    env.GO_GUARD_CACHE_DIR ??
    path.join(env.RUNNER_TOOL_CACHE ?? path.join(env.HOME ?? os.homedir(), '.cache'), 'go-guard', 'toolchain-manifests')
  )
}

const fileFor = (dir: string, name: string): string => path.join(dir, `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.json`)

export async function loadManifest(dir: string, name: string): Promise<StoredManifest | undefined> {
  try {
    const stored = JSON.parse(await fs.readFile(fileFor(dir, name), 'utf8')) as StoredManifest
    return stored.name === name ? stored : undefined
  } catch {
    return undefined
  }
}

export async function saveManifest(dir: string, manifest: StoredManifest): Promise<void> {
  await fs.mkdir(dir, { recursive: true })
  await fs.writeFile(fileFor(dir, manifest.name), JSON.stringify(manifest))
}
