// Hostile bodies: huge, deep, wide, entity bombs, polluting keys, echoed credentials. Each must
// give an answer without throwing, in bounded work, and without leaking a secret.
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { decode, MAX_BODY_BYTES } from '../../src/decode/decode.js'
import { explain } from '../../src/decode/explain.js'
import { draw, type ApiError } from '../../src/error/ServiceError.js'

const decodeUnknown = decode(t.unknown)
const apiErrorOf = (r: E.Either<unknown, unknown>): ApiError => {
  if (E.isRight(r) || (r.left as { _tag?: string })._tag !== 'ApiError') throw new Error('expected an ApiError')
  return r.left as ApiError
}

describe('bounded work', () => {
  it('examines at most MAX_BODY_BYTES of an error body and says so', () => {
    const body = `{"error_code":"AS.0001","error_msg":"${'x'.repeat(5 * MAX_BODY_BYTES)}"}`
    const e = apiErrorOf(decodeUnknown({ status: 400, body }))
    expect([e.code, e.truncated]).toEqual(['AS.0001', true])
    expect((e.message ?? '').length).toBeLessThanOrEqual(2001)
    const bytes = new TextEncoder().encode(body)
    expect(apiErrorOf(decodeUnknown({ status: 400, body: bytes })).truncated).toBe(true)
    expect(apiErrorOf(decodeUnknown({ status: 400, body: '{"error_code":"AS.0001"}' })).truncated).toBe(false)
  })
  it('takes the cap as an option', () => {
    const body = '{"error_code":"AS.0001","error_msg":"The request message format is invalid."}'
    const e = apiErrorOf(decode(t.unknown, { maxBodyBytes: 30 })({ status: 400, body }))
    expect([e.code, e.truncated, e.shape]).toEqual(['AS.0001', true, 'broken-json'])
    expect(explain({ status: 400, body }, { maxBodyBytes: 30 }).truncated).toBe(true)
  })
  it('never reads a success body partially: the codec sees all of it', () => {
    const body = JSON.stringify({ items: 'y'.repeat(2 * MAX_BODY_BYTES) })
    const r = decode(t.type({ items: t.string }))({ status: 200, body })
    expect(E.isRight(r) && r.right.items.length).toBe(2 * MAX_BODY_BYTES)
  })
  it.each([
    ['arrays nested 100 000 deep', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['objects nested 100 000 deep', '{"error":'.repeat(100_000) + '1' + '}'.repeat(100_000)],
    ['an unclosed nesting of 100 000', '{"a":['.repeat(100_000)],
    ['a 5 MB string', `{"error_msg":"${'s'.repeat(5_000_000)}"}`],
    ['a 1 000 000-element array', `{"errors":[${Array.from({ length: 1_000_000 }, (_, i) => i % 2 === 0 ? '{"code":"AS.0001"}' : '1').join(',')}]}`],
    ['1 MB of {"error_code":"', '{"error_code":"'.repeat(70_000)],
  ])('%s: no stack overflow, no throw', (_name, body) => {
    for (const maxBodyBytes of [MAX_BODY_BYTES, Number.POSITIVE_INFINITY]) {
      const e = apiErrorOf(decode(t.unknown, { maxBodyBytes })({ status: 500, headers: { 'content-type': 'application/json' }, body }))
      expect(e.status).toBe(500)
    }
  })
})

describe('XML: no DTD, no entity expansion', () => {
  it('does not expand a billion-laughs bomb', () => {
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('')
    const body = `<?xml version="1.0"?><!DOCTYPE Error [${lol}]><Error><Code>AccessDenied</Code><Message>&lol9;</Message><RequestId>r1</RequestId></Error>`
    const e = apiErrorOf(decodeUnknown({ status: 403, headers: { 'content-type': 'application/xml' }, body }))
    expect([e.code, e.message, e.requestId]).toEqual(['AccessDenied', '&lol9;', 'r1'])
  })
  it('never resolves an external entity', () => {
    const body = '<?xml version="1.0"?><!DOCTYPE Error [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Error><Code>NoSuchKey</Code><Message>&xxe;</Message></Error>'
    const e = apiErrorOf(decodeUnknown({ status: 404, body }))
    expect([e.code, e.message]).toEqual(['NoSuchKey', '&xxe;'])
    expect(JSON.stringify(e)).not.toContain('root:')
  })
})

describe('no prototype pollution', () => {
  it('on the body path: __proto__ and constructor.prototype are data', () => {
    for (const body of ['{"__proto__":{"polluted":1},"error_code":"AS.0001"}', '{"constructor":{"prototype":{"polluted":1}},"code":"VPN.0001"}', '[{"__proto__":{"polluted":1}}]']) {
      decodeUnknown({ status: 400, body })
      decode(t.unknown)({ status: 200, body })
      explain({ status: 400, headers: { __proto__: 'x' } as unknown as Record<string, string>, body })
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})

describe('secrets in bodies', () => {
  const secret = fc.stringMatching(/^[A-Za-z0-9@#%+/]{8,40}$/)
  const field = fc.constantFrom('password', 'passwd', 'secret', 'access_key', 'secret_key', 'sk', 'client_secret', 'api_key', 'auth_token', 'X-Auth-Token', 'Authorization')
  const echo = (name: string, value: string, style: number): string =>
    style === 0 ? `invalid request body {"user":"ann","${name}":"${value}"}`
    : style === 1 ? `invalid request body {\\"user\\":\\"ann\\",\\"${name}\\":\\"${value}\\"}`
    : style === 2 ? `rejected ${name}=${value} user=ann`
    : `header ${name}: ${value} was refused`
  it('values of secret-named fields echoed in messages never appear in any rendering', () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), field, secret, fc.integer({ min: 0, max: 3 }), fc.boolean(), (status, name, value, style, xml) => {
        const message = echo(name, value, style)
        const body = xml
          ? `<Error><Code>InvalidArgument</Code><Message>${message.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</Message></Error>`
          : JSON.stringify({ error_code: 'IAM.0001', error_msg: message, errors: [{ code: 'IAM.0001', message }] })
        const e = apiErrorOf(decodeUnknown({ status, body }))
        for (const text of [String(e), draw(e), JSON.stringify(e), inspect(e, { depth: 20 }), e.message ?? '', JSON.stringify(explain({ status, body }))]) {
          expect(text).not.toContain(value)
        }
      }),
      { numRuns: 500 },
    )
  })
  it('a payload mismatch never shows the value of a secret field', () => {
    const r = decode(t.type({ auth: t.type({ password: t.number }) }))({ status: 200, body: '{"auth":{"password":"hunter2-secret"}}' })
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r)) for (const text of [JSON.stringify(r.left), String(r.left), inspect(r.left)]) expect(text).not.toContain('hunter2-secret')
  })
})
