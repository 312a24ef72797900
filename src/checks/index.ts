import type { StepId } from '../findings.js'
import type { Check } from './check.js'
import { replaceCheck } from './replace.js'
import { sumDriftCheck } from './sum-drift.js'
import { toolchainCheck } from './toolchain.js'
import { vendorCheck } from './vendor.js'
import { verifyCheck } from './verify.js'

/** The fixed sequence of the contract, in order. */
export const CHECKS: Record<StepId, Check> = {
  toolchain: toolchainCheck,
  verify: verifyCheck,
  'sum-drift': sumDriftCheck,
  vendor: vendorCheck,
  replace: replaceCheck
}
