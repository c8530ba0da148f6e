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
import { NO_SECRETS, redactText } from './redact.js'
import { ApiError, PayloadError, TransportError, apiError, fold, payloadError, transportError, type ApiErrorFields, type ServiceError } from './ServiceError.js'

/**
 * Text with secrets removed: the given values, named pairs and token-shaped runs (PKI, Fernet,
 * JWT, PEM). `redactText` does all of it; this name stays for the modules that act on errors.
 */
export const scrubText = (text: string, secrets: ReadonlyArray<string> = NO_SECRETS): string => redactText(text, secrets)

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

/** An `ApiError` with some fields replaced (its JSON's `_tag` goes along, and the constructor reads no such field). */
export const withApiFields = (e: ApiError, patch: Partial<ApiErrorFields>): ApiError => apiError({ ...e.toJSON(), ...patch })

/** An error with every text field scrubbed (see `scrubText`); anything else is returned as it is. */
export const scrubError = (e: ServiceError, secrets: ReadonlyArray<string> = NO_SECRETS): ServiceError =>
  isServiceError(e)
    ? fold<ServiceError>({
        ApiError: (a) =>
          withApiFields(a, {
            code: scrubNullable(a.code, secrets),
            message: scrubNullable(a.message, secrets),
            requestId: scrubNullable(a.requestId, secrets),
            details: a.details.map((d) => ({ code: scrubNullable(d.code, secrets), message: scrubNullable(d.message, secrets) })),
            headers: scrubRecord(a.headers, secrets),
          }),
        PayloadError: (p) =>
          payloadError({
            status: p.status,
            statusClass: p.statusClass,
            requestId: scrubNullable(p.requestId, secrets),
            errors: p.errors,
            problems: p.problems.map((line) => scrubText(line, secrets)),
            message: scrubText(p.message, secrets),
            headers: scrubRecord(p.headers, secrets),
          }),
        TransportError: (t) => transportError({ reason: t.reason, message: scrubText(t.message, secrets), cause: t.cause }),
      })(e)
    : e

/** Whether a value is one of the library's own error values. */
export const isServiceError = (value: unknown): value is ServiceError => value instanceof ApiError || value instanceof PayloadError || value instanceof TransportError
