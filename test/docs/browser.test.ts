// The generated index.html in a real, headless Chromium: search (in every spelling the library
// takes), filters, ?q=/&service=/&category=/&status= prefill, the first rows and "Show more",
// anchors, the phone layout and the Explain box, with the library running in the page. Uses
// Debian's chromium (installed by .ci/run), never a downloaded browser; skips with a message when
// there is none. How fast the page is, is measured by `npm run bench:docs`, never asserted here.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { defaultCatalog } from '../../src/catalog/index.js'
import { BROWSER_BUNDLE } from '../../src/docs/browser.generated.js'
import { rowHtml } from '../../src/docs/html.js'
import { renderDocs } from '../../src/docs/index.js'
import { FIRST_ROWS, messageText, MORE_ROWS, pageData, pageRows } from '../../src/docs/pageData.js'
import { servicePages } from '../../src/docs/pages.js'
import { describeIfAvailable } from '../support/needs.js'

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const haveBrowser = existsSync(executablePath) && BROWSER_BUNDLE !== null
const outDir = new URL('../../test-output/docs/', import.meta.url)
const root = new URL('../../', import.meta.url)

const missing = haveBrowser
  ? null
  : `${BROWSER_BUNDLE === null ? 'the build has no browser bundle (esbuild missing; run `npm ci`)' : `no Chromium at ${executablePath}`}: ` +
    'install it with `apt-get install -y chromium` (.ci/run does), or set CHROMIUM_PATH'

const catalog = defaultCatalog()
const files = catalog.files()
/** The page's rows, in its order (checked against the service pages in pageData.test.ts). */
const rows = pageRows(pageData(servicePages(files), files))
const total = rows.length

/** An independent reading of a plain one-word query: the rows, in page order, with the word in code, service, status, category, retry or message. */
const expectedFor = (word: string): ReadonlyArray<string> => {
  const w = word.toLowerCase()
  return rows
    .filter((r) => [r.code, r.service, String(r.status ?? ''), r.category, r.retry, messageText(r)].some((f) => f.toLowerCase().includes(w)))
    .map((r) => r.code)
}

const shownCodes = (page: Page): Promise<ReadonlyArray<string>> => page.$$eval('#otcRows tr td:first-child', (cells) => cells.map((c) => (c.textContent ?? '').trim()))
const matches = (page: Page): Promise<number> => page.$eval('#otcCount', (p) => Number((p as HTMLElement).dataset['matches']))
const waitForCount = (page: Page, text: string) => page.waitForFunction((t) => document.getElementById('otcCount')?.textContent === t, text)
const countOf = (n: number, shown = n): string => `${n === total ? `${total} codes` : `${n} of ${total} codes match`}${shown < n ? `, showing 1–${shown}` : ''}`

describeIfAvailable(missing)('index.html in headless Chromium', () => {
  let browser: Browser
  let url: string
  const problems: Array<string> = []

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true })
    const html = renderDocs(files, 'html', BROWSER_BUNDLE).find((f) => f.path === 'index.html')
    if (html === undefined) throw new Error('no index.html generated')
    const file = new URL('index.html', outDir)
    writeFileSync(file, html.content)
    url = file.href
    browser = await chromium.launch({
      executablePath,
      headless: true,
      // Chromium's sandbox refuses to start as root (CI containers); the page is our own file.
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    })
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
  })

  const open = async (suffix = '', viewport = { width: 1280, height: 900 }): Promise<Page> => {
    const page = await browser.newPage({ viewport })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
    })
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) problems.push(`network request: ${request.url()}`)
    })
    await page.goto(`${url}${suffix}`)
    await page.waitForSelector('html[data-ready="true"]')
    return page
  }

  it('shows the first rows and the count of all codes, then searches as a query is typed', async () => {
    const page = await open()
    expect(await shownCodes(page)).toEqual(rows.slice(0, FIRST_ROWS).map((r) => r.code))
    expect(await page.textContent('#otcCount')).toBe(countOf(total, FIRST_ROWS))
    expect(await page.isVisible('#otcMore')).toBe(true)
    expect(await page.isHidden('#otcEarlier')).toBe(true)

    await page.fill('#otcSearch', 'AS.000')
    await waitForCount(page, countOf(expectedFor('AS.000').length))
    expect(await shownCodes(page)).toEqual(expectedFor('AS.000'))
    expect(await shownCodes(page)).toContain('AS.0001')
    expect(await page.isHidden('#otcMore')).toBe(true)
    expect(await page.isHidden('#otcNone')).toBe(true)
    await page.locator('#otcCodes').scrollIntoViewIfNeeded()
    await page.screenshot({ path: new URL('index-search.png', outDir).pathname })

    await page.fill('#otcSearch', 'category:throttled status:429')
    const throttled = rows.filter((e) => e.category === 'throttled' && e.status === 429).map((e) => e.code)
    expect(throttled.length).toBeGreaterThan(0)
    await waitForCount(page, countOf(throttled.length, Math.min(throttled.length, FIRST_ROWS)))
    expect(await shownCodes(page)).toEqual(throttled.slice(0, FIRST_ROWS))
    expect(await shownCodes(page)).toContain('APIG.0308')
    // The query goes into the address, so the filtered view can be bookmarked or shared.
    expect(new URL(page.url()).searchParams.get('q')).toBe('category:throttled status:429')

    await page.fill('#otcSearch', 'no such code anywhere')
    await page.waitForSelector('#otcNone:not([hidden])')
    expect(await page.textContent('#otcCount')).toBe(`0 of ${total} codes match`)
    expect(await shownCodes(page)).toEqual([])
    await page.close()
  }, 60_000)

  it('finds a code in every spelling the library takes: alias prefix, any case, typed letter by letter', async () => {
    const page = await open()
    for (const [spelling, code] of [['APIGW.0308', 'APIG.0308'], ['apigw.0308', 'APIG.0308'], ['ecs.0005', 'Ecs.0005'], ['ECS.0005', 'Ecs.0005']] as const) {
      const variants = catalog.lookupAll(spelling)
      expect(variants.length, spelling).toBeGreaterThan(0)
      await page.fill('#otcSearch', spelling)
      await page.waitForFunction((s) => new URL(location.href).searchParams.get('q') === s, spelling)
      const shown = await shownCodes(page)
      // The code itself (each of its variants) comes first.
      expect(shown.slice(0, variants.length), spelling).toEqual(variants.map(() => code))
    }
    // As the alias spelling is typed, the codes it starts narrow down.
    await page.fill('#otcSearch', '')
    await waitForCount(page, countOf(total, FIRST_ROWS))
    await page.locator('#otcSearch').pressSequentially('apigw.03')
    const started = rows.filter((r) => r.code.toLowerCase().startsWith('apig.03')).map((r) => r.code)
    await waitForCount(page, countOf(started.length))
    expect(await shownCodes(page)).toEqual(started)
    await page.close()

    const prefilled = await open('?q=APIGW.0308')
    expect(await prefilled.inputValue('#otcSearch')).toBe('APIGW.0308')
    expect((await shownCodes(prefilled))[0]).toBe('APIG.0308')
    await prefilled.close()
  }, 60_000)

  it('filters by service, category and status, from the controls and from the address', async () => {
    const page = await open('?service=RDS&category=quota&status=4xx')
    expect([await page.inputValue('#otcService'), await page.inputValue('#otcCategory'), await page.inputValue('#otcStatusFilter')]).toEqual(['RDS', 'quota', '4xx'])
    const rdsQuota = rows.filter((r) => r.service === 'RDS' && r.category === 'quota' && String(r.status).startsWith('4')).map((r) => r.code)
    expect(rdsQuota.length).toBeGreaterThan(0)
    expect(await page.textContent('#otcCount')).toBe(countOf(rdsQuota.length))
    expect(await shownCodes(page)).toEqual(rdsQuota)

    await page.selectOption('#otcCategory', 'conflict')
    const rdsConflict = rows.filter((r) => r.service === 'RDS' && r.category === 'conflict' && String(r.status).startsWith('4')).map((r) => r.code)
    await waitForCount(page, countOf(rdsConflict.length, Math.min(rdsConflict.length, FIRST_ROWS)))
    expect(await shownCodes(page)).toEqual(rdsConflict.slice(0, FIRST_ROWS))
    expect(new URL(page.url()).search).toBe('?service=RDS&category=conflict&status=4xx')

    // A query and the filters narrow together.
    await page.fill('#otcSearch', 'exist')
    const both = rows
      .filter((r) => r.service === 'RDS' && r.category === 'conflict' && String(r.status).startsWith('4') && expectedFor('exist').includes(r.code))
      .map((r) => r.code)
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'exist')
    expect(both.length).toBeGreaterThan(0)
    expect(await matches(page)).toBe(both.length)
    expect((await shownCodes(page)).every((c) => both.includes(c))).toBe(true)
    await page.close()

    const exact = await open('?service=vpc&category=QUOTA&status=409')
    expect(await exact.inputValue('#otcService')).toBe('VPC')
    const vpc = rows.filter((r) => r.service === 'VPC' && r.category === 'quota' && r.status === 409).map((r) => r.code)
    expect(vpc.length).toBeGreaterThan(0)
    expect(await shownCodes(exact)).toEqual(vpc)
    await exact.close()

    // The issue's example has no such code: the page says so rather than showing everything.
    const none = await open('?service=RDS&category=quota&status=409')
    expect(await none.textContent('#otcCount')).toBe(`0 of ${total} codes match`)
    expect(await none.isVisible('#otcNone')).toBe(true)
    await none.close()
  }, 60_000)

  it('shows more rows on request, made exactly like the rows the page was written with', async () => {
    const page = await open()
    await page.click('#otcMore')
    await waitForCount(page, countOf(total, FIRST_ROWS + MORE_ROWS))
    expect(await shownCodes(page)).toEqual(rows.slice(0, FIRST_ROWS + MORE_ROWS).map((r) => r.code))
    // The rows the script made serialise as the HTML that html.ts writes for them.
    const made = rows.slice(FIRST_ROWS, FIRST_ROWS + MORE_ROWS).map(rowHtml).join('')
    const same = await page.evaluate((html) => {
      const template = document.createElement('template')
      template.innerHTML = `<table><tbody>${html}</tbody></table>`
      const expected = template.content.querySelectorAll('tr')
      const actual = Array.from(document.querySelectorAll('#otcRows tr')).slice(-expected.length)
      return expected.length > 0 && actual.every((tr, i) => tr.outerHTML === expected[i]?.outerHTML)
    }, made)
    expect(same).toBe(true)
    await page.close()
  }, 60_000)

  it('reveals the row a #fragment names, wherever it is, and the filter gives way when it hides it', async () => {
    const anchored = await open('?q=quota#as-0001')
    // The row is not a quota code: the filter gives way so the link lands on it.
    expect(await anchored.isVisible('#as-0001')).toBe(true)
    expect(await anchored.inputValue('#otcSearch')).toBe('')
    expect(await anchored.$eval('#as-0001 td:first-child', (td) => td.textContent)).toBe('AS.0001')
    expect(await anchored.$eval('#as-0001', (tr) => tr.classList.contains('target'))).toBe(true)
    await anchored.close()

    const last = rows[total - 1]
    if (last === undefined) throw new Error('no rows')
    const page = await open(`#${last.anchor}`)
    expect(await page.isVisible(`#${last.anchor}`)).toBe(true)
    const box = await page.locator(`#${last.anchor}`).boundingBox()
    expect(box !== null && box.y >= 0 && box.y < 900).toBe(true)
    expect(await page.isVisible('#otcEarlier')).toBe(true)
    expect(await page.textContent('#otcCount')).toMatch(new RegExp(`^${total} codes, showing \\d+–${total}$`))
    await page.click('#otcEarlier')
    await page.waitForFunction((n) => document.querySelectorAll('#otcRows tr').length > n, total % FIRST_ROWS || FIRST_ROWS)
    expect(await page.isVisible(`#${last.anchor}`)).toBe(true)

    // A changed fragment (a link) reveals its row too.
    const other = rows[Math.floor(total / 2)]
    if (other === undefined) throw new Error('no rows')
    await page.evaluate((id) => {
      location.hash = id
    }, other.anchor)
    await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('target') === true, other.anchor)
    expect(await page.isVisible(`#${other.anchor}`)).toBe(true)
    await page.close()
  }, 60_000)

  it('explains a pasted curl -si response and a bare body with its status, and links the catalogue row', async () => {
    const page = await open()
    await page.fill('#otcPaste', readFileSync(new URL('examples/as-0001.http', root), 'utf8'))
    await page.click('#otcExplainForm button[type=submit]')
    await page.waitForSelector('#otcAnswer dl')
    const field = (name: string) => page.textContent(`#otcAnswer dd[data-field="${name}"]`)
    expect(await page.textContent('#otcAnswer .headline')).toBe('AS.0001: The request message format is invalid.')
    expect(await field('code')).toBe('AS.0001')
    expect(await field('service')).toBe('AS')
    expect(await field('status')).toBe('400 Bad Request (4xx)')
    expect(await field('category')).toMatch(/^validation: /)
    expect(await field('retry')).toMatch(/^never, not retryable: /)
    expect(await field('requestId')).toBe('5a3f1f0c9e2b4d7a8c6e0b1d2f3a4b5c')
    expect(await field('catalog')).toContain('AS.0001 (documented as 500; the observed status decides)')
    expect(await page.getAttribute('#otcAnswer dd[data-field="catalog"] a', 'href')).toBe('#as-0001')
    const json = JSON.parse((await page.textContent('#otcAnswer pre')) ?? '{}') as Record<string, unknown>
    expect(json).toMatchObject({ ok: false, status: 400, code: 'AS.0001', category: 'validation', retry: { retryable: false, strategy: 'never' }, known: true })
    expect(json['docsUrl']).toBe(rows.find((r) => r.code === 'AS.0001')?.docsUrl)
    await page.locator('#otcExplain').scrollIntoViewIfNeeded()
    await page.screenshot({ path: new URL('index.png', outDir).pathname, fullPage: false })

    await page.fill('#otcPaste', '{"error_code": "APIGW.0308", "error_msg": "The throttling threshold has been reached."}')
    await page.fill('#otcStatus', '429')
    await page.click('#otcExplainForm button[type=submit]')
    await page.waitForFunction(() => document.querySelector('#otcAnswer dd[data-field="code"]')?.textContent === 'APIGW.0308')
    expect(await field('category')).toMatch(/^throttled: /)
    expect(await field('retry')).toMatch(/^backoff, retryable: /)
    expect(await field('catalog')).toMatch(/^APIG\.0308: /)
    // The catalogue link lands on the row, although it is not among the rows shown.
    await page.click('#otcAnswer dd[data-field="catalog"] a')
    await page.waitForFunction(() => document.getElementById('apig-0308')?.classList.contains('target') === true)
    expect(await page.isVisible('#apig-0308')).toBe(true)

    await page.fill('#otcPaste', '{"error_code": "APIGW.0308"}')
    await page.fill('#otcStatus', '')
    await page.click('#otcExplainForm button[type=submit]')
    await page.waitForSelector('#otcAnswer [role=alert]')
    expect(await page.textContent('#otcAnswer [role=alert]')).toContain('Status field')
    await page.close()
  }, 60_000)

  it('on a phone, shows the search box and the first results first, fits the screen, and its example button works', async () => {
    const screen = { width: 390, height: 844 }
    const page = await open('', screen)
    const search = await page.locator('#otcSearch').boundingBox()
    const firstRow = await page.locator('#otcRows tr').first().boundingBox()
    const explain = await page.locator('#otcExplain').boundingBox()
    if (search === null || firstRow === null || explain === null) throw new Error('not laid out')
    // Both on the first screen, the search above the results, the Explain box after them.
    expect(search.y + search.height).toBeLessThan(screen.height / 2)
    expect(firstRow.y).toBeGreaterThan(search.y)
    expect(firstRow.y + Math.min(firstRow.height, 60)).toBeLessThan(screen.height)
    expect(explain.y).toBeGreaterThan(firstRow.y)
    // Rows become blocks (no columns to scroll sideways), and nothing is wider than the screen.
    expect(await page.$eval('#otcRows tr', (tr) => getComputedStyle(tr).display)).toBe('grid')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: new URL('index-phone.png', outDir).pathname })

    await page.fill('#otcSearch', 'APIGW.0308')
    await page.waitForFunction(() => document.querySelector('#otcRows td')?.textContent === 'APIG.0308')
    await page.click('#otcExample')
    await page.waitForSelector('#otcAnswer dl')
    expect(await page.textContent('#otcAnswer dd[data-field="code"]')).toBe('AS.0001')
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
    await page.screenshot({ path: new URL('index-phone-full.png', outDir).pathname, fullPage: true })
    await page.close()
  }, 60_000)

  it('keeps the search bar and the column headings in view while the table scrolls', async () => {
    const page = await open()
    await page.click('#otcMore')
    await page.waitForFunction((n) => document.querySelectorAll('#otcRows tr').length === n, FIRST_ROWS + MORE_ROWS)
    await page.evaluate(() => {
      const table = document.getElementById('otcTable') as HTMLElement
      window.scrollTo(0, table.offsetTop + table.offsetHeight / 2)
    })
    await page.waitForFunction(() => (document.getElementById('otcSearchBar')?.getBoundingClientRect().top ?? -1) === 0)
    const [bar, heading] = await page.evaluate(() => [
      document.getElementById('otcSearchBar')?.getBoundingClientRect().bottom ?? 0,
      document.querySelector('#otcTable th')?.getBoundingClientRect().top ?? 0,
    ])
    expect(Math.abs((heading ?? 0) - (bar ?? 0))).toBeLessThanOrEqual(1)
    await page.screenshot({ path: new URL('index-scrolled.png', outDir).pathname })
    await page.close()
  }, 60_000)

  it('searches the whole catalogue as a query is typed letter by letter, and clears back to the first rows', async () => {
    const page = await open()
    const type = (q: string) =>
      page.evaluate((text) => {
        const input = document.getElementById('otcSearch') as HTMLInputElement
        input.value = text
        input.dispatchEvent(new Event('input'))
      }, q)
    for (const q of ['a', 'as', 'as.', 'as.0', 's', 'se', 'ser', 'serv', 'serve', 'server']) await type(q)
    const server = expectedFor('server')
    await waitForCount(page, countOf(server.length, FIRST_ROWS))
    expect(await shownCodes(page)).toEqual(server.slice(0, FIRST_ROWS))
    expect(await matches(page)).toBe(server.length)
    await type('')
    await waitForCount(page, countOf(total, FIRST_ROWS))
    expect(await shownCodes(page)).toEqual(rows.slice(0, FIRST_ROWS).map((r) => r.code))
    await page.close()
  }, 60_000)

  it('made no network request and raised no script error', () => {
    expect(problems).toEqual([])
  })
})
