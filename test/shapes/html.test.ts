import { describe, expect, it } from 'vitest'
import { readHtml } from '../../src/response/html.js'
import * as _ from '../../src/shapes/html.js'

// Error pages written for these tests, shaped like those of gateways, proxies, WAFs, object
// stores and servlet containers, each with the sentence a person would quote.
const pages: ReadonlyArray<[string, string, string | null]> = [
  [
    'the paragraph, not the title or the heading',
    '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL /v2/5e1f/servers/9a3 was not found on this server.</p><hr><address>Apache/2.4.57 (Debian) Server at ecs.example.com Port 443</address></body></html>',
    'The requested URL /v2/5e1f/servers/9a3 was not found on this server.',
  ],
  [
    'a list item under a heading that only says Error',
    '<html><head><title>Error</title></head><body><h1>Error</h1><ul><li>The security token included in the request has expired.</li></ul></body></html>',
    'The security token included in the request has expired.',
  ],
  [
    'a table cell beside a label cell',
    '<html><title>403 Forbidden</title><body><table><tr><td>Error</td><td>Your request was rejected by the web application firewall.</td></tr><tr><td>Event ID</td><td>4410-2231</td></tr></table></body></html>',
    'Your request was rejected by the web application firewall.',
  ],
  [
    'a page pasted with line breaks inside its tags',
    '<html><head><title\n>Error</title\n></head><body><h1\n class="t">403 Forbidden</h1\n><p\n class="reason"\n>Access to the bucket photos-2024 is denied\n by its bucket policy.</p\n></body></html>',
    'Access to the bucket photos-2024 is denied by its bucket policy.',
  ],
  [
    'a generic title kept when nothing is more specific',
    '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n',
    '502 Bad Gateway',
  ],
  ['a generic title over a generic sentence', '<title>503 Service Unavailable</title><p>Oops! Something went wrong.</p>', '503 Service Unavailable'],
  ['a heading alone', '<h1>Bad Gateway</h1>', 'Bad Gateway'],
  ['text under text/html without markup', 'Service Temporarily Unavailable', 'Service Temporarily Unavailable'],
  ['a short heading that says more than the status', '<title>Error</title><h2>Request blocked</h2><p>Access denied.</p>', 'Request blocked'],
  ['a title that says more than the status, when the body does not', '<title>Maintenance of the ECS API</title><h1>503 Service Unavailable</h1>', 'Maintenance of the ECS API'],
  [
    'the labelled message of a servlet container, not its general description',
    '<html><head><title>HTTP Status 500 – Internal Server Error</title></head><body><h1>HTTP Status 500 – Internal Server Error</h1><hr class="line" /><p><b>Type</b> Exception Report</p><p><b>Message</b> Lease 7f2 expired</p><p><b>Description</b> The server encountered an unexpected condition that prevented it from fulfilling the request.</p><hr class="line" /><h3>Apache Tomcat/10.1.16</h3></body></html>',
    'Lease 7f2 expired',
  ],
  [
    'a general description when no message is labelled',
    '<html><body><h1>HTTP Status 404 – Not Found</h1><p><b>Type</b> Status Report</p><p><b>Description</b> The origin server did not find a current representation for the target resource.</p></body></html>',
    'The origin server did not find a current representation for the target resource.',
  ],
  ['a `Reason:` line', '<title>Error</title><p>Reason: quota of 10 VPCs per project exceeded</p>', 'quota of 10 VPCs per project exceeded'],
  [
    'the first line of a stack trace',
    '<title>Error</title><pre>java.lang.IllegalStateException: connection pool exhausted\n\tat com.example.Pool.take(Pool.java:88)</pre>',
    'java.lang.IllegalStateException: connection pool exhausted',
  ],
  [
    'navigation and footers are no message',
    '<nav>Home Products Contact us today</nav><h1>Not Found</h1><footer>Copyright 2024 Example Corporation all rights reserved</footer>',
    'Not Found',
  ],
  ['nothing at all', '<html><body><hr></body></html>', null],
]

describe('htmlMessage', () => {
  it.each(pages)('%s', (_name, text, expected) => {
    expect(_.htmlMessage(readHtml(text))).toBe(expected)
  })
})

describe('htmlCode', () => {
  it('reads codes from the visible text only', () => {
    expect(_.htmlCode(readHtml('<html><head><title>Error</title><link href="/static/app.2021.css"></head><body><p>Error code: APIGW.0301</p></body></html>'))).toBe('APIGW.0301')
    expect(_.htmlCode(readHtml('<html><head><script src="/js/vendor.2024.js"></script></head><body><p>Not found.</p></body></html>'))).toBeNull()
    expect(_.htmlCode(readHtml('<title>OBS.0401 denied</title>'))).toBe('OBS.0401')
  })
})

describe('htmlRequestId', () => {
  const ids: ReadonlyArray<[string, string | null]> = [
    ['<p>Please quote Request ID: 9f1c2e7a-55d0 when you contact support.</p>', '9f1c2e7a-55d0'],
    ['<table><tr><td>Request ID</td><td>7c2e91aa-0f13</td></tr></table>', '7c2e91aa-0f13'],
    ['<p>X-Trans-Id: tx5e8a0c1d2b3f4e5a6b7c8-0065a1b2c3</p>', 'tx5e8a0c1d2b3f4e5a6b7c8-0065a1b2c3'],
    ['<p>Reference #18.6a2f1602.1700000000.1b2c3d4</p>', '18.6a2f1602.1700000000.1b2c3d4'],
    ['<p>Request ID: unknown</p>', null],
    ['<p>The request failed.</p>', null],
  ]
  it.each(ids)('%s', (text, expected) => {
    expect(_.htmlRequestId(readHtml(text))).toBe(expected)
  })
})
