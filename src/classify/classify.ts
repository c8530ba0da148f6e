/**
 * Classification of one error: category and retry hint from the catalogue entry when it fits
 * the observed status, else from the status; `Retry-After` turns a backoff into a wait.
 *
 * @since 0.1.0
 */
import * as O from '../fp/option.js'
import { NEVER_RETRY, type Category, type RetryHint, type RetryStrategy } from '../error/vocabulary.js'
import { RETRY_AFTER_STATUSES } from './status.js'
import { categorizeWording } from './wording.js'

/**
 * What classification needs of a catalogue entry.
 *
 * @example
 * import { classify, type Documented } from 'otc-errors'
 * import * as O from 'fp-ts/lib/Option.js'
 * import * as assert from 'node:assert'
 * const documented: Documented = { status: 409, category: 'conflict', retry: 'backoff' }
 * assert.strictEqual(classify(409, O.some(documented), O.none).retry.strategy, 'backoff')
 *
 * @since 0.1.0
 * @category model
 */
export interface Documented {
  readonly status: number | null
  readonly category: Category
  readonly retry: RetryStrategy
}

/**
 * The result: a category, a retry hint, and the documented status when it was overruled
 * because its class differs from the observed one.
 *
 * @example
 * import { classify, type Classification } from 'otc-errors'
 * import * as O from 'fp-ts/lib/Option.js'
 * import * as assert from 'node:assert'
 * // The table documents a 500; the response was a 400: the observed status decides.
 * const c: Classification = classify(400, O.some({ status: 500, category: 'server', retry: 'backoff' }), O.none)
 * assert.deepStrictEqual([c.category, c.retry.strategy, c.documentedStatus], ['validation', 'never', 500])
 *
 * @since 0.1.0
 * @category model
 */
export interface Classification {
  readonly category: Category
  readonly retry: RetryHint
  readonly documentedStatus: number | null
}

/**
 * Whether the observed status agrees with the documented one well enough for the entry's
 * category and retry to apply: the same status, or no documented status.
 *
 * @example
 * import { entryFits } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(entryFits(500, 400), false)
 * assert.strictEqual(entryFits(400, 404), false)
 * assert.strictEqual(entryFits(null, 404), true)
 *
 * @since 0.1.0
 * @category classification
 */
export const entryFits = (documented: number | null, observed: number): boolean => documented === null || documented === observed

/**
 * A retry hint for a strategy, honouring a `Retry-After` delay where the status or category
 * calls for it (429, 408, 503, or any throttling code).
 *
 * @example
 * import { retryHintFor } from 'otc-errors'
 * import * as O from 'fp-ts/lib/Option.js'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(retryHintFor(429, 'throttled', 'backoff', O.some(2000)), { retryable: true, strategy: 'after', delayMs: 2000 })
 * assert.deepStrictEqual(retryHintFor(429, 'throttled', 'backoff', O.none), { retryable: true, strategy: 'backoff' })
 * assert.deepStrictEqual(retryHintFor(400, 'validation', 'never', O.some(2000)), { retryable: false, strategy: 'never' })
 *
 * @since 0.1.0
 * @category classification
 */
export const retryHintFor = (status: number, category: Category, strategy: RetryStrategy, retryAfterMs: O.Option<number>): RetryHint => {
  const honoursRetryAfter = strategy === 'backoff' && (RETRY_AFTER_STATUSES.has(status) || category === 'throttled')
  if (honoursRetryAfter && O.isSome(retryAfterMs)) return { retryable: true, strategy: 'after', delayMs: retryAfterMs.value }
  return HINTS[strategy]
}

/** The hint of each strategy without a delay: one shared value each, so the hot path allocates none. */
const HINTS: Readonly<Record<RetryStrategy, RetryHint>> = {
  never: NEVER_RETRY,
  backoff: { retryable: true, strategy: 'backoff' },
  after: { retryable: true, strategy: 'after' },
  reauth: { retryable: true, strategy: 'reauth' },
}

/**
 * Classifies an error response. The response is evidence, the catalogue prior knowledge: when
 * the observed status equals the documented one (or the entry documents none), the entry's
 * category and retry stand; otherwise, or for a code the catalogue does not know, the observed
 * status and the response's own `message` decide (a 413 that says "Quota exceeded" is `quota`),
 * and `documentedStatus` records the entry's status.
 *
 * @example
 * import { classify } from 'otc-errors'
 * import * as O from 'fp-ts/lib/Option.js'
 * import * as assert from 'node:assert'
 * // AS.0001 is documented as a 500 "System error." but real responses send it with a 400
 * const documented = O.some({ status: 500, category: 'server' as const, retry: 'backoff' as const })
 * assert.deepStrictEqual(classify(400, documented, O.none), {
 *   category: 'validation', retry: { retryable: false, strategy: 'never' }, documentedStatus: 500 })
 * // Nova's overLimit wrapper is documented as 413 "payload"; its message says what it is
 * assert.strictEqual(classify(413, O.none, O.none, 'Quota exceeded for instances: Requested 1, but already used 10 of 10 instances').category, 'quota')
 *
 * @since 0.1.0
 * @category classification
 */
export const classify = (status: number, entry: O.Option<Documented>, retryAfterMs: O.Option<number>, message: string | null = null): Classification => {
  if (O.isSome(entry) && entryFits(entry.value.status, status)) {
    const { category, retry } = entry.value
    return { category, retry: retryHintFor(status, category, retry, retryAfterMs), documentedStatus: null }
  }
  const rule = fromResponse(status, message)
  return {
    category: rule.category,
    retry: retryHintFor(status, rule.category, rule.retry, retryAfterMs),
    documentedStatus: O.isSome(entry) ? entry.value.status : null,
  }
}

/** The verdict of the observed status and the response's wording (a non-error status says nothing: unknown). */
const fromResponse = (status: number, message: string | null): { readonly category: Category; readonly retry: RetryStrategy } =>
  status < 400 ? NOT_AN_ERROR : categorizeWording(status, message ?? '')

const NOT_AN_ERROR = { category: 'unknown', retry: 'never' } as const
