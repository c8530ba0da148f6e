import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { categorizeWording } from '../../src/classify/wording.js'

// The decoders memoise wording verdicts by status and message (src/classify/wording.ts): the memo
// must never change a verdict, whatever was asked before and however full it got.
describe('categorizeWording memo', () => {
  const cases: ReadonlyArray<readonly [number, string, string]> = [
    [400, 'The throttling policy does not exist.', 'not-found'],
    [413, 'Quota exceeded for instances.', 'quota'],
    [409, 'The VPN gateway is being updated.', 'conflict'],
    [500, 'Internal error.', 'server'],
    [403, 'Forbidden.', 'permission'],
  ]

  it('gives the same verdict before and after thousands of other messages filled the memo', () => {
    const first = cases.map(([status, message]) => categorizeWording(status, message))
    expect(first.map((v) => v.category)).toEqual(cases.map(([, , category]) => category))
    for (let i = 0; i < 5000; i++) categorizeWording(400 + (i % 3), `resource ${i} does not exist`)
    expect(cases.map(([status, message]) => categorizeWording(status, message))).toEqual(first)
  })

  it('a message and the same message with a description that says nothing agree (memoised and not)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(400, 401, 403, 404, 409, 413, 429, 500, 503),
        fc.constantFrom(...cases.map(([, m]) => m), 'Token expired.', 'Too many requests.', 'The name already exists.'),
        fc.string({ maxLength: 20 }),
        (status, sentence, noise) => {
          const message = `${sentence} ${noise.replace(/[A-Za-z]/g, '')}`
          const memoised = categorizeWording(status, message)
          expect(categorizeWording(status, message)).toEqual(memoised)
          expect(categorizeWording(status, message, '.').category).toBe(memoised.category)
        },
      ),
    )
  })

  it('long messages are judged every time, and judged the same', () => {
    const long = `${'x'.repeat(1000)} does not exist`
    expect(categorizeWording(400, long).category).toBe('not-found')
    expect(categorizeWording(400, long)).toEqual(categorizeWording(400, long))
  })
})
