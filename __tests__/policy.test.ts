/**
 * Policy past integrity: deny-modules, retracted and deprecated requirements, tidiness. The
 * parsers on their own, then the gate on the real go command over a file:// proxy whose modules
 * retract a version and deprecate themselves.
 */
import * as fs from 'node:fs'
import * as net from 'node:net'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ConfigError, parseConfig } from '../src/config.js'
import { findDenyingRule, parseDenyModules } from '../src/deny-modules.js'
import { parseTidyDiff } from '../src/go/tidy.js'
import { annotationMessage } from '../src/report/annotations.js'
import { MisbehavingProxy } from './fixtures/misbehaving-server.js'
import { GoWorld } from './fixtures/workspace.js'
import { gate, located } from './helpers/gate.js'
import { GO_BIN, loggingGo } from './helpers/go.js'
import { runAction } from './helpers/runner.js'

describe('deny-modules patterns', () => {
  const rules = parseDenyModules(
    [
      '# comments and blank lines are skipped',
      '',
      'github.com/old/*@<v1.2.3 # CVE-2024-0001',
      'example.com/**@>=v2.0.0,<v3.0.0',
      'example.com/pinned@v1.4.*  # only 1.4 is broken',
      'example.com/exact@=v1.0.0',
      'gopkg.in/yaml.v2'
    ].join('\n')
  )
  const denied = (p: string, v: string): string | undefined => findDenyingRule(rules, p, v)?.pattern

  it('reads the glob, the constraint, the reason and the line', () => {
    expect(rules.map(r => [r.line, r.pattern, r.reason])).toEqual([
      [3, 'github.com/old/*@<v1.2.3', 'CVE-2024-0001'],
      [4, 'example.com/**@>=v2.0.0,<v3.0.0', ''],
      [5, 'example.com/pinned@v1.4.*', 'only 1.4 is broken'],
      [6, 'example.com/exact@=v1.0.0', ''],
      [7, 'gopkg.in/yaml.v2', '']
    ])
  })

  it('matches * within a path element and ** across, as allow-replace does', () => {
    expect(denied('github.com/old/x', 'v1.0.0')).toBe('github.com/old/*@<v1.2.3')
    expect(denied('github.com/old/x/v2', 'v1.0.0')).toBeUndefined()
    expect(denied('example.com/a/b/c', 'v2.5.0')).toBe('example.com/**@>=v2.0.0,<v3.0.0')
    expect(denied('gopkg.in/yaml.v2', 'v2.4.0')).toBe('gopkg.in/yaml.v2')
    expect(denied('gopkg.in/yaml.v3', 'v3.0.1')).toBeUndefined()
  })

  it('orders versions as go does: pseudo-versions before their release, +incompatible by its version', () => {
    // v1.2.3-0.2024... is a pseudo-version based on v1.2.2: before v1.2.3.
    expect(denied('github.com/old/x', 'v1.2.3-0.20240101000000-abcdefabcdef')).toBeDefined()
    expect(denied('github.com/old/x', 'v1.2.3-rc.1')).toBeDefined()
    expect(denied('github.com/old/x', 'v1.2.3')).toBeUndefined()
    expect(denied('github.com/old/x', 'v1.10.0')).toBeUndefined()
    expect(denied('example.com/inc', 'v2.0.0+incompatible')).toBeDefined()
    expect(denied('example.com/inc', 'v3.0.0+incompatible')).toBeUndefined()
    expect(denied('example.com/inc', 'v3.0.0-0.20240101000000-abcdefabcdef')).toBeDefined()
  })

  it('reads vN.M.* as a minor series and =v / v as one version', () => {
    expect(denied('example.com/pinned', 'v1.4.0')).toBeDefined()
    expect(denied('example.com/pinned', 'v1.4.9-0.20240101000000-abcdefabcdef')).toBeDefined()
    expect(denied('example.com/pinned', 'v1.40.0')).toBeUndefined()
    expect(denied('example.com/pinned', 'v1.5.0')).toBeUndefined()
    expect(denied('example.com/exact', 'v1.0.0')).toBeDefined()
    expect(denied('example.com/exact', 'v1.0.1')).toBeUndefined()
  })

  it('a constraint never matches a module without a version (a directory replacement)', () => {
    expect(denied('github.com/old/x', '')).toBeUndefined()
    expect(denied('gopkg.in/yaml.v2', '')).toBe('gopkg.in/yaml.v2')
  })

  it.each([
    ['example.com/x@<1.2.3', 'line 1', '<1.2.3'],
    ['example.com/x@~v1.2.3', 'line 1', '~v1.2.3'],
    ['ok.example/y\nexample.com/x@v1.*.3', 'line 2', 'v1.*.3'],
    ['example.com/[x', 'line 1', '[x'],
    ['example.com/x y', 'line 1', 'example.com/x y'],
    ['@v1.0.0 # no path', 'line 1', '@v1.0.0']
  ])('rejects %j as a ConfigError naming the line', (text, line, value) => {
    let error: unknown
    try {
      parseConfig({ 'deny-modules': text }, '/repo')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toContain('"deny-modules"')
    expect((error as Error).message).toContain(line)
    expect((error as Error).message).toContain(value)
  })
})

describe('go mod tidy -diff parsing', () => {
  // What go 1.26 prints for a go.mod with an unused requirement, a misplaced one and a missing go.sum hash.
  const diff = [
    'diff current/go.mod tidy/go.mod',
    '--- current/go.mod',
    '+++ tidy/go.mod',
    '@@ -3,7 +3,6 @@',
    ' go 1.21',
    ' ',
    ' require (',
    '-\texample.com/r v1.0.0',
    ' \texample.com/d v1.0.0',
    '-\texample.com/ok v1.0.0',
    '+\texample.com/r v1.0.0',
    ' )',
    '@@ -12,3 +11,3 @@',
    ' require (',
    '-\texample.com/x v1.0.0 // indirect',
    '+\texample.com/x v1.0.0',
    ' )',
    '',
    'diff current/go.sum tidy/go.sum',
    '--- current/go.sum',
    '+++ tidy/go.sum',
    '@@ -1,3 +1,4 @@',
    '+example.com/d v1.0.0 h1:OR6ChwerPWBAWFf+Ds50PNBNqhzRGTFfdGWBrGWersU=',
    ' example.com/d v1.0.0/go.mod h1:oQUvEXcIVXkIpFTz59alIOVcQXX6PD/PiDhSmZwOITU=',
    '-example.com/ok v1.0.0/go.mod h1:bFSnY2uzmifxCV7NElUfg7v9T395uB534Z9bVOjxKCw=',
    ' example.com/r v1.0.0/go.mod h1:+4cz1K9UqI5KVyYtRq9vNEIN6rTcfuzLcZUMUJp2sCs=',
    '',
    'diff current/go.sum tidy/go.sum',
    '--- current/go.sum',
    '+++ tidy/go.sum',
    '@@ -0,0 +1,1 @@',
    '+example.com/e v1.0.0/go.mod h1:AAAA',
    ''
  ].join('\n')

  it('takes a line that differs only in its CRLF ending as unchanged, a duplicate as removed', () => {
    const crlf = [
      'diff current/go.sum tidy/go.sum',
      '@@ -1,2 +1,1 @@',
      '-a v1 h1:x\r',
      '-a v1 h1:x\r',
      '+a v1 h1:x',
      ''
    ].join('\n')
    expect(parseTidyDiff(crlf)).toEqual([{ file: 'go.sum', action: 'remove', line: 2, before: 'a v1 h1:x\r' }])
  })

  it('locates removed, changed and moved lines in the current file, added ones at the next line', () => {
    expect(parseTidyDiff(diff).map(c => `${c.file}:${c.line} ${c.action}`)).toEqual([
      'go.mod:6 move',
      'go.mod:8 remove',
      'go.mod:13 change',
      'go.sum:1 add',
      'go.sum:1 add',
      'go.sum:2 remove'
    ])
  })
})

const PROXY = [
  // go 1.16: an unpruned graph, so the app's go.sum hashes banned's go.mod.
  {
    path: 'example.com/lib',
    version: 'v1.0.0',
    goMod: 'module example.com/lib\n\ngo 1.16\n\nrequire example.com/banned v1.2.0\n'
  },
  { path: 'example.com/banned', version: 'v1.2.0' },
  // go 1.21: a pruned graph, so neither go.mod nor go.sum of the app name bannedtoo.
  {
    path: 'example.com/libp',
    version: 'v1.0.0',
    goMod: 'module example.com/libp\n\ngo 1.21\n\nrequire example.com/bannedtoo v1.0.0\n'
  },
  { path: 'example.com/bannedtoo', version: 'v1.0.0' },
  { path: 'example.com/old', version: 'v1.3.0' },
  { path: 'example.com/fresh', version: 'v1.0.0' },
  { path: 'example.com/retracted', version: 'v1.0.0' },
  {
    path: 'example.com/retracted',
    version: 'v1.1.0',
    goMod: 'module example.com/retracted\n\ngo 1.21\n\n// leaks credentials to stdout\nretract v1.0.0\n'
  },
  // A fork of example.com/old: a module-path replacement declares the path it replaces.
  {
    path: 'example.com/fork',
    version: 'v1.0.0',
    goMod: 'module example.com/old\n\ngo 1.21\n',
    files: { 'old.go': 'package old\n' }
  },
  // Another module's text reaches the findings: it must not turn into a workflow command.
  {
    path: 'example.com/loud',
    version: 'v1.0.0',
    goMod: '// Deprecated: moved%0A::error::pwned\nmodule example.com/loud\n\ngo 1.21\n'
  },
  {
    path: 'example.com/deprecated',
    version: 'v1.0.0',
    goMod: '// Deprecated: use example.com/fresh instead.\nmodule example.com/deprecated\n\ngo 1.21\n'
  }
]

function goMod(requires: string[]): string {
  return `module example.com/app\n\ngo 1.21\n\nrequire (\n${requires.map(r => `\t${r}\n`).join('')})\n`
}

function mainGo(imports: string[]): string {
  return `package main\n\nimport (\n${imports.map(i => `\t_ "${i}"\n`).join('')})\n\nfunc main() {}\n`
}

/** A port nothing listens on: a proxy that cannot be reached. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise(resolve => server.close(resolve))
  return port
}

describe('policy on the real go command', () => {
  let world: GoWorld
  let cases = 0

  beforeAll(() => {
    world = new GoWorld(PROXY)
  })
  afterAll(() => world.cleanup())

  /** A tidy module requiring `imports` (each one's version from the proxy list), committed. */
  function app(
    imports: string[],
    edit: (files: { goMod: string; goSum: string }) => Partial<{ goMod: string; goSum: string }> = () => ({}),
    extra = ''
  ) {
    const dir = world.dir(`app-${++cases}`)
    // The first version the proxy has of each: example.com/retracted@v1.0.0 is the retracted one.
    const versions = new Map([...PROXY].reverse().map(m => [m.path, m.version] as const))
    fs.writeFileSync(path.join(dir, 'go.mod'), goMod(imports.map(i => `${i} ${versions.get(i)}`)) + extra)
    fs.writeFileSync(path.join(dir, 'main.go'), mainGo(imports))
    world.go(dir, 'mod', 'tidy')
    const files = {
      goMod: fs.readFileSync(path.join(dir, 'go.mod'), 'utf8'),
      goSum: fs.readFileSync(path.join(dir, 'go.sum'), 'utf8')
    }
    const edited = { ...files, ...edit(files) }
    fs.writeFileSync(path.join(dir, 'go.mod'), edited.goMod)
    fs.writeFileSync(path.join(dir, 'go.sum'), edited.goSum)
    world.commitAll(dir, 'app')
    return { dir, ...edited }
  }
  const lineOf = (text: string, needle: string): number => text.split('\n').findIndex(l => l.includes(needle)) + 1

  describe('mod-denied', () => {
    it('reports a denied module on its require line, its go.sum line, or the requirement that brings it in', async () => {
      const { dir, goMod: mod, goSum } = app(['example.com/lib', 'example.com/libp', 'example.com/old'])
      expect(mod).not.toContain('example.com/banned')
      expect(goSum).not.toContain('example.com/bannedtoo')
      const result = await gate(world, dir, {
        checks: 'verify',
        'deny-modules':
          'example.com/old@<v2.0.0 # abandoned: use example.com/fresh\nexample.com/ban*\nexample.com/lib@>=v1.1.0'
      })
      expect(located(result)).toEqual([
        `mod-denied go.mod:${lineOf(mod, 'example.com/libp v')}`,
        `mod-denied go.mod:${lineOf(mod, 'example.com/old v')}`,
        `mod-denied go.sum:${lineOf(goSum, 'example.com/banned v1.2.0/go.mod')}`
      ])
      const message = (m: string): string => result.findings.find(f => f.module === m)!.message
      expect(message('example.com/old')).toContain(
        'denied by deny-modules line 1 "example.com/old@<v2.0.0" (abandoned: use example.com/fresh)'
      )
      expect(message('example.com/bannedtoo')).toContain('required through example.com/libp@v1.0.0')
      expect(result.findings.find(f => f.module === 'example.com/old')!.version).toBe('v1.3.0')
      expect(world.git(dir, 'status', '--porcelain')).toBe('')
    })

    it('judges the module a replacement brings in', async () => {
      const { dir, goMod: mod } = app(
        ['example.com/old'],
        () => ({}),
        'replace example.com/old => example.com/fork v1.0.0\n'
      )
      const result = await gate(world, dir, { checks: 'verify', 'deny-modules': 'example.com/fork # unreviewed fork' })
      expect(located(result)).toEqual([`mod-denied go.mod:${lineOf(mod, 'example.com/old v')}`])
      expect(result.findings[0].message).toMatch(/example\.com\/fork@v1\.0\.0, which replaces example\.com\/old,/)
    })

    it('judges go.mod’s requirements when go cannot list the build list, and says so', async () => {
      const { dir, goMod: mod } = app(['example.com/old'], ({ goMod: m }) => ({
        goMod: m.replace('go 1.21', 'go 1.999')
      }))
      const result = await gate(world, dir, { checks: 'verify', 'deny-modules': 'example.com/old' })
      // The rest of verify could not run on the module: the engine says so on the go line (3),
      // and that blocks; what deny-modules may have missed is a notice.
      expect(located(result).filter(l => /mod-denied|step-skipped/.test(l))).toEqual([
        'step-skipped go.mod:3',
        `mod-denied go.mod:${lineOf(mod, 'example.com/old v')}`,
        'step-skipped go.mod:1'
      ])
      expect(result.findings.find(f => f.rule === 'step-skipped' && f.line === 1)!.message).toMatch(
        /may have missed .*1\.999/
      )
    })
  })

  describe('mod-not-tidy', () => {
    it('passes a tidy module', async () => {
      const { dir } = app(['example.com/lib'])
      expect(located(await gate(world, dir, { checks: 'verify' }))).toEqual([])
    })

    it('says a line tidy would only move is moved, in a godebug block as in requirements', async () => {
      const { dir, goMod: mod } = app(['example.com/lib'], ({ goMod: m }) => ({
        goMod: `${m.replace('go 1.21', 'go 1.23')}\ngodebug (\n\ttlsrsakex=1\n\tpanicnil=1\n)\n`
      }))
      const result = await gate(world, dir, { checks: 'verify' })
      expect(located(result)).toEqual([`mod-not-tidy go.mod:${lineOf(mod, 'tlsrsakex')}`])
      expect(result.findings[0].message).toMatch(
        /^go mod tidy would move "\ttlsrsakex=1" within go\.mod \(it writes each block sorted, and requirements/
      )
    })

    it('reports each line tidy would change, and leaves the work tree untouched', async () => {
      const fresh = app(['example.com/fresh'])
      const {
        dir,
        goMod: mod,
        goSum
      } = app(['example.com/lib'], ({ goSum: s }) => ({
        // An unused requirement (with its hashes) and a direct one marked indirect.
        goMod: goMod(['example.com/fresh v1.0.0', 'example.com/lib v1.0.0 // indirect']),
        goSum: [...new Set([...s.split('\n'), ...fresh.goSum.split('\n')])].filter(Boolean).sort().join('\n') + '\n'
      }))
      const before = { mod: fs.readFileSync(path.join(dir, 'go.mod')), sum: fs.readFileSync(path.join(dir, 'go.sum')) }
      const result = await gate(world, dir, { checks: 'verify' })
      // The one requirement left goes on a line of its own: the block's lines change too.
      expect(located(result)).toEqual([
        `mod-not-tidy go.mod:${lineOf(mod, 'require (')}`,
        `mod-not-tidy go.mod:${lineOf(mod, 'example.com/fresh')}`,
        `mod-not-tidy go.mod:${lineOf(mod, 'example.com/lib')}`,
        `mod-not-tidy go.mod:${lineOf(mod, ')')}`,
        `mod-not-tidy go.sum:${lineOf(goSum, 'example.com/fresh v1.0.0 h1:')}`,
        `mod-not-tidy go.sum:${lineOf(goSum, 'example.com/fresh v1.0.0/go.mod')}`
      ])
      const messages = result.findings.map(f => f.message)
      expect(messages[0]).toMatch(/^go mod tidy would remove "require \(" from go\.mod\. Run/)
      expect(messages[1]).toMatch(/would remove "\texample\.com\/fresh v1\.0\.0" from go\.mod: no package/)
      expect(messages[2]).toMatch(
        /would change "\texample\.com\/lib v1\.0\.0 \/\/ indirect" to "require example\.com\/lib v1\.0\.0"/
      )
      expect(result.findings.every(f => f.severity === 'warning')).toBe(true)
      // Each message ends with the fix: the annotations do not say it twice.
      expect(result.findings.map(annotationMessage).filter(m => /\nFix:/.test(m))).toEqual([])
      expect(fs.readFileSync(path.join(dir, 'go.mod'))).toEqual(before.mod)
      expect(fs.readFileSync(path.join(dir, 'go.sum'))).toEqual(before.sum)
      expect(world.git(dir, 'status', '--porcelain')).toBe('')
    })

    it('says a repeated line, a blank line and white space one cannot see for what they are', async () => {
      const { dir, goSum } = app(['example.com/lib'], ({ goSum: s }) => ({
        // The content hash twice, a blank line, and the /go.mod line split at a no-break space.
        goSum: s
          .replace(/^(example\.com\/lib v1\.0\.0 h1:\S+\n)/m, '$1$1\n')
          .replace(/^example\.com\/lib v1\.0\.0\/go\.mod/m, 'example.com/lib\u00a0v1.0.0/go.mod')
      }))
      const real = lineOf(goSum, 'example.com/lib v1.0.0 h1:')
      const result = await gate(world, dir, { checks: 'verify' })
      expect(located(result)).toEqual([
        `mod-not-tidy go.sum:${real + 1}`,
        `mod-not-tidy go.sum:${real + 2}`,
        `mod-not-tidy go.sum:${real + 3}`
      ])
      const messages = result.findings.map(f => f.message)
      expect(messages[0]).toMatch(
        new RegExp(
          `^go mod tidy would remove "example\\.com/lib v1\\.0\\.0 h1:\\S+" from go\\.sum: line ${real} says the same, and go writes each hash once\\. Run`
        )
      )
      expect(messages[1]).toMatch(/^go mod tidy would remove a blank line from go\.sum\. Run/)
      expect(messages[2]).toMatch(
        /^go mod tidy would rewrite the white space of "example\.com\/lib\\u00a0v1\.0\.0\/go\.mod h1:\S+" in go\.sum as "example\.com\/lib v1\.0\.0\/go\.mod h1:/
      )
    })

    it('is step-skipped on a go older than 1.23, which has no tidy -diff', async () => {
      const { dir } = app(['example.com/lib'])
      // A go that says it is go1.22.0 and otherwise is the real one.
      const old = path.join(world.dir(`old-go-${cases}`), 'go')
      fs.writeFileSync(
        old,
        `#!/bin/sh\nif [ "$1" = env ]; then "${GO_BIN}" "$@" | sed 's/"GOVERSION": "go[^"]*"/"GOVERSION": "go1.22.0"/'; else exec "${GO_BIN}" "$@"; fi\n`,
        { mode: 0o755 }
      )
      const result = await gate(world, dir, { checks: 'verify', 'go-binary': old })
      expect(located(result)).toEqual(['step-skipped go.mod:1'])
      expect(result.findings[0].message).toMatch(/needs go 1\.23 or later; this is go1\.22\.0/)
    })

    it('does not run tidy when the rule is off', async () => {
      const { dir, goMod: mod } = app(['example.com/lib'], ({ goMod: m }) => ({
        goMod: m.replace('example.com/lib v1.0.0', 'example.com/lib v1.0.0 // indirect')
      }))
      const tidyRuns = (go: ReturnType<typeof loggingGo>): string[] =>
        go.commandLines().filter(l => l.startsWith('mod tidy'))
      const on = loggingGo(world.dir(`go-on-${cases}`))
      expect(located(await gate(world, dir, { checks: 'verify', 'go-binary': on.binary }))).toEqual([
        `mod-not-tidy go.mod:${lineOf(mod, 'example.com/lib')}`
      ])
      expect(tidyRuns(on)).toHaveLength(1)
      // Off: not only no finding (the severity processor would drop it) but no go mod tidy at all.
      const off = loggingGo(world.dir(`go-off-${cases}`))
      const result = await gate(world, dir, { checks: 'verify', rules: 'mod-not-tidy: off', 'go-binary': off.binary })
      expect(located(result)).toEqual([])
      expect(off.commandLines()).not.toEqual([])
      expect(tidyRuns(off)).toEqual([])
    })
  })

  describe('sum-retracted-version and sum-deprecated-module', () => {
    const lifecycle = (result: Awaited<ReturnType<typeof gate>>): string[] =>
      located(result).filter(l => /retracted|deprecated|step-skipped/.test(l))

    it('judge every requirement without a base, with the author’s rationale and text', async () => {
      const { dir, goMod: mod } = app(['example.com/retracted', 'example.com/deprecated', 'example.com/fresh'])
      const result = await gate(world, dir, { checks: 'sum-drift' })
      expect(lifecycle(result)).toEqual([
        `sum-deprecated-module go.mod:${lineOf(mod, 'example.com/deprecated')}`,
        `sum-retracted-version go.mod:${lineOf(mod, 'example.com/retracted')}`,
        'step-skipped go.sum:1'
      ])
      const byRule = new Map(result.findings.map(f => [f.rule, f]))
      expect(byRule.get('sum-retracted-version')!.message).toContain(
        'retracted by its author: leaks credentials to stdout'
      )
      // The author's own full stop is not doubled.
      expect(byRule.get('sum-deprecated-module')!.message).toContain(
        'deprecated by its author: use example.com/fresh instead. Move to'
      )
      expect(world.git(dir, 'status', '--porcelain')).toBe('')
    })

    it('leave out a requirement a local directory replaces: go builds the directory, and the proxy never saw its version', async () => {
      const dir = world.dir(`local-${++cases}`, {
        'go.mod':
          'module example.com/app\n\ngo 1.21\n\nrequire example.com/sub v0.0.0-00010101000000-000000000000\n\nreplace example.com/sub => ./sub\n',
        'main.go': 'package main\n\nimport _ "example.com/sub"\n\nfunc main() {}\n',
        'sub/go.mod': 'module example.com/sub\n\ngo 1.21\n',
        'sub/sub.go': 'package sub\n'
      })
      world.go(dir, 'build', '.')
      const go = loggingGo(world.dir(`go-local-${cases}`))
      const result = await gate(world, dir, {
        checks: 'sum-drift',
        'allow-local-replace': 'true',
        'go-binary': go.binary
      })
      expect(lifecycle(result)).toEqual(['step-skipped go.sum:1'])
      expect(go.commandLines().filter(l => l.includes('example.com/sub@'))).toEqual([])
    })

    it('carry the author’s text escaped through the bundled action', () => {
      const { dir } = app(['example.com/loud'])
      const r = runAction({ repo: dir, env: world.env, inputs: { checks: 'sum-drift' } })
      expect(r.annotations).toContain('sum-deprecated-module go.mod:5')
      expect(r.stdout).not.toMatch(/^::error::pwned/m)
      expect(r.stdout).toContain('moved%250A::error::pwned')
    })

    it('judge only requirements new or changed against the base', async () => {
      const dir = world.dir(`drift-${++cases}`)
      const write = (imports: string[]): string => {
        fs.writeFileSync(path.join(dir, 'go.mod'), goMod(imports.map(i => `${i} v1.0.0`)))
        fs.writeFileSync(path.join(dir, 'main.go'), mainGo(imports))
        world.go(dir, 'mod', 'tidy')
        return fs.readFileSync(path.join(dir, 'go.mod'), 'utf8')
      }
      write(['example.com/deprecated'])
      const base = world.commitAll(dir, 'base')
      const mod = write(['example.com/deprecated', 'example.com/retracted'])
      world.commitAll(dir, 'head')
      const result = await gate(world, dir, { checks: 'sum-drift', 'base-ref': base })
      expect(lifecycle(result)).toEqual([`sum-retracted-version go.mod:${lineOf(mod, 'example.com/retracted')}`])
    })

    it('report step-skipped when the proxy hangs past the go timeout', async () => {
      const { dir } = app(['example.com/retracted'])
      await gate(world, dir, { checks: 'verify' })
      const proxy = new MisbehavingProxy(world.proxyDir)
      proxy.behaviour = 'hang'
      try {
        const hanging = { env: { ...world.env, GOPROXY: await proxy.start(), GO_GUARD_GO_TIMEOUT: '2' } }
        const result = await gate(hanging, dir, { checks: 'sum-drift' })
        expect(lifecycle(result)).toEqual(['step-skipped go.mod:1', 'step-skipped go.sum:1'])
        expect(result.findings.find(f => f.file === 'go.mod')!.message).toMatch(
          /example\.com\/retracted@v1\.0\.0 were not checked: .*timed out after 2 s/
        )
        expect(result.steps[0].error).toBeUndefined()
      } finally {
        await proxy.stop()
      }
    })

    it('say go’s error once where go answered for no module, naming every module not checked', async () => {
      const { dir } = app(['example.com/retracted', 'example.com/deprecated'])
      // A go whose listing of retractions fails as a whole, with a message of several lines.
      const failing = path.join(world.dir(`go-fails-${cases}`), 'go')
      fs.writeFileSync(
        failing,
        `#!/bin/sh\ncase "$*" in *-retracted*) printf 'go: errors parsing go.mod:\\ngo.mod:3: broken\\n' >&2; exit 1;; esac\nexec "${GO_BIN}" "$@"\n`,
        { mode: 0o755 }
      )
      const result = await gate(world, dir, { checks: 'sum-drift', 'go-binary': failing })
      const skip = result.findings.find(f => f.rule === 'step-skipped' && f.file === 'go.mod')!
      expect(skip.message).toMatch(
        /for example\.com\/deprecated@v1\.0\.0, example\.com\/retracted@v1\.0\.0 \(go: errors parsing go\.mod:/
      )
      expect(skip.message.split('go.mod:3: broken').length).toBe(2)
    })

    it.each([
      ['unreachable', async () => `http://127.0.0.1:${await closedPort()}`],
      ['off', async () => 'off']
    ])('report step-skipped naming what was not checked when the proxy is %s', async (_, proxy) => {
      const { dir } = app(['example.com/retracted', 'example.com/deprecated'])
      await gate(world, dir, { checks: 'verify' }) // the module cache is warm: only the proxy is missing
      const offline = { env: { ...world.env, GOPROXY: await proxy() } }
      const result = await gate(offline, dir, { checks: 'sum-drift' })
      expect(lifecycle(result)).toEqual(['step-skipped go.mod:1', 'step-skipped go.sum:1'])
      const skip = result.findings.find(f => f.file === 'go.mod')!
      expect(skip.message).toMatch(/example\.com\/retracted@v1\.0\.0/)
      expect(skip.message).toMatch(/example\.com\/deprecated@v1\.0\.0/)
      expect(result.findings.some(f => f.rule === 'sum-retracted-version')).toBe(false)
    })

    it('ask go nothing when both rules are off, and no step-skipped says they were not checked', async () => {
      const { dir } = app(['example.com/retracted', 'example.com/deprecated'])
      const rules = 'sum-retracted-version: off\nsum-deprecated-module: off'
      const go = loggingGo(world.dir(`go-lifecycle-${cases}`))
      const online = await gate(world, dir, { checks: 'sum-drift', rules, 'go-binary': go.binary })
      expect(lifecycle(online)).toEqual(['step-skipped go.sum:1'])
      expect(go.commandLines().filter(l => l.includes('-retracted'))).toEqual([])
      // Where the proxy is off the check could not run, but it was not asked to: no notice says so.
      const offline = await gate({ env: { ...world.env, GOPROXY: 'off' } }, dir, { checks: 'sum-drift', rules })
      expect(lifecycle(offline)).toEqual(['step-skipped go.sum:1'])
    })
  })
})
