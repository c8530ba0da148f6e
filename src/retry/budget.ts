/**
 * The retry budget: a token bucket shared by every call made through one retry executor (or
 * several, when they are given the same budget), so that a failing service is not hammered by
 * every caller retrying at once. It follows the AWS SDKs' "standard" retry quota: 500 tokens;
 * a retry costs 5 tokens, or 10 after a transient failure (no response, a timeout, 500, 502, 503,
 * 504); a success gives back the cost of the retry that led to it, or 1 token when it needed no
 * retry; with too few tokens left, errors are returned at once instead of retried.
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * Tokens in a fresh budget (the AWS SDKs' `INITIAL_RETRY_TOKENS`).
 *
 * @example
 * import { RETRY_BUDGET_CAPACITY, retryBudget } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(retryBudget().available(), RETRY_BUDGET_CAPACITY)
 *
 * @since 0.1.0
 * @category constants
 */
export const RETRY_BUDGET_CAPACITY = 500

/**
 * Tokens a retry costs after throttling or any other retryable error that is not transient.
 *
 * @example
 * import { RETRY_COST } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(RETRY_COST, 5)
 *
 * @since 0.1.0
 * @category constants
 */
export const RETRY_COST = 5

/**
 * Tokens a retry costs after a transient failure: no response at all, a timeout, or a 500, 502,
 * 503 or 504. Twice the normal cost: these are the failures that say the service is struggling.
 *
 * @example
 * import { TRANSIENT_RETRY_COST } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(TRANSIENT_RETRY_COST, 10)
 *
 * @since 0.1.0
 * @category constants
 */
export const TRANSIENT_RETRY_COST = 10

/**
 * Tokens a success adds when it needed no retry (the bucket slowly refills while things work).
 *
 * @example
 * import { NO_RETRY_INCREMENT } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(NO_RETRY_INCREMENT, 1)
 *
 * @since 0.1.0
 * @category constants
 */
export const NO_RETRY_INCREMENT = 1

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A shared retry budget. `acquire(cost)` takes tokens for a retry and says whether there were
 * enough; `recordSuccess(lastCost)` gives back the cost of the retry that succeeded (or
 * `NO_RETRY_INCREMENT` when `lastCost` is null), never beyond the capacity.
 *
 * @example
 * import { retryBudget } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const budget = retryBudget(12)
 * assert.strictEqual(budget.acquire(10), true)
 * assert.strictEqual(budget.acquire(5), false) // only 2 left: no retry
 * budget.recordSuccess(10)
 * assert.strictEqual(budget.available(), 12)
 *
 * @since 0.1.0
 * @category model
 */
export interface RetryBudget {
  /** The most tokens the budget holds. */
  readonly capacity: number
  /** The tokens left. */
  readonly available: () => number
  /** Takes `cost` tokens for a retry; false (taking nothing) when there are not enough. */
  readonly acquire: (cost: number) => boolean
  /** Gives back `lastCost` after a success that needed a retry, or `NO_RETRY_INCREMENT` when `lastCost` is null. */
  readonly recordSuccess: (lastCost: number | null) => void
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const tokens = (n: number): number => (Number.isFinite(n) && n > 0 ? n : 0)

/**
 * A fresh budget of `capacity` tokens (default `RETRY_BUDGET_CAPACITY`). Give the same budget
 * to every executor that talks to the same service, so that they back off together.
 *
 * @example
 * import { retryBudget, retryExecutor } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const shared = retryBudget()
 * const retryAs = retryExecutor({ budget: shared })
 * const retryAsToo = retryExecutor({ budget: shared })
 * assert.strictEqual(retryAs.budget, retryAsToo.budget)
 *
 * @since 0.1.0
 * @category constructors
 */
export const retryBudget = (capacity: number = RETRY_BUDGET_CAPACITY): RetryBudget => {
  const max = tokens(capacity)
  let available = max
  return {
    capacity: max,
    available: () => available,
    acquire: (cost) => {
      const c = tokens(cost)
      if (c > available) return false
      available -= c
      return true
    },
    recordSuccess: (lastCost) => {
      available = Math.min(max, available + (lastCost === null ? NO_RETRY_INCREMENT : tokens(lastCost)))
    },
  }
}
