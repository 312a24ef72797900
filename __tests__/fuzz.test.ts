/**
 * Property-based fuzzing of every parser and input: no exception escapes as a crash, every
 * rejection is a clear error, round-trips hold. The suite runs a seeded sample; `npm run fuzz`
 * runs FUZZ_RUNS (default 25,000) cases per property.
 */
import fc from 'fast-check'
import { describe, expect, it } from '@jest/globals'
import { parseAllowReplace } from '../src/allow-replace.js'
import { ConfigError, INPUT_DEFAULTS, type InputName, parseConfig } from '../src/config.js'
import { parseModFile, parseWorkFile } from '../src/go/modfile.js'
import { canonicalVersion } from '../src/go/module.js'
import * as semver from '../src/go/semver.js'
import { parseSumFile, sumKey } from '../src/go/sumfile.js'
import { compareGoVersions } from '../src/go/gover.js'
import { checkVendorConsistency, parseModulesTxt } from '../src/go/modulestxt.js'
import { parseEnvFile } from '../src/toolchain/environment.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 300)
const SETTINGS = { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 42) }

// Text that looks like module metadata: the tokens the parsers care about, mixed with anything.
const tokens = fc.constantFrom(
  'module',
  'go',
  'toolchain',
  'require',
  'replace',
  'exclude',
  'retract',
  'tool',
  'ignore',
  'godebug',
  'use',
  '(',
  ')',
  '[',
  ']',
  ',',
  '=>',
  '//',
  '// indirect',
  '"',
  '`',
  '\\',
  '\n',
  '\r\n',
  '\t',
  ' ',
  'example.com/x',
  'v1.2.3',
  'v0.0.0-20240101000000-abcdefabcdef',
  '+incompatible',
  'h1:AAAA=',
  '/go.mod',
  '/*',
  '\u0000',
  '\u202e',
  '%0A',
  '::error::'
)
const metadataText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.oneof(tokens, fc.string({ maxLength: 5 })), { maxLength: 60 }).map(a => a.join(' '))
)

const version = fc.oneof(
  fc
    .tuple(
      fc.nat(20),
      fc.nat(20),
      fc.nat(20),
      fc.option(fc.stringMatching(/^[0-9A-Za-z-]{1,6}(\.[0-9A-Za-z-]{1,4}){0,2}$/), { nil: undefined })
    )
    .map(([a, b, c, pre]) => `v${a}.${b}.${c}${pre ? `-${pre}` : ''}`),
  fc.constantFrom(
    'v1',
    'v1.2',
    'v1.2.3+incompatible',
    'v0.0.0-20191109021931-daa7c04131f5',
    'v1.2.4-0.20191109021931-daa7c04131f5',
    'bad',
    ''
  ),
  fc.string({ maxLength: 12 })
)

describe('fuzz: parsers never crash', () => {
  it('parseModFile and parseWorkFile return errors with line numbers, never throw', () => {
    fc.assert(
      fc.property(metadataText, text => {
        for (const parse of [parseModFile, parseWorkFile]) {
          const { errors } = parse(text)
          for (const e of errors) {
            expect(e.line).toBeGreaterThanOrEqual(1)
            expect(e.message.length).toBeGreaterThan(0)
          }
        }
      }),
      SETTINGS
    )
  })

  it('parseSumFile accounts for every non-blank line, as an entry or as malformed', () => {
    fc.assert(
      fc.property(metadataText, text => {
        const parsed = parseSumFile(text)
        const nonBlank = text.split('\n').filter(l => l.trim() !== '').length
        expect(parsed.lines.length + parsed.malformed.length).toBe(nonBlank)
      }),
      SETTINGS
    )
  })

  it('go.sum entries round-trip through text', () => {
    const entry = fc
      .record({
        path: fc.stringMatching(/^[a-z0-9.]{1,8}\/[a-z0-9._~-]{1,8}$/),
        version,
        goMod: fc.boolean(),
        hash: fc.stringMatching(/^h1:[A-Za-z0-9+/]{43}=$/)
      })
      .filter(e => e.version !== '' && !/\s/.test(e.version))
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), fc.boolean(), (entries, crlf) => {
        const text = entries.map(e => `${sumKey(e)} ${e.hash}`).join(crlf ? '\r\n' : '\n')
        const parsed = parseSumFile(text)
        expect(parsed.malformed).toEqual([])
        expect(parsed.lines.map(({ path, version: v, goMod, hash }) => ({ path, version: v, goMod, hash }))).toEqual(
          entries
        )
      }),
      SETTINGS
    )
  })

  it('allow-replace parsing accepts or rejects with a message naming the line', () => {
    fc.assert(
      fc.property(metadataText, text => {
        try {
          parseAllowReplace(text)
        } catch (error) {
          expect(error).toBeInstanceOf(Error)
          expect((error as Error).message).toMatch(/^"/)
        }
      }),
      SETTINGS
    )
  })

  it('every input either parses or fails with a ConfigError naming it', () => {
    const names = Object.keys(INPUT_DEFAULTS) as InputName[]
    fc.assert(
      fc.property(fc.constantFrom(...names), metadataText, (name, value) => {
        try {
          parseConfig({ [name]: value }, '/repo')
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError)
          expect((error as Error).message).toContain(`"${name}"`)
        }
      }),
      SETTINGS
    )
  })
})

describe('fuzz: vendor/modules.txt and go env files', () => {
  const modulesTxt = fc.array(
    fc.oneof(
      fc
        .tuple(
          fc.constantFrom('example.com/a', 'example.com/b', 'x.org/y'),
          version,
          fc.option(fc.constantFrom(' => ./local', ' => example.com/fork v1.0.0', ' =>'), { nil: '' })
        )
        .map(([p, v, r]) => `# ${p} ${v}${r}`),
      fc.constantFrom(
        '## explicit',
        '## explicit; go 1.21',
        '## go 1.22',
        '## workspace',
        'example.com/a',
        'example.com/a/sub',
        '',
        '# ',
        '#'
      ),
      metadataText
    ),
    { maxLength: 30 }
  )
  it('parseModulesTxt and the consistency check never throw, and keep line numbers in range', () => {
    fc.assert(
      fc.property(modulesTxt, fc.boolean(), metadataText, (lines, crlf, goMod) => {
        const text = lines.join(crlf ? '\r\n' : '\n')
        const txt = parseModulesTxt(text)
        const count = text.split('\n').length
        for (const m of txt.modules) {
          expect(m.line).toBeGreaterThanOrEqual(1)
          expect(m.line).toBeLessThanOrEqual(count)
        }
        for (const i of checkVendorConsistency(parseModFile(goMod).file, txt))
          expect(i.message.length).toBeGreaterThan(0)
      }),
      SETTINGS
    )
  })

  it('parseEnvFile reads KEY=VALUE lines and nothing else', () => {
    fc.assert(
      fc.property(metadataText, text => {
        for (const [key] of parseEnvFile(text)) expect(key).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/)
      }),
      SETTINGS
    )
  })
})

describe('fuzz: version order', () => {
  const goVersion = fc.oneof(
    fc
      .tuple(
        fc.nat(2),
        fc.nat(30),
        fc.option(fc.nat(12), { nil: undefined }),
        fc.option(fc.tuple(fc.constantFrom('alpha', 'beta', 'rc'), fc.nat(3)), { nil: undefined })
      )
      .map(([a, b, c, pre]) => `${a}.${b}${c !== undefined && !pre ? `.${c}` : ''}${pre ? `${pre[0]}${pre[1]}` : ''}`),
    fc.string({ maxLength: 8 })
  )
  it('Go toolchain versions form a total preorder', () => {
    fc.assert(
      fc.property(goVersion, goVersion, goVersion, (a, b, c) => {
        expect(compareGoVersions(a, a)).toBe(0)
        expect(compareGoVersions(a, b) + compareGoVersions(b, a)).toBe(0)
        if (compareGoVersions(a, b) <= 0 && compareGoVersions(b, c) <= 0)
          expect(compareGoVersions(a, c)).toBeLessThanOrEqual(0)
      }),
      SETTINGS
    )
    // gover's documented order.
    const ordered = ['1.20', '1.21', '1.21rc1', '1.21rc2', '1.21.0', '1.21.1', '1.21.10', '1.22']
    expect([...ordered].reverse().sort(compareGoVersions)).toEqual(ordered)
  })

  it('semver parses as the grammar of golang.org/x/mod/semver says', () => {
    // The grammar as a regular expression (the parser scans instead): vMAJOR[.MINOR[.PATCH
    // [-PRERELEASE][+BUILD]]], no leading zeros in numbers or numeric prerelease identifiers.
    const num = '(0|[1-9][0-9]*)'
    const ids = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*'
    const grammar = new RegExp(`^v${num}(?:\\.${num}(?:\\.${num}(-${ids})?(\\+${ids})?)?)?$`)
    const valid = (v: string): boolean => {
      const m = grammar.exec(v)
      return (
        m !== null &&
        !(m[4] ?? '')
          .slice(1)
          .split('.')
          .some(id => /^0[0-9]+$/.test(id))
      )
    }
    const piece = fc.constantFrom('v', '0', '1', '01', '10', '.', '-', '+', 'rc', '0a', '-1', '.0', '.01', 'x', '', 'é')
    const text = fc.oneof(
      version,
      fc.array(piece, { maxLength: 10 }).map(p => p.join(''))
    )
    fc.assert(
      fc.property(text, v => {
        expect(semver.isValid(v)).toBe(valid(v))
        const m = grammar.exec(v)
        if (!valid(v) || m === null) return
        expect(semver.build(v)).toBe(m[5] ?? '')
        expect(semver.prerelease(v)).toBe(m[4] ?? '')
        expect(semver.major(v)).toBe(`v${m[1]}`)
        expect(semver.canonical(v)).toBe(`v${m[1]}.${m[2] ?? 0}.${m[3] ?? 0}${m[4] ?? ''}`)
      }),
      { ...SETTINGS, numRuns: Math.max(RUNS, 3000) }
    )
  })

  it('is a total preorder consistent with canonical forms', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        expect(semver.compare(a, a)).toBe(0)
        expect(semver.compare(a, b) + semver.compare(b, a)).toBe(0)
        if (semver.compare(a, b) <= 0 && semver.compare(b, c) <= 0) expect(semver.compare(a, c)).toBeLessThanOrEqual(0)
        const canon = canonicalVersion(a)
        if (canon !== '') {
          expect(semver.compare(a, canon)).toBe(0)
          expect(canonicalVersion(canon)).toBe(canon)
        } else {
          expect(semver.isValid(a)).toBe(false)
        }
      }),
      SETTINGS
    )
  })
})
