import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as _ from '../../src/logs/known-prefixes.js'
import { logPatternSource } from '../../src/logs/pattern.js'

describe('escapeRegex, caseless, knownPrefixesOf', () => {
  it('spell prefixes for a regex', () => {
    expect(_.escapeRegex('SFS.TURBO')).toBe('SFS\\.TURBO')
    expect(_.caseless('s2.')).toBe('[sS]2\\.')
    expect(_.knownPrefixesOf(['AS', 'SFS.TURBO', 'as', '9X'])).toEqual(['sfs.turbo', 'as'])
    expect(new RegExp(`^(?:${_.GENERIC_FIRST_PART})$`).test('CCE_CM')).toBe(true)
  })
})

describe('knownPrefixHintSource', () => {
  const prefixes = ['ces', 'AS', 'SFS', 'SFS.TURBO', 'CCI.01', 'svcstg_ams', 'ModelArts']
  const full = new RegExp(logPatternSource(prefixes), 'g')
  const small = new RegExp(logPatternSource([]), 'g')
  const hint = new RegExp(_.knownPrefixHintSource(prefixes))
  const found = (re: RegExp, line: string) => [...line.matchAll(re)].map((m) => `${m.index}:${m.slice(1).join('|')}`)
  // Known prefixes in any case, with what may follow a first part, after what may come before a code.
  const spelt = fc
    .tuple(fc.constantFrom(...prefixes), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }))
    .map(([p, upper]) => [...p].map((c, i) => (upper[i] === true ? c.toUpperCase() : c.toLowerCase())).join(''))
  const piece = fc.oneof(
    fc
      .tuple(
        fc.constantFrom(' ', '\\n', '"error_code":"', 'code=', '<Code>', '(', 'x', '.', '/', ''),
        spelt,
        fc.constantFrom('.0014', '.TURBO.0001', '.A.B.C.0001', '.01.400101', '.x1234', '_0001', '.400', '.ABC.403.101', ''),
      )
      .map((t) => t.join('')),
    fc.constantFrom('AS.0001', 'Ecs.0005', 'FOO.0001', '"', ' ', 'NeutronError: {"type": "PortNotFound"}', 'api error NoSuchBucket: x'),
  )

  it('takes the spellings the generic first part does not, before a dot and a capital or digit', () => {
    expect(['ces.0014', 'cES.0014', 'sfs.TURBO.1', 'SFS.TURBO.0001', 'cci.01.4001', 'modelarts.4105', 'svcstg_ams.4'].map((l) => hint.test(l))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ])
    expect(['CES.0014', 'Ces.0014', 'AS.0001', 'ces.x', 'ModelArts.4105', 'SVCSTG_AMS.4', 'Sfs.0001'].map((l) => hint.test(l))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ])
    expect(_.knownPrefixHintSource([])).toBe('a^')
  })

  it('a line without a match has the same matches and groups with the known prefixes as without them', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (parts) => {
        const line = parts.join(' ')
        if (!hint.test(line)) expect(found(small, line)).toEqual(found(full, line))
      }),
      { numRuns: 3000 },
    )
  })
})
