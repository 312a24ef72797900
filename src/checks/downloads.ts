/**
 * `go mod download -json` per module, run at most once per run and shared by every step that
 * needs the module cache filled. It runs on a scratch copy of go.mod/go.sum: go may add the
 * go.sum lines it trusted on first use, and those must never reach the work tree.
 */
import {
  type DownloadedModule,
  type GoCommand,
  GoCommandError,
  type GoResult,
  ScratchModFile,
  parseJSONStream
} from '../go/command.js'
import type { GoModule } from '../modules.js'

export interface ModuleDownload {
  result: GoResult
  modules: DownloadedModule[]
  /** The scratch go.sum after go ran: what go would have written to the user's go.sum. */
  goSumAfter: string
  /** Set when go did not finish in time: nothing about the module's dependencies is known. */
  timeout?: string
}

export class ModuleDownloads {
  private readonly runs = new Map<string, Promise<ModuleDownload>>()
  private readonly waiters = new Map<string, () => void>()

  constructor(private readonly go: GoCommand) {}

  get(module: GoModule): Promise<ModuleDownload> {
    let run = this.runs.get(module.dir)
    if (run === undefined) {
      run = this.download(module)
      this.runs.set(module.dir, run)
      const waiter = this.waiters.get(module.dir)
      if (waiter) void run.finally(waiter).catch(() => {})
    }
    return run
  }

  /**
   * Calls `then` once a download of the module that a step asked for has ended (at once if one
   * already has); never, if no step asks: work that is cheap only on a filled module cache waits
   * for it without starting a download itself.
   */
  afterDownload(module: GoModule, then: () => void): void {
    const run = this.runs.get(module.dir)
    if (run) void run.finally(then).catch(() => {})
    else this.waiters.set(module.dir, then)
  }

  private async download(module: GoModule): Promise<ModuleDownload> {
    const scratch = await ScratchModFile.create(module.goModText, module.goSumText)
    try {
      const result = await scratch.run(this.go, ['mod', 'download', '-json'], module.dir, module.goModFile)
      return {
        result,
        modules: parseJSONStream<DownloadedModule>(result.stdout),
        goSumAfter: await scratch.readGoSum()
      }
    } catch (error) {
      if (!(error instanceof GoCommandError && error.timedOut)) throw error
      return {
        result: { code: -1, stdout: '', stderr: error.message },
        modules: [],
        goSumAfter: '',
        timeout: error.message
      }
    } finally {
      await scratch.dispose()
    }
  }
}
