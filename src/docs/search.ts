/**
 * The search of the HTML page, as pure functions (they run in the browser bundle and in the
 * tests alike). A query is a list of terms, all of which must match: plain words and
 * `"quoted phrases"` match anywhere in a row, `field:value` matches one field
 * (`status:4xx`, `category:quota`, `retry:after`, `service:AS`, `code:0308`, `message:token`),
 * and a leading `-` excludes what a term matches.
 *
 * @since 0.1.0
 */

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
 * A row made ready for matching: its fields lower-cased, and all of them joined (with a line
 * break, so that no term matches across two fields).
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
}

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
 * Lower-cases a row's fields once, so that filtering thousands of rows per keystroke is cheap.
 *
 * @example
 * import { prepareRow } from './search.js'
 * prepareRow({ code: 'AS.0001', service: 'AS', status: '500', category: 'server', retry: 'backoff', message: 'System error.' }).all.includes('system error') // true
 *
 * @since 0.1.0
 * @category constructors
 */
export const prepareRow = (row: SearchRow): PreparedRow => {
  const lower = {
    code: row.code.toLowerCase(),
    service: row.service.toLowerCase(),
    status: row.status.toLowerCase(),
    category: row.category.toLowerCase(),
    retry: row.retry.toLowerCase(),
    message: row.message.toLowerCase(),
  }
  return { ...lower, all: SEARCH_FIELDS.map((f) => lower[f]).join('\n') }
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

const termMatches = (term: SearchTerm, row: PreparedRow): boolean => {
  switch (term.field) {
    case null:
      return row.all.includes(term.value)
    case 'code':
    case 'message':
      return row[term.field].includes(term.value)
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
export const matchesQuery = (terms: ReadonlyArray<SearchTerm>, row: PreparedRow): boolean => {
  for (const term of terms) {
    if (termMatches(term, row) === term.negated) return false
  }
  return true
}
