import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as _ from '../../src/cli/args.js'
import { memoryIO } from './memoryIO.js'

const options = { json: { type: 'boolean' }, status: { type: 'string' }, catalog: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } } as const

describe('EXIT', () => {
  it('are the documented exit codes', () => {
    expect(_.EXIT).toEqual({ ok: 0, negative: 1, usage: 2, interrupted: 130, terminated: 143 })
  })
})

describe('usageError', () => {
  it('prints the reason and where the help is, and returns 2', () => {
    const m = memoryIO()
    expect(_.usageError(m.io, 'lookup', 'expected exactly one CODE')).toBe(2)
    expect(m.err()).toBe("otc-errors lookup: expected exactly one CODE\nTry 'otc-errors lookup --help'.\n")
    expect(m.out()).toBe('')
  })
})

describe('parseCommandArgs', () => {
  it('gives values and positionals in order', () => {
    expect(_.parseCommandArgs(['a.http', '--json', '--status', '404', '--catalog', 'x', '--catalog=y', '-h', 'b'], options)).toEqual(
      E.right({ values: { json: true, status: '404', catalog: ['x', 'y'], help: true }, positionals: ['a.http', 'b'] }),
    )
  })
  it('takes everything after -- as positionals', () => {
    expect(_.parseCommandArgs(['--', '--json'], options)).toEqual(E.right({ values: {}, positionals: ['--json'] }))
  })
  it('turns an unknown option or a missing value into one line', () => {
    const unknown = _.parseCommandArgs(['--nope'], options)
    expect(E.isLeft(unknown) && unknown.left).toMatch(/^Unknown option '--nope'\.$/)
    const missing = _.parseCommandArgs(['--status'], options)
    expect(E.isLeft(missing) && missing.left).toMatch(/--status/)
    const boolWithValue = _.parseCommandArgs(['--json=yes'], options)
    expect(E.isLeft(boolWithValue)).toBe(true)
  })
  it('never throws, and a reason is always one line', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('--json', '--status', '-h', '--', '-x', '--catalog', '--json=1')), { maxLength: 6 }), (argv) => {
        const r = _.parseCommandArgs(argv, options)
        if (E.isLeft(r)) {
          expect(r.left).not.toContain('\n')
          expect(r.left).not.toMatch(/To specify a positional argument/)
        }
      }),
    )
  })
})

describe('parseStatusFlag', () => {
  it('takes three digits from 100 to 599', () => {
    expect(['100', '404', '599'].map(_.parseStatusFlag)).toEqual([E.right(100), E.right(404), E.right(599)])
  })
  it.each(['99', '600', '099', '1000', '', 'abc', '4.5', '404.0', '5e2', '0x1F4', ' 404', '404 ', '+404', '-404', '４０４'])('rejects %j, saying what it expects', (value) => {
    expect(_.parseStatusFlag(value)).toEqual(E.left(`--status expects an HTTP status from 100 to 599, got "${value}"`))
  })
  it('is exactly isHttpStatus over the three-digit numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 1100 }), (n) => {
        const text = String(n)
        expect(E.isRight(_.parseStatusFlag(text))).toBe(/^\d{3}$/.test(text) && n >= 100 && n <= 599)
      }),
    )
  })
})
