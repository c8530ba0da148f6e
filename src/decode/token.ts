/**
 * `decodeToken(raw)`: the IAM token call (`POST /v3/auth/tokens`), whose token travels in the
 * `X-Subject-Token` header and whose body describes it.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import { REDACTED } from '../error/redact.js'
import type { ServiceError } from '../error/ServiceError.js'
import { headerValue } from '../response/headers.js'
import { readResponse, toApiError, toPayload, type DecodeOptions } from './decode.js'
import { unexpected } from './failure.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A `Date` read from an ISO 8601 string (`2019-02-13T06:52:13.855000Z`).
 *
 * @example
 * import { DateFromISOString } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const r = DateFromISOString.decode('2019-02-13T06:52:13.855000Z')
 * assert.ok(r._tag === 'Right' && r.right.getTime() === Date.UTC(2019, 1, 13, 6, 52, 13, 855))
 *
 * @since 0.1.0
 * @category codecs
 */
export const DateFromISOString = new t.Type<Date, string, unknown>(
  'DateFromISOString',
  (u): u is Date => u instanceof Date,
  (u, c) => {
    if (typeof u !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(u)) return t.failure(u, c)
    const date = new Date(u)
    return Number.isNaN(date.getTime()) ? t.failure(u, c) : t.success(date)
  },
  (d) => d.toISOString(),
)

/**
 * An endpoint of a catalogue service.
 *
 * @example
 * import { TokenEndpoint } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(TokenEndpoint.is({ url: 'https://as.eu-de.otc.t-systems.com/autoscaling-api/v1/p1', region: 'eu-de' }), true)
 *
 * @since 0.1.0
 * @category codecs
 */
export const TokenEndpoint = t.intersection([t.type({ url: t.string }), t.partial({ id: t.string, interface: t.string, region: t.string, region_id: t.string })])

/**
 * A service of the token's catalogue.
 *
 * @example
 * import { TokenCatalogService } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(TokenCatalogService.is({ type: 'as', name: 'autoscaling', endpoints: [{ url: 'https://as.eu-de.otc.t-systems.com' }] }), true)
 *
 * @since 0.1.0
 * @category codecs
 */
export const TokenCatalogService = t.intersection([t.type({ endpoints: t.array(TokenEndpoint) }), t.partial({ id: t.string, name: t.string, type: t.string })])

const Named = t.intersection([t.type({ id: t.string }), t.partial({ name: t.string })])

/**
 * The body of the IAM token response: `{"token": {"expires_at", "methods", "catalog", …}}`.
 *
 * @example
 * import { TokenBody } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const r = TokenBody.decode({ token: { expires_at: '2019-02-13T06:52:13.855000Z', methods: ['password'] } })
 * assert.strictEqual(r._tag, 'Right')
 *
 * @since 0.1.0
 * @category codecs
 */
export const TokenBody = t.type({
  token: t.intersection([
    t.type({ expires_at: DateFromISOString, methods: t.array(t.string) }),
    t.partial({
      issued_at: DateFromISOString,
      catalog: t.array(TokenCatalogService),
      user: t.intersection([Named, t.partial({ domain: Named })]),
      project: t.intersection([Named, t.partial({ domain: Named })]),
      domain: Named,
      roles: t.array(Named),
    }),
  ]),
})
/** @since 0.1.0 @category model */
export type TokenBody = t.TypeOf<typeof TokenBody>

/**
 * A secret value: `String()`, `JSON.stringify` and `util.inspect` show `[redacted]`; only
 * `reveal()` gives the value.
 *
 * @example
 * import { Secret } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const s = new Secret('MIIabc')
 * assert.strictEqual(`${s}`, '[redacted]')
 * assert.strictEqual(JSON.stringify({ s }), '{"s":"[redacted]"}')
 * assert.strictEqual(s.reveal(), 'MIIabc')
 *
 * @since 0.1.0
 * @category model
 */
export class Secret {
  readonly #value: string
  constructor(value: string) {
    this.#value = value
  }
  /** The secret itself: pass it on, never print it. */
  reveal(): string {
    return this.#value
  }
  /** `[redacted]`: template strings and string concatenation never show the value. */
  toString(): string {
    return REDACTED
  }
  /** `[redacted]`: `JSON.stringify` never shows the value. */
  toJSON(): string {
    return REDACTED
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Secret(${REDACTED})`
  }
}

/**
 * A decoded IAM token: the `X-Subject-Token` (as a `Secret`), when it expires, how it was
 * obtained, and the service catalogue.
 *
 * @example
 * import { decodeToken, type IamToken } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const r = decodeToken({ status: 201, headers: { 'X-Subject-Token': 'MIIdemo' }, body: '{"token":{"expires_at":"2030-01-01T00:00:00.000000Z","methods":["password"]}}' })
 * const token: IamToken | null = r._tag === 'Right' ? r.right : null
 * assert.strictEqual(token?.expiresAt.getUTCFullYear(), 2030)
 *
 * @since 0.1.0
 * @category model
 */
export interface IamToken {
  readonly subjectToken: Secret
  readonly expiresAt: Date
  readonly issuedAt: Date | null
  readonly methods: ReadonlyArray<string>
  readonly catalog: ReadonlyArray<t.TypeOf<typeof TokenCatalogService>>
  readonly body: TokenBody
}

const missingHeader: t.Errors = [
  {
    value: undefined,
    context: [
      { key: '', type: t.unknown, actual: undefined },
      { key: 'headers', type: t.string, actual: undefined },
    ],
    message: 'no X-Subject-Token header (the token call returns the token there)',
  },
]

// -------------------------------------------------------------------------------------
// decoders
// -------------------------------------------------------------------------------------

/**
 * Decodes the IAM token call: an error status gives an `ApiError`; a success without the
 * `X-Subject-Token` header or with a body that is not a token gives a `PayloadError`.
 *
 * @example
 * import { decodeToken } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const r = decodeToken({ status: 201, headers: { 'X-Subject-Token': 'MIIdemo' },
 *   body: '{"token":{"expires_at":"2019-02-13T06:52:13.855000Z","methods":["password"],"catalog":[]}}' })
 * assert.ok(r._tag === 'Right' && r.right.subjectToken.reveal() === 'MIIdemo' && r.right.methods[0] === 'password')
 *
 * @since 0.1.0
 * @category decoders
 */
export const decodeToken = (raw: Parameters<typeof readResponse>[0], options: DecodeOptions = {}): E.Either<ServiceError, IamToken> => {
  // The raw response is read once, field by field behind guards; a failure after that is
  // reported from the status already read, never by reading the raw response again.
  let status = 0
  try {
    const response = readResponse(raw, options)
    status = response.status
    if (!(response.status >= 100 && response.status < 400)) return E.left(toApiError(response, options))
    const token = headerValue(response.headers, 'x-subject-token')
    const HeaderAndBody = new t.Type<TokenBody, TokenBody, unknown>(
      'TokenResponse',
      TokenBody.is,
      (u, c) => (token === undefined || token === '' ? t.failures(missingHeader) : TokenBody.validate(u, c)),
      (a) => a,
    )
    return pipe(
      toPayload(HeaderAndBody)(response),
      E.map((body) => ({
        subjectToken: new Secret(token ?? ''),
        expiresAt: body.token.expires_at,
        issuedAt: body.token.issued_at ?? null,
        methods: body.token.methods,
        catalog: body.token.catalog ?? [],
        body,
      })),
    )
  } catch (error) {
    return E.left(unexpected(status, error))
  }
}
