import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as t from 'io-ts'
import * as _ from '../../src/decode/problems.js'
import { anyValue } from '../arbitraries.js'

const errorsOf = <A>(codec: t.Decoder<unknown, A>, value: unknown): t.Errors => {
  const r = codec.decode(value)
  return r._tag === 'Left' ? r.left : []
}

describe('drawErrors', () => {
  it('names the path, the expected type and the value found', () => {
    expect(_.drawErrors(errorsOf(t.type({ id: t.string }), { id: 7 }))).toEqual(['id: expected string, got 7'])
    expect(_.drawErrors(errorsOf(t.type({ token: t.type({ expires_at: t.string }) }), { token: { expires_at: 1 } }))).toEqual(['token.expires_at: expected string, got 1'])
  })
  it('writes array indexes in brackets', () => {
    expect(_.drawErrors(errorsOf(t.type({ items: t.array(t.number) }), { items: [1, 'two'] }))).toEqual(['items[1]: expected number, got "two"'])
    expect(_.drawErrors(errorsOf(t.array(t.string), [3]))).toEqual(['[0]: expected string, got 3'])
  })
  it('calls the root "the body", and says "nothing" for a missing value', () => {
    expect(_.drawErrors(errorsOf(t.string, 5))).toEqual(['the body: expected string, got 5'])
    expect(_.drawErrors(errorsOf(t.type({ id: t.string }), {}))).toEqual(['id: expected string, got nothing'])
  })
  it('does not count the members of a union as path steps, and draws each distinct line once', () => {
    const lines = _.drawErrors(errorsOf(t.type({ v: t.union([t.string, t.number]) }), { v: true }))
    expect(lines).toEqual(['v: expected string, got true', 'v: expected number, got true'])
    const twice = errorsOf(t.type({ a: t.string }), { a: 1 })
    expect(_.drawErrors([...twice, ...twice])).toEqual(['a: expected string, got 1'])
  })
  it('uses the message of an error that carries one', () => {
    const codec = new t.Type<string, string, unknown>('Even', t.string.is, (u, c) => t.failure(u, c, 'not even'), t.identity)
    expect(_.drawErrors(errorsOf(t.type({ n: codec }), { n: 3 }))).toEqual(['n: not even'])
  })
  it('cuts a long value at 60 characters', () => {
    const [line] = _.drawErrors(errorsOf(t.type({ n: t.number }), { n: 'a'.repeat(200) }))
    expect(line).toBe(`n: expected number, got "${'a'.repeat(58)}…`)
  })
  it('never shows the value under a secret-named key, nor a secret inside another value', () => {
    const [pw] = _.drawErrors(errorsOf(t.type({ auth: t.type({ password: t.number }) }), { auth: { password: 'hunter2hunter2' } }))
    expect(pw).toBe('auth.password: expected number, got [redacted]')
    const [inside] = _.drawErrors(errorsOf(t.type({ note: t.number }), { note: 'X-Auth-Token: MIIabcdefghijklmnop' }))
    expect(inside).not.toContain('MIIabcdefghijklmnop')
  })
  it('shows values JSON cannot (functions, bigints, cycles) without throwing', () => {
    const cycle: Record<string, unknown> = {}
    cycle['self'] = cycle
    for (const v of [() => 1, 10n, cycle, Symbol('s')]) {
      const [line] = _.drawErrors(errorsOf(t.type({ x: t.string }), { x: v }))
      expect(line).toMatch(/^x: expected string, got .+/)
    }
  })
  it('never throws, and gives one line per distinct error, at most as many as errors', () => {
    const codec = t.type({ id: t.string, items: t.array(t.type({ n: t.number })), tag: t.union([t.literal('a'), t.literal('b')]) })
    fc.assert(
      fc.property(anyValue, (value) => {
        const errors = errorsOf(codec, value)
        const lines = _.drawErrors(errors)
        expect(lines.length).toBeLessThanOrEqual(errors.length)
        expect(new Set(lines).size).toBe(lines.length)
        if (errors.length > 0) expect(lines.length).toBeGreaterThan(0)
      }),
    )
  })
})
