// Hostile pull requests through dist/index.js (__tests__/helpers/adversarial.ts), shard 2 of 2.
import { adversarialSuite } from './helpers/adversarial.js'

adversarialSuite(1, 2)
