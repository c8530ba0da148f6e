import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { decode } from '../../src/decode/decode.js'
import { apiError, payloadError, transportError, type ServiceError } from '../../src/error/ServiceError.js'
import * as _ from '../../src/report/otel.js'

const api = (status: number, body = '', headers: Record<string, string> = {}): ServiceError => {
  const r = decode(t.unknown)({ status, headers: { 'content-type': 'application/json', ...headers }, body })
  if (E.isRight(r)) throw new Error('expected an error')
  return r.left
}

describe('toOtelAttributes', () => {
  it('an ApiError with a code: semantic-convention names plus otc.*', () => {
    const e = api(409, '{"error_code":"DBS.200019","error_msg":"Another operation is being performed on the DB instance or the DB instance is faulty."}', {
      'x-openstack-request-id': 'req-9',
    })
    expect(_.toOtelAttributes(e)).toEqual({
      'error.type': 'DBS.200019',
      'http.response.status_code': 409,
      'otc.error.code': 'DBS.200019',
      'otc.error.category': 'conflict',
      'otc.error.service': 'DBS',
      'otc.error.retryable': true,
      'otc.error.retry_strategy': 'backoff',
      'otc.request_id': 'req-9',
    })
  })
  it('without a code, error.type is the status as a string, and absent values are left out', () => {
    expect(_.toOtelAttributes(api(503))).toEqual({
      'error.type': '503',
      'http.response.status_code': 503,
      'otc.error.category': 'unavailable',
      'otc.error.retryable': true,
      'otc.error.retry_strategy': 'backoff',
    })
  })
  it('a transport error: the system code, else the reason; no status', () => {
    expect(_.toOtelAttributes(transportError({ reason: 'network', message: 'refused', cause: 'ECONNREFUSED' }))).toEqual({
      'error.type': 'ECONNREFUSED',
      'otc.error.category': 'unavailable',
      'otc.error.retryable': true,
      'otc.error.retry_strategy': 'backoff',
    })
    expect(_.toOtelAttributes(transportError({ reason: 'timeout', message: 'slow', cause: null }))['error.type']).toBe('timeout')
  })
  it('a payload error', () => {
    const e = payloadError({ status: 200, statusClass: '2xx', requestId: 'r', errors: [], problems: [], message: 'bad', headers: {} })
    expect(_.toOtelAttributes(e)).toEqual({
      'error.type': 'PayloadError',
      'http.response.status_code': 200,
      'otc.error.category': 'unknown',
      'otc.error.retryable': false,
      'otc.error.retry_strategy': 'never',
      'otc.request_id': 'r',
    })
  })
  it('a status outside 100–599 is not reported as http.response.status_code', () => {
    const e = apiError({
      status: 0,
      statusClass: '1xx',
      code: null,
      service: null,
      message: null,
      requestId: null,
      category: 'unknown',
      retry: { retryable: false, strategy: 'never' },
      known: false,
      catalog: null,
      documentedStatus: null,
      shape: 'none',
      details: [],
      headers: {},
    })
    expect(_.toOtelAttributes(e)).toEqual({ 'error.type': '_OTHER', 'otc.error.category': 'unknown', 'otc.error.retryable': false, 'otc.error.retry_strategy': 'never' })
  })
  it('values are only strings, numbers and booleans (what span.setAttributes accepts)', () => {
    for (const e of [api(404, '{"error_code":"AS.2007","error_msg":"x"}'), api(500), transportError({ reason: 'read', message: 'x', cause: null })]) {
      for (const value of Object.values(_.toOtelAttributes(e))) expect(['string', 'number', 'boolean']).toContain(typeof value)
    }
  })
  it('the names are the documented constants', () => {
    expect(Object.values(_.OTEL_ATTRIBUTES)).toEqual([
      'error.type',
      'http.response.status_code',
      'otc.error.code',
      'otc.error.category',
      'otc.error.service',
      'otc.error.retryable',
      'otc.error.retry_strategy',
      'otc.request_id',
    ])
  })
})

describe('toOtelStatus', () => {
  it('ERROR (2) with the one-line description', () => {
    expect(_.toOtelStatus(api(404, '{"error_code":"AS.2007","error_msg":"The AS group does not exist."}'))).toEqual({
      code: 2,
      message: '404 Not Found AS.2007: The AS group does not exist. (not-found, retry: never)',
    })
  })
})
