import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { boundedMemo } from '../../src/fp/memo.js'

describe('boundedMemo', () => {
  it('gives what the function gives, computing a short key once', () => {
    const seen: Array<string> = []
    const lower = boundedMemo(
      (key: string) => {
        seen.push(key)
        return key.toLowerCase()
      },
      4,
      8,
    )
    expect([lower('Content-Type'), lower('Vary'), lower('Vary')]).toEqual(['content-type', 'vary', 'vary'])
    // 'Content-Type' is longer than 8 characters: computed every time, never kept.
    expect(lower('Content-Type')).toBe('content-type')
    expect(seen).toEqual(['Content-Type', 'Vary', 'Content-Type'])
  })
  it('stays right for any keys, past its bound too', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 40 }), (keys) => {
        const length = boundedMemo((key: string) => key.length, 3, 4)
        for (const key of [...keys, ...keys]) expect(length(key)).toBe(key.length)
      }),
    )
  })
  it('computes each short key once while the memo has room', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 3 }), (keys) => {
        let calls = 0
        const length = boundedMemo(
          (key: string) => {
            calls++
            return key.length
          },
          3,
          4,
        )
        for (const key of [...keys, ...keys, ...keys]) length(key)
        expect(calls).toBe(keys.length)
      }),
    )
  })
})
