import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { anyLine, logCode } from '../logs/arbitraries.js'
import { defaultCatalog } from '../../src/catalog/index.js'
import * as _ from '../../src/engines/dialect.js'
import { logPatternSource, PREFILTER_SOURCE } from '../../src/logs/pattern.js'
// @ts-expect-error: a plain ES module without types
import { UNKNOWN_CODES, generateLines } from '../../bench/engines/generate.mjs'

const prefixes = defaultCatalog().prefixes()
const source = logPatternSource(prefixes)
const captures = (s: string): number => new RegExp(`${s}|`).exec('')!.length - 1
const lines: ReadonlyArray<string> = generateLines({ codes: ['AS.0001', 'APIG.0308', 'SFS.TURBO.0001', 'NoSuchBucket', '1101', ...UNKNOWN_CODES], lines: 2000 })
/** Every match of a pattern over the lines, as "line:index:groups". */
const matchesOf = (re: RegExp): ReadonlyArray<string> => lines.flatMap((l, i) => [...l.matchAll(re)].map((m) => `${i}:${m.index}:${m.slice(1).join('|')}`))

describe('rewriteGroups and onlyGroup', () => {
  it('see escapes and bracket expressions, not just parentheses', () => {
    expect(_.rewriteGroups('\\((a)[(](?:b)(c)', (n) => `(?<g${n}>`)).toBe('\\((?<g1>a)[(](?:b)(?<g2>c)')
  })
  it('leave one group of the log pattern capturing, matching where the original matches', () => {
    expect(captures(source)).toBe(_.CODE_GROUPS)
    const all = matchesOf(new RegExp(source, 'g'))
    expect(all.length).toBeGreaterThan(500)
    for (let g = 1; g <= _.CODE_GROUPS; g++) {
      const only = _.onlyGroup(source, g)
      expect(captures(only)).toBe(1)
      // Same matches, same places; the one group is the original's group g.
      const expected = lines.flatMap((l, i) => [...l.matchAll(new RegExp(source, 'g'))].map((m) => `${i}:${m.index}:${m[g] ?? ''}`))
      expect(lines.flatMap((l, i) => [...l.matchAll(new RegExp(only, 'g'))].map((m) => `${i}:${m.index}:${m[1] ?? ''}`))).toEqual(expected)
    }
  })
})

describe('inDialect', () => {
  it('postgres: \\y for \\b, no bound over 255, the same matches once read back', () => {
    const pg = _.dialectPattern(prefixes, 'postgres')
    expect(pg).not.toMatch(/(^|[^\\])(\\\\)*\\b/)
    expect(Math.max(...[...pg.matchAll(/\{\d+,(\d+)\}/g)].map((m) => Number(m[1])))).toBeLessThanOrEqual(255)
    const back = pg.replace(/\\y/g, '\\b')
    expect(matchesOf(new RegExp(back, 'g'))).toEqual(matchesOf(new RegExp(source, 'g')))
  })
  it('java: every / escaped for a Painless literal, nothing else changed', () => {
    const java = _.dialectPattern(prefixes, 'java')
    expect(java).not.toMatch(/(^|[^\\])\//)
    expect(java.replace(/\\\//g, '/')).toBe(source)
  })
  it("rust: ASCII word boundaries and no ' (VRL's r'…' literal)", () => {
    const rust = _.dialectPattern(prefixes, 'rust')
    expect(rust).not.toContain("'")
    expect(rust.split('(?-u:\\b)').length).toBe(source.split('\\b').length)
    expect(matchesOf(new RegExp(rust.replace(/\(\?-u:\\b\)/g, '\\b').replace(/\\x27/g, "'"), 'g'))).toEqual(matchesOf(new RegExp(source, 'g')))
  })
  it('go: the seven groups named c1…c7 for OTTL', () => {
    const go = _.dialectPattern(prefixes, 'go')
    expect([...go.matchAll(/\(\?P<(c\d)>/g)].map((m) => m[1])).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'])
  })
  it('re2 is the source itself; the prefilter translates too', () => {
    expect(_.dialectPattern(prefixes, 're2')).toBe(source)
    expect(_.dialectPrefilter('postgres')).toBe(PREFILTER_SOURCE)
  })
})

describe('withoutGroups and wholeMatch: two steps, the groups of one', () => {
  const whole = new RegExp(_.withoutGroups(source), 'g')
  const anchored = new RegExp(_.wholeMatch(source))
  const oneStep = (text: string) => [...text.matchAll(new RegExp(source, 'g'))].map((m) => `${m.index}:${m.slice(1).join('|')}`)
  const twoSteps = (text: string) => [...text.matchAll(whole)].map((m) => `${m.index}:${anchored.exec(m[0])?.slice(1).join('|') ?? 'none'}`)
  it('find the same codes as the pattern in one step, on the generated log and the real-log fixtures', () => {
    const fixtures = JSON.parse(readFileSync(new URL('../fixtures/real-logs.json', import.meta.url), 'utf8')) as ReadonlyArray<{ readonly line: string }>
    const real = fixtures.map((f) => f.line)
    for (const text of [...lines, ...real]) expect(twoSteps(text)).toEqual(oneStep(text))
  })
  it('and on arbitrary mixes of code and noise lines', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyLine, logCode, fc.string({ maxLength: 12 })), { maxLength: 6 }), (parts) => {
        const text = parts.join(' ')
        expect(twoSteps(text)).toEqual(oneStep(text))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('groupAlternatives and leadSource: the log pattern taken apart', () => {
  const alternatives = _.groupAlternatives(source)
  const fixtures = (JSON.parse(readFileSync(new URL('../fixtures/real-logs.json', import.meta.url), 'utf8')) as ReadonlyArray<{ readonly line: string }>).map((f) => f.line)
  const texts = fc.array(fc.oneof(anyLine, logCode, fc.string({ maxLength: 12 })), { maxLength: 6 }).map((parts) => parts.join(' '))
  const oneStep = (text: string) =>
    [...text.matchAll(new RegExp(source, 'g'))].map((m) => {
      const g = m.slice(1).findIndex((x) => x !== undefined) + 1
      return `${m.index}:${g}:${m[g]}`
    })
  /** The longest prefix of `text` that `re` matches whole, as PostgreSQL's greedy regexp_replace finds it. */
  const longestPrefix = (text: string, re: RegExp): number => {
    for (let n = text.length; n >= 0; n--) if (re.test(text.slice(0, n))) return n
    return 0
  }
  const longestSuffix = (text: string, re: RegExp): number => {
    for (let n = text.length; n >= 0; n--) if (re.test(text.slice(text.length - n))) return n
    return 0
  }
  // Each alternative's group found as PostgreSQL's view finds it: a capture group around each
  // alternative says which matched; the code is the match without the alternative's lead and tail.
  const union = new RegExp(alternatives.map((a) => `(${a.source})`).join('|'), 'g')
  const leads = alternatives.map((a) => new RegExp(`^(?:${_.greedy(a.lead)})$`))
  const tails = alternatives.map((a) => (_.withoutBoundaries(a.tail) === '' ? undefined : new RegExp(`^(?:${_.withoutBoundaries(a.tail)})$`)))
  const cutOut = (text: string) =>
    [...text.matchAll(union)].map((m) => {
      const g = m.slice(1).findIndex((x) => x !== undefined) + 1
      const whole = m[0]
      const tail = tails[g - 1]
      return `${m.index}:${g}:${whole.slice(longestPrefix(whole, leads[g - 1]!), whole.length - (tail === undefined ? 0 : longestSuffix(whole, tail)))}`
    })

  it('one alternative per group, in order, each with its group made non-capturing', () => {
    expect(alternatives.map((a) => a.group)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(alternatives.map((a) => captures(a.source))).toEqual([0, 0, 0, 0, 0, 0, 0])
    expect(_.groupAlternatives('x(a)|y(?:(b)|c(d))z')).toEqual([
      { group: 1, source: 'x(?:a)', lead: 'x', tail: '' },
      { group: 2, source: 'y(?:b)z', lead: 'y', tail: 'z' },
      { group: 3, source: 'yc(?:d)z', lead: 'yc', tail: 'z' },
    ])
    expect(() => _.groupAlternatives('x(?:(a)|b)*')).toThrow(/quantified group/)
  })
  it('their union finds the matches of the pattern, the alternative of its group, and the code cut out of the match', () => {
    for (const text of [...lines, ...fixtures]) expect(cutOut(text)).toEqual(oneStep(text))
    fc.assert(
      fc.property(texts, (text) => {
        expect(cutOut(text)).toEqual(oneStep(text))
      }),
      { numRuns: 2000 },
    )
  })
  it('leadSource: what every match of an alternative starts with; a line without it holds no match of it', () => {
    expect(alternatives.map((a) => _.leadSource(a.source) !== undefined)).toEqual([false, true, true, true, true, true, true])
    expect(_.leadSource('NeutronError[^\\n]{0,600}?x')).toBe('NeutronError')
    expect(_.leadSource('(?:: |failed\\()(?:[A-Z][a-z]{1,30})')).toBe('(?:: |failed\\()[A-Z][a-z]')
    expect(_.leadSource('a+b')).toBe('a')
    expect(_.leadSource('(?:^|[^A-Z])([A-Z]+)')).toBe('(?:^|[^A-Z])[A-Z]')
    expect(_.leadSource('(?:^|[^A-Z])(?:[A-Z]{2}|x)')).toBeUndefined()
    expect(_.leadSource('a?b')).toBeUndefined()
    expect(_.leadSource('a|b')).toBeUndefined()
    const pairs = alternatives.flatMap((a) => {
      const lead = _.leadSource(a.source)
      return lead === undefined ? [] : [[new RegExp(a.source), new RegExp(lead)] as const]
    })
    const check = (text: string) => {
      for (const [alternative, lead] of pairs) if (alternative.test(text)) expect(lead.test(text)).toBe(true)
    }
    for (const text of [...lines, ...fixtures]) check(text)
    fc.assert(fc.property(texts, check), { numRuns: 2000 })
  })
})

describe('relaxBounds, greedy, withoutBoundaries, smallestBoundAbove', () => {
  it('rewrite bounds, laziness and word boundaries, and nothing inside bracket expressions', () => {
    expect(_.relaxBounds('a{0,600}?b{1,3}[{]c{2}')).toBe('a{0,}?b{1,}[{]c{2}')
    expect(_.relaxBounds('a{0,600}?b{1,3}', _.PG_DUP_MAX)).toBe('a{0,}?b{1,3}')
    expect(_.greedy('(?:a)*?b{0,6}?c??[?](?:d)?')).toBe('(?:a)*b{0,6}c?[?](?:d)?')
    expect(_.withoutBoundaries('\\b</\\\\b[\\b]')).toBe('</\\\\b[\\b]')
    expect(_.smallestBoundAbove(source, _.PG_DUP_MAX)).toBe(600)
    expect(_.smallestBoundAbove('a{0,3}', _.PG_DUP_MAX)).toBe(Infinity)
  })
  it('the prefilter without its bounds still matches every line the full pattern matches', () => {
    const full = new RegExp(source)
    const relaxed = new RegExp(_.relaxBounds(PREFILTER_SOURCE))
    const check = (text: string) => {
      if (full.test(text)) expect(relaxed.test(text)).toBe(true)
    }
    for (const text of lines) check(text)
    fc.assert(
      fc.property(fc.array(fc.oneof(anyLine, logCode, fc.string({ maxLength: 12 })), { maxLength: 6 }), (parts) => check(parts.join(' '))),
      { numRuns: 2000 },
    )
  })
})
