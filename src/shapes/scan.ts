/**
 * A tolerant, linear-time scanner for error bodies that are not valid JSON, as references,
 * terminals and copies print them: the Auto Scaling reference's `"error_msg": The request
 * message format is invalid.",`, truncated bodies, single quotes, unquoted keys and values,
 * line breaks inside keys (`"error_code\n"`) and values, a corrupted separator
 * (`"error_code"*ABC.0001"`), members without their braces (`"error_code": "AS.0001", …`).
 *
 * It walks the text once looking for keys, and reads a value only for a key whose role
 * (`keys.ts`, the one home of the key lists) beats what it already has; every look-ahead is
 * bounded, so the work is linear in the (capped) text whatever it contains. No regular
 * expression runs over the text.
 *
 * @since 0.1.0
 */
import { isAsciiAlnum, isQuote, standsForSeparator } from '../response/chars.js'
import { codeOf, isProse, keyRole, settleReading, type KeyReading } from './keys.js'

/** How much of a body the scanner reads. */
export const MAX_SCAN = 1 << 20

/** The longest key considered, whitespace and line breaks inside it included. */
const MAX_KEY = 80
/** How far whitespace is skipped between a key, its separator and its value. */
const MAX_GAP = 64
/** The longest value read. */
const MAX_VALUE = 4096
/** How many values are read at most (each bounded): hostile text cannot make the scan quadratic. */
const MAX_READS = 64

const isLineBreak = (c: number): boolean => c === 0x0a || c === 0x0d
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || isLineBreak(c)
/** What a key is made of: letters, digits, `_`, `-`, `.`, `$`, `@`, and whitespace a terminal broke it with. */
const isKeyChar = (c: number): boolean => isAsciiAlnum(c) || c === 0x5f || c === 0x2d || c === 0x2e || c === 0x24 || c === 0x40 || isBlank(c)
/** Characters that never stand for a corrupted `:` (they end or open something, or are prose punctuation). */

/** The index after whitespace (line breaks included) from `at`, at most `MAX_GAP` characters on. */
const skipBlank = (text: string, at: number): number => {
  const limit = Math.min(text.length, at + MAX_GAP)
  let i = at
  while (i < limit && isBlank(text.charCodeAt(i))) i++
  return i
}

interface Key {
  /** The key as printed (line breaks and all). */
  readonly name: string
  /** Where its value starts (after the separator and any whitespace). */
  readonly value: number
  /** Whether the key was printed without quotes (`error_code: …`): then so are the others. */
  readonly bare: boolean
}

/**
 * After a key that ends just before `at`: the separator (`:` or `=`; a single corrupted
 * character such as `*`; or none before a quoted value) and the whitespace around it. The
 * index of the value, or -1 when what follows is no separator (prose such as `"code" is …`).
 */
const separatorEnd = (text: string, at: number, strict: boolean): number => {
  const i = skipBlank(text, at)
  if (i >= text.length) return -1
  const c = text.charCodeAt(i)
  if (c === 0x3a /* : */ || c === 0x3d /* = */) return skipBlank(text, i + 1)
  if (strict) return -1
  if (isQuote(c)) return i
  return standsForSeparator(c) ? skipBlank(text, i + 1) : -1
}

/** A quoted key opening at `at` (its quote not escaped), with its separator; or undefined. */
const quotedKeyAt = (text: string, at: number): Key | undefined => {
  const quote = text.charCodeAt(at)
  if (at > 0 && text.charCodeAt(at - 1) === 0x5c /* \ */) return undefined
  const limit = Math.min(text.length, at + 1 + MAX_KEY)
  let i = at + 1
  while (i < limit && text.charCodeAt(i) !== quote && isKeyChar(text.charCodeAt(i))) i++
  if (i >= limit || text.charCodeAt(i) !== quote) return undefined
  const name = text.slice(at + 1, i)
  if (name.trim() === '') return undefined
  const value = separatorEnd(text, i + 1, false)
  return value === -1 ? undefined : { name, value, bare: false }
}

/** An unquoted key (`error_code: …`, `{code=…}`) starting at `at`, with a real `:` or `=`; or undefined. */
const bareKeyAt = (text: string, at: number): Key | undefined => {
  const start = skipBlank(text, at)
  const first = text.charCodeAt(start)
  if (!(isAsciiAlnum(first) || first === 0x5f) || (first >= 0x30 && first <= 0x39)) return undefined
  const limit = Math.min(text.length, start + MAX_KEY)
  let i = start
  while (i < limit) {
    const c = text.charCodeAt(i)
    if (!(isAsciiAlnum(c) || c === 0x5f || c === 0x2d || c === 0x2e)) break
    i++
  }
  if (i >= limit) return undefined
  // a bare key is followed by its separator on the same line
  let j = i
  while (j < limit && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j++
  const value = separatorEnd(text, j, true)
  return value === -1 ? undefined : { name: text.slice(start, i), value, bare: true }
}

/**
 * Whether a key starts at `at` (a quoted one; a bare one too when the keys are printed bare),
 * or the object ends there.
 */
const membersGoOn = (text: string, at: number, bare: boolean): boolean => {
  const i = skipBlank(text, at)
  if (i >= text.length) return true
  const c = text.charCodeAt(i)
  if (c === 0x7d /* } */ || c === 0x5d /* ] */ || c === 0x2c /* , */) return true
  if (isQuote(c)) return quotedKeyAt(text, i) !== undefined
  return bare && bareKeyAt(text, i) !== undefined
}

/** `\"`, `\\`, `\/`, `\n`, `\t`, `\uXXXX`… decoded; any other backslash kept. */
const unescape = (raw: string): string => {
  if (!raw.includes('\\')) return raw
  let out = ''
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!
    if (c !== '\\' || i + 1 >= raw.length) {
      out += c
      continue
    }
    const next = raw[i + 1]!
    const simple = ({ '"': '"', "'": "'", '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Readonly<Record<string, string>>)[next]
    if (simple !== undefined) {
      out += simple
      i++
    } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
      out += String.fromCharCode(Number.parseInt(raw.slice(i + 2, i + 6), 16))
      i += 5
    } else out += c
  }
  return out
}

/**
 * Whether a quote is followed by a word (`"Parameter "code" is invalid"`): then it is a quote
 * inside the value that nobody escaped, not the one that closes it.
 */
const opensWord = (text: string, at: number): boolean => {
  const c = text.charCodeAt(at)
  if (isAsciiAlnum(c)) return true
  return (c === 0x20 || c === 0x09) && isAsciiAlnum(text.charCodeAt(at + 1))
}

/**
 * A quoted value: up to its closing quote (a quote followed by a word is one nobody escaped). A line break inside it is an artefact of a terminal
 * or a copy (JSON strings hold none): the value goes on across it, unless the next line starts
 * a new member or closes the object (then the value was cut there).
 */
const quotedValue = (text: string, start: number, bare: boolean): string => {
  const quote = text.charCodeAt(start)
  const limit = Math.min(text.length, start + 1 + MAX_VALUE)
  let out = ''
  let from = start + 1
  let i = from
  while (i < limit) {
    const c = text.charCodeAt(i)
    if (c === 0x5c /* \ */) {
      i += 2
      continue
    }
    if (c === quote && !opensWord(text, i + 1)) return out + text.slice(from, i)
    if (isLineBreak(c)) {
      const before = text.slice(from, i)
      let next = i
      while (next < limit && isLineBreak(text.charCodeAt(next))) next++
      if (membersGoOn(text, next, bare)) return trimEnd(out + before, ',')
      // a wrapped line: join with a space where the break stood between words
      const after = skipBlank(text, next)
      const spaced = /\s$/.test(before) || after > next
      out += spaced ? `${before.trimEnd()} ` : before
      from = after
      i = after
      continue
    }
    i++
  }
  return out + text.slice(from, limit)
}

/** Without trailing characters of `set` or whitespace (a loop: a regex here could go quadratic). */
const trimEnd = (text: string, set: string): string => {
  let end = text.length
  while (end > 0 && (set.includes(text[end - 1]!) || isBlank(text.charCodeAt(end - 1)))) end--
  return text.slice(0, end)
}

/**
 * An unquoted value: to the line's end, a `}`, a quote that closes it (`",`, `"}`, a last
 * `"`), or a `,` that starts the next member (a bare key counts only among bare keys: in
 * `"error_msg": Too long, reason: x",` the comma is the message's own).
 */
const bareValue = (text: string, start: number, bare: boolean): string => {
  const limit = Math.min(text.length, start + MAX_VALUE)
  let i = start
  for (; i < limit; i++) {
    const c = text.charCodeAt(i)
    if (isLineBreak(c) || c === 0x7d /* } */) break
    if (isQuote(c)) {
      const j = skipBlank(text, i + 1)
      const after = text.charCodeAt(j)
      if (j >= text.length || after === 0x2c /* , */ || after === 0x7d /* } */ || after === 0x5d /* ] */) break
    }
    if (c === 0x2c /* , */ && membersGoOn(text, i + 1, bare)) break
  }
  return trimEnd(text.slice(start, i), '"\',')
}

/** The value a key's separator leads to, or null for none, `null`, an object or a list. */
const valueAt = (text: string, key: Key): string | null => {
  const start = key.value
  if (start >= text.length) return null
  const c = text.charCodeAt(start)
  if (c === 0x7b /* { */ || c === 0x5b /* [ */) return null
  const value = unescape(isQuote(c) ? quotedValue(text, start, key.bare) : bareValue(text, start, key.bare)).trim()
  return value === '' || value === 'null' ? null : value
}

/** A code token as printed, without the punctuation a corruption left around it (`*ABC.0001"`). */
const codeToken = (value: string): string => {
  let start = 0
  let end = value.length
  while (start < end && !isAsciiAlnum(value.charCodeAt(start))) start++
  while (end > start && !isAsciiAlnum(value.charCodeAt(end - 1))) end--
  return value.slice(start, end)
}

/**
 * Code, message and request id from text that is not valid JSON, read with the key lists of
 * `keys.ts` (best-ranked key first, as `readKeys` reads JSON) and read as a person would: a
 * code key that holds a sentence beside a message that holds a code swaps with it. `status`
 * tells a code from a repeated status (`"code": 401` on a 401). Bounded to `MAX_SCAN`
 * characters; linear time; never throws.
 *
 * @example
 * import { scanBrokenJson } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(scanBrokenJson('{\n "error_msg": The request message format is invalid.",\n "error_code": "AS.0001"\n}'),
 *   { code: 'AS.0001', message: 'The request message format is invalid.', requestId: null })
 * assert.deepStrictEqual(scanBrokenJson('{"error_code\n":"AS.0001","error_msg":"x"}'), { code: 'AS.0001', message: 'x', requestId: null })
 * assert.deepStrictEqual(scanBrokenJson('"error_code"*ABC.0001", "error_msg": "Bad"'), { code: 'ABC.0001', message: 'Bad', requestId: null })
 *
 * @since 0.1.0
 * @category destructors
 */
export const scanBrokenJson = (text: string, status = 0): { code: string | null; message: string | null; requestId: string | null } => {
  const none = { code: null, message: null, requestId: null }
  if (typeof text !== 'string') return none
  try {
    return scan(text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text, status)
  } catch {
    return none
  }
}

const scan = (text: string, status: number): { code: string | null; message: string | null; requestId: string | null } => {
  let code: string | null = null
  let codeRank = Number.POSITIVE_INFINITY
  let codeKey: string | null = null
  let prose: string | null = null
  let proseRank = Number.POSITIVE_INFINITY
  let message: string | null = null
  let messageRank = Number.POSITIVE_INFINITY
  let messageKey: string | null = null
  let requestId: string | null = null
  let reads = 0

  const consider = (key: Key): void => {
    const role = keyRole(key.name)
    const wantsCode = role.code < codeRank
    const wantsMessage = role.message < messageRank
    const wantsRequestId = role.requestId && requestId === null
    if (!(wantsCode || wantsMessage || wantsRequestId) || reads >= MAX_READS) return
    reads++
    const value = valueAt(text, key)
    if (value === null) return
    if (wantsCode) {
      const token = codeOf(codeToken(value), status)
      if (token !== null) {
        code = token
        codeRank = role.code
        codeKey = key.name
      } else if (role.code < proseRank && isProse(value)) {
        prose = value
        proseRank = role.code
      }
    }
    // an `error` key is a message only when it holds text (valueAt gives null for an object)
    if (wantsMessage) {
      message = value
      messageRank = role.message
      messageKey = key.name
    }
    if (wantsRequestId) requestId = value
  }

  // Keys start at a quote, and bare ones at the start, after `{` or after `,`.
  const atStart = bareKeyAt(text, 0)
  if (atStart !== undefined) consider(atStart)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    let key: Key | undefined
    if (isQuote(c)) key = quotedKeyAt(text, i)
    else if (c === 0x7b /* { */ || c === 0x2c /* , */) key = bareKeyAt(text, i + 1)
    if (key !== undefined) consider(key)
  }
  const reading: KeyReading = settleReading({ code, message, requestId, codeKey }, prose, messageKey, status)
  return { code: reading.code, message: reading.message, requestId: reading.requestId }
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
