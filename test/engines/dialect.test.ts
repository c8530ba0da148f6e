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
