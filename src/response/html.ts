/**
 * A tiny, safe reader for HTML error pages (gateways, proxies, WAFs, servlet containers): the
 * `<title>` and the text of every block — paragraph, list item, table cell, heading, line of a
 * `<pre>` — in document order, so that the message can be the sentence that explains rather
 * than the title that only says "Error".
 *
 * One linear scan without regular expressions over markup: scripts, styles and comments are
 * skipped, entities are decoded once, tags may be broken over lines as pasted pages have them
 * (`<p\n class="x">`, `</p\n>`). Malformed input is read as far as it makes sense. Never throws.
 *
 * @since 0.1.0
 */
import { isAsciiAlnum, isAsciiLetter, isWhitespace } from './chars.js'
import { PREDEFINED, decodeReferences } from './xml.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A block of an HTML page: the element it was read from (lower case: `p`, `li`, `td`, `h1`,
 * `pre`, …; `body` for text outside any block element) and its text, entities decoded and
 * whitespace collapsed (a `<pre>` gives one block a line). `label` is the bold text a block
 * opens with when more text follows (`<p><b>Message</b> Token expired</p>` → `Message`).
 *
 * @example
 * import { readHtml, type HtmlBlock } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const [block]: ReadonlyArray<HtmlBlock> = readHtml('<p>The token has expired.</p>').blocks
 * assert.deepStrictEqual(block, { tag: 'p', text: 'The token has expired.' })
 *
 * @since 0.1.0
 * @category model
 */
export interface HtmlBlock {
  readonly tag: string
  readonly text: string
  readonly label?: string
}

/**
 * What `readHtml` finds: the page's title (`null` when there is none or it is empty) and its
 * blocks with at least one letter, in document order (at most `MAX_HTML_BLOCKS`).
 *
 * @example
 * import { readHtml, type HtmlSummary } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const page: HtmlSummary = readHtml('<title>Error</title><h1>Error</h1><p>Bucket not found.</p>')
 * assert.deepStrictEqual(page, { title: 'Error', blocks: [{ tag: 'h1', text: 'Error' }, { tag: 'p', text: 'Bucket not found.' }] })
 *
 * @since 0.1.0
 * @category model
 */
export interface HtmlSummary {
  readonly title: string | null
  readonly blocks: ReadonlyArray<HtmlBlock>
}

/**
 * How many blocks `readHtml` keeps, and how much of a page it reads (the rest of a huge page is
 * never looked at).
 *
 * @example
 * import { MAX_HTML_BLOCKS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(MAX_HTML_BLOCKS, 256)
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_HTML_BLOCKS = 256
const MAX_HTML_TEXT = 1 << 20
const MAX_BLOCK_TEXT = 2000
/** How far a quoted attribute value may run before its quote is taken for a stray one. */
const MAX_ATTRIBUTE = 4096

// -------------------------------------------------------------------------------------
// characters (shared with body.ts)
// -------------------------------------------------------------------------------------

const lower = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c)

/** Whether `text` has `needle` (ASCII lower case) at `at`, ignoring ASCII case. @internal */
export const startsWithCI = (text: string, needle: string, at: number): boolean => {
  if (at + needle.length > text.length) return false
  for (let k = 0; k < needle.length; k++) if (lower(text.charCodeAt(at + k)) !== needle.charCodeAt(k)) return false
  return true
}

/** The first index ≥ `from` where `needle` (ASCII lower case) occurs ignoring ASCII case, or -1. @internal */
export const indexOfCI = (text: string, needle: string, from: number): number => {
  const first = needle.charCodeAt(0)
  for (let j = from; j + needle.length <= text.length; j++) {
    if (lower(text.charCodeAt(j)) === first && startsWithCI(text, needle, j)) return j
  }
  return -1
}

const isNameChar = (c: number): boolean => isAsciiAlnum(c) || c === 0x2d /* - */ || c === 0x3a /* : */ || c === 0x5f /* _ */

/** Whether the character at `at` ends a tag name (so `<html` is not `<htmlx`). @internal */
export const endsName = (text: string, at: number): boolean => {
  if (at >= text.length) return true
  const c = text.charCodeAt(at)
  return isWhitespace(c) || c === 0x3e /* > */ || c === 0x2f /* / */
}

/** The entities error pages use beyond XML's five (`&nbsp;`, dashes, quotes, `&copy;`). */
const HTML_NAMED: ReadonlyMap<string, string> = new Map([
  ...PREDEFINED,
  ['nbsp', '\u00a0'],
  ['copy', '\u00a9'],
  ['reg', '\u00ae'],
  ['trade', '\u2122'],
  ['middot', '\u00b7'],
  ['bull', '\u2022'],
  ['ndash', '\u2013'],
  ['mdash', '\u2014'],
  ['hellip', '\u2026'],
  ['laquo', '\u00ab'],
  ['raquo', '\u00bb'],
  ['lsquo', '\u2018'],
  ['rsquo', '\u2019'],
  ['ldquo', '\u201c'],
  ['rdquo', '\u201d'],
  ['AMP', '&'],
  ['LT', '<'],
  ['GT', '>'],
  ['QUOT', '"'],
])

/**
 * Decodes XML's five entities, the common HTML ones (`&nbsp;`, `&mdash;`, `&rsquo;`, …) and
 * numeric character references, once; anything else is kept. Linear; never throws.
 *
 * @example
 * import { decodeHtmlEntities } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(decodeHtmlEntities('Can&rsquo;t&nbsp;connect &amp;nbsp; &#8212;'), 'Can\u2019t\u00a0connect &nbsp; \u2014')
 *
 * @since 0.1.0
 * @category html
 */
export const decodeHtmlEntities = (text: string): string => decodeReferences(text, HTML_NAMED)

/** Entities decoded, whitespace (no-break spaces included) collapsed to one space, trimmed. */
const collapse = (raw: string): string => decodeHtmlEntities(raw).replace(/\s+/g, ' ').trim()

// -------------------------------------------------------------------------------------
// title
// -------------------------------------------------------------------------------------

/**
 * The text of an HTML page's `<title>`, entities decoded and whitespace collapsed; `null` when
 * there is no title or it is empty. The tags may be broken over lines (`<title\n>`, `</title\n>`).
 * A title longer than 2,000 characters is cut there, with an ellipsis (`…`).
 *
 * @example
 * import { htmlTitle } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(htmlTitle('<html><head><title\n>502 Bad\n  Gateway</title\n></head></html>'), '502 Bad Gateway')
 * assert.strictEqual(htmlTitle('<h1>Bad Gateway</h1>'), null)
 *
 * @since 0.1.0
 * @category html
 */
export const htmlTitle = (text: string): string | null => {
  if (typeof text !== 'string') return null
  let open = indexOfCI(text, '<title', 0)
  while (open !== -1 && !endsName(text, open + 6)) open = indexOfCI(text, '<title', open + 6)
  if (open === -1) return null
  const gt = text.indexOf('>', open + 6)
  if (gt === -1) return null
  const close = indexOfCI(text, '</title', gt + 1)
  const lt = close === -1 ? text.indexOf('<', gt + 1) : close
  // A title is a line: a longer one (a hostile page) is cut like a block, with an ellipsis.
  const stop = lt === -1 ? text.length : lt
  const end = Math.min(stop, gt + 1 + MAX_BLOCK_TEXT * 4)
  const title = collapse(text.slice(gt + 1, end))
  if (title === '') return null
  return title.length > MAX_BLOCK_TEXT || end < stop ? `${title.slice(0, MAX_BLOCK_TEXT)}…` : title
}

// -------------------------------------------------------------------------------------
// blocks
// -------------------------------------------------------------------------------------

/** Elements whose content is not text to read. */
const RAW_TEXT: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'title', 'svg', 'math', 'object', 'iframe'])

/** Elements that start and end a block of text; the inline ones (`a`, `b`, `span`, `code`…) do not. */
const BLOCK: ReadonlySet<string> = new Set([
  'html',
  'head',
  'body',
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'blockquote',
  'center',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'nav',
  'aside',
  'address',
  'form',
  'fieldset',
  'legend',
  'figure',
  'figcaption',
  'hr',
  'details',
  'summary',
  'dialog',
  'option',
  'select',
  'button',
])

/** Inline elements whose text, at the start of a block, labels the rest (`<b>Message</b> …`). */
const LABEL: ReadonlySet<string> = new Set(['b', 'strong'])

/** Void elements: no end tag, so never on the stack of open blocks. */
const VOID: ReadonlySet<string> = new Set(['hr', 'br', 'img', 'meta', 'link', 'input', 'wbr', 'area', 'base', 'col', 'embed', 'source', 'track'])

const MAX_DEPTH = 64

/** The end of a start or end tag whose name ends at `from`: the index of its `>` (or of a stray `<`, or the end). */
const tagEnd = (text: string, from: number): number => {
  const n = text.length
  let j = from
  while (j < n) {
    const c = text.charCodeAt(j)
    if (c === 0x3e /* > */ || c === 0x3c /* < */) return j
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      let k = j + 1
      const limit = Math.min(n, j + MAX_ATTRIBUTE)
      while (k < limit && text.charCodeAt(k) !== c) k++
      // an unclosed quote within reach is a stray one: read on after it
      j = k < limit ? k + 1 : j + 1
      continue
    }
    j++
  }
  return n
}

/**
 * Reads an HTML page's title and the text of its blocks: paragraphs, list items, table cells,
 * headings, `<div>`s and the other block elements each give one block (the innermost element
 * names it), a `<pre>` one block a line, and text outside them one `body` block. Inline
 * elements (`<b>`, `<a>`, `<span>`, …) are read through, `<br>` is a space; scripts, styles,
 * the title and comments are not blocks. Tags may be broken over lines. At most
 * `MAX_HTML_BLOCKS` blocks of the first MiB, each at most 2,000 characters. Linear; never throws.
 *
 * @example
 * import { readHtml } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const page = readHtml('<html><head><title>404 Not Found</title></head><body>\n<h1>Not Found</h1>\n<p\n class="detail">The requested URL was not found on this server.</p\n><hr><address>Apache Server at example.com Port 443</address></body></html>')
 * assert.strictEqual(page.title, '404 Not Found')
 * assert.deepStrictEqual(page.blocks.map((b) => b.tag), ['h1', 'p', 'address'])
 * assert.strictEqual(page.blocks[1]?.text, 'The requested URL was not found on this server.')
 *
 * @since 0.1.0
 * @category html
 */
export const readHtml = (text: string): HtmlSummary => {
  const blocks: Array<HtmlBlock> = []
  if (typeof text !== 'string') return { title: null, blocks }
  const source = text.length > MAX_HTML_TEXT ? text.slice(0, MAX_HTML_TEXT) : text
  const n = source.length
  const open: Array<string> = [] // the open block elements, innermost last
  let parts: Array<string> = []
  let size = 0
  let hasText = false
  let labelTag: string | null = null // the open <b>/<strong> a block started with
  let labelFrom = 0
  let label: string | null = null

  const current = (): string => open[open.length - 1] ?? 'body'
  const add = (raw: string): void => {
    if (raw === '' || size > MAX_BLOCK_TEXT * 4) return
    parts.push(raw)
    size += raw.length
    if (!hasText && raw.trim() !== '') hasText = true
  }
  const push = (tag: string, raw: string, blockLabel: string | null): void => {
    if (blocks.length >= MAX_HTML_BLOCKS) return
    const collapsed = collapse(raw)
    if (!/\p{L}/u.test(collapsed)) return
    const text = collapsed.length > MAX_BLOCK_TEXT ? `${collapsed.slice(0, MAX_BLOCK_TEXT)}…` : collapsed
    const labelled = blockLabel !== null && blockLabel !== '' && blockLabel.length < text.length && text.startsWith(blockLabel)
    blocks.push(labelled ? { tag, text, label: blockLabel } : { tag, text })
  }
  const flush = (): void => {
    const blockLabel = label
    labelTag = null
    label = null
    hasText = false
    if (parts.length === 0) return
    const raw = parts.join('')
    const tag = current()
    parts = []
    size = 0
    if (tag !== 'pre') return push(tag, raw, blockLabel)
    // a <pre> keeps its lines: a stack trace is read line by line
    for (const line of raw.split('\n')) push('pre', line, null)
  }

  let i = 0
  while (i < n && blocks.length < MAX_HTML_BLOCKS) {
    const lt = source.indexOf('<', i)
    if (lt === -1) {
      add(source.slice(i))
      break
    }
    if (lt > i) add(source.slice(i, lt))
    const next = source.charCodeAt(lt + 1)
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      // a comment, a doctype, a processing instruction
      const close = source.startsWith('<!--', lt) ? source.indexOf('-->', lt + 4) : source.indexOf('>', lt + 2)
      i = close === -1 ? n : close + (source.startsWith('<!--', lt) ? 3 : 1)
      continue
    }
    const closing = next === 0x2f /* / */
    const nameStart = closing ? lt + 2 : lt + 1
    if (!isAsciiLetter(source.charCodeAt(nameStart))) {
      add('<') // a stray `<` is text
      i = lt + 1
      continue
    }
    let nameEnd = nameStart
    while (nameEnd < n && isNameChar(source.charCodeAt(nameEnd))) nameEnd++
    const name = source.slice(nameStart, nameEnd).toLowerCase()
    const end = tagEnd(source, nameEnd)
    i = end < n && source.charCodeAt(end) === 0x3e /* > */ ? end + 1 : end
    if (closing) {
      if (name === labelTag) {
        label = collapse(parts.slice(labelFrom).join(''))
        labelTag = null
      }
      if (!BLOCK.has(name)) continue
      flush()
      const at = open.lastIndexOf(name)
      if (at !== -1) open.length = at
      continue
    }
    if (LABEL.has(name)) {
      if (!hasText && label === null && labelTag === null) {
        labelTag = name
        labelFrom = parts.length
      }
    } else if (name === 'br') {
      add(current() === 'pre' ? '\n' : ' ')
    } else if (RAW_TEXT.has(name)) {
      flush()
      const close = indexOfCI(source, `</${name}`, i)
      i = close === -1 ? n : close
    } else if (BLOCK.has(name)) {
      flush()
      if (!VOID.has(name) && source.charCodeAt(end - 1) !== 0x2f /* / */ && open.length < MAX_DEPTH) open.push(name)
    }
  }
  flush()
  return { title: htmlTitle(source), blocks }
}
