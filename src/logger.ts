/** Where steps write progress; the Actions adapter logs through @actions/core, the CLI to stderr. */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

export const silentLogger: Logger = { info() {}, warning() {}, debug() {} }

export function stderrLogger(verbose: boolean): Logger {
  return {
    info: m => process.stderr.write(`${m}\n`),
    warning: m => process.stderr.write(`warning: ${m}\n`),
    debug: m => {
      if (verbose) process.stderr.write(`debug: ${m}\n`)
    }
  }
}
