import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { decode } from '../../src/decode/decode.js'
import { explain } from '../../src/decode/explain.js'
import { draw } from '../../src/error/ServiceError.js'
import { rawResponse, secretToken } from '../arbitraries.js'

const decodeUnknown = decode(t.unknown)

describe('decode properties', () => {
  it('never throws, and gives a Left for every status from 400 on', () => {
    fc.assert(
      fc.property(rawResponse, (raw) => {
        const r = decodeUnknown(raw)
        if (raw.status >= 400) expect(E.isLeft(r)).toBe(true)
        explain(raw)
      }),
      { numRuns: 2000 },
    )
  })

  it('is deterministic', () => {
    fc.assert(
      fc.property(rawResponse, (raw) => {
        expect(JSON.stringify(decodeUnknown(raw))).toBe(JSON.stringify(decodeUnknown(raw)))
      }),
      { numRuns: 500 },
    )
  })

  it('__proto__ and constructor keys in bodies and headers never reach Object.prototype', () => {
    const hostile = fc.record({
      status: fc.integer({ min: 100, max: 599 }),
      key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
      inner: fc.constantFrom('{"polluted":"yes"}', '{"prototype":{"polluted":"yes"}}', '"yes"'),
    })
    fc.assert(
      fc.property(hostile, ({ status, key, inner }) => {
        const body = `{"${key}": ${inner}, "error": {"${key}": ${inner}, "code": "AS.0001"}, "errors": [{"${key}": ${inner}}]}`
        decodeUnknown({ status, headers: { [key]: 'yes', __proto__: 'x' }, body })
        explain({ status, body })
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
        expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false)
      }),
      { numRuns: 300 },
    )
  })

  it('no secret header value ever appears in any rendering of an error', () => {
    const secretName = fc.constantFrom('X-Subject-Token', 'x-auth-token', 'Authorization', 'X-Security-Token', 'Cookie', 'Set-Cookie')
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: 599 }),
        secretName,
        secretToken,
        fc.constantFrom('plain', 'in-message', 'in-code', 'in-request-id', 'xml'),
        (status, name, secret, where) => {
          const body =
            where === 'in-message'
              ? JSON.stringify({ error_code: 'IAM.0001', error_msg: `bad token ${secret}` })
              : where === 'in-code'
                ? JSON.stringify({ error_code: secret, error_msg: 'x' })
                : where === 'in-request-id'
                  ? JSON.stringify({ error_code: 'AS.0001', error_msg: 'x', request_id: secret })
                  : where === 'xml'
                    ? `<Error><Code>AccessDenied</Code><Message>${secret}</Message></Error>`
                    : '{"error_code":"AS.0001","error_msg":"x"}'
          const r = decodeUnknown({ status, headers: { [name]: secret, 'x-request-id': where === 'plain' ? secret.slice(0, 3) : 'r' }, body })
          if (E.isRight(r)) throw new Error('expected a Left')
          const e = r.left
          const renderings = [
            String(e),
            draw(e),
            JSON.stringify(e),
            inspect(e, { depth: 20 }),
            e.message ?? '',
            JSON.stringify(explain({ status, headers: { [name]: secret }, body })),
          ]
          for (const text of renderings) expect(text).not.toContain(secret)
        },
      ),
      { numRuns: 500 },
    )
  })
})
