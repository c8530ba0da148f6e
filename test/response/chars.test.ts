import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isAsciiAlnum, isAsciiLetter, isDigit, isQuote, isWhitespace, standsForSeparator } from '../../src/response/chars.js'

const code = (c: string): number => c.charCodeAt(0)

describe('character classes', () => {
  it('agree with the regular expressions they stand for, on every UTF-16 code unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), (c) => {
        const s = String.fromCharCode(c)
        expect(isAsciiLetter(c)).toBe(/^[A-Za-z]$/.test(s))
        expect(isDigit(c)).toBe(/^[0-9]$/.test(s))
        expect(isAsciiAlnum(c)).toBe(/^[A-Za-z0-9]$/.test(s))
        expect(isWhitespace(c)).toBe(/^[ \t\n\r\f]$/.test(s))
        expect(isQuote(c)).toBe(s === '"' || s === "'")
      }),
      { numRuns: 2000 },
    )
  })
})

describe('standsForSeparator', () => {
  it('takes a stray symbol after a key for its garbled colon', () => {
    for (const c of ['*', '#', '~', '|', '>', '^', '\u00a0', '\uff1a']) expect(standsForSeparator(code(c)), c).toBe(true)
  })
  it('never takes a letter, digit, whitespace, quote, control character or meaningful punctuation', () => {
    for (const c of [...'aZ09 \t\n\r\f"\'', ...',;.!?()[]{}\\/', '\u0000', '\u001f']) expect(standsForSeparator(code(c)), JSON.stringify(c)).toBe(false)
  })
  it('is false exactly where one of the excluded classes holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), (c) => {
        const excluded = isAsciiAlnum(c) || isWhitespace(c) || isQuote(c) || ',;.!?()[]{}\\/'.includes(String.fromCharCode(c)) || c < 0x20
        expect(standsForSeparator(c)).toBe(!excluded)
      }),
    )
  })
})
