import * as fs from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { INPUT_DEFAULTS } from '../src/config.js'
import { RULES } from '../src/rules.js'

const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8')

describe('README', () => {
  it('documents every rule with its default severity and fix', () => {
    for (const [id, rule] of Object.entries(RULES)) {
      expect(readme).toContain(`| \`${id}\` | ${rule.step} | ${rule.severity} | ${rule.summary} | ${rule.fix} |`)
    }
  })
  it('documents every input', () => {
    for (const name of Object.keys(INPUT_DEFAULTS)) expect(readme).toContain(`| \`${name}\` |`)
  })
})
