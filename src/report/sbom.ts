/**
 * The CycloneDX 1.6 JSON SBOM of what was judged, built with the CycloneDX project's own library:
 * per module in scope its build list as components (purl pkg:golang/<path>@<version>, the go.sum
 * h1: hashes as properties, scope `excluded` for what is not compiled into the build), the
 * requirement graph as dependencies, the toolchain with how it was proven, and go-guard itself
 * as the tool. Several modules sharing a module@version share one component.
 */
// Subpath imports: the package root also loads its validators, which read files beside the
// package's own sources (`__dirname`), not there once bundled.
import * as Enums from '@cyclonedx/cyclonedx-library/Enums'
import * as Models from '@cyclonedx/cyclonedx-library/Models'
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize'
import * as Spec from '@cyclonedx/cyclonedx-library/Spec'
import type { ListedModule } from '../go/buildlist.js'
import type { ModuleUse, SbomInput, SbomModule } from '../sbom.js'

const USE_ORDER: ModuleUse[] = ['build', 'test', 'tool', 'graph']

/** The purl of a Go module (purl-spec golang type): each path segment and the version percent-encoded. */
export function goPurl(path: string, version?: string): string {
  const name = path.split('/').map(encodeURIComponent).join('/')
  return `pkg:golang/${name}${version ? `@${encodeURIComponent(version)}` : ''}`
}

function property(name: string, value: string): Models.Property {
  return new Models.Property(`go-guard:${name}`, value)
}

/** go.sum's hashes of path@version: its content (h1) and go.mod lines. */
function sumProperties(m: SbomModule, path: string, version: string): Models.Property[] {
  return (m.module.sum?.lines ?? [])
    .filter(l => l.path === path && l.version === version)
    .map(l => property(l.goMod ? 'go.sum:go.mod' : 'go.sum:h1', l.hash))
}

interface Entry {
  component: Models.Component
  use: ModuleUse
}

function upsertDependency(
  entries: Map<string, Entry>,
  m: SbomModule,
  listed: ListedModule & { Version: string }
): Entry {
  const purl = goPurl(listed.Path, listed.Version)
  const key = `${listed.Path}@${listed.Version}`
  const use = m.use.get(key) ?? 'graph'
  const existing = entries.get(purl)
  if (existing) {
    if (USE_ORDER.indexOf(use) < USE_ORDER.indexOf(existing.use)) existing.use = use
    return existing
  }
  const component = new Models.Component(Enums.ComponentType.Library, listed.Path, {
    version: listed.Version,
    purl,
    bomRef: purl
  })
  // The hashed content is the replacement's where a module-path replacement stands in.
  const hashed = listed.Replace?.Version ? listed.Replace : listed
  for (const p of sumProperties(m, hashed.Path, hashed.Version ?? '')) component.properties.add(p)
  if (listed.Replace)
    component.properties.add(
      property(
        'replaced-by',
        listed.Replace.Version ? `${listed.Replace.Path}@${listed.Replace.Version}` : listed.Replace.Path
      )
    )
  const entry = { component, use }
  entries.set(purl, entry)
  return entry
}

export function renderSbom(input: SbomInput, toolVersion: string, timestamp: Date): string {
  const bom = new Models.Bom()
  bom.metadata.timestamp = timestamp
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Application, 'go-guard', { version: toolVersion })
  )

  const tc = input.toolchain
  const toolchain = new Models.Component(Enums.ComponentType.Application, 'go', {
    version: tc.version,
    // The module the go command itself downloads toolchains as.
    purl: goPurl('golang.org/toolchain', `v0.0.1-${tc.version}.${tc.goos}-${tc.goarch}`),
    bomRef: 'go-guard:toolchain',
    description: 'the Go toolchain that judged and listed this build'
  })
  for (const [name, value] of [
    ['toolchain:trust', tc.trust],
    ['toolchain:proof', tc.proof],
    ['toolchain:goroot', tc.goroot]
  ])
    toolchain.properties.add(property(name, value))
  bom.components.add(toolchain)

  const entries = new Map<string, Entry>()
  const mains: Models.Component[] = []
  for (const m of input.modules) {
    const path = m.module.mod.file.module?.path ?? m.module.relDir
    const main = new Models.Component(Enums.ComponentType.Application, path, {
      purl: goPurl(path),
      bomRef: `go-guard:module:${m.module.relDir}`
    })
    main.properties.add(property('module:dir', m.module.relDir))
    if (m.audit.error) main.properties.add(property('module:error', m.audit.error))
    mains.push(main)
    const selected = new Map<string, Entry>()
    for (const listed of m.audit.buildList) {
      if (listed.Main || !listed.Version) continue
      selected.set(listed.Path, upsertDependency(entries, m, listed as ListedModule & { Version: string }))
    }
    // go mod graph names requested versions; the build uses the selected one of each path.
    const nodeOf = (node: string): Models.Component | undefined => {
      const at = node.lastIndexOf('@')
      if (at < 0) return node === path ? main : undefined
      const entry = selected.get(node.slice(0, at))
      return entry && entry.component.version === node.slice(at + 1) ? entry.component : undefined
    }
    for (const edge of m.audit.graph) {
      const [from, to] = edge.split(' ')
      const source = nodeOf(from)
      const target = selected.get(to?.slice(0, to.lastIndexOf('@')))?.component
      if (source && target && source !== target) source.dependencies.add(target.bomRef)
    }
  }
  for (const { component, use } of entries.values()) {
    component.scope = use === 'build' ? Enums.ComponentScope.Required : Enums.ComponentScope.Excluded
    component.properties.add(property('use', use))
    bom.components.add(component)
  }
  if (mains.length === 1) {
    bom.metadata.component = mains[0]
  } else {
    const root = new Models.Component(Enums.ComponentType.Application, input.repository, {
      bomRef: 'go-guard:repository'
    })
    for (const main of mains) {
      bom.components.add(main)
      root.dependencies.add(main.bomRef)
    }
    bom.metadata.component = root
  }
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6))
  return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`
}
