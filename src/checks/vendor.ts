/** Step `vendor`: not yet built; it reports step-skipped so the gate never passes it silently. */
import { skipped } from '../findings.js'
import type { Check } from './check.js'

export const vendorCheck: Check = {
  id: 'vendor',
  async run(ctx) {
    const file = ctx.scope.modules[0]?.goModFile ?? 'go.mod'
    return [skipped('vendor', file, 'the vendor step is not available in this version of go-guard; it is planned and does not run yet')]
  }
}
