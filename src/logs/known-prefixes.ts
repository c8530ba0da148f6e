/**
 * The known prefixes in the code grammar (`codeShapeSource` in pattern.ts), and where in a text
 * they can matter. Internal to the library: pattern.ts builds the grammar from these pieces, and
 * the engines (PostgreSQL) use the hint to run a smaller pattern; not part of the public surface.
 *
 * @since 0.1.0
 */

/**
 * A text as a regex source that matches it literally.
 *
 * @example
 * import { escapeRegex } from './known-prefixes.js'
 * import * as assert from 'node:assert'
 * assert.strictEqual(escapeRegex('SFS.TURBO'), 'SFS\\.TURBO')
 *
 * @since 0.1.0
 * @category pattern
 */
export const escapeRegex = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/-]/g, (c) => `\\${c}`)

/**
 * A text as a regex source that matches it in any case: `ces` → `[cC][eE][sS]` (JavaScript
 * before ES2025 has no inline `(?i:…)`).
 *
 * @example
 * import { caseless } from './known-prefixes.js'
 * import * as assert from 'node:assert'
 * assert.strictEqual(caseless('s2.'), '[sS]2\\.')
 *
 * @since 0.1.0
 * @category pattern
 */
export const caseless = (s: string): string => [...s].map((c) => (/[A-Za-z]/.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escapeRegex(c))).join('')

/**
 * A code's first part when it is no known prefix: a capital, then letters (`FOO`, `Ecs`), then
 * up to three underscore parts (`CCE_CM`).
 *
 * @example
 * import { GENERIC_FIRST_PART } from './known-prefixes.js'
 * import * as assert from 'node:assert'
 * assert.ok(new RegExp(`^(?:${GENERIC_FIRST_PART})$`).test('CCE_CM'))
 *
 * @since 0.1.0
 * @category pattern
 */
export const GENERIC_FIRST_PART = '[A-Z][A-Za-z]{1,31}(?:_[A-Za-z0-9]{1,16}){0,3}'

/**
 * The known prefixes a code may start with (in any case), lower-cased, without repeats, longest first.
 *
 * @example
 * import { knownPrefixesOf } from './known-prefixes.js'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(knownPrefixesOf(['AS', 'SFS.TURBO', 'as', '9X']), ['sfs.turbo', 'as'])
 *
 * @since 0.1.0
 * @category pattern
 */
export const knownPrefixesOf = (knownPrefixes: ReadonlyArray<string>): ReadonlyArray<string> =>
  [...new Set(knownPrefixes.filter((p) => /^[A-Za-z][A-Za-z0-9_.]{0,47}[A-Za-z0-9]$/.test(p)).map((p) => p.toLowerCase()))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))

/**
 * Where the known prefixes can matter: a known prefix in a spelling the generic first part
 * (a capital and 1–31 letters) does not already take (`ces`, `sFS`, `SFS.TURBO`, `CCI.01`),
 * followed by what follows a first part in a code (a dot and a capital or digit). In a text
 * without a match of this, `logPatternSource(knownPrefixes)` and `logPatternSource([])` (pattern.ts) find the
 * same matches with the same groups: there the known alternatives can only take a spelling the
 * generic one, tried first, takes too. PostgreSQL, whose regex cost grows with the pattern, runs
 * the smaller pattern on such lines (`test/logs/known-prefixes.test.ts` checks the claim).
 *
 * @example
 * import { knownPrefixHintSource } from './known-prefixes.js'
 * import * as assert from 'node:assert'
 * const hint = new RegExp(knownPrefixHintSource(['ces', 'SFS.TURBO']))
 * assert.ok(hint.test('ces.0014') && hint.test('Sfs.turbo.0001') && !hint.test('CES.0014') && !hint.test('Ces.0014 ces.x'))
 *
 * @since 0.1.0
 * @category pattern
 */
export const knownPrefixHintSource = (knownPrefixes: ReadonlyArray<string>): string => {
  // After its capital the generic part takes letters and digits in either case: when it takes a
  // prefix spelt with a capital first, it takes every such spelling, and only the lower-case
  // first letter is left to the known alternative.
  const generic = new RegExp(`^(?:${GENERIC_FIRST_PART})$`)
  const uncovered = knownPrefixesOf(knownPrefixes).map((p) =>
    generic.test(p.charAt(0).toUpperCase() + p.slice(1)) ? escapeRegex(p.charAt(0)) + caseless(p.slice(1)) : caseless(p),
  )
  return uncovered.length === 0 ? 'a^' : `(?:${uncovered.join('|')})\\.[A-Z0-9]`
}
