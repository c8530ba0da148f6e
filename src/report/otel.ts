/**
 * OpenTelemetry: span attributes and a span status for a `ServiceError`, with the semantic
 * convention names (`error.type`, `http.response.status_code`) and the library's own under
 * `otc.` (`otc.error.code`, `otc.error.category`, `otc.request_id`, …). Plain values: no
 * dependency on the OpenTelemetry API or SDK; hand them to `span.setAttributes(…)` and
 * `span.setStatus(…)`.
 *
 * @since 0.1.0
 */
import { fold, draw, type ServiceError } from '../error/ServiceError.js'
import { scrubText } from '../error/scrub.js'
import { isHttpStatus } from '../error/status.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Span attributes, as the OpenTelemetry API's `Attributes` accepts them.
 *
 * @example
 * import type { OtelAttributes } from 'otc-errors'
 * const attributes: OtelAttributes = { 'error.type': '503', 'http.response.status_code': 503 }
 *
 * @since 0.1.0
 * @category model
 */
export type OtelAttributes = Readonly<Record<string, string | number | boolean>>

/**
 * A span status as the OpenTelemetry API's `SpanStatus` accepts it: `code` 2 is
 * `SpanStatusCode.ERROR`.
 *
 * @example
 * import type { OtelStatus } from 'otc-errors'
 * const status: OtelStatus = { code: 2, message: '503 Service Unavailable' }
 *
 * @since 0.1.0
 * @category model
 */
export interface OtelStatus {
  readonly code: 2
  readonly message: string
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * The attribute names used, semantic conventions first (`error.type`,
 * `http.response.status_code`), then the library's own.
 *
 * @example
 * import { OTEL_ATTRIBUTES } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(OTEL_ATTRIBUTES.errorType, 'error.type')
 *
 * @since 0.1.0
 * @category constants
 */
export const OTEL_ATTRIBUTES = {
  errorType: 'error.type',
  httpStatus: 'http.response.status_code',
  code: 'otc.error.code',
  category: 'otc.error.category',
  service: 'otc.error.service',
  retryable: 'otc.error.retryable',
  retryStrategy: 'otc.error.retry_strategy',
  requestId: 'otc.request_id',
} as const

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * `error.type` (low cardinality, as the semantic conventions ask): the service code of an
 * `ApiError` (`APIGW.0308`), else its status (`"503"`); `PayloadError`; for a `TransportError`
 * the system error code (`ECONNREFUSED`), else its reason (`timeout`).
 *
 * @example
 * import { errorTypeOf, transportError } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(errorTypeOf(transportError({ reason: 'timeout', message: 'slow', cause: null })), 'timeout')
 *
 * @since 0.1.0
 * @category destructors
 */
export const errorTypeOf: (error: ServiceError) => string = fold({
  ApiError: (e) => scrubText(e.code ?? (isHttpStatus(e.status) ? String(e.status) : '_OTHER')),
  PayloadError: () => 'PayloadError',
  TransportError: (e) => e.cause ?? e.reason,
})

/**
 * The span attributes of an error: `error.type`, `http.response.status_code` (when there was a
 * response), `otc.error.code`, `otc.error.category`, `otc.error.service`,
 * `otc.error.retryable`, `otc.error.retry_strategy` and `otc.request_id` (when known). Absent
 * values are left out, never `null`. No secret appears in them.
 *
 * @example
 * import { decode, toOtelAttributes } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const r = decode(t.unknown)({ status: 429, headers: { 'x-request-id': 'req-3' }, body: '{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}' })
 * assert.ok(r._tag === 'Left')
 * assert.deepStrictEqual(toOtelAttributes(r.left), {
 *   'error.type': 'APIGW.0308', 'http.response.status_code': 429, 'otc.error.code': 'APIGW.0308', 'otc.error.category': 'throttled',
 *   'otc.error.service': 'APIG', 'otc.error.retryable': true, 'otc.error.retry_strategy': 'backoff', 'otc.request_id': 'req-3',
 * })
 *
 * @since 0.1.0
 * @category destructors
 */
export const toOtelAttributes = (error: ServiceError): OtelAttributes => {
  const out: Record<string, string | number | boolean> = { [OTEL_ATTRIBUTES.errorType]: errorTypeOf(error) }
  const status = error._tag === 'TransportError' ? null : error.status
  if (status !== null && isHttpStatus(status)) out[OTEL_ATTRIBUTES.httpStatus] = status
  if (error._tag === 'ApiError') {
    if (error.code !== null) out[OTEL_ATTRIBUTES.code] = scrubText(error.code)
  }
  out[OTEL_ATTRIBUTES.category] = error.category
  if (error._tag === 'ApiError' && error.service !== null) out[OTEL_ATTRIBUTES.service] = scrubText(error.service)
  out[OTEL_ATTRIBUTES.retryable] = error.retry.retryable
  out[OTEL_ATTRIBUTES.retryStrategy] = error.retry.strategy
  const requestId = error._tag === 'TransportError' ? null : error.requestId
  if (requestId !== null) out[OTEL_ATTRIBUTES.requestId] = scrubText(requestId)
  return out
}

/**
 * The span status of an error: `ERROR` (2) with the one-line description `draw` gives.
 *
 * @example
 * import { decode, toOtelStatus } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const r = decode(t.unknown)({ status: 503, body: '' })
 * assert.ok(r._tag === 'Left' && toOtelStatus(r.left).message.startsWith('503 Service Unavailable'))
 *
 * @since 0.1.0
 * @category destructors
 */
export const toOtelStatus = (error: ServiceError): OtelStatus => ({ code: 2, message: scrubText(draw(error)) })
