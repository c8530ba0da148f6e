// The retry policies the library makes without loading retry-ts at run time (src/retry/policies.ts)
// and the Option values it makes without loading fp-ts's Option module (src/fp/option.ts) behave
// exactly as retry-ts's and fp-ts's own.
import * as FO from 'fp-ts/lib/Option.js'
import * as R from 'retry-ts'
import { describe, expect, it } from 'vitest'
import * as O from '../../src/fp/option.js'
import * as P from '../../src/retry/policies.js'

const statuses: ReadonlyArray<R.RetryStatus> = [0, 1, 2, 3, 5, 8, 13].flatMap((iterNumber) =>
  [FO.none, FO.some(0), FO.some(250)].map((previousDelay) => ({ iterNumber, cumulativeDelay: iterNumber * 100, previousDelay })),
)

describe('retry policies without retry-ts at run time', () => {
  it('give what retry-ts gives', () => {
    const pairs: ReadonlyArray<readonly [R.RetryPolicy, R.RetryPolicy]> = [
      [P.limitRetries(3), R.limitRetries(3)],
      [P.constantDelay(40), R.constantDelay(40)],
      [P.exponentialBackoff(50), R.exponentialBackoff(50)],
      [P.capDelay(300, P.exponentialBackoff(50)), R.capDelay(300, R.exponentialBackoff(50))],
      [P.concatPolicies(P.capDelay(300, P.exponentialBackoff(50)), P.limitRetries(4)), R.Monoid.concat(R.capDelay(300, R.exponentialBackoff(50)), R.limitRetries(4))],
      [P.concatPolicies(P.constantDelay(70), P.exponentialBackoff(20)), R.Monoid.concat(R.constantDelay(70), R.exponentialBackoff(20))],
    ]
    for (const [ours, theirs] of pairs) for (const status of statuses) expect(ours(status)).toEqual(theirs(status))
    expect(P.defaultRetryStatus).toEqual(R.defaultRetryStatus)
  })
})

describe('Option values without fp-ts/lib/Option at run time', () => {
  it('are fp-ts values', () => {
    expect(O.none).toEqual(FO.none)
    expect(O.some(1)).toEqual(FO.some(1))
    for (const value of [null, undefined, 0, '', 'x', false]) expect(O.fromNullable(value)).toEqual(FO.fromNullable(value))
    for (const option of [FO.none, FO.some(2), O.none, O.some(3)]) {
      expect(O.isSome(option)).toBe(FO.isSome(option))
      expect(O.isNone(option)).toBe(FO.isNone(option))
    }
  })
})
