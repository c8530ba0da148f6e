import * as E from 'fp-ts/lib/Either.js'
import * as fc from 'fast-check'
import * as t from 'io-ts'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import * as _ from '../../src/decode/decode.js'
import type { ApiError, ServiceError } from '../../src/error/ServiceError.js'
import { rawResponse } from '../arbitraries.js'

const apiErrorOf = (r: E.Either<ServiceError, unknown>): ApiError => {
  if (E.isRight(r) || r.left._tag !== 'ApiError') throw new Error(`expected an ApiError, got ${JSON.stringify(r)}`)
  return r.left
}
const decodeUnknown = _.decode(t.unknown)

describe('decode: successes', () => {
  it('gives the payload checked by the codec', () => {
    const Group = t.type({ id: t.string })
    expect(_.decode(Group)({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":"g1","extra":1}' })).toEqual(E.right({ id: 'g1', extra: 1 }))
  })
  it('reads bytes, with a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"id":"x"}')])
    expect(decodeUnknown({ status: 200, body: bytes })).toEqual(E.right({ id: 'x' }))
  })
  it('gives undefined for an empty 204', () => {
    expect(decodeUnknown({ status: 204 })).toEqual(E.right(undefined))
  })
  it('a success with an error-looking body is still payload', () => {
    expect(decodeUnknown({ status: 200, body: '{"error_code":"ModelArts.4902","error_msg":"Exporting labels."}' })).toEqual(
      E.right({ error_code: 'ModelArts.4902', error_msg: 'Exporting labels.' }),
    )
  })
  it('a body that does not match is a PayloadError with readable problems', () => {
    const r = _.decode(t.type({ id: t.string, size: t.number }))({ status: 200, headers: { 'X-Request-Id': 'r-9' }, body: '{"id":3}' })
    expect(E.isLeft(r) && r.left._tag).toBe('PayloadError')
    if (E.isLeft(r) && r.left._tag === 'PayloadError') {
      expect(r.left.problems).toEqual(['id: expected string, got 3', 'size: expected number, got nothing'])
      expect(r.left.requestId).toBe('r-9')
      expect(r.left.errors.length).toBe(2)
      expect(r.left.retry).toEqual({ retryable: false, strategy: 'never' })
    }
  })
})

describe('decode: errors', () => {
  it('gives a Left for every 4xx/5xx even with t.unknown', () => {
    for (const status of [400, 404, 418, 429, 500, 503, 599]) expect(E.isLeft(decodeUnknown({ status, body: '{}' }))).toBe(true)
  })
  it('reads headers case-insensitively from objects with arrays and from Headers', () => {
    const fromObject = apiErrorOf(decodeUnknown({ status: 404, headers: { 'X-REQUEST-ID': ['abc', 'def'] }, body: '' }))
    // Repeated request-id headers (a proxy adding its own): the first one is the service's.
    expect(fromObject.requestId).toBe('abc')
    const fromHeaders = apiErrorOf(decodeUnknown({ status: 404, headers: new Headers({ 'x-openstack-request-id': 'req-1' }), body: '' }))
    expect(fromHeaders.requestId).toBe('req-1')
  })
  it('takes the request id from the body when no header has it', () => {
    const e = apiErrorOf(decodeUnknown({ status: 500, body: '{"error_code":"APIG.0101","error_msg":"x","request_id":"body-id"}' }))
    expect(e.requestId).toBe('body-id')
  })
  it('keeps the code as printed, and the catalogue spelling apart', () => {
    const e = apiErrorOf(decodeUnknown({ status: 429, body: '{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}' }))
    expect([e.code, e.service, e.known, e.catalog?.code, e.category, e.retry.strategy]).toEqual(['APIGW.0308', 'APIG', true, 'APIG.0308', 'throttled', 'backoff'])
  })
  it('honours Retry-After in seconds and as a date', () => {
    const body = '{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}'
    expect(apiErrorOf(decodeUnknown({ status: 429, headers: { 'Retry-After': '7' }, body })).retry).toEqual({ retryable: true, strategy: 'after', delayMs: 7000 })
    const at = _.decode(t.unknown, { now: () => Date.UTC(2026, 0, 1, 0, 0, 0) })
    const e = apiErrorOf(at({ status: 503, headers: { 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }, body: '' }))
    expect(e.retry).toEqual({ retryable: true, strategy: 'after', delayMs: 5000 })
  })
  it('unknown codes are classified by the status and keep their own prefix as service', () => {
    const e = apiErrorOf(decodeUnknown({ status: 409, body: '{"error_code":"FOO.1234","error_msg":"busy"}' }))
    expect([e.code, e.service, e.known, e.category, e.retry.strategy, e.catalog]).toEqual(['FOO.1234', 'FOO', false, 'conflict', 'never', null])
  })
  it('Keystone 401 has no service code and asks for re-authentication', () => {
    const e = apiErrorOf(decodeUnknown({ status: 401, body: '{"error":{"code":401,"title":"Unauthorized","message":"The request you have made requires authentication."}}' }))
    expect([e.code, e.message, e.category, e.retry.strategy]).toEqual([null, 'The request you have made requires authentication.', 'auth', 'reauth'])
  })
  it('an HTML gateway page gives the title as message', () => {
    const e = apiErrorOf(
      decodeUnknown({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>' }),
    )
    expect([e.code, e.message, e.category, e.retry.strategy]).toEqual([null, '502 Bad Gateway', 'unavailable', 'backoff'])
  })
  it('OBS XML gives code, message and request id', () => {
    const body = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><RequestId>0001</RequestId></Error>'
    const e = apiErrorOf(decodeUnknown({ status: 404, headers: { 'Content-Type': 'application/xml' }, body }))
    expect([e.code, e.message, e.requestId, e.category]).toEqual(['NoSuchBucket', 'The specified bucket does not exist', '0001', 'not-found'])
  })
  it('an invalid status is an unknown, non-retryable error', () => {
    for (const status of [0, -1, 99, 600, 404.5, Number.NaN]) {
      const e = apiErrorOf(decodeUnknown({ status, body: '' }))
      expect([e.category, e.retry.retryable]).toEqual(['unknown', false])
    }
  })
})

describe('decode: secrets', () => {
  const token = 'MIIEXAMPLEsecretTOKENvalue0123456789'
  const r = decodeUnknown({
    status: 401,
    headers: { 'X-Subject-Token': token, Authorization: `Bearer ${token}x`, Cookie: 'session=cookievalue123', 'Content-Type': 'application/json' },
    body: `{"error_code":"IAM.0001","error_msg":"token ${token} is invalid"}`,
  })
  const e = apiErrorOf(r)
  it('never shows a secret header value in any rendering', () => {
    const renderings = [String(e), JSON.stringify(e), inspect(e, { depth: 10 }), e.message ?? '', JSON.stringify(e.toJSON())]
    for (const text of renderings) {
      expect(text).not.toContain(token)
      expect(text).not.toContain('cookievalue123')
    }
    expect(e.headers['x-subject-token']).toBe('[redacted]')
    expect(e.headers['authorization']).toBe('[redacted]')
    expect(e.headers['content-type']).toBe('application/json')
    expect(e.message).toBe('token [redacted] is invalid')
  })
})

describe('decode and its parts agree', () => {
  it('an error decoded in one go equals readResponse then toApiError (the header notes only skip lookups)', () => {
    fc.assert(
      fc.property(rawResponse, (raw) => {
        fc.pre(raw.status >= 400)
        const whole = apiErrorOf(decodeUnknown(raw))
        const parts = _.toApiError(_.readResponse(raw))
        expect(whole.toJSON()).toEqual(parts.toJSON())
      }),
      { numRuns: 300 },
    )
  })
})
