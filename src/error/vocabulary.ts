/**
 * The classification vocabulary shared by the catalogue, the classifier and the errors:
 * status classes, categories and retry strategies, as io-ts codecs (the single source of
 * truth for their types).
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The coarse class of an HTTP status, from the status alone.
 *
 * @example
 * import { StatusClass } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(StatusClass.is('4xx'), true)
 *
 * @since 0.1.0
 * @category model
 */
export const StatusClass = t.keyof({ '1xx': null, '2xx': null, '3xx': null, '4xx': null, '5xx': null })
/** @since 0.1.0 @category model */
export type StatusClass = t.TypeOf<typeof StatusClass>

/**
 * What went wrong, finer than the status class.
 *
 * @example
 * import { Category } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(Category.is('throttled'), true)
 * assert.strictEqual(Category.is('teapot'), false)
 *
 * @since 0.1.0
 * @category model
 */
export const Category = t.keyof({
  validation: null,
  auth: null,
  permission: null,
  'not-found': null,
  conflict: null,
  quota: null,
  throttled: null,
  payload: null,
  server: null,
  unavailable: null,
  timeout: null,
  unknown: null,
})
/** @since 0.1.0 @category model */
export type Category = t.TypeOf<typeof Category>

/**
 * How a caller should retry: `never`; `backoff` (exponential with jitter); `after` (honour
 * `Retry-After`); `reauth` (refresh the token, then retry once).
 *
 * @example
 * import { RetryStrategy } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(RetryStrategy.is('reauth'), true)
 *
 * @since 0.1.0
 * @category model
 */
export const RetryStrategy = t.keyof({ never: null, backoff: null, after: null, reauth: null })
/** @since 0.1.0 @category model */
export type RetryStrategy = t.TypeOf<typeof RetryStrategy>

/**
 * A retry hint: `retryable` is true for every strategy but `never`; `delayMs` is set when the
 * response said how long to wait (`Retry-After`).
 *
 * @example
 * import type { RetryHint } from 'otc-errors'
 * const hint: RetryHint = { retryable: true, strategy: 'after', delayMs: 2000 }
 *
 * @since 0.1.0
 * @category model
 */
export interface RetryHint {
  readonly retryable: boolean
  readonly strategy: RetryStrategy
  readonly delayMs?: number
}

/**
 * Every category, in the order the docs list them.
 *
 * @example
 * import { categories } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(categories[0], 'validation')
 * assert.strictEqual(categories.length, 12)
 *
 * @since 0.1.0
 * @category constants
 */
export const categories: ReadonlyArray<Category> = Object.keys(Category.keys) as Array<Category>
/**
 * Every retry strategy.
 *
 * @example
 * import { retryStrategies } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(retryStrategies, ['never', 'backoff', 'after', 'reauth'])
 *
 * @since 0.1.0
 * @category constants
 */
export const retryStrategies: ReadonlyArray<RetryStrategy> = Object.keys(RetryStrategy.keys) as Array<RetryStrategy>

/**
 * The retry hint of an error that no retry fixes: `{ retryable: false, strategy: 'never' }`.
 * Internal: not exported from the package root.
 *
 * @internal
 * @since 0.1.0
 */
export const NEVER_RETRY: RetryHint = { retryable: false, strategy: 'never' }
