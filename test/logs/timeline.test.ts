import { describe, expect, it } from 'vitest'
import * as _ from '../../src/logs/timeline.js'

describe('timestampOf', () => {
  const at = (line: string, context = _.timeContext(undefined, 2024)) => _.timestampOf(line, context)
  it.each([
    ['2024-01-02T15:04:05Z x', Date.UTC(2024, 0, 2, 15, 4, 5)],
    ['2024-01-02T15:04:05.123456789Z x', Date.UTC(2024, 0, 2, 15, 4, 5, 123)],
    ['2024-01-02 15:04:05,250 ERROR x', Date.UTC(2024, 0, 2, 15, 4, 5, 250)],
    ['2024-01-02T15:04:05.000Z [DEBUG] provider: x', Date.UTC(2024, 0, 2, 15, 4, 5)],
    ['2024-01-02T17:04:05+02:00 x', Date.UTC(2024, 0, 2, 15, 4, 5)],
    ['2024-01-02T10:04:05-0500 x', Date.UTC(2024, 0, 2, 15, 4, 5)],
    ['Jan  2 15:04:05 host app[1]: x', Date.UTC(2024, 0, 2, 15, 4, 5)],
    ['Dec 31 23:59:59 host x', Date.UTC(2024, 11, 31, 23, 59, 59)],
    ['date=2024-01-02 time=15:04:05.123 x', Date.UTC(2024, 0, 2, 15, 4, 5, 123)],
    ['no time 15:04 here, v1.2.300, 10.0.0.1', null],
    ['2024-13-02T15:04:05Z is no date', null],
    ['15:04:05.123 without a date anywhere', null],
  ])('%s', (line, expected) => {
    expect(at(line)).toBe(expected)
  })
  it('takes the date for bare times from an earlier line or the file name, the year for syslog from the last date', () => {
    const context = _.timeContext('app-2023-07-01.log', 2026)
    expect(_.timestampOf('[08:00:00.500] x', context)).toBe(Date.UTC(2023, 6, 1, 8, 0, 0, 500))
    expect(_.timestampOf('Jul  1 08:00:01 host x', context)).toBe(Date.UTC(2023, 6, 1, 8, 0, 1))
    expect(_.timestampOf('2025-03-04T00:00:00Z x', context)).toBe(Date.UTC(2025, 2, 4))
    expect(_.timestampOf('[08:00:00.500] x', context)).toBe(Date.UTC(2025, 2, 4, 8, 0, 0, 500))
    expect(_.timestampOf('Mar  4 08:00:01 host x', context)).toBe(Date.UTC(2025, 2, 4, 8, 0, 1))
  })
})

describe('findingTimeline', () => {
  it('counts per category and per code in buckets, empty buckets included', () => {
    const t = _.findingTimeline()
    t.add(Date.UTC(2024, 0, 2, 15, 4, 5, 100), 'APIGW.0308', 'throttled')
    t.add(Date.UTC(2024, 0, 2, 15, 4, 5, 900), 'APIGW.0308', 'throttled')
    t.add(Date.UTC(2024, 0, 2, 15, 4, 7), 'AS.0001', 'validation')
    t.add(null, 'AS.0001', 'validation')
    const base = Date.UTC(2024, 0, 2, 15, 4, 5)
    expect(t.series()).toEqual({
      width: 1000,
      times: [base, base + 1000, base + 2000],
      categories: { throttled: [2, 0, 0], validation: [0, 0, 1] },
      codes: { 'APIGW.0308': [2, 0, 0], 'AS.0001': [0, 0, 1] },
      untimed: 1,
    })
  })
  it('keeps memory bounded: widens its buckets, never losing a count', () => {
    const limits = { buckets: 50, counters: 400 }
    const t = _.findingTimeline(limits)
    let n = 0
    for (let s = 0; s < 100_000; s += 7) {
      t.add(s * 1000, `C.${1000 + (s % 300)}`, s % 2 === 0 ? 'server' : 'quota')
      n += 1
    }
    const series = t.series()
    expect(series.times.length).toBeLessThanOrEqual(limits.buckets + 1)
    const sum = (rows: Readonly<Record<string, ReadonlyArray<number>>>) => Object.values(rows).reduce((a, r) => a + r.reduce((x, y) => x + y, 0), 0)
    expect(sum(series.categories)).toBe(n)
    expect(sum(series.codes)).toBe(n)
    expect(Object.values(series.codes).reduce((a, r) => a + r.filter((x) => x > 0).length, 0)).toBeLessThanOrEqual(limits.counters)
  })
})
