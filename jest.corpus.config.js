// The corpus checks (scripts/test-corpus.mjs): the suite's settings, other test files.
import base from './jest.config.js'

export default { ...base, testMatch: ['<rootDir>/__tests__/corpus/*.corpus.ts'], globalSetup: undefined }
