/**
 * Reading `Retry-After`: delay-seconds or an HTTP date, turned into milliseconds.
 *
 * @since 0.1.0
 */
import * as O from '../fp/option.js'

/**
 * The longest wait a `Retry-After` can ask for; longer values are clamped to it (one day).
 *
 * @example
 * import { MAX_RETRY_AFTER_MS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(MAX_RETRY_AFTER_MS, 86_400_000)
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000

const SECONDS = /^\s*(\d{1,12})(?:\.\d+)?\s*$/

/**
 * Milliseconds to wait from a `Retry-After` value: whole seconds (`"120"`) or an HTTP date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`, measured from `nowMs`). Clamped to
 * 0…`MAX_RETRY_AFTER_MS`; `None` when absent or unreadable. Never NaN.
 *
 * @example
 * import { parseRetryAfter } from 'otc-errors'
 * import * as O from 'fp-ts/lib/Option.js'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(parseRetryAfter('3', 0), O.some(3000))
 * assert.deepStrictEqual(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000), O.some(6000))
 * assert.deepStrictEqual(parseRetryAfter('soon', 0), O.none)
 *
 * @since 0.1.0
 * @category classification
 */
export const parseRetryAfter = (value: string | undefined, nowMs: number): O.Option<number> => {
  if (value === undefined) return O.none
  const seconds = SECONDS.exec(value)
  if (seconds !== null) return O.some(clamp(Number(seconds[1]) * 1000))
  if (!/[a-z]/i.test(value) || value.length > 64) return O.none
  const at = Date.parse(value)
  return Number.isFinite(at) && Number.isFinite(nowMs) ? O.some(clamp(at - nowMs)) : O.none
}

const clamp = (ms: number): number => (Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.round(ms))) : MAX_RETRY_AFTER_MS)
