/**
 * The one Markdown escaper, judged by what a real GFM renderer (marked) makes of its output:
 * repository text must render as the same text, never as a link, an image, a mention or HTML.
 */
import { describe, expect, it } from '@jest/globals'
import { marked } from 'marked'
import { blobLinks, code, escapeMarkdown, location, ruleLabel } from '../src/report/markdown.js'
import { HOSTILE, expectInert, visibleText } from './helpers/markdown.js'

const cell = (inline: string): string => marked.parse(`| x |\n|---|\n| ${inline} |\n`, { gfm: true, async: false })
const paragraph = (inline: string): string => marked.parse(`Text: ${inline}\n`, { gfm: true, async: false })

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('renders %j as the same text and nothing else, in a table cell and in a paragraph', text => {
    const expected = text
      .replace(/\r\n|\r/g, '\n')
      .replaceAll('\u0000', '\u2400')
      .replaceAll('\u001b', '\u241b')
    const inCell = cell(escapeMarkdown(text))
    expectInert(inCell)
    expect(inCell.match(/<td>/g)).toHaveLength(1)
    expect(visibleText(/<td>([\s\S]*)<\/td>/.exec(inCell)![1])).toBe(expected.trim())
    const inText = paragraph(escapeMarkdown(text))
    expectInert(inText)
  })

  it('writes module@version as a code span, so the GFM autolinker sees no e-mail address', () => {
    expect(escapeMarkdown('example.com/a@v1.0.0 is new.')).toBe('`example.com/a@v1.0.0` is new.')
    expect(cell(escapeMarkdown('example.com/a@v1.0.0'))).toContain('<code>example.com/a@v1.0.0</code>')
  })

  it('writes mentions and issue references as code spans, where GitHub links neither', () => {
    expect(escapeMarkdown('by @octocat, fixes #12 (GH-3).')).toBe('by `@octocat`, fixes `#12` &#40;`GH-3`&#41;.')
  })

  it('shows control characters as visible pictures: no ANSI escape reaches the page', () => {
    expect(escapeMarkdown('\u001b[31m')).toBe('\u241b&#91;31m')
  })
})

describe('code spans', () => {
  it.each(HOSTILE)('keep %j on one line and literal', text => {
    const html = cell(code(text))
    expectInert(html)
    expect(html.match(/<td>/g)).toHaveLength(1)
    expect(html).toMatch(/<td><code>[^\n]*<\/code><\/td>/)
  })
})

describe('rule labels', () => {
  it('use non-breaking hyphens, so a rule ID never wraps', () => {
    expect(cell(ruleLabel('sum-hash-changed'))).toContain('<code>sum\u2011hash\u2011changed</code>')
  })
})

describe('locations', () => {
  const links = blobLinks(
    { serverUrl: 'https://github.example/', repository: 'octo/repo', sha: 'a'.repeat(40) },
    file => `sub/${file}`
  )

  it('link to the line at the commit, every path character outside [A-Za-z0-9._~-] percent-encoded', () => {
    const html = cell(location('go.sum)(x y/[a]', 7, links))
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map(m => m[1])
    expect(hrefs).toEqual([`https://github.example/octo/repo/blob/${'a'.repeat(40)}/sub/go.sum%29%28x%20y/%5Ba%5D#L7`])
    expect(html).toContain('<code>sub/go.sum)(x y/[a]:7</code>')
  })

  it('are plain code spans when the runner variables are missing or malformed', () => {
    for (const env of [
      { serverUrl: 'https://github.example', repository: 'octo/repo' },
      { serverUrl: 'javascript:alert(1)', repository: 'octo/repo', sha: 'a'.repeat(40) },
      { serverUrl: 'https://github.example', repository: 'octo/repo)(x', sha: 'a'.repeat(40) },
      { serverUrl: 'https://github.example', repository: 'octo/repo', sha: 'HEAD' }
    ]) {
      expect(blobLinks(env, f => f)).toBeUndefined()
    }
    expect(location('go.mod', 3, undefined)).toBe('`go.mod:3`')
    expect(
      location(
        '../outside/go.mod',
        3,
        blobLinks({ ...env(), sha: 'b'.repeat(40) }, () => undefined)
      )
    ).toBe('`../outside/go.mod:3`')
  })
})

function env(): { serverUrl: string; repository: string } {
  return { serverUrl: 'https://github.example', repository: 'octo/repo' }
}
