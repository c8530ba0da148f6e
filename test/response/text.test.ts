import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bodyText, type BodyInput } from '../../src/response/text.js'
import { anyValue } from '../arbitraries.js'

const bytes = (...values: Array<number>): Uint8Array => new Uint8Array(values)
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('bodyText', () => {
  it('returns strings as they are', () => {
    expect(bodyText('{"error_code":"AS.0001"}')).toBe('{"error_code":"AS.0001"}')
    expect(bodyText('')).toBe('')
    expect(bodyText(' \r\n')).toBe(' \r\n')
  })

  it('drops one leading U+FEFF from a string, and only a leading one', () => {
    expect(bodyText('\uFEFF{}')).toBe('{}')
    expect(bodyText('\uFEFF\uFEFF{}')).toBe('\uFEFF{}')
    expect(bodyText('{}\uFEFF')).toBe('{}\uFEFF')
  })

  it('decodes UTF-8 bytes', () => {
    expect(bodyText(utf8('{"error_msg":"Größe überschritten – 配额"}'))).toBe('{"error_msg":"Größe überschritten – 配额"}')
    expect(bodyText(bytes())).toBe('')
  })

  it('drops one UTF-8 byte-order mark', () => {
    expect(bodyText(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d))).toBe('{}')
    expect(bodyText(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41))).toBe('\uFEFFA')
    expect(bodyText(bytes(0xef, 0xbb, 0xbf))).toBe('')
  })

  it('replaces invalid UTF-8 with U+FFFD', () => {
    expect(bodyText(bytes(0x61, 0xff, 0x62))).toBe('a\uFFFDb')
    expect(bodyText(bytes(0xc3))).toBe('\uFFFD') // truncated sequence
    expect(bodyText(bytes(0xed, 0xa0, 0x80))).toBe('\uFFFD\uFFFD\uFFFD') // encoded surrogate
    expect(bodyText(bytes(0xc0, 0xaf))).toBe('\uFFFD\uFFFD') // overlong
  })

  it('accepts a Buffer, an ArrayBuffer, other typed arrays and DataView', () => {
    expect(bodyText(Buffer.from('ok'))).toBe('ok')
    expect(bodyText(utf8('ok').buffer)).toBe('ok')
    const offset = new Uint8Array([0x78, 0x6f, 0x6b, 0x78]).subarray(1, 3)
    expect(bodyText(offset)).toBe('ok')
    expect(bodyText(new DataView(utf8('xokx').buffer, 1, 2))).toBe('ok')
    expect(bodyText(new Uint16Array([0x6b6f]))).toBe('ok') // little-endian bytes 6f 6b
    expect(bodyText(new Int8Array([0x6f, 0x6b]))).toBe('ok')
  })

  it('accepts a SharedArrayBuffer and views on it', () => {
    const shared = new SharedArrayBuffer(2)
    new Uint8Array(shared).set([0x6f, 0x6b])
    expect(bodyText(shared as unknown as ArrayBuffer)).toBe('ok')
    expect(bodyText(new Uint8Array(shared))).toBe('ok')
  })

  it('gives "" for a detached buffer', () => {
    const buffer = new ArrayBuffer(4)
    const view = new Uint8Array(buffer)
    structuredClone(buffer, { transfer: [buffer] })
    expect(bodyText(view)).toBe('')
    expect(bodyText(buffer)).toBe('')
  })

  it('gives "" for null, undefined and anything that is not text or bytes', () => {
    const others: ReadonlyArray<unknown> = [null, undefined, 42, true, {}, [0x61], { length: 2, 0: 0x6f, 1: 0x6b }, Symbol('b'), 10n, () => 'x']
    for (const input of others) expect(bodyText(input as BodyInput)).toBe('')
  })

  it('ignores objects pretending to be ArrayBuffers', () => {
    const fake = { [Symbol.toStringTag]: 'ArrayBuffer', byteLength: 2, length: 1e10 }
    expect(bodyText(fake as unknown as ArrayBuffer)).toBe('')
    const { proxy, revoke } = Proxy.revocable(new Uint8Array([1]), {})
    revoke()
    expect(bodyText(proxy)).toBe('')
  })

  it('never throws, and bytes round-trip through TextEncoder', () => {
    fc.assert(
      fc.property(anyValue, (input) => {
        expect(typeof bodyText(input as BodyInput)).toBe('string')
      }),
      { numRuns: 1000 },
    )
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const expected = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
        expect(bodyText(utf8(text))).toBe(expected)
        expect(bodyText(text)).toBe(expected)
      }),
    )
    fc.assert(
      fc.property(fc.uint8Array(), (input) => {
        expect(typeof bodyText(input)).toBe('string')
      }),
    )
  })
})
