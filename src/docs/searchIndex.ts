/**
 * The search of the HTML page over the whole catalogue, fast: every row's fields, lower-cased,
 * in one string, with the offsets of each field. Making it is one join and one `toLowerCase`
 * (no object per row), and a term is found by scanning that string with `indexOf`, jumping to
 * the next row after a hit. It answers exactly as `matchesQuery`, `matchesFilters` and
 * `searchRows` do over prepared rows (`search.ts`, the reference the tests compare it with).
 *
 * @since 0.1.0
 */
import { asText, codeKey, type CompiledTerm, type PrefixMap, type SearchFilters, type SearchRow, type SearchTerm } from './search.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** The fields of a row in the index, in order: the search fields, then the code's key. */
const CODE = 0
const SERVICE = 1
const STATUS = 2
const CATEGORY = 3
const RETRY = 4
const MESSAGE = 5
const KEY = 6
const STRIDE = 7
/** Ends every field; never in a field (it is taken out) or in a term (such a term matches nothing). */
const END = '\u0000'

/**
 * A search index (see `searchIndexOf`).
 *
 * @example
 * import { searchIndexOf } from './searchIndex.js'
 * import type { SearchIndex } from './searchIndex.js'
 * const index: SearchIndex = searchIndexOf(0, () => ({ code: '', service: '', status: '', category: '', retry: '', message: '' }), new Map())
 *
 * @since 0.1.0
 * @category model
 */
export interface SearchIndex {
  readonly size: number
  /** Each row's fields (code, service, status, category, retry, message, key), lower-cased, each ended by U+0000. */
  readonly text: string
  /** Where field `f` of row `r` starts: `starts[r * 7 + f]`; `starts[size * 7]` is the text's length. */
  readonly starts: Int32Array
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------


/**
 * Makes a search index a slice of rows at a time, so that a page can make it while it is idle
 * without holding up a keystroke: `step(n)` adds the next `n` rows and gives the index once all
 * are in; `finish()` adds the rest at once.
 *
 * @example
 * import { searchIndexBuilder } from './searchIndex.js'
 * const rows = [{ code: 'AS.0001', service: 'AS', status: '500', category: 'server', retry: 'backoff', message: 'System error.' }]
 * const builder = searchIndexBuilder(rows.length, (i) => rows[i]!, new Map())
 * builder.step(1)?.size // 1
 *
 * @since 0.1.0
 * @category constructors
 */
export interface SearchIndexBuilder {
  readonly step: (rows: number) => SearchIndex | undefined
  readonly finish: () => SearchIndex
}

/**
 * A builder of the index of `size` rows, read one by one with `rowAt`; `prefixes` (see
 * `prefixMapOf`) give each code's key.
 *
 * @example
 * import { searchIndexBuilder } from './searchIndex.js'
 * searchIndexBuilder(0, () => ({ code: '', service: '', status: '', category: '', retry: '', message: '' }), new Map()).finish().size // 0
 *
 * @since 0.1.0
 * @category constructors
 */
export const searchIndexBuilder = (size: number, rowAt: (index: number) => SearchRow, prefixes: PrefixMap): SearchIndexBuilder => {
  const starts = new Int32Array(size * STRIDE + 1)
  const pieces: Array<string> = []
  let next = 0
  let offset = 0
  let done: SearchIndex | undefined
  const step = (rows: number): SearchIndex | undefined => {
    if (done !== undefined) return done
    const to = Math.min(size, next + Math.max(1, rows))
    const fields: Array<string> = []
    for (let r = next; r < to; r++) {
      const row = rowAt(r)
      fields.push(row.code, row.service, row.status, row.category, row.retry, row.message, codeKey(prefixes, row.code))
    }
    const cleaned = fields.map(asText)
    let piece = cleaned.length === 0 ? '' : `${cleaned.join(END)}${END}`.toLowerCase()
    // Lower-casing can change a length (U+0130 becomes two code units): then field by field.
    const lowered = piece.length === cleaned.reduce((n, f) => n + f.length + 1, 0) ? cleaned : cleaned.map((f) => f.toLowerCase())
    if (lowered !== cleaned) piece = `${lowered.join(END)}${END}`
    lowered.forEach((field, i) => {
      starts[next * STRIDE + i] = offset
      offset += field.length + 1
    })
    pieces.push(piece)
    next = to
    if (next < size) return undefined
    starts[size * STRIDE] = offset
    done = { size, text: pieces.join(''), starts }
    return done
  }
  const finish = (): SearchIndex => {
    let index = step(size)
    // One step of `size` rows adds all that are left: this loop runs once.
    while (index === undefined) index = step(size)
    return index
  }
  return { step, finish }
}

/**
 * The index of `size` rows, read one by one with `rowAt`; `prefixes` (see `prefixMapOf`) give
 * each code's key.
 *
 * @example
 * import { searchIndexOf } from './searchIndex.js'
 * const rows = [{ code: 'AS.0001', service: 'AS', status: '500', category: 'server', retry: 'backoff', message: 'System error.' }]
 * searchIndexOf(rows.length, (i) => rows[i]!, new Map()).text.startsWith('as.0001\u0000as\u0000500') // true
 *
 * @since 0.1.0
 * @category constructors
 */
export const searchIndexOf = (size: number, rowAt: (index: number) => SearchRow, prefixes: PrefixMap): SearchIndex =>
  searchIndexBuilder(size, rowAt, prefixes).finish()

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

const at = (index: SearchIndex, row: number, field: number): number => index.starts[row * STRIDE + field] as number
/** The length of a field (without its end mark). */
const lengthOf = (index: SearchIndex, row: number, field: number): number => at(index, row, field + 1) - at(index, row, field) - 1

const startsWithAt = (index: SearchIndex, row: number, field: number, value: string): boolean =>
  value.length <= lengthOf(index, row, field) && index.text.startsWith(value, at(index, row, field))

const equalsAt = (index: SearchIndex, row: number, field: number, value: string): boolean =>
  value.length === lengthOf(index, row, field) && index.text.startsWith(value, at(index, row, field))

/** Marks the rows where `value` occurs in one of the fields `from`..`to`. */
const scan = (index: SearchIndex, value: string, from: number, to: number, hits: Uint8Array): void => {
  const { text, size } = index
  let row = 0
  let position = text.indexOf(value, at(index, 0, from))
  while (position !== -1) {
    while (row + 1 < size && at(index, row + 1, 0) <= position) row++
    let field = 0
    while (field < KEY && at(index, row, field + 1) <= position) field++
    if (field < from) {
      position = text.indexOf(value, at(index, row, from))
      continue
    }
    if (field <= to) hits[row] = 1
    if (row + 1 >= size) break
    position = text.indexOf(value, at(index, row + 1, from))
  }
}

/** The rows a term matches (ignoring its `-`). */
const termHits = (index: SearchIndex, term: SearchTerm | CompiledTerm): Uint8Array => {
  const hits = new Uint8Array(index.size)
  const { value } = term
  if (value.includes(END)) return hits
  const key = 'key' in term ? term.key : null
  const each = (test: (row: number) => boolean): void => {
    for (let r = 0; r < index.size; r++) if (test(r)) hits[r] = 1
  }
  switch (term.field) {
    case null:
      scan(index, value, CODE, MESSAGE, hits)
      if (key !== null) scan(index, key, KEY, KEY, hits)
      break
    case 'code':
      scan(index, value, CODE, CODE, hits)
      if (key !== null) scan(index, key, KEY, KEY, hits)
      break
    case 'message':
      scan(index, value, MESSAGE, MESSAGE, hits)
      break
    case 'status': {
      const prefix = value.replace(/x+$/, '')
      each((r) => lengthOf(index, r, STATUS) > 0 && startsWithAt(index, r, STATUS, prefix))
      break
    }
    case 'service':
      each((r) => startsWithAt(index, r, SERVICE, value))
      break
    case 'category':
      each((r) => startsWithAt(index, r, CATEGORY, value))
      break
    case 'retry':
      each((r) => startsWithAt(index, r, RETRY, value))
      break
  }
  return hits
}

const passes = (index: SearchIndex, filters: SearchFilters, row: number): boolean => {
  if (filters.service !== '' && !equalsAt(index, row, SERVICE, filters.service.toLowerCase())) return false
  if (filters.category !== '' && !equalsAt(index, row, CATEGORY, filters.category.toLowerCase())) return false
  const status = filters.status.toLowerCase()
  if (status === '') return true
  if (status === 'none') return lengthOf(index, row, STATUS) === 0
  const prefix = status.replace(/x+$/, '')
  return status === prefix ? equalsAt(index, row, STATUS, status) : lengthOf(index, row, STATUS) > 0 && startsWithAt(index, row, STATUS, prefix)
}

/**
 * The rows that match the terms and the filters, as `searchRows` gives them: in row order,
 * except that rows whose code is exactly a code the query spells come first.
 *
 * @example
 * import { compileQuery, NO_FILTERS, prefixMapOf } from './search.js'
 * import { searchIndexOf, searchWith } from './searchIndex.js'
 * const prefixes = prefixMapOf([{ prefixes: ['APIG'], aliases: { APIGW: 'APIG' } }])
 * const rows = ['APIG.03080', 'APIG.0308'].map((code) => ({ code, service: 'APIG', status: '429', category: 'throttled', retry: 'backoff', message: '' }))
 * searchWith(searchIndexOf(rows.length, (i) => rows[i]!, prefixes), compileQuery('APIGW.0308', prefixes), NO_FILTERS) // [1, 0]
 *
 * @since 0.1.0
 * @category destructors
 */
export const searchWith = (index: SearchIndex, terms: ReadonlyArray<SearchTerm | CompiledTerm>, filters: SearchFilters): ReadonlyArray<number> => {
  const keep = new Uint8Array(index.size).fill(1)
  if (filters.service !== '' || filters.category !== '' || filters.status !== '') {
    for (let r = 0; r < index.size; r++) if (!passes(index, filters, r)) keep[r] = 0
  }
  const exact = new Set<string>()
  for (const term of terms) {
    const hits = termHits(index, term)
    for (let r = 0; r < index.size; r++) if (hits[r] === (term.negated ? 1 : 0)) keep[r] = 0
    if (term.negated || (term.field !== null && term.field !== 'code')) continue
    exact.add(term.value)
    if ('key' in term && term.key !== null) exact.add(term.key)
  }
  const first: Array<number> = []
  const rest: Array<number> = []
  for (let r = 0; r < index.size; r++) {
    if (keep[r] === 0) continue
    let isExact = false
    for (const code of exact) if (equalsAt(index, r, KEY, code)) isExact = true
    if (isExact) first.push(r)
    else rest.push(r)
  }
  return first.length === 0 ? rest : first.concat(rest)
}
