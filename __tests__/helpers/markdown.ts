/** Hostile repository text and what a rendered page must not make of it. */
import { expect } from '@jest/globals'

export const HOSTILE = [
  '::error file=go.mod,line=1::forged%0A::warning::x',
  'line1\r\nline2\rline3\n::set-output name=x::y',
  '\u001b[31mred\u001b[0m and NUL\u0000',
  'a`b``c``` `',
  '[click](https://evil.example/x) and [ref]: https://evil.example',
  '![img](https://evil.example/i.png)',
  'example.com/a => ![x](https://evil.example/i.png)',
  'github.com/a/b@v1.0.0, foo@bar.example and @octocat',
  '<img src=x onerror=alert(1)><script>alert(1)</script><b>bold</b><!-- hidden -->',
  '&lt;b&gt; &amp; &#64; &#x3C;i&#x3E;',
  '| a | b |',
  '**bold** _em_ ~~strike~~ # head $x^2$ [^1] :+1:',
  'www.evil.example https://evil.example <https://evil.example> mailto:x@y.example',
  '\\*not em\\* \\\\ \\`',
  'go.sum)(x y',
  '(www.evil.example) x:https://evil.example fixes #12, GH-3 and octo/repo#4'
]

/** The cell's content as a reader sees it: tags dropped (line breaks kept as \n), entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/<\/?(code|p|td|tr|th|table|thead|tbody)>/g, '')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim()
}

export function expectInert(html: string): void {
  expect(html).not.toMatch(/<a[\s>]/)
  expect(html).not.toMatch(/<img/)
  expect(html).not.toMatch(/="mailto:/)
  expect(html).not.toMatch(/<(script|b|i|del|h\d|strong|em|sup|section|!--)[\s>]/)
}

/** sum-module-added findings shown as rows, and counted in the "Not shown" table. */
export function addedRows(page: string): { shown: number; counted: number } {
  const counted =
    /<td><code>sum\u2011module\u2011added<\/code><\/td>\n<td>sum-drift<\/td>\n<td>ℹ️ notice<\/td>\n<td>(\d+)<\/td>/.exec(
      page
    )
  return {
    shown: page.split('<td>ℹ️ notice</td>\n<td><code>sum\u2011module\u2011added</code></td>').length - 1,
    counted: Number(counted?.[1] ?? 0)
  }
}
