import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from '@jest/globals'
import { parseModFile, parseWorkFile } from '../../src/go/modfile.js'
import { corpusFiles } from '../helpers/corpus.js'
import { GO_BIN } from '../helpers/go.js'
import { fromGo, fromOurs } from '../helpers/modjson.js'

const execFileAsync = promisify(execFile)

async function goModEditJSON(file: string, work = false): Promise<{ json?: Record<string, any>; error?: string }> {
  try {
    const { stdout } = await execFileAsync(GO_BIN, [work ? 'work' : 'mod', 'edit', '-json', file], {
      env: { ...process.env, GOTOOLCHAIN: 'local', GOWORK: 'off' },
      cwd: os.tmpdir()
    })
    return { json: JSON.parse(stdout) }
  } catch (error) {
    return { error: String((error as { stderr?: string }).stderr ?? error) }
  }
}

describe('parseModFile agrees with go mod edit -json', () => {
  const modFiles = corpusFiles(name => name === 'go.mod' || name === 'vendor.mod')
  it('reads the whole corpus', () => {
    expect(modFiles.length).toBeGreaterThan(200)
  })
  it.each(modFiles.map(f => [path.relative(path.dirname(path.dirname(f)), f), f]))('%s', async (_name, file) => {
    const text = fs.readFileSync(file, 'utf8')
    const ours = parseModFile(text)
    const go = await goModEditJSON(file)
    if (go.error) {
      expect({ goError: go.error, rejected: ours.errors.length > 0 }).toEqual({ goError: go.error, rejected: true })
      return
    }
    expect(ours.errors).toEqual([])
    expect(fromOurs(ours.file)).toEqual(fromGo(go.json!))
  })
})

describe('parseWorkFile agrees with go work edit -json', () => {
  it.each(corpusFiles(name => name === 'go.work').map(f => [f]))('%s', async file => {
    const ours = parseWorkFile(fs.readFileSync(file, 'utf8'))
    const go = await goModEditJSON(file, true)
    expect(go.error).toBeUndefined()
    expect(ours.errors).toEqual([])
    // go work edit -json has no Toolchain field (cmd/go workcmd/edit.go workfileJSON).
    expect({ ...(fromOurs(ours.file) as object), toolchain: undefined }).toEqual(fromGo(go.json!))
  })
})
