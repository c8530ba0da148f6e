/**
 * `ServiceError`: everything that can go wrong when calling an OTC API, as a `_tag`ged union
 * of values.
 * - `ApiError`: the API answered with an error status (or a 1xx–3xx the caller cannot use).
 * - `PayloadError`: a success whose body does not match the caller's codec.
 * - `TransportError`: no response at all (network failure, timeout, abort).
 *
 * The errors are plain values (no captured stack traces, cheap on the error path), built one
 * way: a constructor that takes the fields. Their headers are redacted on first access, and `message`, `toJSON()`, `String()` and
 * `util.inspect` never show a secret.
 *
 * @since 0.1.0
 */
import type * as t from 'io-ts'
import { NEVER_RETRY, type Category, type RetryHint, type StatusClass } from './vocabulary.js'
import { redactHeaders } from './redact.js'
import { statusText } from './status.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One error of a body that lists several (`{"errors": [...]}`); the first is also the error's
 * own `code` and `message`.
 *
 * @example
 * import type { ErrorDetail } from 'otc-errors'
 * const detail: ErrorDetail = { code: 'VPC.0101', message: 'The VPC does not exist.' }
 *
 * @since 0.1.0
 * @category model
 */
export interface ErrorDetail {
  readonly code: string | null
  readonly message: string | null
}

/**
 * What the catalogue says about the code, beside (never instead of) what the response said.
 *
 * @example
 * import { decode } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const r = decode(t.unknown)({ status: 429, body: '{"error_code":"APIGW.0308","error_msg":"Slow down."}' })
 * assert.ok(r._tag === 'Left' && r.left._tag === 'ApiError' && r.left.catalog?.code === 'APIG.0308')
 *
 * @since 0.1.0
 * @category model
 */
export interface CatalogView {
  /** The code as the catalogue spells it (`APIG.0308` for a printed `APIGW.0308`). */
  readonly code: string
  /** The documented status of the matching variant, or null when the table gives none. */
  readonly status: number | null
  /** The API's literal message, as documented. */
  readonly message: string
  /** What to do about it, in a sentence or two. */
  readonly remedy: string
  /** The service whose table documents the variant (`RDS`, `DDS`). */
  readonly api?: string
  /** The official page of the table the code comes from, or null when unknown. */
  readonly docsUrl?: string | null
}

/**
 * The fields of an `ApiError`.
 *
 * @example
 * import { apiError, type ApiErrorFields } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const fields: ApiErrorFields = { status: 503, statusClass: '5xx', code: null, service: null, message: 'Service Unavailable', requestId: null,
 *   category: 'unavailable', retry: { retryable: true, strategy: 'backoff' }, known: false, catalog: null, documentedStatus: null,
 *   shape: 'empty', details: [], headers: {} }
 * assert.strictEqual(apiError(fields).retry.retryable, true)
 *
 * @since 0.1.0
 * @category model
 */
export interface ApiErrorFields {
  readonly status: number
  readonly statusClass: StatusClass
  /** The service code exactly as the response printed it, or null. */
  readonly code: string | null
  /** The code's prefix as the catalogue spells it (`AS`, `APIG`), the code's own prefix when unknown, or null. */
  readonly service: string | null
  /** What the response said, or null when it said nothing readable. */
  readonly message: string | null
  readonly requestId: string | null
  readonly category: Category
  readonly retry: RetryHint
  /** Whether the code is in the catalogue. */
  readonly known: boolean
  readonly catalog: CatalogView | null
  /** Set when the catalogue documents another status class than the one observed; the observed status decided. */
  readonly documentedStatus: number | null
  /** Which body shape the code and message were read from (`error_code`, `obs-xml`, `broken-json`, …). */
  readonly shape: string
  readonly details: ReadonlyArray<ErrorDetail>
  /** Response headers, lower-case names, secret values replaced by `[redacted]`. */
  readonly headers: Readonly<Record<string, string>>
  /** Whether the body was longer than the examined cap (`maxBodyBytes`), so only its start was read. Default false. */
  readonly truncated?: boolean
}

/**
 * The fields of a `PayloadError`.
 *
 * @example
 * import { payloadError, type PayloadErrorFields } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const fields: PayloadErrorFields = { status: 200, statusClass: '2xx', requestId: null, errors: [], problems: ['id: expected string'], message: 'bad payload', headers: {} }
 * assert.strictEqual(payloadError(fields).problems[0], 'id: expected string')
 *
 * @since 0.1.0
 * @category model
 */
export interface PayloadErrorFields {
  readonly status: number
  readonly statusClass: StatusClass
  readonly requestId: string | null
  /** The codec's errors, as io-ts reports them. */
  readonly errors: t.Errors
  /** The codec's errors drawn for people, one line each. */
  readonly problems: ReadonlyArray<string>
  readonly message: string
  readonly headers: Readonly<Record<string, string>>
}

/**
 * Why there was no response: `network` (DNS, refused, reset), `timeout`, `abort` (the caller
 * cancelled), `read` (the body could not be read).
 *
 * @example
 * import { transportError, type TransportReason } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const reason: TransportReason = 'timeout'
 * assert.strictEqual(transportError({ reason, message: 'timed out', cause: null }).category, 'timeout')
 *
 * @since 0.1.0
 * @category model
 */
export type TransportReason = 'network' | 'timeout' | 'abort' | 'read'

/**
 * The fields of a `TransportError`.
 *
 * @example
 * import { transportError, type TransportErrorFields } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const fields: TransportErrorFields = { reason: 'network', message: 'connect ECONNREFUSED', cause: 'ECONNREFUSED' }
 * assert.strictEqual(transportError(fields).retry.strategy, 'backoff')
 *
 * @since 0.1.0
 * @category model
 */
export interface TransportErrorFields {
  readonly reason: TransportReason
  readonly message: string
  /** A system error code when there was one (`ECONNREFUSED`, `UND_ERR_CONNECT_TIMEOUT`). */
  readonly cause: string | null
}

/**
 * What an `ApiError` is built from: its fields, with headers as a header map or a record (see
 * `ErrorHeaders`), redacted on first access.
 *
 * @example
 * import { apiError, type ApiErrorInit } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const init: ApiErrorInit = { status: 502, statusClass: '5xx', code: null, service: null, message: 'Bad Gateway', requestId: null, category: 'unavailable',
 *   retry: { retryable: true, strategy: 'backoff' }, known: false, catalog: null, documentedStatus: null, shape: 'html', details: [], headers: new Map() }
 * assert.strictEqual(apiError(init).shape, 'html')
 *
 * @since 0.1.0
 * @category model
 */
export type ApiErrorInit = Omit<ApiErrorFields, 'headers'> & { readonly headers: ErrorHeaders }

/**
 * What a `PayloadError` is built from: its fields, with headers as in `ApiErrorInit`.
 *
 * @example
 * import { payloadError, type PayloadErrorInit } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const init: PayloadErrorInit = { status: 200, statusClass: '2xx', requestId: null, errors: [], problems: [], message: 'bad', headers: new Map([['cookie', 'sid=1']]) }
 * assert.deepStrictEqual(payloadError(init).headers, { cookie: '[redacted]' })
 *
 * @since 0.1.0
 * @category model
 */
export type PayloadErrorInit = Omit<PayloadErrorFields, 'headers'> & { readonly headers: ErrorHeaders }

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom')

/**
 * Response headers as an error is built with them: a header map as `readResponse` gives it, or
 * a record. Either way the error redacts them on first access (redaction is idempotent, so
 * headers redacted before stay as they are), and no secret is ever shown.
 *
 * @example
 * import { apiError, type ErrorHeaders } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const headers: ErrorHeaders = new Map([['x-auth-token', 'MIIsecret'], ['x-request-id', 'r-1']])
 * const e = apiError({ status: 401, statusClass: '4xx', code: null, service: null, message: null, requestId: 'r-1', category: 'auth',
 *   retry: { retryable: true, strategy: 'reauth' }, known: false, catalog: null, documentedStatus: null, shape: 'empty', details: [], headers })
 * assert.deepStrictEqual(e.headers, { 'x-auth-token': '[redacted]', 'x-request-id': 'r-1' })
 *
 * @since 0.1.0
 * @category model
 */
export type ErrorHeaders = Readonly<Record<string, string>> | ReadonlyMap<string, string>

/** The headers redacted; none when reading them throws (a hostile getter or Proxy): never a secret, never a throw. */
const redactedOrNone = (input: ErrorHeaders): Readonly<Record<string, string>> => {
  try {
    return redactHeaders(isHeaderMap(input) ? input : new Map(Object.entries(input)))
  } catch {
    return {}
  }
}

/** A map of headers, not a record: a record's values are strings, so it has no `get` method. */
const isHeaderMap = (input: ErrorHeaders): input is ReadonlyMap<string, string> => typeof (input as { readonly get?: unknown }).get === 'function'

/**
 * What the three errors share: `toString` draws one line for people (`draw`), and
 * `util.inspect`/`console.log` show the tag and `toJSON()`: never a secret.
 */
abstract class ErrorValue {
  abstract readonly _tag: ServiceError['_tag']
  abstract toJSON(): object
  /** One line for people, never a secret (see `draw`). */
  toString(): string {
    // Every subclass is one member of the union; `draw` is exhaustive over it.
    return draw(this as unknown as ServiceError)
  }
  /** What `util.inspect` and `console.log` show: the tag and the JSON fields, never a secret. */
  [inspectSymbol](): string {
    return `${this._tag} ${JSON.stringify(this.toJSON(), null, 2)}`
  }
}

/**
 * An error that came with a response: its headers are redacted when first asked for (most
 * callers never look at them, and `decode` is a hot path).
 */
abstract class ResponseErrorValue extends ErrorValue {
  #input: ErrorHeaders | undefined
  #headers: Readonly<Record<string, string>> | undefined = undefined
  constructor(headers: ErrorHeaders) {
    super()
    this.#input = headers
  }
  /** Response headers, lower-case names, secret values replaced by `[redacted]`. */
  get headers(): Readonly<Record<string, string>> {
    if (this.#headers === undefined) {
      const input = this.#input
      this.#headers = input === undefined ? {} : redactedOrNone(input)
      this.#input = undefined
    }
    return this.#headers
  }
}

/**
 * The API answered with an error.
 *
 * @example
 * import { ApiError, decode } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const r = decode(t.unknown)({ status: 404, body: '{"error_code":"AS.2007","error_msg":"The AS group does not exist."}' })
 * assert.ok(r._tag === 'Left' && r.left instanceof ApiError && r.left.category === 'not-found')
 *
 * @since 0.1.0
 * @category model
 */
export class ApiError extends ResponseErrorValue implements ApiErrorFields {
  readonly _tag = 'ApiError' as const
  readonly name = 'ApiError' as const
  readonly status: number
  readonly statusClass: StatusClass
  readonly code: string | null
  readonly service: string | null
  readonly message: string | null
  readonly requestId: string | null
  readonly category: Category
  readonly retry: RetryHint
  readonly known: boolean
  readonly catalog: CatalogView | null
  readonly documentedStatus: number | null
  readonly shape: string
  readonly details: ReadonlyArray<ErrorDetail>
  readonly truncated: boolean
  constructor(fields: ApiErrorInit) {
    super(fields.headers)
    this.status = fields.status
    this.statusClass = fields.statusClass
    this.code = fields.code
    this.service = fields.service
    this.message = fields.message
    this.requestId = fields.requestId
    this.category = fields.category
    this.retry = fields.retry
    this.known = fields.known
    this.catalog = fields.catalog
    this.documentedStatus = fields.documentedStatus
    this.shape = fields.shape
    this.details = fields.details
    this.truncated = fields.truncated === true
  }
  /** A plain, JSON-safe object of the fields, the tag first (the type makes sure none is left out). */
  toJSON(): Required<ApiErrorFields> & { readonly _tag: 'ApiError' } {
    return {
      _tag: this._tag,
      status: this.status,
      statusClass: this.statusClass,
      code: this.code,
      service: this.service,
      message: this.message,
      requestId: this.requestId,
      category: this.category,
      retry: this.retry,
      known: this.known,
      catalog: this.catalog,
      documentedStatus: this.documentedStatus,
      shape: this.shape,
      details: this.details,
      headers: this.headers,
      truncated: this.truncated,
    }
  }
}

/**
 * A success whose body does not match the codec.
 *
 * @example
 * import { PayloadError, decode } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const r = decode(t.type({ id: t.string }))({ status: 200, body: '{"id": 7}' })
 * assert.ok(r._tag === 'Left' && r.left instanceof PayloadError && r.left.retry.retryable === false)
 *
 * @since 0.1.0
 * @category model
 */
export class PayloadError extends ResponseErrorValue implements PayloadErrorFields {
  readonly _tag = 'PayloadError' as const
  readonly name = 'PayloadError' as const
  readonly status: number
  readonly statusClass: StatusClass
  readonly requestId: string | null
  readonly errors: t.Errors
  readonly problems: ReadonlyArray<string>
  readonly message: string
  /** A payload mismatch is never worth retrying. */
  readonly category: Category = 'unknown'
  readonly retry: RetryHint = NEVER_RETRY
  constructor(fields: PayloadErrorInit) {
    super(fields.headers)
    this.status = fields.status
    this.statusClass = fields.statusClass
    this.requestId = fields.requestId
    this.errors = fields.errors
    this.problems = fields.problems
    this.message = fields.message
  }
  /** A plain, JSON-safe object (the io-ts errors are given as `problems`, not as raw contexts). */
  toJSON(): Omit<PayloadErrorFields, 'errors'> & { readonly _tag: 'PayloadError' } {
    return {
      _tag: this._tag,
      status: this.status,
      statusClass: this.statusClass,
      requestId: this.requestId,
      problems: this.problems,
      message: this.message,
      headers: this.headers,
    }
  }
}

/**
 * No response: the network failed, the call timed out or was aborted.
 *
 * @example
 * import { TransportError, transportError } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const e = transportError({ reason: 'abort', message: 'aborted by the caller', cause: null })
 * assert.ok(e instanceof TransportError && e.retry.strategy === 'never')
 *
 * @since 0.1.0
 * @category model
 */
export class TransportError extends ErrorValue implements TransportErrorFields {
  readonly _tag = 'TransportError' as const
  readonly name = 'TransportError' as const
  readonly reason: TransportReason
  readonly message: string
  readonly cause: string | null
  readonly status = null
  readonly category: Category
  readonly retry: RetryHint
  constructor(fields: TransportErrorFields) {
    super()
    this.reason = fields.reason
    this.message = fields.message
    this.cause = fields.cause
    const aborted = fields.reason === 'abort'
    this.category = fields.reason === 'timeout' ? 'timeout' : aborted ? 'unknown' : 'unavailable'
    // A caller's own abort is a decision, not a failure: retrying would overrule it.
    this.retry = aborted ? NEVER_RETRY : { retryable: true, strategy: 'backoff' }
  }
  /** A plain, JSON-safe object of the fields, with the category and retry hint. */
  toJSON(): TransportErrorFields & { readonly _tag: 'TransportError'; readonly category: Category; readonly retry: RetryHint } {
    return { _tag: this._tag, reason: this.reason, message: this.message, cause: this.cause, category: this.category, retry: this.retry }
  }
}

/**
 * Everything that can go wrong when calling an OTC API.
 *
 * @example
 * import { decode, type ServiceError } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const result = decode(t.unknown)({ status: 503, body: '' })
 * assert.strictEqual(result._tag === 'Left' && result.left._tag, 'ApiError')
 *
 * @since 0.1.0
 * @category model
 */
export type ServiceError = ApiError | PayloadError | TransportError

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Builds an `ApiError`. Its headers are redacted on first access (see `ErrorHeaders`).
 *
 * @example
 * import { apiError } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const e = apiError({ status: 404, statusClass: '4xx', code: 'AS.2007', service: 'AS', message: 'Not found', requestId: null,
 *   category: 'not-found', retry: { retryable: false, strategy: 'never' }, known: true, catalog: null, documentedStatus: null,
 *   shape: 'error_code', details: [], headers: {} })
 * assert.strictEqual(e._tag, 'ApiError')
 *
 * @since 0.1.0
 * @category constructors
 */
export const apiError = (fields: ApiErrorInit): ApiError => new ApiError(fields)

/**
 * Builds a `PayloadError`.
 *
 * @example
 * import { payloadError } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const e = payloadError({ status: 200, statusClass: '2xx', requestId: null, errors: [], problems: [], message: 'bad', headers: {} })
 * assert.strictEqual(e.retry.retryable, false)
 *
 * @since 0.1.0
 * @category constructors
 */
export const payloadError = (fields: PayloadErrorInit): PayloadError => new PayloadError(fields)

/**
 * Builds a `TransportError`; its category and retry hint follow from the reason.
 *
 * @example
 * import { transportError } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(transportError({ reason: 'timeout', message: 'timed out', cause: null }).retry.strategy, 'backoff')
 *
 * @since 0.1.0
 * @category constructors
 */
export const transportError = (fields: TransportErrorFields): TransportError => new TransportError(fields)

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Exhaustive case analysis over a `ServiceError`.
 *
 * @example
 * import { decode, fold } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const r = decode(t.unknown)({ status: 429, body: '{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}' })
 * const what = r._tag === 'Left' ? fold({ ApiError: (e) => e.code, PayloadError: () => 'payload', TransportError: () => 'transport' })(r.left) : 'ok'
 * assert.strictEqual(what, 'APIGW.0308')
 *
 * @since 0.1.0
 * @category destructors
 */
export const fold =
  <R>(cases: { readonly ApiError: (e: ApiError) => R; readonly PayloadError: (e: PayloadError) => R; readonly TransportError: (e: TransportError) => R }) =>
  (e: ServiceError): R => {
    switch (e._tag) {
      case 'ApiError':
        return cases.ApiError(e)
      case 'PayloadError':
        return cases.PayloadError(e)
      case 'TransportError':
        return cases.TransportError(e)
    }
  }

/**
 * `fold` under the name pattern-matching libraries use.
 *
 * @example
 * import { match, transportError } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const tag = match({ ApiError: () => 'api', PayloadError: () => 'payload', TransportError: (e) => e.reason })(
 *   transportError({ reason: 'abort', message: 'aborted', cause: null }))
 * assert.strictEqual(tag, 'abort')
 *
 * @since 0.1.0
 * @category destructors
 */
export const match = fold

/**
 * One line for people: what happened, the code, the category and what to do about retrying.
 * Never contains a secret.
 *
 * @example
 * import { decode, draw } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const r = decode(t.unknown)({ status: 404, body: '{"error_code":"AS.2007","error_msg":"The AS group does not exist."}' })
 * assert.ok(r._tag === 'Left' && draw(r.left).startsWith('404 Not Found AS.2007: The AS group does not exist.'))
 *
 * @since 0.1.0
 * @category destructors
 */
export const draw: (e: ServiceError) => string = fold({
  ApiError: (e) => {
    const code = e.code === null ? '' : ` ${e.code}`
    const message = e.message ?? e.catalog?.message ?? '(no message)'
    const request = e.requestId === null ? '' : ` [request ${e.requestId}]`
    return `${statusText(e.status)}${code}: ${message} (${e.category}, retry: ${drawRetry(e.retry)})${request}`
  },
  PayloadError: (e) => `${statusText(e.status)} payload did not match the codec: ${e.problems.join('; ')}`,
  TransportError: (e) => `${e.reason} error: ${e.message}${e.cause === null ? '' : ` (${e.cause})`}`,
})

const drawRetry = (retry: RetryHint): string => (retry.strategy === 'after' && retry.delayMs !== undefined ? `after ${retry.delayMs} ms` : retry.strategy)
