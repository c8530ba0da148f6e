import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { docsUrlOf, type CatalogFile, type HttpStatus } from '../../src/catalog/codec.js'
import { defaultCatalog, makeCatalog, validateCatalog } from '../../src/catalog/index.js'
import * as _ from '../../src/docs/pageData.js'
import { servicePages } from '../../src/docs/pages.js'

const files = defaultCatalog().files()
const pages = servicePages(files)
const data = _.pageData(pages, files)
/** What the page carries, read back as the browser reads it. */
const inPage = JSON.parse(JSON.stringify(data)) as _.PageData

describe('pageData', () => {
  it('gives the library every file, in catalogue order, without what only the build needs', () => {
    const expected = files.map(({ name, file }) => {
      const { $schema: _schema, entries, ...header } = file
      return {
        name,
        content: {
          ...header,
          entries: entries.map((e) => {
            const { rule: _rule, source: _source, ...entry } = e
            const docsUrl = docsUrlOf(file, e)
            return docsUrl === null ? entry : { ...entry, docsUrl }
          }),
        },
      }
    })
    expect(_.pageCatalogFiles(inPage)).toEqual(expected)
    expect(JSON.stringify(inPage)).not.toMatch(/"(rule|source|\$schema)"/)
  })
  it('is a catalogue that validates and answers as the shipped one does', () => {
    const valid = validateCatalog(_.pageCatalogFiles(inPage))
    if (E.isLeft(valid)) throw new Error(JSON.stringify(valid.left.slice(0, 3)))
    const catalog = makeCatalog(valid.right)
    expect(catalog.entries().length).toBe(defaultCatalog().entries().length)
    for (const [code, status] of [['AS.0001', undefined], ['APIGW.0308', 429], ['ModelArts.0210', 403], ['NoSuchBucket', 404], ['ces.0001', undefined], ['DBS.200019', 400]] as const) {
      const a = catalog.lookup(code, status)
      const b = defaultCatalog().lookup(code, status)
      expect(O.isSome(a), code).toBe(O.isSome(b))
      if (O.isSome(a) && O.isSome(b)) expect(a.value, code).toEqual(b.value)
    }
  })
  it('gives the table the entries of the service pages, in their order, with their anchors', () => {
    const expected = pages.flatMap((p) =>
      p.entries.map((e) => ({
        code: e.code,
        service: e.service,
        status: e.status,
        message: e.message,
        otherMessages: e.otherMessages,
        category: e.category,
        retry: e.retry,
        remedy: e.remedy,
        docsUrl: e.docsUrl,
        anchor: e.anchor,
      })),
    )
    expect(_.pageRows(inPage)).toEqual(expected)
    const table = _.pageTable(inPage)
    expect(table.size).toBe(expected.length)
    expect(expected.every((e, i) => table.code(i) === e.code && table.anchor(i) === e.anchor)).toBe(true)
    const last = expected.length - 1
    expect(table.searchRow(last)).toEqual({
      code: expected[last]?.code,
      service: expected[last]?.service,
      status: expected[last]?.status === null ? '' : String(expected[last]?.status),
      category: expected[last]?.category,
      retry: expected[last]?.retry,
      message: _.messageText(expected[last] as _.TableRow),
    })
  })
  it('is compact: shared strings once, short rows', () => {
    expect(new Set(inPage.text).size).toBe(inPage.text.length)
    const rows = inPage.files.flatMap((f) => f.rows)
    expect(rows.every((r) => r.length >= 7 && r.length <= 10 && r.at(-1) !== 0)).toBe(true)
    // Anchors are stored only where they are not the code's own (variants of a code).
    expect(rows.filter((r) => typeof r[7] === 'string').length).toBeLessThan(rows.length / 5)
  })
  it('keeps the other fields of a user entry (replaces, reason)', () => {
    const mine: CatalogFile = {
      service: 'SHOP',
      title: 'Shop',
      prefixes: ['SHOP'],
      sources: [],
      entries: [
        { code: 'SHOP.1', status: 409 as HttpStatus, message: 'Locked.', category: 'conflict', retry: 'backoff', remedy: 'Wait.', replaces: true, reason: 'ours' },
        { code: 'SHOP.1', status: null, message: 'Locked.', category: 'conflict', retry: 'backoff', remedy: 'Wait.', otherMessages: ['Busy.'] },
      ],
    }
    const one = [{ name: 'shop.json', file: mine }]
    const read = JSON.parse(JSON.stringify(_.pageData(servicePages(one), one))) as _.PageData
    expect(_.pageCatalogFiles(read)).toEqual([{ name: 'shop.json', content: mine }])
    expect(_.pageRows(read).map((r) => r.anchor)).toEqual(['shop-1', 'shop-1-none'])
  })
})

describe('display', () => {
  it('says how many codes match and which are shown', () => {
    expect(_.countText(8917, 8917, 0, 50)).toBe('8917 codes, showing 1–50')
    expect(_.countText(8917, 8917, 0, 8917)).toBe('8917 codes')
    expect(_.countText(297, 8917, 200, 297)).toBe('297 of 8917 codes match, showing 201–297')
    expect(_.countText(0, 8917, 0, 0)).toBe('0 of 8917 codes match')
  })
  it('joins the other messages to the message', () => {
    expect(_.messageText({ message: 'A.', otherMessages: [] })).toBe('A.')
    expect(_.messageText({ message: 'A.', otherMessages: ['B.', 'C.'] })).toBe('A. (also: B.; C.)')
  })
})
