import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as fc from 'fast-check'
import * as t from 'io-ts'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { defaultCatalog } from '../../src/catalog/catalog.js'
import { decode } from '../../src/decode/decode.js'
import { servicePages } from '../../src/docs/pages.js'
import { ApiError, payloadError, transportError, type ServiceError } from '../../src/error/ServiceError.js'
import * as _ from '../../src/report/problem.js'
import { anyValue } from '../arbitraries.js'

const BASE = 'https://docs.example.com/catalog/'

const pages = new Map<string, string>()
const committedPage = (name: string): string => {
  let text = pages.get(name)
  if (text === undefined) {
    text = readFileSync(new URL(`../../docs/catalog/${name}`, import.meta.url), 'utf8')
    pages.set(name, text)
  }
  return text
}

const api = (status: number, body = '', headers: Record<string, string> = {}): ApiError => {
  const r = decode(t.unknown)({ status, headers: { 'content-type': 'application/json', ...headers }, body })
  if (E.isRight(r) || r.left._tag !== 'ApiError') throw new Error('expected an ApiError')
  return r.left
}

describe('toProblemDetails', () => {
  it('a catalogued code links to its docs anchor; the response says detail, the request id is the instance', () => {
    const e = api(404, '{"error_code":"AS.2007","error_msg":"The AS group with ID g-1 does not exist."}', { 'x-request-id': 'req-7' })
    expect(_.toProblemDetails(e, { baseUrl: BASE })).toEqual({
      type: `${BASE}AS.md#as-2007`,
      title: e.catalog?.message,
      status: 404,
      detail: 'The AS group with ID g-1 does not exist.',
      instance: 'urn:otc:request-id:req-7',
      code: 'AS.2007',
      category: 'not-found',
      retryable: false,
    })
  })
  it("links the official page of the code's table by default, and adds the slash a base lacks", () => {
    const e = api(400, '{"error_code":"AS.0001","error_msg":"x"}')
    expect(_.toProblemDetails(e).type).toBe('https://docs.otc.t-systems.com/auto-scaling/api-ref/appendix/error_codes.html')
    expect(_.toProblemDetails(e, { baseUrl: _.DOCS_BASE_URL }).type).toBe(`${_.DOCS_BASE_URL}AS.md#as-0001`)
    expect(_.toProblemDetails(api(404, '{"NeutronError":{"type":"SubnetNotFound","message":"Subnet x could not be found.","detail":""}}')).type).toMatch(
      /^https:\/\/github\.com\/openstack\/neutron-lib\/blob\/[0-9a-f]{40}\/neutron_lib\/exceptions\/__init__\.py#L\d+$/,
    )
    expect(_.toProblemDetails(e, { baseUrl: 'https://x.test/c' }).type).toBe('https://x.test/c/AS.md#as-0001')
  })
  it('the page is the catalogue service (RDS for DBS codes), the code as the catalogue spells it (APIG for APIGW)', () => {
    const busy = api(409, '{"error_code":"DBS.200019","error_msg":"Another operation is being performed on the DB instance or the DB instance is faulty."}')
    expect(_.toProblemDetails(busy, { baseUrl: BASE })).toMatchObject({ type: `${BASE}RDS.md#dbs-200019`, code: 'DBS.200019', category: 'conflict', retryable: true })
    const throttled = api(429, '{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}')
    expect(_.toProblemDetails(throttled, { baseUrl: BASE })).toMatchObject({ type: `${BASE}APIG.md#apig-0308`, code: 'APIGW.0308', category: 'throttled' })
  })
  it('a code documented with several statuses links to the variant of the observed status', () => {
    expect(_.toProblemDetails(api(400, '{"error_code":"APIG.0201","error_msg":"x"}'), { baseUrl: BASE }).type).toBe(`${BASE}APIG.md#apig-0201`)
    expect(_.toProblemDetails(api(413, '{"error_code":"APIG.0201","error_msg":"x"}'), { baseUrl: BASE }).type).toBe(`${BASE}APIG.md#apig-0201-413`)
  })
  it('an unknown code or no code: about:blank, titled with the reason phrase', () => {
    expect(_.toProblemDetails(api(503, ''))).toEqual({ type: 'about:blank', title: 'Service Unavailable', status: 503, category: 'unavailable', retryable: true })
    expect(_.toProblemDetails(api(418, '{"code":"TEA.0001","message":"short and stout"}'))).toEqual({
      type: 'about:blank',
      title: 'Client Error',
      status: 418,
      detail: 'short and stout',
      code: 'TEA.0001',
      category: 'validation',
      retryable: false,
    })
  })
  it('payload and transport errors', () => {
    const payload = payloadError({
      status: 200,
      statusClass: '2xx',
      requestId: 'r-2',
      errors: [],
      problems: ['id: missing'],
      message: 'the 200 response did not match',
      headers: {},
    })
    expect(_.toProblemDetails(payload)).toEqual({
      type: 'about:blank',
      title: 'Bad Gateway',
      status: 502,
      detail: 'the 200 response did not match',
      instance: 'urn:otc:request-id:r-2',
      category: 'unknown',
      retryable: false,
    })
    expect(_.toProblemDetails(transportError({ reason: 'timeout', message: 'timed out', cause: null }))).toMatchObject({
      status: 504,
      title: 'Gateway Timeout',
      category: 'timeout',
      retryable: true,
    })
    expect(_.toProblemDetails(transportError({ reason: 'network', message: 'refused', cause: 'ECONNREFUSED' }))).toMatchObject({ status: 502, category: 'unavailable' })
    const aborted = _.toProblemDetails(transportError({ reason: 'abort', message: 'aborted', cause: null }))
    expect(['status' in aborted, aborted.retryable]).toEqual([false, false])
  })
  it('every result satisfies the ProblemDetails codec and is JSON', () => {
    const errors: Array<ServiceError> = [api(404, '{"error_code":"AS.2007","error_msg":"x"}'), api(500), transportError({ reason: 'read', message: 'reset', cause: null })]
    for (const e of errors) {
      const p = _.toProblemDetails(e)
      expect(_.ProblemDetails.is(p)).toBe(true)
      expect(JSON.parse(JSON.stringify(p))).toEqual(p)
    }
  })
  it('request ids are percent-encoded in the instance', () => {
    expect(_.toProblemDetails(api(500, '', { 'x-request-id': 'a b/c' })).instance).toBe('urn:otc:request-id:a%20b%2Fc')
  })
})

describe('the docs links agree with the generated docs pages', () => {
  it('every catalogue entry links to the page and anchor the docs generator gives it, and docs/catalog/ has it', () => {
    const catalog = defaultCatalog()
    let checked = 0
    for (const page of servicePages(catalog.files())) {
      for (const entry of page.entries) {
        // Codes printed with a space inside (DCS's `DCS. 4855`) are kept as published but no body parser reads them as one code.
        if (entry.status === null || entry.status < 400 || /\s/.test(entry.code)) continue
        const picked = catalog.lookup(entry.code, entry.status)
        if (O.isNone(picked) || picked.value.message !== entry.message || picked.value.file !== entry.file) continue
        const e = api(entry.status, JSON.stringify({ error_code: entry.code, error_msg: entry.message }))
        expect(_.toProblemDetails(e, { baseUrl: BASE }).type).toBe(`${BASE}${encodeURIComponent(page.page)}#${encodeURIComponent(entry.anchor)}`)
        // and the committed page (docs/catalog/) has that anchor
        expect(committedPage(page.page)).toContain(`id="${entry.anchor}"`)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(3000)
  })
  it('docsAnchor and docsPage follow the same rules', () => {
    expect(['AS.0001', 'SFS.TURBO.0001', 'ces.0014', 'NoSuchBucket', '1101', '...'].map(_.docsAnchor)).toEqual([
      'as-0001',
      'sfs-turbo-0001',
      'ces-0014',
      'nosuchbucket',
      '1101',
      'code',
    ])
    expect(['AS', 'ModelArts', 'index', 'a/b'].map(_.docsPage)).toEqual(['AS.md', 'ModelArts.md', 'index-service.md', 'a-b.md'])
  })
})

describe('fromProblemDetails', () => {
  const bodies: ReadonlyArray<readonly [number, string, Record<string, string>]> = [
    [404, '{"error_code":"AS.2007","error_msg":"The AS group does not exist."}', { 'x-request-id': 'req-1' }],
    [409, '{"error_code":"DBS.200019","error_msg":"Another operation is being performed on the DB instance or the DB instance is faulty."}', {}],
    [429, '{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}', { 'x-request-id': 'r-2' }],
    [401, '{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information."}', {}],
    [413, '{"error_code":"APIG.0201","error_msg":"Request entity too large."}', {}],
    [503, '', { 'x-request-id': 'r-3' }],
    [400, '{"code":"XYZ.0001","message":"Bad thing."}', {}],
  ]
  it('reads back what toProblemDetails wrote: code, status, message, request id, classification', () => {
    for (const [status, body, headers] of bodies) {
      const e = api(status, body, headers)
      const problem = _.toProblemDetails(e)
      const back = _.fromProblemDetails(problem)
      expect(back._tag).toBe('ApiError')
      if (back._tag !== 'ApiError') continue
      // Without a detail, the title is what the problem says.
      expect([back.status, back.code, back.message, back.requestId, back.category, back.retry, back.known, back.shape]).toEqual([
        e.status,
        e.code,
        e.message ?? problem.title,
        e.requestId,
        e.category,
        e.retry,
        e.known,
        'problem-details',
      ])
    }
  })
  it('the decoder recognises an application/problem+json response written by toProblemDetails', () => {
    for (const [status, body, headers] of bodies) {
      const e = api(status, body, headers)
      const problem = _.toProblemDetails(e)
      const r = decode(t.unknown)({ status, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify(problem) })
      expect(E.isLeft(r) && r.left._tag === 'ApiError' && [r.left.code, r.left.message, r.left.requestId, r.left.category, r.left.shape]).toEqual([
        e.code,
        e.message ?? problem.title,
        e.requestId,
        e.category,
        'problem-details',
      ])
    }
  })
  it('the decoder reads a third-party problem (the RFC 9457 example)', () => {
    const body =
      '{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30}'
    const r = decode(t.unknown)({ status: 403, headers: { 'content-type': 'application/problem+json' }, body })
    expect(E.isLeft(r) && r.left._tag === 'ApiError' && [r.left.shape, r.left.code, r.left.message, r.left.requestId, r.left.category]).toEqual([
      'problem-details',
      null,
      'Your current balance is 30, but that costs 50.',
      null,
      'permission',
    ])
  })
  it('finds the code from a docs link when there is no code member, in the catalogue spelling', () => {
    const e = _.fromProblemDetails({ type: `${BASE}APIG.md#apig-0201-413`, title: 'Request entity too large.', status: 413 })
    expect(e._tag === 'ApiError' && [e.code, e.category]).toEqual(['APIG.0201', 'payload'])
    const unknown = _.fromProblemDetails({ type: `${BASE}AS.md#as-9999`, title: 'Nope', status: 400 })
    expect(unknown._tag === 'ApiError' && unknown.code).toBe(null)
  })
  it('the observed status outranks the body; headers give the request id and Retry-After', () => {
    const e = _.fromProblemDetails('{"type":"about:blank","title":"Too Many Requests","status":400}', { status: 429, headers: { 'Retry-After': '4', 'X-Request-Id': 'h-1' } })
    expect(e._tag === 'ApiError' && [e.status, e.requestId, e.retry]).toEqual([429, 'h-1', { retryable: true, strategy: 'after', delayMs: 4000 }])
  })
  it("does not trust the body's category and retryable", () => {
    const e = _.fromProblemDetails({ type: 'about:blank', title: 'Bad Request', status: 400, category: 'throttled', retryable: true })
    expect([e.category, e.retry.retryable]).toEqual(['validation', false])
  })
  it('reads JSON text and bytes, and something that is not JSON', () => {
    const text = JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'gone', code: 'AS.2007' })
    expect(_.fromProblemDetails(text)).toMatchObject({ status: 404, code: 'AS.2007', message: 'gone' })
    expect(_.fromProblemDetails(new TextEncoder().encode(text))).toMatchObject({ status: 404, code: 'AS.2007' })
    expect(_.fromProblemDetails('upstream exploded', { status: 502 })).toMatchObject({ status: 502, message: 'upstream exploded', category: 'unavailable' })
    expect(_.fromProblemDetails(null)).toMatchObject({ status: 500, category: 'server' })
  })
  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyValue, fc.json(), fc.record({ type: fc.string(), title: fc.string(), status: fc.anything(), code: fc.anything(), instance: fc.string() })),
        fc.option(fc.integer()),
        (input, status) => {
          const e = _.fromProblemDetails(input, status === null ? {} : { status })
          expect(['ApiError', 'PayloadError', 'TransportError']).toContain(e._tag)
        },
      ),
      { numRuns: 300 },
    )
  })
})
