import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import * as _ from '../../src/clients/node.js'

const chunks = async function* (...parts: ReadonlyArray<string | Uint8Array>) {
  for (const part of parts) yield part
}

describe('decodeUndici / decodeIncomingMessage (structural, without a server)', () => {
  it('a success is checked by the codec, read from string and byte chunks', async () => {
    const body = chunks('{"id":', new TextEncoder().encode('"g-1"}'))
    expect(await _.decodeUndici(t.type({ id: t.string }))({ statusCode: 200, headers: { 'content-type': 'application/json' }, body })()).toEqual(E.right({ id: 'g-1' }))
  })
  it('a mismatch is a PayloadError', async () => {
    const r = await _.decodeUndici(t.type({ id: t.string }))({ statusCode: 200, headers: {}, body: chunks('{"id":1}') })()
    expect(E.isLeft(r) && r.left._tag).toBe('PayloadError')
  })
  it('an error response is an ApiError with its headers and request id', async () => {
    const res = Object.assign(chunks('{"error_code":"AS.2007","error_msg":"The AS group does not exist."}'), {
      statusCode: 404,
      headers: { 'content-type': 'application/json', 'x-request-id': 'n-1', 'set-cookie': ['a=1', 'b=2'] },
    })
    const r = await _.decodeIncomingMessage(t.unknown)(Promise.resolve(res))()
    expect(E.isLeft(r) && r.left._tag === 'ApiError' && [r.left.code, r.left.requestId, r.left.headers['set-cookie']]).toEqual(['AS.2007', 'n-1', '[redacted]'])
  })
  it('an error body is read up to maxBodyBytes and no further', async () => {
    let pulled = 0
    const endless = (async function* () {
      for (;;) {
        pulled++
        yield new Uint8Array(1024).fill(0x61)
      }
    })()
    const r = await _.decodeUndici(t.unknown, { maxBodyBytes: 4096 })({ statusCode: 500, headers: { 'content-type': 'text/plain' }, body: endless })()
    expect(E.isLeft(r) && r.left._tag === 'ApiError' && r.left.truncated).toBe(true)
    expect(pulled).toBeLessThanOrEqual(5)
  })
  it('a body that fails while being read is a read TransportError', async () => {
    const broken = (async function* () {
      yield '{"id":'
      throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' })
    })()
    const r = await _.decodeIncomingMessage(t.unknown)(Object.assign(broken, { statusCode: 200, headers: {} }))()
    expect(E.isLeft(r) && r.left._tag === 'TransportError' && [r.left.reason, r.left.cause]).toEqual(['read', 'ECONNRESET'])
  })
  it('a request that fails is a TransportError: refused, reset, a timeout through AbortSignal.timeout', async () => {
    const refused = await _.decodeUndici(t.unknown)(() => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })))()
    const timedOut = await _.decodeIncomingMessage(t.unknown)(() =>
      Promise.reject(Object.assign(new Error('The operation was aborted'), { name: 'AbortError', cause: new DOMException('timed out', 'TimeoutError') })),
    )()
    const aborted = await _.decodeIncomingMessage(t.unknown)(() => Promise.reject(new DOMException('aborted', 'AbortError')))()
    expect([refused, timedOut, aborted].map((r) => E.isLeft(r) && r.left._tag === 'TransportError' && r.left.reason)).toEqual(['network', 'timeout', 'abort'])
  })
  it('never rejects, even on nonsense', async () => {
    const thrower = () => {
      throw new Error('sync')
    }
    for (const input of [thrower, {}, null, { statusCode: 503, headers: null, body: 42 }] as ReadonlyArray<unknown> as ReadonlyArray<never>) {
      const r = await _.decodeUndici(t.unknown)(input)()
      expect(E.isLeft(r)).toBe(true)
    }
  })
})
