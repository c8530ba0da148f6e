// End to end: a real HTTP server on 127.0.0.1 replays recorded error responses (examples/ and
// test/clients/fixtures/), and each HTTP client (fetch, node:http, undici, axios) goes through
// its adapter and the retry executor. Real timers, tiny delays.
import axios from 'axios'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import * as t from 'io-ts'
import { readFileSync } from 'node:fs'
import { createServer, request as nodeRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { request as undiciRequest } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeAxios } from '../../src/clients/axios.js'
import { decodeIncomingMessage, decodeUndici } from '../../src/clients/node.js'
import { decodeFetch } from '../../src/decode/fetch.js'
import { draw, type ServiceError } from '../../src/error/ServiceError.js'
import { toOtelAttributes } from '../../src/report/otel.js'
import { toProblemDetails } from '../../src/report/problem.js'
import { parseCurl } from '../../src/response/curl.js'
import { retryExecutor, type GiveUpEvent, type RetryEvent, type RetryOptions } from '../../src/retry/executor.js'

// -------------------------------------------------------------------------------------
// recorded responses
// -------------------------------------------------------------------------------------

const root = new URL('../../', import.meta.url)
const recorded = (path: string) => {
  const parsed = parseCurl(readFileSync(new URL(path, root), 'utf8'))
  if (E.isLeft(parsed)) throw new Error(`${path}: ${parsed.left}`)
  return parsed.right
}
const THROTTLED = recorded('examples/apigw-0308.http')
const INVALID = recorded('examples/as-0001.http')
const NO_BUCKET = recorded('examples/obs-nosuchbucket.http')
const BUSY = recorded('test/clients/fixtures/dbs-200019.http')
const EXPIRED = recorded('test/clients/fixtures/apigw-0301.http')
const GATEWAY_503 = recorded('test/clients/fixtures/gateway-503.http')
const SYSTEM_ERROR = recorded('test/clients/fixtures/as-0001-500.http')

const EXPIRED_TOKEN = 'expired-token-4f9a2c'
const FRESH_TOKEN = 'fresh-token-8d1e7b'

// -------------------------------------------------------------------------------------
// the server
// -------------------------------------------------------------------------------------

type Step = 'ok' | 'slow' | 'reset' | { readonly replay: ReturnType<typeof recorded>; readonly headers?: Record<string, string> }

/** What each scenario answers, attempt by attempt (the last step repeats). */
const SCENARIOS: Readonly<Record<string, ReadonlyArray<Step>>> = {
  throttled: [{ replay: THROTTLED, headers: { 'retry-after': '1' } }, 'ok'],
  slow: ['slow', 'ok'],
  reset: ['reset', 'ok'],
  busy: [{ replay: BUSY }, { replay: BUSY }, 'ok'],
  invalid: [{ replay: INVALID }],
  bucket: [{ replay: NO_BUCKET }],
  gateway: [{ replay: GATEWAY_503 }, 'ok'],
  system: [{ replay: SYSTEM_ERROR }, 'ok'],
}

let server: Server
let base = ''
let refusedUrl = ''
const seen = new Map<string, Array<{ method: string; token: string | undefined }>>()

const answer = (req: IncomingMessage, res: ServerResponse): void => {
  const url = new URL(req.url ?? '/', 'http://x')
  const scenario = url.pathname.slice(1)
  const run = url.searchParams.get('run') ?? ''
  const token = req.headers['x-auth-token'] as string | undefined
  const log = seen.get(run) ?? []
  log.push({ method: req.method ?? 'GET', token })
  seen.set(run, log)
  if (scenario === 'auth') {
    if (token === FRESH_TOKEN) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"ok"}')
    res.writeHead(EXPIRED.status, EXPIRED.headers as Record<string, string>)
    return void res.end(EXPIRED.body.replace('%TOKEN%', token ?? 'none'))
  }
  if (scenario === 'huge') {
    res.writeHead(500, { 'content-type': 'text/plain' })
    // 4 MiB in 64 KiB chunks; the client must stop reading long before the end
    const chunk = 'x'.repeat(64 * 1024)
    let sent = 0
    const pump = (): void => {
      while (sent < 64) {
        sent++
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      res.end()
    }
    res.on('error', () => undefined)
    return pump()
  }
  const steps = SCENARIOS[scenario] ?? ['ok']
  const step = steps[Math.min(log.length, steps.length) - 1] ?? 'ok'
  if (step === 'ok') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"ok"}')
  if (step === 'reset') return void req.socket.destroy()
  if (step === 'slow') {
    setTimeout(() => res.writeHead(200).end('{"id":"late"}'), 400).unref()
    return
  }
  res.writeHead(step.replay.status, { ...(step.replay.headers as Record<string, string>), ...step.headers })
  res.end(step.replay.body)
}

beforeAll(async () => {
  server = createServer(answer)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // a port that was just closed: connecting to it is refused
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  refusedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/refused`
  await new Promise<void>((resolve) => closed.close(() => resolve()))
})
afterAll(() => {
  server.closeAllConnections()
  server.close()
})

// -------------------------------------------------------------------------------------
// the clients
// -------------------------------------------------------------------------------------

interface Call {
  readonly url: string
  readonly method: string
  readonly token: string | null
  readonly timeoutMs: number
}
type Client = (call: Call) => TE.TaskEither<ServiceError, unknown>

const headersOf = (call: Call): Record<string, string> => (call.token === null ? {} : { 'X-Auth-Token': call.token })

const CLIENTS: ReadonlyArray<readonly [string, Client]> = [
  ['fetch', (c) => decodeFetch(t.unknown)(() => fetch(c.url, { method: c.method, headers: headersOf(c), signal: AbortSignal.timeout(c.timeoutMs) }))],
  [
    'node:http',
    (c) =>
      decodeIncomingMessage(t.unknown)(
        () =>
          new Promise<IncomingMessage>((resolve, reject) => {
            const req = nodeRequest(c.url, { method: c.method, headers: headersOf(c), signal: AbortSignal.timeout(c.timeoutMs) }, resolve)
            req.on('error', reject)
            req.end()
          }),
      ),
  ],
  ['undici', (c) => decodeUndici(t.unknown)(() => undiciRequest(c.url, { method: c.method as 'GET', headers: headersOf(c), signal: AbortSignal.timeout(c.timeoutMs) }))],
  ['axios', (c) => decodeAxios(t.unknown)(() => axios.request({ url: c.url, method: c.method, headers: headersOf(c), timeout: c.timeoutMs }))],
]

const TINY: RetryOptions = { baseMs: 1, throttleBaseMs: 1, capMs: 5, maxAfterMs: 20, busyBaseMs: 1, busyCapMs: 5 }

let runs = 0
const scenario = (client: Client, name: string, options: RetryOptions & { readonly method?: string; readonly initialToken?: string; readonly url?: string } = {}) => {
  const run = `r${++runs}`
  const events: Array<RetryEvent> = []
  const giveUps: Array<GiveUpEvent> = []
  const retry = retryExecutor({ ...TINY, ...options, onRetry: (e) => events.push(e), onGiveUp: (e) => giveUps.push(e) })
  const url = options.url ?? `${base}/${name}?run=${run}`
  const method = options.method ?? 'GET'
  const program = retry((attempt) => client({ url, method, token: attempt.token ?? options.initialToken ?? null, timeoutMs: 2000 }), { method })
  return { program, events, giveUps, requests: () => seen.get(run) ?? [] }
}

// -------------------------------------------------------------------------------------
// the tests
// -------------------------------------------------------------------------------------

describe.each(CLIENTS)('%s, end to end through the retry executor', (_name, client) => {
  it('a 429 with Retry-After: waits (clamped to maxAfterMs), then succeeds', async () => {
    const s = scenario(client, 'throttled')
    expect(await s.program()).toEqual(E.right({ id: 'ok' }))
    expect(s.events.map((e) => [e.strategy, e.delayMs, e.error._tag === 'ApiError' && e.error.code, e.error.retry])).toEqual([
      ['after', 20, 'APIGW.0308', { retryable: true, strategy: 'after', delayMs: 1000 }],
    ])
    expect(s.requests()).toHaveLength(2)
  })
  it('a slow response cut by a timeout is a timeout, retried', async () => {
    const s = scenario(client, 'slow')
    const program = retryExecutor({ ...TINY, onRetry: (e) => s.events.push(e) })((attempt) =>
      client({ url: `${base}/slow?run=slow-${_name}`, method: 'GET', token: null, timeoutMs: attempt.number === 1 ? 50 : 2000 }),
    )
    expect(await program()).toEqual(E.right({ id: 'ok' }))
    expect(s.events.map((e) => e.error._tag === 'TransportError' && [e.error.reason, e.strategy, e.cost])).toEqual([['timeout', 'backoff', 10]])
  })
  it('a reset connection is a network failure, retried for a GET', async () => {
    const s = scenario(client, 'reset')
    expect(await s.program()).toEqual(E.right({ id: 'ok' }))
    expect(s.events.map((e) => e.error._tag === 'TransportError' && e.error.reason)).toEqual(['network'])
  })
  it('a reset connection is not retried for a POST (it may have been processed)', async () => {
    const s = scenario(client, 'reset', { method: 'POST' })
    const r = await s.program()
    expect(E.isLeft(r) && r.left._tag).toBe('TransportError')
    expect([s.requests().length, s.giveUps.map((g) => g.reason)]).toEqual([1, ['not-idempotent']])
  })
  it('a refused connection is retried even for a POST, up to maxAttempts', async () => {
    const s = scenario(client, 'refused', { method: 'POST', url: refusedUrl })
    const r = await s.program()
    expect(E.isLeft(r) && r.left._tag === 'TransportError' && r.left.cause).toBe('ECONNREFUSED')
    expect([s.events.length, s.giveUps.map((g) => g.reason)]).toEqual([2, ['attempts']])
  })
  it('a POST answered 500 is not retried; a gateway 503 is', async () => {
    const system = scenario(client, 'system', { method: 'POST' })
    const r = await system.program()
    expect(E.isLeft(r) && r.left._tag === 'ApiError' && [r.left.code, r.left.shape]).toEqual(['AS.0001', 'error.code'])
    expect(system.requests()).toHaveLength(1)
    const gateway = scenario(client, 'gateway', { method: 'POST' })
    expect(await gateway.program()).toEqual(E.right({ id: 'ok' }))
  })
  it('"operation in progress" (DBS.200019) gets the busy backoff', async () => {
    const s = scenario(client, 'busy')
    expect(await s.program()).toEqual(E.right({ id: 'ok' }))
    expect(s.events.map((e) => [e.busy, e.strategy])).toEqual([
      [true, 'backoff'],
      [true, 'backoff'],
    ])
  })
  it('an expired token: refreshed once, then the retry carries the new one; the tokens appear nowhere', async () => {
    const refreshed: Array<string> = []
    const s = scenario(client, 'auth', { initialToken: EXPIRED_TOKEN, refreshToken: async () => (refreshed.push('!'), FRESH_TOKEN) })
    expect(await s.program()).toEqual(E.right({ id: 'ok' }))
    expect([refreshed.length, s.requests().map((r) => r.token)]).toEqual([1, [EXPIRED_TOKEN, FRESH_TOKEN]])
    const [event] = s.events
    expect(event?.strategy).toBe('reauth')
    const error = event!.error
    const outputs = [JSON.stringify(error), draw(error), JSON.stringify(toProblemDetails(error)), JSON.stringify(toOtelAttributes(error))].join('\n')
    expect(outputs).not.toContain(EXPIRED_TOKEN)
    expect(outputs).toContain('[redacted]')
  })
  it('a validation error (the broken AS.0001 body of the API reference) is returned at once', async () => {
    const s = scenario(client, 'invalid')
    const r = await s.program()
    expect(E.isLeft(r) && r.left._tag === 'ApiError' && [r.left.code, r.left.shape, r.left.requestId, r.left.category]).toEqual([
      'AS.0001',
      'broken-json',
      '5a3f1f0c9e2b4d7a8c6e0b1d2f3a4b5c',
      'validation',
    ])
    expect(s.requests()).toHaveLength(1)
  })
  it('OBS XML is decoded', async () => {
    const r = await scenario(client, 'bucket').program()
    expect(E.isLeft(r) && r.left._tag === 'ApiError' && [r.left.code, r.left.service, r.left.requestId]).toEqual(['NoSuchBucket', 'OBS', '0000016A2B3C4D5E'])
  })
  it('a huge error body is read only up to the cap', async () => {
    const r = await client({ url: `${base}/huge?run=huge-${_name}`, method: 'GET', token: null, timeoutMs: 5000 })()
    expect(E.isLeft(r) && r.left._tag === 'ApiError' && [r.left.status, r.left.truncated]).toEqual([500, true])
  })
})
