/**
 * Idempotency (Google AIP-194): a call that may have changed something on the server is only
 * sent again when that cannot happen twice. Reads, `PUT` and `DELETE` are idempotent; a `POST`
 * (or `PATCH`) is only when it carries an idempotency key. A non-idempotent call is retried
 * only when the error proves the request was never processed.
 *
 * @since 0.1.0
 */
import type { ServiceError } from '../error/ServiceError.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What the retry executor needs to know about one call.
 * - `method`: the HTTP method (default `GET`);
 * - `idempotencyKey`: a key the service deduplicates on (makes a `POST` safe to repeat);
 * - `idempotent`: overrides both when you know better;
 * - `signal`: cancels the waits between attempts (pass it to your client as well).
 *
 * @example
 * import type { CallInfo } from 'otc-errors'
 * const create: CallInfo = { method: 'POST', idempotencyKey: 'order-42' }
 *
 * @since 0.1.0
 * @category model
 */
export interface CallInfo {
  readonly method?: string | undefined
  readonly idempotencyKey?: string | undefined
  readonly idempotent?: boolean | undefined
  readonly signal?: AbortSignal | undefined
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * The methods RFC 9110 defines as idempotent (upper case).
 *
 * @example
 * import { IDEMPOTENT_METHODS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(IDEMPOTENT_METHODS.has('PUT'), true)
 * assert.strictEqual(IDEMPOTENT_METHODS.has('POST'), false)
 *
 * @since 0.1.0
 * @category constants
 */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE'])

/**
 * System error codes that mean the request never reached the server: the connection was
 * refused, the name did not resolve, no route, or connecting timed out.
 *
 * @example
 * import { NOT_SENT_CAUSES } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(NOT_SENT_CAUSES.has('ECONNREFUSED'), true)
 * assert.strictEqual(NOT_SENT_CAUSES.has('ECONNRESET'), false) // it may have been sent
 *
 * @since 0.1.0
 * @category constants
 */
export const NOT_SENT_CAUSES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT'])

/** The API gateway's prefixes: a 503 with one of them was answered before the service. */
const GATEWAY_SERVICES: ReadonlySet<string> = new Set(['APIG', 'APIGW'])

/**
 * Wording of a conflict that only lasts until another operation finishes ("Another operation is
 * being performed on the DB instance", "The gateway is being updated, please try again later").
 */
const IN_PROGRESS = /in progress|is being (?:performed|processed|created|updated|deleted|modified|changed)|another operation|currently (?:busy|running|processing)|try again later/i

// -------------------------------------------------------------------------------------
// predicates
// -------------------------------------------------------------------------------------

/**
 * Whether sending the call twice is harmless: `idempotent` when given, else an idempotency key,
 * else the method (default `GET`).
 *
 * @example
 * import { isIdempotentCall } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(isIdempotentCall({}), true)
 * assert.strictEqual(isIdempotentCall({ method: 'post' }), false)
 * assert.strictEqual(isIdempotentCall({ method: 'POST', idempotencyKey: 'k-1' }), true)
 *
 * @since 0.1.0
 * @category predicates
 */
export const isIdempotentCall = (call: CallInfo): boolean => {
  if (call.idempotent !== undefined) return call.idempotent
  if (typeof call.idempotencyKey === 'string' && call.idempotencyKey.trim() !== '') return true
  return IDEMPOTENT_METHODS.has((call.method ?? 'GET').trim().toUpperCase())
}

/**
 * Whether the error is a conflict that only lasts while another operation runs on the resource
 * ("operation in progress", `DBS.200019`): worth a long backoff rather than giving up. Either
 * the catalogue says so (a `conflict` with `backoff`), or the message does.
 *
 * @example
 * import { decode, isBusyConflict } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const r = decode(t.unknown)({ status: 409, body: '{"error_code":"DBS.200019","error_msg":"Another operation is being performed on the DB instance or the DB instance is faulty."}' })
 * assert.ok(r._tag === 'Left' && isBusyConflict(r.left))
 *
 * @since 0.1.0
 * @category predicates
 */
export const isBusyConflict = (error: ServiceError): boolean =>
  error._tag === 'ApiError' &&
  error.category === 'conflict' &&
  (error.retry.strategy === 'backoff' || IN_PROGRESS.test(error.message ?? '') || IN_PROGRESS.test(error.catalog?.message ?? ''))

/**
 * Whether the error proves the request was not processed, so that even a non-idempotent call
 * may be sent again:
 * - no connection was made (`NOT_SENT_CAUSES`: refused, unresolved, unreachable);
 * - throttled (429 or a throttling code): the gateway or the service turned it away unread;
 * - a 503 from the gateway, before the service (no service code, or an `APIG` one);
 * - a 401: the token is checked before anything else;
 * - a busy conflict (`isBusyConflict`): the service refused it because of another operation.
 *
 * A reset connection, a timeout, a 500, 502 or 504 prove nothing: the server may have acted.
 *
 * @example
 * import { provesNotProcessed, transportError, decode } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * assert.strictEqual(provesNotProcessed(transportError({ reason: 'network', message: 'refused', cause: 'ECONNREFUSED' })), true)
 * assert.strictEqual(provesNotProcessed(transportError({ reason: 'network', message: 'reset', cause: 'ECONNRESET' })), false)
 * const r = decode(t.unknown)({ status: 500, body: '{"error_code":"AS.0001","error_msg":"System error."}' })
 * assert.ok(r._tag === 'Left' && !provesNotProcessed(r.left))
 *
 * @since 0.1.0
 * @category predicates
 */
export const provesNotProcessed = (error: ServiceError): boolean => {
  if (error._tag === 'TransportError') return error.cause !== null && NOT_SENT_CAUSES.has(error.cause)
  if (error._tag !== 'ApiError') return false
  if (error.status === 429 || error.category === 'throttled' || error.status === 401) return true
  if (error.status === 503 && (error.code === null || GATEWAY_SERVICES.has((error.service ?? '').toUpperCase()))) return true
  return isBusyConflict(error)
}
