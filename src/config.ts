import * as path from 'node:path'
import { type AllowReplaceRule, parseAllowReplace } from './allow-replace.js'
import { isCommitish } from './git.js'
import { DENY_SYNTAX, DenyPatternError, type DenyRule, parseDenyModules } from './deny-modules.js'
import { SEVERITIES, STEP_IDS, type Severity, type StepId } from './findings.js'
import { RULES } from './rules.js'

/** A mistake in the user's inputs, as opposed to a bug or an environment failure. */
export class ConfigError extends Error {
  constructor(input: string, value: string, accepted: string, kind: 'input' | 'environment variable' = 'input') {
    super(`Invalid ${kind} "${input}": "${value}". Accepted: ${accepted}.`)
    this.name = 'ConfigError'
  }
}

/** go-guard's own settings from GO_GUARD_* environment variables (for the job's owner, not the repository). */
export interface GoGuardVariables {
  /** GO_GUARD_GO_TIMEOUT: the bound on one go subprocess. */
  goTimeoutMs: number
  /** GO_GUARD_HTTP_TIMEOUT: the bound on one HTTP request of the toolchain proof, where set. */
  httpTimeoutMs?: number
  /** GO_GUARD_CACHE_DIR: where proven toolchain manifests are kept, where set. */
  cacheDir?: string
}

/** The go command sets no overall deadline on proxy requests: without one a hanging proxy hangs the job. */
const DEFAULT_GO_TIMEOUT_MS = 10 * 60_000

function parseSeconds(name: string, value: string): number {
  // Seconds as a plain decimal: "10m" or "1e3" would otherwise become a silent default or a surprise.
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) {
    throw new ConfigError(
      name,
      value,
      'a number of seconds greater than 0 (for example 600 or 0.5)',
      'environment variable'
    )
  }
  return Number(value) * 1000
}

/**
 * Parses and validates the GO_GUARD_* variables of `env`; an unset or empty variable takes its
 * default. Throws ConfigError naming the variable, the value and what is accepted.
 */
export function parseVariables(env: NodeJS.ProcessEnv): GoGuardVariables {
  const get = (name: string): string | undefined => optional(env[name]?.trim() ?? '')
  const goTimeout = get('GO_GUARD_GO_TIMEOUT')
  const httpTimeout = get('GO_GUARD_HTTP_TIMEOUT')
  const cacheDir = get('GO_GUARD_CACHE_DIR')
  // A relative directory would resolve against the working directory: the repository, never to be written.
  if (cacheDir !== undefined && !path.isAbsolute(cacheDir)) {
    throw new ConfigError('GO_GUARD_CACHE_DIR', cacheDir, 'an absolute directory path', 'environment variable')
  }
  return {
    goTimeoutMs: goTimeout === undefined ? DEFAULT_GO_TIMEOUT_MS : parseSeconds('GO_GUARD_GO_TIMEOUT', goTimeout),
    httpTimeoutMs: httpTimeout === undefined ? undefined : parseSeconds('GO_GUARD_HTTP_TIMEOUT', httpTimeout),
    cacheDir
  }
}

export type FailOn = Severity | 'never'
export type ToolchainTrust = 'archive' | 'module' | 'both'

export interface ToolchainConfig {
  trust: ToolchainTrust
  sha256?: string
  archive?: string
  checksumsUrl: string
  downloadUrl: string
  gpgKeyFingerprint: string
  gpgKeyUrl: string
  gpgPublicKey?: string
}

export interface Config {
  /** Absolute repository root. */
  workingDirectory: string
  /** Module directory globs; undefined means auto-discovery. */
  modules?: string[]
  checks: Set<StepId>
  /** Explicit commit-ish to diff against; the adapters fill it from the event when the input is empty. */
  baseRef?: string
  failOn: FailOn
  ruleSeverity: Map<string, Severity | 'off'>
  maxNewModules: number
  maxUpdatedModules: number
  maxMajorUpgrades: number
  allowReplace: AllowReplaceRule[]
  allowLocalReplace: boolean
  denyModules: DenyRule[]
  onlyNew: boolean
  goBinary: string
  toolchain: ToolchainConfig
  cache: boolean
  annotations: boolean
  summary: boolean
  sarifFile?: string
  reportFile?: string
  /** The GO_GUARD_* environment variables, validated with the inputs. */
  variables: GoGuardVariables
  sbomFile?: string
  /** The pull request comment; the token is read apart (src/github.ts) so no config object holds it. */
  commentSummaryInPr: CommentMode
  checkRun: boolean
}

export const COMMENT_MODES = ['always', 'on-failure', 'never'] as const
export type CommentMode = (typeof COMMENT_MODES)[number]

/** Every input of action.yml with its default; the CLI uses the same names and defaults. */
export const INPUT_DEFAULTS = {
  'working-directory': '.',
  modules: '',
  checks: STEP_IDS.join(','),
  'base-ref': '',
  'fail-on': 'error',
  rules: '',
  'max-new-modules': '-1',
  'max-updated-modules': '-1',
  'max-major-upgrades': '-1',
  'allow-replace': '',
  'allow-local-replace': 'false',
  'only-new': 'false',
  'deny-modules': '',
  'go-binary': 'go',
  'toolchain-trust': 'archive',
  'toolchain-sha256': '',
  'toolchain-archive': '',
  'toolchain-checksums-url': 'https://go.dev/dl/?mode=json&include=all',
  'toolchain-download-url': 'https://dl.google.com/go/',
  'gpg-key-fingerprint': 'EB4C1BFD4F042F6DDDCCEC917721F63BD38B4796',
  'gpg-key-url': 'https://dl.google.com/linux/linux_signing_key.pub',
  'gpg-public-key': '',
  cache: 'true',
  annotations: 'true',
  summary: 'true',
  'sarif-file': '',
  'report-file': '',
  'sbom-file': '',
  'github-token': '${{ github.token }}',
  'comment-summary-in-pr': 'never',
  'check-run': 'false'
} as const

export type InputName = keyof typeof INPUT_DEFAULTS
export type RawInputs = Partial<Record<InputName, string>>

function listOf(text: string): string[] {
  return text
    .split(/[,\r\n]/)
    .map(s => s.trim())
    .filter(Boolean)
}

function parseBoolean(name: InputName, value: string): boolean {
  // The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new ConfigError(name, value, 'true or false')
}

function parseThreshold(name: InputName, value: string): number {
  if (!/^-?\d+$/.test(value) || Number(value) < -1 || !Number.isSafeInteger(Number(value))) {
    throw new ConfigError(name, value, 'a whole number >= 0, or -1 for no limit')
  }
  return Number(value)
}

function parseChecks(value: string): Set<StepId> {
  const checks = new Set<StepId>()
  for (const id of listOf(value)) {
    if (!(STEP_IDS as readonly string[]).includes(id)) {
      throw new ConfigError('checks', id, STEP_IDS.join(', '))
    }
    checks.add(id as StepId)
  }
  if (checks.size === 0) throw new ConfigError('checks', value, `one or more of ${STEP_IDS.join(', ')}`)
  return checks
}

function parseRuleSeverities(value: string): Map<string, Severity | 'off'> {
  const accepted = [...SEVERITIES, 'off']
  const result = new Map<string, Severity | 'off'>()
  for (const raw of value.split(/\r?\n/)) {
    // A rule ID copied from the job summary or PR comment has U+2011 non-breaking hyphens.
    const line = raw.trim().replace(/\u2011/g, '-')
    if (line === '' || line.startsWith('#')) continue
    const match = /^([a-z0-9-]+)\s*:\s*(\S+)$/.exec(line)
    if (!match) throw new ConfigError('rules', line, '"rule-id: error|warning|notice|off", one a line')
    const [, rule, severity] = match
    if (!(rule in RULES)) throw new ConfigError('rules', rule, `a rule ID: ${Object.keys(RULES).join(', ')}`)
    if (!accepted.includes(severity)) throw new ConfigError('rules', line, accepted.join(', '))
    result.set(rule, severity as Severity | 'off')
  }
  return result
}

function parseEnum<T extends string>(name: InputName, value: string, accepted: readonly T[]): T {
  if (!(accepted as readonly string[]).includes(value)) throw new ConfigError(name, value, accepted.join(', '))
  return value as T
}

function parseUrl(name: InputName, value: string): string {
  try {
    const url = new URL(value)
    if (url.protocol === 'https:' || url.protocol === 'http:') return value
  } catch {
    // reported below
  }
  throw new ConfigError(name, value, 'an http(s) URL')
}

function optional(value: string): string | undefined {
  return value === '' ? undefined : value
}

/**
 * Parses and validates every input, and the GO_GUARD_* variables of `env`, once. `cwd` anchors
 * relative paths.
 * Throws ConfigError naming the input, the value and what is accepted.
 */
export function parseConfig(raw: RawInputs, cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): Config {
  const get = (name: InputName): string => (raw[name] ?? INPUT_DEFAULTS[name]).trim() || INPUT_DEFAULTS[name]
  const workingDirectory = path.resolve(cwd, get('working-directory'))

  let allowReplace: AllowReplaceRule[]
  try {
    allowReplace = parseAllowReplace(get('allow-replace'))
  } catch (error) {
    throw new ConfigError(
      'allow-replace',
      error instanceof Error ? error.message : String(error),
      '"old [version] => new [version]" a line, where * matches within a path element and ** across'
    )
  }

  let denyModules: DenyRule[]
  try {
    denyModules = parseDenyModules(get('deny-modules'))
  } catch (error) {
    if (!(error instanceof DenyPatternError)) throw error
    throw new ConfigError('deny-modules', error.message, DENY_SYNTAX)
  }

  const sha256 = optional(get('toolchain-sha256'))
  if (sha256 !== undefined && !/^[0-9a-f]{64}$/i.test(sha256)) {
    throw new ConfigError('toolchain-sha256', sha256, '64 hexadecimal digits')
  }
  const fingerprint = get('gpg-key-fingerprint').replace(/\s+/g, '').toUpperCase()
  if (!/^[0-9A-F]{40}$/.test(fingerprint)) {
    throw new ConfigError('gpg-key-fingerprint', get('gpg-key-fingerprint'), 'a 40-hex-digit OpenPGP v4 fingerprint')
  }
  const modules = listOf(get('modules'))
  const baseRef = optional(get('base-ref'))
  // The ref reaches git's command line: it must be a commit-ish, never a refspec or an option.
  if (baseRef !== undefined && !isCommitish(baseRef)) {
    throw new ConfigError(
      'base-ref',
      baseRef,
      'a commit SHA, or a branch or tag name as git check-ref-format allows it, optionally with ~N or ^N (no ":", no leading "-" or "+", no spaces or control characters)'
    )
  }

  return {
    workingDirectory,
    modules: modules.length > 0 ? modules : undefined,
    checks: parseChecks(get('checks')),
    baseRef,
    failOn: parseEnum('fail-on', get('fail-on'), [...SEVERITIES, 'never'] as const),
    ruleSeverity: parseRuleSeverities(get('rules')),
    maxNewModules: parseThreshold('max-new-modules', get('max-new-modules')),
    maxUpdatedModules: parseThreshold('max-updated-modules', get('max-updated-modules')),
    maxMajorUpgrades: parseThreshold('max-major-upgrades', get('max-major-upgrades')),
    allowReplace,
    allowLocalReplace: parseBoolean('allow-local-replace', get('allow-local-replace')),
    onlyNew: parseBoolean('only-new', get('only-new')),
    denyModules,
    goBinary: get('go-binary'),
    toolchain: {
      trust: parseEnum('toolchain-trust', get('toolchain-trust'), ['archive', 'module', 'both'] as const),
      sha256: sha256?.toLowerCase(),
      archive: optional(get('toolchain-archive')),
      checksumsUrl: parseUrl('toolchain-checksums-url', get('toolchain-checksums-url')),
      downloadUrl: parseUrl('toolchain-download-url', get('toolchain-download-url')),
      gpgKeyFingerprint: fingerprint,
      gpgKeyUrl: parseUrl('gpg-key-url', get('gpg-key-url')),
      gpgPublicKey: optional(get('gpg-public-key'))
    },
    cache: parseBoolean('cache', get('cache')),
    annotations: parseBoolean('annotations', get('annotations')),
    summary: parseBoolean('summary', get('summary')),
    sarifFile: optional(get('sarif-file')),
    reportFile: optional(get('report-file')),
    variables: parseVariables(env),
    sbomFile: optional(get('sbom-file')),
    commentSummaryInPr: parseEnum('comment-summary-in-pr', get('comment-summary-in-pr'), COMMENT_MODES),
    checkRun: parseBoolean('check-run', get('check-run'))
  }
}
