/**
 * fast-check generators shared by the tests. Append new ones below; keep each one documented.
 */
import * as fc from 'fast-check'

// -------------------------------------------------------------------------------------
// anything (for "never throws" properties)
// -------------------------------------------------------------------------------------

/** Any JS value, including Maps, Sets, typed arrays, boxed values, null-prototype objects. */
export const anyValue: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
})

// -------------------------------------------------------------------------------------
// headers
// -------------------------------------------------------------------------------------

/** Names that would reach `Object.prototype` if a header object were built carelessly. */
export const prototypeNames: ReadonlyArray<string> = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype']

/** An HTTP header name (an RFC 9110 token), sometimes one of `prototypeNames`. */
export const headerName: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,16}$/) },
  { weight: 1, arbitrary: fc.constantFrom(...prototypeNames) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('Content-Type', 'X-Request-Id', 'x-openstack-request-id', 'Set-Cookie', 'Retry-After', 'X-Subject-Token'),
  },
)

/** A header value as it can appear on one line: no CR or LF, no surrounding spaces or tabs. */
export const headerFieldValue: fc.Arbitrary<string> = fc.string({ unit: 'grapheme', maxLength: 24 }).map((s) => s.replace(/[\r\n]/g, '').replace(/^[ \t]+|[ \t]+$/g, ''))

/** A plain header object as users pass it (string, array or undefined values). */
export const headersObject: fc.Arbitrary<Record<string, string | Array<string> | undefined>> = fc.dictionary(
  headerName,
  fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.constant(undefined)),
  { maxKeys: 8 },
)

// -------------------------------------------------------------------------------------
// bodies
// -------------------------------------------------------------------------------------

/** Body-ish text: arbitrary strings mixed with JSON, XML, HTML and near-misses of them. */
export const bodyishText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.json(),
  fc
    .tuple(fc.constantFrom('{', '[', '<', '<?xml', '<!DOCTYPE html', '<html', '<Error>', '<!--', '<![CDATA[', '"', '-', '&#x', ' \n'), fc.string({ unit: 'binary' }))
    .map(([head, tail]) => head + tail),
  fc
    .array(fc.constantFrom('<a>', '</a>', '<b x="1">', '</b>', '<c/>', 'text', '&amp;', '&#65;', '<![CDATA[x]]>', '<!DOCTYPE d [<!ENTITY e "f">]>', '<', '>', '&', '"', "'"), {
      maxLength: 20,
    })
    .map((parts) => parts.join('')),
)

// -------------------------------------------------------------------------------------
// curl -i output
// -------------------------------------------------------------------------------------

/** A response as `curl -i` would print it, before rendering. Header names are unique ignoring case. */
export interface CurlFixture {
  readonly httpVersion: string
  readonly status: number
  readonly reason: string
  readonly headers: ReadonlyArray<readonly [string, ReadonlyArray<string>]>
  readonly body: string
  readonly eol: '\r\n' | '\n'
}

/** Whether the body's first non-blank line starts with `HTTP/` (it would read as another header block). */
const bodyLooksLikeStatusLine = (body: string): boolean => {
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue
    return /^HTTP\//i.test(line)
  }
  return false
}

/** A `CurlFixture` whose rendering `parseCurl` must read back exactly. */
export const curlFixture: fc.Arbitrary<CurlFixture> = fc.record({
  httpVersion: fc.constantFrom('1.0', '1.1', '2'),
  status: fc.integer({ min: 100, max: 599 }),
  reason: fc.oneof(fc.constantFrom('', 'OK', 'Not Found', 'Too Many Requests', 'Bad Gateway'), headerFieldValue),
  headers: fc.uniqueArray(fc.tuple(headerName, fc.array(headerFieldValue, { minLength: 1, maxLength: 3 })), {
    selector: ([name]) => name.toLowerCase(),
    maxLength: 8,
  }),
  body: fc.string({ unit: 'binary' }).filter((body) => !bodyLooksLikeStatusLine(body)),
  eol: fc.constantFrom('\r\n' as const, '\n' as const),
})

/** Renders a fixture the way `curl -i` prints it: status line, one line per header value, blank line, body. */
export const renderCurl = (r: CurlFixture): string =>
  [`HTTP/${r.httpVersion} ${r.status}${r.reason === '' ? '' : ` ${r.reason}`}`, ...r.headers.flatMap(([name, values]) => values.map((value) => `${name}: ${value}`)), '', ''].join(
    r.eol,
  ) + r.body

// -------------------------------------------------------------------------------------
// decode: whole responses and secrets
// -------------------------------------------------------------------------------------

/** A credential-looking value: long and random enough never to occur in other text by chance. */
export const secretToken: fc.Arbitrary<string> = fc.stringMatching(/^MII[A-Za-z0-9_-]{16,48}$/)

const responseHeaders = fc.oneof(
  fc.constant(undefined),
  headersObject,
  fc.dictionary(
    fc.constantFrom('Content-Type', 'content-type', 'X-Request-Id', 'Retry-After', 'retry-after', 'X-Subject-Token', '__proto__', 'constructor'),
    fc.oneof(
      fc.constantFrom('application/json', 'application/xml', 'text/html', 'text/plain', '120', 'Wed, 21 Oct 2015 07:28:00 GMT', ''),
      fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
      fc.constant(undefined),
    ),
    { maxKeys: 6 },
  ),
)

const jsonErrorBody = fc.oneof(
  fc.json(),
  fc.record({ error_code: fc.oneof(fc.string(), fc.integer()), error_msg: fc.string() }).map((o) => JSON.stringify(o)),
  fc.record({ error: fc.record({ code: fc.oneof(fc.string(), fc.integer()), message: fc.string() }) }).map((o) => JSON.stringify(o)),
)

/**
 * Any raw response: statuses valid and not (NaN, 0, huge), headers in every accepted form,
 * bodies as text, bytes, truncated JSON, XML, HTML or nothing.
 */
export const rawResponse: fc.Arbitrary<{
  readonly status: number
  readonly headers?: Record<string, string | Array<string> | undefined> | undefined
  readonly body?: string | Uint8Array | null | undefined
}> = fc.record({
  status: fc.oneof(fc.integer({ min: 100, max: 599 }), fc.integer(), fc.constantFrom(Number.NaN, 0, 1e9)),
  headers: responseHeaders,
  body: fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    bodyishText,
    jsonErrorBody,
    jsonErrorBody.map((s) => s.slice(0, Math.floor(s.length / 2))),
    fc.uint8Array({ maxLength: 200 }),
    fc.constantFrom(
      '{"error_code":"AS.0001","error_msg":"The format of message is error"}',
      '{"error_msg": The request message format is invalid.","error_code": "AS.0001"}',
      '{"error":{"code":401,"title":"Unauthorized","message":"x"}}',
      '{"NeutronError":{"type":"SubnetNotFound","message":"x","detail":""}}',
      '<Error><Code>NoSuchBucket</Code><Message>x</Message><RequestId>r</RequestId></Error>',
      '<html><head><title>502 Bad Gateway</title></head></html>',
    ),
  ),
})

// -------------------------------------------------------------------------------------
// hostile raw responses (for "never throws": issue 15, item 3)
// -------------------------------------------------------------------------------------

/** What a field of a hostile raw response does when read. */
export type HostileField = { readonly kind: 'value'; readonly value: unknown } | { readonly kind: 'throws'; readonly thrown: 'error' | 'proxy' | 'string' | 'symbol' | 'undefined' }

/** A thrown value: an Error, a Proxy whose every trap throws, or not an Error at all. */
export const thrownValue = (kind: 'error' | 'proxy' | 'string' | 'symbol' | 'undefined'): unknown =>
  kind === 'error'
    ? new Error('getter failed: X-Auth-Token: MIIthrownsecret123')
    : kind === 'proxy'
      ? throwingProxy()
      : kind === 'string'
        ? 'thrown string'
        : kind === 'symbol'
          ? Symbol('thrown')
          : undefined

/** A Proxy whose every trap throws (`get`, `has`, `ownKeys`, `getPrototypeOf`, …), around `target`. */
export const throwingProxy = (target: object = {}): object => {
  const fail = (): never => {
    throw new Error('trap')
  }
  return new Proxy(target, {
    get: fail,
    set: fail,
    has: fail,
    ownKeys: fail,
    getPrototypeOf: fail,
    setPrototypeOf: fail,
    getOwnPropertyDescriptor: fail,
    defineProperty: fail,
    deleteProperty: fail,
    isExtensible: fail,
    preventExtensions: fail,
    apply: fail,
    construct: fail,
  })
}

/** A revoked Proxy: every operation on it throws a TypeError. */
export const revokedProxy = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

const hostileThrown = fc.constantFrom('error' as const, 'proxy' as const, 'string' as const, 'symbol' as const, 'undefined' as const)

const hostileStatus: fc.Arbitrary<HostileField> = fc.oneof(
  fc.integer({ min: 100, max: 599 }).map((value) => ({ kind: 'value' as const, value })),
  fc.constantFrom<unknown>(Symbol('status'), 404n, '404', 'Not Found', null, undefined, {}, [], Number.NaN, -1, 1e300, true).map((value) => ({ kind: 'value' as const, value })),
  fc.constant('proxy').map(() => ({ kind: 'value' as const, value: throwingProxy() })),
  hostileThrown.map((thrown) => ({ kind: 'throws' as const, thrown })),
)

/** Headers that fight back: throwing getters, Proxies, revoked Proxies, a `Headers` look-alike whose `forEach` throws. */
const hostileHeaderValue: fc.Arbitrary<() => unknown> = fc.oneof(
  headersObject.map((h) => () => h),
  fc.constant(() => throwingProxy()),
  fc.constant(() => revokedProxy()),
  fc.constant(() =>
    Object.defineProperty({ 'content-type': 'application/json' }, 'x-request-id', {
      enumerable: true,
      get: () => {
        throw new Error('header getter')
      },
    }),
  ),
  fc.constant(() => ({
    forEach: () => {
      throw new Error('forEach')
    },
    get: () => 'x',
  })),
  fc.constant(() => ({ 'x-request-id': throwingProxy([]), 'set-cookie': [throwingProxy(), 'a=1'] })),
  fc.constant(
    () =>
      new Proxy(
        { 'x-subject-token': 'MIIhostileSecretToken' },
        {
          get: () => {
            throw new Error('get')
          },
        },
      ),
  ),
)

/** Bodies that fight back: getters that throw, Proxies around bytes, typed arrays whose accessors throw. */
const hostileBodyValue: fc.Arbitrary<() => unknown> = fc.oneof(
  bodyishText.map((b) => () => b),
  fc.constant(() => throwingProxy(new Uint8Array([0x7b, 0x7d]))),
  fc.constant(() => revokedProxy()),
  fc.constant(() =>
    Object.defineProperty(new Uint8Array([0x7b, 0x7d]), 'buffer', {
      get: () => {
        throw new Error('buffer')
      },
    }),
  ),
  fc.constant(() => ({
    toString: () => {
      throw new Error('toString')
    },
    valueOf: () => {
      throw new Error('valueOf')
    },
  })),
  fc.constant(() => Symbol('body')),
  fc.constant(() => 42n),
)

/**
 * A hostile raw response: `null`, `undefined`, primitives, a Proxy whose every trap throws, a
 * revoked Proxy, or an object whose `status`, `headers` and `body` are each a value, a hostile
 * value or a getter that throws (an Error, a Proxy, a string, a symbol, `undefined`). `reads`
 * counts how often each field was read (a decoder reads each at most once).
 */
export const hostileRaw: fc.Arbitrary<() => { readonly raw: unknown; readonly reads: Readonly<Record<string, number>> }> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, 0, 'HTTP/1.1 404', Symbol('raw'), true, 10n).map((raw) => () => ({ raw, reads: {} })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('proxy', 'revoked', 'function')
      .map((kind) => () => ({ raw: kind === 'proxy' ? throwingProxy() : kind === 'revoked' ? revokedProxy() : Object.assign(() => undefined, { status: 500 }), reads: {} })),
  },
  {
    weight: 8,
    arbitrary: fc
      .record({ status: hostileStatus, headers: hostileHeaderValue, body: hostileBodyValue, headersThrow: fc.boolean(), bodyThrows: fc.boolean(), thrown: hostileThrown })
      .map(({ status, headers, body, headersThrow, bodyThrows, thrown }) => () => {
        const reads: Record<string, number> = { status: 0, headers: 0, body: 0 }
        const raw = {}
        const define = (key: string, field: HostileField) =>
          Object.defineProperty(raw, key, {
            enumerable: true,
            get: () => {
              reads[key] = (reads[key] ?? 0) + 1
              if (field.kind === 'throws') throw thrownValue(field.thrown)
              return field.value
            },
          })
        define('status', status)
        define('headers', headersThrow ? { kind: 'throws', thrown } : { kind: 'value', value: headers() })
        define('body', bodyThrows ? { kind: 'throws', thrown } : { kind: 'value', value: body() })
        return { raw, reads }
      }),
  },
)
