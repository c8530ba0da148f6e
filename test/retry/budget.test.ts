import { describe, expect, it } from 'vitest'
import * as _ from '../../src/retry/budget.js'

describe('retryBudget', () => {
  it('starts full with the AWS standard capacity', () => {
    const budget = _.retryBudget()
    expect([budget.capacity, budget.available()]).toEqual([500, 500])
    expect([_.RETRY_COST, _.TRANSIENT_RETRY_COST, _.NO_RETRY_INCREMENT]).toEqual([5, 10, 1])
  })
  it('takes tokens while there are enough, then refuses without taking any', () => {
    const budget = _.retryBudget(25)
    expect([budget.acquire(10), budget.acquire(10), budget.available()]).toEqual([true, true, 5])
    expect([budget.acquire(10), budget.available()]).toEqual([false, 5])
    expect([budget.acquire(5), budget.available()]).toEqual([true, 0])
  })
  it('a success refunds the cost of the retry that led to it, a first-try success adds one token, never beyond the capacity', () => {
    const budget = _.retryBudget(20)
    budget.acquire(10)
    budget.acquire(5)
    budget.recordSuccess(5)
    expect(budget.available()).toBe(10)
    budget.recordSuccess(null)
    expect(budget.available()).toBe(11)
    budget.recordSuccess(10)
    budget.recordSuccess(10)
    expect(budget.available()).toBe(20)
  })
  it('500 tokens allow 50 transient retries or 100 throttling retries', () => {
    const transient = _.retryBudget()
    let n = 0
    while (transient.acquire(_.TRANSIENT_RETRY_COST)) n++
    const throttled = _.retryBudget()
    let m = 0
    while (throttled.acquire(_.RETRY_COST)) m++
    expect([n, m]).toEqual([50, 100])
  })
  it('odd costs and capacities are read as zero', () => {
    const budget = _.retryBudget(Number.NaN)
    expect([budget.capacity, budget.acquire(-3), budget.acquire(Number.NaN), budget.acquire(1)]).toEqual([0, true, true, false])
  })
})
