import * as fc from 'fast-check'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import * as _ from '../../src/classify/retryAfter.js'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(_.parseRetryAfter('120', now)).toEqual(O.some(120_000))
    expect(_.parseRetryAfter(' 0 ', now)).toEqual(O.some(0))
    expect(_.parseRetryAfter('1.5', now)).toEqual(O.some(1000))
  })
  it('reads an HTTP date relative to now, and a date in the past as 0', () => {
    expect(_.parseRetryAfter('Mon, 23 Nov 2026 12:00:30 GMT', now)).toEqual(O.some(30_000))
    expect(_.parseRetryAfter('Mon, 23 Nov 2026 11:00:00 GMT', now)).toEqual(O.some(0))
  })
  it('clamps to a day', () => {
    expect(_.parseRetryAfter('999999999', now)).toEqual(O.some(_.MAX_RETRY_AFTER_MS))
    expect(_.parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', now)).toEqual(O.some(_.MAX_RETRY_AFTER_MS))
  })
  it('gives None for missing or unreadable values', () => {
    expect(_.parseRetryAfter(undefined, now)).toEqual(O.none)
    expect(_.parseRetryAfter('', now)).toEqual(O.none)
    expect(_.parseRetryAfter('-5', now)).toEqual(O.none)
    expect(_.parseRetryAfter('soon', now)).toEqual(O.none)
    expect(_.parseRetryAfter('12abc', now)).toEqual(O.none)
  })
  it('never returns NaN or a value outside 0…MAX, whatever the input and clock', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.double(), fc.integer()), (value, clock) => {
        const r = _.parseRetryAfter(value, clock)
        if (O.isSome(r)) {
          expect(Number.isNaN(r.value)).toBe(false)
          expect(r.value).toBeGreaterThanOrEqual(0)
          expect(r.value).toBeLessThanOrEqual(_.MAX_RETRY_AFTER_MS)
        }
      }),
    )
  })
})
