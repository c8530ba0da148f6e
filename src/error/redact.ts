/**
 * Redaction of secrets: header values that carry credentials, the values of secret-named pairs
 * in text, and credentials of known formats never appear in anything the library renders.
 *
 * This module is the one home of what counts as a secret: the secret-name rules
 * (`isSecretName`), the text scanner (`redactText`) and the copy of decoded values with secrets
 * removed (`redactValue`). Every scan is linear in its input: fixed-width look-backs, bounded
 * quantifiers, and every value read is skipped past, never read twice.
 *
 * @since 0.1.0
 */
import { boundedMemo } from '../fp/memo.js'

/**
 * What a secret is replaced with.
 *
 * @example
 * import { REDACTED } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(REDACTED, '[redacted]')
 *
 * @since 0.1.0
 * @category constants
 */
export const REDACTED = '[redacted]'

/**
 * Header names whose values are credentials (lower case). Beyond these, any header whose name
 * is secret by `isSecretName` (it mentions a token, password, secret, key, signature,
 * credential, cookie, session or authorization) is treated as secret too.
 *
 * @example
 * import { SECRET_HEADERS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(SECRET_HEADERS.has('x-subject-token'), true)
 *
 * @since 0.1.0
 * @category constants
 */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'x-subject-token',
  'x-auth-token',
  'authorization',
  'proxy-authorization',
  'x-security-token',
  'x-amz-security-token',
  'cookie',
  'set-cookie',
  'x-api-key',
])

/** No secret values: what `secretValues` gives for headers without one. @internal */
export const NO_SECRETS: ReadonlyArray<string> = []

// -------------------------------------------------------------------------------------
// secret names
// -------------------------------------------------------------------------------------

/** Words that make any name containing them secret (`OS_PASSWORD`, `X-Amz-Security-Token`, `JSESSIONID`). */
const SECRET_WORDS = /token|passw|passphrase|passcode|pwd|secret|signature|credential|cookie|session|authori[sz]ation|private[-_]?key|api[-_]?key|access[-_]?key/
/** Words that make a name secret when it ends with them (`adminPass`, `HW_SECRET_KEY`, `AccessKeyId`, `basic_auth`, `sig`, `sk`). */
const SECRET_ENDINGS = /(?:auth|pass|keys?|key[-_]?id|(?:^|[-_])(?:sig|sk))$/

/**
 * Names that mention a secret word but hold none: what a value is about (`token_type`,
 * `encoded_authorization_message`, `password_policy`, `token_expires_at`, `session_timeout`) and
 * keys that order or address data (`sort_key`, `partition_key`, `public_key`, `object_key`).
 */
const NOT_SECRET =
  /(?:message|msg|type|url|uri|policy|expires|expires_at|expiry|expiration|_at|_time|timeout|ttl|length|count|enabled|required|allow-credentials)$|(?:sort|partition|primary|foreign|hash|range|shard|row|object|public|idempotency|cache|group|routing|index|order|unique|tag|label|column|field)[-_]?keys?$/

/**
 * Secret names that are also ordinary words: as an unquoted `name: value` followed by a space
 * they are read as prose ("Invalid token: the token has expired"), not as a pair.
 */
const PROSE_NAMES: ReadonlySet<string> = new Set(['token', 'tokens', 'key', 'keys', 'session', 'sessions', 'auth', 'pass'])

/**
 * Whether a name (a header, a JSON or logfmt key, a query parameter, an environment variable)
 * holds a secret value: it contains `token`, `passw`, `pwd`, `secret`, `signature`,
 * `credential`, `cookie`, `session`, `authorization`, `api_key` or `access_key`, or ends with
 * `auth`, `pass`, `key` or `key_id`, or is `sig` or `sk`, in any case and with any prefix;
 * unless it names what the value is about (`token_type`, `encoded_authorization_message`,
 * `password_policy`, `session_timeout`) or a key that orders or addresses data (`sort_key`,
 * `public_key`).
 *
 * @example
 * import { isSecretName } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(['OS_PASSWORD', 'adminPass', 'X-Amz-Security-Token', 'HW_SECRET_KEY', 'AccessKeyId'].map(isSecretName), [true, true, true, true, true])
 * assert.deepStrictEqual(['error_code', 'message', 'request_id', 'keystone_url', 'sort_key', 'token_type'].map(isSecretName), [false, false, false, false, false, false])
 *
 * @since 0.1.0
 * @category redaction
 */
export const isSecretName = (name: string): boolean => typeof name === 'string' && secretName(name)

// Names repeat (the same few headers, the same few keys): remember the verdicts.
const secretName = boundedMemo(
  (name: string): boolean => {
    const lower = name.trim().toLowerCase()
    return SECRET_HEADERS.has(lower) || ((SECRET_WORDS.test(lower) || SECRET_ENDINGS.test(lower)) && !NOT_SECRET.test(lower))
  },
  1024,
  64,
)

/**
 * Whether a header's value must never be shown (see `isSecretName`).
 *
 * @example
 * import { isSecretHeader } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(isSecretHeader('X-Subject-Token'), true)
 * assert.strictEqual(isSecretHeader('Content-Type'), false)
 *
 * @since 0.1.0
 * @category redaction
 */
export const isSecretHeader = (name: string): boolean => isSecretName(name)

// -------------------------------------------------------------------------------------
// headers
// -------------------------------------------------------------------------------------

/**
 * A copy of the headers with every secret removed: the whole value of a secret-named header is
 * `[redacted]`, and the values of other headers go through `redactText` (a presigned `Location`
 * URL keeps its path but not its `Signature=` or `X-Amz-Credential=`; an `X-Echo: password=…`
 * keeps the name only).
 *
 * @example
 * import { redactHeaders } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const headers = redactHeaders(new Map([['x-auth-token', 'MIIabc'], ['content-type', 'application/json'], ['location', 'https://obs/b/k?AccessKeyId=AK1&Signature=c2ln']]))
 * assert.deepStrictEqual(headers, { 'x-auth-token': '[redacted]', 'content-type': 'application/json', location: 'https://obs/b/k?AccessKeyId=[redacted]&Signature=[redacted]' })
 *
 * @since 0.1.0
 * @category redaction
 */
export const redactHeaders = (headers: ReadonlyMap<string, string>): Readonly<Record<string, string>> => {
  const out: Record<string, string> = {}
  for (const [name, value] of headers) {
    const shown = isSecretName(name) ? REDACTED : redactText(value)
    // Assigning `__proto__` would set the prototype: define it as a plain key instead.
    if (name === '__proto__') Object.defineProperty(out, name, { value: shown, enumerable: true, writable: true, configurable: true })
    else out[name] = shown
  }
  return out
}

/**
 * The secret values among the headers, longest first, so that substrings are replaced last.
 *
 * @example
 * import { secretValues } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const headers = new Map([['x-auth-token', 'MIIsecretvalue'], ['content-type', 'application/json']])
 * assert.deepStrictEqual(secretValues(headers), ['MIIsecretvalue'])
 *
 * @since 0.1.0
 * @category redaction
 */
export const secretValues = (headers: ReadonlyMap<string, string>): ReadonlyArray<string> => {
  let any = false
  for (const name of headers.keys()) if (isSecretName(name)) any = true
  if (!any) return NO_SECRETS
  const values: Array<string> = []
  for (const [name, value] of headers) {
    if (!isSecretName(name)) continue
    // Very short values (a single letter) would blank out ordinary words; they are not credentials.
    const whole = value.trim()
    if (whole.length >= 6) values.push(whole)
    // A list (`a=1; b=2`, `k1, k2`): each part is a secret of its own too.
    if (value.includes(',') || value.includes(';'))
      for (const part of value.split(/[,;]\s*/)) {
        const trimmed = part.trim()
        if (trimmed.length >= 6) values.push(trimmed)
      }
  }
  return values.length === 1 ? values : [...new Set(values)].sort((a, b) => b.length - a.length)
}

// -------------------------------------------------------------------------------------
// text: character classes
// -------------------------------------------------------------------------------------

const BACKSLASH = 0x5c
const DQUOTE = 0x22
const SQUOTE = 0x27

const isNameChar = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09
const isLineEnd = (c: number): boolean => c === 0x0a || c === 0x0d
const isSpace = (c: number): boolean => isBlank(c) || isLineEnd(c) || c === 0x0b || c === 0x0c
const isQuote = (c: number): boolean => c === DQUOTE || c === SQUOTE
/** What may follow the end of a value: nothing, space or punctuation that closes or separates. */
const isStructural = (c: number): boolean =>
  Number.isNaN(c) || isSpace(c) || c === 0x2c || c === 0x3b || c === 0x26 || c === 0x7d || c === 0x5d || c === 0x29 || c === 0x3e || c === 0x3c || isQuote(c) || c === BACKSLASH

/** Whether `%XX` (or `%25XX`, encoded twice) with hex `hex` (upper case) starts at `at`; its length or 0. */
const percentAt = (text: string, at: number, hex: string): number => {
  if (text.charCodeAt(at) !== 0x25) return 0
  if (text.slice(at + 1, at + 3).toUpperCase() === hex) return 3
  if (text.slice(at + 1, at + 5).toUpperCase() === `25${hex}`) return 5
  return 0
}

/**
 * Whether a quote preceded by `run` backslashes closes a string opened by a quote preceded by
 * `level` backslashes: `"` inside `"…"` (0), `\"` inside `\"…\"` (escaped JSON, 1), `\\\"` (3).
 * Inside, a quote is escaped by one more level: `\"` in plain JSON, `\\\"` in escaped JSON.
 */
const closes = (run: number, level: number): boolean => run >= level && (run - level) % (2 * (level + 1)) === 0

/** The number of backslashes right before `at`, not looking before `floor`. */
const backslashesBefore = (text: string, at: number, floor: number): number => {
  let n = 0
  while (at - n - 1 >= floor && text.charCodeAt(at - n - 1) === BACKSLASH) n++
  return n
}

// -------------------------------------------------------------------------------------
// text: values
// -------------------------------------------------------------------------------------

/**
 * A span of text, `[from, to)`: here, one that redaction replaces with `[redacted]`.
 *
 * @example
 * import type { SecretSpan } from 'otc-errors'
 * const span: SecretSpan = { from: 9, to: 16 }
 *
 * @since 0.1.0
 * @category model
 */
export interface SecretSpan {
  readonly from: number
  readonly to: number
}

type Span = SecretSpan

const NO_SPANS: ReadonlyArray<Span> = []

/** `text` with each span (in order, disjoint) replaced by `[redacted]`. */
const replaceSpans = (text: string, spans: ReadonlyArray<Span>): string => {
  if (spans.length === 0) return text
  const out: Array<string> = []
  let last = 0
  for (const { from, to } of spans) {
    out.push(text.slice(last, from), REDACTED)
    last = to
  }
  out.push(text.slice(last))
  return out.join('')
}

/**
 * Spans found in `replaceSpans(text, outer)` taken back to `text`, together with `outer`: an end
 * that falls inside a placeholder grows to the whole span the placeholder replaced. Both lists
 * are in order and disjoint, and so is the result; one pass over both (linear time).
 */
const throughReplacement = (outer: ReadonlyArray<Span>, inner: ReadonlyArray<Span>): ReadonlyArray<Span> => {
  if (inner.length === 0) return outer
  if (outer.length === 0) return inner
  let i = 0 // the first placeholder not wholly before the positions asked about
  let shift = 0 // offset in `text` minus offset in the replaced text, before placeholder i
  // Positions are asked about in order, so `i` and `shift` only move forward.
  const back = (p: number, isEnd: boolean): number => {
    for (let o = outer[i]; o !== undefined; o = outer[i]) {
      const start = o.from - shift
      const stop = start + REDACTED.length
      if (p < start || (isEnd && p === start)) break
      if (p < stop || (isEnd && p === stop)) return isEnd ? o.to : o.from
      shift += o.to - o.from - REDACTED.length
      i++
    }
    return p + shift
  }
  const mapped = inner.map((s): Span => ({ from: back(s.from, false), to: back(s.to, true) }))
  // Merge the two ordered lists, joining spans that overlap.
  const out: Array<Span> = []
  const add = (s: Span): void => {
    const last = out[out.length - 1]
    if (last !== undefined && s.from < last.to) out[out.length - 1] = { from: last.from, to: Math.max(last.to, s.to) }
    else out.push(s)
  }
  let a = 0
  let b = 0
  while (a < outer.length || b < mapped.length) {
    const x = outer[a]
    const y = mapped[b]
    if (y === undefined || (x !== undefined && x.from <= y.from)) {
      add(x as Span)
      a++
    } else {
      add(y)
      b++
    }
  }
  return out
}

/**
 * A quoted value starting at `at` (`"…"`, `'…'`, `\"…\"` at any escape level, `%22…%22`): the
 * span inside the quotes, up to the real closing quote (escaped quotes are part of the value),
 * or to the end of the line when it never closes; undefined when no quote starts there.
 */
const quotedValue = (text: string, at: number): (Span & { readonly end: number }) | undefined => {
  const encoded = percentAt(text, at, '22')
  if (encoded > 0) {
    const seq = text.slice(at, at + encoded)
    const from = at + encoded
    let to = from
    while (to < text.length && !isSpace(text.charCodeAt(to)) && text.slice(to, to + encoded).toUpperCase() !== seq.toUpperCase()) to++
    return { from, to, end: to < text.length && !isSpace(text.charCodeAt(to)) ? to + encoded : to }
  }
  let level = 0
  while (level < 8 && text.charCodeAt(at + level) === BACKSLASH) level++
  const quote = text.charCodeAt(at + level)
  if (!isQuote(quote)) return undefined
  const from = at + level + 1
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j)
    if (isLineEnd(c)) return { from, to: j, end: j }
    if (c !== quote) continue
    const run = backslashesBefore(text, j, from)
    if (closes(run, level)) return { from, to: j - level, end: j + 1 }
  }
  return { from, to: text.length, end: text.length }
}

/**
 * A bare value starting at `at`: up to a space, `&`, `,`, `;` or `<`; a quote, `}`, `]` or `)`
 * ends it only when what follows closes or separates too (`ab"cd` is one value, `x",` is `x`);
 * a backslash only when it starts an escape (`\n`, `\u0026`) or an escaped closing quote. With
 * `encoded`, `%26`, `%2C`, `%3B`, `%22` and `%20` end it too.
 */
const bareEnd = (text: string, at: number, encoded: boolean, stops: 'value' | 'param' | 'cookie' = 'value'): number => {
  let j = at
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j)
    if (isSpace(c) || c === 0x3c) break
    if (c === 0x2c) break
    if ((c === 0x26 || c === 0x3b) && stops !== 'param') break
    if (isQuote(c)) {
      if (isStructural(text.charCodeAt(j + 1))) break
      continue
    }
    if (c === 0x7d || c === 0x5d || c === 0x29) {
      if (isStructural(text.charCodeAt(j + 1))) break
      continue
    }
    if (c === BACKSLASH) {
      const next = text.charCodeAt(j + 1)
      if (next === 0x6e || next === 0x72 || next === 0x74 || next === 0x75) break
      if (isQuote(next) && isStructural(text.charCodeAt(j + 2))) break
      if (next === BACKSLASH || isQuote(next)) j++
      continue
    }
    if (encoded && c === 0x25 && (percentAt(text, j, '26') || percentAt(text, j, '2C') || percentAt(text, j, '3B') || percentAt(text, j, '22') || percentAt(text, j, '20'))) break
  }
  return j
}

/** A `{…}` or `[…]` value starting at `at`, to its balancing bracket (strings at `level` skipped), or to the end. */
const balancedEnd = (text: string, at: number, level: number): number => {
  let depth = 0
  let inString = false
  for (let j = at; j < text.length; j++) {
    const c = text.charCodeAt(j)
    if (c === DQUOTE && closes(backslashesBefore(text, j, at), level)) {
      inString = !inString
      continue
    }
    if (inString) continue
    if (c === 0x7b || c === 0x5b) depth++
    else if (c === 0x7d || c === 0x5d) {
      depth--
      if (depth === 0) return j + 1
    }
  }
  return text.length
}

// `Authorization: <scheme> <credentials>`: the schemes whose credentials follow after a space.
const SCHEMES: ReadonlySet<string> = new Set([
  'bearer',
  'basic',
  'token',
  'digest',
  'negotiate',
  'ntlm',
  'obs',
  'aws',
  'oauth',
  'mac',
  'hoba',
  'apikey',
  'jwt',
  'otp',
  'hmac',
  'signature',
  'sharedkey',
  'sharedkeylite',
  'sharedaccesssignature',
  'key',
  'session',
  'sso',
  'kerberos',
])
const SCHEME = /[A-Za-z][A-Za-z0-9._~+/-]{0,39}/y
const PARAM = /[A-Za-z][A-Za-z0-9_-]{0,40}[ \t]{0,4}=/y

const isScheme = (word: string): boolean => {
  const lower = word.toLowerCase()
  return SCHEMES.has(lower) || /hmac|sha\d|^aws|^obs|^sdk-/.test(lower)
}

const skipBlanks = (text: string, at: number, max = 8): number => {
  let j = at
  while (j - at < max && isBlank(text.charCodeAt(j))) j++
  return j
}

/**
 * The credentials of an `Authorization` value starting at `at`: a scheme and one credential
 * (`Bearer x`, `OBS AK:SIG`), or a scheme and `param=value` pairs separated by commas (`Digest
 * username="a", response="…"`, `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`), or
 * a bare credential.
 */
const authorizationEnd = (text: string, at: number): number => {
  SCHEME.lastIndex = at
  const scheme = SCHEME.exec(text)
  if (scheme === null || !isBlank(text.charCodeAt(at + scheme[0].length)) || !isScheme(scheme[0])) return bareEnd(text, at, false)
  const start = skipBlanks(text, at + scheme[0].length)
  const first = text.charCodeAt(start)
  if (Number.isNaN(first) || isSpace(first)) return at + scheme[0].length
  PARAM.lastIndex = start
  if (!PARAM.test(text)) {
    const quoted = quotedValue(text, start)
    return quoted !== undefined ? quoted.end : bareEnd(text, start, false)
  }
  let end = start
  for (let p = start; ;) {
    PARAM.lastIndex = p
    const param = PARAM.exec(text)
    if (param === null) break
    const v = skipBlanks(text, p + param[0].length, 4)
    const quoted = quotedValue(text, v)
    end = quoted !== undefined ? quoted.end : bareEnd(text, v, false, 'param')
    let q = skipBlanks(text, end, 4)
    if (text.charCodeAt(q) !== 0x2c) break
    q = skipBlanks(text, q + 1, 4)
    p = q
  }
  return end
}

/** A cookie list starting at `at` (`a=1; session=xyz; other=abc`): every pair, not just the first. */
const cookieEnd = (text: string, at: number): number => {
  let end = bareEnd(text, at, false, 'cookie')
  for (;;) {
    if (text.charCodeAt(end) !== 0x3b) return end
    const next = skipBlanks(text, end + 1, 4)
    const c = text.charCodeAt(next)
    if (Number.isNaN(c) || isStructural(c) || c === 0x3b) return end
    const after = bareEnd(text, next, false, 'cookie')
    if (after === next) return end
    end = after
  }
}

// -------------------------------------------------------------------------------------
// text: pairs
// -------------------------------------------------------------------------------------

const MAX_NAME = 64

/** A bare `null`, `true`, `false` (JSON, YAML) or `None`/`nil`: no secret to hide. */
const isLiteral = (text: string, span: Span): boolean => {
  const length = span.to - span.from
  if (length > 9) return false
  const word = text.slice(span.from, span.to)
  return word === 'null' || word === 'true' || word === 'false' || word === 'None' || word === 'nil' || word === 'undefined'
}

/** Names whose object or array value is a secret as a whole (`"credential": {"access": …, "secret": …}`). */
const WHOLE_VALUE = /credential|secret|passw|pwd|auth$/

interface Name {
  readonly name: string
  /** Whether the name stood in quotes (`"token":`), and how many backslashes escaped them. */
  readonly quoted: boolean
  readonly level: number
}

/** The name before a separator at `at`, read backwards (bounded), or undefined. */
const nameBefore = (text: string, at: number, kind: 'pair' | 'element' | 'encoded'): Name | undefined => {
  let j = at
  if (kind !== 'element') j -= Math.min(4, blanksBefore(text, j))
  let quoted = false
  let level = 0
  if (kind === 'encoded' || kind === 'pair') {
    if (isQuote(text.charCodeAt(j - 1))) {
      quoted = true
      j--
      level = Math.min(8, backslashesBefore(text, j, 0))
      j -= level
    } else if (j >= 3 && percentAt(text, j - 3, '22') === 3) {
      quoted = true
      j -= j >= 5 && percentAt(text, j - 5, '22') === 5 ? 5 : 3
    }
  }
  let k = j
  while (k > 0 && j - k < MAX_NAME && isNameChar(text.charCodeAt(k - 1))) k--
  // A run longer than any name (base64, hex) is no name.
  if (k === j || (k > 0 && isNameChar(text.charCodeAt(k - 1)))) return undefined
  if (kind === 'element' && text.charCodeAt(k - 1) !== 0x3c) return undefined
  return { name: text.slice(k, j), quoted, level }
}

const blanksBefore = (text: string, at: number): number => {
  let n = 0
  while (n < 4 && isBlank(text.charCodeAt(at - n - 1))) n++
  return n
}

/** The separator at `at` (`=`, `:`, `>` or an encoded `%3D`/`%3A`), or undefined. */
const separatorAt = (text: string, at: number, c: number): string | undefined => {
  if (c === 0x3d) return '='
  if (c === 0x3a) return ':'
  if (c === 0x3e) return '>'
  const encoded = percentAt(text, at, '3D') || percentAt(text, at, '3A')
  return encoded === 0 ? undefined : text.slice(at, at + encoded)
}

/** The values of secret-named pairs, in order; the spans found are skipped past (linear time). */
const pairSpans = (text: string): ReadonlyArray<Span> => {
  let spans: Array<Span> | undefined
  let next = 0
  for (let at = 0; at < text.length; at++) {
    const c = text.charCodeAt(at)
    if ((c !== 0x3d && c !== 0x3a && c !== 0x3e && c !== 0x25) || at < next) continue
    const sep = separatorAt(text, at, c)
    if (sep === undefined) continue
    const kind = sep === '>' ? 'element' : sep.length > 1 ? 'encoded' : 'pair'
    const name = nameBefore(text, at, kind)
    if (name === undefined || !isSecretName(name.name)) continue
    let v = at + sep.length
    if (sep === '=' && text.charCodeAt(v) === 0x3e) v++ // `=>`
    if (kind === 'encoded') {
      for (let n = 0; n < 8; n++) {
        const blank = text.charCodeAt(v) === 0x2b ? 1 : percentAt(text, v, '20')
        if (blank === 0) break
        v += blank
      }
    } else if (kind === 'pair') v = skipBlanks(text, v)
    const first = text.charCodeAt(v)
    if (Number.isNaN(first) || isLineEnd(first)) continue
    // Already redacted (text is redacted more than once on its way out): leave it.
    if (text.startsWith(REDACTED, v)) {
      next = v + REDACTED.length
      continue
    }
    // "Invalid token: the token has expired" is prose, `token:abc` and `"token": "abc"` are pairs.
    if (sep === ':' && !name.quoted && v > at + 1 && PROSE_NAMES.has(name.name.toLowerCase())) continue
    const lower = name.name.toLowerCase()
    let span: Span | undefined
    if (kind === 'element') {
      if (first === 0x3c) continue
      const lt = text.indexOf('<', v)
      span = { from: v, to: lt === -1 ? text.length : lt }
    } else if (first === 0x7b || first === 0x5b) {
      // An object: the whole of it for credential-like names, else its own pairs are redacted one by one.
      if (!WHOLE_VALUE.test(lower)) continue
      span = { from: v, to: balancedEnd(text, v, name.level) }
    } else {
      const quoted = quotedValue(text, v)
      if (quoted !== undefined) span = quoted
      else if (/authori[sz]ation$/.test(lower)) span = { from: v, to: authorizationEnd(text, v) }
      else if (lower.endsWith('cookie') || lower.endsWith('cookie2')) span = { from: v, to: cookieEnd(text, v) }
      else span = { from: v, to: bareEnd(text, v, kind === 'encoded') }
    }
    if (span.to <= span.from || (quotedValue(text, v) === undefined && isLiteral(text, span))) continue
    ;(spans ??= []).push(span)
    next = span.to
  }
  return spans ?? NO_SPANS
}

// -------------------------------------------------------------------------------------
// text: credentials of known formats
// -------------------------------------------------------------------------------------

const PEM_BEGIN = '-----BEGIN '
const PEM_LABEL = /[A-Z0-9 ]{1,60}-----/y

/** PEM blocks (`-----BEGIN … KEY-----` … `-----END … KEY-----`): the markers stay, the body goes; an unclosed block goes to its end. */
const pemSpans = (text: string): ReadonlyArray<Span> => {
  let at = text.indexOf(PEM_BEGIN)
  if (at === -1) return NO_SPANS
  const spans: Array<Span> = []
  let noEndAfter = Number.POSITIVE_INFINITY
  while (at !== -1) {
    PEM_LABEL.lastIndex = at + PEM_BEGIN.length
    const label = PEM_LABEL.exec(text)
    if (label === null) {
      at = text.indexOf(PEM_BEGIN, at + 1)
      continue
    }
    const from = PEM_LABEL.lastIndex
    let to = from >= noEndAfter ? -1 : text.indexOf('-----END ', from)
    if (to === -1) {
      noEndAfter = Math.min(noEndAfter, from)
      // Unclosed (cut short): the body runs to the end of the string it stands in.
      to = from
      while (to < text.length && text.charCodeAt(to) !== DQUOTE && text.charCodeAt(to) !== 0x3c) to++
      while (to > from && text.charCodeAt(to - 1) === BACKSLASH) to--
    }
    spans.push({ from, to })
    at = text.indexOf(PEM_BEGIN, Math.max(to, at + 1))
  }
  return spans
}

// Keystone PKI (`MII…`) and PKIZ tokens, Fernet tokens (`gAAAAA…`), JSON Web Tokens (`eyJ….eyJ….`).
const TOKEN_START = /MII|PKIZ_|gAAAAA|eyJ/g
const MIN_TOKEN = 63
/** A cut token (at the end of a text, or before `…`) counts from this length. */
const MIN_CUT_TOKEN = 20

const isBase64 = (c: number): boolean => isNameChar(c) || c === 0x2b || c === 0x2f || c === 0x3d
const isBase64Url = (c: number): boolean => isNameChar(c) || c === 0x3d

const runEnd = (text: string, at: number, inRun: (c: number) => boolean): number => {
  let j = at
  while (j < text.length && inRun(text.charCodeAt(j))) j++
  return j
}

/** The end of a token starting at `at` (one of `TOKEN_START`), or -1 when it is not one. */
const tokenEnd = (text: string, at: number, start: string): { readonly end: number; readonly token: boolean } => {
  if (start === 'eyJ') {
    const isUrl = (c: number): boolean => isNameChar(c)
    const header = runEnd(text, at, isUrl)
    if (header - at < 10 || text.charCodeAt(header) !== 0x2e) return { end: header, token: false }
    const payload = runEnd(text, header + 1, isUrl)
    if (payload - header - 1 < 4) return { end: payload, token: false }
    const end = text.charCodeAt(payload) === 0x2e ? runEnd(text, payload + 1, isUrl) : payload
    return { end, token: true }
  }
  const end = runEnd(text, at, start === 'MII' ? isBase64 : isBase64Url)
  const cut = end === text.length || text.charCodeAt(end) === 0x2026
  return { end, token: end - at >= MIN_TOKEN || (cut && end - at >= MIN_CUT_TOKEN) }
}

/** Credentials that carry no name: PKI, PKIZ and Fernet tokens, JWTs. */
const tokenSpans = (text: string): ReadonlyArray<Span> => {
  let spans: Array<Span> | undefined
  TOKEN_START.lastIndex = 0
  for (let m = TOKEN_START.exec(text); m !== null; m = TOKEN_START.exec(text)) {
    const at = m.index
    // In the middle of a longer run (base64 that happens to contain `MII`): not a token start.
    if (at > 0 && isBase64(text.charCodeAt(at - 1))) continue
    const { end, token } = tokenEnd(text, at, m[0])
    TOKEN_START.lastIndex = Math.max(end, at + 1)
    if (!token) continue
    ;(spans ??= []).push({ from: at, to: end })
  }
  TOKEN_START.lastIndex = 0
  return spans ?? NO_SPANS
}

// Something to do: a separator, an encoded one, or the start of a known credential.
const WORTH_SCANNING = /[:=>%]|MII|PKIZ_|gAAAAA|eyJ|-----BEGIN /

/**
 * Text with secrets removed, in one place for every rendering:
 * - every given secret value;
 * - PEM blocks, and credentials that carry no name: Keystone PKI/PKIZ tokens (`MII…`), Fernet
 *   tokens (`gAAAAA…`), JSON Web Tokens;
 * - the values of secret-named pairs (see `isSecretName`): `name=value`, `name: value`,
 *   `"name": "value"`, `\"name\":\"value\"`, `<name>value</name>` and URL-encoded pairs
 *   (`password%3D…`), whatever the prefix of the name (`OS_PASSWORD`, `X-Amz-Security-Token`).
 *   Values are read to their real end: quoted values past escaped quotes, `Authorization`
 *   values with their scheme and every parameter (`Digest … response="…"`, `SDK-HMAC-SHA256
 *   Access=…, Signature=…`, `OBS AK:SIG`), cookie lists with every pair, `"credential": {…}`
 *   objects whole.
 * Only values go: "The token is invalid." stays as it is. Linear time.
 *
 * @example
 * import { redactText } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(redactText('sent X-Auth-Token: MIIabc123 to IAM'), 'sent X-Auth-Token: [redacted] to IAM')
 * assert.strictEqual(redactText('echo s3cr3t-value', ['s3cr3t-value']), 'echo [redacted]')
 * assert.strictEqual(redactText('body {"user":"ann","password":"hunter 2"}'), 'body {"user":"ann","password":"[redacted]"}')
 * assert.strictEqual(redactText('OS_PASSWORD=Abc.20240101 Cookie: a=1; sid=xyz'), 'OS_PASSWORD=[redacted] Cookie: [redacted]')
 * assert.strictEqual(redactText('The token is invalid.'), 'The token is invalid.')
 *
 * @since 0.1.0
 * @category redaction
 */
export const redactText = (text: string, secrets: ReadonlyArray<string> = NO_SECRETS): string => {
  if (typeof text !== 'string') return ''
  let out = text
  for (const secret of secrets) if (secret !== '' && out.includes(secret)) out = out.split(secret).join(REDACTED)
  if (!WORTH_SCANNING.test(out)) return out
  if (out.includes(PEM_BEGIN)) out = replaceSpans(out, pemSpans(out))
  out = replaceSpans(out, tokenSpans(out))
  return replaceSpans(out, pairSpans(out))
}

/**
 * `redactText(text)` for texts a service repeats (its codes and messages): a text found clean is
 * remembered, so that its next occurrence costs a lookup instead of a scan. At most
 * `CLEAN_MEMO_ENTRIES` texts of up to `CLEAN_MEMO_TEXT` characters are kept (a full memo starts
 * over), and a text holding a secret is never kept.
 *
 * @internal
 */
export const redactRepeated = (text: string): string => {
  if (typeof text !== 'string' || text.length > CLEAN_MEMO_TEXT) return redactText(text)
  if (CLEAN.has(text)) return text
  const out = redactText(text)
  if (out === text) {
    if (CLEAN.size >= CLEAN_MEMO_ENTRIES) CLEAN.clear()
    CLEAN.add(text)
  }
  return out
}
const CLEAN = new Set<string>()
const CLEAN_MEMO_ENTRIES = 1024
const CLEAN_MEMO_TEXT = 480

/**
 * Where `redactText(text)` hides something: the spans of `text` it replaces with `[redacted]`,
 * in order and disjoint (an empty span is a placeholder put between two characters, as for a
 * PEM block cut right after its header). Tells, without searching the redacted text, whether a
 * piece of `text` stays visible: `[from, to)` does when it overlaps no span. Linear time.
 *
 * @example
 * import { secretSpans } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const text = 'password=hunter2 AS.0001'
 * assert.deepStrictEqual(secretSpans(text), [{ from: 9, to: 16 }])
 * assert.deepStrictEqual(secretSpans('The token is invalid.'), [])
 *
 * @since 0.1.0
 * @category redaction
 */
export const secretSpans = (text: string): ReadonlyArray<SecretSpan> => {
  if (typeof text !== 'string' || !WORTH_SCANNING.test(text)) return NO_SPANS
  // The passes of `redactText`, each on the output of the one before, taken back to `text`.
  const pem = text.includes(PEM_BEGIN) ? pemSpans(text) : NO_SPANS
  const afterPem = replaceSpans(text, pem)
  const tokens = tokenSpans(afterPem)
  const pairs = pairSpans(replaceSpans(afterPem, tokens))
  return throughReplacement(pem, throughReplacement(tokens, pairs))
}

/**
 * Whether `[from, to)` overlaps one of `spans` (in order and disjoint, as `secretSpans` gives
 * them): a piece of text that redaction would hide, wholly or in part. Binary search.
 *
 * @example
 * import { overlapsSpan, secretSpans } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const spans = secretSpans('token=AS.0001 AS.0002')
 * assert.deepStrictEqual([overlapsSpan(spans, 6, 13), overlapsSpan(spans, 14, 21)], [true, false])
 *
 * @since 0.1.0
 * @category redaction
 */
export const overlapsSpan = (spans: ReadonlyArray<SecretSpan>, from: number, to: number): boolean => {
  // The first span that ends after `from`: the only one that can overlap, since spans are in
  // order. (An empty span splits the piece when it lies strictly inside it.)
  let lo = 0
  let hi = spans.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((spans[mid] as SecretSpan).to <= from) lo = mid + 1
    else hi = mid
  }
  const s = spans[lo]
  return s !== undefined && s.from < to
}

// -------------------------------------------------------------------------------------
// values
// -------------------------------------------------------------------------------------

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

const put = (target: Record<string, unknown> | Array<unknown>, key: string, value: unknown): void => {
  if (Array.isArray(target)) target.push(value)
  else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/**
 * A copy of a decoded value (parsed JSON, what a codec saw) with every secret removed: values
 * under secret-named keys become `[redacted]`, strings go through `redactText`. Shared and
 * repeated objects are copied once (pass the same `memo` to several calls); any depth, no
 * recursion; keys are own enumerable properties, `__proto__` stays data. Never throws: a value
 * that cannot be read becomes `[redacted]`.
 *
 * @example
 * import { redactValue } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(redactValue({ user: 'ann', auth: { password: 'hunter2' }, note: 'sk=abc' }), { user: 'ann', auth: '[redacted]', note: 'sk=[redacted]' })
 *
 * @since 0.1.0
 * @category redaction
 */
export const redactValue = (value: unknown, memo: Map<object, unknown> = new Map()): unknown => {
  if (typeof value === 'string') return redactText(value)
  if (!isRecord(value)) return value
  const known = memo.get(value)
  if (known !== undefined) return known
  const work: Array<{ readonly source: Record<string, unknown>; readonly target: Record<string, unknown> | Array<unknown> }> = []
  const shell = (source: Record<string, unknown>): Record<string, unknown> | Array<unknown> => {
    let target: Record<string, unknown> | Array<unknown>
    try {
      target = Array.isArray(source) ? [] : {}
    } catch {
      target = {}
    }
    memo.set(source, target)
    work.push({ source, target })
    return target
  }
  const root = shell(value)
  while (work.length > 0) {
    const { source, target } = work.pop()!
    let keys: ReadonlyArray<string>
    try {
      keys = Array.isArray(target)
        ? Array.from({ length: Math.min(Number((source as unknown as ReadonlyArray<unknown>).length) || 0, 1 << 24) }, (_, i) => String(i))
        : Object.keys(source)
    } catch {
      continue
    }
    for (const key of keys) {
      let item: unknown
      try {
        item = source[key]
      } catch {
        put(target, key, REDACTED)
        continue
      }
      if (!Array.isArray(target) && isSecretName(key)) put(target, key, item === null || item === undefined ? item : REDACTED)
      else if (typeof item === 'string') put(target, key, redactText(item))
      else if (isRecord(item)) put(target, key, memo.get(item) ?? shell(item))
      else put(target, key, item)
    }
  }
  return root
}
