import { describe, expect, it } from 'vitest'
import { defaultCatalog } from '../../src/catalog/index.js'
import { categories, retryStrategies } from '../../src/error/vocabulary.js'
import * as _ from '../../src/docs/markdown.js'
import { servicePages } from '../../src/docs/pages.js'

// markdown-it (CommonMark plus GFM tables; a dev dependency, typedoc's own renderer) renders the pages as a host would.
interface Token {
  readonly type: string
  readonly tag: string
  readonly content: string
  readonly children: ReadonlyArray<Token> | null
  readonly attrs: ReadonlyArray<[string, string]> | null
}
type MarkdownIt = new (options: { html: boolean }) => { parse: (src: string, env: object) => ReadonlyArray<Token> }
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- `as string` keeps tsc from looking for markdown-it's (absent) types
const MarkdownIt = ((await import('markdown-it' as string)) as { default: MarkdownIt }).default
const md = new MarkdownIt({ html: true })

/** The rows of a page's tables, each cell's rendered text (children text, code spans included). */
const tableRows = (source: string): ReadonlyArray<ReadonlyArray<string>> => {
  const rows: Array<Array<string>> = []
  let row: Array<string> | undefined
  for (const token of md.parse(source, {})) {
    if (token.type === 'tr_open') row = []
    else if (token.type === 'tr_close' && row !== undefined) {
      rows.push(row)
      row = undefined
    }
    else if (token.type === 'inline' && row !== undefined) {
      const text = (token.children ?? [])
        .filter((c) => c.type === 'text' || c.type === 'code_inline' || c.type === 'softbreak')
        .map((c) => c.content)
        .join('')
      row.push(text)
    }
  }
  return rows
}

const pages = servicePages(defaultCatalog().files())

describe('escapeCell', () => {
  it('escapes the cell separator and inline markup, and flattens line breaks', () => {
    expect(_.escapeCell('a | b')).toBe('a \\| b')
    expect(_.escapeCell('*bold* _it_ `code` [link](x) <b> &amp; ~~s~~ $x$ back\\slash')).toBe(
      '\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\> \\&amp; \\~\\~s\\~\\~ \\$x\\$ back\\\\slash',
    )
    expect(_.escapeCell('  one\r\n  two\nthree  ')).toBe('one two three')
    expect(_.escapeCell('Plain text, 100% fine: {0} %s.')).toBe('Plain text, 100% fine: {0} %s.')
  })
  it('renders back to the same text in a table cell, whatever the text', () => {
    const nasty = ['a|b', '|', '\\|', '*x*', '_y_', '`z`', '[t](u)', '<script>alert(1)</script>', '&lt;', '~~del~~', '$1$', 'a\\b', '**', '![i](j)', '# not a heading', '- not a list']
    for (const text of nasty) {
      const rows = tableRows(`| A | B |\n|---|---|\n| ${_.escapeCell(text)} | end |\n`)
      expect(rows[1], text).toEqual([text, 'end'])
    }
  })
})

describe('service pages', () => {
  const as = pages.find((p) => p.service === 'AS')
  it('has an explicit anchor per code, lower-case with dashes', () => {
    expect(as?.page).toBe('AS.md')
    const text = as === undefined ? '' : _.renderServiceMarkdown(as)
    expect(text).toContain('| <a id="as-0001"></a>[AS.0001](#as-0001) | 500 | server | backoff | System error. |')
    const sfs = pages.find((p) => p.service === 'SFS')
    expect(sfs === undefined ? '' : _.renderServiceMarkdown(sfs)).toMatch(/<a id="sfs-turbo-\d{4}"><\/a>/)
  })
  it('every entry of every page renders as one row of seven cells with its exact code, message, remedy and official page', () => {
    let rowsSeen = 0
    for (const page of pages) {
      const rows = tableRows(_.renderServiceMarkdown(page)).slice(1)
      expect(rows.length, page.page).toBe(page.entries.length)
      page.entries.forEach((e, i) => {
        const cells = rows[i] ?? []
        const message = e.otherMessages.length === 0 ? e.message : `${e.message} (also: ${e.otherMessages.join('; ')})`
        expect(cells, `${page.page} ${e.code}`).toEqual([e.code, e.status === null ? '–' : String(e.status), e.category, e.retry, message.replace(/\s*[\r\n]+\s*/g, ' ').trim(), e.remedy.trim(), e.docsUrl === null ? '–' : 'table'])
        rowsSeen++
      })
    }
    expect(rowsSeen).toBe(defaultCatalog().entries().length)
  })
  it('puts the anchor in an <a id> the renderer keeps as HTML', () => {
    const tokens = md.parse(as === undefined ? '' : _.renderServiceMarkdown(as), {})
    const html = tokens.flatMap((t) => t.children ?? []).filter((c) => c.type === 'html_inline').map((c) => c.content)
    expect(html).toContain('<a id="as-0001">')
  })
})

describe('index.md', () => {
  const index = _.renderIndexMarkdown(pages, { html: true })
  const rows = tableRows(index)
  it('lists every service with its page and code count', () => {
    for (const page of pages) {
      expect(index).toContain(`| [${_.escapeCell(page.service)}](${page.page}) |`)
      expect(rows.some((r) => r[0] === page.service && r[3] === String(page.entries.length))).toBe(true)
    }
    expect(rows.find((r) => r[0] === 'AS')).toEqual(['AS', 'Auto Scaling', 'AS', '260'])
  })
  it('explains every category and retry strategy, with counts that add up', () => {
    const total = pages.reduce((n, p) => n + p.entries.length, 0)
    const categoryRows = rows.filter((r) => (categories as ReadonlyArray<string>).includes(r[0] ?? '') && r.length === 3)
    expect(categoryRows.map((r) => r[0])).toEqual([...categories])
    expect(categoryRows.reduce((n, r) => n + Number(r[2]), 0)).toBe(total)
    const strategyRows = rows.filter((r) => (retryStrategies as ReadonlyArray<string>).includes(r[0] ?? '') && r.length === 4)
    expect(strategyRows.map((r) => [r[0], r[1]])).toEqual([['never', 'no'], ['backoff', 'yes'], ['after', 'yes'], ['reauth', 'yes']])
    expect(strategyRows.reduce((n, r) => n + Number(r[3]), 0)).toBe(total)
    expect(index).toContain('[index.html](index.html)')
  })
  it('mentions index.html only when it is generated', () => {
    expect(_.renderIndexMarkdown(pages)).not.toContain('index.html')
  })
})
