// Type-level tests of the public types, through the package root as a user imports it: what
// decode's results are, how ServiceError narrows on `_tag`, what a CatalogEntry holds, and
// misuse that must not compile (`@ts-expect-error` fails `npm run typecheck` once the misuse
// compiles). The runtime assertions are few; the point is the types.
import type * as E from 'fp-ts/lib/Either.js'
import type * as O from 'fp-ts/lib/Option.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import * as t from 'io-ts'
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  ApiError,
  PayloadError,
  TransportError,
  decode,
  decodeFetch,
  decodeToken,
  fold,
  lookup,
  classifyLine,
  transportError,
  type CatalogEntry,
  type Category,
  type IamToken,
  type RawResponse,
  type RetryHint,
  type RetryStrategy,
  type ServiceError,
  type StatusClass,
} from '../src/index.js'

const Group = t.type({ id: t.string, size: t.number })
type Group = t.TypeOf<typeof Group>

describe('decode', () => {
  it('gives Either<ServiceError, A>, with A the codec’s type', () => {
    const result = decode(Group)({ status: 200, body: '{"id":"g-1","size":2}' })
    expectTypeOf(result).toEqualTypeOf<E.Either<ServiceError, Group>>()
    expectTypeOf(decode(t.unknown)).returns.toEqualTypeOf<E.Either<ServiceError, unknown>>()
    expect(result._tag).toBe('Right')
    if (result._tag === 'Right') expectTypeOf(result.right.size).toEqualTypeOf<number>()
  })

  it('decodeFetch gives a TaskEither, decodeToken an IamToken', () => {
    expectTypeOf(decodeFetch(Group)).returns.toEqualTypeOf<TE.TaskEither<ServiceError, Group>>()
    expectTypeOf(decodeToken).returns.toEqualTypeOf<E.Either<ServiceError, IamToken>>()
  })

  it('takes a raw response: status required; headers and body optional and typed', () => {
    expectTypeOf<{ status: 404 }>().toMatchTypeOf<RawResponse>()
    expectTypeOf<{ status: 404; headers: Headers; body: Uint8Array }>().toMatchTypeOf<RawResponse>()
    const run = decode(t.unknown)
    // @ts-expect-error: the status is required
    run({ body: '{}' })
    // @ts-expect-error: the status is a number, not a string
    run({ status: '404' })
    // @ts-expect-error: a body is text, bytes or null, not an object
    run({ status: 404, body: { error_code: 'AS.0001' } })
    const fromString: t.Decoder<string, string> = t.string
    // @ts-expect-error: the codec decodes unknown input; a decoder of strings only is no codec here
    decode(fromString)
  })
})

describe('ServiceError', () => {
  it('is the union of three tagged errors', () => {
    expectTypeOf<ServiceError>().toEqualTypeOf<ApiError | PayloadError | TransportError>()
    expectTypeOf<ServiceError['_tag']>().toEqualTypeOf<'ApiError' | 'PayloadError' | 'TransportError'>()
  })

  it('narrows on _tag', () => {
    const narrow = (e: ServiceError): string => {
      switch (e._tag) {
        case 'ApiError':
          expectTypeOf(e).toEqualTypeOf<ApiError>()
          expectTypeOf(e.status).toEqualTypeOf<number>()
          expectTypeOf(e.code).toEqualTypeOf<string | null>()
          expectTypeOf(e.statusClass).toEqualTypeOf<StatusClass>()
          expectTypeOf(e.category).toEqualTypeOf<Category>()
          expectTypeOf(e.retry).toEqualTypeOf<RetryHint>()
          return e.code ?? ''
        case 'PayloadError':
          expectTypeOf(e).toEqualTypeOf<PayloadError>()
          expectTypeOf(e.errors).toEqualTypeOf<t.Errors>()
          // @ts-expect-error: only an ApiError has a code
          return e.code
        case 'TransportError':
          expectTypeOf(e).toEqualTypeOf<TransportError>()
          expectTypeOf(e.reason).toEqualTypeOf<'network' | 'timeout' | 'abort' | 'read'>()
          expectTypeOf(e.status).toEqualTypeOf<null>()
          // @ts-expect-error: only an ApiError has a request's code
          return String(e.code)
      }
    }
    expect(narrow(transportError({ reason: 'abort', message: 'aborted', cause: null }))).toBe('undefined')
  })

  it('fold needs a case for every member', () => {
    expectTypeOf(fold({ ApiError: () => 1, PayloadError: () => 2, TransportError: () => 3 })).toEqualTypeOf<(e: ServiceError) => number>()
    // @ts-expect-error: the TransportError case is missing
    fold({ ApiError: () => 1, PayloadError: () => 2 })
  })
})

describe('the vocabulary', () => {
  it('is closed unions', () => {
    expectTypeOf<StatusClass>().toEqualTypeOf<'1xx' | '2xx' | '3xx' | '4xx' | '5xx'>()
    expectTypeOf<RetryStrategy>().toEqualTypeOf<'never' | 'backoff' | 'after' | 'reauth'>()
    expectTypeOf<'throttled'>().toMatchTypeOf<Category>()
    // @ts-expect-error: no such category
    const wrong: Category = 'rate-limited'
    expect(wrong).toBe('rate-limited')
  })
})

describe('CatalogEntry', () => {
  it('holds the documented fields, read-only', () => {
    expectTypeOf(lookup).returns.toEqualTypeOf<O.Option<CatalogEntry>>()
    expectTypeOf<CatalogEntry['code']>().toEqualTypeOf<string>()
    expectTypeOf<CatalogEntry['status']>().toEqualTypeOf<number | null>()
    expectTypeOf<CatalogEntry['category']>().toEqualTypeOf<Category>()
    expectTypeOf<CatalogEntry['retry']>().toEqualTypeOf<RetryStrategy>()
    expectTypeOf<CatalogEntry['docsUrl']>().toEqualTypeOf<string | null>()
    expectTypeOf<CatalogEntry>().toHaveProperty('otherMessages')
    const entry = lookup('AS.0001')
    // Never called: the misuse only has to fail to compile.
    const misuse = (e: CatalogEntry): void => {
      // @ts-expect-error: entries are read-only
      e.code = 'AS.0002'
    }
    expectTypeOf(misuse).toBeFunction()
    expect(entry._tag).toBe('Some')
  })

  it('classifyLine gives read-only findings', () => {
    const findings = classifyLine('error_code=AS.0001')
    expectTypeOf(findings).toEqualTypeOf<ReturnType<typeof classifyLine>>()
    // Never called: the misuse only has to fail to compile.
    const misuse = (): void => {
      // @ts-expect-error: the findings are a ReadonlyArray
      findings.push(findings[0])
    }
    expectTypeOf(misuse).toBeFunction()
    expect(findings.length).toBeGreaterThan(0)
  })
})
