import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { defaultCatalog, makeCatalog, validateCatalog } from '../../src/catalog/index.js'
import type { CatalogFile, HttpStatus } from '../../src/catalog/codec.js'
import { BROWSER_BUNDLE } from '../../src/docs/browser.generated.js'
import { PAGE_IDS } from '../../src/docs/ids.js'
import * as _ from '../../src/docs/html.js'
import { servicePages } from '../../src/docs/pages.js'

const files = defaultCatalog().files()
const page = _.renderHtml(servicePages(files), files, 'console.log("bundle")')

const embedded = (html: string): unknown => {
  const match = new RegExp(`<script type="application/json" id="${PAGE_IDS.catalog}">(.*?)</script>`, 's').exec(html)
  return JSON.parse(match?.[1] ?? 'null')
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
    expect(page.match(/<script/g)?.length).toBe(2)
    expect(page).toContain('<script>console.log("bundle")</script>')
  })
  it('renders one row per entry, with its anchor, in page order', () => {
    const ids = [...page.matchAll(/<tr id="([^"]+)">/g)].map((m) => m[1])
    const pages = servicePages(files)
    expect(ids).toEqual(pages.flatMap((p) => p.entries.map((e) => e.anchor)))
    expect(page).toContain('<tr id="as-0001"><td><a href="#as-0001">AS.0001</a></td><td>AS</td><td>500</td><td>server</td><td>backoff</td><td>System error.</td>')
    expect(page).toContain(`<p id="${PAGE_IDS.count}" class="muted" aria-live="polite">Showing ${ids.length} of ${ids.length} codes</p>`)
  })
  it('embeds the catalogue as JSON that validates and answers as the shipped one does', () => {
    const data = embedded(page) as ReadonlyArray<{ name: string; content: unknown }>
    const valid = validateCatalog(data)
    if (E.isLeft(valid)) throw new Error(JSON.stringify(valid.left.slice(0, 3)))
    const inPage = makeCatalog(valid.right)
    expect(inPage.entries().length).toBe(defaultCatalog().entries().length)
    for (const [code, status] of [['AS.0001', undefined], ['APIGW.0308', 429], ['ModelArts.0210', 403], ['NoSuchBucket', 404], ['ces.0001', undefined]] as const) {
      const a = inPage.lookup(code, status)
      const b = defaultCatalog().lookup(code, status)
      expect(O.isSome(a), code).toBe(O.isSome(b))
      if (O.isSome(a) && O.isSome(b)) expect(a.value, code).toEqual(b.value)
    }
    expect(JSON.stringify(data)).not.toContain('"rule"')
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
    expect(embedded(html)).toEqual([{ name: 'x.json', content: hostile }])
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
    expect(bundle).not.toContain('Call IAM failed.')
    expect(bundle).not.toMatch(/<\/script|\brequire\(["']node:/i)
  })
})
