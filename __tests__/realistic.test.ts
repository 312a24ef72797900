/**
 * The parsers on files the real go command wrote for a realistic module graph (see
 * fixtures/realistic.ts), each checked against the go command's own reading of the same file.
 */
import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mapLimit } from '../src/concurrency.js'
import { type DownloadedModule, parseJSONStream } from '../src/go/command.js'
import { parseModFile, parseWorkFile } from '../src/go/modfile.js'
import { checkVendorConsistency, parseModulesTxt } from '../src/go/modulestxt.js'
import { type SumLine, parseSumFile, sumKey } from '../src/go/sumfile.js'
import { expectEqualIn } from './helpers/expect.js'
import { GO_BIN } from './helpers/go.js'
import { fromGo, fromOurs } from './helpers/modjson.js'
import { GO_SUM_VARIANTS, nonBlankLines, type RealisticFixture, generateRealistic } from './fixtures/realistic.js'

const execFileAsync = promisify(execFile)

let fx: RealisticFixture
beforeAll(() => {
  fx = generateRealistic()
}, 60_000)
// generateRealistic cleans up after itself when it fails.
afterAll(() => fx?.world.cleanup())

/** The go command's answer: its stdout, or its stderr when it refuses. */
async function go(cwd: string, ...args: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(GO_BIN, args, { cwd, env: fx.world.env, maxBuffer: 64 << 20 })
    return { ok: true, stdout, stderr }
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string }
    return { ok: false, stdout: e.stdout ?? '', stderr: e.stderr ?? String(error) }
  }
}

async function goJSON(cwd: string, ...args: string[]): Promise<Record<string, any>> {
  const answer = await go(cwd, ...args)
  expectEqualIn(args, answer.stderr, '')
  return JSON.parse(answer.stdout) as Record<string, any>
}

const read = (file: string): string => fs.readFileSync(file, 'utf8')

/** A go.mod the go command fetched into the module cache for each module of the graph (its latest). */
function cachedModFiles(): string[] {
  const out: string[] = []
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true })
    const mods = entries.filter(e => e.isFile() && e.name.endsWith('.mod')).map(e => e.name)
    if (mods.length > 0) out.push(path.join(dir, mods.sort().pop()!))
    for (const entry of entries) if (entry.isDirectory()) walk(path.join(dir, entry.name))
  }
  walk(path.join(fx.world.env.GOMODCACHE, 'cache', 'download'))
  return out.sort()
}

const sumFiles = (): string[] => [
  path.join(fx.app, 'go.sum'),
  path.join(fx.second, 'go.sum'),
  path.join(fx.workspace, 'app', 'go.sum'),
  path.join(fx.workspace, 'go.work.sum')
]

const fields = (l: SumLine): unknown[] => [l.line, l.path, l.version, l.goMod, l.hash]

describe('a realistic generated module graph', () => {
  it('has the shapes of real repositories, by go mod edit -json', async () => {
    const app = await goJSON(fx.app, 'mod', 'edit', '-json')
    const requires = app.Require as { Path: string; Version: string; Indirect?: boolean }[]
    expect(requires.filter(r => !r.Indirect).length).toBeGreaterThanOrEqual(40)
    expect(requires.filter(r => r.Indirect).length).toBeGreaterThanOrEqual(40)
    const versions = requires.map(r => `${r.Path}@${r.Version}`).join('\n')
    expect(versions).toMatch(/\/v2@v2\./)
    expect(versions).toMatch(/gopkg\.in\/[a-z]+\.v3@v3\./)
    expect(versions).toMatch(/@v2\.\d+\.\d+\+incompatible/)
    expect(versions).toMatch(/@v0\.0\.0-\d{14}-[0-9a-f]{12}$/m)
    expect(versions).toMatch(/@v\d+\.\d+\.\d+-0\.\d{14}-[0-9a-f]{12}$/m)
    expect(app).toMatchObject({ Tool: [{}], Ignore: [{}], Exclude: [{}], GoDebug: [{}, {}] })
    expect((app.Replace as { New: { Path: string } }[]).map(r => r.New.Path)).toContain('./sub')
    // Versions MVS does not select leave /go.mod-only lines behind.
    const sum = parseSumFile(read(path.join(fx.app, 'go.sum')))
    const zips = new Set(sum.lines.filter(l => !l.goMod).map(l => `${l.path} ${l.version}`))
    expect(sum.lines.filter(l => l.goMod && !zips.has(`${l.path} ${l.version}`)).length).toBeGreaterThan(50)
    expect(parseSumFile(read(path.join(fx.workspace, 'go.work.sum'))).lines.length).toBeGreaterThan(0)
    expect(cachedModFiles().length).toBeGreaterThan(140)
  })
})

describe('parseModFile and parseWorkFile agree with go mod edit -json and go work edit -json', () => {
  it('on every generated go.mod: the application, its sub module, the workspace modules, the graph', async () => {
    const files = [
      path.join(fx.app, 'go.mod'),
      path.join(fx.sub, 'go.mod'),
      path.join(fx.second, 'go.mod'),
      path.join(fx.workspace, 'app', 'go.mod'),
      path.join(fx.workspace, 'second', 'go.mod'),
      ...cachedModFiles()
    ]
    const answers = await mapLimit(files, 2, file => goJSON(fx.world.root, 'mod', 'edit', '-json', file))
    files.forEach((file, i) => {
      const ours = parseModFile(read(file))
      expectEqualIn(file, ours.errors, [])
      expectEqualIn(file, fromOurs(ours.file), fromGo(answers[i]))
    })
    // The graph's files include a retract block and a go.mod without a go line (+incompatible).
    expect(answers.some(a => (a.Retract ?? []).length === 2)).toBe(true)
    expect(answers.some(a => a.Go === undefined)).toBe(true)
  })

  it('on the go.work made by go work init and go work use', async () => {
    const file = path.join(fx.workspace, 'go.work')
    const ours = parseWorkFile(read(file))
    expect(ours.errors).toEqual([])
    // go work edit -json has no Toolchain field (cmd/go workcmd/edit.go workfileJSON).
    expect({ ...(fromOurs(ours.file) as object), toolchain: undefined }).toEqual(
      fromGo(await goJSON(fx.workspace, 'work', 'edit', '-json'))
    )
    expect(ours.file.use.map(u => u.path)).toEqual(['./app', './second'])
  })
})

describe('parseSumFile on generated go.sum and go.work.sum', () => {
  it('one entry per non-blank line, none malformed, each round-tripping to its line', () => {
    for (const file of sumFiles()) {
      const text = read(file)
      const parsed = parseSumFile(text)
      expectEqualIn(file, parsed.malformed, [])
      expectEqualIn(file, parsed.lines.length, text.split('\n').filter(l => l.trim() !== '').length)
      const lines = text.split('\n')
      for (const l of parsed.lines) expectEqualIn(file, `${sumKey(l)} ${l.hash}`, lines[l.line - 1])
    }
  })

  it('each entry is the hash go mod download -json computes for that module@version', async () => {
    const entries = sumFiles().flatMap(f => parseSumFile(read(f)).lines)
    const wanted = [...new Set(entries.map(l => `${l.path}@${l.version}`))]
    // Outside any module: go mod download then neither reads nor writes a go.sum.
    const answer = await go(fx.world.root, 'mod', 'download', '-json', ...wanted)
    expect(answer.stderr).toBe('')
    const byModule = new Map(parseJSONStream<DownloadedModule>(answer.stdout).map(d => [`${d.Path}@${d.Version}`, d]))
    expect(byModule.size).toBe(wanted.length)
    for (const l of entries) {
      const d = byModule.get(`${l.path}@${l.version}`)
      expectEqualIn(sumKey(l), l.hash, l.goMod ? d?.GoModSum : d?.Sum)
    }
  })

  describe('with other line endings and separators, as go reads them (strings.Fields)', () => {
    let variantDir: string
    let goSum: string
    beforeAll(() => {
      variantDir = path.join(fx.world.root, 'sum-variants')
      fs.cpSync(fx.app, variantDir, { recursive: true })
      goSum = read(path.join(fx.app, 'go.sum'))
    })
    /** Whether go accepts `text` as the application's go.sum: loading every package checks it. */
    async function goAccepts(text: string): Promise<boolean> {
      fs.writeFileSync(path.join(variantDir, 'go.sum'), text)
      const answer = await go(variantDir, 'list', '-mod=readonly', '-deps', '-test', './...')
      if (!answer.ok) expect(answer.stderr).toMatch(/malformed go.sum/)
      return answer.ok
    }
    it.each(GO_SUM_VARIANTS)('%s: the same entries, and go accepts the file', async (_name, variant) => {
      const text = variant(goSum)
      expect(await goAccepts(text)).toBe(true)
      const parsed = parseSumFile(text)
      expect(parsed.malformed).toEqual([])
      expect(parsed.lines.map(fields)).toEqual(parseSumFile(goSum).lines.map(fields))
    })

    it('a separator go does not split on (U+200B) is malformed for both', async () => {
      const broken = nonBlankLines(goSum)
      broken[7] = broken[7].replace(' ', '\u200b')
      const text = broken.join('\n') + '\n'
      expect(await goAccepts(text)).toBe(false)
      expect(parseSumFile(text).malformed.map(m => m.line)).toEqual([8])
    })

    it('parses a 10,000-line go.sum derived from the generated ones quickly, and go accepts it', async () => {
      const generated = sumFiles().flatMap(f => nonBlankLines(read(f)))
      // The same lines under other module paths: realistic lengths and hashes, distinct keys.
      const derived = Array.from({ length: Math.ceil(10_000 / generated.length) }, (_, n) =>
        generated.map(l => l.replace(/^(\S+)/, `$1/fork${n}`))
      ).flat()
      const text = [...nonBlankLines(goSum), ...derived].join('\n') + '\n'
      const count = nonBlankLines(text).length
      expect(count).toBeGreaterThanOrEqual(10_000)
      parseSumFile(text) // JIT warm-up
      const started = performance.now()
      for (let i = 0; i < 5; i++) expect(parseSumFile(text).lines.length).toBe(count)
      // A generous bound: this guards against accidental quadratic work, not a benchmark.
      expect((performance.now() - started) / 5).toBeLessThan(200)
      expect(await goAccepts(text)).toBe(true)
    })
  })
})

describe('parseModulesTxt and checkVendorConsistency on the generated vendor/modules.txt', () => {
  interface ListedPackage {
    ImportPath: string
    Standard?: boolean
    Module?: {
      Path: string
      Version?: string
      Main?: boolean
      GoVersion?: string
      Replace?: { Path: string; Version?: string }
    }
  }
  let localGo: string
  beforeAll(() => {
    localGo = /go(\d+\.\d+(?:\.\d+)?)/.exec(fx.world.go(fx.app, 'env', 'GOVERSION'))![1]
  })

  /** Packages go list -mod=vendor loads from vendor/, with the module go says each comes from. */
  async function vendoredPackages(cwd: string, ...patterns: string[]): Promise<ListedPackage[]> {
    const answer = await go(
      cwd,
      'list',
      '-mod=vendor',
      '-deps',
      '-test',
      '-json=ImportPath,Standard,Module',
      ...patterns
    )
    expect(answer.stderr).toBe('')
    return parseJSONStream<ListedPackage>(answer.stdout).filter(p => !p.Standard && p.Module && !p.Module.Main)
  }

  /** Each package go loads is listed under its module, version, replacement and go version. */
  function expectListed(txtFile: string, packages: ListedPackage[]): void {
    const txt = parseModulesTxt(read(txtFile))
    expect(packages.length).toBeGreaterThan(100)
    for (const p of packages) {
      const m = txt.modules.find(m => m.packages.some(q => q.path === p.ImportPath) && m.version !== '')
      expectEqualIn(
        p.ImportPath,
        { path: m?.path, version: m?.version, goVersion: m?.goVersion, replacement: m?.replacement },
        {
          path: p.Module!.Path,
          version: p.Module!.Version,
          goVersion: p.Module!.GoVersion,
          replacement: p.Module!.Replace && { path: p.Module!.Replace.Path, version: p.Module!.Replace.Version ?? '' }
        }
      )
    }
  }

  it('the module vendor/modules.txt: consistent with go.mod, as go list -mod=vendor finds it', async () => {
    const txt = parseModulesTxt(read(path.join(fx.app, 'vendor', 'modules.txt')))
    expect(txt.workspace).toBe(false)
    expect(txt.modules.length).toBeGreaterThan(100)
    const mod = parseModFile(read(path.join(fx.app, 'go.mod'))).file
    expect(checkVendorConsistency(mod, txt, { localGoVersion: localGo })).toEqual([])
    expectListed(path.join(fx.app, 'vendor', 'modules.txt'), await vendoredPackages(fx.app, './...'))
  })

  it('the workspace vendor/modules.txt made by go work vendor', async () => {
    const file = path.join(fx.workspace, 'vendor', 'modules.txt')
    expect(parseModulesTxt(read(file)).workspace).toBe(true)
    expectListed(file, await vendoredPackages(fx.workspace, 'example.com/app/...', 'example.com/second/...'))
  })

  describe('edits to vendor/modules.txt: go list -mod=vendor and ours agree', () => {
    let editDir: string
    let original: string
    beforeAll(() => {
      editDir = path.join(fx.world.root, 'vendor-edits')
      fs.cpSync(fx.app, editDir, { recursive: true })
      original = read(path.join(fx.app, 'vendor', 'modules.txt'))
    })
    const firstExplicit = (t: string): string => /^## explicit; go \S+$/m.exec(t)![0]
    const dropVersionedSub = (t: string): string =>
      t.replace('# example.com/app/sub v0.0.0 => ./sub\n', '# example.com/app/sub v0.0.0\n')

    async function verdicts(edit: (t: string) => string): Promise<{ stderr: string; messages: string[] }> {
      const text = edit(original)
      expect(text).not.toBe(original)
      fs.writeFileSync(path.join(editDir, 'vendor', 'modules.txt'), text)
      const answer = await go(editDir, 'list', '-mod=vendor', './...')
      const mod = parseModFile(read(path.join(editDir, 'go.mod'))).file
      const ours = checkVendorConsistency(mod, parseModulesTxt(text), { localGoVersion: localGo })
      expectEqualIn(answer.stderr, ours.length > 0, !answer.ok)
      return { stderr: answer.stderr, messages: ours.map(f => f.message) }
    }

    it.each([
      [
        'a requirement not marked explicit',
        (t: string) => t.replace(firstExplicit(t), firstExplicit(t).replace('explicit; ', ''))
      ],
      [
        'another version of a required module',
        (t: string) => t.replace(/^(# gitlab\.com\/team\/cli v1\.2)\.0$/m, '$1.9')
      ],
      [
        'the local replacement dropped',
        (t: string) => dropVersionedSub(t).replace('# example.com/app/sub => ./sub\n', '')
      ],
      ['a replacement of every version dropped', (t: string) => t.replace(/^# github\.com\/acme\/yaml => .*\n/m, '')],
      [
        'another version of a fork',
        (t: string) => t.replaceAll('example.com/fork/uuid v1.3.0-fork.1', 'example.com/fork/uuid v1.3.0-fork.2')
      ],
      [
        'a module go.mod does not require marked explicit',
        (t: string) => `${t}# example.com/extra v1.0.0\n## explicit\nexample.com/extra\n`
      ]
    ])('%s: refused by both, in the words of go', async (_name, edit) => {
      const { stderr, messages } = await verdicts(edit)
      expect(stderr).toMatch(/inconsistent vendoring/)
      for (const message of messages) expectEqualIn(stderr, stderr.includes(message), true)
    })

    it('a go version newer than the toolchain: refused by both', async () => {
      const { stderr, messages } = await verdicts(t => t.replace(firstExplicit(t), '## explicit; go 1.999'))
      // go goes on to name the GOTOOLCHAIN setting (gover.TooNewError), which go-guard leaves out.
      expect(messages).toEqual([expect.stringMatching(/ requires go >= 1\.999 \(running go /)])
      expect(stderr).toContain(messages[0].replace(/\)$/, ''))
    })

    it('the versioned line of a local replacement dropped, the line for every version kept: accepted by both', async () => {
      expect(await verdicts(dropVersionedSub)).toEqual({ stderr: '', messages: [] })
    })
  })
})
