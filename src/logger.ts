/**
 * Where steps write progress, and the one escaping writer every log line goes through: the
 * Actions adapter writes workflow-command lines to stdout, the CLI plain lines to stderr.
 */
import { redactSecrets } from './findings.js'

export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

export const silentLogger: Logger = { info() {}, warning() {}, debug() {} }

// ANSI escape sequences: CSI (ESC [ or the C1 byte 0x9B ... final byte), OSC (ESC ] ... BEL or
// ST), and the two-byte ESC forms. They could hide text or fake a line on a terminal or the log.
// eslint-disable-next-line no-control-regex
const ANSI = /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[@-_]?/g

/**
 * `text` as one log line the runner cannot read as a workflow command. The runner takes a line
 * as a command when, after leading white space, it starts with `::`, or when it holds `##[`
 * anywhere (the legacy form); it reads the output line by line (actions/runner
 * src/Runner.Common/ActionCommand.cs TryParseV2, TryParse). So: ANSI sequences go, `%`, CR and
 * LF are escaped as the toolkit escapes command data (%25, %0D, %0A), every other control
 * character becomes %XX, a leading `::` becomes `%3A:` and `##[` becomes `##%5B`. Credentials
 * are redacted first.
 */
export function escapeLogText(text: string): string {
  const oneLine = redactSecrets(text)
    .replace(ANSI, '')
    .replace(/%/g, '%25')
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/##\[/g, '##%5B')
  return oneLine.replace(/^(\s*):/, '$1%3A')
}

/** The Actions log: plain lines, and warning/debug as the workflow commands the runner shows. */
export function actionsLogger(write: (line: string) => void = line => process.stdout.write(line)): Logger {
  return {
    info: m => write(`${escapeLogText(m)}\n`),
    warning: m => write(`::warning::${escapeLogText(m)}\n`),
    debug: m => write(`::debug::${escapeLogText(m)}\n`)
  }
}

export function stderrLogger(verbose: boolean): Logger {
  const write = (line: string): void => void process.stderr.write(`${escapeLogText(line)}\n`)
  return {
    info: write,
    warning: m => write(`warning: ${m}`),
    debug: m => {
      if (verbose) write(`debug: ${m}`)
    }
  }
}
