import { describe, expect, it } from 'vitest'
import * as _ from '../../src/logreport/html.js'

const empty = { width: 1000, times: [], categories: {}, codes: {}, untimed: 0 }

describe('reportHtml', () => {
  it('escapes every text from the log and keeps the embedded JSON inside its script', () => {
    const nasty = '</script><script>alert(1)</script> <b>AS.0001</b>'
    const html = _.reportHtml(
      {
        title: '<app>.log',
        lines: 1,
        findings: 1,
        otherFindings: 0,
        timeline: { ...empty, times: [0], categories: { server: [1] }, codes: { [nasty]: [1] } },
        codes: [{ code: nasty, service: '<s>', count: 1, categories: ['server'], retryable: true, known: false, first: _.quoteLine(nasty, 1), last: _.quoteLine(nasty, 1, '<f>') }],
      },
      '/* bundle */',
      '/* css */',
    )
    expect(html.match(/<script/g)).toHaveLength(2)
    expect(html).not.toContain('<b>')
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)')
    expect(html).toContain('\\u003c/script>')
    expect(html).toContain("default-src 'none'")
  })
  it('quotes lines redacted and shortened', () => {
    const q = _.quoteLine(`X-Auth-Token: MIIsecretsecretsecretsecret0123456789 AS.0001 ${'x'.repeat(500)}`, 7, 'a.log')
    expect(q.text).not.toContain('MIIsecret')
    expect(q.text.length).toBe(_.QUOTE_CHARS + 1)
    expect([q.file, q.line]).toEqual(['a.log', 7])
  })
})
