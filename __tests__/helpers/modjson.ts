import type { ModFile } from '../../src/go/modfile.js'

/** What `go mod edit -json` prints, reduced to the fields both sides have. */
export function fromGo(json: Record<string, any>): unknown {
  const mv = (m: any): { path: string; version: string } => ({ path: m.Path, version: m.Version ?? '' })
  return {
    module: json.Module?.Path ? { path: json.Module.Path, deprecated: json.Module.Deprecated ?? '' } : undefined,
    go: json.Go || undefined,
    toolchain: json.Toolchain || undefined,
    godebug: (json.GoDebug ?? []).map((g: any) => ({ key: g.Key, value: g.Value })),
    require: (json.Require ?? []).map((r: any) => ({ ...mv(r), indirect: r.Indirect ?? false })),
    exclude: (json.Exclude ?? []).map(mv),
    replace: (json.Replace ?? []).map((r: any) => ({ old: mv(r.Old), new: mv(r.New) })),
    retract: (json.Retract ?? []).map((r: any) => ({ low: r.Low, high: r.High, rationale: r.Rationale ?? '' })),
    tool: (json.Tool ?? []).map((t: any) => t.Path),
    ignore: (json.Ignore ?? []).map((t: any) => t.Path),
    use: (json.Use ?? []).map((u: any) => u.DiskPath)
  }
}

export function fromOurs(f: ModFile): unknown {
  const strip = <T extends { line: number }>(x: T): Omit<T, 'line'> => {
    const { line: _line, ...rest } = x
    return rest
  }
  return {
    module: f.module?.path ? { path: f.module.path, deprecated: f.module.deprecated } : undefined,
    go: f.go?.version,
    toolchain: f.toolchain?.name,
    godebug: f.godebug.map(strip),
    require: f.require.map(strip),
    exclude: f.exclude.map(strip),
    replace: f.replace.map(strip),
    retract: f.retract.map(strip),
    tool: f.tool.map(t => t.path),
    ignore: f.ignore.map(t => t.path),
    use: f.use.map(u => u.path)
  }
}
