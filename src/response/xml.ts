/**
 * A tiny, safe XML reader for S3/OBS-style error bodies
 * (`<Error><Code>NoSuchBucket</Code><Message>…</Message><RequestId>…</RequestId></Error>`): the
 * root element's name and the first text of every leaf element.
 *
 * It is one linear scan with no regular expressions: no DTD is processed (a `<!DOCTYPE>` with its
 * internal subset is skipped whole), no entity is expanded beyond the five predefined ones and
 * numeric character references, so billion-laughs input costs what its length costs. Malformed
 * input (unclosed or mismatched tags, stray `<`) is read as far as it makes sense. Never throws.
 *
 * @since 0.1.0
 */
import { isDigit } from './chars.js'

/**
 * What `readXml` finds: the local name of the root element (`null` when there is no element)
 * and, for every leaf element (one without child elements), its local name (namespace prefix
 * stripped) → its first text (entities decoded, CDATA included, trimmed).
 *
 * @example
 * import { readXml, type XmlSummary } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const xml: XmlSummary = readXml('<Error><Code>NoSuchKey</Code></Error>')
 * assert.deepStrictEqual(xml, { root: 'Error', elements: new Map([['Code', 'NoSuchKey']]) })
 *
 * @since 0.1.0
 * @category model
 */
export interface XmlSummary {
  readonly root: string | null
  readonly elements: ReadonlyMap<string, string>
}

/** The five entities XML predefines. @internal */
export const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
])

/** The longest reference considered, `&` and `;` excluded (`#x0010FFFF` has 9 characters). */
const MAX_REFERENCE = 10

/** An XML `Char`: tab, newline, carriage return, and the Unicode scalars outside C0/surrogates/FFFE–FFFF. */
const isXmlChar = (cp: number): boolean =>
  cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)

const isHexDigit = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)

/** The text of a character or entity reference (`&` … `;` excluded), or `undefined`. */
const referenceText = (ref: string, named: ReadonlyMap<string, string>): string | undefined => {
  const predefined = named.get(ref)
  if (predefined !== undefined) return predefined
  if (ref.charCodeAt(0) !== 0x23 /* # */) return undefined
  const hex = ref.charCodeAt(1) === 0x78 /* x */
  const digits = ref.slice(hex ? 2 : 1)
  if (digits === '') return undefined
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i)
    if (!(hex ? isHexDigit(c) : isDigit(c))) return undefined
  }
  const cp = Number.parseInt(digits, hex ? 16 : 10)
  return isXmlChar(cp) ? String.fromCodePoint(cp) : undefined
}

/**
 * Decodes the five predefined entities (`&lt;` `&gt;` `&amp;` `&quot;` `&apos;`) and numeric
 * character references (`&#65;`, `&#x41;`). Anything else — other named entities, references to
 * characters XML forbids, a lone `&` — is kept as it is. Linear; never throws.
 *
 * @example
 * import { decodeXmlEntities } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(decodeXmlEntities('a &lt; b &amp;&amp; &#x41;&#66; &lol; &#0;'), 'a < b && AB &lol; &#0;')
 *
 * @since 0.1.0
 * @category xml
 */
export const decodeXmlEntities = (text: string): string => decodeReferences(text, PREDEFINED)

/**
 * Decodes numeric character references and the named references of `named` (name without `&`
 * and `;` → text), in one pass: what a reference decodes to is never decoded again. Linear.
 *
 * @internal
 */
export const decodeReferences = (text: string, named: ReadonlyMap<string, string>): string => {
  if (typeof text !== 'string') return ''
  let amp = text.indexOf('&')
  if (amp === -1) return text
  let out = ''
  let from = 0
  while (amp !== -1) {
    const limit = Math.min(text.length, amp + 2 + MAX_REFERENCE)
    let semicolon = -1
    for (let j = amp + 1; j < limit; j++) {
      const c = text.charCodeAt(j)
      if (c === 0x3b /* ; */) {
        semicolon = j
        break
      }
      if (c === 0x26 /* & */) break
    }
    const decoded = semicolon === -1 ? undefined : referenceText(text.slice(amp + 1, semicolon), named)
    if (decoded !== undefined) {
      out += text.slice(from, amp) + decoded
      from = semicolon + 1
    }
    amp = text.indexOf('&', decoded === undefined ? amp + 1 : from)
  }
  return out + text.slice(from)
}

const isNameStart = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f /* _ */ || c === 0x3a /* : */ || c >= 0x80

const isNameChar = (c: number): boolean => isNameStart(c) || isDigit(c) || c === 0x2d /* - */ || c === 0x2e /* . */

const localName = (name: string): string => {
  const colon = name.lastIndexOf(':')
  return colon === -1 || colon === name.length - 1 ? name : name.slice(colon + 1)
}

/** The end of the name starting at `from` (exclusive). */
const nameEnd = (text: string, from: number): number => {
  let j = from
  while (j < text.length && isNameChar(text.charCodeAt(j))) j++
  return j
}

/**
 * Skips a markup declaration (`<!DOCTYPE …>`, `<!ENTITY …>`) whose body starts at `from`,
 * internal subset, quoted literals and comments included; returns the index after its `>`.
 */
const skipDeclaration = (text: string, from: number): number => {
  const n = text.length
  let depth = 0
  let j = from
  while (j < n) {
    const c = text.charCodeAt(j)
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      const close = text.indexOf(c === 0x22 ? '"' : "'", j + 1)
      if (close === -1) return n
      j = close + 1
    } else if (c === 0x3c /* < */ && text.startsWith('<!--', j)) {
      const close = text.indexOf('-->', j + 4)
      if (close === -1) return n
      j = close + 3
    } else {
      if (c === 0x5b /* [ */) depth++
      else if (c === 0x5d /* ] */) depth = Math.max(0, depth - 1)
      else if (c === 0x3e /* > */ && depth === 0) return j + 1
      j++
    }
  }
  return n
}

/** The end of a start tag's attributes: the index of its `>` (or of a stray `<`, or the end). */
const tagEnd = (text: string, from: number): { readonly end: number; readonly selfClosing: boolean } => {
  const n = text.length
  let j = from
  let slash = false
  while (j < n) {
    const c = text.charCodeAt(j)
    if (c === 0x3e /* > */ || c === 0x3c /* < */) return { end: j, selfClosing: slash }
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      const close = text.indexOf(c === 0x22 ? '"' : "'", j + 1)
      if (close === -1) return { end: n, selfClosing: false }
      j = close + 1
      slash = false
      continue
    }
    if (c === 0x2f /* / */) slash = true
    else if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) slash = false
    j++
  }
  return { end: n, selfClosing: false }
}

interface Frame {
  readonly name: string
  leaf: boolean
  parts: Array<string>
}

/**
 * Reads the root element's local name and the first text of every leaf element of an XML
 * document. Namespace prefixes are stripped (`s3:Code` → `Code`), the predefined entities and
 * numeric character references are decoded, CDATA sections are kept verbatim, and each text is
 * trimmed; an empty leaf (`<Resource/>`) has the text `''`. Attributes, comments, processing
 * instructions and the DOCTYPE are skipped, and no other entity is expanded. Unclosed elements
 * are closed at the end of the input, a mismatched end tag closes the elements it skips.
 * Linear time; never throws.
 *
 * @example
 * import { readXml } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const xml = readXml('<?xml version="1.0"?><Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>')
 * assert.strictEqual(xml.root, 'Error')
 * assert.deepStrictEqual([...xml.elements], [['Code', 'NoSuchBucket'], ['Message', 'The specified bucket does not exist']])
 *
 * @since 0.1.0
 * @category xml
 */
export const readXml = (text: string): XmlSummary => {
  const elements = new Map<string, string>()
  let root: string | null = null
  if (typeof text !== 'string') return { root, elements }
  const n = text.length
  const stack: Array<Frame> = []
  const open = new Map<string, number>() // element name → how many are on the stack

  const top = (): Frame | undefined => stack[stack.length - 1]
  const record = (name: string, value: string): void => {
    const local = localName(name)
    if (!elements.has(local)) elements.set(local, value)
  }
  const addText = (raw: string, decode: boolean): void => {
    const frame = top()
    if (frame === undefined || !frame.leaf || raw === '') return
    frame.parts.push(decode ? decodeXmlEntities(raw) : raw)
  }
  const pop = (): Frame | undefined => {
    const frame = stack.pop()
    if (frame === undefined) return undefined
    open.set(frame.name, (open.get(frame.name) ?? 1) - 1)
    if (frame.leaf) record(frame.name, frame.parts.join('').trim())
    return frame
  }
  const startElement = (name: string, selfClosing: boolean): void => {
    if (root === null && stack.length === 0) root = localName(name)
    const parent = top()
    if (parent !== undefined && parent.leaf) {
      parent.leaf = false
      parent.parts = []
    }
    if (selfClosing) {
      record(name, '')
      return
    }
    stack.push({ name, leaf: true, parts: [] })
    open.set(name, (open.get(name) ?? 0) + 1)
  }
  const endElement = (name: string): void => {
    if ((open.get(name) ?? 0) === 0) return // no such open element: ignore the end tag
    for (let frame = pop(); frame !== undefined && frame.name !== name; frame = pop()) {
      // closes the elements the end tag skips over
    }
  }

  let i = 0
  while (i < n) {
    const lt = text.indexOf('<', i)
    if (lt === -1) {
      addText(text.slice(i), true)
      break
    }
    if (lt > i) addText(text.slice(i, lt), true)
    const next = text.charCodeAt(lt + 1)
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const close = text.indexOf('-->', lt + 4)
        i = close === -1 ? n : close + 3
      } else if (text.startsWith('<![CDATA[', lt)) {
        const close = text.indexOf(']]>', lt + 9)
        addText(text.slice(lt + 9, close === -1 ? n : close), false)
        i = close === -1 ? n : close + 3
      } else {
        i = skipDeclaration(text, lt + 2)
      }
    } else if (next === 0x3f /* ? */) {
      const close = text.indexOf('?>', lt + 2)
      i = close === -1 ? n : close + 2
    } else if (next === 0x2f /* / */) {
      const end = nameEnd(text, lt + 2)
      const close = text.indexOf('>', end)
      if (end > lt + 2) endElement(text.slice(lt + 2, end))
      i = close === -1 ? n : close + 1
    } else if (isNameStart(next)) {
      const end = nameEnd(text, lt + 1)
      const tag = tagEnd(text, end)
      startElement(text.slice(lt + 1, end), tag.selfClosing)
      i = tag.end < n && text.charCodeAt(tag.end) === 0x3e /* > */ ? tag.end + 1 : tag.end
    } else {
      addText('<', false) // a stray `<` is text
      i = lt + 1
    }
  }
  while (stack.length > 0) pop()
  return { root, elements }
}
