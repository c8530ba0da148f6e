/**
 * `fromSdkError(e)`: the errors the Huawei Cloud and Open Telekom Cloud SDKs already throw,
 * read as a `ServiceError`, so that programs built on those SDKs get the catalogue entry, the
 * classification and the retry hint too. It reads
 * - the Node.js SDK's `ClientRequestException` / `ServerResponseException` objects
 *   (`httpStatusCode`, `errorCode`, `errorMsg`, `requestId`) and any object with similar fields
 *   (`status`, `status_code`, `error_code`, `error_msg`, `request_id`, a `data` body);
 * - the Go SDK's `ServiceResponseError` text, JSON: `{"status_code":400,"request_id":…,
 *   "error_code":…,"error_message":…}`, and its `{"ErrorMessage": …}` connection and timeout errors;
 * - the Python SDK's `ClientRequestException - {status_code:400,request_id:…,error_code:…,
 *   error_msg:…}` text (and `ServerResponseException`, `ConnectionException`,
 *   `RequestTimeoutException`, …);
 * - gophertelekomcloud's texts: `Bad request with: [POST https://…], error message: {…}`,
 *   `Resource not found: […], error message: …`, `Authentication Failed, error message: …`,
 *   `Action Forbidden, …`, `Expected HTTP response code […] when accessing […], but got 409
 *   instead`, and its fixed 405/408/429/500/503 texts;
 * - openstacksdk's `400: Client Error for url: …, {…}`;
 * - axios errors (`fromAxiosError`) and Node system errors (`ECONNREFUSED`, …).
 *
 * Anything else becomes an `ApiError` of status 0 and category `unknown` (or the catalogue's,
 * when the text names a known code), never retried. It never throws.
 *
 * @since 0.1.0
 */
import * as O from '../fp/option.js'
import { fromAxiosError } from './axios.js'
import { field, stringField } from '../decode/unknown.js'
import { toTransportError } from '../decode/fetch.js'
import { defaultCatalog } from '../catalog/catalog.js'
import { isHttpStatus, statusClassOf } from '../error/status.js'
import { NEVER_RETRY } from '../error/vocabulary.js'
import { readResponse, toApiError, type DecodeOptions } from '../decode/decode.js'
import { apiError, transportError, type ServiceError, type TransportReason } from '../error/ServiceError.js'
import { codeInText } from '../shapes/scan.js'
import { isServiceError, scrubError, scrubText, withApiFields } from '../error/scrub.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Options of `fromSdkError`: those of every decoder (`catalog`, `now`, `maxBodyBytes`), and
 * `secrets`, values known to be secret (the token the program sent) that must not appear in the
 * result even if the SDK's text echoes them.
 *
 * @example
 * import type { SdkErrorOptions } from 'otc-errors'
 * const options: SdkErrorOptions = { secrets: [process.env['OS_TOKEN'] ?? ''] }
 *
 * @since 0.1.0
 * @category model
 */
export interface SdkErrorOptions extends DecodeOptions {
  readonly secrets?: ReadonlyArray<string> | undefined
}

// -------------------------------------------------------------------------------------
// internals
// -------------------------------------------------------------------------------------

interface Context {
  readonly options: DecodeOptions
  readonly depth: number
}

const MAX_TEXT = 64 * 1024
const MAX_DEPTH = 4

/** A status from a number or a string of three digits. */
const statusOf = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{3}\s*$/.test(value) ? Number(value) : Number.NaN
  return isHttpStatus(n) ? n : null
}

/** A text value, with the Python and Go renderings of "nothing" (`None`, `null`, empty) as null. */
const textValue = (value: unknown): string | null => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return trimmed === '' || trimmed === 'None' || trimmed === 'null' || trimmed === 'nil' || trimmed === '<nil>' ? null : trimmed
}

const firstOf = (object: unknown, keys: ReadonlyArray<string>, read: (value: unknown) => unknown): unknown => {
  for (const key of keys) {
    const value = read(field(object, key))
    if (value !== null && value !== undefined) return value
  }
  return null
}

const STATUS_KEYS = ['httpStatusCode', 'status_code', 'statusCode', 'httpStatus', 'http_status', 'StatusCode', 'status']
const CODE_KEYS = ['errorCode', 'error_code', 'ErrorCode']
const MESSAGE_KEYS = ['errorMsg', 'error_msg', 'errorMessage', 'error_message', 'ErrorMessage', 'message']
const REQUEST_ID_KEYS = ['requestId', 'request_id', 'RequestId', 'xRequestId']
const ENCODED_KEYS = ['encodedAuthorizationMessage', 'encoded_authorization_message', 'EncodedAuthorizationMessage']
const BODY_KEYS = ['data', 'body', 'responseBody', 'response_body']

/** Whether a text is a response body rather than a message (the Go SDK puts an unreadable body in `error_message`). */
const looksLikeBody = (text: string): boolean => /^\s*[{[<]/.test(text)

/** The `ApiError` of a response the SDK received: status, body, request id; the shape names the SDK. */
const answered = (status: number, body: string | null, requestId: string | null, shape: string, ctx: Context): ServiceError => {
  const headers: Record<string, string> = requestId === null ? {} : { 'x-request-id': requestId }
  const error = toApiError(readResponse({ status, headers, body }, ctx.options), ctx.options)
  return withApiFields(error, { shape })
}

/** A JSON body made of the fields an SDK kept: code, message, encoded authorization message. */
const bodyOfFields = (code: string | null, message: string | null, encoded: string | null): string | null => {
  if (code === null && encoded === null && message !== null && looksLikeBody(message)) return message
  if (code === null && message === null && encoded === null) return null
  const body: Record<string, string> = {}
  if (code !== null) body['error_code'] = code
  if (message !== null) body['error_msg'] = message
  if (encoded !== null) body['encoded_authorization_message'] = encoded
  return JSON.stringify(body)
}

/** An error that could not be read: status 0; the catalogue's classification when the text names a known code. */
const unreadable = (text: string | null, ctx: Context): ServiceError => {
  const bounded = text === null ? null : text.length > 2000 ? `${text.slice(0, 2000)}…` : text
  const message = bounded === null ? 'an error that could not be read' : (bounded.split('\n')[0]?.trim() ?? '') || 'an empty error'
  // A code-shaped secret (`OS_PASSWORD=Abc.20240101`) is part of the secret, not a code.
  const found = text === null ? null : codeInText(text)
  const code = found !== null && text !== null && scrubText(text).includes(found) ? found : null
  const entry = code === null ? O.none : (ctx.options.catalog ?? defaultCatalog()).lookup(code)
  const known = O.isSome(entry)
  return apiError({
    status: 0,
    statusClass: statusClassOf(0),
    code,
    service: known ? entry.value.service : null,
    message: scrubText(message),
    requestId: null,
    category: known ? entry.value.category : 'unknown',
    retry: known ? { retryable: entry.value.retry !== 'never', strategy: entry.value.retry } : NEVER_RETRY,
    known,
    catalog: known ? { code: entry.value.code, status: entry.value.status, message: entry.value.message, remedy: entry.value.remedy } : null,
    documentedStatus: known ? entry.value.status : null,
    shape: 'sdk-unknown',
    details: code === null ? [] : [{ code, message: scrubText(message) }],
    headers: {},
  })
}

const TIMEOUT_WORDS = /time(?:d)? ?out|deadline exceeded/i
/** System error codes named in free text, or the Go phrases that stand for them. */
const SYSTEM_CODE = /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE)\b/
const GO_PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/connection refused/i, 'ECONNREFUSED'],
  [/connection reset/i, 'ECONNRESET'],
  [/no such host/i, 'ENOTFOUND'],
  [/network is unreachable/i, 'ENETUNREACH'],
  [/no route to host/i, 'EHOSTUNREACH'],
  [/broken pipe/i, 'EPIPE'],
]

/** A `TransportError` from the text of a connection or timeout failure. */
const transportFromText = (message: string, reason?: TransportReason): ServiceError => {
  const system = SYSTEM_CODE.exec(message)?.[1] ?? GO_PHRASES.find(([pattern]) => pattern.test(message))?.[1] ?? null
  const chosen: TransportReason = reason ?? (TIMEOUT_WORDS.test(message) || system === 'ETIMEDOUT' ? 'timeout' : 'network')
  return transportError({ reason: chosen, message: scrubText(message.length > 2000 ? `${message.slice(0, 2000)}…` : message), cause: system })
}

// The Python SDK: `ClientRequestException - {status_code:400,request_id:…,error_code:…,error_msg:… }`.
const PYTHON_RESPONSE = /^(\w{1,80}) - \{status_code:\s*(\w*)\s*,\s*request_id:([^,]*),\s*error_code:([^,]*),\s*error_(?:msg|message):/
const PYTHON_NETWORK = /^(?:ConnectionException|HostUnreachableException|SslHandShakeException) - /
const PYTHON_TIMEOUT = /^(?:RequestTimeoutException|CallTimeoutException|RetryOutageException) - /

// gophertelekomcloud (and gophercloud before it).
const GOPHER_WITH_URL: ReadonlyArray<readonly [RegExp, number]> = [
  [/^Bad request with: \[[^\]\n]{0,4096}\], error message: /, 400],
  [/^Resource not found: \[[^\]\n]{0,4096}\], error message: /, 404],
  [/^Request forbidden: \[[^\]\n]{0,4096}\], error message: /, 403],
]
const GOPHER_PREFIXES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^Authentication failed(?:, error message: |$)/i, 401],
  [/^Action forbidden(?:, error message: |$)/i, 403],
]
const GOPHER_FIXED: ReadonlyArray<readonly [RegExp, number]> = [
  [/^Resource not found$/i, 404],
  [/^Invalid request due to incorrect syntax or missing required parameters/i, 400],
  [/^Method not allowed$/i, 405],
  [/^The server timed out waiting for the request/i, 408],
  [/^Too many requests have been sent in a given amount of time/i, 429],
  [/^Internal Server Error$/i, 500],
  [/^The service is currently unable to handle the request/i, 503],
]
const GOPHER_UNEXPECTED = /^Expected HTTP response code \[[^\]\n]{0,200}\] when accessing \[[^\]\n]{0,4096}\], but got (\d{3}) instead\n?/
const GOPHER_AFTER_REAUTH = /^Successfully re-authenticated, but got error executing request: /
const GOPHER_REAUTH_FAILED = /^Unable to re-authenticate: /
const GOPHER_TIMEOUT = /^A time out occurred$/
// openstacksdk (the Python library OTC's extensions build on): `404: Client Error for url: https://…, {…}`.
const OPENSTACK_SDK = /^(?:\w{1,80}: )?(\d{3}): (?:Client|Server) Error for url: \S{0,4096}?(?:, |$)/
const STATUS_IN_TEXT = /\bstatus(?: code)?[ :=]+(\d{3})\b/i

const fromText = (input: string, ctx: Context): ServiceError => {
  const text = (input.length > MAX_TEXT ? input.slice(0, MAX_TEXT) : input).trim()
  if (text === '') return unreadable(null, ctx)
  const deeper = { ...ctx, depth: ctx.depth + 1 }
  const afterReauth = GOPHER_AFTER_REAUTH.exec(text)
  if (afterReauth !== null && ctx.depth < MAX_DEPTH) return fromText(text.slice(afterReauth[0].length), deeper)
  const reauthFailed = GOPHER_REAUTH_FAILED.exec(text)
  if (reauthFailed !== null && ctx.depth < MAX_DEPTH) {
    const inner = fromText(text.slice(reauthFailed[0].length), deeper)
    // Re-authentication already failed: refreshing the token again will not help.
    return inner._tag === 'ApiError' ? withApiFields(inner, { category: 'auth', retry: NEVER_RETRY }) : inner
  }
  const python = PYTHON_RESPONSE.exec(text)
  if (python !== null) {
    let message = text.slice(python[0].length).trimEnd()
    if (message.endsWith('}')) message = message.slice(0, -1)
    const status = statusOf(python[2])
    const body = bodyOfFields(textValue(python[4]), textValue(message), null)
    return status === null ? unreadable(text, ctx) : answered(status, body, textValue(python[3]), 'sdk-python', ctx)
  }
  if (PYTHON_NETWORK.test(text)) return transportFromText(text, 'network')
  if (PYTHON_TIMEOUT.test(text)) return transportFromText(text, 'timeout')
  for (const [pattern, status] of GOPHER_WITH_URL) {
    const m = pattern.exec(text)
    if (m !== null) return answered(status, text.slice(m[0].length), null, 'gophertelekomcloud', ctx)
  }
  for (const [pattern, status] of GOPHER_PREFIXES) {
    const m = pattern.exec(text)
    if (m !== null) return answered(status, text.length === m[0].length ? text : text.slice(m[0].length), null, 'gophertelekomcloud', ctx)
  }
  for (const [pattern, status] of GOPHER_FIXED) if (pattern.test(text)) return answered(status, text, null, 'gophertelekomcloud', ctx)
  const unexpected = GOPHER_UNEXPECTED.exec(text)
  if (unexpected !== null) {
    const rest = text.slice(unexpected[0].length)
    return answered(Number(unexpected[1]), rest.trim() === '' ? null : rest, null, 'gophertelekomcloud', ctx)
  }
  if (GOPHER_TIMEOUT.test(text)) return transportFromText(text, 'timeout')
  const openstack = OPENSTACK_SDK.exec(text)
  if (openstack !== null) {
    const rest = text.slice(openstack[0].length)
    return answered(Number(openstack[1]), rest.trim() === '' ? text : rest, null, 'openstacksdk', ctx)
  }
  // JSON somewhere in the text: the Go SDK's errors, possibly wrapped ("creating server: {…}").
  const brace = text.indexOf('{')
  if (brace !== -1 && ctx.depth < MAX_DEPTH) {
    const end = text.lastIndexOf('}')
    if (end > brace) {
      let parsed: unknown
      try {
        parsed = JSON.parse(text.slice(brace, end + 1))
      } catch {
        parsed = undefined
      }
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        const read = fromObject(parsed, deeper, 'sdk-go')
        if (read !== undefined) return read
      }
    }
  }
  if (SYSTEM_CODE.test(text) || GO_PHRASES.some(([pattern]) => pattern.test(text))) return transportFromText(text)
  const status = statusOf(STATUS_IN_TEXT.exec(text)?.[1])
  if (status !== null && status >= 400) return answered(status, text, null, 'sdk-text', ctx)
  return unreadable(text, ctx)
}

const SYSTEM_ERROR_CODE = /^(?:E[A-Z0-9]{2,}|UND_ERR_[A-Z_]+|ERR_[A-Z_]+)$/

/** An object an SDK threw or rendered; undefined when it is none of the known kinds. */
const fromObject = (object: object, ctx: Context, shape: string): ServiceError | undefined => {
  if (isServiceError(object)) return object
  if (field(object, 'isAxiosError') === true) return fromAxiosError(object, ctx.options)
  const status = firstOf(object, STATUS_KEYS, statusOf) as number | null
  if (status !== null) {
    const bodyValue = firstOf(object, BODY_KEYS, (v) => ((typeof v === 'string' && v.trim() !== '') || (typeof v === 'object' && v !== null) ? v : null))
    let body: string | null = null
    if (typeof bodyValue === 'string') body = bodyValue
    else if (bodyValue !== null) {
      try {
        body = JSON.stringify(bodyValue) ?? null
      } catch {
        body = null
      }
    }
    const rawCode = firstOf(object, CODE_KEYS, textValue) as string | null
    // The Node SDK puts the status in `errorCode` when the body had no code.
    const code = rawCode === String(status) ? null : rawCode
    const message = firstOf(object, MESSAGE_KEYS, textValue) as string | null
    const encoded = firstOf(object, ENCODED_KEYS, textValue) as string | null
    const requestId = firstOf(object, REQUEST_ID_KEYS, textValue) as string | null
    const readable = body !== null && body !== '{}' ? body : bodyOfFields(code, message, encoded)
    return answered(status, readable, requestId, shape, ctx)
  }
  const code = stringField(object, 'code')
  const name = stringField(object, 'name')
  if ((code !== null && SYSTEM_ERROR_CODE.test(code)) || name === 'AbortError' || name === 'TimeoutError') return toTransportError(object)
  // The Go SDK's connection and timeout errors: {"ErrorMessage": "..."}.
  const goMessage = textValue(field(object, 'ErrorMessage'))
  if (goMessage !== null && textValue(field(object, 'ErrorCode')) === null) return transportFromText(goMessage)
  const message = stringField(object, 'message')
  if (message !== null && ctx.depth < MAX_DEPTH) return fromText(message, { ...ctx, depth: ctx.depth + 1 })
  return undefined
}

const describe = (input: unknown): string | null => {
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint') return String(input)
  return null
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Reads an error thrown (or printed) by a Huawei Cloud or OTC SDK as a `ServiceError`: the
 * response's status, code, message and request id go through the same catalogue and
 * classification as `decode`; connection failures and timeouts become `TransportError`s. Secret
 * values never appear in the result. Never throws, whatever the input.
 *
 * @example
 * import { fromSdkError } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const python = fromSdkError('ClientRequestException - {status_code:429,request_id:4f1c,error_code:APIGW.0308,error_msg:The throttling threshold has been reached. }')
 * assert.deepStrictEqual(python._tag === 'ApiError' && [python.status, python.code, python.requestId, python.category], [429, 'APIGW.0308', '4f1c', 'throttled'])
 * const go = fromSdkError(new Error('{"status_code":404,"request_id":"9a2b","error_code":"AS.2007","error_message":"The AS group does not exist."}'))
 * assert.deepStrictEqual(go._tag === 'ApiError' && [go.code, go.category, go.retry.strategy], ['AS.2007', 'not-found', 'never'])
 * const node = fromSdkError({ name: 'ClientRequestException', httpStatusCode: 401, errorCode: 'APIGW.0301', errorMsg: 'Incorrect IAM authentication information.', requestId: 'r-1' })
 * assert.strictEqual(node.retry.strategy, 'reauth')
 *
 * @since 0.1.0
 * @category destructors
 */
export const fromSdkError = (input: unknown, options: SdkErrorOptions = {}): ServiceError => {
  const secrets = (options.secrets ?? []).filter((s) => typeof s === 'string' && s.length >= 4)
  const ctx: Context = { options, depth: 0 }
  try {
    let read: ServiceError | undefined
    if (typeof input === 'string') read = fromText(input, ctx)
    else if (typeof input === 'object' && input !== null) read = fromObject(input, ctx, 'sdk-object')
    return scrubError(read ?? unreadable(describe(input), ctx), secrets)
  } catch {
    try {
      return scrubError(unreadable(null, ctx), secrets)
    } catch {
      return transportError({ reason: 'network', message: 'an error that could not be read', cause: null })
    }
  }
}
