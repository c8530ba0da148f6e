import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { secretValues } from '../../src/error/redact.js'
import {
  NOTE_REQUEST_ID,
  NOTE_RETRY_AFTER,
  NOTE_SECRET,
  REQUEST_ID_HEADERS,
  contentTypeOf,
  headerValue,
  normalizeHeaders,
  notesOf,
  readHeaders,
  requestIdOf,
} from '../../src/response/headers.js'
import type { HeadersInput } from '../../src/response/model.js'
import { anyValue, headersObject } from '../arbitraries.js'

const entries = (input: unknown): Array<[string, string]> => [...normalizeHeaders(input as HeadersInput)]

describe('normalizeHeaders', () => {
  it('lower-cases names and trims values of a plain object', () => {
    expect(entries({ 'Content-Type': '  application/json ', 'X-Request-Id': 'abc' })).toEqual([
      ['content-type', 'application/json'],
      ['x-request-id', 'abc'],
    ])
  })

  it('joins array values with ", " (Set-Cookie too) and skips undefined', () => {
    expect(entries({ 'Set-Cookie': ['a=1', ' b=2 '], Vary: ['Accept'], 'X-None': undefined, 'X-Empty': [] })).toEqual([
      ['set-cookie', 'a=1, b=2'],
      ['vary', 'Accept'],
    ])
  })

  it('merges names that differ only in case, in key order', () => {
    expect(entries({ 'X-A': '1', 'x-a': '2', 'X-a': ['3', '4'] })).toEqual([['x-a', '1, 2, 3, 4']])
  })

  it('keeps empty string values and drops empty names', () => {
    expect(entries({ 'X-Empty': '', '': 'v', '  ': 'w' })).toEqual([['x-empty', '']])
  })

  it('ignores values that are not strings or arrays of strings', () => {
    expect(entries({ 'content-length': 12, 'x-bool': true, 'x-obj': { a: 1 }, 'x-null': null, 'x-mixed': ['a', 1, null, 'b'], 'x-fn': () => 'v' })).toEqual([['x-mixed', 'a, b']])
  })

  it('reads WHATWG Headers, repeated Set-Cookie joined', () => {
    const headers = new Headers()
    headers.append('Content-Type', 'application/problem+json')
    headers.append('Set-Cookie', 'a=1')
    headers.append('Set-Cookie', 'b=2')
    headers.append('X-Openstack-Request-Id', 'req-1')
    expect(entries(headers)).toEqual([
      ['content-type', 'application/problem+json'],
      ['set-cookie', 'a=1, b=2'],
      ['x-openstack-request-id', 'req-1'],
    ])
  })

  it('reads a Map through the same duck typing (string and array values)', () => {
    expect(
      entries(
        new Map<string, unknown>([
          ['X-A', ' 1 '],
          ['X-B', ['2', '3']],
          ['X-C', 4],
        ]),
      ),
    ).toEqual([
      ['x-a', '1'],
      ['x-b', '2, 3'],
    ])
  })

  it('gives an empty map for null, undefined and non-objects', () => {
    for (const input of [null, undefined, 'content-type: x', 42, true, Symbol('h'), () => ({ a: 'b' })]) {
      expect(entries(input)).toEqual([])
    }
  })

  it('is safe with __proto__ keys', () => {
    const input = JSON.parse('{"__proto__": "x", "constructor": "y", "Content-Type": "text/plain"}') as Record<string, string>
    const map = normalizeHeaders(input)
    expect([...map]).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
      ['content-type', 'text/plain'],
    ])
    expect(headerValue(map, '__PROTO__')).toBe('x')
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'x')).toBe(false)
  })

  it('skips throwing getters and keeps the rest', () => {
    const input = {
      'X-A': 'a',
      get 'X-Bad'(): string {
        throw new Error('boom')
      },
      'X-B': 'b',
    }
    expect(entries(input)).toEqual([
      ['x-a', 'a'],
      ['x-b', 'b'],
    ])
  })

  it('survives hostile Proxies', () => {
    const throwingKeys = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no keys')
        },
      },
    )
    const throwingGet = new Proxy(
      { 'x-a': 'a' },
      {
        get: () => {
          throw new Error('no get')
        },
      },
    )
    const { proxy: revoked, revoke } = Proxy.revocable({ 'x-a': 'a' }, {})
    revoke()
    const lyingArray = new Proxy(['a'], { get: (target, key) => (key === 'length' ? 1e15 : Reflect.get(target, key)) })
    expect(entries(throwingKeys)).toEqual([])
    expect(entries(throwingGet)).toEqual([])
    expect(entries(revoked)).toEqual([])
    expect(entries({ 'x-lie': lyingArray })).toEqual([['x-lie', 'a']])
  })

  it('survives hostile Headers look-alikes', () => {
    const throwingForEach = {
      forEach: () => {
        throw new Error('boom')
      },
      get: () => undefined,
    }
    const partial = {
      forEach(cb: (value: unknown, name: unknown) => void) {
        cb('a', 'X-A')
        cb(1, 'X-Num')
        cb('b', 2)
        throw new Error('midway')
      },
      get: () => undefined,
    }
    const getterThrows = Object.defineProperty({ 'x-a': 'a' }, 'forEach', {
      get: () => {
        throw new Error('boom')
      },
      enumerable: false,
    })
    expect(entries(throwingForEach)).toEqual([])
    expect(entries(partial)).toEqual([['x-a', 'a']])
    expect(entries(getterThrows)).toEqual([['x-a', 'a']])
  })

  it('never throws on anything, and always gives lower-case names and string values', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, headersObject), (input) => {
        const map = normalizeHeaders(input as HeadersInput)
        for (const [name, value] of map) {
          expect(name).toBe(name.trim().toLowerCase())
          expect(typeof value).toBe('string')
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('a plain object and the equivalent Headers give the same map', () => {
    const names = fc.stringMatching(/^[A-Za-z0-9-]{1,10}$/)
    const values = fc.stringMatching(/^[ -~]{0,12}$/).map((s) => s.trim())
    fc.assert(
      fc.property(fc.dictionary(names, values, { maxKeys: 6 }), (input) => {
        const lowerUnique = new Set(Object.keys(input).map((k) => k.toLowerCase()))
        fc.pre(lowerUnique.size === Object.keys(input).length)
        const headers = new Headers(Object.entries(input))
        expect(new Map([...normalizeHeaders(headers)].sort())).toEqual(new Map([...normalizeHeaders(input)].sort()))
      }),
    )
  })
})

describe('headerValue', () => {
  const map = normalizeHeaders({ 'Retry-After': '30', 'X-Subject-Token': 'MIIabc' })

  it('looks names up case-insensitively', () => {
    expect(headerValue(map, 'retry-after')).toBe('30')
    expect(headerValue(map, 'RETRY-AFTER')).toBe('30')
    expect(headerValue(map, ' X-Subject-Token ')).toBe('MIIabc')
    expect(headerValue(map, 'content-type')).toBeUndefined()
  })

  it('is total on bad input', () => {
    expect(headerValue(map, 42 as unknown as string)).toBeUndefined()
    expect(headerValue(null as unknown as Map<string, string>, 'x')).toBeUndefined()
    expect(headerValue(new Map([['x', 1]]) as unknown as Map<string, string>, 'x')).toBeUndefined()
  })
})

describe('requestIdOf', () => {
  it('knows the documented request-id headers, in order', () => {
    expect(REQUEST_ID_HEADERS).toEqual([
      'x-request-id',
      'x-openstack-request-id',
      'x-compute-request-id',
      'x-obs-request-id',
      'x-amz-request-id',
      'x-apig-request-id',
      'x-trans-id',
    ])
  })

  it('takes the first present header of the list', () => {
    expect(requestIdOf(normalizeHeaders({ 'X-Compute-Request-Id': 'req-c', 'X-Openstack-Request-Id': 'req-o' }))).toBe('req-o')
    expect(requestIdOf(normalizeHeaders({ 'x-obs-request-id': '0000018A' }))).toBe('0000018A')
    expect(requestIdOf(normalizeHeaders({ 'X-Amz-Request-Id': 'amz' }))).toBe('amz')
    expect(requestIdOf(normalizeHeaders({ 'X-Apig-Request-Id': 'apig' }))).toBe('apig')
  })

  it('skips empty values and takes the first of repeated ones', () => {
    expect(requestIdOf(normalizeHeaders({ 'X-Request-Id': '  ', 'X-Openstack-Request-Id': 'req-o' }))).toBe('req-o')
    expect(requestIdOf(normalizeHeaders({ 'X-Request-Id': ['r1', 'r2'] }))).toBe('r1')
  })

  it('gives null without a request id', () => {
    expect(requestIdOf(normalizeHeaders({ 'Content-Type': 'application/json' }))).toBeNull()
    expect(requestIdOf(new Map())).toBeNull()
  })
})

describe('contentTypeOf', () => {
  const of = (value: string | undefined): string | null => contentTypeOf(normalizeHeaders({ 'Content-Type': value }))

  it('gives the media type, lower-cased, without parameters', () => {
    expect(of('application/json')).toBe('application/json')
    expect(of('Application/JSON;charset=UTF-8')).toBe('application/json')
    expect(of(' text/html ; charset=iso-8859-1')).toBe('text/html')
    expect(of('application/problem+json')).toBe('application/problem+json')
    expect(of('multipart/form-data; boundary="a,b"')).toBe('multipart/form-data')
  })

  it('takes the first of repeated values', () => {
    expect(contentTypeOf(normalizeHeaders({ 'content-type': ['application/xml', 'text/plain'] }))).toBe('application/xml')
  })

  it('gives null when absent or not a type/subtype', () => {
    expect(of(undefined)).toBeNull()
    expect(of('')).toBeNull()
    expect(of('json')).toBeNull()
    expect(of('application/')).toBeNull()
    expect(of('text /html')).toBeNull()
    expect(of('; charset=utf-8')).toBeNull()
  })
})

describe('readHeaders and notesOf', () => {
  // Real header names of OTC responses (request ids, Retry-After, tokens), in the spellings
  // clients print, mixed with the arbitrary ones.
  const realNames = fc.constantFrom(
    'X-Request-Id',
    'x-openstack-request-id',
    ' X-Compute-Request-Id ',
    'x-obs-request-id',
    'X-Trans-Id',
    'Retry-After',
    'X-Subject-Token',
    'Set-Cookie',
    'X-Auth-Token',
    'Content-Type',
    'X-Frame-Options',
  )
  const input = fc.dictionary(fc.oneof(realNames, fc.string({ maxLength: 12 })), fc.oneof(fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 })), {
    maxKeys: 8,
  })

  it('reads the map normalizeHeaders gives, and notes what notesOf finds in it', () => {
    fc.assert(
      fc.property(input, (headers) => {
        const reading = readHeaders(headers)
        expect([...reading.map]).toEqual([...normalizeHeaders(headers)])
        expect(reading.notes).toBe(notesOf(reading.map))
      }),
      { numRuns: 300 },
    )
  })

  it('leaves a bit unset only when its lookup finds nothing, so a decoder may skip it', () => {
    fc.assert(
      fc.property(input, (headers) => {
        const { map, notes } = readHeaders(headers)
        if ((notes & NOTE_SECRET) === 0) expect(secretValues(map)).toEqual([])
        if ((notes & NOTE_REQUEST_ID) === 0) expect(requestIdOf(map)).toBeNull()
        if ((notes & NOTE_RETRY_AFTER) === 0) expect(headerValue(map, 'Retry-After')).toBeUndefined()
      }),
      { numRuns: 300 },
    )
  })

  it('notes secret, request-id and Retry-After names in any spelling', () => {
    expect(readHeaders({ 'X-Subject-Token': 'MIIabc', ' X-Request-Id ': 'r-1', 'RETRY-AFTER': '2' }).notes).toBe(NOTE_SECRET | NOTE_REQUEST_ID | NOTE_RETRY_AFTER)
    expect(readHeaders({ 'Content-Type': 'application/json', Date: 'Wed, 01 Jan 2025 00:00:00 GMT' }).notes).toBe(0)
    // A name without a value that counts is no header: nothing to note.
    expect(readHeaders({ 'X-Request-Id': undefined }).notes).toBe(0)
  })

  it('notes everything for a map it cannot read, so nothing is skipped', () => {
    const hostile = new Proxy(new Map<string, string>(), {
      get: () => {
        throw new Error('no')
      },
    })
    expect(notesOf(hostile)).toBe(NOTE_SECRET | NOTE_REQUEST_ID | NOTE_RETRY_AFTER)
  })
})
