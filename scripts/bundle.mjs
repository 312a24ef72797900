// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) as ESM for node20.
import { rmSync } from 'node:fs'
import { build } from 'esbuild'

// Chunk names carry content hashes: start empty so no stale chunk survives a rebuild.
rmSync('dist', { recursive: true, force: true })

await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
  // The CycloneDX library's optional plug-ins (XML, its own validators), which go-guard does not
  // use: it tries each in a try/catch at load time, so absent they must stay runtime requires.
  external: ['xmlbuilder2', 'libxmljs2', 'ajv', 'ajv-formats', 'ajv-formats-draft2019'],
  // Some CommonJS dependencies call require() for Node built-ins; ESM has none by default.
  banner: {
    js: "import { createRequire as __goGuardCreateRequire } from 'node:module'; const require = __goGuardCreateRequire(import.meta.url);"
  }
})
