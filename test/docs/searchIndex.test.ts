// The index over generated rows (search.test.ts compares it with the reference over the shipped
// catalogue): text built to straddle field ends, characters whose lower case is longer, the
// end mark inside a field, empty fields.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as _ from '../../src/docs/searchIndex.js'
import { compileQuery, NO_FILTERS, prefixMapOf, prepareRow, searchRows, type SearchRow } from '../../src/docs/search.js'

const prefixes = prefixMapOf([{ prefixes: ['AB', 'X'], aliases: { ABW: 'AB' } }])
const FIELDS = ['code', 'service', 'status', 'category', 'retry', 'message'] as const

const bit = fc.constantFrom('a', 'b', 'ab', '.', '1', 'İ', 'ß', '\u0000', ' ', 'x', '0')
const textArb = fc.array(bit, { maxLength: 5 }).map((parts) => parts.join(''))
const rowArb: fc.Arbitrary<SearchRow> = fc.record({
  code: fc.oneof(fc.tuple(fc.constantFrom('AB', 'ABW', 'X', 'ab', 'Q'), fc.constantFrom('.1', '.10', '.ab', '')).map(([p, s]) => p + s), textArb),
  service: fc.constantFrom('AB', 'X', 'Ab', ''),
  status: fc.constantFrom('400', '404', '500', ''),
  category: fc.constantFrom('validation', 'not-found', 'server'),
  retry: fc.constantFrom('never', 'backoff'),
  message: textArb,
})
const rowsArb = fc.array(rowArb, { maxLength: 12 })
const word = fc.oneof(
  textArb.filter((t) => t.trim() !== '' && !t.includes('"')),
  fc.constantFrom('ab.1', 'abw.1', 'ABW.10', 'x.ab', 'b\u0000a', 'status:4xx', 'status:404', 'category:not', 'service:a', 'retry:ne', 'code:ab', 'message:b', '-ab', '-status:5xx', '-code:x'),
)
const filtersArb = fc.record({ service: fc.constantFrom('', 'AB', 'ab', 'X'), category: fc.constantFrom('', 'server'), status: fc.constantFrom('', '404', '4xx', 'none') })

describe('searchIndexOf', () => {
  it('holds every field lower-cased and ended by U+0000, at the offsets it records', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const index = _.searchIndexOf(rows.length, (i) => rows[i]!, prefixes)
        expect(index.size).toBe(rows.length)
        expect(index.starts.length).toBe(rows.length * 7 + 1)
        expect(index.starts[rows.length * 7]).toBe(index.text.length)
        rows.forEach((row, r) => {
          FIELDS.forEach((field, f) => {
            const from = index.starts[r * 7 + f]!
            const to = index.starts[r * 7 + f + 1]!
            expect(index.text.slice(from, to)).toBe(`${row[field].split('\u0000').join(' ').toLowerCase()}\u0000`)
          })
        })
        for (let i = 1; i < index.starts.length; i++) expect(index.starts[i]!).toBeGreaterThan(index.starts[i - 1]!)
      }),
    )
  })
  it('is empty for no rows', () => {
    const index = _.searchIndexOf(0, () => ({ code: '', service: '', status: '', category: '', retry: '', message: '' }), prefixes)
    expect([index.size, index.text, [...index.starts]]).toEqual([0, '', [0]])
  })
})

describe('searchIndexBuilder', () => {
  it('makes the same index whatever the slices, and keeps giving it once done', () => {
    fc.assert(
      fc.property(rowsArb, fc.array(fc.integer({ min: -1, max: 5 }), { maxLength: 20 }), (rows, slices) => {
        const whole = _.searchIndexOf(rows.length, (i) => rows[i]!, prefixes)
        const builder = _.searchIndexBuilder(rows.length, (i) => rows[i]!, prefixes)
        let built: _.SearchIndex | undefined
        for (const n of slices) built = builder.step(n) ?? built
        const done = builder.finish()
        if (built !== undefined) expect(done).toBe(built)
        expect(done.text).toBe(whole.text)
        expect([...done.starts]).toEqual([...whole.starts])
        expect(builder.step(1)).toBe(done)
      }),
    )
  })
  it('reads each row once', () => {
    const rows = Array.from({ length: 7 }, (_x, i) => ({ code: `AB.${i}`, service: 'AB', status: '400', category: 'validation', retry: 'never', message: `m${i}` }))
    const reads: Array<number> = []
    const builder = _.searchIndexBuilder(rows.length, (i) => (reads.push(i), rows[i]!), prefixes)
    expect(builder.step(3)).toBeUndefined()
    expect(builder.step(0)).toBeUndefined()
    builder.finish()
    expect(reads).toEqual([0, 1, 2, 3, 4, 5, 6])
  })
})

describe('searchWith', () => {
  it('answers exactly as the reference search over prepared rows', () => {
    fc.assert(
      fc.property(rowsArb, fc.array(word, { maxLength: 3 }), filtersArb, (rows, words, filters) => {
        const index = _.searchIndexOf(rows.length, (i) => rows[i]!, prefixes)
        const prepared = rows.map((r) => prepareRow(r, prefixes))
        const query = compileQuery(words.join(' '), prefixes)
        expect(_.searchWith(index, query, filters)).toEqual(searchRows(prepared, query, filters))
      }),
      { numRuns: 400 },
    )
  })
  it('puts the rows whose code the query spells exactly first, through an alias too', () => {
    const rows = ['AB.10', 'AB.1', 'X.1'].map((code) => ({ code, service: 'AB', status: '400', category: 'validation', retry: 'never', message: '' }))
    const index = _.searchIndexOf(rows.length, (i) => rows[i]!, prefixes)
    expect(_.searchWith(index, compileQuery('AB.1', prefixes), NO_FILTERS)).toEqual([1, 0])
    expect(_.searchWith(index, compileQuery('ABW.1', prefixes), NO_FILTERS)).toEqual([1, 0])
    expect(_.searchWith(index, compileQuery('.1', prefixes), NO_FILTERS)).toEqual([0, 1, 2])
    expect(_.searchWith(index, [], { ...NO_FILTERS, service: 'ab' })).toEqual([0, 1, 2])
  })
  it('finds no text across the end of a field', () => {
    const rows = [{ code: 'AB.1', service: 'AB', status: '400', category: 'validation', retry: 'never', message: 'x' }]
    const index = _.searchIndexOf(rows.length, (i) => rows[i]!, prefixes)
    expect(_.searchWith(index, compileQuery('ab.1ab', prefixes), NO_FILTERS)).toEqual([])
    expect(_.searchWith(index, compileQuery('"ab.1 ab"', prefixes), NO_FILTERS)).toEqual([])
    expect(_.searchWith(index, compileQuery('neverx', prefixes), NO_FILTERS)).toEqual([])
  })
})
