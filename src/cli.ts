/** The command-line adapter over the same engine: `node dist/cli.js [dir] --base <ref> ...`. */
import { parseArgs } from 'node:util'
import { ConfigError, INPUT_DEFAULTS, type InputName, type RawInputs, parseConfig } from './config.js'
import { runGate } from './engine.js'
import { redactSecrets } from './findings.js'
import { GoCommand } from './go/command.js'
import { stderrLogger } from './logger.js'
import { traceProcesses } from './process.js'
import { reportPlace, writeReports } from './outputs.js'
import { verdict } from './policy.js'
import { renderJson } from './report/json.js'
import { renderSarif } from './report/sarif.js'
import { renderText } from './report/text.js'
import { VERSION } from './version.js'

const FORMATS = ['text', 'json', 'sarif', 'github'] as const

// The CLI's own defaults where they differ from the Action's: a terminal has no runner services.
const CLI_DEFAULTS: Partial<RawInputs> = { annotations: 'false', summary: 'false', cache: 'false' }

// Inputs only the Action acts on (it posts to the pull request); the CLI refuses them rather than ignore them.
const ACTION_ONLY: InputName[] = ['github-token', 'comment-summary-in-pr', 'check-run']

/** Every flag with its default: the inputs come from INPUT_DEFAULTS, so a new input is listed here too. */
const USAGE = `usage: go-guard [dir] [flags]

Runs go-guard's checks on the Go repository in dir (default: the current directory) and prints
the findings. Every Action input is a flag of the same name; a flag given twice adds a line, as a
multi-line input would (--allow-replace 'github.com/old/* => github.com/fork/*' --allow-replace ...).

flags:
${[
  ['--base <ref>', 'the same as --base-ref: the commit-ish to diff go.sum against'],
  ['--format <format>', `${FORMATS.join(', ')} (default: text)`],
  ['--verbose', 'log what each step runs, on standard error'],
  ['--help, -h', 'print this and exit'],
  ['--version', "print go-guard's version and exit"],
  ...(Object.entries(INPUT_DEFAULTS) as [InputName, string][])
    .filter(([name]) => !ACTION_ONLY.includes(name))
    .map(([name, value]) => {
      const fallback = CLI_DEFAULTS[name] ?? value
      return [`--${name} <value>`, fallback === '' ? '' : `(default: ${fallback})`]
    })
]
  .map(([flag, text]) => `  ${flag.padEnd(34)}${text}`.trimEnd())
  .join('\n')}

The README's inputs table says what each input means.
Exit status: 0 passed, 1 blocking findings, 2 usage or internal error.`

function parse(argv: string[]): { raw: RawInputs; format: (typeof FORMATS)[number]; verbose: boolean } {
  const inputOptions = Object.fromEntries(
    (Object.keys(INPUT_DEFAULTS) as InputName[]).map(name => [name, { type: 'string' as const, multiple: true }])
  )
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...inputOptions,
      base: { type: 'string' },
      format: { type: 'string', default: 'text' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', default: false }
    }
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    process.exit(0)
  }
  if (values.version) {
    process.stdout.write(`${VERSION}\n`)
    process.exit(0)
  }
  if (positionals.length > 1) throw new ConfigError('dir', positionals.join(' '), 'one directory')
  const format = values.format
  if (!(FORMATS as readonly string[]).includes(format)) throw new ConfigError('format', format, FORMATS.join(', '))
  const raw: RawInputs = {}
  for (const name of Object.keys(INPUT_DEFAULTS) as InputName[]) {
    // A repeated flag adds lines, as a multi-line input would.
    const given = (values as Record<string, unknown>)[name] as string[] | undefined
    if (given && ACTION_ONLY.includes(name))
      // A token given by mistake is not echoed back.
      throw new ConfigError(
        name,
        name === 'github-token' ? '***' : given.join(' '),
        'nothing: only the Action posts to a pull request; the CLI prints'
      )
    if (given) raw[name] = given.join('\n')
  }
  if (positionals[0] !== undefined) raw['working-directory'] = positionals[0]
  if (values.base !== undefined) raw['base-ref'] = values.base
  return { raw, format: format as (typeof FORMATS)[number], verbose: values.verbose }
}

async function main(): Promise<number> {
  let parsed
  try {
    parsed = parse(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`go-guard: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`)
    return 2
  }
  try {
    const config = parseConfig({ ...CLI_DEFAULTS, ...parsed.raw })
    const go = new GoCommand(config.goBinary, process.env, config.variables)
    const logger = stderrLogger(parsed.verbose)
    if (parsed.verbose) traceProcesses(logger.debug)
    const result = await runGate(config, go, logger, { audit: parsed.format === 'json' })
    // Report files named on the command line are relative to where it runs.
    const place = { ...reportPlace(config), cwd: process.cwd() }
    await writeReports(config, result, go, place)
    switch (parsed.format) {
      case 'json':
        // The same report as --report-file writes, audit snapshot included.
        process.stdout.write(redactSecrets(`${JSON.stringify(renderJson(result, VERSION, result.audit), null, 2)}\n`))
        break
      case 'sarif':
        process.stdout.write(
          `${JSON.stringify(renderSarif(result.findings, VERSION, place.toWorkspace, place.informationUri), null, 2)}\n`
        )
        break
      case 'github':
        // Loaded here only: @actions/core brings an HTTP client the other formats never use.
        ;(await import('./github.js')).emitAnnotations(result.findings, place.toWorkspace)
        break
      default:
        process.stdout.write(renderText(result))
    }
    const outcome = verdict(result.steps, result.blocking)
    if (outcome.outcome === 'broken') process.stderr.write(`go-guard failed: ${outcome.message}\n`)
    return { broken: 2, blocked: 1, passed: 0 }[outcome.outcome]
  } catch (error) {
    // An input's value (a URL with a token in it) can be in the message.
    process.stderr.write(`go-guard: ${redactSecrets(error instanceof Error ? error.message : String(error))}\n`)
    return 2
  }
}

process.exitCode = await main()
