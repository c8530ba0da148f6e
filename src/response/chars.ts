/**
 * Character classes the readers of response text share (char codes, ASCII only): one home for
 * each, so the body sniffer, the HTML and XML readers and the broken-JSON scanner agree.
 *
 * Internal: not exported from the package root.
 *
 * @since 0.1.0
 * @internal
 */

/**
 * `A`–`Z` or `a`–`z`.
 *
 * @example
 * import { isAsciiLetter } from './chars.js'
 * isAsciiLetter('q'.charCodeAt(0)) // true
 */
export const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)

/**
 * `0`–`9`.
 *
 * @example
 * import { isDigit } from './chars.js'
 * isDigit('7'.charCodeAt(0)) // true
 */
export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39

/**
 * An ASCII letter or digit.
 *
 * @example
 * import { isAsciiAlnum } from './chars.js'
 * isAsciiAlnum('_'.charCodeAt(0)) // false
 */
export const isAsciiAlnum = (c: number): boolean => isAsciiLetter(c) || isDigit(c)

/**
 * HTML's whitespace: space, tab, line feed, carriage return, form feed.
 *
 * @example
 * import { isWhitespace } from './chars.js'
 * isWhitespace(0x0c) // true
 */
export const isWhitespace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c

/**
 * A double or a single quote.
 *
 * @example
 * import { isQuote } from './chars.js'
 * isQuote("'".charCodeAt(0)) // true
 */
export const isQuote = (c: number): boolean => c === 0x22 /* " */ || c === 0x27 /* ' */

/** Punctuation that never stands for a corrupted `:` after a key. */
const NOT_SEPARATOR: ReadonlySet<number> = new Set([...',;.!?()[]{}\\/'].map((c) => c.charCodeAt(0)))

/**
 * Whether a character after a quoted key stands for its `:` garbled in transit or in a copy
 * (`"error_code"* "AS.0001"`): anything but a letter, a digit, whitespace, a quote, a control
 * character or punctuation that has a meaning of its own (`,;.!?()[]{}\/`). `:` and `=` are
 * the separators themselves, not garbled ones: the callers test for them first.
 *
 * @example
 * import { standsForSeparator } from './chars.js'
 * standsForSeparator('*'.charCodeAt(0)) // true
 * standsForSeparator(','.charCodeAt(0)) // false
 */
export const standsForSeparator = (c: number): boolean => !(isAsciiAlnum(c) || isWhitespace(c) || isQuote(c) || NOT_SEPARATOR.has(c) || c < 0x20)
