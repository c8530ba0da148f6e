import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as t from 'io-ts'
import { constantDelay, defaultRetryStatus, type RetryStatus } from 'retry-ts'
import { describe, expect, it } from 'vitest'
import { decode } from '../../src/decode/decode.js'
import { payloadError, transportError, type ServiceError } from '../../src/error/ServiceError.js'
import * as _ from '../../src/retry/decision.js'
import type { CallInfo } from '../../src/retry/idempotency.js'

const api = (status: number, body = '', headers: Record<string, string> = {}): ServiceError => {
  const r = decode(t.unknown)({ status, headers: { 'content-type': 'application/json', ...headers }, body })
  if (E.isRight(r)) throw new Error('expected an error')
  return r.left
}
const at = (iterNumber: number): RetryStatus => ({ iterNumber, cumulativeDelay: 0, previousDelay: iterNumber === 0 ? O.none : O.some(0) })
const decide = (
  error: ServiceError,
  options: { iter?: number; call?: CallInfo; reauthUsed?: boolean; jitter?: number; settings?: Partial<_.RetrySettings>; policy?: _.DecisionContext['policy'] } = {},
) =>
  _.decideRetry(
    error,
    { status: at(options.iter ?? 0), call: options.call ?? {}, reauthUsed: options.reauthUsed ?? false, jitter: options.jitter ?? 0.5, policy: options.policy },
    { ..._.DEFAULT_RETRY_SETTINGS, ...options.settings },
  )

const retry = (strategy: 'backoff' | 'after' | 'reauth', delayMs: number, cost: number, busy = false) => ({ _tag: 'Retry', strategy, delayMs, cost, busy })
const stop = (reason: _.StopReason) => ({ _tag: 'Stop', reason })

const AS_0001 = '{"error_code":"AS.0001","error_msg":"The request message format is invalid."}'
const THROTTLED = '{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}'
const DBS_BUSY = '{"error_code":"DBS.200019","error_msg":"Another operation is being performed on the DB instance or the DB instance is faulty."}'
const SERVER = '{"error_code":"AS.0001","error_msg":"System error."}'

describe('backoff schedule (retry-ts policies with full jitter)', () => {
  it('waits random · min(base · 2^i, cap), base 100 ms', () => {
    const waits = [0, 1, 2, 3].map((iter) => decide(api(503), { iter, settings: { maxAttempts: 9 } }))
    expect(waits).toEqual([retry('backoff', 50, 10), retry('backoff', 100, 10), retry('backoff', 200, 10), retry('backoff', 400, 10)])
  })
  it('is capped at 20 s', () => {
    expect(decide(api(500, SERVER), { iter: 12, settings: { maxAttempts: 20 }, jitter: 1 })).toEqual(retry('backoff', 20_000, 10))
  })
  it('draws the wait uniformly below the bound: jitter 0 waits nothing, odd draws are clamped', () => {
    expect(decide(api(503), { jitter: 0 })).toEqual(retry('backoff', 0, 10))
    expect(decide(api(503), { jitter: 7 })).toEqual(retry('backoff', 100, 10))
    expect(decide(api(503), { jitter: Number.NaN })).toEqual(retry('backoff', 100, 10))
  })
  it('throttling starts from 500 ms and costs 5 tokens', () => {
    expect(decide(api(429, THROTTLED))).toEqual(retry('backoff', 250, 5))
    expect(decide(api(429, THROTTLED), { iter: 1 })).toEqual(retry('backoff', 500, 5))
  })
  it('stops when the attempts are used up (3 by default, the first included)', () => {
    expect(decide(api(503), { iter: 1 })._tag).toBe('Retry')
    expect(decide(api(503), { iter: 2 })).toEqual(stop('attempts'))
    expect(decide(api(503), { iter: 0, settings: { maxAttempts: 1 } })).toEqual(stop('attempts'))
  })
  it('a caller policy gives the bound, still jittered and limited by maxAttempts', () => {
    expect(decide(api(503), { policy: constantDelay(1000) })).toEqual(retry('backoff', 500, 10))
    expect(decide(api(503), { policy: constantDelay(1000), iter: 2 })).toEqual(stop('attempts'))
  })
  it('backoffPolicy and afterPolicy are plain retry-ts policies', () => {
    expect([0, 1, 2, 3].map((i) => _.backoffPolicy(100, 300, 4)(at(i)))).toEqual([O.some(100), O.some(200), O.some(300), O.none])
    expect(_.afterPolicy(-5, 1000, 2)(at(0))).toEqual(O.some(0))
    expect(_.afterPolicy(5000, 1000, 2)(at(1))).toEqual(O.none)
  })
})

describe('following the hint', () => {
  it('never: a validation error, a payload mismatch, an abort stop at once', () => {
    expect(decide(api(400, AS_0001))).toEqual(stop('not-retryable'))
    expect(decide(payloadError({ status: 200, statusClass: '2xx', requestId: null, errors: [], problems: [], message: 'bad', headers: {} }))).toEqual(stop('not-retryable'))
    expect(decide(transportError({ reason: 'abort', message: 'aborted', cause: null }))).toEqual(stop('not-retryable'))
  })
  it('after: waits what Retry-After says, without jitter, clamped to maxAfterMs', () => {
    expect(decide(api(429, THROTTLED, { 'retry-after': '3' }))).toEqual(retry('after', 3000, 5))
    expect(decide(api(429, THROTTLED, { 'retry-after': '120' }))).toEqual(retry('after', 20_000, 5))
    expect(decide(api(503, '', { 'retry-after': '120' }), { settings: { maxAfterMs: 5000 } })).toEqual(retry('after', 5000, 10))
    expect(decide(api(429, THROTTLED, { 'retry-after': '3' }), { iter: 2 })).toEqual(stop('attempts'))
  })
  it('reauth: at once and free, once per call', () => {
    const e = api(401, '{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information."}')
    expect(decide(e)).toEqual(retry('reauth', 0, 0))
    expect(decide(e, { reauthUsed: true })).toEqual(stop('reauth-used'))
    expect(decide(e, { iter: 2 })).toEqual(stop('attempts'))
  })
  it('transport failures back off and cost 10', () => {
    expect(decide(transportError({ reason: 'timeout', message: 'slow', cause: null }))).toEqual(retry('backoff', 50, 10))
    expect(decide(transportError({ reason: 'network', message: 'reset', cause: 'ECONNRESET' }))).toEqual(retry('backoff', 50, 10))
  })
  it('retryCostOf: transient 10, throttling and other 5, reauth 0', () => {
    expect(_.retryCostOf(api(502), 'backoff')).toBe(10)
    expect(_.retryCostOf(api(409, DBS_BUSY), 'backoff')).toBe(5)
    expect(_.retryCostOf(api(429, THROTTLED), 'after')).toBe(5)
    expect(_.retryCostOf(api(401), 'reauth')).toBe(0)
  })
})

describe('busy conflicts get a long backoff rather than never', () => {
  it('DBS.200019 (catalogued conflict/backoff): 2 s base, 60 s cap, 6 attempts', () => {
    const e = api(409, DBS_BUSY)
    expect(decide(e)).toEqual(retry('backoff', 1000, 5, true))
    expect(decide(e, { iter: 4 })).toEqual(retry('backoff', 16_000, 5, true))
    expect(decide(e, { iter: 4, jitter: 1 })).toEqual(retry('backoff', 32_000, 5, true))
    expect(decide(e, { iter: 5 })).toEqual(stop('attempts'))
  })
  it('an uncatalogued 409 whose message says an operation is in progress', () => {
    const e = api(409, '{"code":"XYZ.0001","message":"The cluster is being updated, please try again later."}')
    // The wording says "not yet": classified conflict/backoff although the code is unknown.
    expect([e.category, e.retry.strategy]).toEqual(['conflict', 'backoff'])
    expect(decide(e)).toEqual(retry('backoff', 1000, 5, true))
  })
  it('a plain conflict (a duplicate name) still stops', () => {
    expect(decide(api(409, '{"code":"XYZ.0002","message":"The name already exists."}'))).toEqual(stop('not-retryable'))
  })
})

describe('idempotency (AIP-194)', () => {
  const post: CallInfo = { method: 'POST' }
  it('a POST is not retried after errors that do not prove it was not processed', () => {
    expect(decide(api(500, SERVER), { call: post })).toEqual(stop('not-idempotent'))
    expect(decide(api(502), { call: post })).toEqual(stop('not-idempotent'))
    expect(decide(api(504), { call: post })).toEqual(stop('not-idempotent'))
    expect(decide(api(503, '{"error_code":"RDS.0001","error_msg":"Service unavailable"}'), { call: post })).toEqual(stop('not-idempotent'))
    expect(decide(transportError({ reason: 'network', message: 'socket hang up', cause: 'ECONNRESET' }), { call: post })).toEqual(stop('not-idempotent'))
    expect(decide(transportError({ reason: 'timeout', message: 'slow', cause: null }), { call: post })).toEqual(stop('not-idempotent'))
  })
  it('a POST is retried when the error proves the request was not processed', () => {
    expect(decide(api(429, THROTTLED), { call: post })._tag).toBe('Retry')
    expect(decide(api(503), { call: post })._tag).toBe('Retry')
    expect(decide(api(503, '{"error_code":"APIGW.0999","error_msg":"Service unavailable"}'), { call: post })._tag).toBe('Retry')
    expect(decide(transportError({ reason: 'network', message: 'refused', cause: 'ECONNREFUSED' }), { call: post })._tag).toBe('Retry')
    expect(decide(transportError({ reason: 'network', message: 'connect timeout', cause: 'UND_ERR_CONNECT_TIMEOUT' }), { call: post })._tag).toBe('Retry')
    expect(decide(api(401), { call: post })).toEqual(retry('reauth', 0, 0))
    expect(decide(api(409, DBS_BUSY), { call: post })._tag).toBe('Retry')
  })
  it('an idempotency key, or idempotent: true, makes a POST retryable like a GET', () => {
    expect(decide(api(500, SERVER), { call: { method: 'POST', idempotencyKey: 'order-1' } })._tag).toBe('Retry')
    expect(decide(api(500, SERVER), { call: { method: 'POST', idempotent: true } })._tag).toBe('Retry')
    expect(decide(api(500, SERVER), { call: { method: 'PUT' } })._tag).toBe('Retry')
    expect(decide(api(500, SERVER), { call: { method: 'DELETE' } })._tag).toBe('Retry')
    expect(decide(api(500, SERVER), { call: { method: 'GET', idempotent: false } })).toEqual(stop('not-idempotent'))
    expect(decide(api(500, SERVER), { call: { method: 'PATCH', idempotencyKey: '  ' } })).toEqual(stop('not-idempotent'))
  })
  it('the first decision uses retry-ts defaultRetryStatus', () => {
    expect(_.decideRetry(api(503), { status: defaultRetryStatus, call: {}, reauthUsed: false, jitter: 0.5 })).toEqual(retry('backoff', 50, 10))
  })
})
