/**
 * `decodeFetch(codec)(response)`: a WHATWG `fetch` response to `TaskEither<ServiceError, A>`;
 * network failures, timeouts and aborts become `TransportError`s.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type * as t from 'io-ts'
import { redactText } from '../error/redact.js'
import { transportError, type ServiceError, type TransportError, type TransportReason } from '../error/ServiceError.js'
import { concatBytes } from './bytes.js'
import { serviceOfUrl } from './endpoint.js'
import type { RawResponse } from '../response/model.js'
import { decode, MAX_BODY_BYTES, type DecodeOptions } from './decode.js'
import { field, stringField } from './unknown.js'

/**
 * What `decodeFetch` accepts: a `Response`, a promise of one (what `fetch(...)` returns), or a
 * function that starts the request (lazy, as a `TaskEither` should be).
 *
 * @example
 * import { decodeFetch, type FetchInput } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const input: FetchInput = () => Promise.resolve(new Response('{"id":"g-1"}', { status: 200 }))
 * const result = await decodeFetch(t.type({ id: t.string }))(input)()
 * assert.ok(result._tag === 'Right' && result.right.id === 'g-1')
 *
 * @since 0.1.0
 * @category model
 */
export type FetchInput = Response | PromiseLike<Response> | (() => PromiseLike<Response>)

/** System error codes that mean the connection or the response timed out. */
const TIMEOUT_CODES: ReadonlySet<string> = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])

/**
 * A `TransportError` for whatever `fetch`, an HTTP client or the body read threw: `AbortError` →
 * `abort` (`timeout` when its cause is a `TimeoutError`), `TimeoutError` (`AbortSignal.timeout`)
 * and timeout codes → `timeout`, anything else → `network` (or `read` when the response had
 * already begun). The one reader of a thrown value into a `TransportError`. Never throws.
 *
 * @example
 * import { toTransportError } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(toTransportError(new DOMException('The operation was aborted.', 'AbortError')).reason, 'abort')
 * assert.strictEqual(toTransportError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })).cause, 'ECONNREFUSED')
 *
 * @since 0.1.0
 * @category constructors
 */
export const toTransportError = (error: unknown, fallback: TransportReason = 'network'): TransportError => {
  try {
    const name = stringField(error, 'name')
    const cause = field(error, 'cause')
    const code = stringField(error, 'code') ?? stringField(cause, 'code')
    // Node's `http` aborts a request cut by `AbortSignal.timeout` with an `AbortError` whose
    // cause (or reason) is the `TimeoutError`: a timeout, not the caller's abort.
    const timedOut = stringField(cause, 'name') === 'TimeoutError' || stringField(field(error, 'reason'), 'name') === 'TimeoutError'
    const reason: TransportReason =
      name === 'AbortError' ? (timedOut ? 'timeout' : 'abort') : name === 'TimeoutError' || (code !== null && TIMEOUT_CODES.has(code)) ? 'timeout' : fallback
    const message = stringField(error, 'message') ?? (typeof error === 'string' ? error : 'the request failed')
    const causeMessage = stringField(cause, 'message')
    const detail = causeMessage !== null && causeMessage !== message ? `${message}: ${causeMessage}` : message
    return transportError({ reason, message: redactText(detail), cause: code })
  } catch {
    return transportError({ reason: fallback, message: 'the request failed', cause: null })
  }
}

const start = (input: FetchInput): PromiseLike<Response> | Response => (typeof input === 'function' ? input() : input)

/**
 * The first `limit` bytes of a response body (a little more, up to one chunk), then the stream
 * is cancelled: an endless or huge error body is never read whole.
 */
const readAtMost = async (response: Response, limit: number): Promise<Uint8Array> => {
  const stream = response.body
  if (stream === null) return new Uint8Array(0)
  const reader = stream.getReader()
  const chunks: Array<Uint8Array> = []
  let total = 0
  try {
    while (total < limit) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      total += value.byteLength
    }
  } finally {
    if (total >= limit) await reader.cancel().catch(() => undefined)
    reader.releaseLock()
  }
  return concatBytes(chunks)
}

/**
 * Decodes a `fetch` response as `decode` does, as a `TaskEither`. Never rejects.
 *
 * @example
 * import { decodeFetch } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const response = new Response('{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: token expired."}', { status: 401 })
 * const result = await decodeFetch(t.unknown)(response)()
 * assert.ok(result._tag === 'Left' && result.left._tag === 'ApiError' && result.left.retry.strategy === 'reauth')
 *
 * @since 0.1.0
 * @category decoders
 */
export const decodeFetch =
  <A>(codec: t.Decoder<unknown, A>, options: DecodeOptions = {}) =>
  (input: FetchInput): TE.TaskEither<ServiceError, A> =>
  async () => {
    let response: Response
    try {
      response = await start(input)
    } catch (error) {
      return E.left(toTransportError(error))
    }
    // Each field of the response is read once, behind a guard (a throwing getter or a Proxy gives nothing).
    const status = field(response, 'status')
    const headers = field(response, 'headers')
    const url = field(response, 'url')
    let body: Uint8Array
    try {
      body = typeof status === 'number' && status >= 400 ? await readAtMost(response, (options.maxBodyBytes ?? MAX_BODY_BYTES) + 1) : new Uint8Array(await response.arrayBuffer())
    } catch (error) {
      return E.left(toTransportError(error, 'read'))
    }
    // Where the response came from picks the variant of a code several services print (DBS., VPC.).
    const service = options.service ?? serviceOfUrl(url)
    return decode(codec, service === undefined ? options : { ...options, service })({ status, headers, body } as RawResponse)
  }
