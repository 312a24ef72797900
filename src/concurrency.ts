import { availableParallelism } from 'node:os'

/** Runs `fn` over `items` with at most `limit` in flight, keeping order of results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/**
 * A counting semaphore: at most `size` holders at once, the waiting served in arrival order.
 * Background tasks wait in their own line, served only when no other task waits: work nothing
 * is waiting for yet fills idle slots instead of delaying the steps.
 */
export class Semaphore {
  private free: number
  private readonly waiting: (() => void)[] = []
  private readonly background: (() => void)[] = []

  constructor(readonly size: number) {
    this.free = size
  }

  async use<T>(fn: () => Promise<T>, options: { background?: boolean } = {}): Promise<T> {
    if (this.free > 0) this.free--
    else await new Promise<void>(resolve => (options.background ? this.background : this.waiting).push(resolve))
    try {
      return await fn()
    } finally {
      // The slot passes straight to the next waiter, so none can be overtaken.
      const next = this.waiting.shift() ?? this.background.shift()
      if (next) next()
      else this.free++
    }
  }
}

/**
 * The run's one budget for CPU-heavy work: every go subprocess and every file hash holds a slot
 * while it runs, so the steps running side by side never ask for more than the machine's cores
 * (two on a hosted runner) and none starves the others. Nothing that holds a slot waits for another.
 * It is the only bound on the steps' work: a judgment that runs no go (replace, a skipped vendor
 * step) never queues behind another step's go commands.
 */
export const cpuBudget = new Semaphore(availableParallelism())
