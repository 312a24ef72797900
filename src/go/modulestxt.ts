/**
 * vendor/modules.txt parsing that keeps line numbers, and the consistency check the go command
 * makes before building from vendor/ (cmd/go/internal/modload/vendor.go: readVendorList,
 * checkVendorConsistency).
 */
import type { ModFile } from './modfile.js'
import * as semver from './semver.js'

export interface VendoredModule {
  path: string
  /** '' for a wildcard replacement line (`# path => new`). */
  version: string
  replacement?: { path: string; version: string }
  explicit: boolean
  /** From `## explicit; go 1.21`. */
  goVersion?: string
  /** The `# ...` line. */
  line: number
  packages: { path: string; line: number }[]
}

export interface ModulesTxt {
  modules: VendoredModule[]
}

export function parseModulesTxt(text: string): ModulesTxt {
  const modules: VendoredModule[] = []
  let current: VendoredModule | undefined
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '')
    const lineNo = i + 1
    if (line.startsWith('# ')) {
      const f = line.trim().split(/\s+/)
      current = undefined
      if (f.length < 3) continue
      let rest: string[]
      if (semver.isValid(f[2])) {
        current = { path: f[1], version: f[2], explicit: false, line: lineNo, packages: [] }
        rest = f.slice(3)
      } else if (f[2] === '=>') {
        current = { path: f[1], version: '', explicit: false, line: lineNo, packages: [] }
        rest = f.slice(2)
      } else {
        continue // a module line go does not understand; it ignores it too
      }
      if (rest[0] === '=>' && rest.length === 2) current.replacement = { path: rest[1], version: '' }
      else if (rest[0] === '=>' && rest.length === 3 && semver.isValid(rest[2])) current.replacement = { path: rest[1], version: rest[2] }
      modules.push(current)
      continue
    }
    if (current === undefined) continue
    if (line.startsWith('## ')) {
      for (const entry of line.slice(3).split(';').map(e => e.trim())) {
        if (entry === 'explicit') current.explicit = true
        else if (entry.startsWith('go ')) current.goVersion = entry.slice(3).trim()
      }
      continue
    }
    const f = line.trim().split(/\s+/)
    if (f.length === 1 && f[0] !== '') current.packages.push({ path: f[0], line: lineNo })
  }
  return { modules }
}

export interface Inconsistency {
  /** Where to point: the modules.txt line, or the go.mod line. */
  file: 'modules.txt' | 'go.mod'
  line: number
  module: string
  version: string
  /** The go command's own wording. */
  message: string
}

const describe = (m: { path: string; version: string }): string => (m.version ? `${m.path}@${m.version}` : m.path)

/**
 * checkVendorConsistency of Go 1.14 and later: vendor/modules.txt must list every requirement as
 * `## explicit`, every replacement as such, and nothing go.mod does not say.
 */
export function checkVendorConsistency(mod: ModFile, txt: ModulesTxt): Inconsistency[] {
  const out: Inconsistency[] = []
  const key = (p: string, v: string): string => `${p}@${v}`
  const meta = new Map(txt.modules.map(m => [key(m.path, m.version), m]))
  // vendorList: modules that provide packages; the highest version of a path wins.
  const vendorList = new Map<string, VendoredModule>()
  for (const m of txt.modules) {
    if (m.packages.length === 0 || m.version === '') continue
    const seen = vendorList.get(m.path)
    if (!seen || semver.compare(seen.version, m.version) < 0) vendorList.set(m.path, m)
  }
  const pre114 = mod.go === undefined || semver.compare(`v${mod.go.version}`, 'v1.14') < 0

  for (const r of mod.require) {
    if (meta.get(key(r.path, r.version))?.explicit) continue
    if (pre114) {
      const vv = vendorList.get(r.path)?.version
      if (vv !== undefined && vv !== r.version) {
        out.push({ file: 'go.mod', line: r.line, module: r.path, version: r.version, message: `${describe(r)}: is explicitly required in go.mod, but vendor/modules.txt indicates ${r.path}@${vv}` })
      }
    } else {
      out.push({ file: 'go.mod', line: r.line, module: r.path, version: r.version, message: `${describe(r)}: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt` })
    }
  }

  const goModReplacement = (p: string, v: string): { path: string; version: string } | undefined =>
    (mod.replace.find(r => r.old.path === p && r.old.version === v) ?? mod.replace.find(r => r.old.path === p && r.old.version === ''))?.new
  for (const r of mod.replace) {
    const vr = meta.get(key(r.old.path, r.old.version))?.replacement
    if (vr === undefined) {
      if (!(pre114 && (r.old.version === '' || vendorList.get(r.old.path)?.version !== r.old.version))) {
        out.push({ file: 'go.mod', line: r.line, module: r.old.path, version: r.old.version, message: `${describe(r.old)}: is replaced in go.mod, but not marked as replaced in vendor/modules.txt` })
      }
    } else if (vr.path !== r.new.path || vr.version !== r.new.version) {
      const at = meta.get(key(r.old.path, r.old.version))!
      out.push({ file: 'modules.txt', line: at.line, module: r.old.path, version: r.old.version, message: `${describe(r.old)}: is replaced by ${describe(r.new)} in go.mod, but marked as replaced by ${describe(vr)} in vendor/modules.txt` })
    }
  }

  for (const m of vendorList.values()) {
    if (m.explicit && !mod.require.some(r => r.path === m.path && r.version === m.version)) {
      out.push({ file: 'modules.txt', line: m.line, module: m.path, version: m.version, message: `${describe(m)}: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod` })
    }
  }
  for (const m of txt.modules) {
    if (m.replacement === undefined) continue
    const r = goModReplacement(m.path, m.version)
    if (r === undefined) {
      out.push({ file: 'modules.txt', line: m.line, module: m.path, version: m.version, message: `${describe(m)}: is marked as replaced in vendor/modules.txt, but not replaced in go.mod` })
    } else if (r.path !== m.replacement.path || r.version !== m.replacement.version) {
      out.push({ file: 'modules.txt', line: m.line, module: m.path, version: m.version, message: `${describe(m)}: is marked as replaced by ${describe(m.replacement)} in vendor/modules.txt, but replaced by ${describe(r)} in go.mod` })
    }
  }
  return out
}
