/**
 * Internal: turning what HTTP clients throw into `TransportError`s, on top of
 * `toTransportError`: Node's `http` aborts a request cut by `AbortSignal.timeout` with an
 * `AbortError` whose cause is the `TimeoutError`, which is a timeout, not the caller's abort.
 *
 * @since 0.1.0
 * @internal
 */
import { toTransportError } from '../decode/fetch.js'
import { field, stringField } from '../decode/unknown.js'
import { transportError, type TransportError, type TransportReason } from '../error/ServiceError.js'

/** `toTransportError`, with an abort caused by a timeout read as a timeout. Never throws. */
export const transportErrorOf = (error: unknown, fallback: TransportReason = 'network'): TransportError => {
  let base: TransportError
  try {
    base = toTransportError(error, fallback)
  } catch {
    return transportError({ reason: fallback, message: 'the request failed', cause: null })
  }
  const timedOut = stringField(field(error, 'cause'), 'name') === 'TimeoutError' || stringField(field(error, 'reason'), 'name') === 'TimeoutError'
  return base.reason === 'abort' && timedOut ? transportError({ reason: 'timeout', message: base.message, cause: base.cause }) : base
}
