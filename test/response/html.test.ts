import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectLinear } from '../support/linear.js'
import * as _ from '../../src/response/html.js'
import { bodyishText } from '../arbitraries.js'

const b = (tag: string, text: string, label?: string): _.HtmlBlock => (label === undefined ? { tag, text } : { tag, text, label })

// Pages written for these tests in the shapes real servers print: what a block is, where it starts and ends.
const pages: ReadonlyArray<[string, string, _.HtmlSummary]> = [
  [
    'a gateway page: title, heading, signature',
    '<html>\n<head><title>504 Gateway Time-out</title></head>\n<body>\n<center><h1>504 Gateway Time-out</h1></center>\n<hr><center>openresty</center>\n</body>\n</html>',
    { title: '504 Gateway Time-out', blocks: [b('h1', '504 Gateway Time-out'), b('center', 'openresty')] },
  ],
  [
    'tags broken over lines, as a pasted page has them',
    '<html><head><title\n>403\n Forbidden</title\n></head><body><h1\n>Forbidden</h1\n><p\n class="why"\n>Access to bucket\n  photos-2024 is denied\n by its policy.</p\n></body></html>',
    { title: '403 Forbidden', blocks: [b('h1', 'Forbidden'), b('p', 'Access to bucket photos-2024 is denied by its policy.')] },
  ],
  [
    'list items and table cells are blocks; inline elements are read through',
    '<ul><li>Check the <a href="/x">project id</a>.</li><li>Retry <em>after</em> 30 s.</li></ul><table><tr><th>Field</th><td>vpc_id</td></tr></table>',
    { title: null, blocks: [b('li', 'Check the project id.'), b('li', 'Retry after 30 s.'), b('th', 'Field'), b('td', 'vpc_id')] },
  ],
  [
    'scripts, styles, comments and the doctype are not text',
    '<!DOCTYPE html><html><head><style>p { color: red }</style><script>var msg = "<p>not this</p>"</script></head><body><!-- <p>nor this</p> --><p>This one.</p></body></html>',
    { title: null, blocks: [b('p', 'This one.')] },
  ],
  [
    'entities decoded once, no-break spaces collapsed',
    '<p>Can&rsquo;t&nbsp;&nbsp;reach &amp;lt;backend&amp;gt; &#8212; retry</p>',
    { title: null, blocks: [b('p', 'Can\u2019t reach &lt;backend&gt; \u2014 retry')] },
  ],
  [
    'a <pre> gives one block a line; <br> is a space elsewhere',
    '<p>one<br>two</p><pre>java.lang.IllegalStateException: lease expired\n\tat com.example.Lease.check(Lease.java:42)\n</pre>',
    { title: null, blocks: [b('p', 'one two'), b('pre', 'java.lang.IllegalStateException: lease expired'), b('pre', 'at com.example.Lease.check(Lease.java:42)')] },
  ],
  [
    'a bold opening labels the rest of its block',
    '<p><b>Message</b> Lease expired</p><p><strong>Note:</strong></p><p>plain <b>bold</b></p>',
    { title: null, blocks: [b('p', 'Message Lease expired', 'Message'), b('p', 'Note:'), b('p', 'plain bold')] },
  ],
  [
    'text outside any block element is a body block; blocks without letters are dropped',
    'Service Unavailable<hr>503<div>\u00a0</div><p>Try again later.</p>',
    { title: null, blocks: [b('body', 'Service Unavailable'), b('p', 'Try again later.')] },
  ],
  [
    'unclosed and mismatched tags are read as far as they make sense',
    '<div><p>first<p>second</div></span><li>third',
    { title: null, blocks: [b('p', 'first'), b('p', 'second'), b('li', 'third')] },
  ],
  [
    'a `>` inside a quoted attribute does not end the tag; a stray quote does not swallow the page',
    '<p title="a > b">quoted</p><p class="x>unclosed</p><p>after</p>',
    { title: null, blocks: [b('p', 'quoted'), b('p', 'unclosed'), b('p', 'after')] },
  ],
  ['a stray < is text', '<p>a < b and 3<4</p>', { title: null, blocks: [b('p', 'a < b and 3<4')] }],
]

describe('readHtml', () => {
  it.each(pages)('%s', (_name, text, expected) => {
    expect(_.readHtml(text)).toEqual(expected)
  })

  it('keeps at most MAX_HTML_BLOCKS blocks of at most 2,000 characters', () => {
    const many = _.readHtml('<p>x</p>'.repeat(10_000))
    expect(many.blocks.length).toBe(_.MAX_HTML_BLOCKS)
    const long = _.readHtml(`<p>${'word '.repeat(10_000)}</p>`)
    expect(long.blocks[0]?.text.length).toBe(2001)
  })

  it('is linear on hostile pages', () => {
    const hostile: ReadonlyArray<readonly [string, (n: number) => string]> = [
      ['open tags', (n) => '<p'.repeat(n)],
      ['open attributes', (n) => '<a "'.repeat(n)],
      ['scripts', (n) => '<script>'.repeat(n)],
      ['comments', (n) => '<!--'.repeat(n)],
      ['entities', (n) => `<p>${'&amp;'.repeat(n)}</p>`],
      ['divs', (n) => '<div>'.repeat(n)],
      ['bold', (n) => '<b>'.repeat(n)],
    ]
    for (const [label, make] of hostile) expectLinear(label, make, (text) => _.readHtml(text), 37_500)
  })

  it('never throws, and gives only blocks with letters', () => {
    fc.assert(
      fc.property(bodyishText, (text) => {
        for (const block of _.readHtml(text).blocks) expect(/\p{L}/u.test(block.text)).toBe(true)
      }),
      { numRuns: 2000 },
    )
    expect(_.readHtml(42 as unknown as string)).toEqual({ title: null, blocks: [] })
  })
})

describe('htmlTitle', () => {
  it('reads a title broken over lines, with attributes and entities', () => {
    expect(_.htmlTitle('<title\n lang="en"\n>Too&nbsp;Many\n Requests</title\n>')).toBe('Too Many Requests')
    expect(_.htmlTitle('<titles>no</titles>')).toBeNull()
    expect(_.htmlTitle(null as unknown as string)).toBeNull()
  })
})

describe('decodeHtmlEntities', () => {
  it('decodes the common named entities and numeric references once', () => {
    expect(_.decodeHtmlEntities('&laquo;a&raquo; &hellip; &ldquo;b&rdquo; &copy; &#x41;&#66; &amp;amp; &unknown;')).toBe(
      '\u00aba\u00bb \u2026 \u201cb\u201d \u00a9 AB &amp; &unknown;',
    )
  })
})

describe('htmlTitle: bounded', () => {
  it('cuts a title longer than 2,000 characters, with an ellipsis', () => {
    const title = _.htmlTitle(`<title>${'x'.repeat(1 << 20)}</title>`)
    expect(title).toBe(`${'x'.repeat(2000)}…`)
    // Cut before the entities are decoded and the spaces collapsed, still with the ellipsis.
    expect(_.htmlTitle(`<title>a${' '.repeat(1 << 20)}b</title>`)).toBe('a…')
    expect(_.htmlTitle(`<title>${'y'.repeat(2000)}</title>`)).toBe('y'.repeat(2000))
  })
})
