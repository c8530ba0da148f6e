import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { decode } from '../../src/decode/decode.js'
import { transportError, type ServiceError } from '../../src/error/ServiceError.js'
import * as _ from '../../src/retry/idempotency.js'

const api = (status: number, body = ''): ServiceError => {
  const r = decode(t.unknown)({ status, body })
  if (E.isRight(r)) throw new Error('expected an error')
  return r.left
}

describe('isIdempotentCall', () => {
  it('follows RFC 9110 methods, idempotency keys and the explicit flag', () => {
    expect(['GET', 'head', 'OPTIONS', 'TRACE', 'put', 'DELETE'].map((method) => _.isIdempotentCall({ method }))).toEqual([true, true, true, true, true, true])
    expect(['POST', 'PATCH', 'CONNECT'].map((method) => _.isIdempotentCall({ method }))).toEqual([false, false, false])
    expect(_.isIdempotentCall({})).toBe(true)
    expect(_.isIdempotentCall({ method: 'POST', idempotencyKey: 'k' })).toBe(true)
    expect(_.isIdempotentCall({ method: 'GET', idempotent: false })).toBe(false)
  })
})

describe('provesNotProcessed', () => {
  it('connection never made, throttling, gateway 503, 401, busy conflicts', () => {
    for (const cause of _.NOT_SENT_CAUSES) expect(_.provesNotProcessed(transportError({ reason: 'network', message: 'x', cause }))).toBe(true)
    expect(_.provesNotProcessed(api(429))).toBe(true)
    expect(_.provesNotProcessed(api(503, '<html><title>503 Service Temporarily Unavailable</title></html>'))).toBe(true)
    expect(_.provesNotProcessed(api(401))).toBe(true)
    expect(_.provesNotProcessed(api(409, '{"error_code":"DBS.200011","error_msg":"Another operation is being performed on the DB instance or the DB instance is faulty."}'))).toBe(
      true,
    )
  })
  it('nothing else', () => {
    expect(_.provesNotProcessed(transportError({ reason: 'network', message: 'x', cause: 'ECONNRESET' }))).toBe(false)
    expect(_.provesNotProcessed(transportError({ reason: 'timeout', message: 'x', cause: null }))).toBe(false)
    for (const status of [400, 403, 404, 409, 500, 502, 504]) expect(_.provesNotProcessed(api(status))).toBe(false)
  })
})
