/**
 * The search of the HTML page, as pure functions (they run in the browser bundle and in the
 * tests alike). A query is a list of terms, all of which must match: plain words and
 * `"quoted phrases"` match anywhere in a row, `field:value` matches one field
 * (`status:4xx`, `category:quota`, `retry:after`, `service:AS`, `code:0308`, `message:token`),
 * and a leading `-` excludes what a term matches. A term that spells a code the way the library
 * accepts it (an alias prefix such as `APIGW.0308`, any case such as `ecs.0005`) finds the
 * catalogue's spelling (`APIG.0308`, `Ecs.0005`), by the rules of `Catalog.lookupAll`. The
 * page's filters (service, category, status) narrow the rows further.
 *
 * @since 0.1.0
 */
import type { CatalogFile } from '../catalog/codec.js'
import { prefixOf } from '../catalog/prefix.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The fields a term can name.
 *
 * @example
 * import { SEARCH_FIELDS } from './search.js'
 * SEARCH_FIELDS.includes('status') // true
 *
 * @since 0.1.0
 * @category model
 */
export const SEARCH_FIELDS = ['code', 'service', 'status', 'category', 'retry', 'message'] as const

/**
 * A field a term can name.
 *
 * @example
 * import type { SearchField } from './search.js'
 * const field: SearchField = 'category'
 *
 * @since 0.1.0
 * @category model
 */
export type SearchField = (typeof SEARCH_FIELDS)[number]

/**
 * A row as the search sees it: every field as text (`status` is `''` when none is documented).
 *
 * @example
 * import type { SearchRow } from './search.js'
 * const row: SearchRow = { code: 'AS.0001', service: 'AS', status: '500', category: 'server', retry: 'backoff', message: 'System error.' }
 *
 * @since 0.1.0
 * @category model
 */
export type SearchRow = Readonly<Record<SearchField, string>>

/**
 * One term of a query: lower-cased text, the field it is limited to (null for anywhere), and
 * whether it excludes instead of requires.
 *
 * @example
 * import { parseQuery } from './search.js'
 * parseQuery('-status:5xx') // [{ field: 'status', value: '5xx', negated: true }]
 *
 * @since 0.1.0
 * @category model
 */
export interface SearchTerm {
  readonly field: SearchField | null
  readonly value: string
  readonly negated: boolean
}

/**
 * A row made ready for matching: its fields lower-cased, all of them joined (with a line
 * break, so that no term matches across two fields), and the lookup key of its code (lower case,
 * the prefix spelled as the catalogue spells it; see `codeKey`).
 *
 * @example
 * import { prepareRow } from './search.js'
 * prepareRow({ code: 'AS.0001', service: 'AS', status: '500', category: 'server', retry: 'backoff', message: 'System error.' }).code // 'as.0001'
 *
 * @since 0.1.0
 * @category model
 */
export interface PreparedRow extends SearchRow {
  readonly all: string
  readonly key: string
}

/**
 * Every prefix spelling the catalogue accepts, lower-cased, mapped to the lower-cased prefix it
 * stands for (see `prefixMapOf`).
 *
 * @example
 * import type { PrefixMap } from './search.js'
 * const prefixes: PrefixMap = new Map([['apig', 'apig'], ['apigw', 'apig']])
 *
 * @since 0.1.0
 * @category model
 */
export type PrefixMap = ReadonlyMap<string, string>

/**
 * A term made ready for matching. For a term that can name a code (a plain term or `code:`),
 * `key` is its text read as a code's lookup key (see `codeKey`): with the prefix the catalogue
 * uses when the text starts with an alias (`apig.03` for `apigw.03`), else the text itself; a
 * row matches when its key contains it. Null for the other fields.
 *
 * @example
 * import { compileQuery, prefixMapOf } from './search.js'
 * compileQuery('APIGW.0308', prefixMapOf([{ prefixes: ['APIG'], aliases: { APIGW: 'APIG' } }]))
 * // [{ field: null, value: 'apigw.0308', negated: false, key: 'apig.0308' }]
 *
 * @since 0.1.0
 * @category model
 */
export interface CompiledTerm extends SearchTerm {
  readonly key: string | null
}

/**
 * The page's filters: a service (the page a code is on), a category, and a status (`409`, a
 * class such as `4xx`, or `none` for codes without a documented one); `''` means any.
 *
 * @example
 * import type { SearchFilters } from './search.js'
 * const filters: SearchFilters = { service: 'RDS', category: 'quota', status: '409' }
 *
 * @since 0.1.0
 * @category model
 */
export interface SearchFilters {
  readonly service: string
  readonly category: string
  readonly status: string
}

/**
 * No filter: every service, category and status.
 *
 * @example
 * import { NO_FILTERS } from './search.js'
 * NO_FILTERS.service // ''
 *
 * @since 0.1.0
 * @category model
 */
export const NO_FILTERS: SearchFilters = { service: '', category: '', status: '' }

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const FIELD_SET: ReadonlySet<string> = new Set(SEARCH_FIELDS)

/**
 * Splits a query into terms. Unknown `name:` prefixes are plain text (so `AS.0001:` or a URL
 * still match literally); empty terms are dropped.
 *
 * @example
 * import { parseQuery } from './search.js'
 * parseQuery('Status:429 "not found" quota') // [{ field: 'status', value: '429', negated: false }, { field: null, value: 'not found', negated: false }, { field: null, value: 'quota', negated: false }]
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseQuery = (query: string): ReadonlyArray<SearchTerm> => {
  const terms: Array<SearchTerm> = []
  const token = /(-?)(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))/g
  for (const match of query.matchAll(token)) {
    const [whole, minus = '', name, quoted, bare] = match
    const field = name !== undefined && FIELD_SET.has(name.toLowerCase()) ? (name.toLowerCase() as SearchField) : null
    const text = (quoted ?? bare ?? '').trim().toLowerCase()
    // An unknown `name:` stays part of the text it was written with.
    const value = field === null && name !== undefined ? whole.slice(minus.length).replace(/"/g, '').trim().toLowerCase() : text
    if (value === '') continue
    terms.push({ field, value, negated: minus === '-' })
  }
  return terms
}

/**
 * The prefix spellings of catalogue files, as the library's catalogue reads them: each file's
 * own prefixes and the prefixes it shares (spelled as the first file that has them spells
 * them), then the aliases, each standing for the prefix it names. Keys and values lower-cased.
 *
 * @example
 * import { prefixMapOf } from './search.js'
 * prefixMapOf([{ prefixes: ['APIG'], aliases: { APIGW: 'APIG' } }, { prefixes: ['Ecs'] }]).get('apigw') // 'apig'
 *
 * @since 0.1.0
 * @category constructors
 */
export const prefixMapOf = (headers: ReadonlyArray<Pick<Partial<CatalogFile>, 'prefixes' | 'sharedPrefixes' | 'aliases'>>): PrefixMap => {
  const prefixes = new Map<string, string>()
  for (const key of ['prefixes', 'sharedPrefixes'] as const) {
    for (const header of headers) {
      for (const p of header[key] ?? []) if (!prefixes.has(p.toLowerCase())) prefixes.set(p.toLowerCase(), p.toLowerCase())
    }
  }
  for (const header of headers) {
    for (const [alias, target] of Object.entries(header.aliases ?? {})) {
      if (!prefixes.has(alias.toLowerCase())) prefixes.set(alias.toLowerCase(), prefixes.get(target.toLowerCase()) ?? target.toLowerCase())
    }
  }
  return prefixes
}

/**
 * The lookup key of a code, as `Catalog.lookupAll` computes it: trimmed, lower case, its prefix
 * (see `prefixOf`) replaced by the one it spells. Two spellings the library takes for the same
 * code have the same key.
 *
 * @example
 * import { codeKey, prefixMapOf } from './search.js'
 * const prefixes = prefixMapOf([{ prefixes: ['APIG'], aliases: { APIGW: 'APIG' } }])
 * codeKey(prefixes, ' APIGW.0308') // 'apig.0308'
 * codeKey(prefixes, 'NoSuchBucket') // 'nosuchbucket'
 *
 * @since 0.1.0
 * @category constructors
 */
export const codeKey = (prefixes: PrefixMap, code: string): string => {
  const lower = code.trim().toLowerCase()
  const prefix = prefixOf(lower)
  if (prefix === null) return lower
  return `${prefixes.get(prefix) ?? prefix}${lower.slice(prefix.length)}`
}

/**
 * Lower-cases a row's fields once, so that filtering thousands of rows per keystroke is cheap.
 * With the catalogue's prefixes, the row's key reads aliases as the library does.
 *
 * @example
 * import { prepareRow } from './search.js'
 * prepareRow({ code: 'AS.0001', service: 'AS', status: '500', category: 'server', retry: 'backoff', message: 'System error.' }).all.includes('system error') // true
 *
 * @since 0.1.0
 * @category constructors
 */
export const prepareRow = (row: SearchRow, prefixes: PrefixMap = new Map()): PreparedRow => {
  const code = asText(row.code)
  const lower = {
    code: code.toLowerCase(),
    service: asText(row.service).toLowerCase(),
    status: asText(row.status).toLowerCase(),
    category: asText(row.category).toLowerCase(),
    retry: asText(row.retry).toLowerCase(),
    message: asText(row.message).toLowerCase(),
  }
  return { ...lower, all: SEARCH_FIELDS.map((f) => lower[f]).join('\n'), key: codeKey(prefixes, code) }
}

/**
 * A row's text as the search reads it: U+0000 (the page's index ends its fields with it) reads
 * as a space, so no row holds one, and a query that holds one finds nothing.
 *
 * @example
 * import { asText } from './search.js'
 * asText('a\u0000b') // 'a b'
 *
 * @since 0.1.0
 * @category constructors
 */
export const asText = (text: string): string => (text.includes('\u0000') ? text.split('\u0000').join(' ') : text)

/**
 * A term's text read as (part of) a code's key: its prefix, or the whole text when it is one
 * (`apigw`), replaced by the prefix it spells; else the text itself.
 */
const termKey = (prefixes: PrefixMap, value: string): string => {
  const prefix = prefixOf(value)
  const canonical = prefixes.get(prefix ?? value)
  if (canonical === undefined) return value
  return prefix === null ? canonical : `${canonical}${value.slice(prefix.length)}`
}

/**
 * Parses a query (see `parseQuery`) and reads each term that spells a code through an alias
 * prefix as that code (see `CompiledTerm`).
 *
 * @example
 * import { compileQuery, prefixMapOf } from './search.js'
 * const prefixes = prefixMapOf([{ prefixes: ['APIG'], aliases: { APIGW: 'APIG' } }])
 * compileQuery('apigw.03 quota -status:5xx', prefixes).map((t) => t.key) // ['apig.03', 'quota', null]
 *
 * @since 0.1.0
 * @category constructors
 */
export const compileQuery = (query: string, prefixes: PrefixMap): ReadonlyArray<CompiledTerm> =>
  parseQuery(query).map((term) => ({ ...term, key: term.field === null || term.field === 'code' ? termKey(prefixes, term.value) : null }))

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

const termMatches = (term: SearchTerm | CompiledTerm, row: PreparedRow): boolean => {
  const key = 'key' in term ? term.key : null
  switch (term.field) {
    case null:
      return row.all.includes(term.value) || (key !== null && row.key.includes(key))
    case 'code':
      return row.code.includes(term.value) || (key !== null && row.key.includes(key))
    case 'message':
      return row.message.includes(term.value)
    case 'status': {
      // `4xx`, `4x` and `4` all mean the class; a full status matches exactly.
      const prefix = term.value.replace(/x+$/, '')
      return row.status !== '' && row.status.startsWith(prefix)
    }
    case 'service':
    case 'category':
    case 'retry':
      return row[term.field].startsWith(term.value)
  }
}

/**
 * Whether a row matches every term of a query (an empty query matches every row).
 *
 * @example
 * import { matchesQuery, parseQuery, prepareRow } from './search.js'
 * const row = prepareRow({ code: 'APIG.0308', service: 'APIG', status: '429', category: 'throttled', retry: 'backoff', message: 'The throttling threshold has been reached.' })
 * matchesQuery(parseQuery('status:4xx throttl'), row) // true
 * matchesQuery(parseQuery('-category:throttled'), row) // false
 *
 * @since 0.1.0
 * @category destructors
 */
export const matchesQuery = (terms: ReadonlyArray<SearchTerm | CompiledTerm>, row: PreparedRow): boolean => {
  for (const term of terms) {
    if (termMatches(term, row) === term.negated) return false
  }
  return true
}

/**
 * Whether a row passes the filters: the service and category exactly (without case), the
 * status exactly, by class (`4xx`), or `none` for a row without one.
 *
 * @example
 * import { matchesFilters, prepareRow } from './search.js'
 * const row = prepareRow({ code: 'RDS.0015', service: 'RDS', status: '409', category: 'conflict', retry: 'never', message: 'In use.' })
 * matchesFilters({ service: 'rds', category: '', status: '4xx' }, row) // true
 * matchesFilters({ service: '', category: 'quota', status: '' }, row) // false
 *
 * @since 0.1.0
 * @category destructors
 */
export const matchesFilters = (filters: SearchFilters, row: PreparedRow): boolean => {
  if (filters.service !== '' && row.service !== filters.service.toLowerCase()) return false
  if (filters.category !== '' && row.category !== filters.category.toLowerCase()) return false
  const status = filters.status.toLowerCase()
  if (status === '') return true
  if (status === 'none') return row.status === ''
  const prefix = status.replace(/x+$/, '')
  return status === prefix ? row.status === status : row.status !== '' && row.status.startsWith(prefix)
}

/**
 * The indexes of the rows that match a query and the filters, in row order, except that rows
 * whose code is exactly a code the query spells (in any spelling the library accepts) come
 * first.
 *
 * @example
 * import { compileQuery, NO_FILTERS, prefixMapOf, prepareRow, searchRows } from './search.js'
 * const prefixes = prefixMapOf([{ prefixes: ['APIG'], aliases: { APIGW: 'APIG' } }])
 * const row = (code: string) => prepareRow({ code, service: 'APIG', status: '429', category: 'throttled', retry: 'backoff', message: '' }, prefixes)
 * const rows = [row('APIG.03080'), row('APIG.0308')]
 * searchRows(rows, compileQuery('APIGW.0308', prefixes), NO_FILTERS) // [1, 0]
 *
 * @since 0.1.0
 * @category destructors
 */
export const searchRows = (
  rows: ReadonlyArray<PreparedRow>,
  terms: ReadonlyArray<SearchTerm | CompiledTerm>,
  filters: SearchFilters,
): ReadonlyArray<number> => {
  const exact = new Set<string>()
  for (const term of terms) {
    if (term.negated || (term.field !== null && term.field !== 'code')) continue
    exact.add(term.value)
    if ('key' in term && term.key !== null) exact.add(term.key)
  }
  const first: Array<number> = []
  const rest: Array<number> = []
  const filtered = filters.service !== '' || filters.category !== '' || filters.status !== ''
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as PreparedRow
    if (filtered && !matchesFilters(filters, row)) continue
    if (!matchesQuery(terms, row)) continue
    if (exact.has(row.key)) first.push(i)
    else rest.push(i)
  }
  return first.length === 0 ? rest : first.concat(rest)
}
