/**
 * What the engine knows about each module and workspace before any step runs: where it cannot be
 * judged (a go.mod go cannot parse, a `go` line newer than the running toolchain) and the facts
 * about the scope every run reports once (links, directories outside, unreadable files, version
 * mismatches). Steps never decide these themselves.
 */
import type { RunContext, StepNeeds, TargetContext } from './checks/check.js'
import { type Finding, type StepId, blockingSkip, newFinding, skipped } from './findings.js'
import type { ModFile, ParseResult } from './go/modfile.js'
import { compareGoVersions, fromToolchainName } from './go/gover.js'
import type { GoModule, Scope } from './modules.js'
import { shortList } from './shortlist.js'

/** A module or workspace reduced to what the engine checks before judging it. */
interface TargetFacts {
  file: string
  parsed: ParseResult
}

function facts(target: TargetContext): TargetFacts {
  return target.kind === 'module'
    ? { file: target.module.goModFile, parsed: target.module.mod }
    : { file: target.workspace.file, parsed: target.workspace.work }
}

export function targetContexts(ctx: RunContext): TargetContext[] {
  return [
    ...ctx.scope.modules.map(module => ({ ...ctx, kind: 'module' as const, module })),
    ...ctx.scope.workspaces.map(workspace => ({ ...ctx, kind: 'workspace' as const, workspace }))
  ]
}

/** Where a step that reads go.mod cannot judge a file: its parse errors, one finding each, on their lines. */
export function unparseableFindings(step: StepId, ctx: RunContext): Finding[] {
  return targetContexts(ctx).flatMap(target => {
    const { file, parsed } = facts(target)
    return parsed.errors.map(e =>
      newFinding('scope-unreadable', {
        step,
        file,
        line: e.line,
        message: `${file}:${e.line}: ${e.message}. The go command refuses the file, and go-guard's steps could not judge it; fix the file.`
      })
    )
  })
}

/** The `go` line go would refuse to run under the running toolchain (GOTOOLCHAIN=local), if any. */
function tooNewGoLine(mod: ModFile, running: string | undefined): { version: string; line: number } | undefined {
  if (running === undefined || mod.go === undefined) return undefined
  return compareGoVersions(running, mod.go.version) < 0 ? mod.go : undefined
}

/** Whether go-guard could parse the target's go.mod or go.work (unparseableFindings reports the rest). */
export function isParsed(target: TargetContext): boolean {
  return facts(target).parsed.errors.length === 0
}

/** The modules a step that runs go runs it on: parsed, with no `go` line newer than `running` ("1.26.8"; see tooNewFinding). */
export function modulesRunningGo(scope: Scope, running: string | undefined): GoModule[] {
  return scope.modules.filter(m => m.mod.errors.length === 0 && tooNewGoLine(m.mod.file, running) === undefined)
}

/**
 * `step-skipped` on the `go` line where `step` runs go on a target whose `go` line is newer than
 * the running toolchain (`running`, "1.26.8"): go refuses to work on it at all. It blocks
 * (blockingSkip): a build elsewhere switches toolchains (GOTOOLCHAIN=auto, the default) and
 * builds, so raising the `go` line must not switch this gate's checks of the module off.
 */
export function tooNewFinding(
  step: StepId,
  needs: StepNeeds,
  target: TargetContext,
  running: string | undefined
): Finding | undefined {
  const { file, parsed } = facts(target)
  const tooNew = needs === 'go' ? tooNewGoLine(parsed.file, running) : undefined
  if (tooNew === undefined) return undefined
  return blockingSkip(
    step,
    file,
    tooNew.line,
    `step ${step} could not run on ${file}: its line ${tooNew.line}, \`go ${tooNew.version}\`, is newer than the running go ${running}, so go refuses to work on it here and the step checked nothing of it; a go command with GOTOOLCHAIN=auto (the default) switches to go ${tooNew.version} and builds it (see toolchain-version-mismatch)`,
    `install go ${tooNew.version} or newer (setup-go with \`go-version-file: go.mod\`)`
  )
}

/**
 * Facts about the scope, reported once whichever steps run: scope problems and every `go` or
 * `toolchain` line newer than the running toolchain (go would refuse, or switch toolchains).
 */
export function scopeFindings(step: StepId, scope: Scope, runningName: string | undefined): Finding[] {
  const findings = scope.problems.map(p => newFinding(p.rule, { ...p, step }))
  for (const file of scope.fences)
    findings.push(
      skipped(
        step,
        file,
        `${file} declares no module (it has no \`module\` line): go refuses to build in its directory and leaves the directory out of the enclosing module, so go builds nothing from it and no step judges it`,
        `nothing, if the file is there to keep its directory out of the build; otherwise declare the module (\`go mod edit -module=<path>\`)`
      )
    )
  for (const vendor of scope.strayVendors)
    findings.push(
      skipped(
        step,
        `${vendor}/modules.txt`,
        `${vendor}/ has no go.mod or go.work beside it: go builds from a vendor/ only beside the main module's go.mod or the go.work, so no go command reads this one and it was compared with nothing`,
        `nothing, if no build uses it; if a script builds from it with a go.mod of its own (a vendor.mod copied to go.mod), commit that go.mod so vendor/ is regenerated and compared`
      )
    )
  if (scope.setAside.length > 0) {
    const [first, ...others] = scope.setAside
    findings.push(
      skipped(
        step,
        first,
        `${first}${others.length > 0 ? ` (and ${shortList(others, 9)})` : ''} ${others.length > 0 ? 'are' : 'is'} under testdata/ or a dot-directory, which go's \`./...\` skips and go-guard does not judge; go builds such a module when run inside its directory`,
        `nothing, for test fixtures; for a module a job builds (a CI tool), judge it in a job of its own (\`working-directory\` set to its directory) or list it in a go.work's \`use\``
      )
    )
  }
  const running = runningName === undefined ? undefined : fromToolchainName(runningName)
  if (running === undefined) return findings
  const files = [
    ...scope.modules.map(m => ({ file: m.goModFile, mod: m.mod.file })),
    ...scope.workspaces.map(w => ({ file: w.file, mod: w.work.file }))
  ]
  for (const { file, mod } of files) {
    const wants: { version: string; line: number; what: string }[] = []
    if (mod.go) wants.push({ version: mod.go.version, line: mod.go.line, what: `go ${mod.go.version}` })
    const tc = mod.toolchain && fromToolchainName(mod.toolchain.name)
    if (tc && mod.toolchain)
      wants.push({ version: tc, line: mod.toolchain.line, what: `toolchain ${mod.toolchain.name}` })
    for (const w of wants) {
      if (compareGoVersions(running, w.version) >= 0) continue
      findings.push(
        newFinding('toolchain-version-mismatch', {
          step,
          file,
          line: w.line,
          message: `${file} asks for ${w.what}, newer than the running ${runningName}: go would refuse to build, or download and run another toolchain where GOTOOLCHAIN allows it (go-guard runs with GOTOOLCHAIN=local). Install the toolchain ${file} asks for (setup-go with go-version-file).`
        })
      )
    }
  }
  return findings
}
