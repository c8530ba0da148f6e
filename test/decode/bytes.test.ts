import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as _ from '../../src/decode/bytes.js'

describe('concatBytes', () => {
  it('is empty for no chunks', () => {
    expect(_.concatBytes([])).toEqual(new Uint8Array(0))
  })
  it('joins chunks in order', () => {
    expect([..._.concatBytes([Uint8Array.of(1, 2), new Uint8Array(0), Uint8Array.of(3)])]).toEqual([1, 2, 3])
  })
  it('honours a chunk that is a view into a larger buffer', () => {
    const big = Uint8Array.of(9, 9, 1, 2, 9)
    expect([..._.concatBytes([big.subarray(2, 4), Uint8Array.of(3)])]).toEqual([1, 2, 3])
  })
  it('is the flat list of every byte of every chunk, and a copy', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 10 }), (chunks) => {
        const out = _.concatBytes(chunks)
        expect(out.byteLength).toBe(chunks.reduce((n, c) => n + c.byteLength, 0))
        expect([...out]).toEqual(chunks.flatMap((c) => [...c]))
        if (chunks[0] !== undefined && chunks[0].byteLength > 0) expect(out.buffer).not.toBe(chunks[0].buffer)
      }),
    )
  })
  it('decodes to the same text as the string joined (a UTF-8 character split across chunks)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.nat(), (text, at) => {
        const bytes = new TextEncoder().encode(text)
        const cut = bytes.byteLength === 0 ? 0 : at % bytes.byteLength
        expect(new TextDecoder().decode(_.concatBytes([bytes.subarray(0, cut), bytes.subarray(cut)]))).toBe(text)
      }),
    )
  })
})
