/**
 * The retry executor: runs a `TaskEither<ServiceError, A>` again while the error's retry hint
 * allows it, the call's idempotency permits it and the shared budget has tokens, waiting as the
 * hint says (`backoff`, `after`, `reauth` after refreshing the token, `never`). The clock, the
 * sleep and the random source are parameters, so tests run on a fake clock. An `AbortSignal`
 * cancels the waits.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from '../fp/option.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { RetryPolicy, RetryStatus } from 'retry-ts'
import { draw, transportError, type ApiError, type ServiceError } from '../error/ServiceError.js'
import { fromSdkError } from '../clients/sdk.js'
import { retryBudget, type RetryBudget } from './budget.js'
import { DEFAULT_RETRY_SETTINGS, decideRetry, type RetrySettings, type StopReason } from './decision.js'
import { defaultRetryStatus } from './policies.js'
import type { CallInfo } from './idempotency.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What each attempt is told: its number (1 for the first), the token to send (null until a
 * `reauth` refreshed it) and the call's `AbortSignal` (pass it to your HTTP client).
 *
 * @example
 * import type { Attempt } from 'otc-errors'
 * const first: Attempt = { number: 1, token: null, signal: undefined }
 *
 * @since 0.1.0
 * @category model
 */
export interface Attempt {
  readonly number: number
  readonly token: string | null
  readonly signal: AbortSignal | undefined
}

/**
 * Reported before each wait: the attempt that failed, its error, the strategy followed, the wait,
 * what it cost the budget and the tokens left.
 *
 * @example
 * import type { RetryEvent } from 'otc-errors'
 * const log = (e: RetryEvent) => `attempt ${e.attempt} failed (${e.error._tag}); ${e.strategy} for ${e.delayMs} ms`
 *
 * @since 0.1.0
 * @category model
 */
export interface RetryEvent {
  readonly attempt: number
  readonly error: ServiceError
  readonly strategy: 'backoff' | 'after' | 'reauth'
  readonly delayMs: number
  readonly cost: number
  readonly busy: boolean
  readonly available: number
}

/**
 * Reported when the executor gives up: the last attempt, its error (the call's result) and why.
 *
 * @example
 * import type { GiveUpEvent } from 'otc-errors'
 * const log = (e: GiveUpEvent) => `gave up after ${e.attempt} attempts: ${e.reason}`
 *
 * @since 0.1.0
 * @category model
 */
export interface GiveUpEvent {
  readonly attempt: number
  readonly error: ServiceError
  readonly reason: StopReason
}

/**
 * Options of `retryExecutor`: any of the `RetrySettings`, plus
 * - `budget`: a shared `RetryBudget` (default: a fresh one, shared by the executor's calls);
 * - `refreshToken`: gets a new token for `reauth` (called at most once per call);
 * - `policy`: a `retry-ts` policy for `backoff` waits (the upper bound of the jittered wait);
 * - `random` (`Math.random`), `sleep` (`abortableSleep`), `now` (`Date.now`): injectable;
 * - `maxElapsedMs`: no wait that would end later than this after the call started;
 * - `onRetry`, `onGiveUp`: observers for logs and metrics (exceptions they throw are ignored).
 *
 * @example
 * import type { RetryOptions } from 'otc-errors'
 * const options: RetryOptions = { maxAttempts: 4, refreshToken: async () => 'new-token' }
 *
 * @since 0.1.0
 * @category model
 */
export interface RetryOptions extends Partial<RetrySettings> {
  /** The budget retries draw from (default: a fresh one, shared by this executor's calls). */
  readonly budget?: RetryBudget | undefined
  /** Gets a new token after a `reauth` hint; called at most once per call. */
  readonly refreshToken?: ((error: ApiError, signal: AbortSignal | undefined) => PromiseLike<string>) | undefined
  /** A `retry-ts` policy giving the upper bound of each `backoff` wait. */
  readonly policy?: RetryPolicy | undefined
  /** A random number in [0, 1) for full jitter (default `Math.random`). */
  readonly random?: (() => number) | undefined
  /** Waits between attempts (default `abortableSleep`); should end early when the signal aborts. */
  readonly sleep?: ((ms: number, signal: AbortSignal | undefined) => PromiseLike<void>) | undefined
  /** The clock, in milliseconds (default `Date.now`), for `maxElapsedMs`. */
  readonly now?: (() => number) | undefined
  /** No wait that would end later than this after the call started (default: no limit). */
  readonly maxElapsedMs?: number | undefined
  /** Told before each wait. */
  readonly onRetry?: ((event: RetryEvent) => void) | undefined
  /** Told when the executor gives up, with the reason. */
  readonly onGiveUp?: ((event: GiveUpEvent) => void) | undefined
}

/**
 * A retry executor: call it with an action (one attempt, given the `Attempt`) and the call's
 * `CallInfo`; it gives the action's `TaskEither`, retried. Its `budget` is shared by all its calls.
 *
 * @example
 * import { retryExecutor, type RetryExecutor } from 'otc-errors'
 * import * as TE from 'fp-ts/lib/TaskEither.js'
 * const retry: RetryExecutor = retryExecutor()
 * const once = retry(() => TE.right(42))
 *
 * @since 0.1.0
 * @category model
 */
export interface RetryExecutor {
  <A>(action: (attempt: Attempt) => TE.TaskEither<ServiceError, A>, call?: CallInfo): TE.TaskEither<ServiceError, A>
  readonly budget: RetryBudget
  readonly settings: RetrySettings
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Waits `ms` milliseconds with a real timer, or less when the signal aborts (it never rejects).
 *
 * @example
 * import { abortableSleep } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const controller = new AbortController()
 * const waiting = abortableSleep(60_000, controller.signal)
 * controller.abort()
 * await waiting
 * assert.strictEqual(controller.signal.aborted, true)
 *
 * @since 0.1.0
 * @category constructors
 */
export const abortableSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise<void>((resolve) => {
    if (signal?.aborted === true) return resolve()
    const onAbort = (): void => {
      clearTimeout(timer)
      resolve()
    }
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      },
      Math.max(0, ms),
    )
    signal?.addEventListener('abort', onAbort, { once: true })
  })

const setting = (value: number | undefined, fallback: number): number => (value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback)

const settingsOf = (options: RetryOptions): RetrySettings => {
  const d = DEFAULT_RETRY_SETTINGS
  return {
    maxAttempts: Math.max(1, Math.floor(setting(options.maxAttempts, d.maxAttempts))),
    baseMs: setting(options.baseMs, d.baseMs),
    throttleBaseMs: setting(options.throttleBaseMs, d.throttleBaseMs),
    capMs: setting(options.capMs, d.capMs),
    maxAfterMs: setting(options.maxAfterMs, d.maxAfterMs),
    busyBaseMs: setting(options.busyBaseMs, d.busyBaseMs),
    busyCapMs: setting(options.busyCapMs, d.busyCapMs),
    busyMaxAttempts: Math.max(1, Math.floor(setting(options.busyMaxAttempts, d.busyMaxAttempts))),
  }
}

/** A function, so that TypeScript does not assume a signal checked once stays unaborted. */
const aborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true

const cancelled = (last: ServiceError | null): ServiceError =>
  transportError({
    reason: 'abort',
    message: last === null ? 'the call was cancelled before it started' : `the call was cancelled while waiting to retry after: ${draw(last)}`,
    cause: null,
  })

const quietly = <E>(observer: ((event: E) => void) | undefined, event: E): void => {
  try {
    observer?.(event)
  } catch {
    // an observer's failure must not change the call's outcome
  }
}

/**
 * A retry executor. Each call runs its action, and after a failure asks `decideRetry` what the
 * error's hint allows; then it takes the retry's cost from the budget (giving up when the
 * budget is spent), refreshes the token for `reauth`, waits (cancelled by the call's signal,
 * which gives an `abort` `TransportError`) and tries again. A success refills the budget. The
 * result is the action's value, or the last error. An action that throws or rejects is read with
 * `fromSdkError`. Never rejects.
 *
 * @example
 * import { decode, retryExecutor, type ServiceError } from 'otc-errors'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const answers = [
 *   { status: 429, headers: { 'retry-after': '2' }, body: '{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}' },
 *   { status: 200, body: '{"id":"g-1"}' },
 * ]
 * const waits: Array<number> = []
 * const retry = retryExecutor({ sleep: async (ms) => { waits.push(ms) } })
 * const result = await retry((attempt) => async (): Promise<E.Either<ServiceError, unknown>> => decode(t.unknown)(answers[attempt.number - 1]!))()
 * assert.deepStrictEqual([result, waits], [E.right({ id: 'g-1' }), [2000]])
 *
 * @since 0.1.0
 * @category constructors
 */
export const retryExecutor = (options: RetryOptions = {}): RetryExecutor => {
  const settings = settingsOf(options)
  const budget = options.budget ?? retryBudget()
  const random = options.random ?? Math.random
  const sleep = options.sleep ?? abortableSleep
  const now = options.now ?? Date.now
  const maxElapsedMs = options.maxElapsedMs ?? Number.POSITIVE_INFINITY

  const attemptOnce = async <A>(action: (attempt: Attempt) => TE.TaskEither<ServiceError, A>, attempt: Attempt): Promise<E.Either<ServiceError, A>> => {
    try {
      return await action(attempt)()
    } catch (error) {
      return E.left(fromSdkError(error))
    }
  }

  const run = async <A>(action: (attempt: Attempt) => TE.TaskEither<ServiceError, A>, call: CallInfo): Promise<E.Either<ServiceError, A>> => {
    const signal = call.signal
    const started = now()
    let status: RetryStatus = defaultRetryStatus
    let token: string | null = null
    let reauthUsed = false
    let lastCost: number | null = null
    const giveUp = (attempt: number, error: ServiceError, reason: StopReason): E.Either<ServiceError, A> => {
      quietly(options.onGiveUp, { attempt, error, reason })
      return E.left(error)
    }
    if (aborted(signal)) return E.left(cancelled(null))
    for (let number = 1; ; number++) {
      const result = await attemptOnce(action, { number, token, signal })
      if (E.isRight(result)) {
        budget.recordSuccess(lastCost)
        return result
      }
      const error = result.left
      const decision = decideRetry(error, { status, call, reauthUsed, jitter: random(), policy: options.policy }, settings)
      if (decision._tag === 'Stop') return giveUp(number, error, decision.reason)
      if (now() - started + decision.delayMs > maxElapsedMs) return giveUp(number, error, 'deadline')
      if (!budget.acquire(decision.cost)) return giveUp(number, error, 'budget')
      if (decision.strategy === 'reauth') {
        if (options.refreshToken === undefined || error._tag !== 'ApiError') return giveUp(number, error, 'no-refresher')
        try {
          const fresh: unknown = await options.refreshToken(error, signal)
          if (typeof fresh !== 'string') return giveUp(number, error, 'refresh-failed')
          token = fresh
        } catch {
          return aborted(signal) ? E.left(cancelled(error)) : giveUp(number, error, 'refresh-failed')
        }
        reauthUsed = true
      }
      quietly(options.onRetry, {
        attempt: number,
        error,
        strategy: decision.strategy,
        delayMs: decision.delayMs,
        cost: decision.cost,
        busy: decision.busy,
        available: budget.available(),
      })
      try {
        await sleep(decision.delayMs, signal)
      } catch {
        // a sleep that rejects is treated like one that ended; the signal decides below
      }
      if (aborted(signal)) return E.left(cancelled(error))
      status = { iterNumber: status.iterNumber + 1, cumulativeDelay: status.cumulativeDelay + decision.delayMs, previousDelay: O.some(decision.delayMs) }
      lastCost = decision.cost
    }
  }

  const execute =
    <A>(action: (attempt: Attempt) => TE.TaskEither<ServiceError, A>, call: CallInfo = {}): TE.TaskEither<ServiceError, A> =>
    () =>
      run(action, call)
  return Object.assign(execute, { budget, settings })
}
