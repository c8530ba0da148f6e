/**
 * The log pattern (`logPatternSource`, the one home of the code grammar) translated into the
 * regex dialects of the engines where logs live: RE2 (ClickHouse, DuckDB), Go's RE2 with named
 * groups (the OpenTelemetry Collector's OTTL), Rust's `regex` (Vector's VRL), PostgreSQL's ARE
 * and Java (Elasticsearch Painless). Each translation is a small rewrite of the JavaScript
 * source, never a second copy of the grammar.
 *
 * @since 0.1.0
 */
import { PREFILTER_SOURCE, logPatternSource } from '../logs/pattern.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A regex dialect: `re2` (ClickHouse, DuckDB), `go` (OTTL: RE2 with named groups `c1`…`c7`),
 * `rust` (Vector: `(?-u:\b)`, no `'`), `postgres` (ARE: `\y` for `\b`, repeats of at most 255), `java` (Painless:
 * `/` escaped for a `/…/` literal).
 *
 * @example
 * import type { RegexDialect } from 'otc-errors'
 * const d: RegexDialect = 'postgres'
 *
 * @since 0.1.0
 * @category model
 */
export type RegexDialect = 're2' | 'go' | 'rust' | 'postgres' | 'java'

/**
 * How many capture groups the log pattern has; exactly one takes part in a match, and its text
 * is the code (see `logPatternSource`).
 *
 * @example
 * import { CODE_GROUPS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(CODE_GROUPS, 7)
 *
 * @since 0.1.0
 * @category constants
 */
export const CODE_GROUPS = 7

/**
 * The group whose code counts only when the catalogue knows it (a CamelCase name after
 * `api error `, `failed(` or `: `): an engine drops such a match when its lookup finds no row.
 *
 * @example
 * import { NAME_ONLY_GROUP } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(NAME_ONLY_GROUP, 7)
 *
 * @since 0.1.0
 * @category constants
 */
export const NAME_ONLY_GROUP = 7

// -------------------------------------------------------------------------------------
// rewrites of a JavaScript regex source
// -------------------------------------------------------------------------------------

/** One token of a regex source: an escape, a bracket expression, or any other character. */
interface Token {
  readonly text: string
  readonly kind: 'escape' | 'class' | 'char'
}

const tokens = (source: string): ReadonlyArray<Token> => {
  const out: Array<Token> = []
  let i = 0
  while (i < source.length) {
    const c = source[i] as string
    if (c === '\\') {
      out.push({ text: source.slice(i, i + 2), kind: 'escape' })
      i += 2
    } else if (c === '[') {
      let j = i + 1
      if (source[j] === '^') j++
      if (source[j] === ']') j++
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1
      out.push({ text: source.slice(i, j + 1), kind: 'class' })
      i = j + 1
    } else {
      out.push({ text: c, kind: 'char' })
      i++
    }
  }
  return out
}

const isCapture = (ts: ReadonlyArray<Token>, i: number): boolean => ts[i]?.kind === 'char' && ts[i]?.text === '(' && ts[i + 1]?.text !== '?'

/**
 * Renames or removes the capture groups of a source: `rename(n)` gives group n's new opening
 * (`(?:` to make it non-capturing, `(?P<c1>` to name it).
 *
 * @example
 * import { rewriteGroups } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(rewriteGroups('(a)|[(](b)', (n) => (n === 2 ? '(' : '(?:')), '(?:a)|[(](b)')
 *
 * @since 0.1.0
 * @category combinators
 */
export const rewriteGroups = (source: string, rename: (group: number) => string): string => {
  const ts = tokens(source)
  let group = 0
  return ts.map((t, i) => (isCapture(ts, i) ? rename(++group) : t.text)).join('')
}

/**
 * The source with only capture group `keep` left capturing: for engines whose "find all"
 * returns one group per match (ClickHouse's `extractAll`, DuckDB's `regexp_extract_all`). Every
 * such variant matches exactly where the original does, so their results line up match by match.
 *
 * @example
 * import { onlyGroup } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(onlyGroup('(a)|(b)', 2), '(?:a)|(b)')
 *
 * @since 0.1.0
 * @category combinators
 */
export const onlyGroup = (source: string, keep: number): string => rewriteGroups(source, (n) => (n === keep ? '(' : '(?:'))

/**
 * The source without capture groups: where engines look for whole matches, which a DFA finds
 * without the cost of tracking groups (see `wholeMatch` for the second step).
 *
 * @example
 * import { withoutGroups } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(withoutGroups('(a)|(?:b)|[(](c)'), '(?:a)|(?:b)|[(](?:c)')
 *
 * @since 0.1.0
 * @category combinators
 */
export const withoutGroups = (source: string): string => rewriteGroups(source, () => '(?:')

/**
 * The source anchored to match a whole string: `^(?:source)$`. Engines find codes in two steps:
 * the whole matches of `withoutGroups(source)` in a line (fast: no groups), then the groups of
 * this pattern on each whole match (short strings). The groups are those of the one-step match:
 * the first alternative that matches at a position wins in both, and no alternative that fails
 * in the line can match the whole match alone (each carries text the others cannot consume:
 * a key, a quote, a `<`, `NeutronError`, a space); `test/engines/dialect.test.ts` checks it on
 * the generated log.
 *
 * @example
 * import { wholeMatch } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(' AS.0001'.match(new RegExp(wholeMatch('(?:^|[^A-Z])([A-Z]+\\.[0-9]{4})')))?.[1], 'AS.0001')
 *
 * @since 0.1.0
 * @category combinators
 */
export const wholeMatch = (source: string): string => `^(?:${source})$`

// PostgreSQL's ARE: `\b` is a backspace there (`\y` is the word boundary) and a bound may not
// exceed 255 (RE_DUP_MAX): `X{0,600}?` becomes `(?:X{0,200}?){0,3}?`.
const PG_DUP_MAX = 255
const toPostgres = (source: string): string => {
  const ts = tokens(source)
  const out: Array<string> = []
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i] as Token
    if (t.kind === 'escape' && t.text === '\\b') {
      out.push('\\y')
      continue
    }
    if (t.kind === 'char' && t.text === '{') {
      const rest = ts
        .slice(i)
        .map((x) => x.text)
        .join('')
      const bound = /^\{0,([0-9]+)\}(\??)/.exec(rest)
      const max = bound === null ? 0 : Number(bound[1])
      if (bound !== null && max > PG_DUP_MAX) {
        const atom = out.pop() ?? ''
        const times = Math.ceil(max / PG_DUP_MAX)
        if (max % times !== 0) throw new Error(`cannot split {0,${max}} evenly for PostgreSQL`)
        const lazy = bound[2] ?? ''
        out.push(`(?:${atom}{0,${max / times}}${lazy}){0,${times}}${lazy}`)
        i += bound[0].length - 1
        continue
      }
    }
    out.push(t.text)
  }
  return out.join('')
}

// Painless writes a regex as a `/…/` literal: every `/`, in a bracket expression too, is escaped.
const toJava = (source: string): string =>
  tokens(source)
    .map((t) => (t.kind === 'escape' ? t.text : t.text.replace(/\//g, '\\/')))
    .join('')

// Vector's VRL: Rust's `regex` over UTF-8 strings, where `\b` is Unicode-aware (`(?-u:\b)` is
// JavaScript's ASCII one), and an `r'…'` literal that cannot hold a `'` (spelt `\x27`).
const toRust = (source: string): string =>
  tokens(source)
    .map((t) => (t.kind === 'escape' ? (t.text === '\\b' ? '(?-u:\\b)' : t.text) : t.text.replace(/'/g, '\\x27')))
    .join('')

/**
 * A JavaScript regex source (one of this library's patterns) in a dialect. Capture groups keep
 * their numbers; `go` names them `c1`, `c2`, … (OTTL's `ExtractPatterns` wants names).
 *
 * @example
 * import { inDialect } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(inDialect('\\b(a)[^\\n]{0,600}?', 'postgres'), '\\y(a)(?:[^\\n]{0,200}?){0,3}?')
 * assert.strictEqual(inDialect("(a)['/]", 'java'), "(a)['\\/]")
 * assert.strictEqual(inDialect("\\b(a)'", 'rust'), '(?-u:\\b)(a)\\x27')
 * assert.strictEqual(inDialect('(a)', 'go'), '(?P<c1>a)')
 *
 * @since 0.1.0
 * @category destructors
 */
export const inDialect = (source: string, dialect: RegexDialect): string => {
  switch (dialect) {
    case 're2':
      return source
    case 'go':
      return rewriteGroups(source, (n) => `(?P<c${n}>`)
    case 'rust':
      return toRust(source)
    case 'postgres':
      return toPostgres(source)
    case 'java':
      return toJava(source)
  }
}

/**
 * The log pattern of a catalogue's prefixes in a dialect (see `logPatternSource` for its seven
 * groups, and `inDialect`).
 *
 * @example
 * import { dialectPattern } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.ok(dialectPattern(['AS'], 'postgres').includes('\\y') && !dialectPattern(['AS'], 'postgres').includes('\\b'))
 * assert.ok(dialectPattern(['AS'], 'go').includes('(?P<c7>'))
 *
 * @since 0.1.0
 * @category destructors
 */
export const dialectPattern = (knownPrefixes: ReadonlyArray<string>, dialect: RegexDialect): string => inDialect(logPatternSource(knownPrefixes), dialect)

/**
 * The prefilter (`PREFILTER_SOURCE`: every line with a code matches it) in a dialect: engines
 * skip the lines that fail it before running the full pattern.
 *
 * @example
 * import { dialectPrefilter } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.ok(new RegExp(dialectPrefilter('re2')).test('x AS.0001'))
 *
 * @since 0.1.0
 * @category destructors
 */
export const dialectPrefilter = (dialect: RegexDialect): string => inDialect(PREFILTER_SOURCE, dialect)
