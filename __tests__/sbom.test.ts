/**
 * The CycloneDX SBOM of what was judged, written by the reporters stage from a real gate run on
 * the real go command, and validated against the CycloneDX 1.6 JSON schema the library ships.
 */
import * as fs from 'node:fs'
import { createRequire } from 'node:module'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { parseConfig } from '../src/config.js'
import { runGate } from '../src/engine.js'
import { GoCommand } from '../src/go/command.js'
import { silentLogger } from '../src/logger.js'
import { reportPlace, writeReports } from '../src/outputs.js'
import { goPurl } from '../src/report/sbom.js'
import { GoWorld } from './fixtures/workspace.js'
import { GO_BIN } from './helpers/go.js'

const require = createRequire(import.meta.url)
const Ajv = require('ajv') as typeof import('ajv').default
const SCHEMA_DIR = path.join(path.dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res/schema')

/**
 * A validator for the shipped 1.6 schema, set up as the library's own JSON validator sets up ajv
 * (its Validation.JsonStrictValidator needs ajv-formats and ajv-formats-draft2019, which this
 * project does not install): the formats the schema names are checked here.
 */
function cyclonedx16(): (data: unknown) => unknown[] | null {
  const read = (name: string): object => JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8'))
  const ajv = new Ajv({
    useDefaults: false,
    strict: false,
    addUsedSchema: false,
    schemas: {
      'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json': read('spdx.SNAPSHOT.schema.json'),
      'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json': read('jsf-0.82.SNAPSHOT.schema.json')
    },
    formats: {
      'date-time': (s: string) =>
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(s) && !Number.isNaN(Date.parse(s)),
      'iri-reference': (s: string) => !/\s/.test(s),
      'idn-email': (s: string) => /^[^\s@]+@[^\s@]+$/u.test(s),
      uri: (s: string) => URL.canParse(s)
    }
  })
  const validate = ajv.compile(read('bom-1.6.SNAPSHOT.schema.json'))
  return data => (validate(data) ? null : (validate.errors ?? []))
}

interface CdxComponent {
  'bom-ref': string
  name: string
  version?: string
  purl?: string
  scope?: string
  properties?: { name: string; value: string }[]
}

describe('sbom-file', () => {
  let world: GoWorld
  let dir: string
  let goSum: string
  let bom: {
    specVersion: string
    metadata: { tools: { components: CdxComponent[] }; component: CdxComponent; timestamp: string }
    components: CdxComponent[]
    dependencies: { ref: string; dependsOn?: string[] }[]
  }
  let raw: string

  beforeAll(async () => {
    world = new GoWorld([
      { path: 'example.com/a', version: 'v1.0.0' },
      { path: 'example.com/t', version: 'v1.1.0' },
      { path: 'example.com/tool', version: 'v0.2.0', files: { 'main.go': 'package main\n\nfunc main() {}\n' } },
      // go 1.21: a pruned graph; deep is in the build list, but no package of it is built.
      {
        path: 'example.com/libp',
        version: 'v1.0.0',
        goMod: 'module example.com/libp\n\ngo 1.21\n\nrequire example.com/deep v1.0.0\n'
      },
      { path: 'example.com/deep', version: 'v1.0.0' }
    ])
    dir = world.dir('app', {
      'go.mod':
        'module example.com/app\n\ngo 1.24\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/libp v1.0.0\n\texample.com/t v1.1.0\n)\n\ntool example.com/tool\n',
      'main.go': 'package main\n\nimport (\n\t_ "example.com/a"\n\t_ "example.com/libp"\n)\n\nfunc main() {}\n',
      'main_test.go': 'package main\n\nimport _ "example.com/t"\n'
    })
    world.go(dir, 'get', 'example.com/tool@v0.2.0')
    world.go(dir, 'mod', 'tidy')
    goSum = fs.readFileSync(path.join(dir, 'go.sum'), 'utf8')
    world.commitAll(dir, 'app')

    const config = parseConfig({ 'working-directory': dir, checks: 'verify', 'sbom-file': 'out/sbom.json' })
    const go = new GoCommand(GO_BIN, { ...world.env })
    const result = await runGate(config, go, silentLogger)
    const written = await writeReports(config, result, go, reportPlace(config, { GITHUB_WORKSPACE: world.root }))
    expect(written.sbomFile).toBe(path.join(world.root, 'out/sbom.json'))
    raw = fs.readFileSync(written.sbomFile!, 'utf8')
    bom = JSON.parse(raw)
  })
  afterAll(() => world.cleanup())

  const component = (name: string): CdxComponent => bom.components.find(c => c.name === name)!
  const prop = (c: CdxComponent, name: string): string[] =>
    (c.properties ?? []).filter(p => p.name === name).map(p => p.value)

  it('is valid CycloneDX 1.6 JSON', () => {
    expect(bom.specVersion).toBe('1.6')
    expect(cyclonedx16()(bom)).toBeNull()
  })

  it('the validator is not a rubber stamp', () => {
    const broken = { ...bom, components: [{ ...bom.components[0], scope: 'sometimes' }] }
    expect(cyclonedx16()(broken)).not.toBeNull()
  })

  it('lists the build list with purls and the go.sum h1: hashes', () => {
    const a = component('example.com/a')
    expect(a.purl).toBe('pkg:golang/example.com/a@v1.0.0')
    expect(a['bom-ref']).toBe(a.purl)
    const sumLine = (suffix: string): string =>
      goSum
        .split('\n')
        .find(l => l.startsWith(`example.com/a v1.0.0${suffix} `))!
        .split(' ')[2]
    expect(prop(a, 'go-guard:go.sum:h1')).toEqual([sumLine('')])
    expect(prop(a, 'go-guard:go.sum:go.mod')).toEqual([sumLine('/go.mod')])
    expect(bom.components.map(c => c.name).sort()).toEqual([
      'example.com/a',
      'example.com/deep',
      'example.com/libp',
      'example.com/t',
      'example.com/tool',
      'go'
    ])
  })

  it('scopes what go does not build into the program as excluded, saying why', () => {
    const uses = Object.fromEntries(
      ['a', 'libp', 't', 'tool', 'deep'].map(n => {
        const c = component(`example.com/${n}`)
        return [n, `${c.scope} ${prop(c, 'go-guard:use')[0]}`]
      })
    )
    expect(uses).toEqual({
      a: 'required build',
      libp: 'required build',
      t: 'excluded test',
      tool: 'excluded tool',
      deep: 'excluded graph'
    })
  })

  it('carries the requirement graph as dependencies', () => {
    const deps = Object.fromEntries(bom.dependencies.map(d => [d.ref, (d.dependsOn ?? []).sort()]))
    expect(bom.metadata.component.name).toBe('example.com/app')
    expect(deps[bom.metadata.component['bom-ref']]).toEqual(
      ['a@v1.0.0', 'libp@v1.0.0', 't@v1.1.0', 'tool@v0.2.0'].map(m => `pkg:golang/example.com/${m}`)
    )
    expect(deps['pkg:golang/example.com/libp@v1.0.0']).toEqual(['pkg:golang/example.com/deep@v1.0.0'])
  })

  it('names the toolchain, how it was proven, and go-guard as the tool', async () => {
    const env = JSON.parse(world.go(dir, 'env', '-json')) as Record<string, string>
    const go = component('go')
    expect(go.version).toBe(env.GOVERSION)
    expect(go.purl).toBe(`pkg:golang/golang.org/toolchain@v0.0.1-${env.GOVERSION}.${env.GOOS}-${env.GOARCH}`)
    expect(prop(go, 'go-guard:toolchain:trust')).toEqual(['archive'])
    expect(prop(go, 'go-guard:toolchain:proof')).toEqual(['toolchain step not run'])
    expect(bom.metadata.tools.components.map(c => c.name)).toEqual(['go-guard'])
    expect(world.git(dir, 'status', '--porcelain')).toBe('')
  })

  it('percent-encodes what a purl cannot hold', () => {
    expect(goPurl('example.com/x/v2', 'v2.0.0+incompatible')).toBe('pkg:golang/example.com/x/v2@v2.0.0%2Bincompatible')
  })
})
