/**
 * Node's `http.IncomingMessage` and undici's `request()` result: both are a status, a header
 * object and a body that is an async iterable of chunks. `decodeIncomingMessage(codec)` and
 * `decodeUndici(codec)` read them as `decodeFetch` reads a `fetch` response: an error body is
 * read up to the cap and no further, a failed read is a `TransportError`. Neither `node:http`
 * nor undici is imported: the types below are structural.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type * as t from 'io-ts'
import { concatBytes } from '../decode/bytes.js'
import { decode, MAX_BODY_BYTES, type DecodeOptions } from '../decode/decode.js'
import type { ServiceError } from '../error/ServiceError.js'
import type { HeadersInput } from '../response/model.js'
import { field } from '../decode/unknown.js'
import { toTransportError } from '../decode/fetch.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What is read of a Node `http.IncomingMessage`: `statusCode`, `headers`, and the body as an
 * async iterable of chunks (`Buffer`, `Uint8Array` or strings). A body read no further than the
 * cap is ended by leaving its iteration (which destroys a Node stream).
 *
 * @example
 * import type { IncomingMessageLike } from 'otc-errors'
 * import type { IncomingMessage } from 'node:http'
 * const fits = (res: IncomingMessage): IncomingMessageLike => res
 *
 * @since 0.1.0
 * @category model
 */
export interface IncomingMessageLike extends AsyncIterable<unknown> {
  readonly statusCode?: number | undefined
  readonly headers: HeadersInput
}

/**
 * What is read of undici's `request()` result: `statusCode`, `headers` and `body`, an async
 * iterable of chunks (undici's `BodyReadable`).
 *
 * @example
 * import type { UndiciResponseLike } from 'otc-errors'
 * const fake: UndiciResponseLike = { statusCode: 204, headers: {}, body: (async function* () {})() }
 *
 * @since 0.1.0
 * @category model
 */
export interface UndiciResponseLike {
  readonly statusCode: number
  readonly headers: HeadersInput
  readonly body: AsyncIterable<unknown>
}

/**
 * What the stream decoders accept: the response, a promise of it, or a function that starts
 * the request (lazy, as a `TaskEither` should be).
 *
 * @example
 * import type { StreamInput, IncomingMessageLike } from 'otc-errors'
 * import { get, type IncomingMessage } from 'node:http'
 * const input: StreamInput<IncomingMessageLike> = () =>
 *   new Promise<IncomingMessage>((resolve, reject) => get('http://127.0.0.1:9/', resolve).on('error', reject))
 *
 * @since 0.1.0
 * @category model
 */
export type StreamInput<R> = R | PromiseLike<R> | (() => PromiseLike<R>)

// -------------------------------------------------------------------------------------
// internals
// -------------------------------------------------------------------------------------

const encoder = new TextEncoder()

const bytesOf = (chunk: unknown): Uint8Array =>
  chunk instanceof Uint8Array ? chunk : typeof chunk === 'string' ? encoder.encode(chunk) : chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : new Uint8Array(0)

/**
 * The body's bytes, up to `limit` (a little more, up to one chunk); leaving the loop early ends
 * the iteration, which destroys a Node stream, so the rest is never read.
 */
const readBody = async (body: AsyncIterable<unknown>, limit: number): Promise<Uint8Array> => {
  const chunks: Array<Uint8Array> = []
  let total = 0
  for await (const chunk of body) {
    const bytes = bytesOf(chunk)
    chunks.push(bytes)
    total += bytes.byteLength
    if (total >= limit) break
  }
  return concatBytes(chunks)
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> => typeof field(value, 'then') === 'function'

const start = async <R>(input: StreamInput<R>): Promise<R> => {
  const started: unknown = typeof input === 'function' ? (input as () => PromiseLike<R>)() : input
  return isPromiseLike(started) ? ((await started) as R) : (started as R)
}

/** Where a client's response keeps its status, headers and body. */
interface StreamParts {
  readonly status: unknown
  readonly headers: HeadersInput | undefined
  readonly body: AsyncIterable<unknown> | undefined
}

// One decoder for every client whose response is a status, headers and an async-iterable body:
// get the response, read the body (an error body up to the cap), decode.
const streamDecoder =
  <R>(partsOf: (response: R) => StreamParts) =>
  <A>(codec: t.Decoder<unknown, A>, options: DecodeOptions = {}) =>
  (input: StreamInput<R>): TE.TaskEither<ServiceError, A> =>
  async () => {
    let parts: StreamParts
    try {
      parts = partsOf(await start(input))
    } catch (error) {
      return E.left(toTransportError(error))
    }
    const { status, headers, body } = parts
    const code = typeof status === 'number' ? status : 0
    let bytes: Uint8Array
    try {
      const limit = code >= 400 || code < 100 ? (options.maxBodyBytes ?? MAX_BODY_BYTES) + 1 : Number.POSITIVE_INFINITY
      bytes = body === undefined || typeof body[Symbol.asyncIterator] !== 'function' ? new Uint8Array(0) : await readBody(body, limit)
    } catch (error) {
      return E.left(toTransportError(error, 'read'))
    }
    return decode(codec, options)({ status: code, headers, body: bytes })
  }

// -------------------------------------------------------------------------------------
// decoders
// -------------------------------------------------------------------------------------

/**
 * Decodes a Node `http.IncomingMessage` as `decode` does a raw response, as a `TaskEither`: the
 * body is read (an error body up to `maxBodyBytes`), a failure to get the response or to read it
 * is a `TransportError` (a request cut by `AbortSignal.timeout` is a `timeout`). Never rejects.
 *
 * @example
 * import { decodeIncomingMessage } from 'otc-errors'
 * import { createServer, get, type IncomingMessage } from 'node:http'
 * import type { AddressInfo } from 'node:net'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const server = createServer((_req, res) => { res.writeHead(404, { 'content-type': 'application/json' }); res.end('{"error_code":"AS.2007","error_msg":"The AS group does not exist."}') })
 * await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
 * const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
 * const r = await decodeIncomingMessage(t.unknown)(() => new Promise<IncomingMessage>((resolve, reject) => get(url, resolve).on('error', reject)))()
 * server.close()
 * assert.ok(r._tag === 'Left' && r.left._tag === 'ApiError' && r.left.code === 'AS.2007')
 *
 * @since 0.1.0
 * @category decoders
 */
export const decodeIncomingMessage = streamDecoder<IncomingMessageLike>((res) => ({
  status: field(res, 'statusCode'),
  headers: field(res, 'headers') as HeadersInput | undefined,
  body: res,
}))

/**
 * Decodes undici's `request()` result as `decode` does a raw response, as a `TaskEither`; a
 * rejected request (refused, reset, `UND_ERR_*` timeouts, an aborted signal) is a
 * `TransportError`. Never rejects.
 *
 * @example
 * import { decodeUndici } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const body = (async function* () { yield '{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information."}' })()
 * const r = await decodeUndici(t.unknown)({ statusCode: 401, headers: { 'content-type': 'application/json' }, body })()
 * assert.ok(r._tag === 'Left' && r.left.retry.strategy === 'reauth')
 *
 * @since 0.1.0
 * @category decoders
 */
export const decodeUndici = streamDecoder<UndiciResponseLike>((res) => ({
  status: field(res, 'statusCode'),
  headers: field(res, 'headers') as HeadersInput | undefined,
  body: field(res, 'body') as AsyncIterable<unknown> | undefined,
}))
