/**
 * The job summary and the pull request comment as Markdown, rendered with marked: the verdict,
 * the base commit, severity order, links to the head commit, the 1 MiB and 65,536-character
 * budgets, the drift table, and no link, image or HTML made from repository text.
 */
import { describe, expect, it } from '@jest/globals'
import { marked } from 'marked'
import type { GateResult } from '../src/engine.js'
import type { Finding } from '../src/findings.js'
import { COMMENT_LIMIT_BYTES, renderComment } from '../src/report/comment.js'
import { blobLinks } from '../src/report/markdown.js'
import { SUMMARY_LIMIT_BYTES, renderSummary } from '../src/report/summary.js'
import { finding, scopeOf } from './helpers/factories.js'
import { HOSTILE, addedRows, expectInert } from './helpers/markdown.js'

const SHA = 'c0ffee'.padEnd(40, '0')
const BASE = 'ba5e'.padEnd(40, '1')
const links = blobLinks({ serverUrl: 'https://github.example', repository: 'octo/repo', sha: SHA }, f => f)
const BLOB = `https://github.example/octo/repo/blob/${SHA}/`

function result(findings: Finding[], blocking: number): GateResult {
  const steps = (['verify', 'sum-drift', 'replace'] as const).map(step => ({
    step,
    status: findings.some(f => f.step === step) ? ('failed' as const) : ('passed' as const),
    findings: findings.filter(f => f.step === step),
    durationMs: 10
  }))
  return {
    steps,
    findings,
    blocking,
    scope: scopeOf(),
    base: { sha: BASE },
    durationMs: 30,
    goMs: 20,
    ownCpuMs: 5
  }
}

const render = (md: string): string => marked.parse(md, { gfm: true, async: false })

/** Every link in the page points at a file of the head commit; nothing else is a link, image or HTML. */
function expectOnlyBlobLinks(html: string): void {
  for (const m of html.matchAll(/<a href="([^"]*)"/g)) expect(m[1].startsWith(BLOB)).toBe(true)
  const ours = html
    .replace(/<a href="[^"]*">|<\/a>/g, '')
    .replace(/^<!-- go-guard comment \w+ -->\n/, '')
    .replace(/<h\d>(go-guard[^<]*|verify|sum-drift|replace|Not shown|Blocking findings|go\.sum changes)<\/h\d>/g, '')
    .replace(/<strong>(Failed:|Passed:|Same line:|\d+ blocking finding\(s\))<\/strong>/g, '')
  expectInert(ours)
}

const hashChanged = finding('sum-hash-changed', 7, {
  step: 'sum-drift',
  file: 'go.sum',
  module: 'example.com/a',
  version: 'v1.0.0'
})
const unverified = finding('sum-unverified-hash', 7, { step: 'sum-drift', file: 'go.sum' })
const verifyFailed = finding('mod-verify-failed', 7, { step: 'verify', file: 'go.sum' })
const added = finding('sum-module-added', 9, {
  step: 'sum-drift',
  file: 'go.sum',
  module: 'example.com/new',
  version: 'v0.1.0',
  message: 'example.com/new@v0.1.0 is new in go.sum.'
})
const downgraded = finding('sum-module-downgraded', 11, {
  step: 'sum-drift',
  file: 'go.sum',
  module: 'example.com/old',
  version: 'v1.1.0',
  previous: { module: 'example.com/old', version: 'v1.2.0' }
})

describe('job summary', () => {
  const findings = [hashChanged, unverified, verifyFailed, downgraded, added]
  const md = renderSummary(result(findings, 3), { failOn: 'error', links })
  const html = render(md)

  it('names the base commit by SHA and orders each step by severity', () => {
    expect(html).toContain(`Base commit: <code>${BASE}</code>.`)
    const drift = html.slice(html.indexOf('<h3>sum-drift</h3>'))
    const order = ['sum\u2011hash\u2011changed', 'sum\u2011unverified\u2011hash', 'sum\u2011module\u2011downgraded']
    const at = order.map(r => drift.indexOf(`<code>${r}</code>`))
    expect(at.every(i => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(drift.indexOf('sum\u2011module\u2011added')).toBeGreaterThan(at[2])
  })

  it('links each location to its line at the head commit and ties findings on one go.sum line together', () => {
    expect(html).toContain(`<a href="${BLOB}go.sum#L7"><code>go.sum:7</code></a>`)
    const row = html.split('<tr>').find(r => r.includes('mod\u2011verify\u2011failed') && r.includes('Same line'))!
    expect(row).toContain('<strong>Same line:</strong> <code>sum\u2011hash\u2011changed</code> (sum-drift)')
    expect(row).toContain('<code>sum\u2011unverified\u2011hash</code> (sum-drift)')
    expectOnlyBlobLinks(html)
  })

  it('renders hostile module paths, files and messages as text', () => {
    const hostile = HOSTILE.map((text, i) =>
      finding('replace-not-allowed', i + 2, { step: 'replace', file: text, message: text, module: text })
    )
    expectOnlyBlobLinks(render(renderSummary(result(hostile, hostile.length), { failOn: 'error', links })))
  })

  it('stays within 1 MiB for 12,000 findings, keeping every blocking one and counting the rest per rule', () => {
    const notices = Array.from({ length: 12_000 }, (_, i) =>
      finding('sum-module-added', i + 2, {
        step: 'sum-drift',
        file: 'go.sum',
        module: `example.com/m${i}`,
        version: 'v1.0.0',
        message: `example.com/m${i}@v1.0.0 is new in go.sum. Review the new dependency: who publishes it and what it pulls in.`
      })
    )
    const blocking = [hashChanged, unverified, verifyFailed]
    const full = renderSummary(result([...blocking, downgraded, ...notices], 3), {
      failOn: 'error',
      links,
      reportFile: 'out/go-guard.json'
    })
    expect(Buffer.byteLength(full)).toBeLessThan(SUMMARY_LIMIT_BYTES)
    const page = render(full)
    for (const rule of ['sum\u2011hash\u2011changed', 'sum\u2011unverified\u2011hash', 'mod\u2011verify\u2011failed'])
      expect(page).toContain(`<td>🛑 error</td>\n<td><code>${rule}</code></td>`)
    // The room left is filled most severe first: the warning, then as many notices as fit.
    expect(Buffer.byteLength(full)).toBeGreaterThan(900_000)
    expect(page).toContain('<td>⚠️ warning</td>\n<td><code>sum\u2011module\u2011downgraded</code></td>')
    const { shown, counted } = addedRows(page)
    expect(shown).toBeGreaterThan(1000)
    expect(shown + counted).toBe(12_000)
    expect(page).toContain('Every finding is in the JSON report <code>out/go-guard.json</code>')
  })

  it('names the first 100 modules of a monorepo and counts the rest', () => {
    const many = {
      ...result([], 0),
      scope: scopeOf(Array.from({ length: 150 }, (_, i) => ({ relDir: `svc/m${i}` })))
    }
    const md = renderSummary(many, { failOn: 'error' })
    expect(md).toContain('`svc/m99` and 50 more\n')
    expect(md).not.toContain('`svc/m100`')
  })

  it('counts even blocking findings once they alone pass the budget, and never passes it', () => {
    const errors = Array.from({ length: 2_000 }, (_, i) => finding('replace-not-allowed', i + 2, { step: 'replace' }))
    const md = renderSummary(result(errors, errors.length), { failOn: 'error', limitBytes: 100_000 })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(100_000)
    const shown = md.split('\n').filter(l => l.startsWith('| 🛑 error |')).length
    expect(shown).toBeGreaterThan(100)
    expect(md).toContain(`${errors.length - shown} of them are counted here`)
    expect(md).toContain(`| \`replace\u2011not\u2011allowed\` | replace | 🛑 error | ${errors.length - shown} |`)
  })
})

describe('pull request comment', () => {
  const drift = [
    added,
    downgraded,
    finding('sum-module-removed', 1, {
      step: 'sum-drift',
      file: 'go.sum',
      module: 'example.com/gone',
      version: 'v0.3.0'
    }),
    finding('sum-module-upgraded', 13, {
      step: 'sum-drift',
      file: 'go.sum',
      module: 'example.com/up',
      version: 'v1.4.0',
      previous: { module: 'example.com/up', version: 'v1.3.9' }
    }),
    finding('sum-major-upgrade', 15, {
      step: 'sum-drift',
      file: 'go.sum',
      module: 'example.com/big/v2',
      version: 'v2.0.0',
      previous: { module: 'example.com/big', version: 'v1.9.0' }
    })
  ]
  const options = {
    failOn: 'error' as const,
    marker: '<!-- go-guard comment 0123 -->',
    identity: 'job go-guard',
    links
  }

  it('opens with the marker and holds the verdict, the counts, every blocking finding and the drift table', () => {
    const md = renderComment(result([hashChanged, ...drift], 1), options)
    expect(md.split('\n')[0]).toBe(options.marker)
    const html = render(md)
    expect(html).toContain('go-guard ❌ fails')
    expect(html).toMatch(/<td>1<\/td>\n<td>2<\/td>\n<td>3<\/td>/)
    expect(html).toContain(`<a href="${BLOB}go.sum#L7"><code>go.sum:7</code></a>`)
    const rows = html.slice(html.indexOf('go.sum changes')).split('<tr>').slice(2)
    expect(rows.map(r => [...r.matchAll(/<td>(.*?)<\/td>/g)].slice(0, 4).map(m => m[1]))).toEqual([
      ['added', '<code>example.com/new</code>', '', '<code>v0.1.0</code>'],
      ['removed', '<code>example.com/gone</code>', '<code>v0.3.0</code>', ''],
      [
        'major upgrade',
        '<code>example.com/big → example.com/big/v2</code>',
        '<code>v1.9.0</code>',
        '<code>v2.0.0</code>'
      ],
      ['upgraded', '<code>example.com/up</code>', '<code>v1.3.9</code>', '<code>v1.4.0</code>'],
      ['downgraded', '<code>example.com/old</code>', '<code>v1.2.0</code>', '<code>v1.1.0</code>']
    ])
    expectOnlyBlobLinks(html)
  })

  it('says the gate passes when nothing blocks', () => {
    const html = render(renderComment(result([added], 0), options))
    expect(html).toContain('go-guard ✅ passes')
    expect(html).not.toContain('Blocking findings')
  })

  it('renders hostile text inertly and stays within GitHub’s 65,536 characters', () => {
    const hostile = Array.from({ length: 3_000 }, (_, i) => {
      const text = HOSTILE[i % HOSTILE.length]
      return finding('replace-not-allowed', i + 2, { step: 'replace', file: text, message: text })
    })
    const md = renderComment(result(hostile, hostile.length), { ...options, identity: HOSTILE.join(' ') })
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT_BYTES)
    expect(md).toMatch(/\d+ more blocking finding\(s\) did not fit in a comment: see the job summary\./)
    expectOnlyBlobLinks(render(md))
  })
})
