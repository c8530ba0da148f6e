/**
 * The text of a body: bytes decoded as UTF-8, a byte-order mark dropped. Total: never throws.
 *
 * @since 0.1.0
 */

/**
 * What `bodyText` accepts: a string, bytes (`Uint8Array`, `Buffer`, any typed array or
 * `DataView`, an `ArrayBuffer` or `SharedArrayBuffer`), or nothing.
 *
 * @example
 * import { bodyText, type BodyInput } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const input: BodyInput = new Uint8Array([0x7b, 0x7d])
 * assert.strictEqual(bodyText(input), '{}')
 *
 * @since 0.1.0
 * @category model
 */
export type BodyInput = string | Uint8Array | ArrayBufferLike | ArrayBufferView | null | undefined

let decoder: TextDecoder | undefined

/** Non-fatal UTF-8 (invalid bytes become U+FFFD); `ignoreBOM: false` drops one leading BOM. */
const utf8 = (): TextDecoder => (decoder ??= new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }))

const byteLengthGetters: ReadonlyArray<(this: unknown) => unknown> = ((): ReadonlyArray<(this: unknown) => unknown> => {
  const getters: Array<(this: unknown) => unknown> = []
  for (const ctor of [globalThis.ArrayBuffer, globalThis.SharedArrayBuffer] as ReadonlyArray<unknown>) {
    if (typeof ctor !== 'function') continue
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the getter is kept unbound on purpose and always called with .call(value)
    const getter = Object.getOwnPropertyDescriptor((ctor as { prototype: object }).prototype, 'byteLength')?.get
    if (typeof getter === 'function') getters.push(getter as (this: unknown) => unknown)
  }
  return getters
})()

/** A real (Shared)ArrayBuffer, from any realm: its `byteLength` getter accepts it. */
const isArrayBuffer = (value: object): value is ArrayBufferLike =>
  byteLengthGetters.some((getter) => {
    try {
      getter.call(value)
      return true
    } catch {
      return false
    }
  })

const bytesOf = (body: object): Uint8Array | null => {
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  if (isArrayBuffer(body)) return new Uint8Array(body)
  return null
}

const decode = (bytes: Uint8Array): string => {
  try {
    return utf8().decode(bytes)
  } catch {
    // e.g. a view on a SharedArrayBuffer where the platform refuses it: decode a copy
    return utf8().decode(bytes.slice())
  }
}

/**
 * The text of a body. Bytes are decoded as UTF-8 with one leading byte-order mark dropped and
 * invalid sequences replaced by U+FFFD; a string loses one leading U+FEFF; `null`, `undefined`
 * and anything else (numbers, plain objects, detached buffers) give `''`. Never throws.
 *
 * @example
 * import { bodyText } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(bodyText(new Uint8Array([0xef, 0xbb, 0xbf, 0x6f, 0x6b, 0xff])), 'ok\uFFFD')
 * assert.strictEqual(bodyText('\uFEFF{}'), '{}')
 * assert.strictEqual(bodyText(null), '')
 *
 * @since 0.1.0
 * @category body
 */
export const bodyText = (body: BodyInput): string => {
  try {
    if (typeof body === 'string') return body.charCodeAt(0) === 0xfeff ? body.slice(1) : body
    if (typeof body !== 'object' || body === null) return ''
    const bytes = bytesOf(body)
    return bytes === null ? '' : decode(bytes)
  } catch {
    return ''
  }
}

/**
 * The text of at most the first `maxBytes` of a body (bytes of a byte body, UTF-16 code units
 * of a string), and whether anything was cut. Reading a 500 MB error body costs what reading the
 * cap costs. Never throws.
 *
 * @example
 * import { bodyTextCapped } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(bodyTextCapped('{"code":"AS.0001"}', 8), { text: '{"code":', truncated: true })
 * assert.deepStrictEqual(bodyTextCapped(new TextEncoder().encode('ok'), 8), { text: 'ok', truncated: false })
 *
 * @since 0.1.0
 * @category body
 */
export const bodyTextCapped = (body: BodyInput, maxBytes: number): { readonly text: string; readonly truncated: boolean } => {
  try {
    const max = Number.isFinite(maxBytes) && maxBytes >= 0 ? Math.floor(maxBytes) : Number.POSITIVE_INFINITY
    if (typeof body === 'string') {
      return body.length > max ? { text: bodyText(body.slice(0, max)), truncated: true } : { text: bodyText(body), truncated: false }
    }
    if (typeof body !== 'object' || body === null) return { text: '', truncated: false }
    const bytes = bytesOf(body)
    if (bytes === null) return { text: '', truncated: false }
    return bytes.byteLength > max ? { text: decode(bytes.subarray(0, max)), truncated: true } : { text: decode(bytes), truncated: false }
  } catch {
    return { text: '', truncated: false }
  }
}
