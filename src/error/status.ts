/**
 * What the HTTP status alone says, below every other folder: whether a number is a status at
 * all, its class and its reason phrase. The catalogue, the decoders and the reports all read
 * these here, so each fact has one home.
 *
 * @since 0.1.0
 */
import type { StatusClass } from './vocabulary.js'

// -------------------------------------------------------------------------------------
// guards
// -------------------------------------------------------------------------------------

/**
 * Whether a number is an HTTP status (an integer from 100 to 599). Internal: not exported from
 * the package root.
 *
 * @internal
 * @since 0.1.0
 */
export const isHttpStatus = (status: number): boolean => Number.isInteger(status) && status >= 100 && status <= 599

/**
 * The status a person typed (a flag, a form field): exactly three digits making an HTTP status,
 * or `null`. What `Number` would also read (`5e2`, `0x1F4`, ` 404`, `404.0`) is no status.
 * Internal: not exported from the package root.
 *
 * @example
 * import { typedStatus } from './status.js'
 * typedStatus('429') // 429
 * typedStatus('5e2') // null
 *
 * @internal
 * @since 0.1.0
 */
export const typedStatus = (text: string): number | null => (/^\d{3}$/.test(text) && isHttpStatus(Number(text)) ? Number(text) : null)

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The class of a status: `1xx` … `5xx`. Statuses outside 100–599 are clamped to the nearest
 * class, so the answer is always one of the five.
 *
 * @example
 * import { statusClassOf } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(statusClassOf(429), '4xx')
 * assert.strictEqual(statusClassOf(201), '2xx')
 *
 * @since 0.1.0
 * @category classification
 */
export const statusClassOf = (status: number): StatusClass => (status < 200 ? '1xx' : status < 300 ? '2xx' : status < 400 ? '3xx' : status < 500 ? '4xx' : '5xx')

/** The reason phrases of RFC 9110 (and the few registered beside it) by status. */
const REASON_PHRASES: ReadonlyMap<number, string> = new Map([
  [100, 'Continue'],
  [101, 'Switching Protocols'],
  [102, 'Processing'],
  [103, 'Early Hints'],
  [200, 'OK'],
  [201, 'Created'],
  [202, 'Accepted'],
  [203, 'Non-Authoritative Information'],
  [204, 'No Content'],
  [205, 'Reset Content'],
  [206, 'Partial Content'],
  [207, 'Multi-Status'],
  [300, 'Multiple Choices'],
  [301, 'Moved Permanently'],
  [302, 'Found'],
  [303, 'See Other'],
  [304, 'Not Modified'],
  [307, 'Temporary Redirect'],
  [308, 'Permanent Redirect'],
  [400, 'Bad Request'],
  [401, 'Unauthorized'],
  [402, 'Payment Required'],
  [403, 'Forbidden'],
  [404, 'Not Found'],
  [405, 'Method Not Allowed'],
  [406, 'Not Acceptable'],
  [407, 'Proxy Authentication Required'],
  [408, 'Request Timeout'],
  [409, 'Conflict'],
  [410, 'Gone'],
  [411, 'Length Required'],
  [412, 'Precondition Failed'],
  [413, 'Content Too Large'],
  [414, 'URI Too Long'],
  [415, 'Unsupported Media Type'],
  [416, 'Range Not Satisfiable'],
  [417, 'Expectation Failed'],
  [421, 'Misdirected Request'],
  [422, 'Unprocessable Content'],
  [423, 'Locked'],
  [424, 'Failed Dependency'],
  [425, 'Too Early'],
  [426, 'Upgrade Required'],
  [428, 'Precondition Required'],
  [429, 'Too Many Requests'],
  [431, 'Request Header Fields Too Large'],
  [451, 'Unavailable For Legal Reasons'],
  [500, 'Internal Server Error'],
  [501, 'Not Implemented'],
  [502, 'Bad Gateway'],
  [503, 'Service Unavailable'],
  [504, 'Gateway Timeout'],
  [505, 'HTTP Version Not Supported'],
  [507, 'Insufficient Storage'],
  [511, 'Network Authentication Required'],
])

/**
 * The reason phrase of a status (`Not Found`), or the empty string when it has none. Internal:
 * not exported from the package root (`statusText` is).
 *
 * @internal
 * @since 0.1.0
 */
export const reasonPhrase = (status: number): string => REASON_PHRASES.get(status) ?? ''

/**
 * `404 Not Found`-style text for a status (the number alone when the phrase is not known).
 *
 * @example
 * import { statusText } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(statusText(429), '429 Too Many Requests')
 *
 * @since 0.1.0
 * @category destructors
 */
export const statusText = (status: number): string => `${status}${reasonPhrase(status) === '' ? '' : ` ${reasonPhrase(status)}`}`
