import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as _ from '../../src/decode/fetch.js'

let server: Server
let base = ''
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/throttled') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3', 'x-request-id': 'srv-1' })
      res.end('{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}')
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('{}'), 2_000)
    } else {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"id":"ok"}')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.closeAllConnections()
  server.close()
})

describe('decodeFetch', () => {
  it('decodes a success against a real server', async () => {
    expect(await _.decodeFetch(t.type({ id: t.string }))(fetch(`${base}/ok`))()).toEqual(E.right({ id: 'ok' }))
  })
  it('decodes an error response with its headers', async () => {
    const r = await _.decodeFetch(t.unknown)(() => fetch(`${base}/throttled`))()
    expect(E.isLeft(r) && r.left._tag === 'ApiError' && [r.left.code, r.left.requestId, r.left.retry]).toEqual([
      'APIGW.0308',
      'srv-1',
      { retryable: true, strategy: 'after', delayMs: 3000 },
    ])
  })
  it('a refused connection is a network TransportError', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const r = await _.decodeFetch(t.unknown)(() => fetch(`http://127.0.0.1:${port}/`))()
    expect(E.isLeft(r) && r.left._tag === 'TransportError' && [r.left.reason, r.left.cause, r.left.retry.strategy]).toEqual(['network', 'ECONNREFUSED', 'backoff'])
  })
  it('a timeout is a timeout TransportError', async () => {
    const r = await _.decodeFetch(t.unknown)(() => fetch(`${base}/slow`, { signal: AbortSignal.timeout(50) }))()
    expect(E.isLeft(r) && r.left._tag === 'TransportError' && [r.left.reason, r.left.category]).toEqual(['timeout', 'timeout'])
  })
  it('an abort is an abort TransportError, not retryable', async () => {
    const controller = new AbortController()
    const pending = _.decodeFetch(t.unknown)(() => fetch(`${base}/slow`, { signal: controller.signal }))()
    controller.abort()
    const r = await pending
    expect(E.isLeft(r) && r.left._tag === 'TransportError' && [r.left.reason, r.left.retry.retryable]).toEqual(['abort', false])
  })
  it('a body that fails to read is a read TransportError', async () => {
    const broken = new Response(new ReadableStream({ pull: (c) => c.error(new Error('connection reset')) }), { status: 200 })
    const r = await _.decodeFetch(t.unknown)(broken)()
    expect(E.isLeft(r) && r.left._tag === 'TransportError' && [r.left.reason, r.left.message]).toEqual(['read', 'connection reset'])
  })
  it('never rejects, even when the input is not a Response', async () => {
    const r = await _.decodeFetch(t.unknown)(Promise.reject(new Error('boom')))()
    expect(E.isLeft(r) && r.left._tag).toBe('TransportError')
    const r2 = await _.decodeFetch(t.unknown)({} as Response)()
    expect(E.isLeft(r2)).toBe(true)
  })
})

describe('decodeFetch and the service a response came from', () => {
  it("picks the variant of the endpoint's service for a code several services print", async () => {
    // DBS.200010 is documented as a 400 by DDS and GeminiDB, a 403 by RDS, GaussDB and TaurusDB.
    const body = '{"error_code":"DBS.200010","error_msg":"The DB instance does not exist."}'
    const response = new Response(body, { status: 400 })
    Object.defineProperty(response, 'url', { value: 'https://gaussdb-nosql.eu-de.otc.t-systems.com/v3/p/instances' })
    const r = await _.decodeFetch(t.unknown)(response)()
    expect(r._tag === 'Left' && r.left._tag === 'ApiError' && r.left.catalog?.api).toBe('GeminiDB')
    const plain = await _.decodeFetch(t.unknown)(new Response(body, { status: 400 }))()
    expect(plain._tag === 'Left' && plain.left._tag === 'ApiError' && plain.left.catalog?.api).toBe('DDS')
  })
})

describe('toTransportError (the one reader of a thrown value, for fetch and every HTTP client)', () => {
  it('reads the reason from the name and the code', () => {
    expect(_.toTransportError(new DOMException('The operation was aborted.', 'AbortError')).reason).toBe('abort')
    expect(_.toTransportError(new DOMException('The operation timed out.', 'TimeoutError')).reason).toBe('timeout')
    expect(_.toTransportError(Object.assign(new Error('socket hang up'), { code: 'ETIMEDOUT' })).reason).toBe('timeout')
    expect(_.toTransportError(new TypeError('fetch failed'), 'read').reason).toBe('read')
  })

  it('an abort caused by a timeout (Node http with AbortSignal.timeout) is a timeout', () => {
    const timeout = new DOMException('The operation timed out.', 'TimeoutError')
    expect(_.toTransportError(Object.assign(new Error('The operation was aborted'), { name: 'AbortError', cause: timeout })).reason).toBe('timeout')
    expect(_.toTransportError(Object.assign(new Error('aborted'), { name: 'AbortError', reason: timeout })).reason).toBe('timeout')
  })

  it('never throws: a hostile value gives the fallback reason', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom')
        },
      },
    )
    expect(_.toTransportError(hostile, 'read')).toMatchObject({ _tag: 'TransportError', reason: 'read' })
  })
})
