import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import * as _ from '../../src/error/ServiceError.js'

const api = _.apiError({
  status: 404,
  statusClass: '4xx',
  code: 'AS.2007',
  service: 'AS',
  message: 'The AS group does not exist.',
  requestId: 'r-1',
  category: 'not-found',
  retry: { retryable: false, strategy: 'never' },
  known: true,
  catalog: { code: 'AS.2007', status: 404, message: 'The AS group does not exist.', remedy: 'Check the group id.' },
  documentedStatus: null,
  shape: 'error_code',
  details: [],
  headers: { 'x-auth-token': '[redacted]' },
})
const payload = _.payloadError({ status: 200, statusClass: '2xx', requestId: null, errors: [], problems: ['id: expected string, got 3'], message: 'm', headers: {} })
const transport = _.transportError({ reason: 'timeout', message: 'timed out after 50 ms', cause: 'UND_ERR_CONNECT_TIMEOUT' })

describe('fold / match', () => {
  const tag = _.fold({ ApiError: (e) => `api ${e.code}`, PayloadError: (e) => `payload ${e.problems.length}`, TransportError: (e) => `transport ${e.reason}` })
  it('picks the case of each variant', () => {
    expect([tag(api), tag(payload), tag(transport)]).toEqual(['api AS.2007', 'payload 1', 'transport timeout'])
    expect(_.match).toBe(_.fold)
  })
})

describe('draw', () => {
  it('renders each variant on one line', () => {
    expect(_.draw(api)).toBe('404 Not Found AS.2007: The AS group does not exist. (not-found, retry: never) [request r-1]')
    expect(_.draw(payload)).toBe('200 OK payload did not match the codec: id: expected string, got 3')
    expect(_.draw(transport)).toBe('timeout error: timed out after 50 ms (UND_ERR_CONNECT_TIMEOUT)')
    expect(String(api)).toBe(_.draw(api))
  })
})

describe('renderings', () => {
  it('toJSON gives plain fields with the tag', () => {
    expect(JSON.parse(JSON.stringify(api))).toMatchObject({ _tag: 'ApiError', code: 'AS.2007', headers: { 'x-auth-token': '[redacted]' } })
    expect(JSON.parse(JSON.stringify(payload))).toEqual({
      _tag: 'PayloadError',
      status: 200,
      statusClass: '2xx',
      requestId: null,
      problems: ['id: expected string, got 3'],
      message: 'm',
      headers: {},
    })
    expect(JSON.parse(JSON.stringify(transport))).toEqual({
      _tag: 'TransportError',
      reason: 'timeout',
      message: 'timed out after 50 ms',
      cause: 'UND_ERR_CONNECT_TIMEOUT',
      category: 'timeout',
      retry: { retryable: true, strategy: 'backoff' },
    })
  })
  it("an ApiError's JSON holds every field, the tag first, in one order", () => {
    expect(Object.keys(api.toJSON())).toEqual([
      '_tag',
      'status',
      'statusClass',
      'code',
      'service',
      'message',
      'requestId',
      'category',
      'retry',
      'known',
      'catalog',
      'documentedStatus',
      'shape',
      'details',
      'headers',
      'truncated',
    ])
    // Built without `truncated`, the JSON still says false.
    expect(api.toJSON().truncated).toBe(false)
  })
  it('util.inspect shows the tag and fields', () => {
    expect(inspect(api)).toMatch(/^ApiError \{\n {2}"_tag": "ApiError"/)
  })
  it('transport errors classify by reason', () => {
    expect(_.transportError({ reason: 'network', message: 'x', cause: null }).category).toBe('unavailable')
    expect(_.transportError({ reason: 'abort', message: 'x', cause: null }).retry).toEqual({ retryable: false, strategy: 'never' })
  })
})

describe('construction', () => {
  const fields = { ...api.toJSON(), headers: {} }
  it('builds the three errors one way: each from its fields, every field kept, String and inspect shared', () => {
    const again = _.apiError(fields)
    expect(again.toJSON()).toEqual({ ...api.toJSON(), headers: {} })
    for (const e of [again, payload, transport]) {
      expect(e.name).toBe(e._tag)
      expect(String(e)).toBe(_.draw(e))
      expect(inspect(e).startsWith(`${e._tag} {`)).toBe(true)
    }
  })
  it('redacts headers given as a record or as a map, on first access, whoever built the error', () => {
    const record = { 'x-auth-token': 'MIIsecretTokenValue', 'x-request-id': 'r-1', cookie: 'sid=abc123' }
    const map = new Map(Object.entries(record))
    const expected = { 'x-auth-token': '[redacted]', 'x-request-id': 'r-1', cookie: '[redacted]' }
    for (const headers of [record, map]) {
      const a = _.apiError({ ...fields, headers })
      const p = _.payloadError({ status: 200, statusClass: '2xx', requestId: null, errors: [], problems: [], message: 'm', headers })
      for (const e of [a, p]) {
        expect(e.headers).toEqual(expected)
        expect(e.headers).toBe(e.headers) // redacted once
        expect(JSON.stringify(e)).not.toContain('MIIsecret')
        expect(inspect(e)).not.toContain('abc123')
      }
    }
  })
  it('leaves headers that were redacted before as they are', () => {
    expect(api.headers).toEqual({ 'x-auth-token': '[redacted]' })
  })
})

describe('hostile headers', () => {
  it('an error whose headers throw when read shows none, and never throws itself', () => {
    const headers = new Proxy<Record<string, string>>(
      {},
      {
        ownKeys: () => {
          throw new Error('boom')
        },
      },
    )
    const e = _.payloadError({ status: 200, statusClass: '2xx', requestId: null, errors: [], problems: [], message: 'm', headers })
    expect(e.headers).toEqual({})
    expect(() => JSON.stringify(e)).not.toThrow()
    expect(inspect(e)).toContain('PayloadError')
  })
})
