// The generated index.html in a real, headless Chromium: search, ?q= prefill, anchors and the
// Explain box, with the library running in the page. Uses Debian's chromium (installed by
// .ci/run), never a downloaded browser; skips with a message when there is none.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { defaultCatalog } from '../../src/catalog/index.js'
import { BROWSER_BUNDLE } from '../../src/docs/browser.generated.js'
import { renderDocs } from '../../src/docs/index.js'
import { describeIfAvailable } from '../support/needs.js'

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const haveBrowser = existsSync(executablePath) && BROWSER_BUNDLE !== null
const outDir = new URL('../../test-output/docs/', import.meta.url)
const root = new URL('../../', import.meta.url)

const missing = haveBrowser
  ? null
  : `${BROWSER_BUNDLE === null ? 'the build has no browser bundle (esbuild missing; run `npm ci`)' : `no Chromium at ${executablePath}`}: ` +
    'install it with `apt-get install -y chromium` (.ci/run does), or set CHROMIUM_PATH'

const entries = defaultCatalog().entries()
const total = entries.length

/** An independent reading of a plain one-word query: the word in code, service, status, category, retry or message. */
const expectedFor = (word: string): ReadonlyArray<string> => {
  const w = word.toLowerCase()
  return defaultCatalog()
    .files()
    .flatMap(({ file }) => file.entries.map((e) => ({ e, service: file.service })))
    .filter(({ e, service }) =>
      [e.code, service, String(e.status ?? ''), e.category, e.retry, [e.message, ...(e.otherMessages ?? [])].join('; ')].some((f) => f.toLowerCase().includes(w)),
    )
    .map(({ e }) => e.code)
    .sort()
}

const visibleCodes = (page: Page): Promise<ReadonlyArray<string>> =>
  page.$$eval('#otcRows tr:not([hidden]) td:first-child', (cells) => cells.map((c) => (c.textContent ?? '').trim()).sort())

describeIfAvailable(missing)('index.html in headless Chromium', () => {
  let browser: Browser
  let url: string
  const problems: Array<string> = []

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true })
    const html = renderDocs(defaultCatalog().files(), 'html', BROWSER_BUNDLE).find((f) => f.path === 'index.html')
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

  it('shows every code, then filters as a query is typed, with the count of shown rows', async () => {
    const page = await open()
    expect(await page.locator('#otcRows tr').count()).toBe(total)
    expect(await page.textContent('#otcCount')).toBe(`Showing ${total} of ${total} codes`)
    await page.fill('#otcSearch', 'AS.000')
    await page.waitForFunction((n) => document.getElementById('otcCount')?.textContent !== `Showing ${n} of ${n} codes`, total)
    const shown = await visibleCodes(page)
    expect(shown).toEqual(expectedFor('AS.000'))
    expect(shown).toContain('AS.0001')
    expect(shown.every((code) => code.toLowerCase().includes('as.000'))).toBe(true)
    expect(await page.textContent('#otcCount')).toBe(`Showing ${shown.length} of ${total} codes`)
    expect(await page.isHidden('#otcNone')).toBe(true)
    await page.locator('#otcCodes').scrollIntoViewIfNeeded()
    await page.screenshot({ path: new URL('index-search.png', outDir).pathname })

    await page.fill('#otcSearch', 'category:throttled status:429')
    const throttled = entries.filter((e) => e.category === 'throttled' && e.status === 429).map((e) => e.code).sort()
    expect(throttled.length).toBeGreaterThan(0)
    await page.waitForFunction((n) => document.getElementById('otcCount')?.textContent?.startsWith(`Showing ${n} of`) === true, throttled.length)
    expect(await visibleCodes(page)).toEqual(throttled)
    expect(await visibleCodes(page)).toContain('APIG.0308')
    // The query goes into the address, so the filtered view can be bookmarked or shared.
    expect(new URL(page.url()).searchParams.get('q')).toBe('category:throttled status:429')

    await page.fill('#otcSearch', 'no such code anywhere')
    await page.waitForSelector('#otcNone:not([hidden])')
    expect(await page.textContent('#otcCount')).toBe(`Showing 0 of ${total} codes`)
    await page.close()
  }, 60_000)

  it('opens filtered with ?q=, and a #fragment reveals its row', async () => {
    const page = await open('?q=quota')
    expect(await page.inputValue('#otcSearch')).toBe('quota')
    const shown = await visibleCodes(page)
    expect(shown).toEqual(expectedFor('quota'))
    expect(shown.length).toBeLessThan(total)
    await page.close()

    const anchored = await open('?q=quota#as-0001')
    // The row is not a quota code: the filter gives way so the link lands on it.
    expect(await anchored.isVisible('#as-0001')).toBe(true)
    expect(await anchored.inputValue('#otcSearch')).toBe('')
    expect(await anchored.$eval('#as-0001 td:first-child', (td) => td.textContent)).toBe('AS.0001')
    await anchored.close()
  }, 60_000)

  it('explains a pasted curl -si response and a bare body with its status', async () => {
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
    await page.screenshot({ path: new URL('index.png', outDir).pathname, fullPage: false })

    await page.fill('#otcPaste', '{"error_code": "APIGW.0308", "error_msg": "The throttling threshold has been reached."}')
    await page.fill('#otcStatus', '429')
    await page.click('#otcExplainForm button[type=submit]')
    await page.waitForFunction(() => document.querySelector('#otcAnswer dd[data-field="code"]')?.textContent === 'APIGW.0308')
    expect(await field('category')).toMatch(/^throttled: /)
    expect(await field('retry')).toMatch(/^backoff, retryable: /)
    expect(await field('catalog')).toMatch(/^APIG\.0308: /)

    await page.fill('#otcStatus', '')
    await page.click('#otcExplainForm button[type=submit]')
    await page.waitForSelector('#otcAnswer [role=alert]')
    expect(await page.textContent('#otcAnswer [role=alert]')).toContain('Status field')
    await page.close()
  }, 60_000)

  it('fits a phone screen, and its example button works', async () => {
    const page = await open('?q=APIG.0308', { width: 390, height: 844 })
    await page.click('#otcExample')
    await page.waitForSelector('#otcAnswer dl')
    expect(await page.textContent('#otcAnswer dd[data-field="code"]')).toBe('AS.0001')
    // No sideways scrolling on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: new URL('index-phone.png', outDir).pathname, fullPage: true })
    await page.close()
  }, 60_000)

  it('keeps the search bar and the column headings in view while the table scrolls', async () => {
    const page = await open()
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2))
    await page.waitForFunction(() => (document.getElementById('otcSearchBar')?.getBoundingClientRect().top ?? -1) === 0)
    const [bar, heading] = await page.evaluate(() => [
      document.getElementById('otcSearchBar')?.getBoundingClientRect().bottom ?? 0,
      document.querySelector('#otcTable th')?.getBoundingClientRect().top ?? 0,
    ])
    expect(Math.abs((heading ?? 0) - (bar ?? 0))).toBeLessThanOrEqual(1)
    await page.screenshot({ path: new URL('index-scrolled.png', outDir).pathname })
    await page.close()
  }, 60_000)

  // How fast it filters is measured by `npm run bench:docs`, not asserted here.
  it('filters the whole catalogue as a query is typed letter by letter, and clears back to all', async () => {
    const page = await open()
    const type = (q: string) =>
      page.evaluate((text) => {
        const input = document.getElementById('otcSearch') as HTMLInputElement
        input.value = text
        input.dispatchEvent(new Event('input'))
      }, q)
    const shows = (n: number) => page.waitForFunction((m) => document.getElementById('otcCount')?.textContent?.startsWith(`Showing ${m} of`) === true, n)
    for (const q of ['a', 'as', 'as.', 'as.0', 'server']) await type(q)
    await shows(expectedFor('server').length)
    expect(await visibleCodes(page)).toEqual(expectedFor('server'))
    await type('')
    await shows(total)
    expect(await visibleCodes(page)).toHaveLength(total)
    await page.close()
  }, 60_000)

  it('made no network request and raised no script error', () => {
    expect(problems).toEqual([])
  })
})
