import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as _ from '../../src/decode/unknown.js'
import { anyValue, revokedProxy, throwingProxy } from '../arbitraries.js'

describe('field', () => {
  it('reads a property of an object or a function', () => {
    expect(_.field({ a: 1 }, 'a')).toBe(1)
    const f = Object.assign(() => 0, { status: 503 })
    expect(_.field(f, 'status')).toBe(503)
    expect(_.field({}, 'missing')).toBeUndefined()
  })
  it('is undefined for primitives, null and undefined', () => {
    for (const v of ['abc', 3, true, null, undefined, Symbol('s'), 10n]) expect(_.field(v, 'length')).toBeUndefined()
  })
  it('is undefined when a getter or a Proxy throws, or the Proxy is revoked', () => {
    const getter = Object.defineProperty({}, 'message', {
      get() {
        throw new Error('boom')
      },
    })
    expect(_.field(getter, 'message')).toBeUndefined()
    expect(_.field(throwingProxy(), 'message')).toBeUndefined()
    expect(_.field(revokedProxy(), 'message')).toBeUndefined()
  })
  it('never throws, whatever the value and key', () => {
    fc.assert(
      fc.property(anyValue, fc.string(), (value, key) => {
        expect(() => _.field(value, key)).not.toThrow()
      }),
    )
  })
})

describe('stringField', () => {
  it('is the property when it is a string, else null', () => {
    expect(_.stringField({ code: 'AS.0001' }, 'code')).toBe('AS.0001')
    expect(_.stringField({ code: '' }, 'code')).toBe('')
    expect(_.stringField({ code: 7 }, 'code')).toBeNull()
    expect(_.stringField({ code: new String('x') }, 'code')).toBeNull()
    expect(_.stringField('code', 'code')).toBeNull()
    expect(_.stringField(throwingProxy(), 'code')).toBeNull()
  })
  it('is always a string or null', () => {
    fc.assert(
      fc.property(anyValue, fc.string(), (value, key) => {
        const got = _.stringField(value, key)
        expect(got === null || typeof got === 'string').toBe(true)
      }),
    )
  })
})
