/**
 * vendor/modules.txt parsing that keeps line numbers, the consistency check the go command
 * makes before building from vendor/ (cmd/go/internal/modload/vendor.go: readVendorList,
 * checkVendorConsistency), and a line-level comparison with the file `go mod vendor` writes
 * (cmd/go/internal/modcmd/vendor.go, RunVendor).
 */
import { compareGoVersions } from './gover.js'
import type { ModFile, ModuleVersion } from './modfile.js'
import * as semver from './semver.js'

export interface VendoredModule {
  path: string
  /** '' for a wildcard replacement line (`# path => new`). */
  version: string
  replacement?: ModuleVersion
  explicit: boolean
  /** From `## explicit; go 1.21`. */
  goVersion?: string
  /** The `# ...` line. */
  line: number
  /** The last `## ...` line, where one is. */
  annotationLine?: number
  packages: { path: string; line: number }[]
}

export interface ModulesTxt {
  modules: VendoredModule[]
  /** `## workspace` on the first line: made by `go work vendor`, for a workspace. */
  workspace: boolean
}

/**
 * A light module.CheckImportPath: readVendorList takes a line for a package only when it is a
 * valid import path. Elements are non-empty, not dot-only, and end in no dot.
 */
function isImportPath(p: string): boolean {
  if (p === '' || p.startsWith('/') || p.endsWith('/')) return false
  return p
    .split('/')
    .every(e => e !== '' && !/^\.+$/.test(e) && !e.endsWith('.') && /^[\p{L}\p{N}!#$%&()+,\-.=@[\]^_{}~]+$/u.test(e))
}

/** Fields of a line as strings.Fields splits them. */
function fields(line: string): string[] {
  return line.split(/\s+/).filter(Boolean)
}

/**
 * readVendorList, keeping every module line in order (go keeps a map by module@version; the
 * consistency check below merges repeated lines the way that map does).
 */
export function parseModulesTxt(text: string): ModulesTxt {
  const modules: VendoredModule[] = []
  let current: VendoredModule | undefined
  let lineNo = 0
  let start = 0
  let workspace = false
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const line = text.slice(start, end)
    start = end + 1
    lineNo++
    if (lineNo === 1 && line.startsWith('## '))
      workspace = line
        .slice(3)
        .split(';')
        .some(e => e.trim() === 'workspace')
    if (line.startsWith('# ')) {
      const f = fields(line)
      // Too short: go skips the line and keeps attaching what follows to the previous module.
      if (f.length < 3) continue
      let rest: string[]
      if (semver.isValid(f[2])) {
        current = { path: f[1], version: f[2], explicit: false, line: lineNo, packages: [] }
        rest = f.slice(3)
      } else if (f[2] === '=>') {
        current = { path: f[1], version: '', explicit: false, line: lineNo, packages: [] }
        rest = f.slice(2)
      } else {
        current = undefined // a module line go does not understand; it ignores it and what follows
        continue
      }
      if (rest[0] === '=>' && rest.length === 2) current.replacement = { path: rest[1], version: '' }
      else if (rest[0] === '=>' && rest.length === 3 && semver.isValid(rest[2]))
        current.replacement = { path: rest[1], version: rest[2] }
      modules.push(current)
      continue
    }
    if (current === undefined) continue
    if (line.startsWith('## ')) {
      for (const entry of line
        .slice(3)
        .split(';')
        .map(e => e.trim())) {
        if (entry === 'explicit') current.explicit = true
        else if (entry.startsWith('go ')) current.goVersion = entry.slice(3)
      }
      current.annotationLine = lineNo
      continue
    }
    const f = fields(line)
    if (f.length === 1 && isImportPath(f[0])) current.packages.push({ path: f[0], line: lineNo })
  }
  return { modules, workspace }
}

export interface Inconsistency {
  /** Where to point: the modules.txt line, or the go.mod line. */
  file: 'modules.txt' | 'go.mod'
  line: number
  module: string
  version: string
  /** The go command's own wording, after "inconsistent vendoring in <dir>:". */
  message: string
}

export interface ConsistencyOptions {
  /** The running toolchain's Go version ("1.26.8"): a `## go` annotation above it is refused. */
  localGoVersion?: string
}

const describe = (m: ModuleVersion): string => (m.version ? `${m.path}@${m.version}` : m.path)
const keyOf = (m: ModuleVersion): string => `${m.path} ${m.version}`
const sameVersion = (a: ModuleVersion | undefined, b: ModuleVersion | undefined): boolean =>
  a?.path === b?.path && a?.version === b?.version

/** vendorMeta: repeated lines for one module@version are merged, annotations as a union. */
function vendorMeta(txt: ModulesTxt): Map<string, VendoredModule> {
  const meta = new Map<string, VendoredModule>()
  for (const m of txt.modules) {
    const seen = meta.get(keyOf(m))
    if (seen === undefined) {
      meta.set(keyOf(m), { ...m })
      continue
    }
    seen.explicit ||= m.explicit
    seen.goVersion = m.goVersion ?? seen.goVersion
    seen.replacement = m.replacement ?? seen.replacement
    if (m.explicit) seen.annotationLine = m.annotationLine
  }
  return meta
}

/** modload.Replacement in module mode: the exact module@version first, then the wildcard; never the main module itself. */
function goModReplacement(mod: ModFile, m: ModuleVersion): ModuleVersion | undefined {
  if (m.version === '' && m.path === mod.module?.path) return undefined
  return (
    mod.replace.find(r => r.old.path === m.path && r.old.version === m.version) ??
    mod.replace.find(r => r.old.path === m.path && r.old.version === '')
  )?.new
}

/**
 * checkVendorConsistency in module mode: from Go 1.14, vendor/modules.txt must list every
 * requirement as `## explicit` and every replacement as such, and claim nothing go.mod does not
 * say; before 1.14 only contradictions count. Plus readVendorList's refusal of a `## go`
 * version newer than the running toolchain. Each inconsistency is one the go command reports.
 */
export function checkVendorConsistency(
  mod: ModFile,
  txt: ModulesTxt,
  options: ConsistencyOptions = {}
): Inconsistency[] {
  const out: Inconsistency[] = []
  const meta = vendorMeta(txt)
  // vendorList: modules that provide packages; the highest version of a path is the selected one.
  const vendorList = new Map<string, VendoredModule>()
  for (const m of txt.modules) {
    if (m.packages.length === 0) continue
    const seen = vendorList.get(m.path)
    if (!seen || semver.compare(seen.version, m.version) < 0) vendorList.set(m.path, meta.get(keyOf(m))!)
  }
  const pre114 = compareGoVersions(mod.go?.version ?? '', '1.14') < 0

  if (options.localGoVersion !== undefined) {
    for (const m of txt.modules) {
      if (m.goVersion !== undefined && compareGoVersions(m.goVersion, options.localGoVersion) > 0) {
        out.push({
          file: 'modules.txt',
          line: m.annotationLine ?? m.line,
          module: m.path,
          version: m.version,
          message: `${m.path} in vendor/modules.txt requires go >= ${m.goVersion} (running go ${options.localGoVersion})`
        })
      }
    }
  }

  for (const r of mod.require) {
    if (meta.get(keyOf(r))?.explicit) continue
    if (pre114) {
      const vv = vendorList.get(r.path)?.version
      if (vv !== undefined && vv !== r.version) {
        out.push({
          file: 'go.mod',
          line: r.line,
          module: r.path,
          version: r.version,
          message: `${describe(r)}: is explicitly required in go.mod, but vendor/modules.txt indicates ${r.path}@${vv}`
        })
      }
    } else {
      out.push({
        file: 'go.mod',
        line: r.line,
        module: r.path,
        version: r.version,
        message: `${describe(r)}: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt`
      })
    }
  }

  const seenReplace = new Set<string>()
  for (const r of mod.replace) {
    if (seenReplace.has(keyOf(r.old))) continue
    seenReplace.add(keyOf(r.old))
    const rNew = goModReplacement(mod, r.old)
    const vm = meta.get(keyOf(r.old))
    const vr = vm?.replacement
    if (vr === undefined) {
      if (rNew === undefined) continue // the main module itself: not actually replaced
      if (pre114 && (r.old.version === '' || vendorList.get(r.old.path)?.version !== r.old.version)) continue
      out.push({
        file: 'go.mod',
        line: r.line,
        module: r.old.path,
        version: r.old.version,
        message: `${describe(r.old)}: is replaced in go.mod, but not marked as replaced in vendor/modules.txt`
      })
    } else if (!sameVersion(vr, rNew)) {
      out.push({
        file: 'modules.txt',
        line: vm!.line,
        module: r.old.path,
        version: r.old.version,
        message: `${describe(r.old)}: is replaced by ${rNew ? describe(rNew) : ''} in go.mod, but marked as replaced by ${describe(vr)} in vendor/modules.txt`
      })
    }
  }

  const required = new Set(mod.require.map(keyOf))
  for (const m of vendorList.values()) {
    if (m.explicit && !required.has(keyOf(m))) {
      out.push({
        file: 'modules.txt',
        line: m.annotationLine ?? m.line,
        module: m.path,
        version: m.version,
        message: `${describe(m)}: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod`
      })
    }
  }

  const seenReplaced = new Set<string>()
  for (const m of txt.modules) {
    if (m.replacement === undefined || seenReplaced.has(keyOf(m))) continue
    seenReplaced.add(keyOf(m))
    // A replacement that differs was reported above, from the go.mod side.
    if (goModReplacement(mod, m) === undefined) {
      out.push({
        file: 'modules.txt',
        line: m.line,
        module: m.path,
        version: m.version,
        message: `${describe(m)}: is marked as replaced in vendor/modules.txt, but not replaced in go.mod`
      })
    }
  }
  return out
}

export interface ModulesTxtDifference {
  /** The committed modules.txt line, or the go.mod require line of a module it lacks. */
  file: 'modules.txt' | 'go.mod'
  line: number
  module?: string
  version?: string
  message: string
}

/** The `# ...` line as go writes it (modcmd/vendor.go moduleLine). */
function moduleLine(m: VendoredModule): string {
  const head = m.version ? `# ${m.path} ${m.version}` : `# ${m.path}`
  return m.replacement ? `${head} => ${describe(m.replacement).replace('@', ' ')}` : head
}

function annotation(m: VendoredModule): string {
  const parts = [...(m.explicit ? ['explicit'] : []), ...(m.goVersion !== undefined ? [`go ${m.goVersion}`] : [])]
  return parts.length > 0 ? `## ${parts.join('; ')}` : 'no annotation'
}

/**
 * What differs between the committed modules.txt and the one `go mod vendor` writes, module by
 * module, on the committed line concerned: modules missing or extra, a different replacement,
 * `## explicit` or `## go` annotation, packages missing or extra. Modules in `skip` (already
 * reported by the consistency check) are left out. If the texts differ and no module does
 * (order, blank lines, a `## workspace` header), the first differing line is reported.
 */
export function diffModulesTxt(
  haveText: string,
  wantText: string,
  mod: ModFile,
  skip: Set<string> = new Set()
): ModulesTxtDifference[] {
  if (haveText === wantText) return []
  const have = parseModulesTxt(haveText)
  const want = parseModulesTxt(wantText)
  const out: ModulesTxtDifference[] = []
  const haveByKey = new Map(have.modules.map(m => [keyOf(m), m]))
  const wantByKey = new Map(want.modules.map(m => [keyOf(m), m]))
  for (const w of want.modules) {
    if (skip.has(w.path) || haveByKey.has(keyOf(w))) continue
    const req = mod.require.find(r => r.path === w.path && r.version === w.version)
    out.push({
      ...(req ? { file: 'go.mod' as const, line: req.line } : { file: 'modules.txt' as const, line: 1 }),
      module: w.path,
      version: w.version || undefined,
      message: `vendor/modules.txt lacks "${moduleLine(w)}", which \`go mod vendor\` writes`
    })
  }
  for (const h of have.modules) {
    if (skip.has(h.path)) continue
    const at = { module: h.path, version: h.version || undefined }
    const w = wantByKey.get(keyOf(h))
    if (w === undefined) {
      out.push({
        file: 'modules.txt',
        line: h.line,
        ...at,
        message: `vendor/modules.txt lists "${moduleLine(h)}", which \`go mod vendor\` does not write: that module@version is not vendored from this go.mod`
      })
      continue
    }
    if (moduleLine(h) !== moduleLine(w)) {
      out.push({
        file: 'modules.txt',
        line: h.line,
        ...at,
        message: `vendor/modules.txt says "${moduleLine(h)}" where \`go mod vendor\` writes "${moduleLine(w)}"`
      })
    }
    if (h.explicit !== w.explicit || h.goVersion !== w.goVersion) {
      out.push({
        file: 'modules.txt',
        line: h.annotationLine ?? h.line,
        ...at,
        message: `vendor/modules.txt gives ${describe(h)} ${annotation(h)} where \`go mod vendor\` writes ${annotation(w)} (from go.mod's requirements and the module's own go line)`
      })
    }
    const havePkgs = new Set(h.packages.map(p => p.path))
    const wantPkgs = new Set(w.packages.map(p => p.path))
    for (const p of h.packages) {
      if (!wantPkgs.has(p.path))
        out.push({
          file: 'modules.txt',
          line: p.line,
          ...at,
          message: `vendor/modules.txt lists package ${p.path}, which \`go mod vendor\` does not vendor from ${describe(h)}`
        })
    }
    const missing = w.packages.filter(p => !havePkgs.has(p.path)).map(p => p.path)
    if (missing.length > 0) {
      out.push({
        file: 'modules.txt',
        line: h.line,
        ...at,
        message: `vendor/modules.txt lacks package${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${describe(h)}, which \`go mod vendor\` vendors`
      })
    }
  }
  if (out.length > 0 || skip.size > 0) return out
  // Lines without the piece after the final newline: a line past the last is the file's end.
  const linesOf = (text: string): string[] => (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n')
  const haveLines = linesOf(haveText)
  const wantLines = linesOf(wantText)
  let line = 1
  while (line <= Math.max(haveLines.length, wantLines.length) && haveLines[line - 1] === wantLines[line - 1]) line++
  return [
    {
      file: 'modules.txt',
      line: Math.min(line, haveLines.length),
      message:
        line > Math.max(haveLines.length, wantLines.length)
          ? 'vendor/modules.txt differs from what `go mod vendor` writes only in its final newline'
          : `vendor/modules.txt line ${line} is ${shownLine(haveLines[line - 1])} where \`go mod vendor\` writes ${shownLine(wantLines[line - 1])}`
    }
  ]
}

/** A line of modules.txt for a message; none is the file's end. */
function shownLine(text: string | undefined): string {
  if (text === undefined) return 'the end of the file'
  return text === '' ? 'a blank line' : JSON.stringify(text)
}
