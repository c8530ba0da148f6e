// Benchmark, not a test: how fast the generated docs/catalog/index.html filters the whole
// catalogue in headless Chromium, against a baseline in the same page and run: a bare loop that
// hides the rows whose text contains the query (no index, no counting). Prints both and the
// ratio, per keystroke, median of several rounds; and the time from navigation to a shown table.
// Needs Debian's chromium (CHROMIUM_PATH, default /usr/bin/chromium) and `npm run docs` output.
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

const page = new URL('../docs/catalog/index.html', import.meta.url)
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(executablePath)) {
  process.stderr.write(`bench:docs: no Chromium at ${executablePath}: apt-get install -y chromium, or set CHROMIUM_PATH\n`)
  process.exit(2)
}
const browser = await chromium.launch({ executablePath, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] })
try {
  const tab = await browser.newPage()
  const started = Date.now()
  await tab.goto(page.href)
  await tab.waitForSelector('#otcRows tr')
  const loadMs = Date.now() - started
  const queries = ['a', 'as', 'as.', 'as.0', 'server', 'quota', '']
  const round = () =>
    tab.evaluate(async (qs) => {
      const input = document.getElementById('otcSearch')
      const rows = [...document.querySelectorAll('#otcRows tr')]
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      const time = async (apply) => {
        const start = performance.now()
        for (const q of qs) {
          apply(q)
          await frame()
        }
        return (performance.now() - start) / qs.length
      }
      const ours = await time((q) => {
        input.value = q
        input.dispatchEvent(new Event('input'))
      })
      const baseline = await time((q) => {
        const w = q.toLowerCase()
        for (const r of rows) r.hidden = w !== '' && !r.textContent.toLowerCase().includes(w)
      })
      for (const r of rows) r.hidden = false
      return { ours, baseline }
    }, queries)
  const results = []
  for (let i = 0; i < 5; i++) results.push(await round())
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const ours = median(results.map((r) => r.ours))
  const baseline = median(results.map((r) => r.baseline))
  const rows = await tab.$$eval('#otcRows tr', (r) => r.length)
  process.stdout.write(
    `docs page: ${rows} rows, shown ${loadMs} ms after navigation\n` +
      `per keystroke: ours ${ours.toFixed(1)} ms, bare substring loop ${baseline.toFixed(1)} ms, ratio ${(ours / baseline).toFixed(2)}\n`,
  )
} finally {
  await browser.close()
}
