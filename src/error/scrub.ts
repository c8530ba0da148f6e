/**
 * Internal: a second line of defence against secrets in everything the acting-on-errors modules
 * produce (problem details, OpenTelemetry attributes, errors read from SDK exceptions and HTTP
 * clients). Decoding already redacts; these helpers also remove values the caller knows are
 * secret (the request's own `X-Auth-Token`, which the response never carried) and long opaque
 * tokens that appear without a name.
 *
 * Not part of the public surface.
 *
 * @since 0.1.0
 * @internal
 */
import { redactText } from './redact.js'
import { ApiError, PayloadError, TransportError, apiError, payloadError, transportError, type ApiErrorFields, type ServiceError } from './ServiceError.js'

const NONE: ReadonlyArray<string> = []

/**
 * Text with secrets removed: the given values, named pairs and token-shaped runs (PKI, Fernet,
 * JWT, PEM). `redactText` does all of it; this name stays for the modules that act on errors.
 */
export const scrubText = (text: string, secrets: ReadonlyArray<string> = NONE): string => redactText(text, secrets)

const scrubNullable = (text: string | null, secrets: ReadonlyArray<string>): string | null => (text === null ? null : scrubText(text, secrets))

const scrubRecord = (record: Readonly<Record<string, string>>, secrets: ReadonlyArray<string>): Readonly<Record<string, string>> => {
  const out: Record<string, string> = {}
  for (const key of Object.keys(record)) {
    const value = scrubText(record[key] ?? '', secrets)
    if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
    else out[key] = value
  }
  return out
}

/** The plain fields of an `ApiError` (headers already redacted): its `toJSON()` without the tag. */
export const apiFieldsOf = (e: ApiError): ApiErrorFields => {
  const { _tag, ...fields } = e.toJSON()
  return fields
}

/** An `ApiError` with some fields replaced. */
export const withApiFields = (e: ApiError, patch: Partial<ApiErrorFields>): ApiError => apiError({ ...apiFieldsOf(e), ...patch })

/** An error with every text field scrubbed (see `scrubText`). */
export const scrubError = (e: ServiceError, secrets: ReadonlyArray<string> = NONE): ServiceError => {
  if (e instanceof ApiError) {
    return withApiFields(e, {
      code: scrubNullable(e.code, secrets),
      message: scrubNullable(e.message, secrets),
      requestId: scrubNullable(e.requestId, secrets),
      details: e.details.map((d) => ({ code: scrubNullable(d.code, secrets), message: scrubNullable(d.message, secrets) })),
      headers: scrubRecord(e.headers, secrets),
    })
  }
  if (e instanceof PayloadError) {
    return payloadError({
      status: e.status,
      statusClass: e.statusClass,
      requestId: scrubNullable(e.requestId, secrets),
      errors: e.errors,
      problems: e.problems.map((p) => scrubText(p, secrets)),
      message: scrubText(e.message, secrets),
      headers: scrubRecord(e.headers, secrets),
    })
  }
  if (e instanceof TransportError) return transportError({ reason: e.reason, message: scrubText(e.message, secrets), cause: e.cause })
  return e
}

/** Whether a value is one of the library's own error values. */
export const isServiceError = (value: unknown): value is ServiceError => value instanceof ApiError || value instanceof PayloadError || value instanceof TransportError
