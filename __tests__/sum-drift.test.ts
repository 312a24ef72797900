/**
 * The sum-drift step on real git history: a base commit and a head commit per case, judged with
 * a real checksum database on 127.0.0.1 (see fixtures/sumdb.ts).
 */
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { GateResult } from '../src/engine.js'
import type { FixtureModule } from './fixtures/proxy.js'
import { SumDB } from './fixtures/sumdb.js'
import { GoWorld } from './fixtures/workspace.js'
import { GO_BIN } from './helpers/go.js'
import { gate, located } from './helpers/gate.js'

const PSEUDO = 'v0.0.0-20240101000000-abcdefabcdef'
// A commit after v1.0.0: the pseudo-version go gives it is based on that tag.
const AFTER_V1 = 'v1.0.1-0.20240101000000-abcdefabcdef'
// A later commit after v1.0.0.
const LATER = 'v1.0.1-0.20240201000000-bcdefabcdef0'
const MODULES: FixtureModule[] = [
  { path: 'example.com/a', version: 'v1.0.0' },
  { path: 'example.com/a', version: 'v1.1.0' },
  { path: 'example.com/a/v2', version: 'v2.0.0' },
  { path: 'example.com/b', version: 'v1.2.0' },
  { path: 'example.com/c', version: 'v1.0.0' },
  { path: 'example.com/c', version: PSEUDO },
  { path: 'example.com/inc', version: 'v1.0.0', goMod: null },
  { path: 'example.com/inc', version: 'v2.0.0+incompatible', goMod: null },
  { path: 'private.example/p', version: 'v1.0.0' },
  { path: 'example.com/untagged', version: PSEUDO },
  { path: 'example.com/oldtag', version: 'v1.0.0' },
  { path: 'example.com/oldtag', version: AFTER_V1 },
  { path: 'example.com/newtag', version: 'v1.0.0' },
  { path: 'example.com/newtag', version: AFTER_V1 },
  { path: 'example.com/newtag', version: 'v1.1.0' },
  { path: 'example.com/newtag', version: LATER },
  // A dependency that requires (and imports) newtag at a pseudo-version.
  {
    path: 'example.com/pdep',
    version: 'v1.0.0',
    goMod: `module example.com/pdep\n\ngo 1.21\n\nrequire example.com/newtag ${AFTER_V1}\n`,
    files: { 'pdep.go': 'package pdep\n\nimport _ "example.com/newtag"\n' }
  },
  { path: 'example.com/unlisted', version: PSEUDO },
  // The go-difflib shape: a module required at a pseudo-version that a dependency also requires
  // (at an older tag) without importing it; dep is at go 1.16, so go reads the go.mod files of
  // its requirements and `go mod tidy` keeps their /go.mod lines.
  { path: 'example.com/difflib', version: 'v1.0.0' },
  { path: 'example.com/difflib', version: AFTER_V1 },
  {
    path: 'example.com/dep',
    version: 'v1.0.0',
    goMod:
      'module example.com/dep\n\ngo 1.16\n\nrequire (\n\texample.com/difflib v1.0.0\n\texample.com/graph v1.0.0\n)\n'
  },
  { path: 'example.com/graph', version: 'v1.0.0' },
  // A dependency that still builds example.com/a (v1) after the app moves to v2.
  {
    path: 'example.com/usesa',
    version: 'v1.0.0',
    goMod: 'module example.com/usesa\n\ngo 1.21\n\nrequire example.com/a v1.0.0\n',
    files: { 'usesa.go': 'package usesa\n\nimport _ "example.com/a"\n' }
  },
  // Versions the proxy stops serving in one test: all of gone, the zip of nozip.
  { path: 'example.com/gone', version: 'v1.0.0' },
  { path: 'example.com/nozip', version: 'v1.0.0' },
  { path: 'gopkg.in/yy.v2', version: 'v2.4.0' },
  { path: 'gopkg.in/yy.v3', version: 'v3.0.1' }
]

function goMod(requires: string[], extra = ''): string {
  return `module example.com/app\n\ngo 1.21\n\nrequire (\n${requires.map(r => `\t${r}\n`).join('')})\n${extra}`
}

function mainGo(imports: string[]): string {
  return `package main\n\nimport (\n${imports.map(i => `\t_ "${i}"\n`).join('')})\n\nfunc main() {}\n`
}

describe('sum-drift', () => {
  let world: GoWorld
  let db: SumDB
  let truth: string

  beforeAll(async () => {
    world = new GoWorld(MODULES)
    // The database vouches for what the proxy serves: collect every go.sum line go writes.
    const all = world.dir('all')
    const lines = new Set<string>()
    for (const m of MODULES) {
      fs.writeFileSync(
        path.join(all, 'go.mod'),
        `module example.com/all\n\ngo 1.21\n\nrequire ${m.path} ${m.version}\n`
      )
      fs.rmSync(path.join(all, 'go.sum'), { force: true })
      world.go(all, 'mod', 'download', `${m.path}@${m.version}`)
      for (const l of fs.readFileSync(path.join(all, 'go.sum'), 'utf8').split('\n')) if (l) lines.add(l)
    }
    truth = [...lines].join('\n') + '\n'
    db = await SumDB.start(truth)
    world.env.GOSUMDB = db.gosumdb
  })
  afterAll(() => {
    db.stop()
    world.cleanup()
  })

  let cases = 0
  /** A repository with a base commit and a head commit; returns the gate's result on head. */
  async function drift(
    base: { requires: string[]; imports: string[]; extra?: string },
    head: { requires: string[]; imports: string[]; extra?: string; editSum?: (s: string) => string },
    inputs: Record<string, string> = {},
    env: Record<string, string> = {}
  ): Promise<{ result: GateResult; sum: string; dir: string }> {
    const dir = world.dir(`case-${++cases}`)
    const write = (s: typeof base): void => {
      fs.writeFileSync(path.join(dir, 'go.mod'), goMod(s.requires, s.extra))
      fs.writeFileSync(path.join(dir, 'main.go'), mainGo(s.imports))
      fs.rmSync(path.join(dir, 'go.sum'), { force: true })
      world.go(dir, 'mod', 'tidy')
    }
    write(base)
    const sha = world.commitAll(dir, 'base')
    write(head)
    if (head.editSum)
      fs.writeFileSync(path.join(dir, 'go.sum'), head.editSum(fs.readFileSync(path.join(dir, 'go.sum'), 'utf8')))
    world.commitAll(dir, 'head')
    const result = await gate({ env: { ...world.env, ...env } }, dir, {
      checks: 'sum-drift',
      'base-ref': sha,
      ...inputs
    })
    return { result, sum: fs.readFileSync(path.join(dir, 'go.sum'), 'utf8'), dir }
  }

  const lineOf = (sum: string, prefix: string): number => sum.split('\n').findIndex(l => l.startsWith(prefix)) + 1
  const A = { requires: ['example.com/a v1.0.0', 'example.com/b v1.2.0'], imports: ['example.com/a', 'example.com/b'] }

  it('an unchanged go.sum is no finding, and the work tree is untouched', async () => {
    const { result, dir } = await drift(A, A)
    expect(located(result)).toEqual([])
    expect(world.git(dir, 'status', '--porcelain')).toBe('')
  })

  it('a hash changed for an unchanged module@version is sum-hash-changed, and the database disagrees too', async () => {
    const { result, sum } = await drift(A, {
      ...A,
      editSum: s => s.replace(/^(example\.com\/b v1\.2\.0 h1:)\S+/m, '$1T2JGFC7V8xnw/y8GkzlohNxJf9LxVdt7X+lcHd6YyLZ=')
    })
    const line = lineOf(sum, 'example.com/b v1.2.0 h1:')
    expect(located(result)).toEqual([`sum-hash-changed go.sum:${line}`, `sum-unverified-hash go.sum:${line}`])
    // Both hashes named: the one go.sum has now, and the one the base commit had.
    expect(result.findings.find(f => f.rule === 'sum-hash-changed')!.message).toMatch(
      /is hashed h1:T2JGFC7V8xnw\/y8GkzlohNxJf9LxVdt7X\+lcHd6YyLZ= in go\.sum but h1:T2JGFC7V8xnw\/y8GkzlohNxJf9LxVdt7X\+lcHd6YyLY= at the base commit/
    )
    expect(result.findings.find(f => f.rule === 'sum-unverified-hash')!.message).toMatch(
      /records h1:T2JGFC7V8xnw\/y8GkzlohNxJf9LxVdt7X\+lcHd6YyLY=/
    )
  })

  it('a second, different hash added for the same key is sum-hash-changed (go accepts either)', async () => {
    const { result, sum } = await drift(A, {
      ...A,
      editSum: s => `${s}example.com/b v1.2.0 h1:AAAAFC7V8xnw/y8GkzlohNxJf9LxVdt7X+lcHd6YyLY=\n`
    })
    expect(located(result)).toContain(`sum-hash-changed go.sum:${sum.split('\n').length - 1}`)
  })

  it('a second hash whose fields are separated by U+0085 is seen, as go reads it (strings.Fields)', async () => {
    const { result, sum, dir } = await drift(A, {
      ...A,
      editSum: s => `${s}example.com/b\u0085v1.2.0\u00a0h1:AAAAFC7V8xnw/y8GkzlohNxJf9LxVdt7X+lcHd6YyLY=\n`
    })
    // go accepts the line (a line it refused would make it refuse the whole go.sum).
    world.go(dir, 'list', '-m', 'all')
    const line = sum.split('\n').length - 1
    expect(located(result)).toEqual([`sum-hash-changed go.sum:${line}`, `sum-unverified-hash go.sum:${line}`])
  })

  it('a line go refuses is sum-malformed-line on it, with or without a base', async () => {
    const { result, sum, dir } = await drift(A, { ...A, editSum: s => `${s}example.com/b v1.2.0\n` })
    expect(() => world.go(dir, 'list', '-m', 'all')).toThrow(/malformed go\.sum/)
    const line = sum.split('\n').length - 1
    expect(located(result)).toEqual([`sum-malformed-line go.sum:${line}`])
    const noBase = await gate(world, dir, { checks: 'sum-drift' })
    expect(located(noBase)).toEqual(
      expect.arrayContaining([`sum-malformed-line go.sum:${line}`, 'step-skipped go.sum:1'])
    )
  })

  it('added, removed, upgraded and downgraded modules, on go.sum and on the go.mod require line', async () => {
    const { result, sum } = await drift(
      { requires: ['example.com/a v1.0.0', 'example.com/b v1.2.0'], imports: ['example.com/a', 'example.com/b'] },
      { requires: ['example.com/a v1.1.0', 'example.com/c v1.0.0'], imports: ['example.com/a', 'example.com/c'] }
    )
    expect(located(result).sort()).toEqual(
      [
        `sum-module-upgraded go.sum:${lineOf(sum, 'example.com/a v1.1.0 h1:')}`,
        `sum-module-added go.sum:${lineOf(sum, 'example.com/c v1.0.0 h1:')}`,
        'sum-module-removed go.sum:1'
      ].sort()
    )
    const upgraded = result.findings.find(f => f.rule === 'sum-module-upgraded')!
    expect(upgraded.also).toEqual([{ file: 'go.mod', line: 6 }])
    expect(upgraded.message).toBe('example.com/a was upgraded from v1.0.0 to v1.1.0.')
    const downgrade = await drift(
      { requires: ['example.com/a v1.1.0'], imports: ['example.com/a'] },
      { requires: ['example.com/a v1.0.0'], imports: ['example.com/a'] }
    )
    expect(located(downgrade.result)).toEqual([
      `sum-module-downgraded go.sum:${lineOf(downgrade.sum, 'example.com/a v1.0.0 h1:')}`
    ])
    expect(downgrade.result.findings[0].severity).toBe('warning')
  })

  it('major upgrades: a new /vN path and a +incompatible jump', async () => {
    const { result, sum } = await drift(
      { requires: ['example.com/a v1.0.0', 'example.com/inc v1.0.0'], imports: ['example.com/a', 'example.com/inc'] },
      {
        requires: ['example.com/a/v2 v2.0.0', 'example.com/inc v2.0.0+incompatible'],
        imports: ['example.com/a/v2', 'example.com/inc']
      }
    )
    expect(located(result).sort()).toEqual(
      [
        `sum-major-upgrade go.sum:${lineOf(sum, 'example.com/a/v2 v2.0.0 h1:')}`,
        `sum-major-upgrade go.sum:${lineOf(sum, 'example.com/inc v2.0.0+incompatible h1:')}`
      ].sort()
    )
  })

  it('a new major beside an older one the build still uses is sum-module-added, not a major upgrade', async () => {
    const { result, sum, dir } = await drift(
      { requires: ['example.com/a v1.0.0', 'gopkg.in/yy.v2 v2.4.0'], imports: ['example.com/a', 'gopkg.in/yy.v2'] },
      {
        requires: [
          'example.com/a/v2 v2.0.0',
          'example.com/usesa v1.0.0',
          'gopkg.in/yy.v2 v2.4.0',
          'gopkg.in/yy.v3 v3.0.1'
        ],
        imports: ['example.com/a/v2', 'example.com/usesa', 'gopkg.in/yy.v2', 'gopkg.in/yy.v3']
      },
      { 'max-major-upgrades': '0' }
    )
    expect(
      located(result)
        .filter(l => !l.startsWith('sum-unverified'))
        .sort()
    ).toEqual(
      [
        `sum-module-added go.sum:${lineOf(sum, 'example.com/a/v2 v2.0.0 h1:')}`,
        `sum-module-added go.sum:${lineOf(sum, 'example.com/usesa v1.0.0 h1:')}`,
        `sum-module-added go.sum:${lineOf(sum, 'gopkg.in/yy.v3 v3.0.1 h1:')}`
      ].sort()
    )
    const message = (m: string): string => result.findings.find(f => f.module === m)!.message
    expect(message('example.com/a/v2')).toMatch(/, beside example\.com\/a@v1\.0\.0, which the build still uses\./)
    expect(message('gopkg.in/yy.v3')).toMatch(/, beside gopkg\.in\/yy\.v2@v2\.4\.0, which the build still uses\./)
    // go's own judgement: head builds both majors of each family.
    const built = world.go(dir, 'list', '-deps', '-f', '{{with .Module}}{{.Path}}@{{.Version}}{{end}}', './...')
    expect(built.split('\n')).toEqual(
      expect.arrayContaining([
        'example.com/a@v1.0.0',
        'example.com/a/v2@v2.0.0',
        'gopkg.in/yy.v2@v2.4.0',
        'gopkg.in/yy.v3@v3.0.1'
      ])
    )
    // A major that replaces the one that left the build still counts.
    const moved = await drift(
      { requires: ['example.com/a v1.0.0', 'gopkg.in/yy.v2 v2.4.0'], imports: ['example.com/a', 'gopkg.in/yy.v2'] },
      {
        requires: ['example.com/a/v2 v2.0.0', 'gopkg.in/yy.v3 v3.0.1'],
        imports: ['example.com/a/v2', 'gopkg.in/yy.v3']
      },
      { 'max-major-upgrades': '1' }
    )
    expect(
      moved.result.findings
        .map(f => `${f.rule} ${f.module ?? ''}`)
        .filter(l => !l.startsWith('sum-unverified'))
        .sort()
    ).toEqual(['sum-major-upgrade example.com/a/v2', 'sum-major-upgrade gopkg.in/yy.v3', 'sum-major-upgrades-limit '])
  })

  it('a new pseudo-version requirement is sum-pseudo-version on the require line', async () => {
    const { result } = await drift(A, {
      requires: [...A.requires, `example.com/c ${PSEUDO}`],
      imports: [...A.imports, 'example.com/c']
    })
    expect(located(result)).toContain('sum-pseudo-version go.mod:8')
  })

  it('a pseudo-version warns only where a newer tagged release exists; untagged or only older tags is a notice', async () => {
    const { result } = await drift(A, {
      requires: [
        ...A.requires,
        `example.com/untagged ${PSEUDO}`,
        `example.com/oldtag ${AFTER_V1}`,
        `example.com/newtag ${AFTER_V1}`
      ],
      imports: [...A.imports, 'example.com/untagged', 'example.com/oldtag', 'example.com/newtag']
    })
    const pseudo = result.findings.filter(f => f.rule.startsWith('sum-pseudo-version'))
    expect(pseudo.map(f => `${f.rule} ${f.module} ${f.severity} ${f.file}:${f.line}`).sort()).toEqual([
      'sum-pseudo-version example.com/newtag warning go.mod:8',
      'sum-pseudo-version-untagged example.com/oldtag notice go.mod:9',
      'sum-pseudo-version-untagged example.com/untagged notice go.mod:10'
    ])
    const message = (m: string): string => pseudo.find(f => f.module === m)!.message
    expect(message('example.com/newtag')).toContain('newer than that commit: v1.1.0. Require it')
    expect(message('example.com/oldtag')).toContain('its only tagged releases (v1.0.0) are older than that commit')
    expect(message('example.com/untagged')).toContain('the module has no tagged release')
    // go's own answer: a newer release for newtag only.
    const listed = world.go(
      world.root,
      'list',
      '-m',
      '-versions',
      'example.com/newtag',
      'example.com/oldtag',
      'example.com/untagged'
    )
    expect(listed.trim().split('\n')).toEqual([
      'example.com/newtag v1.0.0 v1.1.0',
      'example.com/oldtag v1.0.0',
      'example.com/untagged'
    ])
  })

  it('a pseudo-version a dependency requires, or one the base already had a pseudo-version of, is sum-pseudo-version-inherited', async () => {
    const { result, dir } = await drift(A, {
      requires: [...A.requires, 'example.com/pdep v1.0.0'],
      imports: [...A.imports, 'example.com/pdep']
    })
    const pseudo = result.findings.filter(f => f.rule.startsWith('sum-pseudo-version'))
    expect(pseudo.map(f => `${f.rule} ${f.module}@${f.version} ${f.severity}`)).toEqual([
      `sum-pseudo-version-inherited example.com/newtag@${AFTER_V1} notice`
    ])
    expect(pseudo[0].message).toContain(
      `because example.com/pdep@v1.0.0 requires exactly that commit: minimal version selection chose it`
    )
    // go's own answer: the indirect requirement is what pdep requires.
    expect(fs.readFileSync(path.join(dir, 'go.mod'), 'utf8')).toContain(`example.com/newtag ${AFTER_V1} // indirect`)
    expect(world.go(dir, 'mod', 'graph').split('\n')).toContain(
      `example.com/pdep@v1.0.0 example.com/newtag@${AFTER_V1}`
    )

    // Above what pdep requires, the commit is this module's choice.
    const raised = await drift(A, {
      requires: [...A.requires, 'example.com/pdep v1.0.0', `example.com/newtag ${LATER}`],
      imports: [...A.imports, 'example.com/pdep']
    })
    expect(
      raised.result.findings.filter(f => f.rule.startsWith('sum-pseudo-version')).map(f => `${f.rule} ${f.version}`)
    ).toEqual([`sum-pseudo-version ${LATER}`])

    const moved = await drift(
      { requires: [...A.requires, `example.com/newtag ${AFTER_V1}`], imports: [...A.imports, 'example.com/newtag'] },
      { requires: [...A.requires, `example.com/newtag ${LATER}`], imports: [...A.imports, 'example.com/newtag'] }
    )
    const movedPseudo = moved.result.findings.filter(f => f.rule.startsWith('sum-pseudo-version'))
    expect(movedPseudo.map(f => `${f.rule} ${f.severity} ${f.file}:${f.line}`)).toEqual([
      'sum-pseudo-version-inherited notice go.mod:8'
    ])
    expect(movedPseudo[0].message).toMatch(
      /^example\.com\/newtag moved from the pseudo-version v1\.0\.1-0\.20240101000000-abcdefabcdef to v1\.0\.1-0\.20240201000000-bcdefabcdef0/
    )
  })

  it('a pseudo-version whose tags cannot be listed keeps the warning and says so', async () => {
    const list = path.join(world.proxyDir, 'example.com/unlisted/@v/list')
    const { result } = await drift(A, {
      requires: [...A.requires, `example.com/unlisted ${PSEUDO}`],
      imports: [...A.imports, 'example.com/unlisted'],
      editSum: s => (fs.rmSync(list), s)
    })
    try {
      const pseudo = result.findings.filter(f => f.rule.startsWith('sum-pseudo-version'))
      expect(pseudo.map(f => `${f.rule} ${f.severity}`)).toEqual(['sum-pseudo-version warning'])
      expect(pseudo[0].message).toMatch(/its tagged releases could not be listed \(.*list.*\)/)
    } finally {
      fs.writeFileSync(list, `${PSEUDO}\n`)
    }
  })

  it('a module that leaves the build beside an older /go.mod line is removed, not downgraded (go-difflib)', async () => {
    const { result, sum, dir } = await drift(
      {
        requires: [...A.requires, 'example.com/dep v1.0.0', `example.com/difflib ${AFTER_V1}`],
        imports: [...A.imports, 'example.com/dep', 'example.com/difflib']
      },
      { requires: [...A.requires, 'example.com/dep v1.0.0'], imports: [...A.imports, 'example.com/dep'] }
    )
    // The shape: head's go.sum keeps only the older /go.mod line of difflib.
    expect(sum.split('\n').filter(l => l.startsWith('example.com/difflib '))).toEqual([
      expect.stringMatching(/^example\.com\/difflib v1\.0\.0\/go\.mod h1:/)
    ])
    expect(located(result).filter(l => !l.startsWith('sum-unverified'))).toEqual(['sum-module-removed go.sum:1'])
    expect(result.findings[0].message).toMatch(
      /^example\.com\/difflib@v1\.0\.1-0\.20240101000000-abcdefabcdef left the build/
    )
    // go's own judgement: no package of difflib is built at head.
    const built = world.go(dir, 'list', '-deps', '-f', '{{with .Module}}{{.Path}}{{end}}', './...')
    expect(built.split('\n')).not.toContain('example.com/difflib')
    expect(built.split('\n')).toContain('example.com/dep')
  })

  it('a module only the module graph reads (a new /go.mod line) is not added; its requirer is', async () => {
    const { result, sum } = await drift(A, {
      requires: [...A.requires, 'example.com/dep v1.0.0'],
      imports: [...A.imports, 'example.com/dep']
    })
    expect(sum).toMatch(/^example\.com\/graph v1\.0\.0\/go\.mod h1:/m)
    expect(sum).not.toMatch(/^example\.com\/graph v1\.0\.0 h1:/m)
    expect(located(result).filter(l => !l.startsWith('sum-unverified'))).toEqual([
      `sum-module-added go.sum:${lineOf(sum, 'example.com/dep v1.0.0 h1:')}`
    ])
  })

  it('a replace directive is what the build uses: a downgrade through it is a downgrade, a replaced pseudo-version is no finding', async () => {
    const { result, sum, dir } = await drift(
      { requires: ['example.com/a v1.1.0'], imports: ['example.com/a'] },
      {
        requires: ['example.com/a v1.1.0', `example.com/oldtag ${AFTER_V1}`],
        imports: ['example.com/a', 'example.com/oldtag'],
        extra:
          '\nreplace (\n\texample.com/a => example.com/a v1.0.0\n\texample.com/oldtag => example.com/oldtag v1.0.0\n)\n'
      }
    )
    expect(
      located(result)
        .filter(l => !l.startsWith('sum-unverified'))
        .sort()
    ).toEqual([
      `sum-module-added go.sum:${lineOf(sum, 'example.com/oldtag v1.0.0 h1:')}`,
      `sum-module-downgraded go.sum:${lineOf(sum, 'example.com/a v1.0.0 h1:')}`
    ])
    expect(result.findings.find(f => f.rule === 'sum-module-downgraded')!.message).toMatch(
      /^example\.com\/a was downgraded from v1\.1\.0 to v1\.0\.0\./
    )
    // go's own judgement: the build uses the replacements' versions.
    expect(
      world.go(dir, 'list', '-m', '-f', '{{.Path}} {{.Replace.Version}}', 'example.com/a', 'example.com/oldtag')
    ).toBe('example.com/a v1.0.0\nexample.com/oldtag v1.0.0\n')
  })

  it('a replace of the required version wins over one of all versions, wherever it is written', async () => {
    const { result, sum, dir } = await drift(
      { requires: ['example.com/a v1.1.0'], imports: ['example.com/a'] },
      {
        requires: ['example.com/a v1.1.0'],
        imports: ['example.com/a'],
        extra:
          '\nreplace example.com/a => example.com/a v1.1.0\n\nreplace example.com/a v1.1.0 => example.com/a v1.0.0\n'
      }
    )
    expect(located(result).filter(l => !l.startsWith('sum-unverified'))).toEqual([
      `sum-module-downgraded go.sum:${lineOf(sum, 'example.com/a v1.0.0 h1:')}`
    ])
    expect(world.go(dir, 'list', '-m', '-f', '{{.Replace.Version}}', 'example.com/a')).toBe('v1.0.0\n')
  })

  it('thresholds: each limit finding lists the modules that count toward it', async () => {
    const { result } = await drift(
      A,
      {
        requires: ['example.com/a/v2 v2.0.0', 'example.com/b v1.2.0', 'example.com/c v1.0.0'],
        imports: ['example.com/a/v2', 'example.com/b', 'example.com/c']
      },
      { 'max-new-modules': '0', 'max-updated-modules': '0', 'max-major-upgrades': '0' }
    )
    const limits = result.findings.filter(f => f.rule.endsWith('-limit'))
    expect(limits.map(f => `${f.rule} ${f.file}:${f.line}`)).toEqual([
      'sum-major-upgrades-limit go.sum:1',
      'sum-new-modules-limit go.sum:1'
    ])
    expect(limits[1].message).toMatch(
      /^1 module counts toward max-new-modules, more than the 0 allowed: example\.com\/c@v1\.0\.0\./
    )
    expect(limits[0].message).toContain('example.com/a/v2@v2.0.0')
    const updated = await drift(
      A,
      { requires: ['example.com/a v1.1.0', 'example.com/b v1.2.0'], imports: A.imports },
      { 'max-updated-modules': '0' }
    )
    const updatedLimit = updated.result.findings.filter(f => f.rule === 'sum-updated-modules-limit')
    expect(updatedLimit.map(f => `${f.file}:${f.line}`)).toEqual(['go.sum:1'])
    expect(updatedLimit[0].message).toContain('example.com/a@v1.0.0->v1.1.0')
    const within = await drift(
      A,
      { requires: [...A.requires, 'example.com/c v1.0.0'], imports: [...A.imports, 'example.com/c'] },
      { 'max-new-modules': '1' }
    )
    expect(within.result.findings.filter(f => f.rule.endsWith('-limit'))).toEqual([])
  })

  it('a go.sum line whose module path is an option is sum-unverified-hash, and never reaches go', async () => {
    const args = path.join(world.root, 'go-args.txt')
    const goBinary = path.join(world.root, 'go-logging-args')
    fs.writeFileSync(goBinary, `#!/bin/sh\nprintf '%s\\n' "$@" >> '${args}'\nexec '${GO_BIN}' "$@"\n`, { mode: 0o755 })
    const hostile = '-modfile=/tmp/pwned/go.mod v1.0.0 h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='
    const { result, sum } = await drift(A, { ...A, editSum: s => `${s}${hostile}\n` }, { 'go-binary': goBinary })
    const line = lineOf(sum, '-modfile=')
    expect(located(result)).toContain(`sum-unverified-hash go.sum:${line}`)
    expect(result.findings.find(f => f.rule === 'sum-unverified-hash')!.message).toMatch(
      /malformed module path "-modfile=\/tmp\/pwned\/go.mod": leading dash\), so it was not checked/
    )
    expect(fs.readFileSync(args, 'utf8')).toMatch(/^mod$/m)
    expect(fs.readFileSync(args, 'utf8')).not.toContain('pwned')
  })

  it('a brand-new module with a tampered hash is caught by the database', async () => {
    const { result, sum } = await drift(A, {
      requires: [...A.requires, 'example.com/c v1.0.0'],
      imports: [...A.imports, 'example.com/c'],
      editSum: s => s.replace(/^(example\.com\/c v1\.0\.0 h1:)\S+/m, '$1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=')
    })
    expect(located(result)).toContain(`sum-unverified-hash go.sum:${lineOf(sum, 'example.com/c v1.0.0 h1:')}`)
    expect(located(result).filter(l => l.startsWith('sum-hash-changed'))).toEqual([])
  })

  it('a database that disagrees with what the proxy serves is sum-unverified-hash', async () => {
    const liar = await SumDB.start(
      truth.replace(/^(example\.com\/c v1\.0\.0 h1:)\S+/m, '$1BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=')
    )
    try {
      const { result, sum } = await drift(
        A,
        { requires: [...A.requires, 'example.com/c v1.0.0'], imports: [...A.imports, 'example.com/c'] },
        {},
        { GOSUMDB: liar.gosumdb }
      )
      expect(located(result)).toContain(`sum-unverified-hash go.sum:${lineOf(sum, 'example.com/c v1.0.0 h1:')}`)
      expect(result.findings.find(f => f.rule === 'sum-unverified-hash')!.message).toMatch(
        /disagrees with the checksum database|records/
      )
    } finally {
      liar.stop()
    }
  })

  it('one lying answer does not taint the other new modules (go stops at the first mismatch)', async () => {
    const liar = await SumDB.start(
      truth.replace(/^(example\.com\/a v1\.1\.0 h1:)\S+/m, '$1BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=')
    )
    try {
      const { result, sum } = await drift(
        { requires: ['example.com/b v1.2.0'], imports: ['example.com/b'] },
        {
          requires: ['example.com/a v1.1.0', 'example.com/b v1.2.0', 'example.com/c v1.0.0'],
          imports: ['example.com/a', 'example.com/b', 'example.com/c']
        },
        {},
        { GOSUMDB: liar.gosumdb }
      )
      expect(
        located(result)
          .filter(l => l.startsWith('sum-unverified-hash'))
          .sort()
      ).toEqual(
        [
          `sum-unverified-hash go.sum:${lineOf(sum, 'example.com/a v1.1.0 h1:')}`,
          `sum-unverified-hash go.sum:${lineOf(sum, 'example.com/a v1.1.0/go.mod')}`
        ].sort()
      )
    } finally {
      liar.stop()
    }
  })

  it('a database that is down fails closed', async () => {
    const down = await SumDB.start(truth)
    down.stop()
    const { result } = await drift(
      A,
      { requires: [...A.requires, 'example.com/c v1.0.0'], imports: [...A.imports, 'example.com/c'] },
      {},
      { GOSUMDB: down.gosumdb }
    )
    const unverified = result.findings.filter(f => f.rule === 'sum-unverified-hash')
    expect(unverified.length).toBeGreaterThan(0)
    expect(unverified[0].message).toMatch(/could not be checked against the checksum database .*fail closed/)
  })

  it('a version the proxy cannot serve was never put to the database: one finding per module@version, none beside verify', async () => {
    const served = (m: string, file: string): string => path.join(world.proxyDir, m, '@v', file)
    const hidden = [
      served('example.com/gone', 'v1.0.0.info'),
      served('example.com/gone', 'v1.0.0.mod'),
      served('example.com/gone', 'v1.0.0.zip'),
      served('example.com/nozip', 'v1.0.0.zip')
    ]
    const saved = hidden.map(f => [f, fs.readFileSync(f)] as const)
    const head = {
      requires: [...A.requires, 'example.com/gone v1.0.0', 'example.com/nozip v1.0.0'],
      imports: [...A.imports, 'example.com/gone', 'example.com/nozip'],
      editSum: (s: string): string => (hidden.forEach(f => fs.rmSync(f, { force: true })), s)
    }
    // A module cache that never held them, so go must ask the proxy.
    const freshCache = (): Record<string, string> => ({ GOMODCACHE: world.dir(`modcache-${cases}`) })
    try {
      const alone = await drift(A, head, {}, freshCache())
      const lines = (m: string): { h1: number; goMod: number } => ({
        h1: lineOf(alone.sum, `${m} v1.0.0 h1:`),
        goMod: lineOf(alone.sum, `${m} v1.0.0/go.mod h1:`)
      })
      const unverified = alone.result.findings.filter(f => f.rule === 'sum-unverified-hash')
      expect(unverified.map(f => `${f.module} ${f.file}:${f.line} ${JSON.stringify(f.also ?? [])}`).sort()).toEqual([
        `example.com/gone go.sum:${lines('example.com/gone').h1} ${JSON.stringify([{ file: 'go.sum', line: lines('example.com/gone').goMod }])}`,
        // The database vouched for nozip's go.mod before its zip failed.
        `example.com/nozip go.sum:${lines('example.com/nozip').h1} []`
      ])
      for (const f of unverified) {
        expect(f.message).toMatch(
          /^example\.com\/\w+@v1\.0\.0 could not be fetched from the module proxy, so the checksum database .* was not consulted/
        )
        expect(f.message).not.toMatch(/database reachable/)
      }
      // With the verify step, what its mod-download-failed reports is not said again: one finding
      // each (go's download for verify stops at gone's missing go.mod and never tries nozip).
      const both = await drift(A, head, { checks: 'verify,sum-drift' }, freshCache())
      expect(
        both.result.findings
          .filter(f => f.rule === 'mod-download-failed' || f.rule === 'sum-unverified-hash')
          .map(f => `${f.rule} ${f.module}`)
          .sort()
      ).toEqual(['mod-download-failed example.com/gone', 'sum-unverified-hash example.com/nozip'])
      // Two modules in scope with the same new lines: still one finding for gone, on all of them.
      const repo = world.dir(`two-modules-${++cases}`)
      const writeBoth = (s: { requires: string[]; imports: string[] }): void => {
        for (const name of ['one', 'two']) {
          const dir = world.dir(path.join(path.basename(repo), name), {
            'go.mod': goMod(s.requires).replace('example.com/app', `example.com/${name}`),
            'main.go': mainGo(s.imports)
          })
          world.go(dir, 'mod', 'tidy')
        }
      }
      writeBoth(A)
      const sha = world.commitAll(repo, 'base')
      writeBoth({ requires: [...A.requires, 'example.com/gone v1.0.0'], imports: [...A.imports, 'example.com/gone'] })
      world.commitAll(repo, 'head')
      const twice = await gate({ env: { ...world.env, ...freshCache() } }, repo, {
        checks: 'sum-drift',
        'base-ref': sha
      })
      const gone = twice.findings.filter(f => f.rule === 'sum-unverified-hash')
      const sumText = fs.readFileSync(path.join(repo, 'one/go.sum'), 'utf8')
      const goneLines = [
        lineOf(sumText, 'example.com/gone v1.0.0 h1:'),
        lineOf(sumText, 'example.com/gone v1.0.0/go.mod')
      ]
      expect(gone.map(f => [{ file: f.file, line: f.line }, ...(f.also ?? [])])).toEqual([
        ['one', 'two'].flatMap(name => goneLines.map(line => ({ file: `${name}/go.sum`, line })))
      ])
      // go's own answer: neither error is the database's ("verifying ..."); nozip's go.mod was vouched.
      const asked = spawnSync(
        GO_BIN,
        ['mod', 'download', '-json', 'example.com/gone@v1.0.0', 'example.com/nozip@v1.0.0'],
        {
          cwd: world.dir('outside'),
          env: { ...world.env, ...freshCache(), GOSUMDB: db.gosumdb },
          encoding: 'utf8'
        }
      )
      const answers = JSON.parse(`[${asked.stdout.replace(/}\s*{/g, '},{')}]`) as {
        Error: string
        GoModSum?: string
      }[]
      expect(answers.map(a => a.Error)).toEqual([
        expect.stringMatching(/^example\.com\/gone@v1\.0\.0: reading .*v1\.0\.0\.info/),
        expect.stringMatching(/^example\.com\/nozip@v1\.0\.0: reading .*v1\.0\.0\.zip/)
      ])
      expect(answers[1].GoModSum).toMatch(/^h1:/)
    } finally {
      for (const [f, bytes] of saved) fs.writeFileSync(f, bytes)
    }
  })

  it('GOSUMDB=off leaves new lines unverified; GONOSUMDB-exempt modules get a notice instead', async () => {
    const off = await drift(
      A,
      { requires: [...A.requires, 'example.com/c v1.0.0'], imports: [...A.imports, 'example.com/c'] },
      {},
      { GOSUMDB: 'off' }
    )
    expect(off.result.findings.filter(f => f.rule === 'sum-unverified-hash').map(f => f.message)[0]).toMatch(
      /GOSUMDB=off/
    )
    const priv = await drift(
      A,
      { requires: [...A.requires, 'private.example/p v1.0.0'], imports: [...A.imports, 'private.example/p'] },
      {},
      { GONOSUMDB: 'private.example' }
    )
    expect(located(priv.result).filter(l => !l.startsWith('sum-module-added'))).toEqual(['step-skipped go.sum:1'])
    expect(priv.result.findings.find(f => f.rule === 'step-skipped')!.message).toMatch(
      /GONOSUMDB\/GOPRIVATE exempts them: private\.example\/p v1\.0\.0/
    )
    // The drift was judged; the exemption notice beside it does not make the step a skip.
    expect((await drift(A, A, {}, { GONOSUMDB: 'private.example' })).result.steps[0].status).toBe('passed')
    // The drift was judged: the exemption notice alone beside it does not make the step a skip.
    const judged = await drift(
      A,
      { requires: [...A.requires, 'private.example/p v1.0.0'], imports: [...A.imports, 'private.example/p'] },
      { rules: 'sum-module-added: off' },
      { GONOSUMDB: 'private.example' }
    )
    expect(located(judged.result)).toEqual(['step-skipped go.sum:1'])
    expect(judged.result.steps[0].status).toBe('passed')
  })

  it('with no base it says how to enable the check', async () => {
    const dir = world.dir('no-base', { 'go.mod': goMod(['example.com/a v1.0.0']) })
    const result = await gate(world, dir, { checks: 'sum-drift' })
    expect(located(result)).toEqual(['step-skipped go.sum:1'])
    expect(result.findings[0].fix).toMatch(/set base-ref/)
    expect(result.steps[0].status).toBe('skipped')
  })

  it('a go.sum new at head is all additions; a deleted one is all removals', async () => {
    const dir = world.dir('new-sum', { 'go.mod': 'module example.com/app\n\ngo 1.21\n' })
    const sha = world.commitAll(dir, 'no deps')
    fs.writeFileSync(path.join(dir, 'go.mod'), goMod(['example.com/a v1.0.0']))
    fs.writeFileSync(path.join(dir, 'main.go'), mainGo(['example.com/a']))
    world.go(dir, 'mod', 'tidy')
    const head = world.commitAll(dir, 'deps')
    const added = await gate(world, dir, { checks: 'sum-drift', 'base-ref': sha })
    expect(located(added).filter(l => !l.startsWith('sum-unverified'))).toEqual(['sum-module-added go.sum:1'])
    fs.rmSync(path.join(dir, 'go.sum'))
    fs.rmSync(path.join(dir, 'main.go'))
    fs.writeFileSync(path.join(dir, 'go.mod'), 'module example.com/app\n\ngo 1.21\n')
    world.commitAll(dir, 'drop deps')
    const removed = await gate(world, dir, { checks: 'sum-drift', 'base-ref': head })
    expect(located(removed)).toEqual(['sum-module-removed go.mod:1'])
  })

  it('on a shallow clone it fetches the missing base commit, and blocks saying fetch-depth: 0 when it cannot', async () => {
    const origin = world.dir('origin')
    fs.writeFileSync(path.join(origin, 'go.mod'), goMod(A.requires))
    fs.writeFileSync(path.join(origin, 'main.go'), mainGo(A.imports))
    world.go(origin, 'mod', 'tidy')
    const base = world.commitAll(origin, 'base')
    fs.writeFileSync(path.join(origin, 'go.mod'), goMod(['example.com/a v1.1.0', 'example.com/b v1.2.0']))
    world.go(origin, 'mod', 'tidy')
    world.commitAll(origin, 'head')
    const clone = path.join(world.root, 'shallow')
    world.git(world.root, 'clone', '-q', '--depth=1', `file://${origin}`, clone)
    expect(() => world.git(clone, 'cat-file', '-e', `${base}^{commit}`)).toThrow()
    const refs = world.git(clone, 'for-each-ref')
    const result = await gate(world, clone, { checks: 'sum-drift', 'base-ref': base })
    // The base is fetched into FETCH_HEAD only, deepening only what was shallow.
    expect(world.git(clone, 'for-each-ref')).toBe(refs)
    expect(world.git(clone, 'rev-parse', '--is-shallow-repository').trim()).toBe('true')
    expect(located(result).filter(l => l.startsWith('sum-module'))).toEqual([
      `sum-module-upgraded go.sum:${lineOf(fs.readFileSync(path.join(clone, 'go.sum'), 'utf8'), 'example.com/a v1.1.0 h1:')}`
    ])

    world.git(clone, 'remote', 'remove', 'origin')
    const missing = await gate(world, clone, {
      checks: 'sum-drift',
      'base-ref': '0123456789abcdef0123456789abcdef01234567'
    })
    expect(located(missing)).toEqual(['step-skipped go.sum:1'])
    expect(missing.findings[0].fix).toMatch(/fetch-depth: 0/)
    // A base that was named but cannot be had blocks: a tampered hash must not pass for want of it.
    expect(missing.findings[0].severity).toBe('error')
    expect(missing.blocking).toBe(1)
    // Naming no base is a notice.
    const unnamed = await gate(world, clone, { checks: 'sum-drift' })
    expect(unnamed.findings.map(f => `${f.rule} ${f.severity}`)).toEqual(['step-skipped notice'])
    expect(unnamed.blocking).toBe(0)
  })

  it('a base named outside a git checkout blocks; with none named it is a notice', async () => {
    const dir = world.dir('no-git', { 'go.mod': 'module example.com/app\n\ngo 1.21\n' })
    expect(() => world.git(dir, 'rev-parse', '--is-inside-work-tree')).toThrow()
    const named = await gate(world, dir, { checks: 'sum-drift', 'base-ref': 'main' })
    expect(named.findings.map(f => `${f.rule} ${f.severity}`)).toEqual(['step-skipped error'])
    expect(named.findings[0].message).toMatch(/is not a git repository, so the base commit main cannot be read/)
    expect(named.blocking).toBe(1)
    const unnamed = await gate(world, dir, { checks: 'sum-drift' })
    expect(unnamed.findings.map(f => `${f.rule} ${f.severity}`)).toEqual(['step-skipped notice'])
  })

  it('only-new reports only replace directives absent from the base commit', async () => {
    const dir = world.dir('only-new', {
      'go.mod': 'module example.com/app\n\ngo 1.21\n\nreplace example.com/old => ./old\n'
    })
    const sha = world.commitAll(dir, 'base')
    fs.appendFileSync(path.join(dir, 'go.mod'), 'replace example.com/new => ./new\n')
    world.commitAll(dir, 'head')
    expect(located(await gate(world, dir, { checks: 'replace', 'base-ref': sha, 'only-new': 'true' }))).toEqual([
      'replace-local-path go.mod:6'
    ])
    expect(located(await gate(world, dir, { checks: 'replace', 'base-ref': sha }))).toEqual([
      'replace-local-path go.mod:5',
      'replace-local-path go.mod:6'
    ])
    expect(located(await gate(world, dir, { checks: 'replace', 'only-new': 'true' }))).toEqual([
      'replace-local-path go.mod:5',
      'replace-local-path go.mod:6',
      'step-skipped go.mod:1'
    ])
  })
})

describe('Go version order', () => {
  it('sorts versions exactly as go list -m -versions does', async () => {
    const { compare } = await import('../src/go/semver.js')
    const versions = [
      'v1.0.0-rc.1',
      'v1.0.0-beta.2',
      'v1.0.0-beta.10',
      'v1.0.0-alpha',
      'v1.0.0',
      'v1.0.1',
      'v1.10.0',
      'v1.2.0',
      'v1.2.0-pre',
      'v1.9.9',
      'v0.9.0',
      'v1.0.0-rc.1.1'
    ]
    const world = new GoWorld(versions.map(version => ({ path: 'example.com/v', version })))
    try {
      const dir = world.dir('m', { 'go.mod': 'module example.com/m\n\ngo 1.21\n' })
      const listed = world.go(dir, 'list', '-m', '-versions', 'example.com/v').trim().split(' ').slice(1)
      expect(listed).toHaveLength(versions.length)
      expect([...versions].sort(compare)).toEqual(listed)
    } finally {
      world.cleanup()
    }
  })
})
