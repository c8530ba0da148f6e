import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import * as _ from '../../src/classify/classify.js'

describe('classify', () => {
  it('uses the catalogue entry when the observed status is the documented one', () => {
    const entry = O.some({ status: 400, category: 'quota' as const, retry: 'never' as const })
    expect(_.classify(400, entry, O.none)).toEqual({ category: 'quota', retry: { retryable: false, strategy: 'never' }, documentedStatus: null })
  })
  it("lets the observed status and the response's wording decide when the statuses differ", () => {
    // Documented as a generic 400, observed as a 403 "Policy doesn't allow": a permission problem.
    const entry = O.some({ status: 400, category: 'validation' as const, retry: 'never' as const })
    expect(_.classify(403, entry, O.none, "Policy doesn't allow iam:users:list to be performed.")).toEqual({
      category: 'permission',
      retry: { retryable: false, strategy: 'never' },
      documentedStatus: 400,
    })
    // Nova's overLimit: documented 413 (payload), but the response says what it is.
    const overLimit = O.some({ status: 429, category: 'throttled' as const, retry: 'backoff' as const })
    expect(_.classify(413, overLimit, O.none, 'Quota exceeded for cores: Requested 4, but already used 20 of 20 cores').category).toBe('quota')
    // No wording: the status alone.
    expect(_.classify(503, O.some({ status: 500, category: 'server' as const, retry: 'backoff' as const }), O.none).category).toBe('unavailable')
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
