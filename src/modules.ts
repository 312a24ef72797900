/** The Go modules and workspaces in scope, read once with their parsed go.mod and go.sum. */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import picomatch from 'picomatch'
import { ConfigError } from './config.js'
import { type ParseResult, parseModFile, parseWorkFile } from './go/modfile.js'
import { type SumFile, parseSumFile } from './go/sumfile.js'

export interface GoModule {
  /** Absolute directory. */
  dir: string
  /** Directory relative to the repository root, forward slashes, '.' for the root. */
  relDir: string
  /** go.mod path relative to the repository root. */
  goModFile: string
  goSumFile: string
  goModText: string
  /** undefined when the module has no go.sum. */
  goSumText?: string
  mod: ParseResult
  sum?: SumFile
}

export interface GoWorkspace {
  /** go.work path relative to the repository root. */
  file: string
  dir: string
  work: ParseResult
}

// Never descended into: not modules of this repository, or not modules at all.
const SKIPPED_DIRS = new Set(['vendor', 'testdata', 'node_modules'])

function toSlash(p: string): string {
  return p.split(path.sep).join('/')
}

export function relPath(root: string, file: string): string {
  return toSlash(path.relative(root, file)) || '.'
}

/** Directories holding a go.mod, and go.work files, outside vendor/, testdata/, node_modules/ and dot-directories. */
async function discover(root: string): Promise<{ moduleDirs: string[]; workFiles: string[] }> {
  const moduleDirs: string[] = []
  const workFiles: string[] = []
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true })
    for (const e of entries) {
      if (e.isFile() && e.name === 'go.mod') moduleDirs.push(dir)
      if (e.isFile() && e.name === 'go.work') workFiles.push(path.join(dir, e.name))
    }
    await Promise.all(
      entries
        .filter(e => e.isDirectory() && !e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name))
        .map(e => walk(path.join(dir, e.name)))
    )
  }
  await walk(root)
  return { moduleDirs: moduleDirs.sort(), workFiles: workFiles.sort() }
}

/** Applies the `modules` input: plain directories must hold a go.mod; globs must match one. */
async function selectModules(root: string, discovered: string[], patterns: string[]): Promise<string[]> {
  const selected = new Set<string>()
  const relDiscovered = discovered.map(d => relPath(root, d))
  for (const pattern of patterns) {
    const clean = pattern.replace(/^\.\/(?=.)/, '').replace(/\/+$/, '') || '.'
    if (picomatch.scan(clean).isGlob) {
      const isMatch = picomatch(clean, { dot: false })
      const hits = relDiscovered.filter(d => isMatch(d))
      if (hits.length === 0)
        throw new ConfigError('modules', pattern, 'a directory or glob matching at least one go.mod directory')
      for (const hit of hits) selected.add(path.resolve(root, hit))
    } else {
      const dir = path.resolve(root, clean)
      if (relPath(root, dir).startsWith('..'))
        throw new ConfigError('modules', pattern, 'a directory inside working-directory')
      try {
        await fs.access(path.join(dir, 'go.mod'))
      } catch {
        throw new ConfigError('modules', pattern, 'a directory holding a go.mod')
      }
      selected.add(dir)
    }
  }
  return [...selected].sort()
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

async function loadModule(root: string, dir: string): Promise<GoModule> {
  const goModText = await fs.readFile(path.join(dir, 'go.mod'), 'utf8')
  const goSumText = await readOptional(path.join(dir, 'go.sum'))
  return {
    dir,
    relDir: relPath(root, dir),
    goModFile: relPath(root, path.join(dir, 'go.mod')),
    goSumFile: relPath(root, path.join(dir, 'go.sum')),
    goModText,
    goSumText,
    mod: parseModFile(goModText),
    sum: goSumText === undefined ? undefined : parseSumFile(goSumText)
  }
}

export interface Scope {
  modules: GoModule[]
  workspaces: GoWorkspace[]
}

export async function loadScope(root: string, patterns: string[] | undefined): Promise<Scope> {
  try {
    await fs.access(root)
  } catch {
    throw new ConfigError('working-directory', root, 'an existing directory')
  }
  const found = await discover(root)
  const dirs = patterns === undefined ? found.moduleDirs : await selectModules(root, found.moduleDirs, patterns)
  const modules = await Promise.all(dirs.map(dir => loadModule(root, dir)))
  const workspaces = await Promise.all(
    found.workFiles.map(async file => ({
      file: relPath(root, file),
      dir: path.dirname(file),
      work: parseWorkFile(await fs.readFile(file, 'utf8'))
    }))
  )
  return { modules, workspaces }
}
