/**
 * Counting findings per code, with where each code was first and last seen: what the
 * `classify` summary and JSON report are made of. Memory is bounded: past a limit of distinct
 * codes, further new codes are only counted in `otherFindings`.
 *
 * @since 0.1.0
 */
import type { Category } from '../error/vocabulary.js'
import type { LineFinding } from './line.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Where a finding was seen: the file (absent for stdin) and the 1-based line.
 *
 * @example
 * import type { SeenAt } from 'otc-errors'
 * const at: SeenAt = { file: 'app.log', line: 12 }
 *
 * @since 0.1.0
 * @category model
 */
export interface SeenAt {
  readonly file?: string
  readonly line: number
}

/**
 * One code's count. `categories` lists every category it was classified as (a code seen with
 * different statuses can have several), `retryable` is `'mixed'` when its findings disagree.
 *
 * @example
 * import type { CodeTally } from 'otc-errors'
 * const t: CodeTally = { code: 'AS.0001', service: 'AS', count: 2, categories: ['validation'], retryable: false, known: true, first: { line: 3 }, last: { line: 9 } }
 *
 * @since 0.1.0
 * @category model
 */
export interface CodeTally {
  readonly code: string
  readonly service: string | null
  readonly count: number
  readonly categories: ReadonlyArray<Category>
  readonly retryable: boolean | 'mixed'
  readonly known: boolean
  readonly first: SeenAt
  readonly last: SeenAt
}

/**
 * A running tally: `add` findings, then read `codes()` (most frequent first, then by code),
 * `findings` (all added) and `otherFindings` (those of codes past the limit).
 *
 * @example
 * import { findingTally } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const tally = findingTally()
 * tally.add({ line: 1, code: 'AS.0001', service: 'AS', category: 'validation', retryable: false, strategy: 'never', known: true })
 * assert.strictEqual(tally.codes()[0]?.count, 1)
 *
 * @since 0.1.0
 * @category model
 */
export interface FindingTally {
  /** Counts one finding (of `file`, when given). */
  readonly add: (finding: LineFinding, file?: string) => void
  /** The codes counted so far, most frequent first, then by code. */
  readonly codes: () => ReadonlyArray<CodeTally>
  /** How many findings were added. */
  readonly findings: () => number
  /** How many findings were of codes past the limit (counted, but not kept per code). */
  readonly otherFindings: () => number
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Distinct codes a tally keeps by default.
 *
 * @example
 * import { MAX_TALLIED_CODES } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(MAX_TALLIED_CODES, 10000)
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_TALLIED_CODES = 10_000

interface Mutable {
  code: string
  service: string | null
  count: number
  categories: Array<Category>
  retryable: boolean | 'mixed'
  known: boolean
  first: SeenAt
  last: SeenAt
}

const at = (finding: LineFinding, file: string | undefined): SeenAt => (file === undefined ? { line: finding.line } : { file, line: finding.line })

/**
 * A new, empty tally that keeps at most `maxCodes` distinct codes.
 *
 * @example
 * import { findingTally } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const tally = findingTally(1)
 * const f = { code: 'AS.0001', service: 'AS', category: 'validation' as const, retryable: false, strategy: 'never' as const, known: true }
 * tally.add({ ...f, line: 1 }, 'a.log')
 * tally.add({ ...f, line: 7 }, 'b.log')
 * tally.add({ ...f, code: 'IMG.0027', line: 8 }, 'b.log')
 * assert.deepStrictEqual(tally.codes()[0]?.last, { file: 'b.log', line: 7 })
 * assert.deepStrictEqual([tally.findings(), tally.otherFindings()], [3, 1])
 *
 * @since 0.1.0
 * @category constructors
 */
export const findingTally = (maxCodes: number = MAX_TALLIED_CODES): FindingTally => {
  const byCode = new Map<string, Mutable>()
  let total = 0
  let other = 0
  return {
    add: (finding, file) => {
      total += 1
      const seen = byCode.get(finding.code)
      if (seen === undefined) {
        if (byCode.size >= maxCodes) {
          other += 1
          return
        }
        const where = at(finding, file)
        byCode.set(finding.code, {
          code: finding.code,
          service: finding.service,
          count: 1,
          categories: [finding.category],
          retryable: finding.retryable,
          known: finding.known,
          first: where,
          last: where,
        })
        return
      }
      seen.count += 1
      seen.last = at(finding, file)
      if (!seen.categories.includes(finding.category)) seen.categories.push(finding.category)
      if (seen.retryable !== finding.retryable) seen.retryable = 'mixed'
    },
    codes: () =>
      [...byCode.values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).map((t): CodeTally => ({ ...t, categories: [...t.categories] })),
    findings: () => total,
    otherFindings: () => other,
  }
}
