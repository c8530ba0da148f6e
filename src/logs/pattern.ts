/**
 * The shape of an error code in a log line, as one regular expression whose source is valid in
 * both JavaScript and Rust's `regex` (ripgrep), so that `otc-errors classify` and
 * `rg -o -r '$1$2$3$4$5'` find exactly the same codes.
 *
 * Every quantifier is bounded or guarded so that the expression runs in linear time even under
 * a backtracking engine.
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * Keys whose value is an error code (`"error_code": "…"`, `errorCode=…`, `"code": "…"`).
 * A prefix-less value (IAM's `1101`, OBS's `NoSuchBucket`) counts only after one of these.
 * The key must start at a word boundary, so `statusCode` and `status_code` do not qualify.
 *
 * @example
 * import { ERROR_CODE_KEYS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.ok(ERROR_CODE_KEYS.includes('error_code') && ERROR_CODE_KEYS.includes('errorCode'))
 *
 * @since 0.1.0
 * @category constants
 */
export const ERROR_CODE_KEYS: ReadonlyArray<string> = ['error_code', 'errorcode', 'errorCode', 'ErrorCode', 'Error_Code', 'ERROR_CODE', 'code', 'Code', 'CODE']

/**
 * XML elements whose text is an error code (`<Code>NoSuchBucket</Code>` in OBS bodies).
 *
 * @example
 * import { ERROR_CODE_ELEMENTS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.ok(ERROR_CODE_ELEMENTS.includes('Code'))
 *
 * @since 0.1.0
 * @category constants
 */
export const ERROR_CODE_ELEMENTS: ReadonlyArray<string> = ['Code', 'ErrorCode', 'code']

/**
 * The digits of a dotted code: 4 to 10 (`AS.0001`, `DBS.200019`, `CCE.01403001`). Fewer would
 * take rotated files (`server.log.1`) and decimals; more, epoch times.
 *
 * @example
 * import { CODE_DIGITS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(CODE_DIGITS, { min: 4, max: 10 })
 *
 * @since 0.1.0
 * @category constants
 */
export const CODE_DIGITS = { min: 4, max: 10 } as const

// -------------------------------------------------------------------------------------
// pattern
// -------------------------------------------------------------------------------------

const escapeRegex = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/-]/g, (c) => `\\${c}`)

// `ces` → `[cC][eE][sS]`: JavaScript (before ES2025) has no inline `(?i:…)`.
const caseless = (s: string): string =>
  [...s].map((c) => (/[A-Za-z]/.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escapeRegex(c))).join('')

/**
 * The dotted service-code shape, without captures: a prefix that starts with a capital (an
 * unknown prefix such as `FOO`, optionally with an upper-case second part as in `SFS.TURBO`), or
 * any known prefix in any case (`ces`, `apigw`), then a dot and 4–10 digits. A prefix is letters
 * only, so versions (`v1.2.300`), IPs and times never qualify.
 *
 * @example
 * import { codeShapeSource } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const re = new RegExp(`^${codeShapeSource(['ces'])}$`)
 * assert.ok(re.test('ces.0014') && re.test('FOO.0001') && re.test('SFS.TURBO.0001'))
 * assert.ok(!re.test('app.js.map') && !re.test('foo.1234') && !re.test('v1.2.300'))
 *
 * @since 0.1.0
 * @category pattern
 */
export const codeShapeSource = (knownPrefixes: ReadonlyArray<string>): string => {
  const known = [...new Set(knownPrefixes.filter((p) => /^[A-Za-z][A-Za-z.]*[A-Za-z]$/.test(p)).map((p) => p.toLowerCase()))]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(caseless)
  const general = '[A-Z][A-Za-z]{1,31}(?:\\.[A-Z]{2,16})?'
  return `(?:${[general, ...known].join('|')})\\.[0-9]{${CODE_DIGITS.min},${CODE_DIGITS.max}}`
}

// A prefix-less code as a key's value: 4–6 digits (IAM `1101`) or a CamelCase name with a hump
// (`NoSuchBucket`, `itemNotFound`; not `Success`, not `ECONNRESET`).
const BARE_VALUE = '[0-9]{4,6}|[A-Za-z][a-z0-9]{0,40}[a-z][A-Z][A-Za-z0-9]{0,60}'

/**
 * The whole log pattern. Capture groups, exactly one set per match:
 * 1. a dotted code at a word boundary;
 * 2. a dotted code right after a JSON escape (`\nAS.0001` in an escaped body);
 * 3. a key's quoted value (`"error_code":"1101"`, `\"code\":\"AS.0001\"`);
 * 4. a key's bare value (`errorCode=NoSuchBucket`);
 * 5. an XML element's text (`<Code>NoSuchBucket</Code>`).
 * Matches never span a line break. Pass `flavour: 'rust'` for ripgrep (ASCII word boundaries).
 *
 * @example
 * import { logPatternSource } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const re = new RegExp(logPatternSource(['AS']), 'g')
 * const codes = [...'status=400 {"error_code":"1101"} AS.0001 v1.2.300'.matchAll(re)].map((m) => m.slice(1).find((g) => g !== undefined))
 * assert.deepStrictEqual(codes, ['1101', 'AS.0001'])
 *
 * @since 0.1.0
 * @category pattern
 */
export const logPatternSource = (knownPrefixes: ReadonlyArray<string>, flavour: 'js' | 'rust' = 'js'): string => {
  const code = codeShapeSource(knownPrefixes)
  const value = `${code}|${BARE_VALUE}`
  const keys = ERROR_CODE_KEYS.map(escapeRegex).join('|')
  const elements = ERROR_CODE_ELEMENTS.map(escapeRegex).join('|')
  const separator = `\\\\{0,8}["']?[ \\t]{0,4}[:=][ \\t]{0,4}`
  const source =
    `\\b(${code})\\b` +
    `|\\\\[nrt](${code})\\b` +
    `|\\b(?:${keys})${separator}(?:\\\\{0,8}["'](${value})\\\\{0,8}["']|(${value})\\b)` +
    `|<(?:${elements})>(${value})</`
  return flavour === 'rust' ? `(?-u)${source}` : source
}

/**
 * A cheap superset of the log pattern, for skipping lines: every match of the full pattern
 * contains a match of this one (a letter, a dot and four digits; or an error-code key or
 * element). Linear time and much faster to scan than the full pattern.
 *
 * @example
 * import { PREFILTER_SOURCE } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const prefilter = new RegExp(PREFILTER_SOURCE)
 * assert.ok(prefilter.test('x AS.0001') && prefilter.test('"code": "1101"') && !prefilter.test('v1.2.300 10.0.0.1'))
 *
 * @since 0.1.0
 * @category pattern
 */
export const PREFILTER_SOURCE = `[A-Za-z]\\.[0-9]{4}|(?:[cC]ode|CODE)(?:\\\\{0,8}["']?[ \\t]{0,4}[:=][ \\t]{0,4}\\\\{0,8}["']?(?:[0-9]{4}|[A-Za-z])|>)`

/**
 * How far before its first prefilter hit a match of the full pattern can start: a dotted code's
 * prefix is at most 49 characters (plus a 2-character escape), an error-code key at most 6
 * characters longer than its `code`. A line's search can start this far before the line's first
 * prefilter hit instead of at the line's start, with the same result.
 *
 * @example
 * import { PREFILTER_LOOKBACK } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.ok(PREFILTER_LOOKBACK >= 51)
 *
 * @since 0.1.0
 * @category pattern
 */
export const PREFILTER_LOOKBACK = 64
