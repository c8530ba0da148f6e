import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultCatalog } from '../../src/catalog/index.js'
import { prefixOf } from '../../src/catalog/prefix.js'
import { pageData, pageHeaders, pageTable } from '../../src/docs/pageData.js'
import { servicePages } from '../../src/docs/pages.js'
import * as _ from '../../src/docs/search.js'
import { searchIndexBuilder, searchIndexOf, searchWith } from '../../src/docs/searchIndex.js'

const row = (over: Partial<_.SearchRow> = {}): _.PreparedRow =>
  _.prepareRow({ code: 'APIG.0308', service: 'APIG', status: '429', category: 'throttled', retry: 'backoff', message: 'The throttling threshold has been reached.', ...over })
const matches = (query: string, r: _.PreparedRow = row()): boolean => _.matchesQuery(_.parseQuery(query), r)

describe('parseQuery', () => {
  it('splits words, phrases, fields and exclusions', () => {
    expect(_.parseQuery('  Status:429  "Not Found" -retry:never quota ')).toEqual([
      { field: 'status', value: '429', negated: false },
      { field: null, value: 'not found', negated: false },
      { field: 'retry', value: 'never', negated: true },
      { field: null, value: 'quota', negated: false },
    ])
  })
  it('keeps unknown prefixes as text and drops empty terms', () => {
    expect(_.parseQuery('https://x.example "" AS.0001:')).toEqual([
      { field: null, value: 'https://x.example', negated: false },
      { field: null, value: 'as.0001:', negated: false },
    ])
    expect(_.parseQuery('')).toEqual([])
  })
  it('reads an unclosed quote to the end', () => {
    expect(_.parseQuery('message:"threshold has')).toEqual([{ field: 'message', value: 'threshold has', negated: false }])
  })
})

describe('matchesQuery', () => {
  it('matches everything on an empty query', () => {
    expect(matches('')).toBe(true)
  })
  it('matches plain words anywhere, without case, all of them', () => {
    expect(matches('apig.0308')).toBe(true)
    expect(matches('THROTTLING threshold')).toBe(true)
    expect(matches('429')).toBe(true)
    expect(matches('throttling quota')).toBe(false)
  })
  it('never matches across two fields', () => {
    expect(matches('backoff the')).toBe(true)
    expect(matches('backoff\nthe')).toBe(true) // two terms
    expect(matches('"backoff the"')).toBe(false)
  })
  it('limits field terms to their field', () => {
    expect(matches('code:0308')).toBe(true)
    expect(matches('message:0308')).toBe(false)
    expect(matches('category:throttled service:apig retry:back')).toBe(true)
    expect(matches('service:AS')).toBe(false)
  })
  it('reads status classes and exact statuses', () => {
    expect(matches('status:4xx')).toBe(true)
    expect(matches('status:4')).toBe(true)
    expect(matches('status:429')).toBe(true)
    expect(matches('status:42')).toBe(true)
    expect(matches('status:5xx')).toBe(false)
    expect(matches('status:4xx', row({ status: '' }))).toBe(false)
  })
  it('excludes with a leading dash', () => {
    expect(matches('-category:throttled')).toBe(false)
    expect(matches('-quota')).toBe(true)
    expect(matches('apig -status:5xx')).toBe(true)
  })
})

// -------------------------------------------------------------------------------------
// the library's spellings, filters, and the page's index
// -------------------------------------------------------------------------------------

const catalog = defaultCatalog()
const files = catalog.files()
const data = pageData(servicePages(files), files)
const table = pageTable(data)
const prefixes = _.prefixMapOf(pageHeaders(data))
const prepared = Array.from({ length: table.size }, (_x, i) => _.prepareRow(table.searchRow(i), prefixes))
const index = searchIndexOf(table.size, table.searchRow, prefixes)
const codesOf = (rows: ReadonlyArray<number>): ReadonlyArray<string> => rows.map((i) => table.row(i).code)

/** Every spelling `Catalog.lookupAll` takes for a code: its own, lower and upper case, and through each alias of its prefix. */
const spellings = (code: string): ReadonlyArray<string> => {
  const prefix = prefixOf(code)
  const aliases =
    prefix === null
      ? []
      : files.flatMap(({ file }) =>
          Object.entries(file.aliases ?? {})
            .filter(([, target]) => target.toLowerCase() === prefix.toLowerCase())
            .map(([alias]) => `${alias}${code.slice(prefix.length)}`),
        )
  return [code, code.toLowerCase(), code.toUpperCase(), ...aliases, ...aliases.map((a) => a.toLowerCase())]
}

describe('codes in every spelling the library takes', () => {
  it('gives two spellings the same key exactly when lookupAll finds the same entries', () => {
    const byKey = new Map<string, Array<string>>()
    for (let i = 0; i < table.size; i++) {
      const row = table.row(i)
      const key = _.codeKey(prefixes, row.code)
      byKey.set(key, [...(byKey.get(key) ?? []), `${row.code} ${row.status} ${row.service}`])
    }
    let checked = 0
    let aliased = 0
    for (const entry of catalog.entries()) {
      for (const spelling of spellings(entry.code)) {
        const page = [...(byKey.get(_.codeKey(prefixes, spelling)) ?? [])].sort()
        const library = catalog.lookupAll(spelling).map((e) => `${e.code} ${e.status} ${e.api}`).sort()
        expect(page, spelling).toEqual(library)
        checked++
        if (prefixOf(spelling)?.toLowerCase() !== prefixOf(entry.code)?.toLowerCase()) aliased++
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3 * catalog.entries().length)
    expect(aliased).toBeGreaterThan(0)
  })
  it('finds APIG.0308 by APIGW.0308 and Ecs.0005 by ecs.0005, exact matches first', () => {
    for (const [query, code] of [['APIGW.0308', 'APIG.0308'], ['apigw.0308', 'APIG.0308'], ['ecs.0005', 'Ecs.0005'], ['ECS.0005', 'Ecs.0005']] as const) {
      const found = codesOf(_.searchRows(prepared, _.compileQuery(query, prefixes), _.NO_FILTERS))
      const variants = catalog.lookupAll(query).length
      expect(variants, query).toBeGreaterThan(0)
      expect(found.slice(0, variants), query).toEqual(Array(variants).fill(code))
    }
  })
  it('reads the start of an alias spelling as the start of the code, as it is typed', () => {
    for (const typed of ['apigw', 'apigw.', 'apigw.03', 'code:APIGW.03']) {
      const found = codesOf(_.searchRows(prepared, _.compileQuery(typed, prefixes), _.NO_FILTERS))
      expect(found.length, typed).toBeGreaterThan(0)
      expect(found.filter((c) => c.startsWith('APIG.')).length, typed).toBe(found.filter((c) => c.toLowerCase().includes('apig')).length)
    }
    expect(codesOf(_.searchRows(prepared, _.compileQuery('apigw.03', prefixes), _.NO_FILTERS)).every((c) => c.startsWith('APIG.03'))).toBe(true)
    expect(codesOf(_.searchRows(prepared, _.compileQuery('-apigw.0308 apig.030', prefixes), _.NO_FILTERS))).not.toContain('APIG.0308')
  })
})

describe('matchesFilters', () => {
  const rds = _.prepareRow({ code: 'RDS.0015', service: 'RDS', status: '409', category: 'conflict', retry: 'never', message: 'In use.' })
  const bare = _.prepareRow({ code: 'NoSuchKey', service: 'OBS', status: '', category: 'not-found', retry: 'never', message: 'Missing.' })
  it('matches service and category exactly, without case', () => {
    expect(_.matchesFilters({ ..._.NO_FILTERS, service: 'rds' }, rds)).toBe(true)
    expect(_.matchesFilters({ ..._.NO_FILTERS, service: 'RD' }, rds)).toBe(false)
    expect(_.matchesFilters({ ..._.NO_FILTERS, category: 'conflict' }, rds)).toBe(true)
    expect(_.matchesFilters({ ..._.NO_FILTERS, category: 'con' }, rds)).toBe(false)
  })
  it('matches a status exactly, by class, or none', () => {
    expect(_.matchesFilters({ ..._.NO_FILTERS, status: '409' }, rds)).toBe(true)
    expect(_.matchesFilters({ ..._.NO_FILTERS, status: '40' }, rds)).toBe(false)
    expect(_.matchesFilters({ ..._.NO_FILTERS, status: '4xx' }, rds)).toBe(true)
    expect(_.matchesFilters({ ..._.NO_FILTERS, status: '5xx' }, rds)).toBe(false)
    expect(_.matchesFilters({ ..._.NO_FILTERS, status: '4xx' }, bare)).toBe(false)
    expect(_.matchesFilters({ ..._.NO_FILTERS, status: 'none' }, bare)).toBe(true)
    expect(_.matchesFilters({ ..._.NO_FILTERS, status: 'none' }, rds)).toBe(false)
  })
  it('narrows a search of the whole catalogue', () => {
    const filters = { service: 'RDS', category: 'quota', status: '' }
    const found = _.searchRows(prepared, [], filters).map((i) => table.row(i))
    expect(found.length).toBeGreaterThan(0)
    expect(found.every((r) => r.service === 'RDS' && r.category === 'quota')).toBe(true)
    expect(found.length).toBe(catalog.entries().filter((e) => e.api === 'RDS' && e.category === 'quota').length)
  })
})

describe('the page index (searchWith)', () => {
  const rowArb = fc.integer({ min: 0, max: table.size - 1 }).map((i) => table.searchRow(i))
  const piece = (text: string) => fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 })).map(([at, n]) => text.slice(at % Math.max(1, text.length), (at % Math.max(1, text.length)) + n))
  const word = rowArb.chain((row) =>
    fc.oneof(
      piece(row.code),
      piece(row.message),
      fc.constantFrom(...spellings(row.code)),
      fc.constant(`status:${row.status === '' ? '4xx' : row.status.slice(0, 1)}xx`),
      fc.constant(`status:${row.status}`),
      fc.constant(`category:${row.category.slice(0, 3)}`),
      fc.constant(`service:${row.service.slice(0, 2)}`),
      fc.constant(`retry:${row.retry.slice(0, 2)}`),
      piece(row.code).map((p) => `code:${p}`),
      piece(row.message).map((p) => `message:"${p}"`),
    ),
  )
  const term = fc.tuple(fc.boolean(), word).map(([negated, w]) => (negated && !w.includes('"') ? `-${w}` : w))
  const filters = rowArb.chain((row) =>
    fc.record({
      service: fc.constantFrom('', row.service),
      category: fc.constantFrom('', row.category),
      status: fc.constantFrom('', row.status, row.status === '' ? 'none' : `${row.status.slice(0, 1)}xx`),
    }),
  )
  it('answers exactly as the reference search over prepared rows', () => {
    fc.assert(
      fc.property(fc.array(term, { minLength: 0, maxLength: 3 }), filters, (terms, chosen) => {
        const query = _.compileQuery(terms.join(' '), prefixes)
        expect(searchWith(index, query, chosen)).toEqual(_.searchRows(prepared, query, chosen))
      }),
      { numRuns: 150 },
    )
  })
  it('finds the alias spelling and handles odd text', () => {
    expect(codesOf(searchWith(index, _.compileQuery('APIGW.0308', prefixes), _.NO_FILTERS))[0]).toBe('APIG.0308')
    expect(searchWith(index, _.compileQuery('\u0000', prefixes), _.NO_FILTERS)).toEqual([])
    expect(searchWith(index, [], _.NO_FILTERS)).toHaveLength(table.size)
    const none = searchIndexOf(0, () => table.searchRow(0), prefixes)
    expect(searchWith(none, _.compileQuery('a', prefixes), _.NO_FILTERS)).toEqual([])
  })
  it('is the same index when made a slice of rows at a time', () => {
    const builder = searchIndexBuilder(table.size, table.searchRow, prefixes)
    let steps = 1
    let sliced = builder.step(1000)
    while (sliced === undefined) {
      sliced = builder.step(1000)
      steps++
    }
    expect(steps).toBe(Math.ceil(table.size / 1000))
    expect(sliced.text).toBe(index.text)
    expect([...sliced.starts]).toEqual([...index.starts])
    expect(builder.step(1000)).toBe(sliced)
    expect(builder.finish()).toBe(sliced)
  })
  it('indexes text whose length changes when lower-cased', () => {
    const rows = [
      { code: 'X.1', service: 'X', status: '400', category: 'validation', retry: 'never', message: 'İstanbul region only' },
      { code: 'X.2', service: 'X', status: '404', category: 'not-found', retry: 'never', message: 'plain' },
    ]
    const odd = searchIndexOf(rows.length, (i) => rows[i] as _.SearchRow, new Map())
    const builder = searchIndexBuilder(rows.length, (i) => rows[i] as _.SearchRow, new Map())
    expect(builder.step(1)).toBeUndefined()
    const sliced = builder.finish()
    expect(sliced.text).toBe(odd.text)
    const reference = rows.map((r) => _.prepareRow(r))
    for (const q of ['plain', 'istanbul', 'status:404', 'x.2', 'region']) {
      expect(searchWith(odd, _.compileQuery(q, new Map()), _.NO_FILTERS), q).toEqual(_.searchRows(reference, _.compileQuery(q, new Map()), _.NO_FILTERS))
      expect(searchWith(sliced, _.compileQuery(q, new Map()), _.NO_FILTERS), q).toEqual(_.searchRows(reference, _.compileQuery(q, new Map()), _.NO_FILTERS))
    }
  })
})
