// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) as ESM for node20.
import { rmSync } from 'node:fs'
import { build } from 'esbuild'

/**
 * @actions/core imports @actions/http-client, and undici under it (770 kB, evaluated on load),
 * for getIDToken alone (lib/oidc-utils.js), which go-guard never calls. Declared free of side
 * effects (both only declare classes and functions), they are bundled only where something of
 * them is used (the cache chunk), and start-up does not evaluate them.
 */
const SIDE_EFFECT_FREE = /node_modules\/@actions\/(http-client\/|core\/lib\/oidc-utils\.js$)/
const sideEffectFree = {
  name: 'side-effect-free',
  setup(build) {
    build.onResolve({ filter: /^@actions\/http-client(\/|$)|^\.\/oidc-utils\.js$/ }, async args => {
      if (args.pluginData?.resolved) return undefined
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolved: true }
      })
      if (resolved.errors.length > 0 || !SIDE_EFFECT_FREE.test(resolved.path)) return resolved
      return { path: resolved.path, sideEffects: false }
    })
  }
}

// Chunk names carry content hashes: start empty so no stale chunk survives a rebuild.
rmSync('dist', { recursive: true, force: true })

await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // What a run does not always need (OpenPGP.js, tar-stream, @actions/cache) is imported with
  // import() where it is used, and so lands in a chunk of its own loaded on first use.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [sideEffectFree],
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
