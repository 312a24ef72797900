import { expect } from '@jest/globals'

/**
 * `expect(actual).toEqual(expected)` that prints `context` when it fails: jest's expect takes no
 * message, so the context rides along in the compared value.
 */
export function expectEqualIn(context: unknown, actual: unknown, expected: unknown): void {
  expect({ context, actual }).toEqual({ context, actual: expected })
}
