// Bundles the TypeScript benchmark with esbuild (already a dev dependency) and runs it.
import { build } from 'esbuild'
import { mkdirSync } from 'node:fs'

mkdirSync('bench/.work', { recursive: true })
await build({
  entryPoints: ['bench/harness.ts'],
  outfile: 'bench/.work/harness.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning'
})
await import('./.work/harness.mjs')
