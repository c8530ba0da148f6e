import { describe, expect, it } from 'vitest'
import type { LineFinding } from '../../src/logs/line.js'
import * as _ from '../../src/logs/tally.js'

const finding = (code: string, line: number, extra: Partial<LineFinding> = {}): LineFinding => ({
  line,
  code,
  service: 'AS',
  category: 'validation',
  retryable: false,
  strategy: 'never',
  known: true,
  ...extra,
})

describe('findingTally', () => {
  it('counts per code, most frequent first, then by code', () => {
    const t = _.findingTally()
    t.add(finding('IMG.0027', 1))
    t.add(finding('AS.0001', 2))
    t.add(finding('AS.0001', 5))
    t.add(finding('AS.0002', 6))
    expect(t.codes().map((c) => [c.code, c.count])).toEqual([
      ['AS.0001', 2],
      ['AS.0002', 1],
      ['IMG.0027', 1],
    ])
    expect(t.findings()).toBe(4)
  })
  it('remembers where a code was first and last seen, with the file when there is one', () => {
    const t = _.findingTally()
    t.add(finding('AS.0001', 3), 'a.log')
    t.add(finding('AS.0001', 9), 'b.log')
    t.add(finding('IMG.0027', 4))
    expect(t.codes()[0]).toMatchObject({ first: { file: 'a.log', line: 3 }, last: { file: 'b.log', line: 9 } })
    expect(t.codes()[1]).toMatchObject({ first: { line: 4 }, last: { line: 4 } })
  })
  it('collects every category and says when retryability is mixed', () => {
    const t = _.findingTally()
    t.add(finding('FOO.0001', 1, { category: 'unknown', retryable: false }))
    t.add(finding('FOO.0001', 2, { category: 'throttled', retryable: true, strategy: 'backoff', status: 429 }))
    t.add(finding('FOO.0001', 3, { category: 'throttled', retryable: true, strategy: 'backoff', status: 429 }))
    expect(t.codes()[0]).toMatchObject({ categories: ['unknown', 'throttled'], retryable: 'mixed' })
  })
  it('keeps at most maxCodes distinct codes and counts the rest apart', () => {
    const t = _.findingTally(2)
    for (let i = 0; i < 10; i++) t.add(finding(`FOO.${1000 + i}`, i + 1))
    t.add(finding('FOO.1000', 11))
    expect(t.codes().map((c) => [c.code, c.count])).toEqual([
      ['FOO.1000', 2],
      ['FOO.1001', 1],
    ])
    expect([t.findings(), t.otherFindings()]).toEqual([11, 8])
  })
  it('hands out copies', () => {
    const t = _.findingTally()
    t.add(finding('AS.0001', 1))
    ;(t.codes()[0]?.categories as Array<string>).push('server')
    expect(t.codes()[0]?.categories).toEqual(['validation'])
  })
})
