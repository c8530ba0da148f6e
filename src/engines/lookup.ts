/**
 * The catalogue as an engine's lookup table: one row per key a log can spell a code with, keyed
 * by the lower-cased code (alias spellings included, so `APIGW.0308` finds `APIG.0308`), holding
 * the answer `classify` gives for that code on a line without an HTTP status.
 *
 * @since 0.1.0
 */
import * as O from '../fp/option.js'
import type { Catalog } from '../catalog/catalog.js'
import { csvCell, exportRow, type ExportRow } from '../catalog/export.js'
import { prefixOf } from '../catalog/prefix.js'
import { redactText } from '../error/redact.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One lookup row. `code_key` is what an engine computes from a found code: `lower(code)`.
 * `code` is the catalogue's spelling, `status` the documented status of the variant a
 * status-less lookup picks (null when undocumented).
 *
 * @example
 * import type { LookupRow } from 'otc-errors'
 * const row: LookupRow = { code_key: 'apigw.0308', code: 'APIG.0308', service: 'APIG', status: 429, category: 'throttled', retryable: true, strategy: 'backoff', message: 'The throttling threshold has been reached.' }
 *
 * @since 0.1.0
 * @category model
 */
export interface LookupRow extends ExportRow {
  readonly code_key: string
}

/**
 * The lookup columns, in order.
 *
 * @example
 * import { LOOKUP_COLUMNS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(LOOKUP_COLUMNS[0], 'code_key')
 *
 * @since 0.1.0
 * @category constants
 */
export const LOOKUP_COLUMNS = ['code_key', 'code', 'service', 'status', 'category', 'retryable', 'strategy', 'message'] as const satisfies ReadonlyArray<keyof LookupRow>

/**
 * How an engine's CSV reader wants booleans and a missing status: `true`/`false` and an empty
 * cell (PostgreSQL, DuckDB, Vector, the OpenTelemetry Collector), or `1`/`0` and `0`
 * (ClickHouse, whose CSV reader has no boolean and no empty number).
 *
 * @example
 * import type { CsvStyle } from 'otc-errors'
 * const style: CsvStyle = 'numeric'
 *
 * @since 0.1.0
 * @category model
 */
export type CsvStyle = 'text' | 'numeric'

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The lookup rows of a catalogue, in catalogue order: one per code (the variant a lookup
 * without a status picks), plus one per alias spelling of its prefix. Messages pass through
 * the redaction every printed text gets.
 *
 * @example
 * import { defaultCatalog, lookupRows } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const rows = lookupRows(defaultCatalog())
 * assert.strictEqual(rows.find((r) => r.code_key === 'apigw.0308')?.code, 'APIG.0308')
 * assert.strictEqual(new Set(rows.map((r) => r.code_key)).size, rows.length)
 *
 * @since 0.1.0
 * @category constructors
 */
export const lookupRows = (catalog: Catalog): ReadonlyArray<LookupRow> => {
  // alias prefix (lower case) ← canonical prefix (lower case)
  const aliasesOf = new Map<string, Array<string>>()
  for (const { file } of catalog.files()) {
    for (const [alias, target] of Object.entries(file.aliases ?? {})) {
      const list = aliasesOf.get(target.toLowerCase()) ?? []
      list.push(alias.toLowerCase())
      aliasesOf.set(target.toLowerCase(), list)
    }
  }
  const rows: Array<LookupRow> = []
  const keys = new Set<string>()
  for (const variant of catalog.entries()) {
    const key = variant.code.toLowerCase()
    if (keys.has(key)) continue
    const picked = catalog.lookup(variant.code)
    if (O.isNone(picked)) continue
    const e = picked.value
    const row: LookupRow = { code_key: key, ...exportRow(e), message: redactText(e.message) }
    keys.add(key)
    rows.push(row)
    const prefix = prefixOf(key)
    for (const alias of prefix === null ? [] : (aliasesOf.get(prefix) ?? [])) {
      const aliased = `${alias}${key.slice(prefix?.length ?? 0)}`
      if (keys.has(aliased)) continue
      keys.add(aliased)
      rows.push({ ...row, code_key: aliased })
    }
  }
  return rows
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Lookup rows as CSV: a header line, CRLF line ends, cells neutralised against spreadsheet
 * formulas (see `csvCell`).
 *
 * @example
 * import { lookupCsv } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const row = { code_key: 'as.0001', code: 'AS.0001', service: 'AS', status: null, category: 'validation', retryable: false, strategy: 'never', message: '-x' }
 * assert.strictEqual(lookupCsv([row], 'numeric'), "code_key,code,service,status,category,retryable,strategy,message\r\nas.0001,AS.0001,AS,0,validation,0,never,'-x\r\n")
 *
 * @since 0.1.0
 * @category destructors
 */
export const lookupCsv = (rows: ReadonlyArray<LookupRow>, style: CsvStyle = 'text'): string => {
  const cell = (row: LookupRow, column: (typeof LOOKUP_COLUMNS)[number]): string => {
    const value = row[column]
    if (style === 'numeric' && typeof value === 'boolean') return value ? '1' : '0'
    if (style === 'numeric' && column === 'status' && value === null) return '0'
    return csvCell(value)
  }
  return [LOOKUP_COLUMNS.join(','), ...rows.map((r) => LOOKUP_COLUMNS.map((c) => cell(r, c)).join(','))].join('\r\n') + '\r\n'
}
