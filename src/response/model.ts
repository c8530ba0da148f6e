/**
 * The model of a raw HTTP response and of its body once read.
 *
 * @since 0.1.0
 */

/**
 * Header input as users hand it over: a plain object (values string, array or undefined) or
 * WHATWG `Headers`. Names are case-insensitive.
 *
 * @example
 * import { normalizeHeaders, type HeadersInput } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const headers: HeadersInput = { 'Retry-After': '2', 'X-Request-Id': undefined }
 * assert.strictEqual(normalizeHeaders(headers).get('retry-after'), '2')
 *
 * @since 0.1.0
 * @category model
 */
export type HeadersInput = Readonly<Record<string, string | ReadonlyArray<string> | undefined>> | Headers

/**
 * A raw response: `{ status, headers, body }`, the input of every decoder.
 *
 * @example
 * import type { RawResponse } from 'otc-errors'
 * const raw: RawResponse = { status: 404, headers: { 'Content-Type': 'application/json' }, body: '{}' }
 *
 * @since 0.1.0
 * @category model
 */
export interface RawResponse {
  readonly status: number
  readonly headers?: HeadersInput | undefined
  readonly body?: string | Uint8Array | null | undefined
}

/**
 * Headers after normalisation: lower-case names, one string per name (repeated values joined
 * with `, `). A `Map` so that no header name can reach `Object.prototype`.
 *
 * @example
 * import { normalizeHeaders, type HeaderMap } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const map: HeaderMap = normalizeHeaders({ 'Content-Type': 'application/json' })
 * assert.strictEqual(map.get('content-type'), 'application/json')
 *
 * @since 0.1.0
 * @category model
 */
export type HeaderMap = ReadonlyMap<string, string>

/**
 * A body, read by its `Content-Type` and by sniffing when the header lies or is missing.
 * - `Json`: parsed JSON (any value).
 * - `BrokenJson`: looked like JSON but did not parse; the text is kept for the tolerant scanner.
 * - `Xml`: the text elements of an XML document, flattened to name → first text value
 *   (e.g. OBS's `<Error><Code>…</Code><Message>…</Message><RequestId>…`), plus the root name.
 * - `Html`: an HTML page (gateway error pages); `title` when it has one.
 * - `Text`: anything else that is not empty.
 * - `Empty`: no body, or only whitespace.
 *
 * @example
 * import { readResponse, type Body } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const body: Body = readResponse({ status: 502, headers: { 'Content-Type': 'text/html' }, body: '<html><title>502 Bad Gateway</title></html>' }).body
 * assert.ok(body._tag === 'Html' && body.title === '502 Bad Gateway')
 *
 * @since 0.1.0
 * @category model
 */
export type Body =
  | { readonly _tag: 'Json'; readonly value: unknown; readonly text: string }
  | { readonly _tag: 'BrokenJson'; readonly text: string }
  | { readonly _tag: 'Xml'; readonly root: string | null; readonly elements: ReadonlyMap<string, string>; readonly text: string }
  | { readonly _tag: 'Html'; readonly title: string | null; readonly text: string }
  | { readonly _tag: 'Text'; readonly text: string }
  | { readonly _tag: 'Empty' }
