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
import { GENERIC_FIRST_PART, caseless, escapeRegex, knownPrefixesOf } from './known-prefixes.js'

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

/**
 * The service-code shape, without captures (DESIGN.md's list):
 * - a prefix that starts with a capital (`FOO`, `Ecs`, `CCE_CM` with underscore parts), or any
 *   known prefix in any case (`ces`, `apigw`), then up to three upper-case or numeric dotted parts
 *   (`SFS.TURBO`, `SVCSTG.SWR`, `CCI.01`), a dot and 4–10 digits;
 * - a one-letter first part followed by such parts (`X.ABC.4000001`);
 * - after a part that starts with a letter, 3 digits suffice (`XYZ.ALS.403.101`, `SVCSTG.CCE-ADDONMGR.400`);
 * - a final part of one capital and 4–10 digits (`DRS.M00002`);
 * - an upper-case prefix of two or more underscore parts and a number (`SVCSTG_AMS_4000001`).
 * Versions (`v1.2.300`), IPs, times and lower-case file names never qualify.
 *
 * @example
 * import { codeShapeSource } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const re = new RegExp(`^${codeShapeSource(['ces'])}$`)
 * assert.ok(re.test('ces.0014') && re.test('FOO.0001') && re.test('SFS.TURBO.0001') && re.test('CCE_CM.0003'))
 * assert.ok(re.test('X.ABC.4000001') && re.test('XYZ.ALS.403.101') && re.test('CCI.01.400101') && re.test('SVCSTG_AMS_4000001'))
 * assert.ok(re.test('DRS.M00002'))
 * assert.ok(!re.test('app.js.map') && !re.test('foo.1234') && !re.test('v1.2.300'))
 *
 * @since 0.1.0
 * @category pattern
 */
export const codeShapeSource = (knownPrefixes: ReadonlyArray<string>): string => {
  const known = knownPrefixesOf(knownPrefixes).map(caseless)
  const first = [GENERIC_FIRST_PART, ...known].join('|')
  const part = '[A-Z0-9][A-Z0-9_-]{0,23}'
  const digits = `[0-9]{${CODE_DIGITS.min},${CODE_DIGITS.max}}`
  return (
    // The final part may open with one capital (`DRS.M00002`): an optional character here costs
    // nothing, where an alternative of its own would try every known prefix again at each position.
    `(?:(?:${first})(?:\\.${part}){0,3}\\.[A-Z]?${digits}` +
    `|(?:${first})(?:\\.${part}){0,2}\\.[A-Z][A-Z0-9_-]{0,23}(?:\\.[0-9]{1,10})?\\.[0-9]{3}` +
    `|[A-Z](?:\\.${part}){1,3}\\.${digits}` +
    `|[A-Z][A-Z0-9]{1,15}(?:_[A-Z0-9]{1,16}){1,3}_[0-9]{5,10})`
  )
}

// A prefix-less code as a key's value: 4–10 digits (IAM `1101`, DCS `111500032`; a 3-digit
// `"code": 400` only repeats the status) or a CamelCase name with a hump (`NoSuchBucket`,
// `itemNotFound`; not `Success`, not `ECONNRESET`).
const BARE_VALUE = '[0-9]{4,10}|[A-Za-z][a-z0-9]{0,40}[a-z][A-Z][A-Za-z0-9]{0,60}'

// A quoted key's value may also be an upper-case name of three or more characters, as registries
// and gateways print them (`{"code":"DENIED"}`, `"code": "MANIFEST_UNKNOWN"`, Config's
// `"error_code": "RMS.INTERNAL.ERROR"`), but not one that
// starts with E: those are the runtime's errno names (`ECONNRESET`, `EAI_AGAIN`, `ERR_…`), no
// service's. Words that only say how it went (`SUCCESS`, `FAILED`) are set aside by the line
// reader (`NOT_CODES` in line.ts).
const CAPS_VALUE = '[A-DF-Z][A-Z0-9]{2,40}(?:[._][A-Z0-9]{1,40}){0,5}'

// The characters a code may follow: anything but a word, path or file-name character, so
// `/var/run/.s.PGSQL.5432` and `app.Foo.1234` hold no code.
const BEFORE_CODE = '(?:^|[^A-Za-z0-9_./])'

/**
 * The whole log pattern. Capture groups, exactly one set per match:
 * 1. a code not glued to a word, path or file name (the match includes the character before);
 * 2. a code right after a JSON escape (`\nAS.0001` in an escaped body);
 * 3. a key's quoted value (`"error_code":"1101"`, `\"code\":\"AS.0001\"`, `"errorcode":["1103"]`,
 *    `"code":"DENIED"`);
 * 4. a key's bare value (`errorCode=NoSuchBucket`);
 * 5. an XML element's text (`<Code>NoSuchBucket</Code>`);
 * 6. a Neutron error's `type` (`{"NeutronError":{"type":"PortNotFound",…}}`, escaped or not);
 * 7. a CamelCase name in an error context (`api error NoSuchBucket: …`, `failed(NoSuchBucket)`,
 *    `…: AccessDenied,`), which counts only when the catalogue knows it.
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
  const quoted = `${value}|${CAPS_VALUE}`
  const keys = ERROR_CODE_KEYS.map(escapeRegex).join('|')
  const elements = ERROR_CODE_ELEMENTS.map(escapeRegex).join('|')
  const separator = `\\\\{0,8}["']?[ \\t]{0,4}[:=][ \\t]{0,4}\\[?[ \\t]{0,4}`
  const source =
    `${BEFORE_CODE}(${code})\\b` +
    `|\\\\[nrt](${code})\\b` +
    `|\\b(?:${keys})${separator}(?:\\\\{0,8}["'](${quoted})\\\\{0,8}["']|(${value})\\b)` +
    `|<(?:${elements})>(${value})</` +
    `|NeutronError[^\\n]{0,600}?[\\\\"']type[\\\\"': \\t]{1,16}([A-Za-z][A-Za-z0-9_]{2,80})` +
    `|(?:\\bapi error |\\bfailed\\(|: )([A-Z][a-z0-9]{1,30}[A-Z][A-Za-z0-9]{1,60})(?:[:),])`
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
export const PREFILTER_SOURCE =
  `[A-Za-z_-][0-9]{0,31}\\.[0-9]{3}|[A-Za-z_-][0-9]{0,31}\\.[0-9]{1,24}\\.[0-9]|[A-Za-z0-9]_[0-9]{4}|NeutronError|api error |failed\\(|: [A-Z][a-z0-9]{1,30}[A-Z]` +
  `|(?:[cC]ode|CODE)(?:\\\\{0,8}["']?[ \\t]{0,4}[:=][ \\t]{0,4}\\[?[ \\t]{0,4}\\\\{0,8}["']?(?:[0-9]{4}|[A-Za-z])|>)`

/**
 * How far before its first prefilter hit a match of the full pattern can start: a code's
 * prefix and parts are at most 32 + 3 × 17 characters before the hit, plus the character before
 * the code (or a 2-character escape); an error-code key at most 6 characters longer than its `code`. A line's search can start this far before the line's first
 * prefilter hit instead of at the line's start, with the same result.
 *
 * @example
 * import { PREFILTER_LOOKBACK } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.ok(PREFILTER_LOOKBACK >= 86)
 *
 * @since 0.1.0
 * @category pattern
 */
export const PREFILTER_LOOKBACK = 128
