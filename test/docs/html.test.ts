import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { defaultCatalog, makeCatalog, validateCatalog } from '../../src/catalog/index.js'
import type { CatalogFile, HttpStatus } from '../../src/catalog/codec.js'
import { categories } from '../../src/error/vocabulary.js'
import { BROWSER_BUNDLE } from '../../src/docs/browser.generated.js'
import { PAGE_IDS } from '../../src/docs/ids.js'
import * as _ from '../../src/docs/html.js'
import { FIRST_ROWS, pageCatalogFiles, pageData, pageRows, type PageData } from '../../src/docs/pageData.js'
import { servicePages } from '../../src/docs/pages.js'

const files = defaultCatalog().files()
const pages = servicePages(files)
const page = _.renderHtml(pages, files, 'console.log("bundle")')
const total = pages.reduce((n, p) => n + p.entries.length, 0)

const embedded = (html: string): PageData => {
  const match = new RegExp(`<script type="application/json" id="${PAGE_IDS.catalog}">(.*?)</script>`, 's').exec(html)
  return JSON.parse(match?.[1] ?? 'null') as PageData
}
const optionsOf = (html: string, id: string): ReadonlyArray<string> => {
  const select = new RegExp(`<select id="${id}"[^>]*>(.*?)</select>`, 's').exec(html)?.[1] ?? ''
  return [...select.matchAll(/<option value="([^"]*)">/g)].map((m) => m[1] ?? '')
}

describe('escaping', () => {
  it('escapes HTML text and attributes', () => {
    expect(_.escapeHtml(`<b title="x">&'</b>`)).toBe(`&lt;b title=&quot;x&quot;&gt;&amp;'&lt;/b&gt;`)
  })
  it('keeps a script element from being closed early', () => {
    expect(_.scriptCode('a</script>b</SCRIPT >c<!--d<e')).toBe('a\\x3C/script>b\\x3C/SCRIPT >c\\x3C!--d<e')
    expect((0, eval)(_.scriptCode('["</script>", `<!--${1}`, /<\\/script>/u.test("</script>")]'))).toEqual(['</script>', '<!--1', true])
    expect(_.scriptJson(['</script><!--'])).toBe('["\\u003c/script>\\u003c!--"]')
    expect(JSON.parse(_.scriptJson(['</script><!--', { a: '<' }]))).toEqual(['</script><!--', { a: '<' }])
  })
})

describe('renderHtml', () => {
  it('is one self-contained page: no external resource of any kind', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true)
    expect(page).not.toMatch(/\s(src|srcset|action)=/i)
    // Links to the official pages are links, not resources; nothing else leaves the page.
    expect(page).not.toMatch(/href="(?!#|https:\/\/docs\.otc\.t-systems\.com\/|https:\/\/github\.com\/)/)
    expect(page).not.toMatch(/<link/i)
    expect(page).not.toMatch(/@import|url\(/)
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    // The data, the script (inert until the loader runs it after the first paint) and the loader.
    expect(page.match(/<script/g)?.length).toBe(3)
    expect(page).toContain(`<script type="text/plain" id="${PAGE_IDS.script}">console.log("bundle")</script>`)
    expect(page).toMatch(new RegExp(`<script>\\(function\\(\\)\\{var s=document.getElementById\\("${PAGE_IDS.script}"\\)`))
  })
  it('renders the first rows only, with their anchors, in page order; the data holds every entry', () => {
    const ids = [...page.matchAll(/<tr id="([^"]+)">/g)].map((m) => m[1])
    expect(ids).toEqual(pages.flatMap((p) => p.entries.map((e) => e.anchor)).slice(0, FIRST_ROWS))
    expect(page).toContain('<tr id="aom-0400"><td><a href="#aom-0400">AOM.0400</a></td><td>AOM</td><td>400</td><td>validation</td><td>never</td><td>Bad request.</td>')
    expect(pageRows(embedded(page))).toHaveLength(total)
    expect(page).toContain(`<p id="${PAGE_IDS.count}" class="muted" aria-live="polite">${total} codes, showing 1–${FIRST_ROWS}</p>`)
    // Every row (the script makes the others the same way) links its code's official table.
    const first = pageRows(embedded(page))[0]
    expect(first?.docsUrl).toMatch(/^https:\/\//)
    expect(page).toContain(`<a href="${first?.docsUrl ?? ''}" rel="noopener">table</a></td></tr>`)
  })
  it('has filters by service, category and status', () => {
    expect(optionsOf(page, PAGE_IDS.filterService)).toEqual(['', ...pages.map((p) => p.service)])
    expect(optionsOf(page, PAGE_IDS.filterCategory)).toEqual(['', ...categories])
    const documented = [...new Set(defaultCatalog().entries().flatMap((e) => (e.status === null ? [] : [e.status])))].sort((a, b) => a - b)
    const classes = [...new Set(documented.map((s) => `${String(s).charAt(0)}xx`))]
    expect(classes).toContain('4xx')
    expect(optionsOf(page, PAGE_IDS.filterStatus)).toEqual(['', ...classes, ...documented.map(String), 'none'])
    expect(page).toContain(`<label for="${PAGE_IDS.filterService}">Service</label>`)
    expect(page).toContain('<option value="RDS">RDS (')
    expect(page).toContain('<option value="409">409 Conflict</option>')
  })
  it('puts the search and the codes before the Explain box, and links to it', () => {
    const at = (id: string) => page.indexOf(`id="${id}"`)
    expect(at(PAGE_IDS.search)).toBeLessThan(at(PAGE_IDS.rows))
    expect(at(PAGE_IDS.rows)).toBeLessThan(at(PAGE_IDS.explainSection))
    expect(page.indexOf(`href="#${PAGE_IDS.explainSection}"`)).toBeLessThan(at(PAGE_IDS.search))
  })
  it('embeds the catalogue once, as compact data that validates and answers as the shipped one does', () => {
    const data = embedded(page)
    expect(data).toEqual(JSON.parse(JSON.stringify(pageData(pages, files))))
    const valid = validateCatalog(pageCatalogFiles(data))
    if (E.isLeft(valid)) throw new Error(JSON.stringify(valid.left.slice(0, 3)))
    const inPage = makeCatalog(valid.right)
    expect(inPage.entries().length).toBe(defaultCatalog().entries().length)
    for (const [code, status] of [['AS.0001', undefined], ['APIGW.0308', 429], ['ModelArts.0210', 403], ['NoSuchBucket', 404], ['ces.0001', undefined]] as const) {
      const a = inPage.lookup(code, status)
      const b = defaultCatalog().lookup(code, status)
      expect(O.isSome(a), code).toBe(O.isSome(b))
      if (O.isSome(a) && O.isSome(b)) expect(a.value, code).toEqual(b.value)
    }
    // A remedy is written once however many codes share it.
    const remedy = 'A parameter of the request is invalid or missing: correct it according to the API reference and send the request again.'
    expect(page.split(remedy).length - 1).toBe(1 + (page.slice(0, page.indexOf(`id="${PAGE_IDS.catalog}"`)).split(remedy).length - 1))
  })
  it('escapes hostile catalogue text in rows and data', () => {
    const hostile: CatalogFile = {
      service: 'X<b>',
      title: 'T',
      prefixes: ['X'],
      sources: [],
      entries: [{ code: 'X.1', status: 400 as HttpStatus, message: '</script><script>alert(1)</script>', category: 'validation', retry: 'never', remedy: '<img src=x onerror=alert(1)>' }],
    }
    const html = _.renderHtml(servicePages([{ name: 'x.json', file: hostile }]), [{ name: 'x.json', file: hostile }], '')
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('<option value="X&lt;b&gt;">X&lt;b&gt; (1)</option>')
    expect(pageCatalogFiles(embedded(html))).toEqual([{ name: 'x.json', content: hostile }])
  })
  it('is deterministic', () => {
    expect(_.renderHtml(servicePages(files), files, 'x')).toBe(_.renderHtml(servicePages(files), files, 'x'))
  })
})

describe('the browser bundle', () => {
  it('was built, carries the library but not a second copy of the catalogue', () => {
    expect(BROWSER_BUNDLE).not.toBeNull()
    const bundle = BROWSER_BUNDLE ?? ''
    expect(bundle.length).toBeGreaterThan(10_000)
    expect(bundle.length).toBeLessThan(400_000)
    expect(bundle).toContain(PAGE_IDS.catalog)
    expect(bundle).toContain(PAGE_IDS.filterStatus)
    expect(bundle).not.toContain('Call IAM failed.')
    expect(bundle).not.toMatch(/<\/script|\brequire\(["']node:/i)
  })
})
