/**
 * Header normalisation: whatever users hand over (a plain object, WHATWG `Headers`, a `Map`)
 * becomes a `HeaderMap` with lower-case names and one trimmed string per name. Total: never
 * throws, even on hostile objects (throwing getters, Proxies, `__proto__` keys).
 *
 * @since 0.1.0
 */
import { isSecretName } from '../error/redact.js'
import { boundedMemo } from '../fp/memo.js'
import type { HeaderMap, HeadersInput } from './model.js'

/**
 * The headers that carry a request id, in the order they are consulted (lower case):
 * - `x-request-id`: the API gateway (APIG) in front of every OTC service, and most services;
 * - `x-openstack-request-id`: OpenStack-based services (ECS, EVS, VPC, IMS, …);
 * - `x-compute-request-id`: Nova (ECS) on older endpoints;
 * - `x-obs-request-id`: Object Storage Service (OBS) in its native mode;
 * - `x-amz-request-id`: OBS in its S3-compatible mode;
 * - `x-apig-request-id`: APIG on some dedicated gateways;
 * - `x-trans-id`: Swift-style object storage (OBS's Swift API, Swift proxies), which also
 *   prints it in its error pages.
 *
 * @example
 * import { REQUEST_ID_HEADERS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(REQUEST_ID_HEADERS[0], 'x-request-id')
 *
 * @since 0.1.0
 * @category constants
 */
export const REQUEST_ID_HEADERS: ReadonlyArray<string> = [
  'x-request-id',
  'x-openstack-request-id',
  'x-compute-request-id',
  'x-obs-request-id',
  'x-amz-request-id',
  'x-apig-request-id',
  'x-trans-id',
]

/** At most this many elements of one array value are read (a Proxy may lie about `length`). */
const MAX_ARRAY_VALUES = 10_000

const isArray = (value: unknown): value is ReadonlyArray<unknown> => {
  try {
    return Array.isArray(value)
  } catch {
    return false // a revoked Proxy
  }
}

/** A header value as one trimmed string, or `undefined` when it is not a string or strings. */
const valueText = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim()
  if (!isArray(value)) return undefined
  const parts: Array<string> = []
  const length = Math.min(Number(value.length) || 0, MAX_ARRAY_VALUES)
  for (let i = 0; i < length; i++) {
    try {
      const item = value[i]
      if (typeof item === 'string') parts.push(item.trim())
    } catch {
      // a throwing element getter: skip the element
    }
  }
  return parts.length === 0 ? undefined : parts.join(', ')
}

/**
 * What reading the headers noted about their names, a bit each (see `NOTE_SECRET`,
 * `NOTE_REQUEST_ID`, `NOTE_RETRY_AFTER`): a later step that finds its bit unset knows, without a
 * lookup, that there is nothing for it. Decoding an error asks for the secret values, the request
 * id and `Retry-After` of every response; most responses carry none of them.
 *
 * @internal
 */
export type HeaderNotes = number
/** A header whose name is secret by `isSecretName`. @internal */
export const NOTE_SECRET = 1
/** A header of `REQUEST_ID_HEADERS`. @internal */
export const NOTE_REQUEST_ID = 2
/** A `Retry-After` header. @internal */
export const NOTE_RETRY_AFTER = 4

const REQUEST_ID_NAMES: ReadonlySet<string> = new Set(REQUEST_ID_HEADERS)
const notesOfName = (lower: string): HeaderNotes =>
  (isSecretName(lower) ? NOTE_SECRET : 0) | (REQUEST_ID_NAMES.has(lower) ? NOTE_REQUEST_ID : 0) | (lower === 'retry-after' ? NOTE_RETRY_AFTER : 0)

/** A header name as the map keys it (trimmed, lower case; empty when it is none) and its notes. */
interface NameReading {
  readonly lower: string
  readonly notes: HeaderNotes
}
// Responses repeat the same few header names: remember how each spelling reads.
const nameReading = boundedMemo(
  (name: string): NameReading => {
    const lower = name.trim().toLowerCase()
    return { lower, notes: notesOfName(lower) }
  },
  512,
  64,
)

/**
 * Headers read: the map, and the notes on its names.
 *
 * @internal
 */
export interface HeaderReading {
  readonly map: HeaderMap
  readonly notes: HeaderNotes
}

/** Adds one header to the map; gives the notes on its name when it was added, else 0. */
const add = (out: Map<string, string>, name: unknown, value: unknown): HeaderNotes => {
  if (typeof name !== 'string') return 0
  const { lower, notes } = nameReading(name)
  if (lower === '') return 0
  const text = valueText(value)
  if (text === undefined) return 0
  const previous = out.get(lower)
  out.set(lower, previous === undefined ? text : `${previous}, ${text}`)
  return notes
}

/** `forEach` when the object looks like WHATWG `Headers` (or a `Map`), else `undefined`. */
const headersForEach = (input: object): ((this: unknown, ...args: ReadonlyArray<unknown>) => unknown) | undefined => {
  try {
    const record = input as Record<string, unknown>
    const forEach = record['forEach']
    return typeof forEach === 'function' && typeof record['get'] === 'function' ? (forEach as (this: unknown, ...args: ReadonlyArray<unknown>) => unknown) : undefined
  } catch {
    return undefined
  }
}

/**
 * Headers with lower-case names and trimmed values; repeated values (arrays, `Set-Cookie` from
 * `Headers`, names differing only in case) are joined with `, `. Accepts a plain object (string,
 * array or `undefined` values), WHATWG `Headers` or a `Map` (anything with `forEach` and `get`).
 * Values that are not strings are ignored; `null`, `undefined` and non-objects give an empty map.
 * Never throws.
 *
 * @example
 * import { normalizeHeaders } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const headers = normalizeHeaders({ 'Content-Type': ' application/json ', 'Set-Cookie': ['a=1', 'b=2'] })
 * assert.deepStrictEqual([...headers], [['content-type', 'application/json'], ['set-cookie', 'a=1, b=2']])
 *
 * @since 0.1.0
 * @category headers
 */
export const normalizeHeaders = (input: HeadersInput | undefined | null): HeaderMap => readHeaders(input).map

/**
 * `normalizeHeaders` with the notes on the names read (see `HeaderNotes`): the one pass over
 * the headers that decoding makes.
 *
 * @internal
 */
export const readHeaders = (input: HeadersInput | undefined | null): HeaderReading => {
  const map = new Map<string, string>()
  let notes = 0
  if (typeof input !== 'object' || input === null) return { map, notes }
  const forEach = headersForEach(input)
  if (forEach !== undefined) {
    try {
      Reflect.apply(forEach, input, [
        (value: unknown, name: unknown): void => {
          try {
            notes |= add(map, name, value)
          } catch {
            // ignore one bad entry
          }
        },
      ])
    } catch {
      // keep what was read before the failure
    }
    return { map, notes }
  }
  let keys: ReadonlyArray<string>
  try {
    keys = Object.keys(input)
  } catch {
    return { map, notes }
  }
  for (const key of keys) {
    try {
      notes |= add(map, key, (input as Readonly<Record<string, unknown>>)[key])
    } catch {
      // a throwing getter: skip the header
    }
  }
  return { map, notes }
}

/**
 * The notes on the names of headers normalised elsewhere (a `ReadResponse` a caller built):
 * what `readHeaders` notes while reading.
 *
 * @internal
 */
export const notesOf = (map: HeaderMap): HeaderNotes => {
  let notes = 0
  try {
    for (const name of map.keys()) notes |= nameReading(name).notes
  } catch {
    // a map whose iteration throws: note everything, so nothing is skipped
    return NOTE_SECRET | NOTE_REQUEST_ID | NOTE_RETRY_AFTER
  }
  return notes
}

/**
 * The value of a header, looked up case-insensitively; `undefined` when absent.
 *
 * @example
 * import { headerValue, normalizeHeaders } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const headers = normalizeHeaders({ 'X-Subject-Token': 'MIIabc' })
 * assert.strictEqual(headerValue(headers, 'x-subject-token'), 'MIIabc')
 * assert.strictEqual(headerValue(headers, 'Retry-After'), undefined)
 *
 * @since 0.1.0
 * @category headers
 */
export const headerValue = (map: HeaderMap, name: string): string | undefined => {
  if (typeof name !== 'string') return undefined
  try {
    // The names asked for are nearly always lower-case already: then one lookup answers.
    const lower = name.trim().toLowerCase()
    const value: unknown = map.get(name) ?? (lower === name ? undefined : map.get(lower))
    return typeof value === 'string' ? value : undefined
  } catch {
    return undefined
  }
}

/** A header by its lower-case name (the map's keys are lower-case): the hot path's lookup. */
const lowerHeader = (map: HeaderMap, lowerName: string): string | undefined => {
  try {
    const value: unknown = map.get(lowerName)
    return typeof value === 'string' ? value : undefined
  } catch {
    return undefined
  }
}

/**
 * The request id of a response: the first non-empty header of `REQUEST_ID_HEADERS` (when a
 * header was repeated, its first value); `null` when there is none.
 *
 * @example
 * import { normalizeHeaders, requestIdOf } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(requestIdOf(normalizeHeaders({ 'X-Openstack-Request-Id': 'req-1f2e' })), 'req-1f2e')
 * assert.strictEqual(requestIdOf(normalizeHeaders({})), null)
 *
 * @since 0.1.0
 * @category headers
 */
export const requestIdOf = (map: HeaderMap): string | null => {
  try {
    for (const name of REQUEST_ID_HEADERS) {
      const value: unknown = map.get(name)
      if (typeof value !== 'string') continue
      const comma = value.indexOf(',')
      const first = (comma === -1 ? value : value.slice(0, comma)).trim()
      if (first !== '') return first
    }
  } catch {
    // a map whose get throws: no request id
  }
  return null
}

const MEDIA_TYPE = /^[a-z0-9!#$%&'*+.^_`|~-]+\/[a-z0-9!#$%&'*+.^_`|~-]+$/

/**
 * The media type of the `Content-Type` header, lower-cased and without parameters; `null` when
 * the header is absent or is not a `type/subtype`.
 *
 * @example
 * import { contentTypeOf, normalizeHeaders } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(contentTypeOf(normalizeHeaders({ 'content-type': 'Application/JSON; charset=UTF-8' })), 'application/json')
 * assert.strictEqual(contentTypeOf(normalizeHeaders({})), null)
 *
 * @since 0.1.0
 * @category headers
 */
export const contentTypeOf = (map: HeaderMap): string | null => {
  const value = lowerHeader(map, 'content-type')
  if (value === undefined) return null
  return mediaTypeOf(value)
}

const readMediaType = (value: string): string | null => {
  let end = value.length
  const semicolon = value.indexOf(';')
  if (semicolon !== -1) end = semicolon
  const comma = value.indexOf(',')
  if (comma !== -1 && comma < end) end = comma
  const media = value.slice(0, end).trim().toLowerCase()
  return MEDIA_TYPE.test(media) ? media : null
}
// Responses repeat a handful of Content-Type values: remember their media types.
const mediaTypeOf = boundedMemo(readMediaType, 256, 128)
