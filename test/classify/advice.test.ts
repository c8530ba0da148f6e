import { describe, expect, it } from 'vitest'
import * as _ from '../../src/classify/advice.js'
import { categories, retryStrategies } from '../../src/error/vocabulary.js'

describe('adviceFor', () => {
  it('gives each category its own advice', () => {
    const advice = categories.map((c) => _.adviceFor(c, 'backoff'))
    expect(new Set(advice).size).toBe(categories.length)
    for (const text of advice) expect(text).toMatch(/^[A-Z][^\n]*\.$/)
  })

  it('splits server, auth and conflict on whether a retry can help', () => {
    expect(_.adviceFor('server', 'never')).toBe('The service does not support this operation here: check the API version and region, and do not retry unchanged.')
    expect(_.adviceFor('server', 'backoff')).toBe('An internal error on the service side: retry with backoff; if it persists, contact support with the request ID.')
    expect(_.adviceFor('auth', 'never')).toBe('The credentials were refused: check the user name, password or account state before trying again.')
    expect(_.adviceFor('auth', 'reauth')).toBe('The token is missing, invalid or expired: obtain a new token from IAM and send the request again.')
    expect(_.adviceFor('conflict', 'backoff')).toBe('The resource is busy with another operation: wait until it finishes, then retry.')
    expect(_.adviceFor('conflict', 'never')).toMatch(/^The request clashes with the current state of the resource/)
  })

  it('ignores the strategy for the other categories', () => {
    for (const category of categories.filter((c) => !['server', 'auth', 'conflict'].includes(c))) {
      expect(new Set(retryStrategies.map((s) => _.adviceFor(category, s))).size, category).toBe(1)
    }
  })

  it('says to honour Retry-After when throttled', () => {
    expect(_.adviceFor('throttled', 'after')).toBe(
      'Too many requests in a short time: slow down and retry with exponential backoff, honouring Retry-After when the response sends it.',
    )
  })
})
