import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { expectLinear } from '../support/linear.js'
import { parseCurl, type CurlResponse } from '../../src/response/curl.js'
import { bodyishText, curlFixture, renderCurl } from '../arbitraries.js'

const right = (text: string): CurlResponse => {
  const result = parseCurl(text)
  if (E.isLeft(result)) throw new Error(`expected a Right, got Left(${result.left})`)
  return result.right
}

const left = (text: string): string => {
  const result = parseCurl(text)
  if (E.isRight(result)) throw new Error('expected a Left')
  return result.left
}

/** The parsed response as plain data, headers copied to an ordinary object. */
const plain = (text: string): Record<string, unknown> => {
  const r = right(text)
  return { status: r.status, httpVersion: r.httpVersion, reason: r.reason, headers: { ...r.headers }, body: r.body }
}

const AS_BODY = '{"error_msg": "The format of message is error", "error_code": "AS.0001"}'

describe('parseCurl', () => {
  it('reads an LF response', () => {
    const text = `HTTP/1.1 400 Bad Request\nContent-Type: application/json\nX-Request-Id: 7c1a\n\n${AS_BODY}\n`
    expect(plain(text)).toEqual({
      status: 400,
      httpVersion: '1.1',
      reason: 'Bad Request',
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': '7c1a' },
      body: `${AS_BODY}\n`,
    })
  })

  it('reads a CRLF response and keeps the body line endings', () => {
    const text = 'HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 22\r\n\r\n<html>\r\nnot found\r\n</html>'
    expect(plain(text)).toEqual({
      status: 404,
      httpVersion: '1.1',
      reason: 'Not Found',
      headers: { 'Content-Type': 'text/html', 'Content-Length': '22' },
      body: '<html>\r\nnot found\r\n</html>',
    })
  })

  it('reads mixed line endings', () => {
    expect(plain('HTTP/1.0 503 Service Unavailable\r\nRetry-After: 30\nServer: x\r\n\nbody\r\n')).toEqual({
      status: 503,
      httpVersion: '1.0',
      reason: 'Service Unavailable',
      headers: { 'Retry-After': '30', Server: 'x' },
      body: 'body\r\n',
    })
  })

  it('reads HTTP/2 without a reason phrase, trailing space or not', () => {
    for (const line of ['HTTP/2 429', 'HTTP/2 429 ']) {
      expect(plain(`${line}\r\ncontent-type: application/json\r\nretry-after: 5\r\n\r\n{}`)).toEqual({
        status: 429,
        httpVersion: '2',
        reason: '',
        headers: { 'content-type': 'application/json', 'retry-after': '5' },
        body: '{}',
      })
    }
    expect(right('HTTP/3 200\n\nok').httpVersion).toBe('3')
  })

  it('has an empty body when there is none', () => {
    expect(plain('HTTP/1.1 204 No Content\r\nX-Request-Id: r\r\n\r\n')).toEqual({
      status: 204,
      httpVersion: '1.1',
      reason: 'No Content',
      headers: { 'X-Request-Id': 'r' },
      body: '',
    })
    expect(plain('HTTP/1.1 204 No Content\nX-Request-Id: r')).toEqual({
      status: 204,
      httpVersion: '1.1',
      reason: 'No Content',
      headers: { 'X-Request-Id': 'r' },
      body: '',
    })
    expect(plain('HTTP/1.1 200 OK')).toEqual({ status: 200, httpVersion: '1.1', reason: 'OK', headers: {}, body: '' })
  })

  it('takes the last block after 100 Continue', () => {
    const text = 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 413 Request Entity Too Large\r\nContent-Type: application/json\r\n\r\n{"error_code":"APIGW.0201"}'
    expect(plain(text)).toEqual({
      status: 413,
      httpVersion: '1.1',
      reason: 'Request Entity Too Large',
      headers: { 'Content-Type': 'application/json' },
      body: '{"error_code":"APIGW.0201"}',
    })
  })

  it('takes the last block of a curl -L redirect chain', () => {
    const text = [
      'HTTP/1.1 301 Moved Permanently',
      'Location: https://b.example/',
      'Set-Cookie: from=first',
      '',
      'HTTP/1.1 302 Found',
      'Location: https://c.example/',
      '',
      'HTTP/2 401',
      'content-type: application/json',
      'www-authenticate: Keystone uri="https://iam"',
      '',
      '{"error":{"code":401,"title":"Unauthorized"}}',
    ].join('\r\n')
    expect(plain(text)).toEqual({
      status: 401,
      httpVersion: '2',
      reason: '',
      headers: { 'content-type': 'application/json', 'www-authenticate': 'Keystone uri="https://iam"' },
      body: '{"error":{"code":401,"title":"Unauthorized"}}',
    })
  })

  it('takes the response behind a proxy CONNECT, blank lines between blocks tolerated', () => {
    expect(plain('HTTP/1.1 200 Connection established\r\n\r\nHTTP/2 404\r\nx-request-id: q\r\n\r\n')).toEqual({
      status: 404,
      httpVersion: '2',
      reason: '',
      headers: { 'x-request-id': 'q' },
      body: '',
    })
    expect(plain('HTTP/1.1 200 Connection established\r\nProxy-agent: Squid\r\n\r\n\r\nHTTP/1.1 500 Internal Server Error\r\n\r\n\r\nx')).toEqual({
      status: 500,
      httpVersion: '1.1',
      reason: 'Internal Server Error',
      headers: {},
      body: '\r\nx',
    })
  })

  it('a body starting with blank lines stays the body', () => {
    expect(right('HTTP/1.1 200 OK\n\n\n\ntext').body).toBe('\n\ntext')
  })

  it('gathers repeated headers (in any case) into an array under the first spelling', () => {
    const r = right('HTTP/1.1 200 OK\nSet-Cookie: a=1\nset-cookie: b=2\nSET-COOKIE: c=3\nVary: Accept\n\n')
    expect({ ...r.headers }).toEqual({ 'Set-Cookie': ['a=1', 'b=2', 'c=3'], Vary: 'Accept' })
  })

  it('joins obs-fold continuation lines, trims values and skips lines without a colon', () => {
    const text = 'HTTP/1.1 400 Bad Request\r\nX-Long: first\r\n   second\r\n\tthird\r\nnot a header\r\n: no name\r\nX-Empty:\r\nX-Colon:  a: b  \r\n\r\n'
    expect({ ...right(text).headers }).toEqual({ 'X-Long': 'first second third', 'X-Empty': '', 'X-Colon': 'a: b' })
    expect({ ...right('HTTP/1.1 200 OK\n  folded before any header\nA: 1\n\n').headers }).toEqual({ A: '1' })
  })

  it('folds into the value of a repeated header it follows', () => {
    expect({ ...right('HTTP/1.1 200 OK\nX: 1\nX: 2\n  more\n\n').headers }).toEqual({ X: ['1', '2 more'] })
  })

  it('tolerates a BOM and leading blank lines', () => {
    expect(right('\uFEFF\r\n\n  \nHTTP/1.1 200 OK\n\n{}').status).toBe(200)
  })

  it('keeps __proto__ and friends as ordinary headers', () => {
    const r = right('HTTP/1.1 200 OK\n__proto__: polluted\nconstructor: c\ntoString: t\n\n')
    expect(Object.getPrototypeOf(r.headers)).toBeNull()
    expect(Object.keys(r.headers)).toEqual(['__proto__', 'constructor', 'toString'])
    expect(r.headers['__proto__']).toBe('polluted')
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.prototype.toString).toBe(Object.prototype.toString)
  })

  it('gives a Left naming the line when the input is not a response', () => {
    expect(left('{"error_code":"AS.0001","error_msg":"The format of message is error"}')).toBe(
      'line 1: expected a status line like "HTTP/1.1 404 Not Found", got "{\\"error_code\\":\\"AS.0001\\",\\"error_msg\\":\\"The…"',
    )
    expect(left('\n\nnot http')).toBe('line 3: expected a status line like "HTTP/1.1 404 Not Found", got "not http"')
    expect(left('GET / HTTP/1.1\r\nHost: x\r\n\r\n')).toBe('line 1: expected a status line like "HTTP/1.1 404 Not Found", got "GET / HTTP/1.1"')
  })

  it('gives a Left for a malformed status line', () => {
    for (const line of ['HTTP/1.1 4040 Too Long', 'HTTP/1.1 abc', 'HTTP/1.1', 'HTTP/1.1 099 Low', 'HTTP/x 200 OK', 'HTTP/1.1404 x']) {
      expect(left(`${line}\n\n`)).toBe(`line 1: malformed status line ${JSON.stringify(line)}: expected "HTTP/<version> <3-digit status> [reason]"`)
    }
  })

  it('gives a Left for empty input and non-strings', () => {
    expect(left('')).toBe('empty input: expected a status line like "HTTP/1.1 404 Not Found"')
    expect(left('\uFEFF \r\n\n')).toBe('empty input: expected a status line like "HTTP/1.1 404 Not Found"')
    expect(left(undefined as unknown as string)).toBe('expected the text of an HTTP response, got undefined')
  })

  it('round-trips status, headers and body of a rendered response', () => {
    fc.assert(
      fc.property(curlFixture, (fixture) => {
        const r = right(renderCurl(fixture))
        expect(r.status).toBe(fixture.status)
        expect(r.httpVersion).toBe(fixture.httpVersion)
        expect(r.reason).toBe(fixture.reason)
        expect(r.body).toBe(fixture.body)
        // (objects list integer-like keys first, so compare the entries in a fixed order)
        const byName = (a: [string, unknown], b: [string, unknown]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)
        expect(Object.entries(r.headers).sort(byName)).toEqual(
          fixture.headers.map(([name, values]): [string, unknown] => [name, values.length === 1 ? values[0] : values]).sort(byName),
        )
      }),
      { numRuns: 1000 },
    )
  })

  it('round-trips the last response behind any number of interim blocks', () => {
    const interim = fc.constantFrom('HTTP/1.1 100 Continue', 'HTTP/1.1 200 Connection established', 'HTTP/1.1 301 Moved Permanently\r\nLocation: /x')
    fc.assert(
      fc.property(fc.array(interim, { maxLength: 3 }), curlFixture, (blocks, fixture) => {
        const text = blocks.map((b) => `${b}\r\n\r\n`).join('') + renderCurl(fixture)
        const r = right(text)
        expect([r.status, r.body]).toEqual([fixture.status, fixture.body])
      }),
    )
  })

  it('never throws', () => {
    const lines = fc.array(
      fc.oneof(
        fc.constantFrom('HTTP/1.1 200 OK', 'HTTP/2 404', 'HTTP/1.1 100 Continue', '', ' ', '\t', 'X: y', '  folded', ':', '__proto__: x', 'HTTP/'),
        fc.string({ unit: 'binary', maxLength: 20 }),
      ),
      { maxLength: 12 },
    )
    fc.assert(
      fc.property(lines, fc.constantFrom('\n', '\r\n'), (parts, eol) => {
        const result = parseCurl(parts.join(eol))
        if (E.isRight(result)) expect(result.right.status).toBeGreaterThanOrEqual(100)
        else expect(result.left).toMatch(/^(line \d+: |empty input: )/)
      }),
      { numRuns: 3000 },
    )
    fc.assert(
      fc.property(bodyishText, (text) => {
        parseCurl(text)
      }),
    )
  })

  it('is linear on large input', () => {
    const many = (n: number) => `HTTP/1.1 200 OK\n${'X: y\n'.repeat(n)}\n`
    const blocks = (n: number) => 'HTTP/1.1 100 Continue\n\n'.repeat(n) + 'HTTP/1.1 204 No Content\n\n'
    const spaces = (n: number) => `HTTP/1.1 ${' '.repeat(n)}x`
    const folded = (n: number) => `HTTP/1.1 200 OK\nA: 1\n${' x\n'.repeat(n)}\n`
    expect(Object.keys(right(many(100_000)).headers)).toEqual(['X'])
    expect(right(blocks(50_000)).status).toBe(204)
    expect(left(spaces(100_000))).toMatch(/^line 1: malformed status line/)
    expect(right(folded(100_000)).headers['A']).toHaveLength(200_001)
    expectLinear('many headers', many, (t) => parseCurl(t), 12_500)
    expectLinear('many 100 Continue blocks', blocks, (t) => parseCurl(t), 6_250)
    expectLinear('a status line of spaces', spaces, (t) => parseCurl(t), 12_500)
    expectLinear('a folded header', folded, (t) => parseCurl(t), 12_500)
  })
})
