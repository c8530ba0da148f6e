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
import { decodeFetch } from '../../src/decode/fetch.js'
import { decodeToken } from '../../src/decode/token.js'
import { classifyLine } from '../../src/logs/line.js'
import type { RawResponse } from '../../src/response/model.js'
import { anyValue, hostileRaw, revokedProxy, throwingProxy } from '../arbitraries.js'

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
    ['a 1 000 000-element array', `{"errors":[${Array.from({ length: 1_000_000 }, (_, i) => (i % 2 === 0 ? '{"code":"AS.0001"}' : '1')).join(',')}]}`],
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
    for (const body of [
      '{"__proto__":{"polluted":1},"error_code":"AS.0001"}',
      '{"constructor":{"prototype":{"polluted":1}},"code":"VPN.0001"}',
      '[{"__proto__":{"polluted":1}}]',
    ]) {
      decodeUnknown({ status: 400, body })
      decode(t.unknown)({ status: 200, body })
      explain({ status: 400, headers: { __proto__: 'x' }, body })
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})

describe('secrets in bodies', () => {
  const secret = fc.stringMatching(/^[A-Za-z0-9@#%+/]{8,40}$/)
  const field = fc.constantFrom('password', 'passwd', 'secret', 'access_key', 'secret_key', 'sk', 'client_secret', 'api_key', 'auth_token', 'X-Auth-Token', 'Authorization')
  const echo = (name: string, value: string, style: number): string =>
    style === 0
      ? `invalid request body {"user":"ann","${name}":"${value}"}`
      : style === 1
        ? `invalid request body {\\"user\\":\\"ann\\",\\"${name}\\":\\"${value}\\"}`
        : style === 2
          ? `rejected ${name}=${value} user=ann`
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

// -------------------------------------------------------------------------------------
// hostile raw objects: "it never throws" (issue 15, item 3)
// -------------------------------------------------------------------------------------

describe('hostile raw objects', () => {
  const decoders = {
    decode: (raw: unknown) => decodeUnknown(raw as RawResponse),
    'decode with a codec': (raw: unknown) => decode(t.type({ id: t.string }))(raw as RawResponse),
    explain: (raw: unknown) => explain(raw as RawResponse),
    decodeToken: (raw: unknown) => decodeToken(raw as RawResponse),
  }

  const statusGetterThrows = () => ({
    get status(): number {
      throw new Error('status getter')
    },
    body: '{"error_code":"AS.0001"}',
  })
  const cases: ReadonlyArray<readonly [string, () => unknown]> = [
    ['null', () => null],
    ['undefined', () => undefined],
    ['a number', () => 404],
    ['a string', () => 'HTTP/1.1 404 Not Found'],
    ['a symbol', () => Symbol('raw')],
    ['a function', () => () => 404],
    ['a status getter that throws', statusGetterThrows],
    [
      'a status getter that throws a Proxy whose traps throw',
      () => ({
        get status(): number {
          throw throwingProxy()
        },
      }),
    ],
    [
      'a status getter that throws undefined',
      () => ({
        get status(): number {
          throw undefined
        },
      }),
    ],
    ['a Proxy whose every trap throws', () => throwingProxy()],
    ['a revoked Proxy', () => revokedProxy()],
    ['status: Symbol()', () => ({ status: Symbol('status'), body: '' })],
    ['status: 404n', () => ({ status: 404n })],
    ['status: a Proxy', () => ({ status: throwingProxy(), body: '' })],
    [
      'status: an object whose valueOf throws',
      () => ({
        status: {
          valueOf: () => {
            throw new Error('valueOf')
          },
          [Symbol.toPrimitive]: () => {
            throw new Error('toPrimitive')
          },
        },
      }),
    ],
    [
      'a headers getter that throws',
      () => ({
        status: 500,
        get headers(): unknown {
          throw new Error('headers')
        },
        body: '{"error_code":"AS.0001"}',
      }),
    ],
    ['headers: a Proxy whose every trap throws', () => ({ status: 500, headers: throwingProxy(), body: '' })],
    ['headers: a revoked Proxy', () => ({ status: 201, headers: revokedProxy(), body: '{}' })],
    [
      'a header getter that throws',
      () => ({
        status: 429,
        headers: Object.defineProperty({}, 'retry-after', {
          enumerable: true,
          get: () => {
            throw new Error('h')
          },
        }),
        body: '',
      }),
    ],
    [
      'headers whose forEach throws',
      () => ({
        status: 503,
        headers: {
          forEach: () => {
            throw new Error('forEach')
          },
          get: () => 'x',
        },
        body: '',
      }),
    ],
    [
      'a body getter that throws',
      () => ({
        status: 400,
        get body(): unknown {
          throw new Error('body getter')
        },
      }),
    ],
    ['body: a Proxy around bytes', () => ({ status: 400, body: throwingProxy(new Uint8Array([0x7b, 0x7d])) })],
    [
      'body: bytes whose buffer getter throws',
      () => ({
        status: 400,
        body: Object.defineProperty(new Uint8Array([0x7b, 0x7d]), 'buffer', {
          get: () => {
            throw new Error('buffer')
          },
        }),
      }),
    ],
    [
      'body: an object whose toString throws',
      () => ({
        status: 200,
        body: {
          toString: () => {
            throw new Error('toString')
          },
        },
      }),
    ],
    [
      'a success body getter that throws',
      () => ({
        status: 201,
        headers: { 'x-subject-token': 'MIIsubject' },
        get body(): unknown {
          throw new Error('body')
        },
      }),
    ],
  ]

  it.each(cases)('%s: no decoder throws, each field is read at most once', (_name, make) => {
    for (const [decoder, run] of Object.entries(decoders)) {
      const counted = countReads(make())
      expect(() => run(counted.raw), decoder).not.toThrow()
      for (const [key, n] of Object.entries(counted.reads)) expect(n, `${decoder} read ${key} ${n} times`).toBeLessThanOrEqual(1)
    }
  })

  it('an unreadable raw response is an ApiError that says why, never retried', () => {
    const cases: ReadonlyArray<readonly [unknown, string]> = [
      [null, 'expected a response object { status, headers, body }, got null'],
      [undefined, 'expected a response object { status, headers, body }, got undefined'],
      [statusGetterThrows(), 'its status could not be read'],
      [throwingProxy(), 'its status could not be read; its headers could not be read; its body could not be read'],
      [{ status: Symbol('s') }, 'its status is symbol, not a number'],
    ]
    for (const [raw, why] of cases) {
      const e = apiErrorOf(decodeUnknown(raw as RawResponse))
      expect([e.status, e.category, e.retry.retryable, e.message]).toEqual([0, 'unknown', false, `the response could not be read: ${why}`])
      expect(explain(raw as RawResponse)).toMatchObject({ ok: false, status: 0, category: 'unknown', message: `the response could not be read: ${why}` })
      const token = decodeToken(raw as RawResponse)
      expect(E.isLeft(token) && token.left._tag === 'ApiError' && token.left.message).toBe(`the response could not be read: ${why}`)
    }
  })

  it('what can be read is used: the body of a response whose headers getter throws', () => {
    const e = apiErrorOf(
      decodeUnknown({
        status: 400,
        get headers(): never {
          throw new Error('h')
        },
        body: '{"error_code":"AS.0001","error_msg":"bad"}',
      }),
    )
    expect([e.code, e.message, e.category]).toEqual(['AS.0001', 'bad', 'validation'])
  })

  it('the catch path reads neither the raw response nor a hostile thrown value', () => {
    let reads = 0
    const raw = {
      get status() {
        reads++
        return 200
      },
      body: '{"id":"x"}',
    }
    const codec = new t.Type<string, string, unknown>(
      'Throws',
      (_u): _u is string => false,
      () => {
        throw throwingProxy()
      },
      String,
    )
    const r = decode(codec)(raw)
    expect(reads).toBe(1)
    expect(E.isLeft(r) && r.left._tag === 'ApiError' && [r.left.status, r.left.message]).toEqual([200, 'the response could not be read: unknown failure'])
    const secret = new t.Type<string, string, unknown>(
      'Leaks',
      (_u): _u is string => false,
      () => {
        throw new Error('boom password=Hunter2-leak')
      },
      String,
    )
    expect(JSON.stringify(decode(secret)({ status: 200, body: '"x"' }))).not.toContain('Hunter2-leak')
  })

  it('decodeFetch: a response whose getters throw resolves to a Left', async () => {
    const hostile = Object.defineProperties(
      {},
      {
        status: {
          get: () => {
            throw new Error('status')
          },
        },
        headers: {
          get: () => {
            throw new Error('headers')
          },
        },
        url: {
          get: () => {
            throw new Error('url')
          },
        },
        arrayBuffer: {
          get: () => {
            throw new Error('arrayBuffer')
          },
        },
      },
    ) as Response
    for (const input of [hostile, throwingProxy() as Response, revokedProxy() as Response, null as unknown as Response]) {
      const r = await decodeFetch(t.unknown)(input)()
      expect(E.isLeft(r)).toBe(true)
    }
  })

  it('classifyLine: anything that is not a string has no finding', () => {
    for (const line of [
      null,
      undefined,
      42,
      {},
      [],
      Symbol('line'),
      throwingProxy(),
      revokedProxy(),
      new String('AS.0001'),
      {
        toString: () => {
          throw new Error('x')
        },
      },
    ]) {
      expect(classifyLine(line as unknown as string)).toEqual([])
    }
  })

  it('property: decode, explain and decodeToken never throw on hostile raw objects and read each field at most once', () => {
    fc.assert(
      fc.property(hostileRaw, (make) => {
        for (const run of Object.values(decoders)) {
          const { raw, reads } = make()
          const r = run(raw)
          expect(r).toBeDefined()
          for (const n of Object.values(reads)) expect(n).toBeLessThanOrEqual(1)
          // A secret in a hostile header never shows, whatever else went wrong.
          expect(inspect(r, { depth: 20 })).not.toContain('MIIhostileSecretToken')
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('property: classifyLine never throws on any value', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.string(), fc.constant(null)), (line) => {
        expect(Array.isArray(classifyLine(line as string))).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })
})

/** Wraps a raw object so that every property read is counted (a Proxy around it; primitives pass through). */
const countReads = (raw: unknown): { readonly raw: unknown; readonly reads: Record<string, number> } => {
  const reads: Record<string, number> = {}
  if ((typeof raw !== 'object' && typeof raw !== 'function') || raw === null) return { raw, reads }
  let wrapped: unknown
  try {
    wrapped = new Proxy(raw, {
      get: (target, key, receiver) => {
        if (typeof key === 'string') reads[key] = (reads[key] ?? 0) + 1
        return Reflect.get(target, key, receiver) as unknown
      },
    })
  } catch {
    wrapped = raw // a revoked Proxy cannot be wrapped
  }
  return { raw: wrapped, reads }
}
