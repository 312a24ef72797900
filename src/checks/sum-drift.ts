/**
 * Step 3, `sum-drift`: what go.sum changed against the base commit. Above all, a module@version
 * present at base and head whose hash changed: a published version never changes content, so a
 * changed hash means go.sum was edited or someone is serving other bits. Every added or changed
 * line is also re-checked against the checksum database (`go env GOSUMDB`).
 */
import { type Finding, blockingSkip, newFinding, skipped } from '../findings.js'
import { GitError } from '../git.js'
import { type ModFile, parseModFile, replacementLookup } from '../go/modfile.js'
import { effectiveMajor, isDirectoryPath, isPseudoVersion, modulePathFamily } from '../go/module.js'
import { requirersOf } from '../go/buildlist.js'
import { listReleases } from '../go/releases.js'
import { checkWithDatabase } from '../go/sumdb.js'
import * as semver from '../go/semver.js'
import { BaseSum, type PathSums, SAME_HASH, type SumLine, sumsByPath } from '../go/sumfile.js'
import type { RuleId } from '../rules.js'
import type { GoModule, GoWorkspace } from '../modules.js'
import type { Check, RunContext } from './check.js'
import { lifecycleFindings } from '../choices/lifecycle.js'
import type { ModuleDownload } from './downloads.js'
import { failedDownloads } from './verify.js'

/**
 * A go.sum or go.work.sum with the file whose requirements it serves (go.mod or go.work): go
 * trusts a go.work.sum's lines for every module of the workspace, so it is judged like a go.sum.
 */
type SumTarget = Pick<GoModule, 'goModFile' | 'goSumFile' | 'sum' | 'mod'> & { module?: GoModule }

function sumTargets(modules: GoModule[], workspaces: GoWorkspace[]): SumTarget[] {
  return [
    ...modules.map(module => ({ ...module, module })),
    ...workspaces.map(w => ({ goModFile: w.file, goSumFile: w.sumFile, sum: w.sum, mod: w.work }))
  ]
}

/** Lines go refuses (modfetch.readGoSum: "malformed go.sum"): go then refuses the whole file. */
function malformedFindings(target: SumTarget): Finding[] {
  return (target.sum?.malformed ?? []).map(m =>
    newFinding('sum-malformed-line', {
      file: target.goSumFile,
      line: m.line,
      message: `${target.goSumFile}:${m.line} has ${m.fields} field${m.fields === 1 ? '' : 's'} where go requires three (module, version, hash; split at any Unicode space): go refuses the whole file ("malformed go.sum"). Regenerate it with \`go mod tidy\`; never hand-edit it.`
    })
  )
}

type Location = { file: string; line: number }

/** A new requirement on a pseudo-version, on its go.mod line (and go.sum line). */
interface PseudoRequirement {
  path: string
  version: string
  at: Location
  also?: Location[]
  /** The pseudo-version the base commit already required of the same path. */
  basePseudo?: string
}

/** What one module's go.sum did between base and head. */
interface ModuleDrift {
  findings: Finding[]
  added: string[]
  updated: string[]
  majors: string[]
  /** Head lines that are new or whose hash changed: what the database must vouch for. */
  changedLines: SumLine[]
  /** New requirements on pseudo-versions, on their go.mod line (and go.sum line). */
  pseudoVersions: PseudoRequirement[]
}

/** What buildVersions reads of a go.sum: its paths, each with the highest version it hashes content for. */
interface SumVersions {
  has(path: string): boolean
  contentVersions(visit: (path: string, version: string) => void): void
}

/** A head go.sum grouped by path, as buildVersions reads it. */
function headVersionsOf(sums: Map<string, PathSums>): SumVersions {
  return {
    has: path => sums.has(path),
    contentVersions: visit =>
      sums.forEach(({ contentVersion }, path) => contentVersion !== undefined && visit(path, contentVersion))
  }
}

/**
 * The modules the build uses and their versions. A requirement stands for what go builds for it:
 * its replacement's path and version (none where a directory replaces it), where go.sum has
 * lines for that path. Other modules count at the highest version go.sum hashes content for. A
 * module go.sum keeps only `/go.mod` hashes for and nothing requires is not built: go reads that
 * go.mod only to walk the module graph (`go mod tidy` keeps such lines), so its highest /go.mod
 * line is no version of anything the build uses.
 */
function buildVersions(
  sums: SumVersions,
  mod: ModFile | undefined,
  replacementOf: ReturnType<typeof replacementLookup>
): Map<string, string> {
  const out = new Map<string, string>()
  sums.contentVersions((path, version) => out.set(path, version))
  for (const r of mod?.require ?? []) {
    const replacement = replacementOf(r.path, r.version)
    if (replacement && isDirectoryPath(replacement.new.path)) {
      out.delete(r.path)
      continue
    }
    const built = replacement?.new ?? r
    // Mostly go.mod requires the version go.sum hashes highest: then one lookup settles it.
    if (out.get(built.path) !== built.version && sums.has(built.path)) out.set(built.path, built.version)
  }
  return out
}

/** The first of `lines` for `version`, its content line before its /go.mod line. */
function lineOf(lines: SumLine[], version: string): SumLine | undefined {
  let goModLine: SumLine | undefined
  for (const l of lines) {
    if (l.version !== version) continue
    if (!l.goMod) return l
    goModLine ??= l
  }
  return goModLine
}

/** `baseMod` is the base commit's go.mod (go.work for a workspace), parsed once for drift and lifecycle. */
export function diffModule(
  module: SumTarget,
  baseSumText: string | undefined,
  baseMod: ModFile | undefined
): ModuleDrift {
  const drift: ModuleDrift = { findings: [], added: [], updated: [], majors: [], changedLines: [], pseudoVersions: [] }
  const baseSum = new BaseSum(baseSumText ?? '')
  const headSum = module.sum
  const headMod = module.mod.file

  // Where a module's findings go: its go.sum line, and its go.mod require line too.
  const headSums = headSum ? sumsByPath(headSum) : new Map<string, PathSums>()
  // The first require line of each path, looked up once per finding (a scan made it quadratic).
  const requireOf = new Map<string, (typeof headMod.require)[number]>()
  // Set from the last line up, the first line of a path is the one left.
  for (let i = headMod.require.length - 1; i >= 0; i--) requireOf.set(headMod.require[i].path, headMod.require[i])
  const locate = (path: string, version: string): Location & { also?: Location[] } => {
    const lines = headSums.get(path)?.lines
    const line = lines && lineOf(lines, version)
    const req = requireOf.get(path)
    const at: Location = line
      ? { file: module.goSumFile, line: line.line }
      : req
        ? { file: module.goModFile, line: req.line }
        : { file: module.goSumFile, line: 1 }
    return req && line ? { ...at, also: [{ file: module.goModFile, line: req.line }] } : at
  }
  const add = (rule: RuleId, path: string, version: string, message: string, previous?: Finding['previous']): void => {
    drift.findings.push(
      newFinding(rule, { ...locate(path, version), module: path, version, message, ...(previous ? { previous } : {}) })
    )
  }

  // 1. The tampering signal: the same key with a hash base never had. go accepts any hash listed
  // for a key (modfetch.checkModSum), so a head line matching any base line of its key is unchanged.
  headSums.forEach(({ lines }, path) => {
    const baseLines = baseSum.linesOf(path)
    for (const l of lines) {
      const before = baseSum.hashOf(baseLines, l.version, l.goMod, l.hash)
      if (before === SAME_HASH) continue
      drift.changedLines.push(l)
      if (before === undefined) continue
      drift.findings.push(
        newFinding('sum-hash-changed', {
          file: module.goSumFile,
          line: l.line,
          module: l.path,
          version: l.version,
          message: `${l.key} is hashed ${l.hash} in ${module.goSumFile} but ${before} at the base commit. A published module version never changes content: either go.sum was edited or the module was re-published with other bits. Restore the base hash and find out where the new one came from.`
        })
      )
    }
  })

  // 2. Module by module: added, removed, upgraded, downgraded, new major versions.
  // Indexed once: the pseudo-version pass below asks the same replacements.
  const headReplacementOf = replacementLookup(headMod)
  const baseVersions = buildVersions(baseSum, baseMod, replacementLookup(baseMod))
  const headVersions = buildVersions(headVersionsOf(headSums), headMod, headReplacementOf)
  // Families are asked of added modules only: built at the first one.
  let baseFamilies: Map<string, { path: string; version: string }[]> | undefined
  const baseFamily = (family: string): { path: string; version: string }[] => {
    if (baseFamilies === undefined) {
      baseFamilies = new Map()
      for (const [p, v] of baseVersions) {
        const family = modulePathFamily(p)
        const members = baseFamilies.get(family)
        if (members) members.push({ path: p, version: v })
        else baseFamilies.set(family, [{ path: p, version: v }])
      }
    }
    return baseFamilies.get(family) ?? []
  }
  const supersededBase = new Set<string>()

  headVersions.forEach((v, p) => {
    const before = baseVersions.get(p)
    if (before === undefined) {
      // A lower major of the family that left the build moved to this one: a major upgrade. One
      // the build still uses beside it moved nowhere (another dependency may need it).
      const older = baseFamily(modulePathFamily(p)).filter(
        b => effectiveMajor(b.path, b.version) < effectiveMajor(p, v)
      )
      const left = older.filter(b => !headVersions.has(b.path))
      if (left.length > 0) {
        left.forEach(b => supersededBase.add(b.path))
        drift.majors.push(`${p}@${v}`)
        add(
          'sum-major-upgrade',
          p,
          v,
          `${p}@${v} is a new major version of ${left.map(b => `${b.path}@${b.version}`).join(', ')}, which left the build. Major versions break compatibility: review the changes before merging.`,
          { module: left[0].path, version: left[0].version }
        )
      } else {
        const beside = older.map(b => `${b.path}@${headVersions.get(b.path)}`)
        drift.added.push(`${p}@${v}`)
        add(
          'sum-module-added',
          p,
          v,
          `${p}@${v} is new in ${module.goSumFile}${beside.length > 0 ? `, beside ${beside.join(', ')}, which the build still uses` : ''}. Review the new dependency: who publishes it and what it pulls in.`
        )
      }
      return
    }
    const order = semver.compare(v, before)
    if (order === 0) return
    drift.updated.push(`${p}@${before}->${v}`)
    if (order > 0 && effectiveMajor(p, v) > effectiveMajor(p, before)) {
      drift.majors.push(`${p}@${v}`)
      add(
        'sum-major-upgrade',
        p,
        v,
        `${p} moved from ${before} to ${v}, a new major version (an +incompatible jump). Review the breaking changes before merging.`,
        { module: p, version: before }
      )
    } else if (order > 0) {
      add('sum-module-upgraded', p, v, `${p} was upgraded from ${before} to ${v}.`, { module: p, version: before })
    } else {
      add(
        'sum-module-downgraded',
        p,
        v,
        `${p} was downgraded from ${before} to ${v}. A downgrade can bring back fixed bugs and vulnerabilities: confirm it is intended.`,
        { module: p, version: before }
      )
    }
  })
  baseVersions.forEach((v, p) => {
    if (headVersions.has(p) || supersededBase.has(p)) return
    drift.findings.push(
      newFinding('sum-module-removed', {
        file: headSum ? module.goSumFile : module.goModFile,
        line: 1,
        module: p,
        version: v,
        message: headSums.has(p)
          ? `${p}@${v} left the build: go.mod no longer requires it and ${module.goSumFile} no longer hashes its content (the /go.mod lines left are go's module graph, not code it builds).`
          : `${p}@${v} left ${module.goSumFile}${headSum ? '' : ' (the file was deleted)'}.`
      })
    )
  })

  // 3. New requirements on pseudo-versions: untagged commits nobody released. A replaced one is
  // not built (the replacement is, and the replace step judges it).
  let baseRequired: Map<string, string> | undefined
  for (const r of headMod.require) {
    if (!isPseudoVersion(r.version) || headReplacementOf(r.path, r.version)) continue
    if (baseRequired === undefined) {
      // The first require line of each path, as a scan would find it.
      baseRequired = new Map()
      const required = baseMod?.require ?? []
      for (let i = required.length - 1; i >= 0; i--) baseRequired.set(required[i].path, required[i].version)
    }
    const before = baseRequired.get(r.path)
    if (before === r.version) continue
    const sumLine = locate(r.path, r.version)
    drift.pseudoVersions.push({
      path: r.path,
      version: r.version,
      at: { file: module.goModFile, line: r.line },
      ...(sumLine.file === module.goSumFile ? { also: [{ file: sumLine.file, line: sumLine.line }] } : {}),
      ...(before !== undefined && isPseudoVersion(before) ? { basePseudo: before } : {})
    })
  }
  return drift
}

/**
 * sum-pseudo-version-inherited where the pseudo-version is no new choice of this change: the base
 * commit already required a pseudo-version of the module, or a dependency (at its selected
 * version) requires exactly this one, so minimal version selection picked it whatever the main
 * module says (`go mod graph`).
 */
async function inheritedPseudoVersions(
  ctx: RunContext,
  perModule: { module: SumTarget; pseudo: PseudoRequirement[] }[]
): Promise<{ inherited: Finding[]; chosen: (PseudoRequirement & { graphError?: string })[] }> {
  const inherited: Finding[] = []
  const chosen: (PseudoRequirement & { graphError?: string })[] = []
  await Promise.all(
    perModule.map(async ({ module, pseudo }) => {
      const fresh = pseudo.filter(p => p.basePseudo === undefined)
      // A graph go could not print whole proves no requirer: the warning stays. A workspace's
      // go.work requires nothing.
      const graph = fresh.length > 0 && module.module ? await ctx.graphs.modGraph(module.module) : undefined
      const requirers = requirersOf(
        graph?.error === undefined ? (graph?.edges ?? []) : [],
        fresh.map(p => `${p.path}@${p.version}`)
      )
      for (const p of pseudo) {
        const by = requirers.get(`${p.path}@${p.version}`) ?? []
        if (p.basePseudo === undefined && by.length === 0) {
          chosen.push({ ...p, ...(graph?.error === undefined ? {} : { graphError: graph.error }) })
          continue
        }
        inherited.push(
          newFinding('sum-pseudo-version-inherited', {
            ...pseudoFields(p),
            message:
              p.basePseudo !== undefined
                ? `${p.path} moved from the pseudo-version ${p.basePseudo} to ${p.version}: the base commit already required an untagged commit of it, so this change makes no new choice of one. Review the new commit.`
                : `${p.path} is required at the pseudo-version ${p.version} because ${by.join(', ')} ${by.length === 1 ? 'requires' : 'require'} exactly that commit: minimal version selection chose it, not this module, so there is nothing to change here. Review the commit.`
          })
        )
      }
    })
  )
  return { inherited, chosen }
}

function pseudoFields(p: PseudoRequirement): Location & { also?: Location[]; module: string; version: string } {
  return { ...p.at, ...(p.also ? { also: p.also } : {}), module: p.path, version: p.version }
}

/**
 * sum-pseudo-version where a tagged release newer than the pseudo-version exists: the advice to
 * require it can be followed. The tag a pseudo-version is based on is older than its commit, so
 * requiring it would drop changes: a module with no tag, or only such older tags, gets
 * sum-pseudo-version-untagged, a notice. Where the tags cannot be listed the warning stays.
 */
async function pseudoVersionFindings(
  ctx: RunContext,
  perModule: { module: SumTarget; pseudo: PseudoRequirement[] }[]
): Promise<Finding[]> {
  const { inherited, chosen } = await inheritedPseudoVersions(ctx, perModule)
  const releases = await listReleases(
    ctx.go,
    chosen.map(p => p.path)
  )
  return [
    ...inherited,
    ...chosen.map(p => {
      const fields = pseudoFields(p)
      // Where go could not print the whole graph, a dependency may be what requires this commit.
      const unknown =
        p.graphError === undefined
          ? ''
          : ` (whether a dependency requires exactly this commit could not be told: go mod graph failed: ${p.graphError})`
      const what = `${p.path} is required at the pseudo-version ${p.version}, an untagged commit rather than a release${unknown}`
      const listed = releases.get(p.path)!
      if ('error' in listed)
        return newFinding('sum-pseudo-version', {
          ...fields,
          message: `${what}, and its tagged releases could not be listed (${listed.error}). Require a tagged release where one exists.`
        })
      const newer = listed.versions.filter(v => semver.compare(v, p.version) > 0)
      if (newer.length > 0)
        return newFinding('sum-pseudo-version', {
          ...fields,
          message: `${what}, although ${newer.length === 1 ? 'a tagged release is' : 'tagged releases are'} newer than that commit: ${newer.slice(-3).join(', ')}. Require ${newer.length === 1 ? 'it' : 'one'} (\`go get ${p.path}@${newer[newer.length - 1]}\`), or say in the review why this commit is needed.`
        })
      return newFinding('sum-pseudo-version-untagged', {
        ...fields,
        message: `${what}: ${listed.versions.length === 0 ? 'the module has no tagged release' : `its only tagged releases (${listed.versions.slice(-3).join(', ')}) are older than that commit`}, so there is no release to require instead. Review the commit.`
      })
    })
  ]
}

/**
 * A base that git could not read is not an absent one: treating every line as added would hide
 * `sum-hash-changed`, so the module is not diffed and the skip blocks (error, not notice).
 */
function unreadableBase(module: SumTarget, error: GitError): ModuleDrift {
  return {
    findings: [
      blockingSkip(
        'sum-drift',
        module.goSumFile,
        1,
        `the base commit could not be read, so ${module.goSumFile} was not compared with it (${error.message})`,
        "make the base commit's objects available (actions/checkout with `fetch-depth: 0`, or a clone without --filter) and re-run"
      )
    ],
    added: [],
    updated: [],
    majors: [],
    changedLines: [],
    pseudoVersions: []
  }
}

/** The module@versions the verify step reports as mod-download-failed, from the same downloads. */
function reportedByVerify(ctx: RunContext, downloads: { module: GoModule; download?: ModuleDownload }[]): Set<string> {
  if (!ctx.config.checks.has('verify')) return new Set()
  return new Set(
    downloads.flatMap(({ module, download }) =>
      download && download.timeout === undefined ? failedDownloads(module, download) : []
    )
  )
}

/**
 * sum-unverified-hash for each changed line the database does not vouch for; a notice for exempt
 * modules. A version the proxy cannot serve was never put to the database: that is one finding
 * per module@version, on all its lines, and none where the verify step already reports it.
 */
async function databaseFindings(ctx: RunContext, changed: { module: SumTarget; line: SumLine }[]): Promise<Finding[]> {
  if (changed.length === 0) return []
  // The verify step downloads these modules; waiting for it lets the database check hit the cache.
  const downloads = await Promise.all(
    [...new Set(changed.flatMap(c => (c.module.module ? [c.module.module] : [])))].map(async module => ({
      module,
      download: await ctx.downloads.get(module).catch(() => undefined)
    }))
  )
  const verified = reportedByVerify(ctx, downloads)
  const check = await checkWithDatabase(
    ctx.go,
    changed.map(c => ({ path: c.line.path, version: c.line.version }))
  )
  const findings: Finding[] = []
  const exemptByModule = new Map<SumTarget, string[]>()
  const unfetched = new Map<string, { at: Location[]; keys: string[]; problem: string }>()
  for (const { module, line } of changed) {
    const mv = `${line.path}@${line.version}`
    const key = line.key
    const at = { file: module.goSumFile, line: line.line, module: line.path, version: line.version }
    const answer = check.answers.get(mv)
    if (answer?.malformed) {
      findings.push(
        newFinding('sum-unverified-hash', {
          ...at,
          message: `${key} names no module version go accepts (${answer.problem}), so it was not checked against the checksum database and stays unverified. go never writes such a line: remove it from ${module.goSumFile}.`
        })
      )
      continue
    }
    if (check.exempt.has(mv)) {
      exemptByModule.set(module, [...(exemptByModule.get(module) ?? []), key])
      continue
    }
    if (check.database === 'off') {
      findings.push(
        newFinding('sum-unverified-hash', {
          ...at,
          message: `${key} is new or changed, and GOSUMDB=off leaves no checksum database to check it against. Turn the database back on, or lower this rule's severity if these modules are private.`
        })
      )
      continue
    }
    const vouched = line.goMod ? answer?.goModSum : answer?.sum
    if (vouched === undefined && answer?.unfetched) {
      const group = unfetched.get(mv) ?? { at: [], keys: [], problem: answer.problem ?? '' }
      group.at.push({ file: at.file, line: at.line })
      group.keys.push(key)
      unfetched.set(mv, group)
    } else if (vouched === undefined) {
      findings.push(
        newFinding('sum-unverified-hash', {
          ...at,
          message: answer?.mismatch
            ? `${key}: the module's content disagrees with the checksum database ${check.database}: ${answer.problem}. Do not merge: the bits being served are not the ones the world agreed on.`
            : `${key} could not be checked against the checksum database ${check.database}, so it stays unverified (fail closed): ${answer?.problem ?? 'no answer'}. Make the database reachable, or lower this rule's severity.`
        })
      )
    } else if (vouched !== line.hash) {
      findings.push(
        newFinding('sum-unverified-hash', {
          ...at,
          message: `${key} is hashed ${line.hash} in ${module.goSumFile}, but the checksum database ${check.database} records ${vouched}. Regenerate the line with \`go mod tidy\`; never hand-edit go.sum.`
        })
      )
    }
  }
  for (const [mv, { at, keys, problem }] of unfetched) {
    if (verified.has(mv)) continue // verify's mod-download-failed says it, and blocks
    const [first, ...also] = at
    findings.push(
      newFinding('sum-unverified-hash', {
        ...first,
        ...(also.length > 0 ? { also } : {}),
        module: mv.slice(0, mv.lastIndexOf('@')),
        version: mv.slice(mv.lastIndexOf('@') + 1),
        message: `${mv} could not be fetched from the module proxy, so the checksum database ${check.database} was not consulted and ${keys.join(', ')} ${keys.length === 1 ? 'stays' : 'stay'} unverified (fail closed): ${problem}. Require a version the proxy serves.`
      })
    )
  }
  for (const [module, keys] of exemptByModule) {
    findings.push(
      skipped(
        'sum-drift',
        module.goSumFile,
        `not checked against the checksum database because GONOSUMDB/GOPRIVATE exempts them: ${keys.join(', ')}`,
        'nothing, if these modules are private; otherwise narrow GONOSUMDB/GOPRIVATE so the checksum database vouches for them'
      )
    )
  }
  return findings
}

export const sumDriftCheck: Check = {
  id: 'sum-drift',
  needs: 'files',
  judges: 'repository',
  async judge(ctx) {
    const targets = sumTargets(ctx.scope.modules, ctx.scope.workspaces)
    // What go refuses needs no base to be wrong.
    const findings = targets.flatMap(malformedFindings)
    const base = await ctx.base()
    if ('skipped' in base) {
      const all = ctx.scope.modules.map(module => ({ module }))
      return [
        ...findings,
        base.blocks
          ? blockingSkip('sum-drift', ctx.repositoryFile.goSum, 1, base.skipped, base.fix)
          : skipped('sum-drift', ctx.repositoryFile.goSum, base.skipped, base.fix),
        ...(await lifecycleFindings(ctx, all, false))
      ]
    }

    const drifts = await Promise.all(
      targets.map(async module => {
        try {
          // A module outside the repository (a go.work `use`) has no base in this repository.
          const outside = module.goModFile.startsWith('../')
          const [baseSum, baseModText] = outside
            ? [undefined, undefined]
            : await Promise.all([
                ctx.readAtBase(base.sha, module.goSumFile),
                ctx.readAtBase(base.sha, module.goModFile)
              ])
          const baseMod = baseModText === undefined ? undefined : parseModFile(baseModText).file
          return { module, baseMod, drift: diffModule(module, baseSum, baseMod) }
        } catch (error) {
          if (!(error instanceof GitError)) throw error
          return { module, baseMod: undefined, drift: unreadableBase(module, error) }
        }
      })
    )
    findings.push(...drifts.flatMap(d => d.drift.findings))
    // The thresholds (max-new-modules, ...) are policy's: it counts these across every module.
    const unique = (xs: string[]): string[] => [...new Set(xs)].sort()
    ctx.evidence.drift = {
      added: unique(drifts.flatMap(d => d.drift.added)),
      updated: unique(drifts.flatMap(d => d.drift.updated)),
      majors: unique(drifts.flatMap(d => d.drift.majors))
    }
    const [database, pseudo, lifecycle] = await Promise.all([
      databaseFindings(
        ctx,
        drifts.flatMap(d => d.drift.changedLines.map(line => ({ module: d.module, line })))
      ),
      pseudoVersionFindings(
        ctx,
        drifts.map(d => ({ module: d.module, pseudo: d.drift.pseudoVersions }))
      ),
      lifecycleFindings(
        ctx,
        drifts.flatMap(d => (d.module.module ? [{ module: d.module.module, baseMod: d.baseMod }] : [])),
        true
      )
    ])
    findings.push(...pseudo, ...database, ...lifecycle)
    // The drift was judged: notices beside it (modules GONOSUMDB exempts) do not make it a skip.
    return { findings, judged: true }
  }
}
