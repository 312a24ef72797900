/** The toolchain proof's HTTP downloads: which failures are retried, on a 127.0.0.1 server. */
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DEFAULT_LIMITS, downloadText } from '../src/toolchain/download.js'

describe('downloads', () => {
  // Each path answers with its own status, or (after `/flaky-`) fails that many times first.
  const asked = new Map<string, number>()
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/'
    const n = (asked.get(url) ?? 0) + 1
    asked.set(url, n)
    // `/flaky-2-429-1`: fails twice with 429, asking to come back after 1 s.
    const flaky = /^\/flaky-(\d+)(?:-(\d+))?(?:-(\d+))?$/.exec(url)
    const status = flaky ? (n > Number(flaky[1]) ? 200 : Number(flaky[2] ?? 503)) : Number(url.slice(1))
    const retryAfter = flaky?.[3] === undefined || status === 200 ? {} : { 'retry-after': flaky[3] }
    res.writeHead(status, retryAfter).end(status === 200 ? 'ok' : '')
  })
  let base = ''
  beforeAll(async () => {
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise(resolve => server.close(resolve)))
  const limits = { ...DEFAULT_LIMITS, retries: 3, backoffMs: 1 }

  it.each([[404], [403], [410]])('does not retry an HTTP %i: the answer will not change', async status => {
    await expect(downloadText(`${base}/${status}`, limits)).rejects.toThrow(`${base}/${status}: HTTP ${status}`)
    expect(asked.get(`/${status}`)).toBe(1)
  })

  it('retries an HTTP 5xx, and gives up after the retries with the last status', async () => {
    await expect(downloadText(`${base}/500`, limits)).rejects.toThrow(`${base}/500: HTTP 500`)
    expect(asked.get('/500')).toBe(1 + limits.retries)
    expect(await downloadText(`${base}/flaky-2`, limits)).toBe('ok')
    expect(asked.get('/flaky-2')).toBe(3)
  })
  it.each([[408], [429]])('retries an HTTP %i: the server is busy, not refusing', async status => {
    expect(await downloadText(`${base}/flaky-1-${status}`, limits)).toBe('ok')
    expect(asked.get(`/flaky-1-${status}`)).toBe(2)
  })

  it('waits as long as Retry-After asks before trying again', async () => {
    const started = performance.now()
    expect(await downloadText(`${base}/flaky-1-429-1`, limits)).toBe('ok')
    expect(performance.now() - started).toBeGreaterThanOrEqual(950)
  })
})
