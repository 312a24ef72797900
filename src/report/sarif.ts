/** Findings as a SARIF 2.1.0 log, for code scanning. */
import type { Log, ReportingDescriptor, Result } from 'sarif'
import type { Finding } from '../findings.js'
import { RULES } from '../rules.js'

const LEVEL: Record<Finding['severity'], Result.level> = { error: 'error', warning: 'warning', notice: 'note' }

export function renderSarif(findings: Finding[], version: string): Log {
  const ruleIds = Object.keys(RULES)
  const rules: ReportingDescriptor[] = ruleIds.map(id => ({
    id,
    shortDescription: { text: RULES[id].summary },
    help: { text: RULES[id].fix },
    defaultConfiguration: { level: LEVEL[RULES[id].severity] }
  }))
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'go-guard', version, informationUri: 'https://github.com/org/go-guard', rules } },
        results: findings.map(f => ({
          ruleId: f.rule,
          ruleIndex: ruleIds.indexOf(f.rule),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line }
              }
            }
          ],
          ...(f.also
            ? {
                relatedLocations: f.also.map((a, id) => ({
                  id,
                  physicalLocation: {
                    artifactLocation: { uri: a.file, uriBaseId: '%SRCROOT%' },
                    region: { startLine: a.line }
                  }
                }))
              }
            : {}),
          ...(f.module
            ? { properties: { module: f.module, ...(f.version ? { version: f.version } : {}), step: f.step } }
            : { properties: { step: f.step } })
        }))
      }
    ]
  }
}
