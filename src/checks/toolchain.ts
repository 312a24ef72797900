/** Step `toolchain`: not yet built; it reports step-skipped so the gate never passes it silently. */
import { skipped } from '../findings.js'
import type { Check } from './check.js'

export const toolchainCheck: Check = {
  id: 'toolchain',
  async run(ctx) {
    const file = ctx.scope.modules[0]?.goModFile ?? 'go.mod'
    return [skipped('toolchain', file, 'the toolchain step is not available in this version of go-guard; it is planned and does not run yet')]
  }
}
