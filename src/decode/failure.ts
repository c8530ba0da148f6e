/**
 * Internal: the error value for whatever a broken input did to a decoder, built without ever
 * reading the raw response again.
 *
 * @since 0.1.0
 * @internal
 */
import { statusClassOf } from '../error/status.js'
import { redactText } from '../error/redact.js'
import { apiError, type ApiError } from '../error/ServiceError.js'
import { NEVER_RETRY } from '../error/vocabulary.js'

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
 * An `ApiError` for a response that could not be read at all: the status as far as it is known
 * (a number, else 0), category `unknown`, never retried, no code, the given message. The one
 * constructor of this error, for the decoders and for `fromProblemDetails`.
 */
export const unreadableResponse = (status: unknown, message: string, shape: string = 'none'): ApiError => {
  const known = typeof status === 'number' ? status : 0
  return apiError({
    status: known,
    statusClass: statusClassOf(known),
    code: null,
    service: null,
    message,
    requestId: null,
    category: 'unknown',
    retry: NEVER_RETRY,
    known: false,
    catalog: null,
    documentedStatus: null,
    shape,
    details: [],
    headers: {},
  })
}

/**
 * Last line of defence: an `ApiError` (status as already read, category `unknown`, never
 * retried) saying the response could not be read and why.
 */
export const unexpected = (status: number, error: unknown): ApiError => unreadableResponse(status, `the response could not be read: ${failureOf(error)}`)
