/**
 * Redaction of secrets: header values that carry credentials never appear in anything the
 * library renders.
 *
 * @since 0.1.0
 */

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
 * mentions a token, secret, password, signature, session or API key is treated as secret too.
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

const NO_SECRETS: ReadonlyArray<string> = []

const SECRET_NAME = /token|secret|passw|signature|session|api[-_]?key|credential|cookie|authori[sz]ation|private[-_]?key|access[-_]?key|^sk$/i

/**
 * Whether a header's value must never be shown.
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
export const isSecretHeader = (name: string): boolean => {
  const cached = SECRET_NAMES.get(name)
  if (cached !== undefined) return cached
  const lower = name.toLowerCase()
  const secret = SECRET_HEADERS.has(lower) || SECRET_NAME.test(lower)
  if (SECRET_NAMES.size >= 512) SECRET_NAMES.clear()
  if (name.length <= 64) SECRET_NAMES.set(name, secret)
  return secret
}
// Responses repeat the same few header names: remember the verdicts (bounded).
const SECRET_NAMES = new Map<string, boolean>()

/**
 * A copy of the headers with every secret value replaced by `[redacted]`.
 *
 * @example
 * import { redactHeaders } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const headers = redactHeaders(new Map([['x-auth-token', 'MIIabc'], ['content-type', 'application/json']]))
 * assert.deepStrictEqual(headers, { 'x-auth-token': '[redacted]', 'content-type': 'application/json' })
 *
 * @since 0.1.0
 * @category redaction
 */
export const redactHeaders = (headers: ReadonlyMap<string, string>): Readonly<Record<string, string>> => {
  const out: Record<string, string> = {}
  for (const [name, value] of headers) {
    const shown = isSecretHeader(name) ? REDACTED : value
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
  for (const name of headers.keys()) if (isSecretHeader(name)) any = true
  if (!any) return NO_SECRETS
  const values: Array<string> = []
  for (const [name, value] of headers) {
    if (!isSecretHeader(name)) continue
    for (const part of [value, ...value.split(/[,;]\s*/)]) {
      const trimmed = part.trim()
      // Very short values (a single letter) would blank out ordinary words; they are not credentials.
      if (trimmed.length >= 6) values.push(trimmed)
    }
  }
  return [...new Set(values)].sort((a, b) => b.length - a.length)
}

/** Names whose values are secrets, as headers, JSON keys, logfmt keys or query parameters. */
const SECRET_KEYS = [
  'x-subject-token', 'x-auth-token', 'x-security-token', 'proxy-authorization', 'authorization', 'set-cookie', 'cookie',
  'password', 'passwd', 'passphrase', 'secret[_-]?access[_-]?key', 'secret[_-]?key', 'client[_-]?secret', 'secret',
  'access[_-]?key(?:[_-]?id)?', 'private[_-]?key', 'api[_-]?key', 'sk',
  '(?:auth|access|id|refresh|session|security|subject)[_-]?token', 'credentials?', 'signature',
].join('|')

// `Name: value`, `name=value`, `"name": "value"` and `\"name\":\"value\"` for a secret name, as
// they appear in echoed requests, error messages and logs. A quoted value ends at its quote (or
// the backslash of an escaped one); a bare value at whitespace or punctuation. Linear time: fixed
// alternatives and single character classes, no nested repetition.
const SECRET_TEXT = new RegExp(
  `((?<![\\w-])(?:${SECRET_KEYS})\\\\?["']?\\s*[:=]\\s*)(?:(\\\\?["'])[^"'\\\\\\r\\n]*|(?:(?:bearer|basic|token)\\s+)?[^\\s"',;&{}[\\]\\\\]+)`,
  'gi',
)

/**
 * Text with secrets removed: every given secret value, and the values of secret-named pairs
 * (`X-Auth-Token: …`, `"password": "…"`, `sk=…`, escaped JSON alike).
 *
 * @example
 * import { redactText } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(redactText('sent X-Auth-Token: MIIabc123 to IAM'), 'sent X-Auth-Token: [redacted] to IAM')
 * assert.strictEqual(redactText('echo s3cr3t-value', ['s3cr3t-value']), 'echo [redacted]')
 * assert.strictEqual(redactText('body {"user":"ann","password":"hunter 2"}'), 'body {"user":"ann","password":"[redacted]"}')
 *
 * @since 0.1.0
 * @category redaction
 */
export const redactText = (text: string, secrets: ReadonlyArray<string> = NO_SECRETS): string => {
  let out = text
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED)
  // The pattern needs a `:` or `=`: without one there is nothing to find (the common case).
  if (out.indexOf(':') === -1 && out.indexOf('=') === -1) return out
  return out.replace(SECRET_TEXT, (_m, key: string, quote: string | undefined) => `${key}${quote ?? ''}${REDACTED}`)
}
