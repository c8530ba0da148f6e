import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as _ from '../../src/decode/failure.js'
import { ApiError } from '../../src/error/ServiceError.js'
import { anyValue, revokedProxy, throwingProxy } from '../arbitraries.js'

describe('failureOf', () => {
  it("is a thrown string itself, or an error's message", () => {
    expect(_.failureOf('socket hang up')).toBe('socket hang up')
    expect(_.failureOf(new TypeError('fetch failed'))).toBe('fetch failed')
    expect(_.failureOf({ message: 'plain object' })).toBe('plain object')
  })
  it('says "unknown failure" when there is no message to read', () => {
    for (const v of ['', new Error(''), { message: 42 }, null, undefined, 7, Symbol('s'), throwingProxy(), revokedProxy()]) expect(_.failureOf(v)).toBe('unknown failure')
  })
  it('cuts a long message at 500 characters, marked with an ellipsis', () => {
    const got = _.failureOf('x'.repeat(2000))
    expect(got).toBe(`${'x'.repeat(500)}…`)
    expect(_.failureOf('y'.repeat(500))).toBe('y'.repeat(500))
  })
  it('redacts secrets in the message', () => {
    const got = _.failureOf(new Error('request failed: X-Auth-Token: MIIabcdefghijklmnopqrstuvwxyz'))
    expect(got).toContain('[redacted]')
    expect(got).not.toContain('MIIabcdefghijklmnopqrstuvwxyz')
  })
  it('never throws and is never empty', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyValue,
          fc.string(),
          fc.string().map((m) => new Error(m)),
        ),
        (thrown) => {
          const got = _.failureOf(thrown)
          expect(typeof got).toBe('string')
          expect(got.length).toBeGreaterThan(0)
        },
      ),
    )
  })
})

describe('unreadableResponse', () => {
  it('keeps a numeric status, with its class, and is never retried', () => {
    const e = _.unreadableResponse(502, 'the body could not be read')
    expect(e).toBeInstanceOf(ApiError)
    expect(e).toMatchObject({
      status: 502,
      statusClass: '5xx',
      code: null,
      service: null,
      message: 'the body could not be read',
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
  })
  it('uses status 0 (class 1xx) when the status is not a number, and the given shape', () => {
    const e = _.unreadableResponse('404', 'm', 'problem+json')
    expect(e.status).toBe(0)
    expect(e.statusClass).toBe('1xx')
    expect(e.shape).toBe('problem+json')
  })
})

describe('unexpected', () => {
  it('says the response could not be read, and why', () => {
    const e = _.unexpected(500, new Error('getter threw'))
    expect(e.message).toBe('the response could not be read: getter threw')
    expect(e.status).toBe(500)
    expect(e.category).toBe('unknown')
    expect(_.unexpected(200, revokedProxy()).message).toBe('the response could not be read: unknown failure')
  })
})
