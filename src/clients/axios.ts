/**
 * axios: `fromAxiosError(error)` reads what axios rejects with (a response with an error status,
 * a timeout, a cancellation, a network failure) as a `ServiceError`; `decodeAxios(codec)` turns
 * an axios call into a `TaskEither` like `decodeFetch`. axios is not imported: the types below
 * are the few fields read, so the library does not depend on it.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type * as t from 'io-ts'
import { decode, readResponse, toApiError, toPayload, type DecodeOptions } from '../decode/decode.js'
import { toTransportError } from '../decode/fetch.js'
import { field, stringField } from '../decode/unknown.js'
import { secretValues } from '../error/redact.js'
import { scrubError } from '../error/scrub.js'
import { transportError, type ServiceError } from '../error/ServiceError.js'
import { normalizeHeaders } from '../response/headers.js'
import type { HeadersInput } from '../response/model.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The fields of an axios response that are read: status, headers (a plain object or
 * `AxiosHeaders`) and `data` (parsed JSON, text, bytes).
 *
 * @example
 * import type { AxiosResponseLike } from 'otc-errors'
 * const response: AxiosResponseLike = { status: 404, headers: { 'x-request-id': 'r-1' }, data: { error_code: 'AS.2007', error_msg: 'Not found' } }
 *
 * @since 0.1.0
 * @category model
 */
export interface AxiosResponseLike {
  readonly status: number
  readonly headers?: unknown
  readonly data?: unknown
}

/**
 * The fields of an axios error that are read: the response when there was one, the error code
 * (`ECONNABORTED`, `ERR_CANCELED`, `ECONNREFUSED`, …), the message, and the request's headers
 * (only to know which secret values to keep out of the result).
 *
 * @example
 * import type { AxiosErrorLike } from 'otc-errors'
 * const timeout: AxiosErrorLike = { isAxiosError: true, code: 'ECONNABORTED', message: 'timeout of 50ms exceeded' }
 *
 * @since 0.1.0
 * @category model
 */
export interface AxiosErrorLike {
  readonly isAxiosError?: boolean | undefined
  readonly response?: AxiosResponseLike | undefined
  readonly code?: string | undefined
  readonly message?: string | undefined
  readonly config?: { readonly headers?: unknown; readonly signal?: unknown } | undefined
}

/**
 * What `decodeAxios` accepts: the promise an axios call returns, or a function that starts the
 * call (lazy, as a `TaskEither` should be).
 *
 * @example
 * import type { AxiosInput } from 'otc-errors'
 * const input: AxiosInput = () => Promise.resolve({ status: 200, data: { id: 'g-1' } })
 *
 * @since 0.1.0
 * @category model
 */
export type AxiosInput = PromiseLike<AxiosResponseLike> | (() => PromiseLike<AxiosResponseLike>)

// -------------------------------------------------------------------------------------
// internals
// -------------------------------------------------------------------------------------

/** Headers as `normalizeHeaders` reads them: `AxiosHeaders` through its `toJSON`. */
const headersOf = (headers: unknown): HeadersInput | undefined => {
  const toJSON = field(headers, 'toJSON')
  if (typeof toJSON === 'function') {
    try {
      const plain: unknown = Reflect.apply(toJSON, headers, [])
      if (typeof plain === 'object' && plain !== null) return plain as HeadersInput
    } catch {
      // fall back to the object itself
    }
  }
  return typeof headers === 'object' && headers !== null ? (headers as HeadersInput) : undefined
}

/** The body bytes or text of `data` (axios has already parsed JSON: it is written back). */
const bodyOf = (data: unknown): string | Uint8Array | null => {
  if (data === undefined || data === null) return null
  if (typeof data === 'string' || data instanceof Uint8Array) return data
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (typeof data === 'number' || typeof data === 'boolean') return String(data)
  // A stream (responseType 'stream') cannot be read here: its body is left out.
  if (typeof field(data, 'pipe') === 'function' || typeof field(data, 'getReader') === 'function') return null
  try {
    return JSON.stringify(data) ?? null
  } catch {
    return null
  }
}

const rawOf = (response: AxiosResponseLike) => ({ status: response.status, headers: headersOf(response.headers), body: bodyOf(response.data) })

/** The secret values among request headers (for instance the token the caller sent). */
const secretsOfHeaders = (headers: HeadersInput | undefined | null): ReadonlyArray<string> => {
  try {
    return secretValues(normalizeHeaders(headers))
  } catch {
    return []
  }
}

const TIMEOUT_MESSAGE = /timeout|timed out/i

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Reads an axios error: with a response, the `ApiError` of its status, headers and body; without
 * one, a `TransportError` (`ECONNABORTED` and `ETIMEDOUT` are timeouts, `ERR_CANCELED` is an
 * abort unless the signal's reason was a timeout, anything else a network failure). Secret values
 * of the request's headers (the token it sent) never appear in the result. Never throws.
 *
 * @example
 * import { fromAxiosError } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const e = fromAxiosError({ isAxiosError: true, message: 'Request failed with status code 429',
 *   response: { status: 429, headers: { 'retry-after': '1' }, data: { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached.' } } })
 * assert.deepStrictEqual(e._tag === 'ApiError' && [e.code, e.retry], ['APIGW.0308', { retryable: true, strategy: 'after', delayMs: 1000 }])
 * assert.strictEqual(fromAxiosError({ isAxiosError: true, code: 'ECONNABORTED', message: 'timeout of 50ms exceeded' })._tag, 'TransportError')
 *
 * @since 0.1.0
 * @category destructors
 */
export const fromAxiosError = (error: unknown, options: DecodeOptions = {}): ServiceError => {
  try {
    const secrets = secretsOfHeaders(headersOf(field(field(error, 'config'), 'headers')))
    const response = field(error, 'response')
    if (typeof response === 'object' && response !== null && typeof field(response, 'status') === 'number') {
      const raw = rawOf(response as AxiosResponseLike)
      return scrubError(toApiError(readResponse(raw, options), options), secrets)
    }
    const code = stringField(error, 'code')
    const message = stringField(error, 'message') ?? 'the request failed'
    const signalReason = stringField(field(field(field(error, 'config'), 'signal'), 'reason'), 'name')
    if (code === 'ERR_CANCELED' || stringField(error, 'name') === 'CanceledError') {
      const reason = signalReason === 'TimeoutError' ? 'timeout' : 'abort'
      return scrubError(transportError({ reason, message, cause: code }), secrets)
    }
    if (code === 'ETIMEDOUT' || (code === 'ECONNABORTED' && TIMEOUT_MESSAGE.test(message))) {
      return scrubError(transportError({ reason: 'timeout', message, cause: code }), secrets)
    }
    return scrubError(toTransportError(error), secrets)
  } catch {
    return transportError({ reason: 'network', message: 'the request failed', cause: null })
  }
}

/**
 * Decodes an axios call as `decodeFetch` does a `fetch`: a success is checked by the codec (a
 * mismatch is a `PayloadError`), a rejection is read by `fromAxiosError`, and a resolved error
 * status (with a permissive `validateStatus`) is an `ApiError`. Never rejects.
 *
 * @example
 * import { decodeAxios } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const ok = await decodeAxios(t.type({ id: t.string }))(Promise.resolve({ status: 200, data: { id: 'g-1' } }))()
 * assert.deepStrictEqual(ok, { _tag: 'Right', right: { id: 'g-1' } })
 *
 * @since 0.1.0
 * @category decoders
 */
export const decodeAxios =
  <A>(codec: t.Decoder<unknown, A>, options: DecodeOptions = {}) =>
  (input: AxiosInput): TE.TaskEither<ServiceError, A> =>
  async () => {
    let response: AxiosResponseLike
    try {
      response = await (typeof input === 'function' ? input() : input)
    } catch (error) {
      return E.left(fromAxiosError(error, options))
    }
    try {
      const status = field(response, 'status')
      if (typeof status !== 'number' || status >= 400 || status < 100) return decode(codec, options)(rawOf(response))
      const data = field(response, 'data')
      // axios has parsed the JSON already: the codec sees the value as it is.
      if (typeof data === 'object' && data !== null && !(data instanceof Uint8Array) && !(data instanceof ArrayBuffer)) {
        return toPayload(codec)({ status, headers: normalizeHeaders(headersOf(field(response, 'headers'))), body: { _tag: 'Json', value: data, text: '' } })
      }
      return decode(codec, options)(rawOf(response))
    } catch (error) {
      return E.left(toTransportError(error, 'read'))
    }
  }
