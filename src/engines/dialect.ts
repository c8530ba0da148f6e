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

// -------------------------------------------------------------------------------------
// structure of a regex source
// -------------------------------------------------------------------------------------

/** One atom of a sequence (a character, escape, bracket expression or group) and its quantifier. */
interface Atom {
  readonly text: string
  readonly quantifier: string
  /** The least number of repeats its quantifier allows (1 without one). */
  readonly min: number
  readonly capture: boolean
  /** A group's inside, without its parentheses (or `(?:`); an atom's own text otherwise. */
  readonly inner: string
}

const isChar = (t: Token | undefined, c: string): boolean => t?.kind === 'char' && t.text === c

/** A repeat bound, `{m}`, `{m,}` or `{m,n}`: its text, `m`, the `n` of `{m,n}`, and the index of its `}` token. */
interface Bound {
  readonly text: string
  readonly min: number
  readonly max: number | undefined
  readonly end: number
}

/** The repeat bound whose `{` is token `i`, or `undefined` when that token opens none (a literal `{`). */
const boundAt = (ts: ReadonlyArray<Token>, i: number): Bound | undefined => {
  if (!isChar(ts[i], '{')) return undefined
  let end = i
  while (end < ts.length && !isChar(ts[end], '}')) end++
  const text = ts
    .slice(i, end + 1)
    .map((x) => x.text)
    .join('')
  const m = /^\{([0-9]+)(?:,([0-9]+)?)?\}$/.exec(text)
  return m === null ? undefined : { text, min: Number(m[1]), max: m[2] === undefined ? undefined : Number(m[2]), end }
}

/** The top-level alternatives of a source, each as its sequence of atoms. */
const parse = (source: string): ReadonlyArray<ReadonlyArray<Atom>> => {
  const ts = tokens(source)
  const alternatives: Array<Array<Atom>> = [[]]
  let i = 0
  while (i < ts.length) {
    const t = ts[i] as Token
    if (isChar(t, '|')) {
      alternatives.push([])
      i++
      continue
    }
    const start = i
    if (isChar(t, '(')) {
      for (let depth = 0; i < ts.length; i++) {
        if (isChar(ts[i], '(')) depth++
        else if (isChar(ts[i], ')') && --depth === 0) break
      }
    }
    i++
    const text = ts
      .slice(start, i)
      .map((x) => x.text)
      .join('')
    const capture = isCapture(ts, start)
    const inner = capture ? text.slice(1, -1) : text.startsWith('(?:') ? text.slice(3, -1) : text
    let quantifier = ''
    let min = 1
    const bound = boundAt(ts, i)
    if (isChar(ts[i], '?') || isChar(ts[i], '*') || isChar(ts[i], '+')) {
      quantifier = (ts[i++] as Token).text
      min = quantifier === '+' ? 1 : 0
    } else if (bound !== undefined) {
      quantifier = bound.text
      min = bound.min
      i = bound.end + 1
    }
    if (quantifier !== '' && isChar(ts[i], '?')) quantifier += (ts[i++] as Token).text
    ;(alternatives[alternatives.length - 1] as Array<Atom>).push({ text, quantifier, min, capture, inner })
  }
  return alternatives
}

// A group with a quantifier inside (`?` right after `(` opens a group kind, it repeats nothing).
const holdsRepeat = (atom: Atom): boolean => {
  if (!atom.text.startsWith('(')) return false
  const ts = tokens(atom.inner)
  return ts.some((t, i) => t.kind === 'char' && (t.text === '*' || t.text === '+' || t.text === '{' || (t.text === '?' && !isChar(ts[i - 1], '('))))
}

const join = (atoms: ReadonlyArray<Atom>): string => atoms.map((a) => a.text + a.quantifier).join('')
const hasCapture = (source: string): boolean => rewriteGroups(source, () => '') !== source

/**
 * One alternative of a pattern whose matches have exactly one capture group: the group's number
 * in the whole pattern, the alternative (its group made non-capturing), and what comes before and
 * after the group in it.
 */
export interface GroupAlternative {
  readonly group: number
  readonly source: string
  readonly lead: string
  readonly tail: string
}

const spread = (source: string): ReadonlyArray<string> => {
  const atoms = parse(source)[0] ?? []
  const at = atoms.findIndex((a) => hasCapture(a.text))
  const atom = atoms[at]
  if (atom === undefined || atom.capture) return [source]
  if (atom.quantifier !== '') throw new Error(`a quantified group holds a capture group: ${atom.text}${atom.quantifier}`)
  // (?:x(a)|y(b))z is x(a)z|y(b)z: the same texts, one capture group in each.
  return parse(atom.inner).flatMap((branch) => spread(join(atoms.slice(0, at)) + join(branch) + join(atoms.slice(at + 1))))
}

/**
 * The alternatives of a pattern, spread out until each holds exactly one capture group, in the
 * order of the groups: `x(a)|y(?:(b)|c(d))` is `x(a)`, `y(b)` and `yc(d)`. A match of the pattern
 * is a match of the alternative of the group that took part. Engines that cannot afford the
 * groups of a large pattern find which alternative matched with a capture group around each
 * (few groups, each at the top) and the code by cutting its `lead` and `tail` off the match.
 *
 * @example
 * import { groupAlternatives } from './dialect.js'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(groupAlternatives('x(a)|y(?:(b)|c(d))').map((a) => [a.group, a.source, a.lead, a.tail]), [
 *   [1, 'x(?:a)', 'x', ''], [2, 'y(?:b)', 'y', ''], [3, 'yc(?:d)', 'yc', ''],
 * ])
 *
 * @since 0.1.0
 * @category combinators
 */
export const groupAlternatives = (source: string): ReadonlyArray<GroupAlternative> =>
  parse(source)
    .flatMap((atoms) => spread(join(atoms)))
    .map((alternative, i) => {
      const atoms = parse(alternative)[0] ?? []
      const at = atoms.findIndex((a) => a.capture)
      const atom = atoms[at]
      if (atom === undefined || atom.quantifier !== '' || atoms.some((a, j) => j !== at && hasCapture(a.text)) || hasCapture(atom.inner))
        throw new Error(`not one plain capture group: ${alternative}`)
      return { group: i + 1, source: withoutGroups(alternative), lead: join(atoms.slice(0, at)), tail: join(atoms.slice(at + 1)) }
    })

/**
 * What every match of a one-alternative source starts with, as a smaller source: its leading
 * atoms up to the first that may repeat or holds a repeat (one copy of an atom that must occur
 * at least once), entering groups of one alternative; `undefined` when that matches every line
 * (an empty match). A line without a match of it holds no match of the source: cheap to test first.
 *
 * @example
 * import { leadSource } from './dialect.js'
 * import * as assert from 'node:assert'
 * assert.strictEqual(leadSource('NeutronError[^\\n]{0,600}?x'), 'NeutronError')
 * assert.strictEqual(leadSource('(?:: |failed\\()([A-Z][a-z]{1,30})'), '(?:: |failed\\()[A-Z][a-z]')
 * assert.strictEqual(leadSource('(?:^|[^A-Z])(?:[A-Z]{2}|x)'), undefined)
 *
 * @since 0.1.0
 * @category combinators
 */
export const leadSource = (source: string): string | undefined => {
  const lead = (atoms: ReadonlyArray<Atom>): { readonly text: string; readonly whole: boolean } => {
    let text = ''
    for (const atom of atoms) {
      if (atom.quantifier === '' && !holdsRepeat(atom)) text += atom.text
      else if (atom.quantifier === '' && parse(atom.inner).length === 1) {
        const sub = lead(parse(atom.inner)[0] as ReadonlyArray<Atom>)
        text += sub.text
        if (!sub.whole) return { text, whole: false }
      } else {
        if (atom.min >= 1 && !holdsRepeat(atom)) text += atom.text
        return { text, whole: false }
      }
    }
    return { text, whole: true }
  }
  const [only, ...more] = parse(source)
  if (only === undefined || more.length > 0) return undefined
  const text = lead(only).text
  return text === '' || new RegExp(text).test('') ? undefined : text
}

/**
 * The source with the upper bounds of its repeats above `above` dropped (`{0,600}?` → `{0,}?`):
 * it matches wherever the source does. On a text no longer than the smallest bound dropped, every
 * repeat of an atom of one or more characters stays within it: the same matches there.
 *
 * @example
 * import { relaxBounds } from './dialect.js'
 * import * as assert from 'node:assert'
 * assert.strictEqual(relaxBounds('a{0,600}?b{1,3}'), 'a{0,}?b{1,}')
 * assert.strictEqual(relaxBounds('a{0,600}?b{1,3}', 255), 'a{0,}?b{1,3}')
 *
 * @since 0.1.0
 * @category combinators
 */
export const relaxBounds = (source: string, above = 0): string => {
  const ts = tokens(source)
  const out: Array<string> = []
  for (let i = 0; i < ts.length; i++) {
    const bound = boundAt(ts, i)
    if (bound === undefined) {
      out.push((ts[i] as Token).text)
      continue
    }
    out.push(bound.max !== undefined && bound.max > above ? `{${bound.min},}` : bound.text)
    i = bound.end
  }
  return out.join('')
}

/**
 * The smallest upper bound above `above` in a source (`Infinity` without one): `relaxBounds`
 * keeps the matches on texts no longer than it.
 *
 * @example
 * import { smallestBoundAbove } from './dialect.js'
 * import * as assert from 'node:assert'
 * assert.strictEqual(smallestBoundAbove('a{0,600}?b{1,900}c{0,3}', 255), 600)
 *
 * @since 0.1.0
 * @category destructors
 */
export const smallestBoundAbove = (source: string, above: number): number => {
  const ts = tokens(source)
  let smallest = Number.POSITIVE_INFINITY
  for (let i = 0; i < ts.length; i++) {
    const max = boundAt(ts, i)?.max
    if (max !== undefined && max > above) smallest = Math.min(smallest, max)
  }
  return smallest
}

/**
 * The source with its lazy quantifiers made greedy (`{0,600}?` → `{0,600}`): the same texts
 * match, and an engine that takes the longest match of a greedy pattern takes the longest.
 *
 * @example
 * import { greedy } from './dialect.js'
 * import * as assert from 'node:assert'
 * assert.strictEqual(greedy('(?:a)*?b{0,6}?c??[?]'), '(?:a)*b{0,6}c?[?]')
 *
 * @since 0.1.0
 * @category combinators
 */
export const greedy = (source: string): string => {
  const ts = tokens(source)
  const out: Array<string> = []
  let afterQuantifier = false
  ts.forEach((t, i) => {
    const lazy = afterQuantifier && isChar(t, '?')
    if (!lazy) out.push(t.text)
    afterQuantifier = !lazy && t.kind === 'char' && (t.text === '*' || t.text === '+' || t.text === '}' || (t.text === '?' && !isChar(ts[i - 1], '(')))
  })
  return out.join('')
}

/**
 * The source without its `\b` word boundaries: the same texts, where it need not check what
 * surrounds them (a match's tail, cut off the match).
 *
 * @example
 * import { withoutBoundaries } from './dialect.js'
 * import * as assert from 'node:assert'
 * assert.strictEqual(withoutBoundaries('\\b</\\\\b'), '</\\\\b')
 *
 * @since 0.1.0
 * @category combinators
 */
export const withoutBoundaries = (source: string): string =>
  tokens(source)
    .filter((t) => !(t.kind === 'escape' && t.text === '\\b'))
    .map((t) => t.text)
    .join('')

/**
 * The largest repeat bound PostgreSQL's ARE accepts (RE_DUP_MAX): `inDialect` splits larger ones.
 *
 * @example
 * import { PG_DUP_MAX } from './dialect.js'
 * import * as assert from 'node:assert'
 * assert.strictEqual(PG_DUP_MAX, 255)
 *
 * @since 0.1.0
 * @category constants
 */
export const PG_DUP_MAX = 255

// PostgreSQL's ARE: `\b` is a backspace there (`\y` is the word boundary) and a bound may not
// exceed 255 (RE_DUP_MAX): `X{0,600}?` becomes `(?:X{0,200}?){0,3}?`.
const toPostgres = (source: string): string => {
  const ts = tokens(source)
  const out: Array<string> = []
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i] as Token
    if (t.kind === 'escape' && t.text === '\\b') {
      out.push('\\y')
      continue
    }
    const bound = boundAt(ts, i)
    if (bound !== undefined && bound.min === 0 && bound.max !== undefined && bound.max > PG_DUP_MAX) {
      const { max } = bound
      const atom = out.pop() ?? ''
      const times = Math.ceil(max / PG_DUP_MAX)
      if (max % times !== 0) throw new Error(`cannot split {0,${max}} evenly for PostgreSQL`)
      const lazy = isChar(ts[bound.end + 1], '?') ? '?' : ''
      out.push(`(?:${atom}{0,${max / times}}${lazy}){0,${times}}${lazy}`)
      i = bound.end + lazy.length
      continue
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
