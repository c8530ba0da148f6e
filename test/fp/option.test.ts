import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as O from 'fp-ts/lib/Option.js'
import * as _ from '../../src/fp/option.js'
import { anyValue } from '../arbitraries.js'

describe('none / some', () => {
  it('are the very objects fp-ts makes', () => {
    expect(_.none).toEqual(O.none)
    expect(_.some(3)).toEqual(O.some(3))
    expect(_.some(null)).toEqual({ _tag: 'Some', value: null })
  })
  it("work with fp-ts's own combinators", () => {
    expect(O.map((n: number) => n + 1)(_.some(1))).toEqual(O.some(2))
    expect(O.getOrElse(() => 'x')(_.none)).toBe('x')
  })
})

describe('isSome / isNone', () => {
  it('tell the two apart, and agree with fp-ts', () => {
    fc.assert(
      fc.property(fc.option(anyValue, { nil: undefined }), fc.boolean(), (value, empty) => {
        const o = empty ? _.none : _.some(value)
        expect(_.isSome(o)).toBe(!empty)
        expect(_.isNone(o)).toBe(empty)
        expect(_.isSome(o)).toBe(O.isSome(o))
      }),
    )
  })
})

describe('fromNullable', () => {
  it('is none for null and undefined only', () => {
    expect(_.fromNullable(null)).toEqual(O.none)
    expect(_.fromNullable(undefined)).toEqual(O.none)
    expect(_.fromNullable(0)).toEqual(O.some(0))
    expect(_.fromNullable('')).toEqual(O.some(''))
    expect(_.fromNullable(false)).toEqual(O.some(false))
    expect(_.fromNullable(Number.NaN)).toEqual(O.some(Number.NaN))
  })
  it("agrees with fp-ts's fromNullable on any value", () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        expect(_.fromNullable(value)).toEqual(O.fromNullable(value))
      }),
    )
  })
})
