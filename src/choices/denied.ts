/**
 * mod-denied (verify step): a module the build uses matches `deny-modules`. The build list is
 * go's (`go list -m all`), each module judged by its path and version and, where it is replaced
 * by another module, by the replacement's too. A requirement of go.mod that go did not list is
 * judged at the version go.mod names, so a go failure never hides a denied requirement. A
 * workspace's build is judged too, where it uses what none of its modules alone does.
 */
import type { RunContext } from '../checks/check.js'
import { locateModule } from '../checks/verify.js'
import { type DenyRule, findDenyingRule } from '../deny-modules.js'
import { type Finding, newFinding, skipped } from '../findings.js'
import { requiredThrough } from '../go/buildlist.js'
import type { GoModule } from '../modules.js'

interface Used {
  path: string
  version: string
  /** The module it replaces, where the build uses it as a replacement. */
  replaces?: string
}

function describeRule(rule: DenyRule): string {
  return `deny-modules line ${rule.line} "${rule.pattern}"${rule.reason ? ` (${rule.reason})` : ''}`
}

function deniedFinding(
  at: { file: string; line: number },
  path: string,
  version: string,
  what: string,
  rule: DenyRule,
  through = ''
): Finding {
  return newFinding('mod-denied', {
    ...at,
    module: path,
    version,
    message: `${what} but denied by ${describeRule(rule)}.${through} Remove the requirement, or upgrade or replace what pulls it in (\`go mod why -m ${path}\` shows the way).`
  })
}

/**
 * mod-denied for each module@version only the workspace builds (a go.work `replace`, a version
 * only the modules together select): `built` is what the workspace's download fetched, the
 * replacement where go.work replaces a module (modcmd/download.go downloads info.Replace). What a
 * module of the workspace builds alone is judged with that module.
 */
export function deniedInWorkspace(
  rules: DenyRule[],
  workFile: string,
  built: { Path: string; Version: string }[],
  locate: (path: string, version: string) => { file: string; line: number }
): Finding[] {
  return built.flatMap(m => {
    const rule = findDenyingRule(rules, m.Path, m.Version)
    if (rule === undefined) return []
    const what = `${m.Path}@${m.Version}, which the workspace of ${workFile} builds though none of its modules alone does, is in the build`
    return [deniedFinding(locate(m.Path, m.Version), m.Path, m.Version, what, rule)]
  })
}

export async function deniedModuleFindings(ctx: RunContext, module: GoModule): Promise<Finding[]> {
  const rules = ctx.config.denyModules
  if (rules.length === 0) return []
  const list = await ctx.graphs.buildList(module)
  const used: Used[] = []
  for (const m of list.modules) {
    if (m.Main) continue
    used.push({ path: m.Path, version: m.Version ?? '' })
    if (m.Replace?.Version) used.push({ path: m.Replace.Path, version: m.Replace.Version, replaces: m.Path })
  }
  // A requirement go did not list (it failed): judged at the version go.mod names.
  for (const r of module.mod.file.require)
    if (!list.modules.some(m => m.Path === r.path)) used.push({ path: r.path, version: r.version })
  const hits = new Map<string, { used: Used; rule: DenyRule }>()
  for (const u of used) {
    const rule = findDenyingRule(rules, u.path, u.version)
    const key = `${u.path}@${u.version}`
    if (rule !== undefined && !hits.has(key)) hits.set(key, { used: u, rule })
  }
  let graph: Promise<string[][]> | undefined
  const findings: Finding[] = []
  for (const [key, { used: u, rule }] of hits) {
    const named = u.replaces ?? u.path
    let at = locateModule(module, named, u.replaces ? undefined : u.version)
    let through = ''
    if (at.line === 1 && at.file === module.goModFile) {
      // Neither go.mod nor go.sum names it (a pruned graph): annotate the requirement that brings it in.
      graph ??= ctx.graphs.modGraph(module).then(g => g.edges)
      const via = requiredThrough(await graph, module.mod.file.module?.path ?? '', key)
      const req = via && module.mod.file.require.find(r => `${r.path}@${r.version}` === via)
      if (req) {
        at = { file: module.goModFile, line: req.line }
        through = ` It is required through ${via}.`
      }
    }
    const what = u.replaces ? `${key}, which replaces ${u.replaces},` : key
    findings.push(deniedFinding(at, u.path, u.version, `${what} is in the build`, rule, through))
  }
  if (list.error !== undefined)
    findings.push(
      skipped(
        'verify',
        module.goModFile,
        `deny-modules may have missed modules of the build list, which go could not list (${list.error}); the requirements of ${module.goModFile} were judged.`,
        'fix what the verify step reports about the module graph; then the whole build list is judged'
      )
    )
  return findings
}
