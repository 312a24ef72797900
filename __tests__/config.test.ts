import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import { ConfigError, INPUT_DEFAULTS, parseConfig } from '../src/config.js'
import { findAllowingRule, parseAllowReplace } from '../src/allow-replace.js'

describe('parseConfig', () => {
  it('gives the contract defaults', () => {
    const c = parseConfig({}, '/repo')
    expect(c.workingDirectory).toBe('/repo')
    expect([...c.checks]).toEqual(['toolchain', 'verify', 'sum-drift', 'vendor', 'replace'])
    expect(c.failOn).toBe('error')
    expect(c.maxNewModules).toBe(-1)
    expect(c.toolchain.trust).toBe('archive')
    expect(c.toolchain.gpgKeyFingerprint).toBe('EB4C1BFD4F042F6DDDCCEC917721F63BD38B4796')
    expect(c.cache && c.annotations && c.summary).toBe(true)
    expect([c.commentSummaryInPr, c.checkRun]).toEqual(['never', false])
    // Rule IDs as the summary and the comment display them (non-breaking hyphens) are accepted.
    expect([...parseConfig({ rules: 'sum\u2011module\u2011added: off' }, '/repo').ruleSeverity]).toEqual([
      ['sum-module-added', 'off']
    ])
    // The token stays out of the config object.
    expect(JSON.stringify(parseConfig({ 'github-token': 'secret-value' }, '/repo'))).not.toContain('secret-value')
  })

  it.each([
    [{ checks: 'verify,lint' }, 'checks', 'lint'],
    [{ 'fail-on': 'fatal' }, 'fail-on', 'fatal'],
    [{ 'max-new-modules': '-2' }, 'max-new-modules', '-2'],
    [{ 'max-updated-modules': 'ten' }, 'max-updated-modules', 'ten'],
    [{ rules: 'no-such-rule: error' }, 'rules', 'no-such-rule'],
    [{ rules: 'sum-module-added: fatal' }, 'rules', 'sum-module-added: fatal'],
    [{ 'allow-replace': 'github.com/a/[x => github.com/b' }, 'allow-replace', '[x'],
    [{ 'allow-replace': 'github.com/a/x' }, 'allow-replace', 'github.com/a/x'],
    [{ 'allow-local-replace': 'yes' }, 'allow-local-replace', 'yes'],
    [{ 'toolchain-trust': 'faith' }, 'toolchain-trust', 'faith'],
    [{ 'toolchain-sha256': 'abc' }, 'toolchain-sha256', 'abc'],
    [{ 'gpg-key-fingerprint': '1234' }, 'gpg-key-fingerprint', '1234'],
    [{ 'comment-summary-in-pr': 'true' }, 'comment-summary-in-pr', 'true'],
    [{ 'check-run': 'on' }, 'check-run', 'on'],
    [{ 'toolchain-checksums-url': 'ftp://x' }, 'toolchain-checksums-url', 'ftp://x'],
    [{ 'base-ref': '--upload-pack=touch /tmp/pwned' }, 'base-ref', '--upload-pack'],
    [{ 'base-ref': 'main:refs/heads/pwned' }, 'base-ref', 'main:refs/heads/pwned'],
    [{ 'base-ref': '+main' }, 'base-ref', '+main'],
    [{ 'base-ref': '^main' }, 'base-ref', '^main'],
    [{ 'base-ref': 'main\u0007' }, 'base-ref', 'main'],
    [{ 'base-ref': 'a..b' }, 'base-ref', 'a..b'],
    [{ 'base-ref': 'main@{1}' }, 'base-ref', 'main@{1}'],
    [{ 'base-ref': 'refs/heads/x.lock' }, 'base-ref', 'x.lock'],
    [{ 'base-ref': 'feature/.hidden' }, 'base-ref', '.hidden'],
    [{ 'base-ref': 'a*b' }, 'base-ref', 'a*b']
  ] as const)('rejects %o naming the input, the value and what is accepted', (raw, input, value) => {
    let error: unknown
    try {
      parseConfig(raw, '/repo')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toContain(`"${input}"`)
    expect((error as Error).message).toContain(value)
    expect((error as Error).message).toMatch(/Accepted: .+/)
  })

  it.each([
    '0123456789abcdef0123456789abcdef01234567',
    'main',
    'origin/main',
    'release-1.2',
    'v1.2.3',
    'HEAD~1',
    'main^2',
    '@'
  ])('accepts the commit-ish %s as base-ref', ref => {
    expect(parseConfig({ 'base-ref': ref }, '/repo').baseRef).toBe(ref)
  })

  it.each([
    ['GO_GUARD_GO_TIMEOUT', '10m'],
    ['GO_GUARD_GO_TIMEOUT', '0'],
    ['GO_GUARD_GO_TIMEOUT', '1e3'],
    ['GO_GUARD_HTTP_TIMEOUT', '-5'],
    ['GO_GUARD_HTTP_TIMEOUT', 'soon'],
    ['GO_GUARD_CACHE_DIR', 'relative/cache']
  ])('rejects %s=%s naming the variable, the value and what is accepted', (name, value) => {
    expect(() => parseConfig({}, '/repo', { [name]: value })).toThrow(
      new RegExp(`^Invalid environment variable "${name}": "${value.replace('.', '\\.')}"\\. Accepted: .+`)
    )
  })

  it('parses the GO_GUARD_* variables with the inputs; unset or empty means the default', () => {
    expect(parseConfig({}, '/repo', {}).variables).toEqual({ goTimeoutMs: 600_000 })
    expect(
      parseConfig({}, '/repo', { GO_GUARD_GO_TIMEOUT: '90', GO_GUARD_HTTP_TIMEOUT: '0.5', GO_GUARD_CACHE_DIR: '/c' })
        .variables
    ).toEqual({ goTimeoutMs: 90_000, httpTimeoutMs: 500, cacheDir: '/c' })
    expect(parseConfig({}, '/repo', { GO_GUARD_GO_TIMEOUT: '' }).variables.goTimeoutMs).toBe(600_000)
  })

  it('parses rule overrides, thresholds and lists', () => {
    const c = parseConfig(
      {
        rules: 'sum-module-added: off\n\nsum-pseudo-version: error',
        checks: 'replace\nverify',
        'max-new-modules': '0'
      },
      '/r'
    )
    expect(c.ruleSeverity.get('sum-module-added')).toBe('off')
    expect(c.ruleSeverity.get('sum-pseudo-version')).toBe('error')
    expect([...c.checks].sort()).toEqual(['replace', 'verify'])
    expect(c.maxNewModules).toBe(0)
  })

  it('action.yml declares every input with the same default as the config', () => {
    const yml = fs.readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
    const inputs = yml.slice(yml.indexOf('\ninputs:'), yml.indexOf('\noutputs:'))
    for (const [name, value] of Object.entries(INPUT_DEFAULTS)) {
      const block = new RegExp(`\\n  ${name}:\\n    description: .+\\n    default: '([^']*)'`).exec(inputs)
      expect({ name, default: block?.[1] }).toEqual({ name, default: value })
    }
    const declared = [...inputs.matchAll(/\n {2}([a-z0-9-]+):/g)].map(m => m[1])
    expect(declared.sort()).toEqual(Object.keys(INPUT_DEFAULTS).sort())
    // The outputs: those action.yml declares are those main.ts sets and the README's table lists.
    const outputs = [...yml.slice(yml.indexOf('\noutputs:'), yml.indexOf('\nruns:')).matchAll(/\n {2}([a-z-]+):/g)]
    const set = fs.readFileSync(new URL('../src/main.ts', import.meta.url), 'utf8').matchAll(/setOutput\('([a-z-]+)'/g)
    const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const table = readme.slice(readme.indexOf('### Outputs'), readme.indexOf('### Annotations'))
    const expected = ['blocking', 'findings', 'modules', 'report-file', 'sarif-file', 'sbom-file']
    expect(outputs.map(m => m[1]).sort()).toEqual(expected)
    expect([...set].map(m => m[1]).sort()).toEqual(expected)
    expect([...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map(m => m[1]).sort()).toEqual(expected)
    expect(yml).toMatch(/using: node20\n\s+main: dist\/index\.js/)
  })

  it('action.yml has a description the Marketplace accepts (under 125 characters)', () => {
    const yml = fs.readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
    const description = /^description: (.+)$/m.exec(yml)![1]
    expect(description.length).toBeLessThan(125)
  })
})

describe('allow-replace patterns', () => {
  const rules = parseAllowReplace(
    '# forks\ngithub.com/old/* => github.com/ourfork/*\nexample.com/** v1.* => example.com/mirror/** v1.2.3'
  )
  const allowed = (o: string, ov: string, n: string, nv: string): boolean =>
    findAllowingRule(rules, { path: o, version: ov }, { path: n, version: nv }) !== undefined

  it('matches * within a path element and ** across', () => {
    expect(allowed('github.com/old/x', '', 'github.com/ourfork/x', 'v1.0.0')).toBe(true)
    expect(allowed('github.com/old/x/v2', '', 'github.com/ourfork/x', 'v1.0.0')).toBe(false)
    expect(allowed('example.com/a/b/c', 'v1.4.0', 'example.com/mirror/a/b/c', 'v1.2.3')).toBe(true)
  })

  it('wildcards on both sides stand for the same text', () => {
    expect(allowed('github.com/old/x', '', 'github.com/ourfork/y', 'v1.0.0')).toBe(false)
    expect(allowed('example.com/a/b', 'v1.0.0', 'example.com/mirror/a/c', 'v1.2.3')).toBe(false)
  })

  it('a version on a side must be present and match', () => {
    expect(allowed('example.com/a', '', 'example.com/mirror/a', 'v1.2.3')).toBe(false)
    expect(allowed('example.com/a', 'v2.0.0', 'example.com/mirror/a', 'v1.2.3')).toBe(false)
    expect(allowed('example.com/a', 'v1.0.0', 'example.com/mirror/a', 'v1.2.4')).toBe(false)
  })
})
