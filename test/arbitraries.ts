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
export const headerFieldValue: fc.Arbitrary<string> = fc
  .string({ unit: 'grapheme', maxLength: 24 })
  .map((s) => s.replace(/[\r\n]/g, '').replace(/^[ \t]+|[ \t]+$/g, ''))

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
    .array(fc.constantFrom('<a>', '</a>', '<b x="1">', '</b>', '<c/>', 'text', '&amp;', '&#65;', '<![CDATA[x]]>', '<!DOCTYPE d [<!ENTITY e "f">]>', '<', '>', '&', '"', "'"), { maxLength: 20 })
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
  [
    `HTTP/${r.httpVersion} ${r.status}${r.reason === '' ? '' : ` ${r.reason}`}`,
    ...r.headers.flatMap(([name, values]) => values.map((value) => `${name}: ${value}`)),
    '',
    '',
  ].join(r.eol) + r.body

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
