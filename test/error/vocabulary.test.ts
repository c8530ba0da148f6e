import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as _ from '../../src/error/vocabulary.js'
import { anyValue } from '../arbitraries.js'

describe('StatusClass', () => {
  it('accepts the five classes and nothing else', () => {
    for (const c of ['1xx', '2xx', '3xx', '4xx', '5xx']) expect(_.StatusClass.is(c)).toBe(true)
    for (const c of ['0xx', '6xx', '4XX', '400', '', null, 4]) expect(_.StatusClass.is(c)).toBe(false)
  })
})

describe('Category and categories', () => {
  it('lists the twelve categories of the design, validation first and unknown last', () => {
    expect(_.categories).toEqual(['validation', 'auth', 'permission', 'not-found', 'conflict', 'quota', 'throttled', 'payload', 'server', 'unavailable', 'timeout', 'unknown'])
  })
  it('the codec accepts exactly the listed names', () => {
    for (const c of _.categories) expect(_.Category.is(c)).toBe(true)
    fc.assert(
      fc.property(anyValue, (value) => {
        expect(_.Category.is(value)).toBe(typeof value === 'string' && _.categories.includes(value as _.Category))
      }),
    )
  })
  it('does not accept names inherited from Object.prototype', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) expect(_.Category.is(name)).toBe(false)
  })
})

describe('RetryStrategy and retryStrategies', () => {
  it('lists the four strategies', () => {
    expect(_.retryStrategies).toEqual(['never', 'backoff', 'after', 'reauth'])
    for (const s of _.retryStrategies) expect(_.RetryStrategy.is(s)).toBe(true)
    expect(_.RetryStrategy.is('immediately')).toBe(false)
  })
  it('decodes to a Left with the value for an unknown strategy', () => {
    const r = _.RetryStrategy.decode('soon')
    expect(r._tag).toBe('Left')
  })
})

describe('NEVER_RETRY', () => {
  it('is not retryable, strategy never, no delay', () => {
    expect(_.NEVER_RETRY).toEqual({ retryable: false, strategy: 'never' })
    expect('delayMs' in _.NEVER_RETRY).toBe(false)
  })
})
