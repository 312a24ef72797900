/** HTTP downloads for the toolchain proof: bounded in time and size, retried with backoff. */
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { GoGuardVariables } from '../config.js'

export interface DownloadLimits {
  timeoutMs: number
  retries: number
  maxBytes: number
  /** First backoff; doubled each retry. */
  backoffMs: number
}

export const DEFAULT_LIMITS: DownloadLimits = { timeoutMs: 120_000, retries: 3, backoffMs: 500, maxBytes: 512 << 20 }

/** DEFAULT_LIMITS, with GO_GUARD_HTTP_TIMEOUT (validated in config.ts) where set. */
export function limitsFrom(variables: GoGuardVariables): DownloadLimits {
  return { ...DEFAULT_LIMITS, timeoutMs: variables.httpTimeoutMs ?? DEFAULT_LIMITS.timeoutMs }
}

/** An answer other than 2xx: its status, not its text, decides whether a retry can help. */
class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    statusText: string,
    /** Retry-After in milliseconds, where the server said when to come back. */
    readonly retryAfterMs?: number
  ) {
    super(`HTTP ${status} ${statusText}`)
  }

  /** 5xx, 408 Request Timeout and 429 Too Many Requests may pass; any other 4xx will not change. */
  get retryable(): boolean {
    return this.status >= 500 || this.status === 408 || this.status === 429
  }
}

// Longest Retry-After honoured: a gate waits for a busy server, not for one that asks for hours.
const MAX_RETRY_AFTER_MS = 30_000

/** Retry-After (RFC 9110 10.2.3): delay-seconds or an HTTP date. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - Date.now()
  return Number.isNaN(ms) ? undefined : Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS)
}

async function attempt<T>(url: string, limits: DownloadLimits, consume: (body: Readable) => Promise<T>): Promise<T> {
  const controller = new AbortController()
  const timer = setTimeout(
    () => controller.abort(new Error(`timed out after ${limits.timeoutMs / 1000} s`)),
    limits.timeoutMs
  )
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: 'follow' })
    if (!response.ok || response.body === null)
      throw new HttpStatusError(response.status, response.statusText, retryAfterMs(response.headers.get('retry-after')))
    const declared = Number(response.headers.get('content-length') ?? NaN)
    if (declared > limits.maxBytes) throw new Error(`${declared} bytes is over the ${limits.maxBytes}-byte limit`)
    let seen = 0
    // An async generator carries a broken connection's error on to the consumer, which .pipe() would drop.
    async function* limited(source: Readable): AsyncGenerator<Buffer> {
      for await (const chunk of source) {
        seen += (chunk as Buffer).length
        if (seen > limits.maxBytes) throw new Error(`over the ${limits.maxBytes}-byte limit`)
        yield chunk as Buffer
      }
    }
    const body = Readable.from(limited(Readable.fromWeb(response.body)))
    const result = await consume(body)
    if (!Number.isNaN(declared) && seen !== declared) throw new Error(`truncated: ${seen} of ${declared} bytes`)
    return result
  } catch (error) {
    throw controller.signal.aborted ? (controller.signal.reason as Error) : error
  } finally {
    clearTimeout(timer)
  }
}

async function withRetries<T>(
  url: string,
  limits: DownloadLimits,
  consume: (body: Readable) => Promise<T>
): Promise<T> {
  let last: unknown
  for (let i = 0; i <= limits.retries; i++) {
    if (i > 0) {
      const backoff = limits.backoffMs * 2 ** (i - 1)
      const asked = last instanceof HttpStatusError ? last.retryAfterMs : undefined
      await new Promise(r => setTimeout(r, Math.max(backoff, asked ?? 0)))
    }
    try {
      return await attempt(url, limits, consume)
    } catch (error) {
      last = error
      if (error instanceof HttpStatusError && !error.retryable) break
    }
  }
  // fetch reports "fetch failed" and keeps the reason (DNS, refused, TLS) in `cause`.
  const cause = last instanceof Error && last.cause instanceof Error ? `: ${last.cause.message}` : ''
  throw new Error(`${url}: ${last instanceof Error ? last.message : String(last)}${cause}`)
}

export async function downloadText(url: string, limits: DownloadLimits = DEFAULT_LIMITS): Promise<string> {
  return withRetries(url, limits, async body => {
    const chunks: Buffer[] = []
    for await (const chunk of body) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  })
}

/** Downloads `url` to `file`, hashing as it streams; returns the SHA-256 hex. */
export async function downloadFile(
  url: string,
  file: string,
  limits: DownloadLimits = DEFAULT_LIMITS
): Promise<string> {
  return withRetries(url, limits, async body => {
    const hash = createHash('sha256')
    await pipeline(
      body,
      new Transform({ transform: (chunk: Buffer, _e, done) => (hash.update(chunk), done(null, chunk)) }),
      createWriteStream(file)
    )
    return hash.digest('hex')
  })
}
