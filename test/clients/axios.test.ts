import { AxiosError, AxiosHeaders } from 'axios'
import * as E from 'fp-ts/lib/Either.js'
import * as fc from 'fast-check'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import * as _ from '../../src/clients/axios.js'
import { anyValue } from '../arbitraries.js'

const THROTTLED = { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached.' }

describe('fromAxiosError', () => {
  it('a response: status, AxiosHeaders and parsed JSON data', () => {
    const headers = new AxiosHeaders({ 'Content-Type': 'application/json', 'Retry-After': '2', 'X-Request-Id': 'ax-1' })
    const error = new AxiosError('Request failed with status code 429', 'ERR_BAD_REQUEST', undefined, undefined, {
      status: 429,
      statusText: '',
      headers,
      data: THROTTLED,
      config: { headers: new AxiosHeaders() },
    })
    const e = _.fromAxiosError(error)
    expect(e._tag === 'ApiError' && [e.status, e.code, e.requestId, e.retry]).toEqual([429, 'APIGW.0308', 'ax-1', { retryable: true, strategy: 'after', delayMs: 2000 }])
  })
  it('text, bytes and streams as data', () => {
    const text = _.fromAxiosError({
      response: { status: 400, headers: { 'content-type': 'application/json' }, data: '{\n "error_msg": The request message format is invalid.",\n "error_code": "AS.0001"\n}' },
    })
    const bytes = _.fromAxiosError({ response: { status: 404, headers: {}, data: new TextEncoder().encode('{"error_code":"AS.2007","error_msg":"x"}').buffer } })
    const stream = _.fromAxiosError({ response: { status: 503, headers: {}, data: { pipe: () => undefined } } })
    expect([text, bytes, stream].map((e) => e._tag === 'ApiError' && [e.status, e.code, e.shape])).toEqual([
      [400, 'AS.0001', 'broken-json'],
      [404, 'AS.2007', 'error_code'],
      [503, null, 'empty'],
    ])
  })
  it('no response: timeouts, cancellations and network failures', () => {
    const reasons = [
      { code: 'ECONNABORTED', message: 'timeout of 50ms exceeded' },
      { code: 'ETIMEDOUT', message: 'timeout of 50ms exceeded' },
      { code: 'ERR_CANCELED', message: 'canceled', name: 'CanceledError', config: { signal: AbortSignal.abort(new DOMException('late', 'TimeoutError')) } },
      { code: 'ERR_CANCELED', message: 'canceled', name: 'CanceledError', config: { signal: AbortSignal.abort() } },
      { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9' },
      { code: 'ECONNRESET', message: 'socket hang up' },
      { code: 'ERR_NETWORK', message: 'Network Error' },
    ].map((error) => {
      const e = _.fromAxiosError({ isAxiosError: true, ...error })
      return e._tag === 'TransportError' ? [e.reason, e.cause, e.retry.retryable] : null
    })
    expect(reasons).toEqual([
      ['timeout', 'ECONNABORTED', true],
      ['timeout', 'ETIMEDOUT', true],
      ['timeout', 'ERR_CANCELED', true],
      ['abort', 'ERR_CANCELED', false],
      ['network', 'ECONNREFUSED', true],
      ['network', 'ECONNRESET', true],
      ['network', 'ERR_NETWORK', true],
    ])
  })
  it('never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyValue,
          fc.record(
            {
              isAxiosError: fc.boolean(),
              code: fc.string(),
              message: fc.anything(),
              response: fc.record({ status: fc.integer(), headers: fc.anything(), data: fc.anything() }),
              config: fc.anything(),
            },
            { requiredKeys: [] },
          ),
        ),
        (input) => {
          expect(['ApiError', 'PayloadError', 'TransportError']).toContain(_.fromAxiosError(input)._tag)
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('decodeAxios', () => {
  it('a success is checked by the codec as axios parsed it', async () => {
    expect(await _.decodeAxios(t.type({ id: t.string }))(Promise.resolve({ status: 200, headers: {}, data: { id: 'g-1' } }))()).toEqual(E.right({ id: 'g-1' }))
    const mismatch = await _.decodeAxios(t.type({ id: t.string }))(() => Promise.resolve({ status: 200, headers: { 'x-request-id': 'm' }, data: { id: 7 } }))()
    expect(E.isLeft(mismatch) && mismatch.left._tag === 'PayloadError' && mismatch.left.requestId).toBe('m')
    expect(await _.decodeAxios(t.string)(Promise.resolve({ status: 200, data: 'plain' }))()).toEqual(E.right('plain'))
  })
  it('an error status resolved (a permissive validateStatus) is an ApiError', async () => {
    const r = await _.decodeAxios(t.unknown)(Promise.resolve({ status: 429, headers: { 'retry-after': '1' }, data: THROTTLED }))()
    expect(E.isLeft(r) && r.left._tag === 'ApiError' && r.left.retry).toEqual({ retryable: true, strategy: 'after', delayMs: 1000 })
  })
  it('a rejection is read by fromAxiosError; nothing rejects', async () => {
    const r = await _.decodeAxios(t.unknown)(() => Promise.reject({ isAxiosError: true, code: 'ECONNREFUSED', message: 'refused' }))()
    expect(E.isLeft(r) && r.left._tag === 'TransportError' && r.left.cause).toBe('ECONNREFUSED')
    const thrower = () => {
      throw new Error('sync')
    }
    expect(E.isLeft(await _.decodeAxios(t.unknown)(thrower as never)())).toBe(true)
  })
})
