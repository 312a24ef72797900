/**
 * The Go environment in force and the PATH, judged for settings that weaken verification.
 * go reads a setting from the process environment first, then the `go env -w` file (GOENV), then
 * $GOROOT/go.env (cmd/go/internal/cfg: EnvOrAndChanged, goEnvFile); each finding names the place.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { type Finding, newFinding } from '../findings.js'
import type { GoEnv } from '../go/command.js'
import { matchPrefixPatterns } from '../go/module.js'

export interface EnvSource {
  /** How a message names it: "the job's environment", "the go env -w file (path)", "$GOROOT/go.env (path)". */
  name: string
  values: Map<string, string>
}

/** The KEY=VALUE lines of a go env file (cfg.EnvFile syntax: no quoting, # comments). */
export function parseEnvFile(text: string): Map<string, string> {
  const values = new Map<string, string>()
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line)
    if (m && !line.trimStart().startsWith('#')) values.set(m[1], m[2].trim())
  }
  return values
}

async function readEnvFile(file: string): Promise<Map<string, string>> {
  return parseEnvFile(await fs.readFile(file, 'utf8').catch(() => ''))
}

const KEYS = ['GOSUMDB', 'GONOSUMDB', 'GOPRIVATE', 'GOFLAGS', 'GOINSECURE', 'GOPROXY', 'GOTOOLCHAIN'] as const

/** The three places, highest precedence first. */
export async function environmentSources(processEnv: NodeJS.ProcessEnv, goEnv: GoEnv): Promise<EnvSource[]> {
  const fromProcess = new Map<string, string>()
  for (const k of KEYS) if (processEnv[k] !== undefined) fromProcess.set(k, processEnv[k])
  const goEnvFile = goEnv.GOENV && goEnv.GOENV !== 'off' ? goEnv.GOENV : undefined
  const rootEnv = path.join(goEnv.GOROOT, 'go.env')
  return [
    { name: "the job's environment", values: fromProcess },
    {
      name: `the go env -w file (${goEnvFile ?? 'GOENV=off'})`,
      values: goEnvFile ? await readEnvFile(goEnvFile) : new Map()
    },
    { name: `$GOROOT/go.env (${rootEnv})`, values: await readEnvFile(rootEnv) }
  ]
}

/** The source a key's effective value comes from; like go's cfg.Getenv, an empty value counts as unset. */
function effective(sources: EnvSource[], key: string): { value: string; source: EnvSource } | undefined {
  for (const source of sources) {
    const value = source.values.get(key)
    if (value !== undefined && value !== '') return { value, source }
  }
  return undefined
}

// Hosts most public modules live on.
const PUBLIC_HOSTS = [
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'golang.org',
  'google.golang.org',
  'gopkg.in',
  'go.googlesource.com',
  'k8s.io',
  'go.uber.org',
  'cloud.google.com',
  'go.opentelemetry.io'
]

// A path element no owner, repository or host chose.
const PROBE = 'go-guard-probe-7f3a'

/**
 * A GONOSUMDB/GOPRIVATE pattern that exempts public modules wholesale: one matching, as go
 * matches (module.MatchPrefixPatterns, path by path element), a module path nobody chose on a
 * public host or on any host. `github.com/corp/*` exempts one organisation; `*`, `*.com`,
 * `github.com/*` and a wildcard in each of two elements exempt every module of a host.
 */
function coversPublicHostsWholesale(pattern: string): boolean {
  const deep = `/${PROBE}/${PROBE}/${PROBE}/${PROBE}`
  return [...PUBLIC_HOSTS, `${PROBE}.example`].some(host => matchPrefixPatterns(pattern, host + deep))
}

/** GOFLAGS flags that change what the job's go reads or checks (go-guard's own runs drop them: cleanGoFlags). */
const WEAKENING_GOFLAGS: [RegExp, string][] = [
  [/^--?mod=mod$/, 'with -mod=mod go rewrites go.mod and go.sum instead of failing on a missing or wrong entry.'],
  [/^--?modfile(=|$)/, 'with -modfile go reads other files than the go.mod and go.sum under review.'],
  [
    /^--?overlay(=|$)/,
    'with -overlay go reads the files its JSON maps in place of those on disk, so the go.mod, go.sum and sources it builds need not be the ones under review.'
  ],
  [/^--?insecure(=|$)/, 'with -insecure go fetched over plain HTTP without verification.']
]

export interface EnvContext {
  sources: EnvSource[]
  /** Where findings that concern the environment as a whole are reported. */
  at: { file: string; line: number }
  /** go.sum module paths, so exemptions can name what they exempt. */
  sumModules: string[]
}

/** env-weakened-verification and env-notice findings. */
export function judgeEnvironment({ sources, at, sumModules }: EnvContext): Finding[] {
  const findings: Finding[] = []
  const weakened = (key: string, value: string, source: EnvSource, why: string): void => {
    findings.push(
      newFinding('env-weakened-verification', {
        ...at,
        message: `${key}=${value} is set in ${source.name}: ${why} Remove it there.`
      })
    )
  }
  const notice = (key: string, value: string, source: EnvSource, what: string): void => {
    findings.push(newFinding('env-notice', { ...at, message: `${key}=${value} is set in ${source.name}: ${what}` }))
  }

  const sumdb = effective(sources, 'GOSUMDB')
  const defaultSumdb = sources.at(-1)!.values.get('GOSUMDB')
  if (sumdb?.value === 'off') {
    weakened('GOSUMDB', 'off', sumdb.source, 'no checksum database checks any module the build downloads.')
  } else if (sumdb && defaultSumdb !== undefined && sumdb.value !== defaultSumdb) {
    weakened(
      'GOSUMDB',
      sumdb.value,
      sumdb.source,
      `checksums are checked against another database or key than the default (${defaultSumdb}).`
    )
  }

  for (const key of ['GONOSUMDB', 'GOPRIVATE']) {
    const setting = effective(sources, key)
    if (!setting || setting.value.trim() === '') continue
    // GOPRIVATE matters for checksums only where GONOSUMDB is unset (it is GONOSUMDB's default).
    if (key === 'GOPRIVATE' && effective(sources, 'GONOSUMDB')) continue
    const wholesale = setting.value.split(',').filter(coversPublicHostsWholesale)
    if (wholesale.length > 0) {
      weakened(
        key,
        setting.value,
        setting.source,
        `the pattern(s) ${wholesale.join(', ')} exempt whole public hosts from the checksum database.`
      )
    } else {
      const exempt = sumModules.filter(m => matchPrefixPatterns(setting.value, m))
      notice(
        key,
        setting.value,
        setting.source,
        `modules matching it skip the checksum database${exempt.length ? `; in go.sum: ${exempt.join(', ')}` : ' (none in go.sum)'}.`
      )
    }
  }

  const goflags = effective(sources, 'GOFLAGS')
  for (const flag of goflags?.value.split(/\s+/) ?? []) {
    const why = WEAKENING_GOFLAGS.find(([pattern]) => pattern.test(flag))?.[1]
    if (why) weakened('GOFLAGS', goflags!.value, goflags!.source, why)
  }

  const insecure = effective(sources, 'GOINSECURE')
  if (insecure && insecure.value.trim() !== '')
    notice(
      'GOINSECURE',
      insecure.value,
      insecure.source,
      'matching modules may be fetched over plain HTTP (checksums still apply).'
    )
  const proxy = effective(sources, 'GOPROXY')
  const proxies = proxy?.value.split(/[,|]/) ?? []
  if (proxy && proxies.every(p => p === 'off')) {
    notice('GOPROXY', proxy.value, proxy.source, 'go downloads no module: it builds from what the module cache holds.')
  } else if (proxy && proxies.every(p => p === 'direct' || p === 'off')) {
    notice(
      'GOPROXY',
      proxy.value,
      proxy.source,
      'modules come straight from their version control origin, with no proxy between.'
    )
  }
  const toolchain = effective(sources, 'GOTOOLCHAIN')
  // The official $GOROOT/go.env says GOTOOLCHAIN=auto: only a setting someone made is news.
  if (toolchain && toolchain.value !== 'local' && toolchain.source !== sources.at(-1)) {
    notice(
      'GOTOOLCHAIN',
      toolchain.value,
      toolchain.source,
      'a go.mod toolchain line can make go download and run another toolchain; go-guard forces GOTOOLCHAIN=local for its own runs.'
    )
  }
  return findings
}

export interface PathContext {
  pathVar: string
  /** The go binary judged, resolved. */
  judged: string
  at: { file: string; line: number }
  stat: (p: string) => Promise<{ mode: number; isDirectory(): boolean } | undefined>
  realpath: (p: string) => Promise<string | undefined>
}

/** path-shadowed-go and path-unsafe-entry. */
export async function judgePath({ pathVar, judged, at, stat, realpath }: PathContext): Promise<Finding[]> {
  const findings: Finding[] = []
  const gos: { entry: string; real: string }[] = []
  for (const entry of pathVar.split(path.delimiter)) {
    if (entry === '' || !path.isAbsolute(entry)) {
      findings.push(
        newFinding('path-unsafe-entry', {
          ...at,
          message: `PATH holds ${entry === '' ? 'an empty entry (the current directory)' : `the relative entry "${entry}"`}: a file in the working directory, which a pull request controls, can shadow a command.`
        })
      )
      continue
    }
    const info = await stat(entry)
    // World-writable without the sticky bit: anyone on the runner can drop a binary there.
    if (info?.isDirectory() && (info.mode & 0o002) !== 0 && (info.mode & 0o1000) === 0) {
      findings.push(
        newFinding('path-unsafe-entry', {
          ...at,
          message: `PATH entry ${entry} is world-writable: anyone on the machine can put a command there.`
        })
      )
    }
    const candidate = path.join(entry, 'go')
    const real = (await stat(candidate)) ? await realpath(candidate) : undefined
    if (real && !gos.some(g => g.real === real)) gos.push({ entry: candidate, real })
  }
  if (gos.length > 1) {
    findings.push(
      newFinding('path-shadowed-go', {
        ...at,
        message: `PATH holds ${gos.length} different go commands: ${gos.map(g => g.entry + (g.real !== g.entry ? ` (-> ${g.real})` : '')).join(', ')}. Which one a build step runs depends on PATH order; keep one.`
      })
    )
  }
  if (gos.length > 0 && gos[0].real !== judged) {
    findings.push(
      newFinding('path-shadowed-go', {
        ...at,
        message: `the first go on PATH is ${gos[0].entry} (${gos[0].real}), not the go command judged (${judged}). Point go-binary at the go the job uses, or fix PATH.`
      })
    )
  }
  return findings
}
