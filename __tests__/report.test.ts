import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { createRequire } from 'node:module'
import * as core from '@actions/core'
import { describe, expect, it } from '@jest/globals'
import { expectEqualIn } from './helpers/expect.js'
import { compareFindings, skipped } from '../src/findings.js'
import { annotationMessage, planAnnotations } from '../src/report/annotations.js'
import { workspacePaths } from '../src/report/paths.js'
import { renderSarif } from '../src/report/sarif.js'
import { renderSummary } from '../src/report/summary.js'
import { renderJson } from '../src/report/json.js'
import { renderText } from '../src/report/text.js'
import { RULES } from '../src/rules.js'
import { finding, findingsOf, gateResult } from './helpers/factories.js'

describe('annotations', () => {
  it('emits the most severe first, at most 10 per severity, and says how many more are in the summary', () => {
    const findings = [...findingsOf('notice', 12), ...findingsOf('error', 14), ...findingsOf('warning', 3)]
    const plan = planAnnotations(findings)
    expect(plan.map(a => a.severity)).toEqual([
      ...Array(10).fill('error'),
      ...Array(3).fill('warning'),
      ...Array(10).fill('notice')
    ])
    expect(plan.at(-1)!.message).toMatch(/6 more findings are listed in the job summary/)
    expect(plan[0]).toMatchObject({ title: 'go-guard replace-not-allowed', file: 'go.mod', line: 1 })
    expect(plan[0].message).toMatch(/\nFix: /)
  })

  it("says the fix once: a finding's own fix over its rule's, never the message's last sentence again", () => {
    const tidy = finding('sum-missing-entry', 3, {
      message: 'go.sum has no hash for a.com/x. Run `go mod tidy` and commit go.sum.',
      fixInMessage: true
    })
    expect(annotationMessage(tidy)).toBe(tidy.message)
    const other = finding('sum-missing-entry', 3, { message: 'go.sum has no hash for a.com/x.' })
    expect(annotationMessage(other)).toBe(`${other.message}\nFix: ${RULES['sum-missing-entry'].fix}`)
    const skip = skipped('vendor', 'go.mod', 'the module has no vendor/ directory', 'nothing: vendoring is optional')
    expect(annotationMessage(skip)).toBe('the module has no vendor/ directory\nFix: nothing: vendoring is optional')
    // The terminal shows a finding's own fix under it; the rules' fixes are in the README.
    expect(renderText(gateResult([skip, other]))).toContain(
      'go.mod:1: notice: [step-skipped] the module has no vendor/ directory\n    fix: nothing: vendoring is optional\ngo.mod:3: error'
    )
  })

  it('adds no overflow note when everything fits', () => {
    const plan = planAnnotations(findingsOf('error', 2))
    expect(plan).toHaveLength(2)
    expect(plan.at(-1)!.message).not.toMatch(/more finding/)
  })
})

describe('job summary', () => {
  it('renders through the real core.summary with per-step status, timings and every finding', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'summary-')), 'summary.md')
    fs.writeFileSync(file, '')
    process.env.GITHUB_STEP_SUMMARY = file
    try {
      const findings = [finding('replace-local-path', 11, { step: 'replace', message: 'a | pipe <b>\nnew line' })]
      await core.summary.addRaw(renderSummary(gateResult(findings, 1), { failOn: 'error' })).write({ overwrite: true })
      const text = fs.readFileSync(file, 'utf8')
      expect(text).toContain('**Failed:** 1 blocking finding(s); 1 error, 0 warnings, 0 notices.')
      expect(text).toMatch(/\| verify \| ✅ passed \| 0 \| 1\.20 s \|/)
      expect(text).toMatch(/\| replace \| ❌ failed \| 1 \|/)
      expect(text).toContain('### replace')
      expect(text).toContain('`go.mod:11`')
      expect(text).toContain('a &#124; pipe &#60;b&#62;<br>new line')
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true })
      delete process.env.GITHUB_STEP_SUMMARY
    }
  })
})

describe('SARIF', () => {
  const require = createRequire(import.meta.url)
  // The SARIF schema is JSON Schema draft-04; ajv-draft-04 is CommonJS.
  const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default
  const schema = JSON.parse(
    fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')
  )
  const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }).compile(schema)

  it('validates against the SARIF 2.1.0 schema, with every rule described', () => {
    const findings = [
      finding('replace-not-allowed', 9, { module: 'github.com/a/b', version: 'v1.0.0' }),
      finding('sum-module-added', 3, { file: 'go.sum' })
    ]
    const log = renderSarif(findings, '1.0.0', file => file, 'https://github.com/example/go-guard')
    expectEqualIn(JSON.stringify(validate.errors), validate(log), true)
    expect(log.runs[0].tool.driver.rules).toHaveLength(Object.keys(RULES).length)
    expect(log.runs[0].results![1]).toMatchObject({ ruleId: 'sum-module-added', level: 'note' })
    expect(log.runs[0].results![0].locations![0].physicalLocation!.region!.startLine).toBe(9)
  })

  it('locates results in the checkout, where the repository root is a subfolder of it', () => {
    const log = renderSarif(
      [finding('replace-not-allowed', 4)],
      '1.0.0',
      workspacePaths('/w/repo/services/api', '/w/repo')
    )
    expect(log.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri).toBe('services/api/go.mod')
    // No informationUri is invented where the runner does not name the action's repository.
    expect(log.runs[0].tool.driver.informationUri).toBeUndefined()
  })

  it('the schema check fails on a broken log', () => {
    const log = renderSarif([finding('replace-not-allowed')], '1.0.0', file => file) as any
    log.runs[0].results[0].level = 'fatal'
    expect(validate(log)).toBe(false)
  })
})

describe('JSON report', () => {
  it('holds every finding, counts and steps', () => {
    const json = renderJson(gateResult([finding('replace-local-path', 2)], 1), '1.0.0') as any
    expect(json.blocking).toBe(1)
    expect(json.counts).toEqual({ error: 1, warning: 0, notice: 0 })
    expect(json.findings[0]).toMatchObject({ rule: 'replace-local-path', line: 2, file: 'go.mod' })
    expect(json.steps.map((s: any) => s.status)).toEqual(['passed', 'failed'])
  })
})

describe('findings with further locations', () => {
  it('are annotated on each place, counted against the limits', () => {
    const f = finding('sum-module-upgraded', 7, { file: 'go.sum', also: [{ file: 'go.mod', line: 6 }] })
    expect(planAnnotations([f]).map(a => `${a.file}:${a.line}`)).toEqual(['go.sum:7', 'go.mod:6'])
    const many = Array.from({ length: 6 }, (_, i) => ({ ...f, line: i + 1 }))
    const plan = planAnnotations(many)
    expect(plan).toHaveLength(10)
    expect(plan.at(-1)!.message).toMatch(/1 more finding is listed/)
  })
})

describe('finding order', () => {
  it('sorts files and messages by code unit, as Go sorts strings, whatever the locale', () => {
    const at = (file: string, message: string) => finding('replace-not-allowed', 1, { file, message })
    const sorted = [at('b/go.mod', 'x'), at('B/go.mod', 'x'), at('a/go.mod', 'é'), at('a/go.mod', 'z')].sort(
      compareFindings
    )
    // localeCompare puts 'b' before 'B' and 'é' before 'z' in most locales.
    expect(sorted.map(f => `${f.file} ${f.message}`)).toEqual(['B/go.mod x', 'a/go.mod z', 'a/go.mod é', 'b/go.mod x'])
  })
})
