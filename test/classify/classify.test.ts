import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import * as _ from '../../src/classify/classify.js'

describe('classify', () => {
  it('uses the catalogue entry when its status class matches the observed one', () => {
    const entry = O.some({ status: 400, category: 'quota' as const, retry: 'never' as const })
    expect(_.classify(403, entry, O.none)).toEqual({ category: 'quota', retry: { retryable: false, strategy: 'never' }, documentedStatus: null })
  })
  it('lets the observed status decide when the classes differ, and records the documented status', () => {
    const entry = O.some({ status: 500, category: 'server' as const, retry: 'backoff' as const })
    expect(_.classify(400, entry, O.none)).toEqual({ category: 'validation', retry: { retryable: false, strategy: 'never' }, documentedStatus: 500 })
  })
  it('falls back to the status for unknown codes', () => {
    expect(_.classify(401, O.none, O.none)).toEqual({ category: 'auth', retry: { retryable: true, strategy: 'reauth' }, documentedStatus: null })
    expect(_.classify(503, O.none, O.none).retry).toEqual({ retryable: true, strategy: 'backoff' })
  })
  it('turns a backoff into a wait when Retry-After is present on 429, 408 and 503', () => {
    for (const status of [429, 408, 503]) {
      expect(_.classify(status, O.none, O.some(1500)).retry).toEqual({ retryable: true, strategy: 'after', delayMs: 1500 })
    }
  })
  it('ignores Retry-After on statuses that do not call for it', () => {
    expect(_.classify(500, O.none, O.some(1500)).retry).toEqual({ retryable: true, strategy: 'backoff' })
    expect(_.classify(400, O.none, O.some(1500)).retry).toEqual({ retryable: false, strategy: 'never' })
  })
  it('honours Retry-After for a throttling code whatever its status', () => {
    const entry = O.some({ status: 403, category: 'throttled' as const, retry: 'backoff' as const })
    expect(_.classify(403, entry, O.some(3000)).retry).toEqual({ retryable: true, strategy: 'after', delayMs: 3000 })
  })
  it('keeps reauth even with Retry-After', () => {
    expect(_.classify(401, O.none, O.some(3000)).retry).toEqual({ retryable: true, strategy: 'reauth' })
  })
})
