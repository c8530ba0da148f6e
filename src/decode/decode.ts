/**
 * `decode(codec)(raw)`: a raw response to `Either<ServiceError, A>`. Total: it never throws.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from '../fp/option.js'
import type * as t from 'io-ts'
import { defaultCatalog, prefixOf, type Catalog, type CatalogEntry } from '../catalog/index.js'
import { classify } from '../classify/classify.js'
import { parseRetryAfter } from '../classify/retryAfter.js'
import { isHttpStatus, statusClassOf } from '../error/status.js'
import { NEVER_RETRY } from '../error/vocabulary.js'
import { redactRepeated, redactText, redactValue, secretValues, isSecretName, NO_SECRETS, REDACTED } from '../error/redact.js'
import { ApiError, payloadError, type ErrorDetail, type ServiceError } from '../error/ServiceError.js'
import { readBody } from '../response/body.js'
import { headerValue, notesOf, readHeaders, requestIdOf, NOTE_REQUEST_ID, NOTE_RETRY_AFTER, NOTE_SECRET, type HeaderNotes } from '../response/headers.js'
import type { Body, HeaderMap, RawResponse } from '../response/model.js'
import { bodyText, bodyTextCapped } from '../response/text.js'
import { extractError, requestIdInBody } from '../shapes/extract.js'
import type { Extracted } from '../shapes/model.js'
import { unexpected } from './failure.js'
import { drawErrors } from './problems.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Options of every decoder.
 * - `catalog`: the catalogue to look codes up in (default: the shipped one; see `withCatalog`).
 * - `now`: the clock used to read `Retry-After` dates (default `Date.now`).
 * - `maxBodyBytes`: how much of an error body is examined (default `MAX_BODY_BYTES`, 1 MiB);
 *   the rest is never read, and the error records `truncated: true`. Success bodies are always
 *   read whole (the codec needs them).
 *
 * @example
 * import { decode, type DecodeOptions } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const options: DecodeOptions = { now: () => Date.UTC(2025, 0, 1), maxBodyBytes: 64 * 1024 }
 * const r = decode(t.unknown, options)({ status: 503, headers: { 'Retry-After': 'Wed, 01 Jan 2025 00:00:05 GMT' }, body: '' })
 * assert.ok(r._tag === 'Left' && r.left.retry.strategy === 'after' && r.left.retry.delayMs === 5000)
 *
 * @since 0.1.0
 * @category model
 */
export interface DecodeOptions {
  /** The catalogue to look codes up in (default: the shipped one). */
  readonly catalog?: Catalog
  /** The clock, in milliseconds since the epoch, used to read `Retry-After` dates (default `Date.now`). */
  readonly now?: () => number
  /** How many bytes of an error body are examined (default `MAX_BODY_BYTES`). */
  readonly maxBodyBytes?: number
  /**
   * The service the response came from (`RDS`, `dds`, or the endpoint's first host label such as
   * `gaussdb-nosql`): picks that service's variant of a code several services print (`DBS.`, `VPC.`).
   */
  readonly service?: string
}

/**
 * The default cap on the error body bytes examined: 1 MiB.
 *
 * @example
 * import { MAX_BODY_BYTES } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(MAX_BODY_BYTES, 1024 * 1024)
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_BODY_BYTES = 1 << 20

/**
 * A response read once: status, normalised headers and the body by its type. What every
 * decoder starts from.
 *
 * @example
 * import { readResponse, type ReadResponse } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const r: ReadResponse = readResponse({ status: 404, headers: { 'X-Request-Id': 'abc' }, body: '' })
 * assert.deepStrictEqual([r.status, r.headers.get('x-request-id'), r.body._tag], [404, 'abc', 'Empty'])
 *
 * @since 0.1.0
 * @category model
 */
export interface ReadResponse {
  readonly status: number
  readonly headers: HeaderMap
  readonly body: Body
  /** Whether the body was cut at the cap before reading (error statuses only). */
  readonly truncated?: boolean
  /** Why the raw response could not be read whole (a status that is no number, a getter that threw), when it could not. */
  readonly problem?: string
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Reads a raw response: headers normalised, body decoded and parsed by its type.
 *
 * @example
 * import { readResponse } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const r = readResponse({ status: 400, headers: { 'Content-Type': 'application/json' }, body: '{"code":"VPN.0001"}' })
 * assert.strictEqual(r.body._tag, 'Json')
 *
 * @since 0.1.0
 * @category destructors
 */
export const readResponse = (raw: RawResponse, options: Pick<DecodeOptions, 'maxBodyBytes'> = {}): ReadResponse => readNoting(raw, options).response

/** A response read, with the notes on its header names (see `HeaderNotes`) for the steps after. */
interface Noted {
  readonly response: ReadResponse
  readonly notes: HeaderNotes
}

/** `readResponse`, keeping what the pass over the headers noted. */
const readNoting = (raw: unknown, options: Pick<DecodeOptions, 'maxBodyBytes'>): Noted => {
  const fields = readRaw(raw)
  const { map: headers, notes } = readHeaders(fields.headers as RawResponse['headers'])
  const { status, problem } = fields
  let read: ReadResponse
  if (status < 400 && isHttpStatus(status)) read = { status, headers, body: readBody(headers, bodyText(fields.body as RawResponse['body'])) }
  else {
    // An error body is only examined up to the cap: a huge body costs what the cap costs.
    const { text, truncated } = bodyTextCapped(fields.body as RawResponse['body'], maxBodyBytesOf(options))
    read = truncated ? { status, headers, body: readBody(headers, text), truncated } : { status, headers, body: readBody(headers, text) }
  }
  return { response: problem === null ? read : { ...read, problem }, notes }
}

const maxBodyBytesOf = (options: Pick<DecodeOptions, 'maxBodyBytes'>): number => {
  try {
    const max = options.maxBodyBytes
    return typeof max === 'number' ? max : MAX_BODY_BYTES
  } catch {
    return MAX_BODY_BYTES
  }
}

/** The fields of a raw response, each read once, each behind its own guard. */
interface RawFields {
  readonly status: number
  readonly headers: unknown
  readonly body: unknown
  /** Why the response could not be read as one, or null. */
  readonly problem: string | null
}

const MISSING = Symbol('missing')

/** A property of a raw response read exactly once; a throwing getter or Proxy trap gives `MISSING`. */
const statusOf = (raw: { readonly status?: unknown }): unknown => {
  try {
    return raw.status
  } catch {
    return MISSING
  }
}
const headersOf = (raw: { readonly headers?: unknown }): unknown => {
  try {
    return raw.headers
  } catch {
    return MISSING
  }
}
const bodyOf = (raw: { readonly body?: unknown }): unknown => {
  try {
    return raw.body
  } catch {
    return MISSING
  }
}

const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value)

/**
 * Reads `status`, `headers` and `body` of whatever was passed as a raw response, each exactly
 * once and each behind its own guard: a throwing getter, a Proxy whose traps throw, `null`,
 * `undefined` or a status that is no number never make it throw. The object is never touched
 * again afterwards.
 */
const readRaw = (raw: unknown): RawFields => {
  if ((typeof raw !== 'object' && typeof raw !== 'function') || raw === null) {
    return { status: 0, headers: undefined, body: undefined, problem: `expected a response object { status, headers, body }, got ${typeName(raw)}` }
  }
  // Each by its own name: a property load the engine can specialise (this is on the hot path).
  const rawStatus = statusOf(raw)
  const headers = headersOf(raw)
  const body = bodyOf(raw)
  if (typeof rawStatus === 'number' && headers !== MISSING && body !== MISSING) return { status: rawStatus, headers, body, problem: null }
  const problems: Array<string> = []
  let status = 0
  if (typeof rawStatus === 'number') status = rawStatus
  else if (typeof rawStatus === 'string' && /^\s*\d{3}\s*$/.test(rawStatus)) status = Number(rawStatus)
  else problems.push(rawStatus === MISSING ? 'its status could not be read' : `its status is ${typeName(rawStatus)}, not a number`)
  if (headers === MISSING) problems.push('its headers could not be read')
  if (body === MISSING) problems.push('its body could not be read')
  return { status, headers: headers === MISSING ? undefined : headers, body: body === MISSING ? undefined : body, problem: problems.length === 0 ? null : problems.join('; ') }
}

const catalogView = (entry: CatalogEntry) => ({ code: entry.code, status: entry.status, message: entry.message, remedy: entry.remedy, api: entry.api, docsUrl: entry.docsUrl })

/**
 * The `ApiError` for a response read with `readResponse` that carries an error status.
 *
 * @example
 * import { readResponse, toApiError } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const e = toApiError(readResponse({ status: 429, headers: { 'retry-after': '2' },
 *   body: '{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}' }))
 * assert.deepStrictEqual([e.code, e.service, e.category, e.retry], ['APIGW.0308', 'APIG', 'throttled', { retryable: true, strategy: 'after', delayMs: 2000 }])
 *
 * @since 0.1.0
 * @category destructors
 */
export const toApiError = (response: ReadResponse, options: DecodeOptions = {}): ApiError => apiErrorOf(response, notesOf(response.headers), options)

/** `toApiError` for a response whose header names were noted while it was read: lookups the notes rule out are skipped. */
const apiErrorOf = (response: ReadResponse, notes: HeaderNotes, options: DecodeOptions): ApiError => {
  const { status, headers, body } = response
  const extracted = extractError(body, status)
  const catalog = options.catalog ?? defaultCatalog()
  const entry = extracted.code === null ? O.none : catalog.lookup(extracted.code, status, options.service)
  const retryAfterHeader = (notes & NOTE_RETRY_AFTER) === 0 ? undefined : headerValue(headers, 'retry-after')
  const retryAfter = retryAfterHeader === undefined ? O.none : parseRetryAfter(retryAfterHeader, (options.now ?? Date.now)())
  const classification = isHttpStatus(status) ? classify(status, entry, retryAfter, extracted.message) : UNCLASSIFIED
  const secrets = (notes & NOTE_SECRET) === 0 ? NO_SECRETS : secretValues(headers)
  const code = cleanRepeated(visibleCode(extracted, body), secrets)
  const message = cleanRepeated(extracted.message ?? (response.problem === undefined ? null : `the response could not be read: ${response.problem}`), secrets)
  // The headers are redacted on first access only: most callers never look at them.
  return new ApiError({
    status,
    statusClass: statusClassOf(status),
    code,
    service: O.isSome(entry) ? entry.value.service : extracted.code === null ? null : prefixOf(extracted.code),
    message,
    requestId: clean(((notes & NOTE_REQUEST_ID) === 0 ? null : requestIdOf(headers)) ?? extracted.requestId, secrets),
    category: classification.category,
    retry: classification.retry,
    known: O.isSome(entry),
    catalog: O.isSome(entry) ? catalogView(entry.value) : null,
    documentedStatus: classification.documentedStatus,
    shape: extracted.shape,
    details: cleanDetails(extracted, code, message, secrets),
    headers,
    truncated: response.truncated === true,
  })
}

/**
 * The code found in a body read as text (plain text, HTML, broken JSON), if it is still there
 * once the text's secrets are removed: a code-shaped secret (`OS_PASSWORD=Abc.20240101`,
 * `Authorization: Bearer AB.1234…`) is part of the secret, not a code.
 */
const visibleCode = (extracted: Extracted, body: Body): string | null => {
  const { code } = extracted
  if (code === null || body._tag === 'Json' || body._tag === 'Xml' || body._tag === 'Empty') return code
  return redactText(body.text).includes(code) ? code : null
}

const UNCLASSIFIED = { category: 'unknown', retry: NEVER_RETRY, documentedStatus: null } as const

/** The details with secrets removed; the usual single detail repeats code and message, already cleaned. */
const cleanDetails = (extracted: Extracted, code: string | null, message: string | null, secrets: ReadonlyArray<string>): ReadonlyArray<ErrorDetail> => {
  const { details } = extracted
  const only = details[0]
  if (details.length === 1 && only !== undefined && only.code === extracted.code && only.message === extracted.message) {
    return code === only.code && message === only.message ? details : [{ code, message }]
  }
  // A detail's code hidden in a secret (see `visibleCode`) goes with it.
  return details.map((d) => ({ code: d.code !== null && d.code === extracted.code && code === null ? null : clean(d.code, secrets), message: clean(d.message, secrets) }))
}

/** A text with the given secret values replaced, and nothing else changed. */
const withoutValues = (text: string, secrets: ReadonlyArray<string>): string => {
  let out = text
  for (const secret of secrets) if (secret !== '' && out.includes(secret)) out = out.split(secret).join(REDACTED)
  return out
}

/** A text with the response's secrets (and secret-looking pairs) removed. */
const clean = (text: string | null, secrets: ReadonlyArray<string>): string | null => (text === null ? null : redactText(text, secrets))

/**
 * `clean` for a code or a message, which services repeat: without secret headers the result
 * depends on the text alone, and texts seen clean before are not scanned again (`redactRepeated`).
 * Request ids are new in every response and are cleaned by `clean`.
 */
const cleanRepeated = (text: string | null, secrets: ReadonlyArray<string>): string | null =>
  text === null ? null : secrets.length === 0 ? redactRepeated(text) : redactText(text, secrets)

/** The value a success body stands for: parsed JSON, the text of other bodies, `undefined` when empty. */
const payloadOf = (body: Body): unknown => {
  switch (body._tag) {
    case 'Json':
      return body.value
    case 'Empty':
      return undefined
    default:
      return body.text
  }
}

/**
 * The request id of a success response: a request-id header (`requestIdOf`), else the one the
 * body carries at its top level (`requestIdInBody`: a dry run's 202 `{"request_id": "…"}`),
 * with the response's secrets removed; `null` when there is none.
 *
 * @example
 * import { payloadRequestId, readResponse } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(payloadRequestId(readResponse({ status: 202, body: '{"request_id":"9d2c41e0"}' })), '9d2c41e0')
 * assert.strictEqual(payloadRequestId(readResponse({ status: 202, headers: { 'X-Request-Id': 'h-1' }, body: '{"request_id":"b-1"}' })), 'h-1')
 *
 * @since 0.1.0
 * @category destructors
 */
export const payloadRequestId = (response: ReadResponse): string | null => requestIdOf(response.headers) ?? clean(requestIdInBody(response.body), secretValues(response.headers))

/**
 * A copy of io-ts errors without the body's secrets: the value of an error under a
 * secret-named key is `[redacted]`, other values and the `actual` of every context entry are
 * copied by `redactValue` (each object of the body once, however many errors point at it).
 */
const redactErrors = (errors: t.Errors): t.Errors => {
  const memo = new Map<object, unknown>()
  const entries = new Map<t.ContextEntry, t.ContextEntry>()
  const entryOf = (entry: t.ContextEntry): t.ContextEntry => {
    let copy = entries.get(entry)
    if (copy === undefined) {
      copy = { key: entry.key, type: entry.type, actual: isSecretName(entry.key) && entry.actual !== undefined ? REDACTED : redactValue(entry.actual, memo) }
      entries.set(entry, copy)
    }
    return copy
  }
  return errors.map((error) => {
    const context = error.context.map(entryOf)
    const named = [...error.context].reverse().find((c) => c.key !== '' && !/^\d+$/.test(c.key))
    const value = named !== undefined && isSecretName(named.key) && error.value !== undefined ? REDACTED : redactValue(error.value, memo)
    return error.message === undefined ? { value, context } : { value, context, message: error.message }
  })
}

/**
 * The payload of a response read with `readResponse` that carries a success (below 400),
 * checked by the codec; a mismatch is a `PayloadError`.
 *
 * @example
 * import { readResponse, toPayload } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const r = toPayload(t.type({ id: t.string }))(readResponse({ status: 200, body: '{"id":"g-1"}' }))
 * assert.deepStrictEqual(r, { _tag: 'Right', right: { id: 'g-1' } })
 *
 * @since 0.1.0
 * @category destructors
 */
export const toPayload =
  <A>(codec: t.Decoder<unknown, A>) =>
  (response: ReadResponse): E.Either<ServiceError, A> => {
    const result = codec.decode(payloadOf(response.body))
    if (E.isRight(result)) return result
    // The io-ts errors hold the values the codec saw: keep a copy without the body's secrets.
    const errors = redactErrors(result.left)
    const problems = drawErrors(errors)
    const secrets = secretValues(response.headers)
    return E.left(
      payloadError({
        status: response.status,
        statusClass: statusClassOf(response.status),
        requestId: payloadRequestId(response),
        errors,
        // The lines are drawn from the redacted errors: only the header secrets are left to remove
        // (the pair scanner would read `password: expected number` as a pair).
        problems: problems.map((p) => withoutValues(p, secrets)),
        message: withoutValues(`the ${response.status} response did not match ${codec.name}: ${problems.join('; ')}`, secrets),
        headers: response.headers,
      }),
    )
  }

/**
 * Decodes a raw response `{ status, headers, body }`: a status below 400 gives the payload
 * checked by `codec` (a mismatch is a `PayloadError`); 400 and above give an `ApiError` with
 * the code, message, request id, catalogue entry and classification. Never throws.
 *
 * @example
 * import { decode } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const result = decode(t.unknown)({
 *   status: 400,
 *   headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req-1' },
 *   body: '{"error_code": "AS.0001", "error_msg": "The request message format is invalid."}',
 * })
 * assert.ok(result._tag === 'Left' && result.left._tag === 'ApiError')
 * assert.deepStrictEqual([result.left.code, result.left.category, result.left.retry.strategy], ['AS.0001', 'validation', 'never'])
 *
 * @since 0.1.0
 * @category decoders
 */
export const decode =
  <A>(codec: t.Decoder<unknown, A>, options: DecodeOptions = {}) =>
  (raw: RawResponse): E.Either<ServiceError, A> => {
    // The raw response is read once, field by field behind guards (see `readRaw`); what follows
    // never touches it again, not even when something throws.
    let status = 0
    try {
      const { response, notes } = readNoting(raw, options)
      status = response.status
      return response.status < 400 && isHttpStatus(response.status) ? toPayload(codec)(response) : E.left(apiErrorOf(response, notes, options))
    } catch (error) {
      return E.left(unexpected(status, error))
    }
  }
