/**
 * What an error body says, whatever its shape: a service code, a message, a request id.
 *
 * @since 0.1.0
 */
import type { ErrorDetail } from '../error/ServiceError.js'

export type { ErrorDetail }

/**
 * The error read from a body.
 * - `shape`: which reading found it (`error_code`, `error.code`, `keystone`, `neutron`,
 *   `errors-list`, `openstack-wrapper`, `obs-xml`, `broken-json`, `generic`, `html`, `text`,
 *   `empty`, `none`, …).
 * - `code`: the service code exactly as printed; a number becomes a string unless it only
 *   repeats the HTTP status (then `null`).
 * - `details`: every error when the body lists several (the first is also `code`/`message`).
 *
 * @example
 * import { extractError, readResponse, type Extracted } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const x: Extracted = extractError(readResponse({ status: 400, body: '{"error_code":"AS.0001","error_msg":"bad"}' }).body, 400)
 * assert.deepStrictEqual([x.shape, x.code, x.message], ['error_code', 'AS.0001', 'bad'])
 *
 * @since 0.1.0
 * @category model
 */
export interface Extracted {
  readonly shape: string
  readonly code: string | null
  readonly message: string | null
  readonly requestId: string | null
  readonly details: ReadonlyArray<ErrorDetail>
}
