/**
 * Reading a body: JSON, XML, HTML or text, by its `Content-Type` and by sniffing the text when
 * the header lies or is missing. Total: never throws.
 *
 * @since 0.1.0
 */
import type { Body, HeaderMap } from './model.js'
import { contentTypeOf } from './headers.js'
import { isAsciiLetter, isWhitespace, standsForSeparator } from './chars.js'
import { endsName, htmlTitle, startsWithCI } from './html.js'
import { readXml } from './xml.js'

type MediaKind = 'json' | 'xml' | 'html' | 'text' | 'other' | 'none'

/**
 * The kind of body a media type announces: `json` for `application/json`, `text/json`,
 * `application/problem+json` and any `*+json`; `html` for `text/html` and
 * `application/xhtml+xml`; `xml` for `application/xml`, `text/xml` and any `*+xml`; `text` for
 * any other `text/*`; `other` for the rest and `none` without a (valid) header.
 */
const mediaKind = (media: string | null): MediaKind => {
  if (media === null) return 'none'
  if (media === 'application/json' || media === 'text/json' || media === 'application/x-json' || media.endsWith('+json')) return 'json'
  if (media === 'text/html' || media === 'application/xhtml+xml') return 'html'
  if (media === 'application/xml' || media === 'text/xml' || media.endsWith('+xml')) return 'xml'
  if (media.startsWith('text/')) return 'text'
  return 'other'
}

/**
 * Root elements that make a markup body an HTML page rather than an XML document (gateways and
 * proxies send fragments such as `<h1>Bad Gateway</h1>` or `<head><title>…`).
 */
const HTML_ROOTS: ReadonlySet<string> = new Set([
  'html',
  'head',
  'body',
  'title',
  'meta',
  'link',
  'script',
  'style',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'div',
  'center',
  'pre',
  'br',
  'hr',
  'table',
  'ul',
  'ol',
  'li',
  'dl',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'address',
  'blockquote',
  'span',
  'b',
  'strong',
  'em',
  'font',
  'small',
  'noscript',
  'form',
])

/**
 * Whether the (trimmed) text opens as an HTML document: after any XML declaration, comments
 * and whitespace, `<!DOCTYPE html` or `<html`.
 */
const opensAsHtmlDocument = (text: string): boolean => {
  let j = 0
  for (;;) {
    while (j < text.length && isWhitespace(text.charCodeAt(j))) j++
    if (text.startsWith('<?', j)) {
      const close = text.indexOf('?>', j + 2)
      if (close === -1) return false
      j = close + 2
    } else if (text.startsWith('<!--', j)) {
      const close = text.indexOf('-->', j + 4)
      if (close === -1) return false
      j = close + 3
    } else break
  }
  if (startsWithCI(text, '<!doctype', j)) {
    let k = j + '<!doctype'.length
    while (k < text.length && isWhitespace(text.charCodeAt(k))) k++
    return startsWithCI(text, 'html', k) && endsName(text, k + 4)
  }
  return startsWithCI(text, '<html', j) && endsName(text, j + 5)
}

/** Whether the (trimmed) text starts with markup: `<` then a name, `?` or `!`. */
const startsWithMarkup = (text: string): boolean => {
  if (text.charCodeAt(0) !== 0x3c /* < */) return false
  const c = text.charCodeAt(1)
  return isAsciiLetter(c) || c === 0x5f /* _ */ || c === 0x3f /* ? */ || c === 0x21 /* ! */ || c >= 0x80
}

/**
 * Whether the (trimmed) text opens as a JSON member without its braces, as a copy of part of a
 * body has it: `"error_code": …` (a quoted key of at most 80 characters, line breaks allowed,
 * then `:`, `=` or a single corrupted character such as `*`).
 */
const opensAsMember = (trimmed: string): boolean => {
  const quote = trimmed.charCodeAt(0)
  if (quote !== 0x22 /* " */ && quote !== 0x27 /* ' */) return false
  const close = trimmed.indexOf(quote === 0x22 ? '"' : "'", 1)
  if (close <= 1 || close > 81) return false
  let j = close + 1
  while (j < trimmed.length && isWhitespace(trimmed.charCodeAt(j))) j++
  if (j >= trimmed.length) return false
  const c = trimmed.charCodeAt(j)
  return c === 0x3a /* : */ || c === 0x3d /* = */ || standsForSeparator(c)
}

const html = (text: string): Body => ({ _tag: 'Html', title: htmlTitle(text), text })

/** Marks text that is not JSON (a syntax error, or nesting too deep for the stack). */
const NOT_JSON: unique symbol = Symbol('not JSON')

const parseJson = (trimmed: string): unknown => {
  try {
    return JSON.parse(trimmed) as unknown
  } catch {
    return NOT_JSON
  }
}

/** Whether the (trimmed) text could be a JSON scalar: a string, a number, `true`, `false` or `null`. */
const looksLikeJsonScalar = (trimmed: string): boolean => {
  const c = trimmed.charCodeAt(0)
  return c === 0x22 /* " */ || c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39) || trimmed === 'true' || trimmed === 'false' || trimmed === 'null'
}

const safeContentType = (headers: HeaderMap): string | null => {
  try {
    return contentTypeOf(headers)
  } catch {
    return null
  }
}

/**
 * Reads a body from its text, by `Content-Type` and by sniffing, sniffing winning when the two
 * disagree:
 * - whitespace only → `Empty`;
 * - starts with `{` → `Json` when it parses, else `BrokenJson`; with `[` likewise, unless the
 *   header names a non-JSON type (`[INFO] …` in a `text/plain` body stays text);
 * - `<!DOCTYPE html` / `<html` (after an XML declaration or comments) → `Html` with its title,
 *   whatever the header says (a gateway's error page behind `application/json`);
 * - other markup (`<?xml`, `<Error>`, …) → `Xml`, or `Html` when the header says `text/html` or
 *   the root is an HTML element (`<h1>`, `<body>`, …) and the header does not say XML;
 * - a JSON string, number, `true`, `false` or `null` → `Json`;
 * - members without their braces (`"error_code": "AS.0001", "error_msg": …`, as a copy of
 *   part of a body has them) → `BrokenJson`, whatever the header says;
 * - anything else → `BrokenJson` under a JSON type, `Html` under `text/html`, else `Text`.
 *
 * Every variant but `Empty` keeps the original text. Never throws.
 *
 * @example
 * import { normalizeHeaders, readBody } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const json = normalizeHeaders({ 'Content-Type': 'application/json' })
 * const text = '{"error_code":"AS.0001","error_msg":"The format of message is error"}'
 * assert.deepStrictEqual(readBody(json, text), {
 *   _tag: 'Json', value: { error_code: 'AS.0001', error_msg: 'The format of message is error' }, text,
 * })
 * const gateway = '<html><head><title>502 Bad Gateway</title></head></html>'
 * assert.deepStrictEqual(readBody(json, gateway), { _tag: 'Html', title: '502 Bad Gateway', text: gateway })
 * assert.deepStrictEqual(readBody(json, ' \n'), { _tag: 'Empty' })
 *
 * @since 0.1.0
 * @category body
 */
export const readBody = (headers: HeaderMap, text: string): Body => {
  if (typeof text !== 'string') return { _tag: 'Empty' }
  const trimmed = text.trim()
  if (trimmed === '') return { _tag: 'Empty' }
  const first = trimmed.charCodeAt(0)
  const opensAsJson = first === 0x7b /* { */ || first === 0x5b /* [ */
  // A body that parses as JSON is JSON whatever its header says: the header is read only when it does not.
  if (opensAsJson) {
    const parsed = parseJson(trimmed)
    if (parsed !== NOT_JSON) return { _tag: 'Json', value: parsed, text }
  }
  const kind = mediaKind(safeContentType(headers))

  if (opensAsJson) {
    const declaredOther = kind === 'text' || kind === 'html' || kind === 'xml'
    if (first === 0x7b || !declaredOther) return { _tag: 'BrokenJson', text }
  } else if (startsWithMarkup(trimmed)) {
    if (opensAsHtmlDocument(trimmed) || kind === 'html') return html(text)
    const xml = readXml(text)
    if (xml.root !== null) {
      if (kind !== 'xml' && HTML_ROOTS.has(xml.root.toLowerCase())) return html(text)
      return { _tag: 'Xml', root: xml.root, elements: xml.elements, text }
    }
    if (kind === 'xml') return { _tag: 'Xml', root: null, elements: xml.elements, text }
  } else if (looksLikeJsonScalar(trimmed)) {
    const parsed = parseJson(trimmed)
    if (parsed !== NOT_JSON) return { _tag: 'Json', value: parsed, text }
    if (opensAsMember(trimmed)) return { _tag: 'BrokenJson', text }
  } else if (opensAsMember(trimmed)) {
    return { _tag: 'BrokenJson', text }
  }

  if (kind === 'json') return { _tag: 'BrokenJson', text }
  if (kind === 'html') return html(text)
  return { _tag: 'Text', text }
}
