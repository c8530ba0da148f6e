/**
 * RFC 9457 problem details: `toProblemDetails(error)` renders a `ServiceError` as an
 * `application/problem+json` object (for a service that relays OTC errors to its own clients),
 * and `fromProblemDetails(body)` reads one back into a `ServiceError` (the decoders also
 * recognise `application/problem+json` bodies on their own).
 *
 * The `type` of a catalogued code links to its entry in the catalogue docs:
 * `<base>/<SERVICE>.md#<code lower-cased, dots → dashes>` (`AS.md#as-0001`), with
 * `DOCS_BASE_URL` as the default base; the page and anchor follow the docs generator's rules
 * (one page per catalogue service, one anchor per variant of a code). Codes the catalogue does not know, and errors without a
 * code, have the type `about:blank`, whose title is the status's reason phrase. `instance` is
 * the request id as `urn:otc:request-id:<id>`. Extension members: `code` (as the response printed
 * it), `category` and `retryable`.
 *
 * @since 0.1.0
 */
import * as O from '../fp/option.js'
import * as t from 'io-ts'
import { defaultCatalog, type Catalog, type CatalogEntry } from '../catalog/catalog.js'
import { readResponse, toApiError, type DecodeOptions } from '../decode/decode.js'
import { fold, type ServiceError } from '../error/ServiceError.js'
import { Category } from '../error/vocabulary.js'
import { isHttpStatus, reasonPhrase } from '../error/status.js'
import { unreadableResponse } from '../decode/failure.js'
import { docsLinkOf, docsUrl } from '../catalog/links.js'
import { normalizeHeaders } from '../response/headers.js'
import type { HeadersInput } from '../response/model.js'
import { scrubText, withApiFields } from '../error/scrub.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A problem details object (RFC 9457) as `toProblemDetails` writes it: the standard members
 * `type`, `title`, `status`, `detail` and `instance`, and the extension members `code`,
 * `category` and `retryable`. An io-ts codec, so a body can be checked against it.
 *
 * @example
 * import { ProblemDetails } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(ProblemDetails.is({ type: 'about:blank', title: 'Not Found', status: 404, category: 'not-found', retryable: false }), true)
 *
 * @since 0.1.0
 * @category model
 */
export const ProblemDetails = t.intersection([
  t.type({ type: t.string, title: t.string, category: Category, retryable: t.boolean }),
  t.partial({ status: t.number, detail: t.string, instance: t.string, code: t.string }),
])
/**
 * The type of a problem details object (see the codec `ProblemDetails`).
 *
 * @example
 * import type { ProblemDetails } from 'otc-errors'
 * const problem: ProblemDetails = { type: 'about:blank', title: 'Service Unavailable', status: 503, category: 'unavailable', retryable: true }
 *
 * @since 0.1.0
 * @category model
 */
export type ProblemDetails = t.TypeOf<typeof ProblemDetails>

/**
 * Options of `toProblemDetails`: `baseUrl`, where you publish the pages `otc-errors docs`
 * generates (for example `DOCS_BASE_URL`; without it, the `type` of a known code is the official
 * OTC page of its table), and the `catalog` the error was decoded with (default: the shipped one).
 *
 * @example
 * import type { ProblemOptions } from 'otc-errors'
 * const options: ProblemOptions = { baseUrl: 'https://docs.example.com/otc/catalog/' }
 *
 * @since 0.1.0
 * @category model
 */
export interface ProblemOptions {
  readonly baseUrl?: string | undefined
  readonly catalog?: Catalog | undefined
}

/**
 * Options of `fromProblemDetails`: those of every decoder, the HTTP `status` the problem came
 * with (it outranks the body's `status`; without either, 500 is assumed) and the response's
 * `headers` (for the request id and `Retry-After`).
 *
 * @example
 * import type { FromProblemOptions } from 'otc-errors'
 * const options: FromProblemOptions = { status: 429, headers: { 'retry-after': '3' } }
 *
 * @since 0.1.0
 * @category model
 */
export interface FromProblemOptions extends DecodeOptions {
  readonly status?: number | undefined
  readonly headers?: HeadersInput | undefined
}

// The docs links of catalogue entries live with the catalogue; problem details are where they show.
export { DOCS_BASE_URL, docsAnchor, docsPage, docsUrl } from '../catalog/links.js'

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * The problem type of errors that say no more than their status (RFC 9457, section 4.2.1).
 *
 * @example
 * import { ABOUT_BLANK } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(ABOUT_BLANK, 'about:blank')
 *
 * @since 0.1.0
 * @category constants
 */
export const ABOUT_BLANK = 'about:blank'

/**
 * The prefix of `instance`: the request id follows, percent-encoded.
 *
 * @example
 * import { REQUEST_ID_URN } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(`${REQUEST_ID_URN}0a1b`, 'urn:otc:request-id:0a1b')
 *
 * @since 0.1.0
 * @category constants
 */
export const REQUEST_ID_URN = 'urn:otc:request-id:'

/**
 * The media type of problem details.
 *
 * @example
 * import { PROBLEM_JSON } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(PROBLEM_JSON, 'application/problem+json')
 *
 * @since 0.1.0
 * @category constants
 */
export const PROBLEM_JSON = 'application/problem+json'

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The link of a catalogue entry: on the pages `otc-errors docs` generates when `baseUrl` is
 * given (the entry's page and anchor, exactly as the generator assigns them), else the official
 * page of the table the code comes from (`docsUrl`), else `about:blank`.
 */
const entryLink = (catalog: Catalog, entry: CatalogEntry, baseUrl: string | undefined): string => {
  if (baseUrl === undefined) return entry.docsUrl ?? ABOUT_BLANK
  const link = docsLinkOf(catalog.files(), entry.file, entry.code, entry.status)
  return link === undefined
    ? docsUrl(entry.code, entry.api, baseUrl)
    : `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${encodeURIComponent(link.page)}#${encodeURIComponent(link.anchor)}`
}

/** The reason phrase alone (`Not Found`), or a generic title when the status has none. */
const reasonOf = (status: number): string => reasonPhrase(status) || (status >= 500 ? 'Server Error' : 'Client Error')

const instanceOf = (requestId: string | null): { instance?: string } => (requestId === null ? {} : { instance: `${REQUEST_ID_URN}${encodeURIComponent(scrubText(requestId))}` })

/**
 * A `ServiceError` as RFC 9457 problem details. An `ApiError` keeps its status; a
 * `PayloadError` is a 502 (the upstream answered with something unreadable); a
 * `TransportError` a 504 (timeout), a 502 (network, read) or no status (abort). Secrets never
 * appear in it.
 *
 * @example
 * import { decode, toProblemDetails } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const r = decode(t.unknown)({ status: 404, headers: { 'x-request-id': 'req-7' }, body: '{"error_code":"AS.2007","error_msg":"The AS group does not exist."}' })
 * assert.ok(r._tag === 'Left')
 * assert.deepStrictEqual(toProblemDetails(r.left, { baseUrl: 'https://docs.example.com/catalog/' }), {
 *   type: 'https://docs.example.com/catalog/AS.md#as-2007',
 *   title: r.left._tag === 'ApiError' ? r.left.catalog?.message : '',
 *   status: 404,
 *   detail: 'The AS group does not exist.',
 *   instance: 'urn:otc:request-id:req-7',
 *   code: 'AS.2007',
 *   category: 'not-found',
 *   retryable: false,
 * })
 *
 * @since 0.1.0
 * @category destructors
 */
export const toProblemDetails = (error: ServiceError, options: ProblemOptions = {}): ProblemDetails => {
  const baseUrl = options.baseUrl
  return fold<ProblemDetails>({
    ApiError: (e) => {
      const catalog = options.catalog ?? defaultCatalog()
      const entry = e.catalog === null ? O.none : catalog.lookup(e.catalog.code, isHttpStatus(e.status) ? e.status : undefined)
      const status = isHttpStatus(e.status) ? { status: e.status } : {}
      return {
        type: O.isSome(entry) ? entryLink(catalog, entry.value, baseUrl) : ABOUT_BLANK,
        title: scrubText(O.isSome(entry) ? entry.value.message : isHttpStatus(e.status) ? reasonOf(e.status) : 'Unknown Error'),
        ...status,
        ...(e.message === null ? {} : { detail: scrubText(e.message) }),
        ...instanceOf(e.requestId),
        ...(e.code === null ? {} : { code: scrubText(e.code) }),
        category: e.category,
        retryable: e.retry.retryable,
      }
    },
    PayloadError: (e) => ({
      type: ABOUT_BLANK,
      title: reasonOf(502),
      status: 502,
      detail: scrubText(e.message),
      ...instanceOf(e.requestId),
      category: e.category,
      retryable: e.retry.retryable,
    }),
    TransportError: (e) => {
      const status = e.reason === 'timeout' ? 504 : e.reason === 'abort' ? null : 502
      return {
        type: ABOUT_BLANK,
        title: status === null ? 'Request Aborted' : reasonOf(status),
        ...(status === null ? {} : { status }),
        detail: scrubText(e.message),
        category: e.category,
        retryable: e.retry.retryable,
      }
    },
  })(error)
}

/** The request id of an `instance` written by `toProblemDetails`, or null. */
const requestIdOfInstance = (instance: unknown): string | null => {
  if (typeof instance !== 'string' || !instance.startsWith(REQUEST_ID_URN)) return null
  try {
    const id = decodeURIComponent(instance.slice(REQUEST_ID_URN.length)).trim()
    return id === '' ? null : id
  } catch {
    return null
  }
}

const DOCS_LINK = /\/([^/#?]{1,100})\.md#([^#]{1,200})$/

/** The code a docs link points at, as the catalogue spells it; null when the catalogue does not know it. */
const codeOfType = (type: unknown, catalog: Catalog, status: number): string | null => {
  if (typeof type !== 'string') return null
  const m = DOCS_LINK.exec(type)
  if (m === null) return null
  let anchor: string
  try {
    anchor = decodeURIComponent(m[2] ?? '')
  } catch {
    return null
  }
  // A variant's anchor ends in its status (`apig-0201-413`); dashes stood for dots.
  for (const candidate of [anchor, anchor.replace(/-(?:\d{3}|none)$/, '')]) {
    const entry = catalog.lookup(candidate.replace(/-/g, '.'), status)
    if (O.isSome(entry)) return entry.value.code
  }
  return null
}

const own = (object: object, key: string): unknown => (Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, unknown>)[key] : undefined)

const parse = (input: unknown): unknown => {
  const text = typeof input === 'string' ? input : input instanceof Uint8Array ? new TextDecoder().decode(input) : null
  if (text === null) return input
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/**
 * Reads RFC 9457 problem details (an object, or its JSON text or bytes) into a `ServiceError`,
 * through the same catalogue and classification as `decode`. The code is the `code` member, or
 * the code a catalogue docs link in `type` points at; the request id comes from the headers, a
 * `request_id` member or an `instance` written by `toProblemDetails`. The body's `category` and
 * `retryable` are not trusted: the status and the catalogue decide. Never throws.
 *
 * @example
 * import { fromProblemDetails } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const e = fromProblemDetails({ type: 'https://docs.example.com/catalog/APIG.md#apig-0308', title: 'The throttling threshold has been reached.',
 *   status: 429, instance: 'urn:otc:request-id:r-9' }, { headers: { 'retry-after': '2' } })
 * assert.deepStrictEqual(e._tag === 'ApiError' && [e.code, e.requestId, e.category, e.retry], ['APIG.0308', 'r-9', 'throttled', { retryable: true, strategy: 'after', delayMs: 2000 }])
 *
 * @since 0.1.0
 * @category destructors
 */
export const fromProblemDetails = (input: unknown, options: FromProblemOptions = {}): ServiceError => {
  const given = options.status !== undefined && isHttpStatus(options.status) ? options.status : null
  try {
    const value = parse(input)
    const headers = normalizeHeaders(options.headers)
    const head = new Map(headers)
    if (!head.has('content-type')) head.set('content-type', PROBLEM_JSON)
    const raw = (status: number, body: string | null) => ({ status, headers: Object.fromEntries(head), body })
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      const text = typeof value === 'string' ? value : value === undefined ? null : JSON.stringify(value)
      return toApiError(readResponse(raw(given ?? 500, text ?? null), options), options)
    }
    const bodyStatus = own(value, 'status')
    const status = given ?? (typeof bodyStatus === 'number' && isHttpStatus(bodyStatus) ? bodyStatus : 500)
    const catalog = options.catalog ?? defaultCatalog()
    const ownCode = own(value, 'code')
    const code = typeof ownCode === 'string' && ownCode.trim() !== '' ? ownCode : codeOfType(own(value, 'type'), catalog, status)
    const requestId = own(value, 'request_id') ?? requestIdOfInstance(own(value, 'instance'))
    const body: Record<string, unknown> = {}
    for (const key of Object.keys(value)) {
      if (key === 'category' || key === 'retryable') continue
      Object.defineProperty(body, key, { value: own(value, key), enumerable: true, writable: true, configurable: true })
    }
    if (code !== null) body['code'] = code
    if (requestId !== null && requestId !== undefined) body['request_id'] = requestId
    const e = toApiError(readResponse(raw(status, JSON.stringify(body)), options), options)
    return withApiFields(e, { shape: 'problem-details' })
  } catch {
    return unreadableResponse(given ?? 500, 'the problem details could not be read', 'problem-details')
  }
}
