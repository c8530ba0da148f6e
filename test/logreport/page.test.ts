// The page script run against a stand-in document (the real browser run is browser.test.ts):
// which series it hands uPlot, in which order, and what it reports as drawn.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { REPORT_DATA_ID } from '../../src/logreport/model.js'
import type { TimelineSeries } from '../../src/logs/timeline.js'

interface Plot {
  readonly labels: ReadonlyArray<string>
  readonly data: ReadonlyArray<ReadonlyArray<number>>
  readonly width: number
  readonly host: unknown
  readonly utcHours: number
  sizes: Array<number>
}
const plots: Array<Plot> = []

vi.mock('uplot', () => {
  class FakePlot {
    constructor(opts: { width: number; series: Array<{ label?: string }>; tzDate: (s: number) => Date }, data: Array<Array<number>>, host: unknown) {
      const plot: Plot = { labels: opts.series.slice(1).map((s) => s.label ?? ''), data, width: opts.width, host, utcHours: opts.tzDate(3600).getUTCHours(), sizes: [] }
      plots.push(plot)
      Object.assign(this, { setSize: ({ width }: { width: number }) => plot.sizes.push(width) })
    }
    static paths = { stepped: () => 'stepped' }
    static tzDate = (date: Date) => date
  }
  return { default: FakePlot }
})

interface Page {
  readonly window: { otcReport?: { categories: Record<string, number>; codes: Array<string>; charts: number } }
  readonly body: { dataset: Record<string, string>; clientWidth: number }
  readonly resize: Array<() => void>
  readonly ready: Array<() => void>
}

/** A document with the report's elements (or without some), then the page script run in it. */
const run = async (timeline: TimelineSeries | null, options: { elements?: boolean; loading?: boolean; clientWidth?: number } = {}): Promise<Page> => {
  const resize: Array<() => void> = []
  const ready: Array<() => void> = []
  const body = { dataset: {} as Record<string, string>, clientWidth: options.clientWidth ?? 900 }
  const elements: Record<string, unknown> = {
    ...(timeline === null ? {} : { [REPORT_DATA_ID]: { textContent: JSON.stringify({ timeline }) } }),
    ...(options.elements === false ? {} : { otcByCategory: { id: 'otcByCategory' }, otcByCode: { id: 'otcByCode' } }),
  }
  const window = { addEventListener: (type: string, f: () => void) => type === 'resize' && resize.push(f) }
  vi.stubGlobal('window', window)
  vi.stubGlobal('document', {
    readyState: options.loading === true ? 'loading' : 'complete',
    body,
    getElementById: (id: string) => elements[id] ?? null,
    addEventListener: (type: string, f: () => void) => type === 'DOMContentLoaded' && ready.push(f),
  })
  vi.resetModules()
  await import('../../src/logreport/page.js')
  return { window: window as Page['window'], body, resize, ready }
}

const series = (codes: Record<string, ReadonlyArray<number>>, categories: Record<string, ReadonlyArray<number>> = { server: [1, 0, 2] }): TimelineSeries => ({
  width: 60_000,
  times: [1_700_000_000_000, 1_700_000_060_000, 1_700_000_120_000],
  categories,
  codes,
  untimed: 0,
})

beforeEach(() => {
  plots.length = 0
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the page script', () => {
  it('draws one chart per category and one of the most frequent codes, times in seconds, in UTC', async () => {
    const page = await run(series({ 'AS.0001': [1, 1, 1], 'APIG.0308': [0, 5, 0] }, { throttled: [0, 5, 0], server: [1, 1, 1], auth: [0, 0, 1] }))
    expect(plots.map((p) => p.host)).toEqual([{ id: 'otcByCategory' }, { id: 'otcByCode' }])
    expect(plots[0]!.labels).toEqual(['throttled', 'server', 'auth'])
    expect(plots[0]!.data).toEqual([
      [1_700_000_000, 1_700_000_060, 1_700_000_120],
      [0, 5, 0],
      [1, 1, 1],
      [0, 0, 1],
    ])
    expect(plots[1]!.labels).toEqual(['APIG.0308', 'AS.0001'])
    expect(plots[0]!.utcHours).toBe(1)
    expect(page.window.otcReport).toEqual({ categories: { throttled: 5, server: 3, auth: 1 }, codes: ['APIG.0308', 'AS.0001'], charts: 2 })
    expect(page.body.dataset['charts']).toBe('ready')
  })
  it('keeps the eight most frequent codes, ties by name', async () => {
    const codes = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`C.${String(i).padStart(2, '0')}`, [i % 3, 0, 0]]))
    const page = await run(series(codes))
    expect(page.window.otcReport?.codes).toEqual(['C.02', 'C.05', 'C.08', 'C.11', 'C.01', 'C.04', 'C.07', 'C.10'])
    expect(plots[1]!.labels).toEqual(page.window.otcReport?.codes)
  })
  it('fits the charts to the page between 320 and 1100 pixels, and again on resize', async () => {
    const page = await run(series({ 'AS.0001': [1, 1, 1] }), { clientWidth: 2000 })
    expect(plots.map((p) => p.width)).toEqual([1100, 1100])
    page.body.clientWidth = 100
    page.resize.forEach((f) => f())
    expect(plots.map((p) => p.sizes)).toEqual([[320], [320]])
  })
  it('draws no chart when no finding had a time, but still reports', async () => {
    const page = await run({ width: 60_000, times: [], categories: {}, codes: {}, untimed: 4 })
    expect(plots).toEqual([])
    expect(page.window.otcReport).toEqual({ categories: {}, codes: [], charts: 0 })
    expect(page.body.dataset['charts']).toBe('ready')
  })
  it('draws no chart without the chart elements', async () => {
    const page = await run(series({ 'AS.0001': [1, 1, 1] }), { elements: false })
    expect(plots).toEqual([])
    expect(page.window.otcReport?.charts).toBe(0)
  })
  it('does nothing on a page without the report data', async () => {
    const page = await run(null)
    expect(plots).toEqual([])
    expect(page.window.otcReport).toBeUndefined()
    expect(page.body.dataset['charts']).toBeUndefined()
  })
  it('waits for the document while it is still loading', async () => {
    const page = await run(series({ 'AS.0001': [1, 1, 1] }), { loading: true })
    expect(plots).toEqual([])
    expect(page.ready).toHaveLength(1)
    page.ready[0]!()
    expect(plots).toHaveLength(2)
    expect(page.body.dataset['charts']).toBe('ready')
  })
})
