/**
 * `explain(raw)`: what the library makes of one response, as the flat record that
 * `otc-errors explain --json` prints.
 *
 * @since 0.1.0
 */
import { NEVER_RETRY, type Category, type RetryHint, type StatusClass } from '../error/vocabulary.js'
import { statusClassOf } from '../error/status.js'
import { adviceFor } from '../classify/advice.js'
import type { RawResponse } from '../response/model.js'
import { redactText, secretValues } from '../error/redact.js'
import type { ApiError } from '../error/ServiceError.js'
import { payloadRequestId, readResponse, toApiError, type DecodeOptions, type ReadResponse } from './decode.js'
import { unexpected } from './failure.js'

/**
 * The explanation of a response. `ok` is true below 400 (the body is payload and `code` is
 * null); `code` is spelled as the response printed it and `catalogCode` as the catalogue
 * does; `message` is what the response said and `catalogMessage` what the tables say.
 *
 * @example
 * import { explain, type Explanation } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const x: Explanation = explain({ status: 404, body: '{"error_code":"AS.2007","error_msg":"The AS group does not exist."}' })
 * assert.deepStrictEqual([x.ok, x.statusClass, x.code, x.category, x.retry.retryable], [false, '4xx', 'AS.2007', 'not-found', false])
 *
 * @since 0.1.0
 * @category model
 */
export interface Explanation {
  readonly ok: boolean
  readonly status: number
  readonly statusClass: StatusClass
  readonly code: string | null
  readonly service: string | null
  readonly message: string | null
  readonly requestId: string | null
  readonly category: Category | null
  readonly retry: RetryHint
  readonly known: boolean
  readonly catalogCode: string | null
  readonly catalogMessage: string | null
  /** The official page of the table the code comes from (null when unknown or not in the catalogue). */
  readonly docsUrl: string | null
  readonly documentedStatus: number | null
  readonly remedy: string | null
  readonly shape: string
  /** Whether only the start of a huge error body was examined. */
  readonly truncated: boolean
}

/**
 * Explains a raw response (never throws). A success's `requestId` is its request-id header, or
 * the request id its body carries (a dry run's 202 `{"request_id": "…"}`).
 *
 * @example
 * import { explain } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const x = explain({ status: 429, body: '{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}' })
 * assert.deepStrictEqual([x.ok, x.code, x.catalogCode, x.service, x.category, x.known], [false, 'APIGW.0308', 'APIG.0308', 'APIG', 'throttled', true])
 *
 * @since 0.1.0
 * @category decoders
 */
export const explain = (raw: RawResponse, options: DecodeOptions = {}): Explanation => {
  // The raw response is read once, field by field behind guards; a failure after that is
  // explained from the status already read, never by reading the raw response again.
  let status = 0
  try {
    const response = readResponse(raw, options)
    status = response.status
    return explainResponse(response, options)
  } catch (error) {
    return explainError(unexpected(status, error))
  }
}

const explainResponse = (response: ReadResponse, options: DecodeOptions): Explanation => {
  const status = response.status
  if (status >= 100 && status < 400) {
    return {
      ok: true,
      status,
      statusClass: statusClassOf(status),
      code: null,
      service: null,
      message: null,
      requestId: requestIdOrNull(response),
      category: null,
      retry: NEVER_RETRY,
      known: false,
      catalogCode: null,
      catalogMessage: null,
      docsUrl: null,
      documentedStatus: null,
      remedy: null,
      shape: 'payload',
      truncated: false,
    }
  }
  return explainError(toApiError(response, options))
}

// A success's request id: a header's, else the body's own (a dry run's 202), secrets removed.
const requestIdOrNull = (response: ReadResponse): string | null => {
  const id = payloadRequestId(response)
  return id === null ? null : redactText(id, secretValues(response.headers))
}

const explainError = (e: ApiError): Explanation => {
  return {
    ok: false,
    status: e.status,
    statusClass: e.statusClass,
    code: e.code,
    service: e.service,
    message: e.message,
    requestId: e.requestId,
    category: e.category,
    retry: e.retry,
    known: e.known,
    catalogCode: e.catalog?.code ?? null,
    catalogMessage: e.catalog?.message ?? null,
    docsUrl: e.catalog?.docsUrl ?? null,
    documentedStatus: e.documentedStatus,
    // The catalogue's remedy speaks for the documented meaning; when the observed status overruled it, or the code is unknown, general advice for the category.
    remedy: e.catalog !== null && e.documentedStatus === null ? e.catalog.remedy : adviceFor(e.category, e.retry.strategy),
    shape: e.shape,
    truncated: e.truncated,
  }
}
