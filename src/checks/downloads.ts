/**
 * `go mod download -json` per module, run at most once per run and shared by every step that
 * needs the module cache filled. It runs on a scratch copy of go.mod/go.sum: go may add the
 * go.sum lines it trusted on first use, and those must never reach the work tree.
 *
 * A workspace's download runs in workspace mode, on a scratch copy of go.work and go.work.sum:
 * it is the one run that checks the workspace's build list against go.work.sum, and against
 * every module's go.sum at once (modfetch.haveModSumLocked), as `go build` in the workspace does.
 */
import * as path from 'node:path'
import {
  type DownloadedModule,
  GoCommandError,
  type GoCommand,
  type GoResult,
  ScratchModFile,
  parseJSONStream
} from '../go/command.js'
import { ScratchWorkFile } from '../go/workfile.js'
import type { GoModule, GoWorkspace } from '../modules.js'

export interface ModuleDownload {
  result: GoResult
  modules: DownloadedModule[]
  /** Set when go did not finish in time: nothing about the module's dependencies is known. */
  timeout?: string
}

export class ModuleDownloads {
  private readonly runs = new Map<string, Promise<ModuleDownload>>()
  private readonly waiters = new Map<string, () => void>()
  private readonly workspaceRuns = new Map<string, Promise<ModuleDownload>>()

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

  /** The workspace's download; `members` are its modules in scope, whose go.sum files go names by absolute path. */
  workspace(ws: GoWorkspace, members: GoModule[]): Promise<ModuleDownload> {
    let run = this.workspaceRuns.get(ws.file)
    if (run === undefined) {
      run = this.downloadWorkspace(ws, members)
      this.workspaceRuns.set(ws.file, run)
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
      return settled(await scratch.run(this.go, ['mod', 'download', '-json'], module.dir, module.goModFile))
    } catch (error) {
      return timedOut(error)
    } finally {
      await scratch.dispose()
    }
  }

  private async downloadWorkspace(ws: GoWorkspace, members: GoModule[]): Promise<ModuleDownload> {
    const scratch = await ScratchWorkFile.create(ws)
    try {
      const result = await this.go.run(['mod', 'download', '-json'], {
        cwd: ws.dir,
        workspace: true,
        env: { GOWORK: scratch.file }
      })
      // Findings name the repository's files: go names the copies, and each go.sum by its absolute path.
      const names: [string, string][] = [
        [`${scratch.file}.sum`, ws.sumFile],
        [scratch.file, ws.file],
        ...members.map((m): [string, string] => [path.join(m.dir, 'go.sum'), m.goSumFile])
      ]
      const stderr = names.reduce((text, [from, to]) => text.split(from).join(to), result.stderr)
      return settled({ ...result, stderr })
    } catch (error) {
      return timedOut(error)
    } finally {
      await scratch.dispose()
    }
  }
}

const settled = (result: GoResult): ModuleDownload => ({
  result,
  modules: parseJSONStream<DownloadedModule>(result.stdout)
})

/** A download go did not finish in time; any other error is rethrown. */
function timedOut(error: unknown): ModuleDownload {
  if (!(error instanceof GoCommandError && error.timedOut)) throw error
  return { result: { code: -1, stdout: '', stderr: error.message }, modules: [], timeout: error.message }
}
