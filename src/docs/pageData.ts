/**
 * The data the HTML page embeds, once, as compact JSON: every entry of the catalogue as a short
 * array (shared strings such as remedies and links stored once, category and retry as numbers),
 * the headers of the catalogue files, and the order the page shows them in. The page's table and
 * search read it (`pageRows`), and so does the library bundled into the page for the Explain box
 * (`pageCatalogFiles`, see `pageCatalog.ts`): the table and the Explain box use the same
 * catalogue, and the page carries it once.
 *
 * @since 0.1.0
 */
import { docsUrlOf, type CatalogFile } from '../catalog/codec.js'
import { categories, retryStrategies, type Category, type RetryStrategy } from '../error/vocabulary.js'
import { anchorOf, type DocEntry, type ServicePage } from './pages.js'
import type { SearchRow } from './search.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One entry: `[code, status (0 for none), message, category, retry, remedy, docs link, anchor,
 * other messages, other fields]`. Category and retry are indexes into `PageData.categories` and
 * `PageData.retries`; remedy and docs link are indexes into `PageData.text` (-1: no link); the
 * anchor is 0 when it is `anchorOf(code)`; other messages and other fields (such as a user
 * entry's `replaces` and `reason`) are 0 when there are none. Trailing zeros are left out.
 *
 * @example
 * import type { PageRow } from './pageData.js'
 * const row: PageRow = ['AS.0001', 500, 'System error.', 8, 1, 0, -1]
 *
 * @since 0.1.0
 * @category model
 */
export type PageRow = readonly [
  code: string,
  status: number,
  message: string,
  category: number,
  retry: number,
  remedy: number,
  docsUrl: number,
  anchor?: string | 0,
  otherMessages?: ReadonlyArray<string> | 0,
  extra?: Readonly<Record<string, unknown>> | 0,
]

/**
 * A catalogue file as the page embeds it: its name, its header (without `$schema`) and its
 * entries as rows, in file order.
 *
 * @example
 * import type { PageFile } from './pageData.js'
 * const file: PageFile = { name: 'as.json', header: { service: 'AS', title: 'Auto Scaling', prefixes: ['AS'], sources: [] }, rows: [] }
 *
 * @since 0.1.0
 * @category model
 */
export interface PageFile {
  readonly name: string
  readonly header: Omit<CatalogFile, 'entries' | '$schema'>
  readonly rows: ReadonlyArray<PageRow>
}

/**
 * Everything the page embeds: the files in catalogue order (the order the library reads them
 * in), the order the page shows them in (by service, as the Markdown pages), and the tables the
 * rows point into.
 *
 * @example
 * import type { PageData } from './pageData.js'
 * const data: PageData = { version: 1, categories: ['server'], retries: ['backoff'], text: [], files: [], order: [] }
 *
 * @since 0.1.0
 * @category model
 */
export interface PageData {
  readonly version: 1
  readonly categories: ReadonlyArray<Category>
  readonly retries: ReadonlyArray<RetryStrategy>
  /** Strings rows share: remedies and docs links. */
  readonly text: ReadonlyArray<string>
  readonly files: ReadonlyArray<PageFile>
  /** Indexes into `files`, in the order the page shows them. */
  readonly order: ReadonlyArray<number>
}

/**
 * One row of the page's table, read back from the data: what the table shows and searches (a
 * `DocEntry` without its file and Markdown page).
 *
 * @example
 * import type { TableRow } from './pageData.js'
 * const row: TableRow = { code: 'AS.0001', service: 'AS', status: 500, message: 'System error.', otherMessages: [],
 *   category: 'server', retry: 'backoff', remedy: 'Retry later.', docsUrl: null, anchor: 'as-0001' }
 *
 * @since 0.1.0
 * @category model
 */
export type TableRow = Omit<DocEntry, 'file' | 'page'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/** The fields a row stores in its own places; anything else of an entry goes to `extra`. */
const PLACED: ReadonlySet<string> = new Set(['code', 'status', 'message', 'category', 'retry', 'remedy', 'otherMessages', 'docsUrl', 'rule', 'source'])

/**
 * The page's data for service pages (see `servicePages`) and the catalogue files they were made
 * from. What only the build needs (the rule and the source line of each entry, `$schema`) is
 * left out; each entry keeps its docs link. Deterministic.
 *
 * @example
 * import { pageData } from './pageData.js'
 * import { servicePages } from './pages.js'
 * const file = { service: 'AS', title: 'Auto Scaling', prefixes: ['AS'], sources: [],
 *   entries: [{ code: 'AS.0001', status: 500, message: 'System error.', category: 'server', retry: 'backoff', remedy: 'Retry.' }] } as const
 * const files = [{ name: 'as.json', file }]
 * pageData(servicePages(files), files).files[0]?.rows // [['AS.0001', 500, 'System error.', 8, 1, 0, -1]]
 *
 * @since 0.1.0
 * @category constructors
 */
export const pageData = (
  pages: ReadonlyArray<ServicePage>,
  files: ReadonlyArray<{ readonly name: string; readonly file: CatalogFile }>,
): PageData => {
  const text: Array<string> = []
  const textIndex = new Map<string, number>()
  const shared = (value: string): number => {
    let index = textIndex.get(value)
    if (index === undefined) {
      index = text.length
      text.push(value)
      textIndex.set(value, index)
    }
    return index
  }
  // A page holds the files of its service, in catalogue order (see `servicePages`): their
  // entries, in order, are the page's entries, which carry the anchors.
  const order: Array<number> = []
  const anchors = new Map<CatalogFile['entries'][number], string>()
  for (const page of pages) {
    const group = files.flatMap((item, index) => (item.file.service === page.service ? [index] : []))
    order.push(...group)
    const entries = group.flatMap((index) => files[index]?.file.entries ?? [])
    entries.forEach((e, i) => {
      const anchor = page.entries[i]?.anchor
      if (anchor !== undefined) anchors.set(e, anchor)
    })
  }
  const encoded = files.map(({ name, file }): PageFile => {
    const { $schema: _schema, entries, ...header } = file
    return {
      name,
      header,
      rows: entries.map((e): PageRow => {
        const url = docsUrlOf(file, e)
        const anchor = anchors.get(e) ?? anchorOf(e.code)
        const extra = Object.fromEntries(Object.entries(e).filter(([key]) => !PLACED.has(key)))
        const row: Array<unknown> = [
          e.code,
          e.status ?? 0,
          e.message,
          categories.indexOf(e.category),
          retryStrategies.indexOf(e.retry),
          shared(e.remedy),
          url === null ? -1 : shared(url),
          anchor === anchorOf(e.code) ? 0 : anchor,
          e.otherMessages === undefined || e.otherMessages.length === 0 ? 0 : e.otherMessages,
          Object.keys(extra).length === 0 ? 0 : extra,
        ]
        while (row.length > 7 && row[row.length - 1] === 0) row.pop()
        return row as unknown as PageRow
      }),
    }
  })
  return { version: 1, categories, retries: retryStrategies, text, files: encoded, order }
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

type Entry = CatalogFile['entries'][number]

const entryOf = (data: PageData, row: PageRow): Entry => {
  const [code, status, message, category, retry, remedy, url, , other, extra] = row
  return {
    code,
    status: (status === 0 ? null : status) as Entry['status'],
    message,
    category: data.categories[category] as Category,
    retry: data.retries[retry] as RetryStrategy,
    remedy: data.text[remedy] ?? '',
    ...(other === undefined || other === 0 ? {} : { otherMessages: [...other] }),
    ...(url < 0 ? {} : { docsUrl: data.text[url] ?? '' }),
    ...(extra === undefined || extra === 0 ? {} : extra),
  }
}

/**
 * The catalogue files the data holds, in catalogue order, as the library reads them (each entry
 * with its docs link, without rule and source line).
 *
 * @example
 * import { pageCatalogFiles, pageData } from './pageData.js'
 * import { servicePages } from './pages.js'
 * const file = { service: 'AS', title: 'Auto Scaling', prefixes: ['AS'], sources: [],
 *   entries: [{ code: 'AS.0001', status: 500, message: 'System error.', category: 'server', retry: 'backoff', remedy: 'Retry.' }] } as const
 * const files = [{ name: 'as.json', file }]
 * pageCatalogFiles(pageData(servicePages(files), files)) // [{ name: 'as.json', content: file }]
 *
 * @since 0.1.0
 * @category destructors
 */
export const pageCatalogFiles = (data: PageData): ReadonlyArray<{ readonly name: string; readonly content: CatalogFile }> =>
  data.files.map(({ name, header, rows }) => ({ name, content: { ...header, entries: rows.map((row) => entryOf(data, row)) } }))

/**
 * The page's table over the data, row by row, in the order the page shows them: a row is read
 * from the data when first asked for, so a page that shows 50 rows makes 50, not 9,000.
 *
 * @example
 * import { pageData, pageTable } from './pageData.js'
 * import { servicePages } from './pages.js'
 * const file = { service: 'AS', title: 'Auto Scaling', prefixes: ['AS'], sources: [],
 *   entries: [{ code: 'AS.0001', status: 500, message: 'System error.', category: 'server', retry: 'backoff', remedy: 'Retry.' }] } as const
 * const files = [{ name: 'as.json', file }]
 * const table = pageTable(pageData(servicePages(files), files))
 * table.size // 1
 * table.row(0).anchor // 'as-0001'
 * table.anchor(0) // 'as-0001'
 * table.searchRow(0) // { code: 'AS.0001', service: 'AS', status: '500', category: 'server', retry: 'backoff', message: 'System error.' }
 *
 * @since 0.1.0
 * @category destructors
 */
export interface PageTable {
  readonly size: number
  /** The row at a position of the page (made once, then kept). */
  readonly row: (index: number) => TableRow
  /** The code of a row, without making the row. */
  readonly code: (index: number) => string
  /** The anchor of a row, without making the row. */
  readonly anchor: (index: number) => string
  /** What the search reads of a row (see `SearchRow`), made without the rest of the row. */
  readonly searchRow: (index: number) => SearchRow
}

/**
 * The page's table over the data (see `PageTable`).
 *
 * @example
 * import { pageTable } from './pageData.js'
 * pageTable({ version: 1, categories: [], retries: [], text: [], files: [], order: [] }).size // 0
 *
 * @since 0.1.0
 * @category destructors
 */
export const pageTable = (data: PageData): PageTable => {
  const refs: Array<PageRow> = []
  const services: Array<string> = []
  for (const index of data.order) {
    const file = data.files[index]
    if (file === undefined) continue
    for (const row of file.rows) {
      refs.push(row)
      services.push(file.header.service)
    }
  }
  const made: Array<TableRow | undefined> = []
  const row = (i: number): TableRow => {
    const cached = made[i]
    if (cached !== undefined) return cached
    const [code, status, message, category, retry, remedy, url, anchor, other] = refs[i] ?? ['', 0, '', 0, 0, 0, -1]
    const value: TableRow = {
      code,
      service: services[i] ?? '',
      status: status === 0 ? null : status,
      message,
      otherMessages: other === undefined || other === 0 ? [] : other,
      category: data.categories[category] as Category,
      retry: data.retries[retry] as RetryStrategy,
      remedy: data.text[remedy] ?? '',
      docsUrl: url < 0 ? null : (data.text[url] ?? null),
      anchor: anchor === undefined || anchor === 0 ? anchorOf(code) : anchor,
    }
    made[i] = value
    return value
  }
  const searchRow = (i: number): SearchRow => {
    const [code, status, message, category, retry, , , , other] = refs[i] ?? ['', 0, '', 0, 0, 0, -1]
    return {
      code,
      service: services[i] ?? '',
      status: status === 0 ? '' : String(status),
      category: data.categories[category] ?? '',
      retry: data.retries[retry] ?? '',
      message: messageText({ message, otherMessages: other === undefined || other === 0 ? [] : other }),
    }
  }
  const code = (i: number): string => refs[i]?.[0] ?? ''
  const anchor = (i: number): string => {
    const own = refs[i]?.[7]
    return own === undefined || own === 0 ? anchorOf(code(i)) : own
  }
  return { size: refs.length, row, searchRow, code, anchor }
}

/**
 * Every row of the page's table, in the order the page shows them (see `pageTable`).
 *
 * @example
 * import { pageData, pageRows } from './pageData.js'
 * import { servicePages } from './pages.js'
 * const file = { service: 'AS', title: 'Auto Scaling', prefixes: ['AS'], sources: [],
 *   entries: [{ code: 'AS.0001', status: 500, message: 'System error.', category: 'server', retry: 'backoff', remedy: 'Retry.' }] } as const
 * const files = [{ name: 'as.json', file }]
 * pageRows(pageData(servicePages(files), files))[0]?.anchor // 'as-0001'
 *
 * @since 0.1.0
 * @category destructors
 */
export const pageRows = (data: PageData): ReadonlyArray<TableRow> => {
  const table = pageTable(data)
  return Array.from({ length: table.size }, (_, i) => table.row(i))
}

/**
 * The prefixes of the files (their own, shared and alias spellings) as the header fields give
 * them, for the search (see `prefixMapOf` in `search.ts`).
 *
 * @example
 * import { pageHeaders } from './pageData.js'
 * pageHeaders({ version: 1, categories: [], retries: [], text: [], order: [], files: [{ name: 'a.json', header: { service: 'A', title: 'A', prefixes: ['A'], sources: [] }, rows: [] }] })[0]?.prefixes // ['A']
 *
 * @since 0.1.0
 * @category destructors
 */
export const pageHeaders = (data: PageData): ReadonlyArray<PageFile['header']> => data.files.map((f) => f.header)

// -------------------------------------------------------------------------------------
// display
// -------------------------------------------------------------------------------------

/**
 * How many rows the page shows at first and after each keystroke: it renders only these,
 * whatever the catalogue's size, so it shows fast and a keystroke redraws at most this many.
 *
 * @example
 * import { FIRST_ROWS } from './pageData.js'
 * FIRST_ROWS // 50
 *
 * @since 0.1.0
 * @category display
 */
export const FIRST_ROWS = 50

/**
 * How many rows each "Show more" (or "Show earlier") adds.
 *
 * @example
 * import { MORE_ROWS } from './pageData.js'
 * MORE_ROWS // 200
 *
 * @since 0.1.0
 * @category display
 */
export const MORE_ROWS = 200

/**
 * The text of a row's message cell: the message, and the others the tables give.
 *
 * @example
 * import { messageText } from './pageData.js'
 * messageText({ message: 'Bad.', otherMessages: ['Worse.'] }) // 'Bad. (also: Worse.)'
 *
 * @since 0.1.0
 * @category display
 */
export const messageText = (row: Pick<TableRow, 'message' | 'otherMessages'>): string =>
  row.otherMessages.length === 0 ? row.message : `${row.message} (also: ${row.otherMessages.join('; ')})`

/**
 * The line above the table: how many codes match, of how many, and which of them are shown
 * (rows `start + 1` to `end`) when not all are.
 *
 * @example
 * import { countText } from './pageData.js'
 * countText(8917, 8917, 0, 100) // '8917 codes, showing 1–100'
 * countText(12, 8917, 0, 12) // '12 of 8917 codes match'
 *
 * @since 0.1.0
 * @category display
 */
export const countText = (matches: number, total: number, start: number, end: number): string => {
  const base = matches === total ? `${total} codes` : `${matches} of ${total} codes match`
  return end - start < matches ? `${base}, showing ${start + 1}–${end}` : base
}
