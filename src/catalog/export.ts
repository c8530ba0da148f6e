/**
 * The catalogue as rows for the engines where logs live (PostgreSQL, ClickHouse, Elasticsearch,
 * Spark): stable columns, in CSV, NDJSON or one JSON array.
 *
 * @since 0.1.0
 */
import type { Catalog, CatalogEntry } from './catalog.js'

/**
 * One exported row. The columns and their order are stable: `code, service, status, category,
 * retryable, strategy, message`.
 *
 * @example
 * import { exportRow, lookup, type ExportRow } from 'otc-errors'
 * import * as O from 'fp-ts/lib/Option.js'
 * import * as assert from 'node:assert'
 * const entry = lookup('APIG.0308')
 * const row: ExportRow | null = O.isSome(entry) ? exportRow(entry.value) : null
 * assert.strictEqual(row?.retryable, true)
 *
 * @since 0.1.0
 * @category model
 */
export interface ExportRow {
  readonly code: string
  readonly service: string
  readonly status: number | null
  readonly category: string
  readonly retryable: boolean
  readonly strategy: string
  readonly message: string
}

/**
 * The export formats.
 *
 * @example
 * import { defaultCatalog, exportCatalog, type ExportFormat } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const format: ExportFormat = 'csv'
 * assert.ok(exportCatalog(defaultCatalog(), format).startsWith('code,service,status,category,retryable,strategy,message'))
 *
 * @since 0.1.0
 * @category model
 */
export type ExportFormat = 'csv' | 'ndjson' | 'json'

/**
 * The column names, in order.
 *
 * @example
 * import { EXPORT_COLUMNS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(EXPORT_COLUMNS, ['code', 'service', 'status', 'category', 'retryable', 'strategy', 'message'])
 *
 * @since 0.1.0
 * @category constants
 */
export const EXPORT_COLUMNS = ['code', 'service', 'status', 'category', 'retryable', 'strategy', 'message'] as const satisfies ReadonlyArray<keyof ExportRow>

/**
 * An entry as an export row.
 *
 * @example
 * import { exportRow, lookup } from 'otc-errors'
 * import * as O from 'fp-ts/lib/Option.js'
 * import * as assert from 'node:assert'
 * const e = lookup('APIG.0308')
 * assert.ok(O.isSome(e) && exportRow(e.value).retryable === true)
 *
 * @since 0.1.0
 * @category destructors
 */
export const exportRow = (e: CatalogEntry): ExportRow => ({
  code: e.code,
  service: e.service,
  status: e.status,
  category: e.category,
  retryable: e.retry !== 'never',
  strategy: e.retry,
  message: e.message,
})

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled;
 * `null` is an empty cell. A text that a spreadsheet would run as a formula (it starts with `=`,
 * `+`, `-`, `@`, a tab or a carriage return; OWASP's CSV injection) gets a leading `'` and
 * quotes, so it stays text.
 *
 * @example
 * import { csvCell } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual([csvCell('a,b'), csvCell('=1+1'), csvCell(-1), csvCell(null)], ['"a,b"', `"'=1+1"`, '-1', ''])
 *
 * @since 0.1.0
 * @category destructors
 */
export const csvCell = (value: string | number | boolean | null): string => {
  if (value === null) return ''
  const text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) return `"'${text.replace(/"/g, '""')}"`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The catalogue's rows in a format, one entry per variant, in catalogue order. CSV has a header
 * line and CRLF line ends (RFC 4180); an empty field is a missing status, and a field that
 * starts like a formula (`=`, `+`, `-`, `@`, tab, CR) is quoted behind a `'`. NDJSON is one
 * object a line, each line ended (no rows, no text); JSON is one array.
 *
 * @example
 * import { exportCatalog, defaultCatalog } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const csv = exportCatalog(defaultCatalog(), 'csv')
 * assert.strictEqual(csv.split('\r\n')[0], 'code,service,status,category,retryable,strategy,message')
 *
 * @since 0.1.0
 * @category destructors
 */
export const exportCatalog = (catalog: Catalog, format: ExportFormat): string => {
  const rows = catalog.entries().map(exportRow)
  switch (format) {
    case 'csv':
      return [EXPORT_COLUMNS.join(','), ...rows.map((r) => EXPORT_COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n'
    case 'ndjson':
      // Each row ends its own line: no rows is no text, not one blank line (which an NDJSON reader rejects).
      return rows.map((r) => `${JSON.stringify(r)}\n`).join('')
    case 'json':
      return `${JSON.stringify(rows, null, 2)}\n`
  }
}
