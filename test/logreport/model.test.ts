import { describe, expect, it } from 'vitest'
import * as _ from '../../src/logreport/model.js'
import { reportHtml } from '../../src/logreport/html.js'

const timeline = { width: 60_000, times: [0, 60_000], categories: { throttled: [1, 2] }, codes: { 'APIG.0308': [1, 2] }, untimed: 0 }
const data: _.ReportData = {
  title: 'app.log',
  lines: 10,
  findings: 3,
  otherFindings: 0,
  timeline,
  codes: [
    {
      code: 'APIG.0308',
      service: 'APIG',
      count: 3,
      categories: ['throttled'],
      retryable: true,
      known: true,
      first: { line: 1, text: 'a' },
      last: { file: 'b.log', line: 9, text: 'b' },
    },
  ],
}

describe('REPORT_DATA_ID', () => {
  it('is a camel-case element id (no collision with the lower-case code anchors)', () => {
    expect(_.REPORT_DATA_ID).toBe('otcReportData')
    expect(_.REPORT_DATA_ID).toMatch(/^[a-z][A-Za-z]*[A-Z][A-Za-z]*$/)
  })
  it('names the one JSON script of the page, which holds the timeline the page script reads', () => {
    const html = reportHtml(data, '', '')
    const scripts = [...html.matchAll(/<script type="application\/json" id="([^"]+)">([^<]*)<\/script>/g)]
    expect(scripts.map((m) => m[1])).toEqual([_.REPORT_DATA_ID])
    expect(JSON.parse(scripts[0]![2]!)).toEqual({ timeline })
  })
})
