// Benchmark, not a test: how fast the generated docs/catalog/index.html shows and searches the
// whole catalogue in headless Chromium, each figure beside a baseline measured in the same run
// (so a loaded machine slows both):
// - load: first contentful paint, largest contentful paint, the load event, and "ready to
//   search" (the script has wired search, filters and Explain), median of several fresh tabs;
//   the baseline ("floor") is the same page cut down to its header and first rows, without data
//   or script, loaded in turns with it.
// - keystroke to results: from an input event (or a filter's change) to the frame after the
//   table shows the new results, per keystroke of queries typed letter by letter (alias
//   spellings, words, field terms) and of filter changes; the floor is a bare loop in the same
//   tab that scans the lower-cased row texts for the query and writes the first rows with
//   innerHTML.
// - with --before REF (a git revision, e.g. main) or --before FILE: the same for that page.
// Options: --loads N (7), --rounds N (3), --page FILE (another generated page).
// Needs Debian's chromium (CHROMIUM_PATH, default /usr/bin/chromium) and `npm run docs` output.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { median } from './timing.mjs'

const root = new URL('..', import.meta.url).pathname
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const args = process.argv.slice(2)
const option = (name) => {
  const i = args.indexOf(name)
  return i === -1 ? undefined : args[i + 1]
}
const pagePath = option('--page') ?? join(root, 'docs/catalog/index.html')
const loads = Number(option('--loads') ?? 7)
const rounds = Number(option('--rounds') ?? 3)
const before = option('--before')

if (!existsSync(executablePath)) {
  process.stderr.write(`bench:docs: no Chromium at ${executablePath}: apt-get install -y chromium, or set CHROMIUM_PATH\n`)
  process.exit(2)
}
if (!existsSync(pagePath)) {
  process.stderr.write('bench:docs: no docs/catalog/index.html: run `npm run docs` first\n')
  process.exit(2)
}

const scratch = mkdtempSync(join(tmpdir(), 'otc-bench-docs-'))
const html = readFileSync(pagePath, 'utf8')
// The floor of loading: the page without its data and script (header, search bar, first rows).
const floorPath = join(scratch, 'floor.html')
writeFileSync(floorPath, html.replace(/<script type="application\/json"[\s\S]*?<\/script>\n<script>[\s\S]*<\/script>/, ''))

let beforePath
if (before !== undefined) {
  beforePath = join(scratch, 'before.html')
  if (existsSync(before)) writeFileSync(beforePath, readFileSync(before))
  else writeFileSync(beforePath, execFileSync('git', ['show', `${before}:docs/catalog/index.html`], { cwd: root, maxBuffer: 1 << 30 }))
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN
const ms = (x) => `${Math.round(x)} ms`
const kb = (path) => `${(statSync(path).size / 1024 / 1024).toFixed(2)} MB`

const browser = await chromium.launch({ executablePath, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] })

/** Records, in the page, when the first row appears and when the script says it is ready. */
const WATCH = () => {
  const marks = {}
  window.__otcMarks = marks
  const check = () => {
    const now = performance.now()
    if (marks.row === undefined && document.querySelector('#otcRows tr') !== null) marks.row = now
    if (marks.ready === undefined && document.documentElement.dataset.ready === 'true') marks.ready = now
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ready'] })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-contentful-paint') marks.fcp = entry.startTime
    }
  }).observe({ type: 'paint', buffered: true })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.lcp = entry.startTime
  }).observe({ type: 'largest-contentful-paint', buffered: true })
}

/** Opens a file in a fresh tab, waits until it is ready (or loaded, without a script), returns the marks. */
const load = async (path, { script = true } = {}) => {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await tab.addInitScript(WATCH)
  await tab.goto(pathToFileURL(path).href, { waitUntil: 'load' })
  if (script) await tab.waitForFunction(() => window.__otcMarks.ready !== undefined, null, { timeout: 120_000 })
  // One more frame, so that the paint entries of the last frame are in.
  await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))))
  const marks = await tab.evaluate(() => ({ ...window.__otcMarks, load: performance.getEntriesByType('navigation')[0]?.loadEventEnd }))
  return { tab, marks }
}

/** Median figures of fresh loads of each page, taken in turns so that both see the same machine load. */
const loadFigures = async (pages, times) => {
  const all = pages.map(() => [])
  for (let i = 0; i < times; i++) {
    for (const [k, { path, script }] of pages.entries()) {
      const { tab, marks } = await load(path, { script })
      all[k].push(marks)
      await tab.close()
    }
  }
  return all.map((marks) => {
    const pick = (name) => median(marks.map((m) => m[name]).filter((x) => typeof x === 'number'))
    return { fcp: pick('fcp'), lcp: pick('lcp'), row: pick('row'), ready: pick('ready'), load: pick('load') }
  })
}

/** What is typed, keystroke by keystroke: each entry is the input's value after one key. */
const typing = (word) => [...word].map((_, i) => word.slice(0, i + 1))
const KEYSTROKES = [...typing('apigw.0308'), '', ...typing('ecs.0005'), '', ...typing('quota'), '', ...typing('status:429'), '', ...typing('server error'), '']
/** Filter changes: [select id, value]. */
const FILTER_CHANGES = [
  ['otcService', 'RDS'],
  ['otcCategory', 'quota'],
  ['otcStatusFilter', '409'],
  ['otcStatusFilter', ''],
  ['otcCategory', ''],
  ['otcService', ''],
]

/** Per keystroke: the time from the event to the frame after the new results were painted. */
const keystrokes = (tab, { filters }) =>
  tab.evaluate(
    async ({ keys, changes, filters }) => {
      const input = document.getElementById('otcSearch')
      const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      const out = { typed: [], filtered: [] }
      for (const value of keys) {
        const started = performance.now()
        input.value = value
        input.dispatchEvent(new Event('input', { bubbles: true }))
        await painted()
        out.typed.push(performance.now() - started)
      }
      if (filters) {
        for (const [id, value] of changes) {
          const select = document.getElementById(id)
          const started = performance.now()
          select.value = value
          select.dispatchEvent(new Event('change', { bubbles: true }))
          await painted()
          out.filtered.push(performance.now() - started)
        }
      }
      return out
    },
    { keys: KEYSTROKES, changes: FILTER_CHANGES, filters },
  )

/** The floor, in the same tab: a bare substring scan over prepared row texts and innerHTML of the first rows. */
const floorKeystrokes = (tab) =>
  tab.evaluate(async (keys) => {
    const data = JSON.parse(document.getElementById('otcCatalog').textContent)
    const rows = data.order.flatMap((f) => data.files[f].rows.map((r) => [r[0], data.files[f].header.service, r[1], r[2]]))
    const texts = rows.map((r) => r.join('\n').toLowerCase())
    const body = document.getElementById('otcRows')
    const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;')
    const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    const out = []
    for (const value of keys) {
      const started = performance.now()
      const q = value.toLowerCase()
      const shown = []
      for (let i = 0; i < texts.length && shown.length < 100; i++) if (texts[i].includes(q)) shown.push(i)
      let matches = shown.length
      for (let i = (shown.at(-1) ?? texts.length) + 1; i < texts.length; i++) if (texts[i].includes(q)) matches++
      body.innerHTML = shown.map((i) => `<tr><td>${rows[i].map(escape).join('</td><td>')}</td></tr>`).join('')
      document.getElementById('otcCount').textContent = `${matches}`
      await painted()
      out.push(performance.now() - started)
    }
    return out
  }, KEYSTROKES)

/** The old page's floor: its own bare loop (hide the rows whose text lacks the query). */
const oldFloorKeystrokes = (tab) =>
  tab.evaluate(async (keys) => {
    const rows = [...document.querySelectorAll('#otcRows tr')]
    const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    const out = []
    for (const value of keys) {
      const started = performance.now()
      const w = value.toLowerCase()
      for (const r of rows) r.hidden = w !== '' && !r.textContent.toLowerCase().includes(w)
      await painted()
      out.push(performance.now() - started)
    }
    for (const r of rows) r.hidden = false
    return out
  }, KEYSTROKES)

const summary = (xs) => `median ${ms(median(xs))}, p90 ${ms(quantile(xs, 0.9))}, max ${ms(Math.max(...xs))} (${xs.length} events)`

try {
  const lines = []
  const say = (line) => {
    lines.push(line)
    process.stdout.write(`${line}\n`)
  }
  say(
    `docs page: ${pagePath.startsWith(root) ? pagePath.slice(root.length) : pagePath}, ${kb(pagePath)} (floor: ${kb(floorPath)}), headless Chromium, ${loads} loads and ${rounds} typing rounds`,
  )

  const [ours, floor] = await loadFigures(
    [
      { path: pagePath, script: true },
      { path: floorPath, script: false },
    ],
    loads,
  )
  say(
    `load, median of ${loads}: first content ${ms(ours.fcp)} (floor ${ms(floor.fcp)}), largest content ${ms(ours.lcp)} (floor ${ms(floor.lcp)}), ` +
      `load event ${ms(ours.load)} (floor ${ms(floor.load)}), ready to search ${ms(ours.ready)}`,
  )

  // Typing starts as soon as the page is ready, in a fresh tab: the first round makes its rows
  // (and finishes the index) as a person's first search would; later rounds show rows made before.
  const { tab } = await load(pagePath)
  const first = []
  const typed = []
  const filtered = []
  const bare = []
  for (let r = 0; r < rounds; r++) {
    const result = await keystrokes(tab, { filters: true })
    ;(r === 0 ? first : typed).push(...result.typed)
    filtered.push(...result.filtered)
    bare.push(...(await floorKeystrokes(tab)))
    // Back to the page's own rows for the next round.
    await keystrokes(tab, { filters: false })
  }
  const all = [...first, ...typed]
  say(`keystroke to results: ${summary(all)}; floor (bare scan + innerHTML of 100 rows) ${summary(bare)}; ratio of medians ${(median(all) / median(bare)).toFixed(2)}`)
  say(`  first round in a fresh tab ${summary(first)}${typed.length > 0 ? `; later rounds ${summary(typed)}` : ''}`)
  say(`filter change to results: ${summary(filtered)}`)
  await tab.close()

  if (beforePath !== undefined) {
    say(`before (${before}): ${kb(beforePath)}`)
    const [old] = await loadFigures([{ path: beforePath, script: true }], 1)
    say(`  load: first content ${ms(old.fcp)}, largest content ${ms(old.lcp)}, load event ${ms(old.load)}, ready to search ${ms(old.ready)}`)
    const { tab: oldTab } = await load(beforePath)
    const oldTyped = (await keystrokes(oldTab, { filters: false })).typed
    const oldBare = await oldFloorKeystrokes(oldTab)
    say(`  keystroke to results: ${summary(oldTyped)}; its floor (hide rows without the text) ${summary(oldBare)}`)
    await oldTab.close()
  }
} finally {
  await browser.close()
}
