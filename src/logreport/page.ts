/**
 * The script of `classify --format html`, bundled with uPlot by esbuild
 * (`scripts/bundle-report.mjs`) and inlined into the page: it reads the report the page embeds
 * as JSON and draws two timelines (findings per category, the most frequent codes) with uPlot.
 * The table is already HTML; this only draws. Everything it shows is text, never HTML.
 *
 * @since 0.1.0
 */
import uPlot from 'uplot'
import { REPORT_DATA_ID, type ReportData } from './model.js'

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939']

/** At most this many codes get a line of their own in the second chart. */
const TOP_CODES = 8

const chart = (host: HTMLElement, times: ReadonlyArray<number>, named: ReadonlyArray<readonly [string, ReadonlyArray<number>]>, width: number): uPlot => {
  const stepped = uPlot.paths.stepped?.({ align: 1 })
  const opts: uPlot.Options = {
    width,
    height: 260,
    scales: { x: { time: true } },
    // The page states its times in UTC, whatever the reader's time zone.
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    axes: [{}, { label: 'findings per bucket' }],
    series: [
      {},
      ...named.map(([label], i) => ({
        label,
        stroke: PALETTE[i % PALETTE.length] ?? '#000',
        width: 1.5,
        ...(stepped === undefined ? {} : { paths: stepped }),
      })),
    ],
  }
  const data: uPlot.AlignedData = [times.map((t) => t / 1000), ...named.map(([, counts]) => [...counts])]
  return new uPlot(opts, data, host)
}

const draw = (): void => {
  const source = document.getElementById(REPORT_DATA_ID)
  if (source === null) return
  const report = JSON.parse(source.textContent ?? 'null') as Pick<ReportData, 'timeline'> | null
  if (report === null) return
  const { timeline } = report
  const width = (): number => Math.max(320, Math.min(1100, (document.body.clientWidth || 900) - 32))
  const byCategory = Object.entries(timeline.categories).sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : 1))
  const byCode = Object.entries(timeline.codes)
    .sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP_CODES)
  const plots: Array<uPlot> = []
  const categoryHost = document.getElementById('otcByCategory')
  const codeHost = document.getElementById('otcByCode')
  if (timeline.times.length > 0 && categoryHost !== null && codeHost !== null) {
    plots.push(chart(categoryHost, timeline.times, byCategory, width()))
    plots.push(chart(codeHost, timeline.times, byCode, width()))
    window.addEventListener('resize', () => plots.forEach((p) => p.setSize({ width: width(), height: 260 })))
  }
  // What the page drew, for people poking at it in devtools and for the browser test.
  const drawn = { categories: Object.fromEntries(byCategory.map(([name, counts]) => [name, total(counts)])), codes: byCode.map(([code]) => code), charts: plots.length }
  Object.assign(window, { otcReport: drawn })
  document.body.dataset['charts'] = 'ready'
}

const total = (counts: ReadonlyArray<number>): number => counts.reduce((a, b) => a + b, 0)

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw)
else draw()
