/**
 * Step 5, `replace`: every replace directive in go.mod and go.work is allowed by policy.
 * A replacement changes what code a module path means, so each one needs a reviewer's yes.
 */
import { findAllowingRule } from '../allow-replace.js'
import { type Finding, newFinding, skipped } from '../findings.js'
import { type Replace, parseModFile, parseWorkFile } from '../go/modfile.js'
import { isDirectoryPath } from '../go/module.js'
import type { Check, TargetContext } from './check.js'

function describe(r: Replace): string {
  const side = (p: string, v: string): string => (v ? `${p} ${v}` : p)
  return `replace ${side(r.old.path, r.old.version)} => ${side(r.new.path, r.new.version)}`
}

/** The finding for one replace directive, or undefined when policy allows it. */
export function judgeReplace(
  replace: Replace,
  file: string,
  config: { allowLocalReplace: boolean; allowReplace: Parameters<typeof findAllowingRule>[0] }
): Finding | undefined {
  const what = describe(replace)
  const located = { file, line: replace.line, module: replace.old.path, version: replace.old.version || undefined }
  if (isDirectoryPath(replace.new.path)) {
    if (config.allowLocalReplace) return undefined
    return newFinding('replace-local-path', {
      ...located,
      message: `${what}: builds ${replace.old.path} from the local directory ${replace.new.path}, which no checksum covers. Remove it, or set allow-local-replace: true if this repository is a monorepo that means it.`
    })
  }
  if (findAllowingRule(config.allowReplace, replace.old, replace.new)) return undefined
  return newFinding('replace-not-allowed', {
    ...located,
    message: `${what}: not matched by any allow-replace pattern${config.allowReplace.length === 0 ? ' (none are set)' : ''}. Remove the replacement, or add "${replace.old.path} => ${replace.new.path}" to allow-replace.`
  })
}

const directiveKey = (r: Replace): string => `${r.old.path} ${r.old.version} => ${r.new.path} ${r.new.version}`

/** With only-new, the directives already in the file at the base commit; an empty set otherwise. */
async function directivesAtBase(ctx: TargetContext, file: string, parse: typeof parseModFile): Promise<Set<string>> {
  if (!ctx.config.onlyNew) return new Set()
  const base = await ctx.base()
  if ('skipped' in base) return new Set()
  const text = await ctx.readAtBase(base.sha, file)
  return new Set(text === undefined ? [] : parse(text).file.replace.map(directiveKey))
}

function workspaceFinding(file: string, r: Replace): Finding {
  return newFinding('replace-in-workspace', {
    file,
    line: r.line,
    module: r.old.path,
    version: r.old.version || undefined,
    message: `${describe(r)} in ${file}: a workspace replacement applies to every module of the workspace, outside any go.mod a reviewer checks. Move it into the go.mod that needs it (where allow-replace judges it), or remove it.`
  })
}

export const replaceCheck: Check = {
  id: 'replace',
  needs: 'files',
  judges: 'module',
  async judge(ctx) {
    const [file, parse, directives] =
      ctx.kind === 'module'
        ? [ctx.module.goModFile, parseModFile, ctx.module.mod.file.replace]
        : [ctx.workspace.file, parseWorkFile, ctx.workspace.work.file.replace]
    const findings: Finding[] = []
    if (ctx.config.onlyNew) {
      const base = await ctx.base()
      // only-new without a base would report nothing: say so rather than pass silently.
      if ('skipped' in base)
        findings.push(
          skipped('replace', file, `only-new is set but ${base.skipped}; every directive is judged`, base.fix)
        )
    }
    const old = await directivesAtBase(ctx, file, parse)
    for (const r of directives) {
      if (old.has(directiveKey(r))) continue
      const finding = ctx.kind === 'module' ? judgeReplace(r, file, ctx.config) : workspaceFinding(file, r)
      if (finding) findings.push(finding)
    }
    return findings
  }
}
