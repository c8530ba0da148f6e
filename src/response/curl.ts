/**
 * Parsing a raw HTTP response as `curl -i` / `curl -si` prints it: status line, headers, blank
 * line, body. Total: a `Left` with a message naming the line, never an exception.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { RawResponse } from './model.js'

/**
 * A response read from `curl -i` output: the `RawResponse` fields plus the HTTP version as
 * printed after `HTTP/` (`'1.1'`, `'2'`) and the reason phrase (`''` when there is none, as with
 * HTTP/2). `headers` has a null prototype; a name printed more than once (in any case) maps to
 * the array of its values, under the spelling it was first printed with.
 *
 * @example
 * import { parseCurl, type CurlResponse } from 'otc-errors'
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * const parsed = parseCurl('HTTP/2 204\n\n')
 * assert.ok(E.isRight(parsed))
 * const response: CurlResponse = parsed.right
 * assert.deepStrictEqual([response.status, response.httpVersion, response.reason, response.body], [204, '2', '', ''])
 *
 * @since 0.1.0
 * @category model
 */
export interface CurlResponse extends RawResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string | ReadonlyArray<string>>>
  readonly body: string
  readonly httpVersion: string
  readonly reason: string
}

const STATUS_LINE = /^HTTP\/(\d{1,3}(?:\.\d{1,3})?)[ \t]+(\d{3})(?:[ \t]+([^]*))?$/
const EXAMPLE = 'a status line like "HTTP/1.1 404 Not Found"'

interface Line {
  /** The line without its `\n` or `\r\n`. */
  readonly text: string
  /** The index just after its line terminator (or the end of the input). */
  readonly next: number
}

const lineAt = (text: string, from: number): Line => {
  const lf = text.indexOf('\n', from)
  const end = lf === -1 ? text.length : lf
  const stop = end > from && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end
  return { text: text.slice(from, stop), next: lf === -1 ? text.length : lf + 1 }
}

const isBlank = (line: string): boolean => line.trim() === ''

/** Trims spaces and tabs (HTTP's optional whitespace) from both ends. */
const trimOws = (value: string): string => {
  let start = 0
  let end = value.length
  while (start < end && (value.charCodeAt(start) === 0x20 || value.charCodeAt(start) === 0x09)) start++
  while (end > start && (value.charCodeAt(end - 1) === 0x20 || value.charCodeAt(end - 1) === 0x09)) end--
  return value.slice(start, end)
}

const preview = (line: string): string => JSON.stringify(line.length > 40 ? `${line.slice(0, 40)}…` : line)

interface StatusLine {
  readonly httpVersion: string
  readonly status: number
  readonly reason: string
}

const statusLineOf = (line: string): StatusLine | undefined => {
  const match = STATUS_LINE.exec(line)
  if (match === null) return undefined
  const status = Number(match[2])
  if (status < 100) return undefined
  return { httpVersion: match[1] ?? '', status, reason: trimOws(match[3] ?? '') }
}

interface Header {
  readonly name: string
  readonly values: Array<string>
}

/** The index of the next status line after `from`, blank lines skipped, with its line number. */
const nextBlock = (text: string, from: number, lineNo: number): { readonly at: number; readonly lineNo: number } | undefined => {
  let p = from
  let no = lineNo
  while (p < text.length) {
    const line = lineAt(text, p)
    no++
    if (!isBlank(line.text)) return statusLineOf(line.text) === undefined ? undefined : { at: p, lineNo: no }
    p = line.next
  }
  return undefined
}

/**
 * Parses what `curl -i` (or `curl -si`) prints. Line endings may be CRLF, LF or mixed; leading
 * blank lines and a byte-order mark are skipped; header lines folded with leading whitespace are
 * joined to the previous one with a space, and lines without a colon are skipped. When curl
 * printed several header blocks (`100 Continue`, the redirects of `curl -L`, a proxy's
 * `200 Connection established`), the last block is the response and the body is exactly the
 * text after its blank line, line endings preserved (`''` when there is none). A `Left` names
 * the line when the input does not start with a status line. Never throws.
 *
 * @example
 * import { parseCurl } from 'otc-errors'
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * const parsed = parseCurl('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n\r\n{"error_code":"AS.0001"}')
 * assert.ok(E.isRight(parsed))
 * assert.deepStrictEqual([parsed.right.status, parsed.right.reason, parsed.right.body], [404, 'Not Found', '{"error_code":"AS.0001"}'])
 * assert.deepStrictEqual({ ...parsed.right.headers }, { 'Content-Type': 'application/json' })
 * assert.deepStrictEqual(parseCurl('{"error_code":"AS.0001"}'),
 *   E.left('line 1: expected a status line like "HTTP/1.1 404 Not Found", got "{\\"error_code\\":\\"AS.0001\\"}"'))
 *
 * @since 0.1.0
 * @category curl
 */
export const parseCurl = (text: string): E.Either<string, CurlResponse> => {
  if (typeof text !== 'string') return E.left(`expected the text of an HTTP response, got ${typeof text}`)
  let p = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let lineNo = 0
  // leading blank lines
  for (;;) {
    if (p >= text.length) return E.left(`empty input: expected ${EXAMPLE}`)
    const line = lineAt(text, p)
    lineNo++
    if (!isBlank(line.text)) break
    p = line.next
  }

  for (;;) {
    const first = lineAt(text, p)
    const status = statusLineOf(first.text)
    if (status === undefined) {
      return E.left(
        /^HTTP\//i.test(first.text)
          ? `line ${lineNo}: malformed status line ${preview(first.text)}: expected "HTTP/<version> <3-digit status> [reason]"`
          : `line ${lineNo}: expected ${EXAMPLE}, got ${preview(first.text)}`,
      )
    }
    p = first.next
    const headers = new Map<string, Header>()
    let last: Header | undefined
    let lastIndex = 0
    let ended = false
    while (p < text.length) {
      const line = lineAt(text, p)
      lineNo++
      p = line.next
      if (isBlank(line.text)) {
        ended = true
        break
      }
      const c = line.text.charCodeAt(0)
      if (c === 0x20 || c === 0x09) {
        // obs-fold: continues the previous header's value
        if (last !== undefined) {
          const previous = last.values[lastIndex] ?? ''
          const more = trimOws(line.text)
          last.values[lastIndex] = previous === '' ? more : more === '' ? previous : `${previous} ${more}`
        }
        continue
      }
      const colon = line.text.indexOf(':')
      const name = colon === -1 ? '' : trimOws(line.text.slice(0, colon))
      if (name === '') continue
      const value = trimOws(line.text.slice(colon + 1))
      const key = name.toLowerCase()
      const existing = headers.get(key)
      if (existing === undefined) {
        last = { name, values: [value] }
        headers.set(key, last)
        lastIndex = 0
      } else {
        existing.values.push(value)
        last = existing
        lastIndex = existing.values.length - 1
      }
    }
    const block = ended ? nextBlock(text, p, lineNo) : undefined
    if (block !== undefined) {
      p = block.at
      lineNo = block.lineNo
      continue
    }
    const out: Record<string, string | ReadonlyArray<string>> = Object.create(null) as Record<string, string | ReadonlyArray<string>>
    for (const { name, values } of headers.values()) out[name] = values.length === 1 ? (values[0] ?? '') : [...values]
    return E.right({
      status: status.status,
      headers: out,
      body: ended ? text.slice(p) : '',
      httpVersion: status.httpVersion,
      reason: status.reason,
    })
  }
}
