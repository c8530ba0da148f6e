import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as _ from '../../src/catalog/export.js'
import { defaultCatalog, makeCatalog } from '../../src/catalog/catalog.js'
import { smallFiles } from './smallCatalog.js'
import { readCsv } from '../support/csv.js'

/** What a spreadsheet shows of a cell written by csvCell: the `'` before a formula-like text dropped. */
const shown = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)

const small = makeCatalog(smallFiles)

describe('exportRow', () => {
  it('keeps code, service, status, category and message, and splits the retry hint', () => {
    const [first] = small.lookupAll('1101')
    expect(_.exportRow(first!)).toEqual({ code: '1101', service: 'RDS', status: 401, category: 'auth', retryable: true, strategy: 'reauth', message: 'Bare code' })
    const [none] = small.lookupAll('RDS.0001')
    expect(_.exportRow(none!)).toMatchObject({ status: null, retryable: false, strategy: 'never' })
  })
  it('has exactly the export columns, in order', () => {
    for (const e of small.entries()) expect(Object.keys(_.exportRow(e))).toEqual([..._.EXPORT_COLUMNS])
  })
})

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', `"'=1+1"`],
    ['+31 20', `"'+31 20"`],
    ['-x', `"'-x"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
  ])('%j → %s', (value, cell) => expect(_.csvCell(value)).toBe(cell))
  it('writes numbers and booleans as they are, null as an empty cell', () => {
    expect([_.csvCell(-1), _.csvCell(429), _.csvCell(true), _.csvCell(false), _.csvCell(null)]).toEqual(['-1', '429', 'true', 'false', ''])
  })
  it('reads back as the text (behind a quote when it looks like a formula), and never starts a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        const cell = _.csvCell(text)
        const [record] = readCsv(`${cell}\r\n`)
        expect(record).toEqual([/^[=+\-@\t\r]/.test(text) ? `'${text}` : text])
        expect(shown(record![0]!)).toBe(text)
        expect(record![0]).not.toMatch(/^[=+\-@\t\r]/)
      }),
    )
  })
})

describe('exportCatalog', () => {
  it('writes CSV with a header line and CRLF line ends, one record per variant', () => {
    const csv = _.exportCatalog(small, 'csv')
    expect(csv.endsWith('\r\n')).toBe(true)
    const [head, ...records] = readCsv(csv)
    expect(head).toEqual([..._.EXPORT_COLUMNS])
    expect(records.length).toBe(small.entries().length)
    expect(records[0]).toEqual(['DBS.200019', 'DBS', '400', 'validation', 'false', 'never', 'RDS: bad parameter'])
    expect(records.find((r) => r[0] === 'RDS.0001')?.[2]).toBe('')
  })
  it('writes NDJSON as one row a line, and JSON as one array, the same rows', () => {
    const rows = small.entries().map(_.exportRow)
    const ndjson = _.exportCatalog(small, 'ndjson')
    expect(ndjson.endsWith('\n')).toBe(true)
    expect(
      ndjson
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(rows)
    expect(JSON.parse(_.exportCatalog(small, 'json'))).toEqual(rows)
  })
  it('writes nothing but the header for an empty catalogue, and no blank line in NDJSON', () => {
    const empty = makeCatalog([])
    expect(_.exportCatalog(empty, 'csv')).toBe('code,service,status,category,retryable,strategy,message\r\n')
    expect(_.exportCatalog(empty, 'ndjson')).toBe('')
    expect(JSON.parse(_.exportCatalog(empty, 'json'))).toEqual([])
  })
  it('exports the whole shipped catalogue in all three formats, every row the same', () => {
    const catalog = defaultCatalog()
    const rows = catalog.entries().map(_.exportRow)
    expect(rows.length).toBeGreaterThan(8000)
    const [head, ...records] = readCsv(_.exportCatalog(catalog, 'csv'))
    expect(head).toEqual([..._.EXPORT_COLUMNS])
    expect(records.length).toBe(rows.length)
    records.forEach((record, i) => {
      const row = rows[i]!
      expect(record.map(shown), row.code).toEqual(_.EXPORT_COLUMNS.map((c) => (row[c] === null ? '' : String(row[c]))))
    })
    const ndjson = _.exportCatalog(catalog, 'ndjson').split('\n')
    expect(ndjson.pop()).toBe('')
    expect(ndjson.map((l) => JSON.parse(l))).toEqual(rows)
    expect(JSON.parse(_.exportCatalog(catalog, 'json'))).toEqual(rows)
  })
})
