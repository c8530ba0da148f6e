/**
 * The retry decision, as a pure function: given an error, where the call stands and one random
 * draw, retry (how long to wait, what it costs the budget) or stop (and why).
 *
 * The wait schedules are gcanti's `retry-ts` policies (`RetryPolicy`, `RetryStatus`):
 * `capDelay(cap, exponentialBackoff(base))` combined with `limitRetries` for `backoff`, and
 * `capDelay(maxAfterMs, constantDelay(delayMs))` for `after`. Full jitter is applied on top of
 * the policy's delay (`random · min(base · 2^i, cap)`), and a caller may pass a policy of their
 * own. The `retrying` combinator of `retry-ts/lib/Task` is not used: it waits with real timers
 * (no clock to inject, no `AbortSignal`), its policy cannot see the error (so it cannot tell
 * `after` from `backoff` from `reauth` from `never`), and it has no shared budget. The executor
 * (`retryExecutor`) is that loop, built around these policies.
 *
 * @since 0.1.0
 */
import * as O from '../fp/option.js'
import type { RetryPolicy, RetryStatus } from 'retry-ts'
import type { ServiceError } from '../error/ServiceError.js'
import { RETRY_COST, TRANSIENT_RETRY_COST } from './budget.js'
import { capDelay, concatPolicies, constantDelay, exponentialBackoff, limitRetries } from './policies.js'
import { isBusyConflict, isIdempotentCall, provesNotProcessed, type CallInfo } from './idempotency.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The numbers of the retry schedule (all in milliseconds, attempts counting the first one).
 * - `maxAttempts` (3): attempts per call, the first included;
 * - `baseMs` (100), `capMs` (20 000): full-jitter backoff, `random · min(base · 2^i, cap)`;
 * - `throttleBaseMs` (500): the base after throttling (429 or a throttling code);
 * - `maxAfterMs` (20 000): the longest `Retry-After` wait honoured; longer ones are clamped;
 * - `busyBaseMs` (2 000), `busyCapMs` (60 000), `busyMaxAttempts` (6): the long backoff for
 *   busy conflicts ("operation in progress").
 *
 * @example
 * import { DEFAULT_RETRY_SETTINGS, type RetrySettings } from 'otc-errors'
 * const patient: RetrySettings = { ...DEFAULT_RETRY_SETTINGS, maxAttempts: 5 }
 *
 * @since 0.1.0
 * @category model
 */
export interface RetrySettings {
  readonly maxAttempts: number
  readonly baseMs: number
  readonly throttleBaseMs: number
  readonly capMs: number
  readonly maxAfterMs: number
  readonly busyBaseMs: number
  readonly busyCapMs: number
  readonly busyMaxAttempts: number
}

/**
 * Why the executor stopped retrying:
 * - `not-retryable`: the error's hint is `never` (a validation error, a payload mismatch, an abort);
 * - `not-idempotent`: the call is not idempotent and the error does not prove it was not processed;
 * - `attempts`: the attempts are used up;
 * - `reauth-used`: the token was already refreshed once for this call;
 * - `no-refresher`: a `reauth` hint, but no `refreshToken` was configured;
 * - `refresh-failed`: the token refresher failed;
 * - `budget`: the shared retry budget is exhausted;
 * - `deadline`: the wait would end after `maxElapsedMs`.
 *
 * @example
 * import type { StopReason } from 'otc-errors'
 * const reason: StopReason = 'budget'
 *
 * @since 0.1.0
 * @category model
 */
export type StopReason = 'not-retryable' | 'not-idempotent' | 'attempts' | 'reauth-used' | 'no-refresher' | 'refresh-failed' | 'budget' | 'deadline'

/**
 * The decision: `Retry` after `delayMs` (the strategy followed, what it costs the budget, and
 * whether it is the long backoff of a busy conflict), or `Stop` with a reason.
 *
 * @example
 * import type { RetryDecision } from 'otc-errors'
 * const wait: RetryDecision = { _tag: 'Retry', strategy: 'after', delayMs: 2000, cost: 5, busy: false }
 *
 * @since 0.1.0
 * @category model
 */
export type RetryDecision =
  | {
      readonly _tag: 'Retry'
      readonly strategy: 'backoff' | 'after' | 'reauth'
      readonly delayMs: number
      readonly cost: number
      readonly busy: boolean
    }
  | { readonly _tag: 'Stop'; readonly reason: StopReason }

/**
 * Where a call stands when an attempt failed.
 * - `status`: `retry-ts`'s `RetryStatus` (`iterNumber` counts the retries made so far);
 * - `call`: method and idempotency;
 * - `reauthUsed`: whether the token was already refreshed for this call;
 * - `jitter`: one random draw in [0, 1) for full jitter;
 * - `policy`: a caller's own `retry-ts` policy for `backoff` (an upper bound; jitter applies;
 *   `maxAttempts` still limits it).
 *
 * @example
 * import { defaultRetryStatus } from 'retry-ts'
 * import type { DecisionContext } from 'otc-errors'
 * const first: DecisionContext = { status: defaultRetryStatus, call: { method: 'GET' }, reauthUsed: false, jitter: 0.5 }
 *
 * @since 0.1.0
 * @category model
 */
export interface DecisionContext {
  readonly status: RetryStatus
  readonly call: CallInfo
  readonly reauthUsed: boolean
  readonly jitter: number
  readonly policy?: RetryPolicy | undefined
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * The default schedule: 3 attempts, full jitter from 100 ms (500 ms after throttling) capped at
 * 20 s, `Retry-After` honoured up to 20 s, busy conflicts 6 attempts from 2 s capped at 60 s.
 *
 * @example
 * import { DEFAULT_RETRY_SETTINGS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual([DEFAULT_RETRY_SETTINGS.baseMs, DEFAULT_RETRY_SETTINGS.throttleBaseMs, DEFAULT_RETRY_SETTINGS.capMs], [100, 500, 20_000])
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
  maxAttempts: 3,
  baseMs: 100,
  throttleBaseMs: 500,
  capMs: 20_000,
  maxAfterMs: 20_000,
  busyBaseMs: 2_000,
  busyCapMs: 60_000,
  busyMaxAttempts: 6,
}

/**
 * Statuses whose failure is transient (the AWS SDKs' list): the retry costs
 * `TRANSIENT_RETRY_COST`.
 *
 * @example
 * import { TRANSIENT_STATUSES } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(TRANSIENT_STATUSES.has(503), true)
 *
 * @since 0.1.0
 * @category constants
 */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504])

// -------------------------------------------------------------------------------------
// policies
// -------------------------------------------------------------------------------------

/**
 * The `retry-ts` policy of a capped exponential backoff limited to `maxAttempts` attempts:
 * `min(base · 2^i, cap)` for the i-th retry, `None` once the attempts are used up. The executor
 * draws the actual wait uniformly below it (full jitter).
 *
 * @example
 * import { backoffPolicy } from 'otc-errors'
 * import * as O from 'fp-ts/lib/Option.js'
 * import * as assert from 'node:assert'
 * const policy = backoffPolicy(100, 250, 3)
 * const at = (iterNumber: number) => policy({ iterNumber, cumulativeDelay: 0, previousDelay: O.none })
 * assert.deepStrictEqual([at(0), at(1), at(2)], [O.some(100), O.some(200), O.none])
 * assert.deepStrictEqual(backoffPolicy(100, 250, 9)({ iterNumber: 5, cumulativeDelay: 0, previousDelay: O.none }), O.some(250))
 *
 * @since 0.1.0
 * @category policies
 */
export const backoffPolicy = (baseMs: number, capMs: number, maxAttempts: number): RetryPolicy =>
  concatPolicies(capDelay(capMs, exponentialBackoff(baseMs)), limitRetries(Math.max(0, maxAttempts - 1)))

/**
 * The `retry-ts` policy of an `after` hint: the server's delay, clamped to `maxAfterMs`, limited
 * to `maxAttempts` attempts.
 *
 * @example
 * import { afterPolicy } from 'otc-errors'
 * import * as O from 'fp-ts/lib/Option.js'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(afterPolicy(90_000, 20_000, 3)({ iterNumber: 0, cumulativeDelay: 0, previousDelay: O.none }), O.some(20_000))
 *
 * @since 0.1.0
 * @category policies
 */
export const afterPolicy = (delayMs: number, maxAfterMs: number, maxAttempts: number): RetryPolicy =>
  concatPolicies(capDelay(maxAfterMs, constantDelay(Math.max(0, delayMs))), limitRetries(Math.max(0, maxAttempts - 1)))

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

const isThrottling = (error: ServiceError): boolean => error._tag === 'ApiError' && (error.status === 429 || error.category === 'throttled')

const isTransient = (error: ServiceError): boolean =>
  error._tag === 'TransportError' || (error._tag === 'ApiError' && (TRANSIENT_STATUSES.has(error.status) || error.category === 'timeout' || error.category === 'unavailable'))

/**
 * What a retry after this error costs the budget: nothing for a token refresh (the service is
 * not struggling), `RETRY_COST` after throttling, `TRANSIENT_RETRY_COST` after a transient
 * failure, `RETRY_COST` otherwise.
 *
 * @example
 * import { retryCostOf, transportError } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(retryCostOf(transportError({ reason: 'timeout', message: 'slow', cause: null }), 'backoff'), 10)
 *
 * @since 0.1.0
 * @category destructors
 */
export const retryCostOf = (error: ServiceError, strategy: 'backoff' | 'after' | 'reauth'): number =>
  strategy === 'reauth' ? 0 : isThrottling(error) ? RETRY_COST : isTransient(error) ? TRANSIENT_RETRY_COST : RETRY_COST

const clampJitter = (jitter: number): number => (Number.isFinite(jitter) ? Math.min(1, Math.max(0, jitter)) : 1)

const stop = (reason: StopReason): RetryDecision => ({ _tag: 'Stop', reason })

/**
 * Decides whether to retry after an error, following its retry hint:
 * - `never` stops (unless the error is a busy conflict, which gets the long backoff);
 * - `backoff` waits `jitter · min(base · 2^i, cap)` (the throttling base after throttling);
 * - `after` waits the server's `delayMs`, clamped to `maxAfterMs`;
 * - `reauth` retries at once, once per call, after the executor refreshed the token.
 *
 * A call that is not idempotent is only retried when `provesNotProcessed(error)`. The budget and
 * the deadline are the executor's business.
 *
 * @example
 * import { decideRetry, decode } from 'otc-errors'
 * import { defaultRetryStatus } from 'retry-ts'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const r = decode(t.unknown)({ status: 503, body: '' })
 * if (r._tag === 'Left') {
 *   const context = { status: defaultRetryStatus, call: {}, reauthUsed: false, jitter: 0.5 }
 *   assert.deepStrictEqual(decideRetry(r.left, context), { _tag: 'Retry', strategy: 'backoff', delayMs: 50, cost: 10, busy: false })
 *   assert.deepStrictEqual(decideRetry(r.left, { ...context, call: { method: 'POST' } })._tag, 'Retry') // a gateway 503: not processed
 * }
 *
 * @since 0.1.0
 * @category destructors
 */
export const decideRetry = (error: ServiceError, context: DecisionContext, settings: RetrySettings = DEFAULT_RETRY_SETTINGS): RetryDecision => {
  const busy = isBusyConflict(error)
  if (!error.retry.retryable && !busy) return stop('not-retryable')
  if (!isIdempotentCall(context.call) && !provesNotProcessed(error)) return stop('not-idempotent')
  const strategy = busy ? 'backoff' : error.retry.strategy
  const { status } = context
  switch (strategy) {
    case 'never':
      return stop('not-retryable')
    case 'reauth': {
      if (context.reauthUsed) return stop('reauth-used')
      const allowed = limitRetries(Math.max(0, settings.maxAttempts - 1))(status)
      return O.isNone(allowed) ? stop('attempts') : { _tag: 'Retry', strategy, delayMs: 0, cost: retryCostOf(error, strategy), busy }
    }
    case 'after': {
      const delay = afterPolicy(error.retry.delayMs ?? 0, settings.maxAfterMs, settings.maxAttempts)(status)
      return O.isNone(delay) ? stop('attempts') : { _tag: 'Retry', strategy, delayMs: Math.round(delay.value), cost: retryCostOf(error, strategy), busy }
    }
    case 'backoff': {
      const policy = busy
        ? backoffPolicy(settings.busyBaseMs, settings.busyCapMs, settings.busyMaxAttempts)
        : context.policy !== undefined
          ? concatPolicies(context.policy, limitRetries(Math.max(0, settings.maxAttempts - 1)))
          : backoffPolicy(isThrottling(error) ? settings.throttleBaseMs : settings.baseMs, settings.capMs, settings.maxAttempts)
      const bound = policy(status)
      if (O.isNone(bound)) return stop('attempts')
      const delayMs = Math.floor(clampJitter(context.jitter) * Math.max(0, Number.isFinite(bound.value) ? bound.value : settings.capMs))
      return { _tag: 'Retry', strategy, delayMs, cost: retryCostOf(error, strategy), busy }
    }
  }
}
