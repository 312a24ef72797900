/**
 * Step 5, `replace`: every replace directive in go.mod and go.work is allowed by policy.
 * A replacement changes what code a module path means, so each one needs a reviewer's yes.
 */
import { findAllowingRule } from '../allow-replace.js'
import { type Finding, newFinding } from '../findings.js'
import type { Replace } from '../go/modfile.js'
import { isDirectoryPath } from '../go/module.js'
import type { Check } from './check.js'

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

export const replaceCheck: Check = {
  id: 'replace',
  async run(ctx) {
    const findings: Finding[] = []
    for (const module of ctx.scope.modules) {
      for (const r of module.mod.file.replace) {
        const finding = judgeReplace(r, module.goModFile, ctx.config)
        if (finding) findings.push(finding)
      }
    }
    for (const ws of ctx.scope.workspaces) {
      for (const r of ws.work.file.replace) {
        findings.push(
          newFinding('replace-in-workspace', {
            file: ws.file,
            line: r.line,
            module: r.old.path,
            version: r.old.version || undefined,
            message: `${describe(r)} in ${ws.file}: a workspace replacement applies to every module of the workspace, outside any go.mod a reviewer checks. Move it into the go.mod that needs it (where allow-replace judges it), or remove it.`
          })
        )
      }
    }
    return findings
  }
}
