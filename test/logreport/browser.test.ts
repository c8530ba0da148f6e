// `classify --format html` in a real, headless Chromium from file://: the charts draw (uPlot,
// inlined), their totals per category equal classify's findings, the table's counts equal
// `classify --format json`, quoted lines are escaped and redacted, nothing goes to the network.
// Uses Debian's chromium (installed by .ci/run); saves a screenshot to test-output/report/.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
// @ts-expect-error: a plain ES module without types
import { UNKNOWN_CODES, generateLines } from '../../bench/engines/generate.mjs'
import { REPORT_BUNDLE } from '../../src/logreport/page.generated.js'
import { describeIfAvailable } from '../support/needs.js'

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const missing =
  REPORT_BUNDLE === null
    ? 'the build has no report bundle (esbuild or uplot missing; run `npm ci`)'
    : existsSync(executablePath)
      ? null
      : `no Chromium at ${executablePath}: install it with \`apt-get install -y chromium\` (.ci/run does), or set CHROMIUM_PATH`
const outDir = new URL('../../test-output/report/', import.meta.url)
const bin = new URL('../../dist/src/cli/bin.js', import.meta.url).pathname
const cli = (args: ReadonlyArray<string>): string => execFileSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })

describeIfAvailable(missing)('classify --format html in headless Chromium', () => {
  let browser: Browser
  const problems: Array<string> = []
  const log = new URL('app.log', outDir).pathname
  const report = new URL('report.html', outDir)

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true })
    const lines: ReadonlyArray<string> = generateLines({ codes: ['AS.0001', 'APIG.0308', 'IMG.0027', 'Ecs.0005', 'NoSuchBucket', ...UNKNOWN_CODES], lines: 4000 })
    const hostile = '2026-11-23T09:30:00Z <img src=x onerror=alert(1)> AS.0001 X-Auth-Token: MIIsecretsecretsecretsecret0123456789'
    writeFileSync(log, `${[...lines, hostile].join('\n')}\n`)
    writeFileSync(report, cli(['classify', log, '--format', 'html']))
    browser = await chromium.launch({ executablePath, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('draws the timelines and shows the numbers classify gives', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
    })
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) problems.push(`network request: ${request.url()}`)
    })
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`)
      void dialog.dismiss()
    })
    await page.goto(report.href)
    await page.waitForSelector('body[data-charts="ready"]')

    const json = JSON.parse(cli(['classify', log, '--format', 'json'])) as { findings: number; byCode: Record<string, number> }
    const table = await page.$$eval('#otcCodes tbody tr', (rows) =>
      rows.map((r) => [r.getAttribute('data-code') ?? '', Number(r.querySelector('td[data-count]')?.getAttribute('data-count'))] as const),
    )
    expect(Object.fromEntries(table)).toEqual(json.byCode)
    expect(Number(await page.getAttribute('#otcTotals', 'data-findings'))).toBe(json.findings)

    // Every finding of the generated log has a timestamp; the chart's totals per category are
    // classify's, line for line.
    const drawn = await page.evaluate(() => (window as unknown as { otcReport: { categories: Record<string, number>; codes: ReadonlyArray<string>; charts: number } }).otcReport)
    const byCategory: Record<string, number> = {}
    for (const line of cli(['classify', log, '--format', 'ndjson']).trim().split('\n')) {
      const f = JSON.parse(line) as { category: string }
      byCategory[f.category] = (byCategory[f.category] ?? 0) + 1
    }
    expect(await page.getAttribute('#otcTotals', 'data-untimed')).toBe('0')
    expect(drawn.categories).toEqual(byCategory)
    expect(drawn.charts).toBe(2)
    expect(await page.$$eval('.uplot canvas', (c) => c.length)).toBe(2)
    expect(drawn.codes[0]).toBe(Object.entries(json.byCode).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0])

    // The hostile line is shown as text, with its secret redacted.
    const last = await page.$eval('tr[data-code="AS.0001"] td:last-child code', (c) => c.textContent ?? '')
    expect(last).toContain('<img src=x onerror=alert(1)>')
    expect(last).not.toContain('MIIsecret')
    expect(await page.$$eval('img', (imgs) => imgs.length)).toBe(0)

    await page.screenshot({ path: new URL('report.png', outDir).pathname, fullPage: true })
    expect(problems).toEqual([])
  })
})
