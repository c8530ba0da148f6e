/**
 * `extractError(body, status)`: the code, message and request id of an error body, whatever
 * its shape. Total: any body gives an answer, never an exception.
 *
 * @since 0.1.0
 */
import { readHtml } from '../response/html.js'
import type { Body } from '../response/model.js'
import { htmlCode, htmlMessage, htmlRequestId } from './html.js'
import { isJsonObject, readKeys, readObject, textOf, type JsonObject, type KeyReading } from './keys.js'
import type { Extracted } from './model.js'
import { codeInText, scanBrokenJson } from './scan.js'
import { MARKED_SHAPES, SHAPES, type Found } from './table.js'

const NONE: Extracted = { shape: 'none', code: null, message: null, requestId: null, details: [] }
const EMPTY: Extracted = { ...NONE, shape: 'empty' }
const MAX_NODES = 200

const extracted = (shape: string, f: Found): Extracted => ({ shape, code: f.code, message: f.message, requestId: f.requestId, details: f.details })

const detailsOf = (code: string | null, message: string | null) => (code === null && message === null ? [] : [{ code, message }])

/** A breadth-first look for code-like keys in nested objects, for shapes nobody listed. Bounded. */
const searchNested = (root: JsonObject, status: number): Found | undefined => {
  const queue: Array<{ value: JsonObject; depth: number }> = [{ value: root, depth: 0 }]
  for (let visited = 0; visited < queue.length && visited < MAX_NODES; visited++) {
    const { value, depth } = queue[visited]!
    if (depth > 0) {
      const r = readKeys(value, status)
      if (r.code !== null) return { code: r.code, message: r.message, requestId: r.requestId, details: detailsOf(r.code, r.message) }
    }
    if (depth >= 3) continue
    const keys = Object.keys(value)
    for (let i = 0; i < keys.length && queue.length < MAX_NODES; i++) {
      const child = value[keys[i]!]
      if (isJsonObject(child)) queue.push({ value: child, depth: depth + 1 })
      else if (Array.isArray(child) && isJsonObject(child[0])) queue.push({ value: child[0], depth: depth + 1 })
    }
  }
  return undefined
}

const fromJson = (value: unknown, status: number): Extracted => {
  if (Array.isArray(value)) {
    const list = SHAPES.find((s) => s.name === 'errors-list')?.read({ errors: value }, status)
    return list === undefined ? NONE : extracted('errors-list', list)
  }
  if (!isJsonObject(value)) {
    const text = textOf(value)
    return text === null ? NONE : { shape: 'text', code: codeInText(text), message: text, requestId: null, details: [{ code: codeInText(text), message: text }] }
  }
  // One pass over the body's own keys reads them and notes which shape keys it has: the table
  // skips the shapes whose keys are not there, and the others reuse the reading.
  const { reading: top, marks } = readObject(value, status)
  for (const { shape, marks: needs } of MARKED_SHAPES) {
    if (needs !== 0 && (marks & needs) === 0) continue
    const f = shape.read(value, status, top)
    if (f === undefined) continue
    // A body with a code nested deeper than any named shape looks is read generically first.
    if (f.code === null && shape.name === 'message-only') {
      const nested = searchNested(value, status)
      if (nested !== undefined) return extracted('generic', { ...nested, message: nested.message ?? f.message })
    }
    return extracted(shape.name, f)
  }
  const nested = searchNested(value, status)
  if (nested !== undefined) return extracted('generic', nested)
  return top.requestId === null ? NONE : { ...NONE, requestId: top.requestId }
}

const firstLine = (text: string): string | null => {
  const trimmed = text.trimStart()
  const end = trimmed.indexOf('\n')
  const line = (end === -1 ? trimmed : trimmed.slice(0, end)).trim()
  return line === '' ? null : line.length > 500 ? `${line.slice(0, 500)}…` : line
}

/** Whether text is mostly not text: invalid UTF-8 (U+FFFD) or control characters in its first 512 characters. */
const looksBinary = (text: string): boolean => {
  const n = Math.min(text.length, 512)
  let odd = 0
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) odd++
  }
  return n > 0 && odd * 10 > n
}

/** The leaf elements of an XML body read with the key lists (`Code`, `Message`, `RequestId`, …), as JSON keys are. */
const readElements = (elements: ReadonlyMap<string, string>, status: number): KeyReading => {
  const object: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  for (const [name, value] of elements) object[name] = value
  return readKeys(object, status)
}

/**
 * Reads the error of a body: the named shapes first (`SHAPES`), then a general reading of
 * code-like and message-like keys; XML, HTML, text and broken JSON each their own way.
 *
 * @example
 * import { extractError } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const text = '{"error": {"code": "AS.0001", "message": "Invalid request."}}'
 * assert.deepStrictEqual(extractError({ _tag: 'Json', value: JSON.parse(text), text }, 400),
 *   { shape: 'error.code', code: 'AS.0001', message: 'Invalid request.', requestId: null, details: [{ code: 'AS.0001', message: 'Invalid request.' }] })
 *
 * @since 0.1.0
 * @category destructors
 */
export const extractError = (body: Body, status: number): Extracted => {
  try {
    switch (body._tag) {
      case 'Empty':
        return EMPTY
      case 'Json':
        return fromJson(body.value, status)
      case 'BrokenJson': {
        const scanned = scanBrokenJson(body.text, status)
        // Values read by the scanner are bounded like every other text (textOf).
        const s = { code: textOf(scanned.code), message: textOf(scanned.message), requestId: textOf(scanned.requestId) }
        if (s.code === null && s.message === null) {
          const message = firstLine(body.text)
          const code = message === null ? null : codeInText(message)
          return { ...NONE, shape: 'broken-json', code, message, requestId: s.requestId, details: detailsOf(code, message) }
        }
        return { shape: 'broken-json', code: s.code, message: s.message, requestId: s.requestId, details: [{ code: s.code, message: s.message }] }
      }
      case 'Xml': {
        const { code, message, requestId } = readElements(body.elements, status)
        return { shape: 'obs-xml', code, message, requestId, details: detailsOf(code, message) }
      }
      case 'Html': {
        const page = readHtml(body.text)
        // The title readBody found stands (a caller may have built the body without the page).
        const read = { title: body.title ?? page.title, blocks: page.blocks }
        const message = textOf(htmlMessage(read))
        const code = htmlCode(read)
        return { shape: 'html', code, message, requestId: htmlRequestId(read), details: detailsOf(code, message) }
      }
      case 'Text': {
        if (looksBinary(body.text)) return { ...NONE, shape: 'binary', message: `binary body (${body.text.length} characters)` }
        // Members pasted without quotes or braces (`error_code: AS.0001, error_msg: …`) are read as broken JSON when a code key holds a code.
        const scanned = scanBrokenJson(body.text, status)
        const scannedCode = textOf(scanned.code)
        if (scannedCode !== null) {
          const m = textOf(scanned.message)
          return { shape: 'broken-json', code: scannedCode, message: m, requestId: textOf(scanned.requestId), details: [{ code: scannedCode, message: m }] }
        }
        const message = firstLine(body.text)
        const code = codeInText(body.text)
        return { shape: 'text', code, message, requestId: null, details: detailsOf(code, message) }
      }
    }
  } catch {
    return NONE
  }
}

/**
 * The request id a body carries itself, whatever its status: a top-level `request_id` (or
 * `requestId`, … of `REQUEST_ID_KEYS`) of a JSON object such as a dry run's 202
 * `{"request_id": "…"}`, an XML `<RequestId>`, the same key in broken JSON; `null` otherwise.
 * Only the top level counts: a payload's nested `request_id` names something else. Never throws.
 *
 * @example
 * import { readResponse, requestIdInBody } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(requestIdInBody(readResponse({ status: 202, body: '{"request_id":"0b6e7f3a9c"}' }).body), '0b6e7f3a9c')
 * assert.strictEqual(requestIdInBody(readResponse({ status: 200, body: '{"jobs":[{"request_id":"x"}]}' }).body), null)
 *
 * @since 0.1.0
 * @category destructors
 */
export const requestIdInBody = (body: Body): string | null => {
  try {
    switch (body._tag) {
      case 'Json':
        return isJsonObject(body.value) ? readKeys(body.value, 0).requestId : null
      case 'Xml':
        return readElements(body.elements, 0).requestId
      case 'BrokenJson':
        return textOf(scanBrokenJson(body.text).requestId)
      default:
        return null
    }
  } catch {
    return null
  }
}
