import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import * as t from 'io-ts'
import { constantDelay } from 'retry-ts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { decode } from '../../src/decode/decode.js'
import { ApiError, type ServiceError } from '../../src/error/ServiceError.js'
import { retryBudget } from '../../src/retry/budget.js'
import * as _ from '../../src/retry/executor.js'

/** A fake clock: `sleep` records the wait and moves the time forward at once. */
const fakeClock = () => {
  let now = 1_000_000
  const waits: Array<number> = []
  return {
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms)
      now += ms
    },
    waits,
  }
}

interface Answer {
  readonly status: number
  readonly body?: string
  readonly headers?: Record<string, string>
}

/** An action that answers with the given responses in turn (the last one repeated), recording each attempt. */
const server = (answers: ReadonlyArray<Answer>) => {
  const attempts: Array<_.Attempt> = []
  const action =
    (attempt: _.Attempt): TE.TaskEither<ServiceError, unknown> =>
    async () => {
      attempts.push(attempt)
      const answer = answers[Math.min(attempts.length, answers.length) - 1]!
      return decode(t.unknown)({ status: answer.status, headers: { 'content-type': 'application/json', ...answer.headers }, body: answer.body ?? '' })
    }
  return { action, attempts }
}

const OK: Answer = { status: 200, body: '{"id":"ok"}' }
const UNAVAILABLE: Answer = { status: 503 }
const THROTTLED: Answer = { status: 429, body: '{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}' }
const AUTH: Answer = { status: 401, body: '{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information."}' }
const BUSY: Answer = { status: 409, body: '{"error_code":"DBS.200019","error_msg":"Another operation is being performed on the DB instance or the DB instance is faulty."}' }
const INVALID: Answer = { status: 400, body: '{"error_code":"AS.0001","error_msg":"The request message format is invalid."}' }
const SERVER: Answer = { status: 500, body: '{"error_code":"AS.0001","error_msg":"System error."}' }

const executor = (options: _.RetryOptions = {}) => {
  const clock = fakeClock()
  const events: Array<_.RetryEvent> = []
  const giveUps: Array<_.GiveUpEvent> = []
  const retry = _.retryExecutor({ random: () => 0.5, now: clock.now, sleep: clock.sleep, onRetry: (e) => events.push(e), onGiveUp: (e) => giveUps.push(e), ...options })
  return { retry, clock, events, giveUps }
}

const leftOf = (r: E.Either<ServiceError, unknown>): ServiceError => {
  if (E.isRight(r)) throw new Error('expected a Left')
  return r.left
}

describe('retryExecutor on a fake clock', () => {
  it('a success needs one attempt and no wait', async () => {
    const { retry, clock } = executor()
    const s = server([OK])
    expect(await retry(s.action)()).toEqual(E.right({ id: 'ok' }))
    expect([s.attempts.length, clock.waits]).toEqual([1, []])
  })
  it('backoff: 503, 503, 200 waits 50 then 100 ms (full jitter at 0.5 of 100·2^i)', async () => {
    const { retry, clock, events } = executor()
    const s = server([UNAVAILABLE, UNAVAILABLE, OK])
    expect(await retry(s.action)()).toEqual(E.right({ id: 'ok' }))
    expect(clock.waits).toEqual([50, 100])
    expect(events.map((e) => [e.attempt, e.strategy, e.delayMs, e.cost, e.available])).toEqual([
      [1, 'backoff', 50, 10, 490],
      [2, 'backoff', 100, 10, 480],
    ])
    expect(retry.budget.available()).toBe(490) // the successful retry's 10 tokens came back
  })
  it('gives up after maxAttempts with the last error', async () => {
    const { retry, clock, giveUps } = executor()
    const s = server([UNAVAILABLE])
    const e = leftOf(await retry(s.action)())
    expect([e._tag, e._tag === 'ApiError' && e.status, s.attempts.length, clock.waits]).toEqual(['ApiError', 503, 3, [50, 100]])
    expect(giveUps.map((g) => [g.attempt, g.reason])).toEqual([[3, 'attempts']])
  })
  it('after: honours Retry-After, clamped to maxAfterMs', async () => {
    const a = executor()
    const s = server([{ ...THROTTLED, headers: { 'retry-after': '3' } }, OK])
    expect(await a.retry(s.action)()).toEqual(E.right({ id: 'ok' }))
    expect(a.clock.waits).toEqual([3000])
    const b = executor({ maxAfterMs: 1500 })
    await b.retry(server([{ ...THROTTLED, headers: { 'retry-after': '3600' } }, OK]).action)()
    expect(b.clock.waits).toEqual([1500])
  })
  it('throttling without Retry-After backs off from 500 ms', async () => {
    const { retry, clock } = executor()
    await retry(server([THROTTLED, THROTTLED, OK]).action)()
    expect(clock.waits).toEqual([250, 500])
  })
  it('never: a validation error is returned after one attempt', async () => {
    const { retry, clock, giveUps } = executor()
    const s = server([INVALID, OK])
    const e = leftOf(await retry(s.action)())
    expect([e._tag === 'ApiError' && e.code, s.attempts.length, clock.waits, giveUps[0]?.reason]).toEqual(['AS.0001', 1, [], 'not-retryable'])
  })
  it('reauth: refreshes the token once, then retries with it at once', async () => {
    const refreshed: Array<string | null> = []
    const { retry, clock } = executor({
      refreshToken: async (error) => {
        refreshed.push(error.code)
        return 'fresh-token'
      },
    })
    const s = server([AUTH, OK])
    expect(await retry(s.action)()).toEqual(E.right({ id: 'ok' }))
    expect(refreshed).toEqual(['APIGW.0301'])
    expect(s.attempts.map((a) => [a.number, a.token])).toEqual([
      [1, null],
      [2, 'fresh-token'],
    ])
    expect(clock.waits).toEqual([0])
    expect(retry.budget.available()).toBe(500)
  })
  it('reauth happens once per call: a second 401 is returned', async () => {
    let calls = 0
    const { retry, giveUps } = executor({ maxAttempts: 5, refreshToken: async () => `token-${++calls}` })
    const s = server([AUTH])
    const e = leftOf(await retry(s.action)())
    expect([e._tag === 'ApiError' && e.status, calls, s.attempts.length, giveUps[0]?.reason]).toEqual([401, 1, 2, 'reauth-used'])
  })
  it('reauth without a refresher, or with a failing one, stops', async () => {
    const a = executor()
    await a.retry(server([AUTH]).action)()
    const b = executor({ refreshToken: () => Promise.reject(new Error('IAM down')) })
    await b.retry(server([AUTH]).action)()
    expect([a.giveUps[0]?.reason, b.giveUps[0]?.reason]).toEqual(['no-refresher', 'refresh-failed'])
  })
  it('a busy conflict (DBS.200019) gets the long backoff: 6 attempts from 2 s', async () => {
    const { retry, clock, events } = executor()
    const s = server([BUSY, BUSY, BUSY, BUSY, BUSY, OK])
    expect(await retry(s.action)()).toEqual(E.right({ id: 'ok' }))
    expect(clock.waits).toEqual([1000, 2000, 4000, 8000, 16_000])
    expect(events.every((e) => e.busy)).toBe(true)
  })
  it('a POST is not retried after a 500, but is after throttling', async () => {
    const a = executor()
    const s = server([SERVER, OK])
    await a.retry(s.action, { method: 'POST' })()
    expect([s.attempts.length, a.giveUps[0]?.reason]).toEqual([1, 'not-idempotent'])
    const b = executor()
    const s2 = server([THROTTLED, OK])
    expect(await b.retry(s2.action, { method: 'POST' })()).toEqual(E.right({ id: 'ok' }))
    const c = executor()
    const s3 = server([SERVER, OK])
    expect(await c.retry(s3.action, { method: 'POST', idempotencyKey: 'order-7' })()).toEqual(E.right({ id: 'ok' }))
  })
  it('the budget is shared across calls: a failing service soon gets no retries at all', async () => {
    const budget = retryBudget(25)
    const { retry, giveUps } = executor({ budget })
    const first = server([UNAVAILABLE])
    await retry(first.action)()
    expect([first.attempts.length, budget.available()]).toEqual([3, 5])
    const second = server([UNAVAILABLE])
    await retry(second.action)()
    expect([second.attempts.length, giveUps.map((g) => g.reason)]).toEqual([1, ['attempts', 'budget']])
    // another executor given the same budget is held back too
    const other = executor({ budget })
    const third = server([UNAVAILABLE, OK])
    await other.retry(third.action)()
    expect(third.attempts.length).toBe(1)
    // successes refill it slowly
    for (let i = 0; i < 5; i++) await retry(server([OK]).action)()
    expect(budget.available()).toBe(10)
  })
  it('an AbortSignal cancels the wait: the result is an abort TransportError naming the last error', async () => {
    const controller = new AbortController()
    const clock = fakeClock()
    const retry = _.retryExecutor({
      random: () => 0.5,
      sleep: async (ms) => {
        clock.waits.push(ms)
        controller.abort()
      },
    })
    const s = server([UNAVAILABLE, OK])
    const e = leftOf(await retry(s.action, { signal: controller.signal })())
    expect([e._tag, e._tag === 'TransportError' && e.reason, e.retry.retryable, s.attempts.length]).toEqual(['TransportError', 'abort', false, 1])
    expect(e.message).toContain('503 Service Unavailable')
    expect(s.attempts[0]?.signal).toBe(controller.signal)
  })
  it('an aborted signal stops before the first attempt', async () => {
    const { retry } = executor()
    const s = server([OK])
    const e = leftOf(await retry(s.action, { signal: AbortSignal.abort() })())
    expect([e._tag === 'TransportError' && e.reason, s.attempts.length]).toEqual(['abort', 0])
  })
  it('maxElapsedMs: no wait that would end after the deadline', async () => {
    const { retry, clock, giveUps } = executor({ maxElapsedMs: 120 })
    await retry(server([UNAVAILABLE]).action)()
    expect([clock.waits, giveUps[0]?.reason]).toEqual([[50], 'deadline'])
  })
  it('a retry-ts policy of the caller gives the backoff bound', async () => {
    const { retry, clock } = executor({ policy: constantDelay(1000), maxAttempts: 4 })
    await retry(server([UNAVAILABLE]).action)()
    expect(clock.waits).toEqual([500, 500, 500])
  })
  it('an action that throws is read with fromSdkError (a refused connection is retried)', async () => {
    const { retry } = executor()
    let n = 0
    const action = (): TE.TaskEither<ServiceError, string> => () => {
      n++
      return n === 1 ? Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' })) : Promise.resolve(E.right('up'))
    }
    expect(await retry(action, { method: 'POST' })()).toEqual(E.right('up'))
  })
  it('observers that throw change nothing', async () => {
    const clock = fakeClock()
    const retry = _.retryExecutor({
      random: () => 0.5,
      sleep: clock.sleep,
      onRetry: () => {
        throw new Error('logger down')
      },
      onGiveUp: () => {
        throw new Error('x')
      },
    })
    expect(await retry(server([UNAVAILABLE, OK]).action)()).toEqual(E.right({ id: 'ok' }))
    expect(E.isLeft(await retry(server([INVALID]).action)())).toBe(true)
  })
  it('is deterministic: same random draws, same waits', async () => {
    const draws = [0.1, 0.9, 0.3, 0.7]
    const run = async () => {
      let i = 0
      const clock = fakeClock()
      const retry = _.retryExecutor({ random: () => draws[i++ % draws.length]!, sleep: clock.sleep, maxAttempts: 4 })
      await retry(server([UNAVAILABLE]).action)()
      return clock.waits
    }
    expect(await run()).toEqual([10, 180, 120])
    expect(await run()).toEqual(await run())
  })
  it('odd settings are read sensibly', () => {
    const retry = _.retryExecutor({ maxAttempts: 0, baseMs: -1, capMs: Number.NaN })
    expect([retry.settings.maxAttempts, retry.settings.baseMs, retry.settings.capMs]).toEqual([1, 100, 20_000])
  })
  it('hands the refresher the ApiError and the signal', async () => {
    const seen: Array<unknown> = []
    const controller = new AbortController()
    const { retry } = executor({
      refreshToken: async (error, signal) => {
        seen.push(error instanceof ApiError, signal === controller.signal)
        return 't'
      },
    })
    await retry(server([AUTH, OK]).action, { signal: controller.signal })()
    expect(seen).toEqual([true, true])
  })
})

describe('abortableSleep', () => {
  afterEach(() => {
    vi.useRealTimers()
  })
  it('waits the given time (on vitest fake timers)', async () => {
    vi.useFakeTimers()
    let done = false
    const waiting = _.abortableSleep(1000).then(() => {
      done = true
    })
    await vi.advanceTimersByTimeAsync(999)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await waiting
    expect(done).toBe(true)
  })
  it('ends early when the signal aborts, and at once when it already has', async () => {
    vi.useFakeTimers()
    const controller = new AbortController()
    const waiting = _.abortableSleep(60_000, controller.signal)
    controller.abort()
    await waiting
    await _.abortableSleep(60_000, AbortSignal.abort())
    expect(vi.getTimerCount()).toBe(0)
  })
})
