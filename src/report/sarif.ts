/** Findings as a SARIF 2.1.0 log, for code scanning. */
import type { Log, ReportingDescriptor, Result } from 'sarif'
import type { Finding } from '../findings.js'
import { RULES, type RuleId } from '../rules.js'
import type { WorkspacePaths } from './paths.js'

const LEVEL: Record<Finding['severity'], Result.level> = { error: 'error', warning: 'warning', notice: 'note' }

/**
 * `informationUri` is the action's own repository where the runner names it
 * (GITHUB_ACTION_REPOSITORY); elsewhere it is left out rather than invented.
 */
export function renderSarif(
  findings: Finding[],
  version: string,
  toWorkspace: WorkspacePaths,
  informationUri?: string
): Log {
  const ruleIds = Object.keys(RULES) as RuleId[]
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
        tool: { driver: { name: 'go-guard', version, ...(informationUri ? { informationUri } : {}), rules } },
        results: findings.map(f => ({
          ruleId: f.rule,
          ruleIndex: ruleIds.indexOf(f.rule),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toWorkspace(f.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line }
              }
            }
          ],
          ...(f.also
            ? {
                relatedLocations: f.also.map((a, id) => ({
                  id,
                  physicalLocation: {
                    artifactLocation: { uri: toWorkspace(a.file), uriBaseId: '%SRCROOT%' },
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
