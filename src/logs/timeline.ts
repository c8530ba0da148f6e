/**
 * When findings happened: the timestamp a log line carries (ISO 8601 / RFC 3339, Terraform's
 * `2024-01-02T15:04:05.000Z [DEBUG]`, syslog's `Jan  2 15:04:05`, a bare `15:04:05.123` with the
 * date elsewhere), and a timeline that counts findings per category and per code in time
 * buckets. Memory is bounded: past a number of buckets or counters, buckets get coarser.
 *
 * @since 0.1.0
 */
import type { Category } from '../error/vocabulary.js'

// -------------------------------------------------------------------------------------
// timestamps
// -------------------------------------------------------------------------------------

/**
 * What reading timestamps carries from line to line: the last calendar date seen (for syslog
 * lines, which have no year, and bare times, which have no date).
 *
 * @example
 * import { timeContext } from 'otc-errors'
 * const context = timeContext('app-2024-01-02.log', 2026)
 *
 * @since 0.1.0
 * @category model
 */
export interface TimeContext {
  /** The last date seen (UTC midnight, ms), if any. */
  date: number | null
  /** The year for syslog lines until a dated line says otherwise. */
  year: number
}

const DATE = /(\d{4})[-/](\d{2})[-/](\d{2})/
const ISO = /\b(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?[ ]?(Z|[+-]\d{2}(?::?\d{2})?)?/
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const SYSLOG = new RegExp(`\\b(${MONTHS.join('|')}) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})\\b`)
const CLOCK = /\b(\d{2}):(\d{2}):(\d{2})[.,](\d{3})\b/

const validDate = (y: number, m: number, d: number): number | null => {
  const t = Date.UTC(y, m - 1, d)
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && new Date(t).getUTCDate() === d ? t : null
}
const clock = (h: number, min: number, s: number, ms: number): number | null => (h < 24 && min < 60 && s < 61 ? ((h * 60 + min) * 60 + s) * 1000 + ms : null)

const zoneOffset = (zone: string | undefined): number => {
  if (zone === undefined || zone === 'Z') return 0
  const m = /([+-])(\d{2}):?(\d{2})?/.exec(zone)
  if (m === null) return 0
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0)
  return (m[1] === '-' ? -1 : 1) * minutes * 60_000
}

/**
 * A context for one input: the date in its file name, if any (`app-2024-01-02.log`), else none;
 * syslog lines take `year` until a dated line is seen.
 *
 * @example
 * import { timeContext } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(timeContext('app-2024-01-02.log', 2026), { date: Date.UTC(2024, 0, 2), year: 2024 })
 * assert.deepStrictEqual(timeContext(undefined, 2026), { date: null, year: 2026 })
 *
 * @since 0.1.0
 * @category constructors
 */
export const timeContext = (fileName: string | undefined, year: number): TimeContext => {
  const m = fileName === undefined ? null : DATE.exec(fileName)
  const date = m === null ? null : validDate(Number(m[1]), Number(m[2]), Number(m[3]))
  return { date, year: date === null ? year : new Date(date).getUTCFullYear() }
}

/**
 * The time a line states, in ms since the epoch (UTC; a time without a zone counts as UTC), or
 * null. Reads, in this order: an ISO 8601 / RFC 3339 date-time (Terraform's too), a syslog
 * `Mon dd hh:mm:ss` (the year from the context), a bare `hh:mm:ss.mmm` (the date from the same
 * line, else the context). Updates the context with any date the line has.
 *
 * @example
 * import { timeContext, timestampOf } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const context = timeContext(undefined, 2024)
 * assert.strictEqual(timestampOf('2024-01-02T15:04:05.000Z [DEBUG] x', context), Date.UTC(2024, 0, 2, 15, 4, 5))
 * assert.strictEqual(timestampOf('2024-01-02T16:04:05+01:00 x', context), Date.UTC(2024, 0, 2, 15, 4, 5))
 * assert.strictEqual(timestampOf('Jan  2 15:04:05 host app: x', context), Date.UTC(2024, 0, 2, 15, 4, 5))
 * assert.strictEqual(timestampOf('[15:04:06.250] x', context), Date.UTC(2024, 0, 2, 15, 4, 6, 250))
 * assert.strictEqual(timestampOf('no time here', context), null)
 *
 * @since 0.1.0
 * @category destructors
 */
export const timestampOf = (line: string, context: TimeContext): number | null => {
  const iso = ISO.exec(line)
  if (iso !== null) {
    const day = validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    const time = clock(Number(iso[4]), Number(iso[5]), Number(iso[6]), Number((iso[7] ?? '0').padEnd(3, '0').slice(0, 3)))
    if (day !== null && time !== null) {
      context.date = day
      context.year = Number(iso[1])
      return day + time - zoneOffset(iso[8])
    }
  }
  const syslog = SYSLOG.exec(line)
  if (syslog !== null) {
    const day = validDate(context.year, MONTHS.indexOf(syslog[1] ?? '') + 1, Number(syslog[2]))
    const time = clock(Number(syslog[3]), Number(syslog[4]), Number(syslog[5]), 0)
    if (day !== null && time !== null) return day + time
  }
  const bare = CLOCK.exec(line)
  if (bare !== null) {
    const dated = DATE.exec(line)
    const sameLine = dated === null ? null : validDate(Number(dated[1]), Number(dated[2]), Number(dated[3]))
    if (sameLine !== null) context.date = sameLine
    const day = sameLine ?? context.date
    const time = clock(Number(bare[1]), Number(bare[2]), Number(bare[3]), Number(bare[4]))
    if (day !== null && time !== null) return day + time
  }
  return null
}

// -------------------------------------------------------------------------------------
// timeline
// -------------------------------------------------------------------------------------

/**
 * The bucket widths a timeline may use, finest first.
 *
 * @example
 * import { BUCKET_WIDTHS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(BUCKET_WIDTHS[0], 1000)
 *
 * @since 0.1.0
 * @category constants
 */
export const BUCKET_WIDTHS: ReadonlyArray<number> = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 604800, 2592000, 31536000].map(
  (s) => s * 1000,
)

/**
 * A timeline as the report draws it: bucket starts (ms), and per category and per code the
 * count in each bucket (arrays as long as `times`), plus the findings whose line had no time.
 *
 * @example
 * import type { TimelineSeries } from 'otc-errors'
 * const t: TimelineSeries = { width: 60000, times: [0], categories: { throttled: [2] }, codes: { 'APIGW.0308': [2] }, untimed: 0 }
 *
 * @since 0.1.0
 * @category model
 */
export interface TimelineSeries {
  readonly width: number
  readonly times: ReadonlyArray<number>
  readonly categories: Readonly<Record<string, ReadonlyArray<number>>>
  readonly codes: Readonly<Record<string, ReadonlyArray<number>>>
  readonly untimed: number
}

/**
 * A running timeline: `add` findings with their time (null when the line had none), then read
 * `series()`.
 *
 * @example
 * import { findingTimeline } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const t = findingTimeline()
 * t.add(Date.UTC(2024, 0, 2, 15, 4, 5), 'APIGW.0308', 'throttled')
 * t.add(null, 'AS.0001', 'validation')
 * assert.deepStrictEqual(t.series().codes, { 'APIGW.0308': [1] })
 * assert.strictEqual(t.series().untimed, 1)
 *
 * @since 0.1.0
 * @category model
 */
export interface FindingTimeline {
  /** Counts one finding of `code` and `category` at time `at` (ms since the epoch; null: no time on its line). */
  readonly add: (at: number | null, code: string, category: Category) => void
  /** The counts so far, every bucket from the first to the last. */
  readonly series: () => TimelineSeries
}

/**
 * The most buckets, and counters (bucket × category or code), a timeline keeps before it
 * coarsens its buckets.
 *
 * @example
 * import { TIMELINE_LIMITS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(TIMELINE_LIMITS, { buckets: 240, counters: 200000 })
 *
 * @since 0.1.0
 * @category constants
 */
export const TIMELINE_LIMITS = { buckets: 240, counters: 200_000 } as const

/**
 * A new, empty timeline. Buckets start one second wide and widen (1 s, 2 s, 5 s, … 1 year) when
 * the findings span more than `limits.buckets` of them or the counters pass `limits.counters`.
 *
 * @example
 * import { findingTimeline } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const t = findingTimeline({ buckets: 2, counters: 100 })
 * for (const s of [0, 1, 2, 3, 4]) t.add(s * 1000, 'AS.0001', 'validation')
 * assert.deepStrictEqual([t.series().width, t.series().times, t.series().categories['validation']], [5000, [0], [5]])
 *
 * @since 0.1.0
 * @category constructors
 */
export const findingTimeline = (limits: { readonly buckets: number; readonly counters: number } = TIMELINE_LIMITS): FindingTimeline => {
  let level = 0
  let width = BUCKET_WIDTHS[0] as number
  // bucket start → key (`c:` category, `k:` code) → count
  let buckets = new Map<number, Map<string, number>>()
  let counters = 0
  let untimed = 0
  let min = Infinity
  let max = -Infinity

  const bump = (into: Map<number, Map<string, number>>, start: number, key: string, n: number): boolean => {
    let keys = into.get(start)
    if (keys === undefined) {
      keys = new Map()
      into.set(start, keys)
    }
    const before = keys.get(key)
    keys.set(key, (before ?? 0) + n)
    return before === undefined
  }

  const fits = (): boolean => (max - min) / width < limits.buckets && counters <= limits.counters

  const coarsen = (): void => {
    while (!fits() && level < BUCKET_WIDTHS.length - 1) {
      level += 1
      width = BUCKET_WIDTHS[level] as number
      const next = new Map<number, Map<string, number>>()
      counters = 0
      for (const [start, keys] of buckets) for (const [key, n] of keys) if (bump(next, Math.floor(start / width) * width, key, n)) counters += 1
      buckets = next
    }
  }

  return {
    add: (at, code, category) => {
      if (at === null || !Number.isFinite(at)) {
        untimed += 1
        return
      }
      min = Math.min(min, at)
      max = Math.max(max, at)
      const start = Math.floor(at / width) * width
      if (bump(buckets, start, `c:${category}`, 1)) counters += 1
      if (bump(buckets, start, `k:${code}`, 1)) counters += 1
      if (!fits()) coarsen()
    },
    series: () => {
      // Every bucket from the first to the last, empty ones too: a chart's x axis is time.
      const first = Number.isFinite(min) ? Math.floor(min / width) * width : 0
      const times = Number.isFinite(min) ? Array.from({ length: Math.floor((max - first) / width) + 1 }, (_, i) => first + i * width) : []
      const index = new Map(times.map((t, i) => [t, i]))
      const categories: Record<string, Array<number>> = {}
      const codes: Record<string, Array<number>> = {}
      for (const [start, keys] of buckets) {
        for (const [key, n] of keys) {
          const into = key.startsWith('c:') ? categories : codes
          const name = key.slice(2)
          const row = (into[name] ??= times.map(() => 0))
          row[index.get(start) ?? 0] = n
        }
      }
      return { width, times, categories, codes, untimed }
    },
  }
}
