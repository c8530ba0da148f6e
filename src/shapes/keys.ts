/**
 * Reading one JSON object for code-like, message-like and request-id-like keys, whatever their
 * spelling (`error_code`, `errorCode`, `errCode`, `code`; `error_msg`, `errorMessage`,
 * `message`, `detail`, …). The named shapes decide which object to read; this decides how.
 *
 * @since 0.1.0
 */
import { boundedMemo } from '../fp/memo.js'
import type { ErrorDetail } from '../error/ServiceError.js'

/**
 * A JSON object (not an array, not null).
 *
 * @example
 * import { isJsonObject, type JsonObject } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const value: unknown = JSON.parse('{"error_code":"AS.0001"}')
 * const object: JsonObject | null = isJsonObject(value) ? value : null
 * assert.strictEqual(object?.['error_code'], 'AS.0001')
 *
 * @since 0.1.0
 * @category model
 */
export type JsonObject = Readonly<Record<string, unknown>>

/**
 * Whether a value is a JSON object.
 *
 * @example
 * import { isJsonObject } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(isJsonObject({ a: 1 }), true)
 * assert.strictEqual(isJsonObject([1]), false)
 *
 * @since 0.1.0
 * @category guards
 */
export const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * An own property, never one inherited from `Object.prototype` (so `constructor` or
 * `__proto__` keys are read as data, and absent ones as absent).
 *
 * @example
 * import { own } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(own({}, 'constructor'), undefined)
 *
 * @since 0.1.0
 * @category destructors
 */
export const own = (object: JsonObject, key: string): unknown => (Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined)

/** A key without case, `_` or `-`: `error_code`, `errorCode` and `Error-Code` read alike. */
const normalizeKey = (key: string): string => key.replace(/[_\-\s]/g, '').toLowerCase()
/**
 * Code-like keys, best first (normalised spelling: lower case, no `_` or `-`).
 *
 * @example
 * import { CODE_KEYS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(CODE_KEYS[0], 'errorcode')
 *
 * @since 0.1.0
 * @category constants
 */
export const CODE_KEYS: ReadonlyArray<string> = ['errorcode', 'errcode', 'code', 'errorno', 'errno', 'erno', 'errnum', 'errornum', 'errornumber']
/**
 * Message-like keys, best first (normalised spelling).
 *
 * @example
 * import { MESSAGE_KEYS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(MESSAGE_KEYS[0], 'errormsg')
 *
 * @since 0.1.0
 * @category constants
 */
export const MESSAGE_KEYS: ReadonlyArray<string> = [
  'errormsg',
  'errormessage',
  'errmsg',
  'errmessage',
  'message',
  'msg',
  'errorextmsg',
  'detail',
  'details',
  'errordescription',
  'description',
  'title',
  'reason',
  'error',
  'errorinfo',
  'errordesc',
  'errdesc',
  'errdescription',
  'errordetail',
  'errordetails',
  'errdetail',
  'errortext',
  'errtext',
  'errorstring',
  'errorstr',
  'errstr',
  'faultstring',
  'errinfo',
  'info',
]
/**
 * Request-id-like keys (normalised spelling).
 *
 * @example
 * import { REQUEST_ID_KEYS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(REQUEST_ID_KEYS.includes('requestid'), true)
 *
 * @since 0.1.0
 * @category constants
 */
export const REQUEST_ID_KEYS: ReadonlyArray<string> = ['requestid', 'xrequestid', 'reqid', 'xopenstackrequestid', 'openstackrequestid', 'xcomputerequestid', 'transid', 'xtransid']

const MAX_TEXT = 2000

/** A trimmed, non-empty, bounded string, or null. */
export const textOf = (value: unknown): string | null => {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed.length > MAX_TEXT ? `${trimmed.slice(0, MAX_TEXT)}…` : trimmed
}

/** How many items of a list are looked at for a code or a message. */
const MAX_LIST_ITEMS = 10

/** What `read` makes of the first of a list's items (the first `MAX_LIST_ITEMS`) it makes something of, or null. */
const firstIn = (list: ReadonlyArray<unknown>, read: (item: unknown) => string | null): string | null => {
  for (let i = 0; i < Math.min(list.length, MAX_LIST_ITEMS); i++) {
    const found = read(list[i])
    if (found !== null) return found
  }
  return null
}

/** Whether a short text may hold whitespace (a cheap pre-check before the regex; codes rarely do). */
const hasSpace = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c <= 0x20 || c === 0xa0 || c >= 0x1680) return true
  }
  return false
}

/**
 * A service code from a value: a trimmed string, or an integer unless it only repeats the
 * HTTP status (Keystone's `{"code": 401}` is no service code), or the first such item of a list
 * (`{"errorcode": ["1115"]}`). A code is a token: prose under a code key (`Invalid parameter`,
 * `Bad request. Check it`) is none.
 *
 * @example
 * import { codeOf } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(codeOf(' AS.0001 ', 400), 'AS.0001')
 * assert.strictEqual(codeOf(1101, 400), '1101')
 * assert.strictEqual(codeOf(401, 401), null)
 * assert.strictEqual(codeOf('401', 401), null)
 * assert.strictEqual(codeOf('Invalid parameter', 400), null)
 * assert.strictEqual(codeOf(['1115'], 400), '1115')
 *
 * @since 0.1.0
 * @category destructors
 */
export const codeOf = (value: unknown, status: number): string | null => {
  // A list of codes (`{"errorcode": ["1115"]}`): the first one that is a code.
  if (Array.isArray(value)) return firstIn(value, (item) => (Array.isArray(item) ? null : codeOf(item, status)))
  if (typeof value === 'number') return Number.isSafeInteger(value) && value !== status ? String(value) : null
  const text = textOf(value)
  // The status again, as text (`{"error": {"code": "401", ...}}` on a 401), is no service code either.
  if (text === null || (text.length === 3 && text === String(status))) return null
  // A code is a token, not prose: a sentence under a "code" key is not a service code.
  return text.length <= 100 && !(hasSpace(text) && isProse(text)) ? text : null
}

/**
 * Whether a text reads as words rather than as a token: two words of letters or more
 * (`Invalid parameter`), or sentence punctuation or doubled spaces between parts.
 *
 * @internal
 */
export const isProse = (text: string): boolean => {
  if (/\s{2,}|[.!?,;:]\s/.test(text)) return true
  let words = 0
  for (const part of text.split(/\s+/)) if (/\p{L}{2}/u.test(part) && ++words >= 2) return true
  return false
}

/**
 * Whether a text has the shape of a code rather than of a word or a sentence: one token of
 * letters, digits and `._:-` that has a digit (`ECS.0001`, `1101`), a dot or underscore
 * (`SFS.TURBO`, `INVALID_PARAMETER`), inner capitals (`NoSuchBucket`) or is all capitals
 * (`FORBIDDEN`). `Forbidden` and `Invalid parameter` are not codes.
 *
 * @example
 * import { isCodeShaped } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(['ECS.0001', 'NoSuchBucket', 'Forbidden', 'Invalid parameter'].map(isCodeShaped), [true, true, false, false])
 *
 * @since 0.1.0
 * @category guards
 */
export const isCodeShaped = (text: string): boolean =>
  typeof text === 'string' &&
  text.length >= 2 &&
  text.length <= 100 &&
  /^[A-Za-z0-9][A-Za-z0-9._:-]*[A-Za-z0-9]$/.test(text) &&
  (/[0-9._]/.test(text) || /[a-z][A-Z]/.test(text) || /^[A-Z]{3,}$/.test(text))

/** A message from a value: a string, or the message inside a nested object or list. */
export const messageOf = (value: unknown, depth = 0): string | null => {
  const text = textOf(value)
  if (text !== null || depth > 2) return text
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return firstIn(value, (item) => messageOf(item, depth + 1))
  if (isJsonObject(value)) return readKeys(value, 0).message
  return null
}

/**
 * Which of an object's keys are code-, message- and request-id-like, by priority. Keys are
 * visited once, so the work is linear in the object's size (capped).
 */
const MAX_KEYS = 200
const rankMap = (keys: ReadonlyArray<string>): ReadonlyMap<string, number> => new Map(keys.map((k, i) => [k, i]))
const CODE_RANK = rankMap(CODE_KEYS)
const MESSAGE_RANK = rankMap(MESSAGE_KEYS)
const REQUEST_ID_RANK = rankMap(REQUEST_ID_KEYS)

/**
 * Top-level keys that tell a body's shape, spelled as the shapes read them. Reading an object
 * notes which of them it has (`ObjectReading.marks`, a bit each in this order), so that the
 * shape table tries only the shapes whose key is there.
 *
 * @internal
 */
export const SHAPE_KEYS = ['NeutronError', 'error', 'encoded_authorization_message', 'error_code', 'errorCode', 'errors', 'message', 'title'] as const

/** One of `SHAPE_KEYS`. @internal */
export type ShapeKey = (typeof SHAPE_KEYS)[number]

/**
 * The bits of shape keys (see `SHAPE_KEYS`); `marksOf([])` is 0.
 *
 * @internal
 */
export const marksOf = (keys: ReadonlyArray<ShapeKey>): number => keys.reduce((marks, key) => marks | (1 << SHAPE_KEYS.indexOf(key)), 0)

/** The marks of an object too large to read whole: every shape key may be among the keys not read. */
const EVERY_MARK = marksOf(SHAPE_KEYS)

/** What a key can stand for: its rank as a code key and as a message key, and whether it names a request id. @internal */
export interface Role {
  readonly code: number
  readonly message: number
  readonly requestId: boolean
  /** `error` is a message only when it is text; an object under it is a wrapper. */
  readonly isError: boolean
  /** Its bit among `SHAPE_KEYS` (the exact spelling), or 0. */
  readonly mark: number
}
// Keys no list names but whose ending says what they hold (`retCode`, `resultCode`, `retMsg`,
// `errorMessageText`): read after every listed key. Codes of other things are left alone.
const SUFFIX_RANK = 1000
const NOT_SERVICE_CODE = /(?:status|http|country|region|zip|postal|currency|lang|language|locale|area|auth|verify|verification|product|project)code$/
const codeRankOf = (normal: string): number =>
  CODE_RANK.get(normal) ?? (normal.length > 4 && normal.endsWith('code') && !NOT_SERVICE_CODE.test(normal) ? SUFFIX_RANK : Number.POSITIVE_INFINITY)
const messageRankOf = (normal: string): number => MESSAGE_RANK.get(normal) ?? (normal.endsWith('msg') || normal.endsWith('message') ? SUFFIX_RANK : Number.POSITIVE_INFINITY)
const readRole = (key: string): Role => {
  const normal = normalizeKey(key)
  return {
    code: codeRankOf(normal),
    message: messageRankOf(normal),
    requestId: REQUEST_ID_RANK.has(normal),
    isError: normal === 'error',
    mark: (SHAPE_KEYS as ReadonlyArray<string>).includes(key) ? marksOf([key as ShapeKey]) : 0,
  }
}
// Bodies repeat the same few keys: remember their roles.
const roleOf = boundedMemo(readRole, 512, 64)

/**
 * The keys of one object found for each role.
 *
 * @example
 * import { readKeys, type KeyReading } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const reading: KeyReading = readKeys({ errorCode: 'DMS.0001', errorMessage: 'Busy.', request_id: 'r-1' }, 409)
 * assert.deepStrictEqual([reading.code, reading.message, reading.requestId, reading.codeKey], ['DMS.0001', 'Busy.', 'r-1', 'errorCode'])
 *
 * @since 0.1.0
 * @category model
 */
export interface KeyReading extends ErrorDetail {
  readonly requestId: string | null
  /** The original spelling of the key the code came from, e.g. `error_code`. */
  readonly codeKey: string | null
}

/**
 * Reads an object's code-like, message-like and request-id-like keys.
 *
 * @example
 * import { readKeys } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(readKeys({ errCode: 'X.1', error_ext_msg: 'boom', requestId: 'r' }, 400),
 *   { code: 'X.1', message: 'boom', requestId: 'r', codeKey: 'errCode' })
 *
 * @since 0.1.0
 * @category destructors
 */
export const readKeys = (object: JsonObject, status: number): KeyReading => readObject(object, status).reading

/**
 * An object read by `readKeys`, with the marks of the shape keys it has (see `SHAPE_KEYS`).
 *
 * @internal
 */
export interface ObjectReading {
  readonly reading: KeyReading
  readonly marks: number
}

/**
 * `readKeys`, noting the shape keys met on the way (one pass over the keys serves both).
 *
 * @internal
 */
export const readObject = (object: JsonObject, status: number): ObjectReading => {
  let marks = 0
  let code: string | null = null
  let codeRank = Number.POSITIVE_INFINITY
  let codeKey: string | null = null
  let prose: string | null = null
  let proseRank = Number.POSITIVE_INFINITY
  let message: string | null = null
  let messageRank = Number.POSITIVE_INFINITY
  let messageKey: string | null = null
  let requestId: string | null = null
  const keys = Object.keys(object)
  for (let i = 0; i < keys.length && i < MAX_KEYS; i++) {
    const key = keys[i]!
    const role = roleOf(key)
    marks |= role.mark
    if (role.code === Number.POSITIVE_INFINITY && role.message === Number.POSITIVE_INFINITY && !role.requestId) continue
    const value = object[key]
    if (role.code < codeRank) {
      const found = codeOf(value, status)
      if (found !== null) {
        code = found
        codeRank = role.code
        codeKey = key
      } else if (role.code < proseRank) {
        // A sentence under a code key: no code, but what the service said.
        const text = textOf(value)
        if (text !== null && isProse(text)) {
          prose = text
          proseRank = role.code
        }
      }
    }
    if (role.message < messageRank) {
      const found = role.isError ? textOf(value) : messageOf(value, 1)
      if (found !== null) {
        message = found
        messageRank = role.message
        messageKey = key
      }
    }
    if (requestId === null && role.requestId) requestId = textOf(value)
  }
  return { reading: settleReading({ code, message, requestId, codeKey }, prose, messageKey, status), marks: keys.length > MAX_KEYS ? EVERY_MARK : marks }
}

/**
 * What a person makes of a code key holding a sentence (`prose`): when the message is the
 * token that looks like a code (`{"code": "Invalid parameter", "message": "ECS.0001"}`), the
 * two swap places; otherwise the sentence is the message when there is no other.
 *
 * @internal
 */
export const settleReading = (reading: KeyReading, prose: string | null, messageKey: string | null, status: number): KeyReading => {
  if (prose === null) return reading
  const { code, message } = reading
  const swapped = code === null && message !== null && isCodeShaped(message) ? codeOf(message, status) : null
  if (swapped !== null) return { ...reading, code: swapped, message: prose, codeKey: messageKey }
  return message === null ? { ...reading, message: prose } : reading
}

/**
 * The role of a key of a body (its normalised spelling looked up in `CODE_KEYS`,
 * `MESSAGE_KEYS` and `REQUEST_ID_KEYS`), for readers of text that is not JSON.
 *
 * @internal
 */
export const keyRole = (key: string): Role => roleOf(key)
