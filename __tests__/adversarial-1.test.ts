// Hostile pull requests through dist/index.js (__tests__/helpers/adversarial.ts), shard 1 of 2.
import { adversarialSuite } from './helpers/adversarial.js'

adversarialSuite(0, 2)
