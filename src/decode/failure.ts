/**
 * Internal: the error value for whatever a broken input did to a decoder, built without ever
 * reading the raw response again.
 *
 * @since 0.1.0
 * @internal
 */
import { statusClassOf } from '../classify/status.js'
import { redactText } from '../error/redact.js'
import { apiError, type ApiError } from '../error/ServiceError.js'

/**
 * The message of whatever was thrown, bounded and redacted, read behind a guard (a thrown Proxy
 * or getter may throw again).
 */
export const failureOf = (error: unknown): string => {
  try {
    const message = typeof error === 'string' ? error : typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined
    return typeof message === 'string' && message !== '' ? redactText(message.length > 500 ? `${message.slice(0, 500)}…` : message) : 'unknown failure'
  } catch {
    return 'unknown failure'
  }
}

/**
 * Last line of defence: an `ApiError` (status as already read, category `unknown`, never
 * retried) saying the response could not be read and why.
 */
export const unexpected = (status: number, error: unknown): ApiError => {
  const known = typeof status === 'number' ? status : 0
  return apiError({
    status: known,
    statusClass: statusClassOf(known),
    code: null,
    service: null,
    message: `the response could not be read: ${failureOf(error)}`,
    requestId: null,
    category: 'unknown',
    retry: { retryable: false, strategy: 'never' },
    known: false,
    catalog: null,
    documentedStatus: null,
    shape: 'none',
    details: [],
    headers: {},
  })
}
