/**
 * The `retry-ts` combinators the retry module uses, with `retry-ts`'s types and semantics:
 * importing `retry-ts` at run time loads fp-ts's Option, Monoid, Ord and pipeable modules,
 * which every short-lived process would pay for at start-up (see `npm run bench:cold`). The
 * policies made here are plain `RetryPolicy` functions, to combine with `retry-ts`'s own.
 *
 * Internal: not exported from the package root.
 *
 * @internal
 * @since 0.1.0
 */
import type { RetryPolicy, RetryStatus } from 'retry-ts'
import * as O from '../fp/option.js'

/** Both policies must allow a retry; the longer delay wins (`retry-ts`'s `Monoid.concat`). */
export const concatPolicies =
  (a: RetryPolicy, b: RetryPolicy): RetryPolicy =>
  (status) => {
    const x = a(status)
    const y = b(status)
    return O.isSome(x) && O.isSome(y) ? O.some(Math.max(x.value, y.value)) : O.none
  }

/** Retry at once, up to `i` times (`retry-ts`'s `limitRetries`). */
export const limitRetries =
  (i: number): RetryPolicy =>
  (status) =>
    status.iterNumber >= i ? O.none : O.some(0)

/** The same delay every time (`retry-ts`'s `constantDelay`). */
export const constantDelay =
  (delay: number): RetryPolicy =>
  () =>
    O.some(delay)

/** A policy's delays, capped (`retry-ts`'s `capDelay`). */
export const capDelay =
  (maxDelay: number, policy: RetryPolicy): RetryPolicy =>
  (status) => {
    const delay = policy(status)
    return O.isSome(delay) ? O.some(Math.min(maxDelay, delay.value)) : delay
  }

/** A delay that doubles every iteration (`retry-ts`'s `exponentialBackoff`). */
export const exponentialBackoff =
  (delay: number): RetryPolicy =>
  (status) =>
    O.some(delay * Math.pow(2, status.iterNumber))

/** The status before the first retry (`retry-ts`'s `defaultRetryStatus`). */
export const defaultRetryStatus: RetryStatus = { iterNumber: 0, cumulativeDelay: 0, previousDelay: O.none }
