/**
 * A tolerant, linear-time scanner for error bodies that are not valid JSON: the Auto Scaling
 * reference's `"error_msg": The request message format is invalid.",`, truncated bodies,
 * single quotes, unquoted values. It looks for each known key once, with `indexOf`, so the
 * work is linear in the (capped) text whatever it contains.
 *
 * @since 0.1.0
 */

/** How much of a body the scanner reads. */
export const MAX_SCAN = 1 << 20

const CODE_NAMES = ['error_code', 'errorCode', 'err_code', 'errCode', 'code', 'Code']
const MESSAGE_NAMES = ['error_msg', 'error_message', 'errorMessage', 'errorMsg', 'err_msg', 'message', 'Message', 'msg', 'detail']
const REQUEST_ID_NAMES = ['request_id', 'requestId', 'RequestId']

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n'

/** The position just after `key":` (any quote, any spaces), or -1. */
const afterKey = (text: string, name: string): number => {
  let from = 0
  for (;;) {
    const at = text.indexOf(name, from)
    if (at === -1) return -1
    from = at + name.length
    const before = text[at - 1]
    const after = text[from]
    if ((before !== '"' && before !== "'") || after !== before) continue
    let i = from + 1
    while (isSpace(text[i])) i++
    if (text[i] !== ':') continue
    i++
    while (text[i] === ' ' || text[i] === '\t') i++
    return i
  }
}

/** The earliest of several `indexOf`s from a position (-1 ignored), or the end. */
const earliest = (text: string, from: number, needles: ReadonlyArray<string>): number => {
  let end = text.length
  for (const needle of needles) {
    const at = text.indexOf(needle, from)
    if (at !== -1 && at < end) end = at
  }
  return end
}

/** The text without trailing characters of the set or whitespace (a loop: a regex here could go quadratic). */
const trimEndOf = (text: string, set: string): string => {
  let end = text.length
  while (end > 0 && (set.includes(text[end - 1]!) || isSpace(text[end - 1]))) end--
  return text.slice(0, end)
}

const unescape = (raw: string): string => raw.replace(/\\(["'\\/])/g, '$1').replace(/\\n/g, '\n').replace(/\\t/g, '\t')

/** The value after a key: a quoted string up to its closing quote, or bare text up to the line's end. */
const valueAt = (text: string, start: number): string | null => {
  const quote = text[start]
  let raw: string
  if (quote === '"' || quote === "'") {
    let i = start + 1
    while (i < text.length && text[i] !== quote && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1
    raw = text.slice(start + 1, Math.min(i, text.length))
  } else {
    // Unquoted: to the first `",` / `"}` / `,"` / line end: whichever ends the value first.
    const end = earliest(text, start, ['\n', '",', '"}', "',", ", \"", ',"', '}'])
    raw = trimEndOf(text.slice(start, end), '"\',')
  }
  const value = unescape(raw).trim()
  return value === '' || value === 'null' ? null : value
}

const firstValue = (text: string, names: ReadonlyArray<string>): string | null => {
  for (const name of names) {
    const at = afterKey(text, name)
    if (at === -1) continue
    const value = valueAt(text, at)
    if (value !== null) return value
  }
  return null
}

/**
 * Code, message and request id from text that is not valid JSON. Bounded to `MAX_SCAN`
 * characters; linear time.
 *
 * @example
 * import { scanBrokenJson } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(scanBrokenJson('{\n "error_msg": The request message format is invalid.",\n "error_code": "AS.0001"\n}'),
 *   { code: 'AS.0001', message: 'The request message format is invalid.', requestId: null })
 *
 * @since 0.1.0
 * @category destructors
 */
export const scanBrokenJson = (text: string): { code: string | null; message: string | null; requestId: string | null } => {
  const bounded = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text
  const code = firstValue(bounded, CODE_NAMES)
  return {
    code: code !== null && code.length <= 100 ? code : null,
    message: firstValue(bounded, MESSAGE_NAMES),
    requestId: firstValue(bounded, REQUEST_ID_NAMES),
  }
}

// A service code in free text: PREFIX.digits or PREFIX.SUB.digits (APIGW.0301, SFS.TURBO.0001).
const CODE_IN_TEXT = /\b([A-Za-z][A-Za-z0-9]{1,20}(?:\.[A-Za-z][A-Za-z0-9]{0,20})?\.\d{2,10})\b/

/**
 * The first service-code-looking token in free text, or null.
 *
 * @example
 * import { codeInText } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(codeInText('gateway said APIGW.0301: incorrect IAM authentication'), 'APIGW.0301')
 * assert.strictEqual(codeInText('version v1.2.300 on 10.0.0.1'), null)
 *
 * @since 0.1.0
 * @category destructors
 */
export const codeInText = (text: string): string | null => {
  const match = CODE_IN_TEXT.exec(text.length > 4096 ? text.slice(0, 4096) : text)
  return match?.[1] ?? null
}
