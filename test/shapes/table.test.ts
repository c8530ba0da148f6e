import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as _ from '../../src/shapes/table.js'
import { SHAPE_KEYS, marksOf, readKeys, type JsonObject } from '../../src/shapes/keys.js'
import { anyValue } from '../arbitraries.js'

const shape = (name: string): _.Shape => {
  const found = _.SHAPES.find((s) => s.name === name)
  if (found === undefined) throw new Error(`no shape ${name}`)
  return found
}
/** The first shape that reads a body, as `extract` tries them, and what it found. */
const first = (body: JsonObject, status: number): [string, _.Found] | undefined => {
  for (const s of _.SHAPES) {
    const f = s.read(body, status)
    if (f !== undefined) return [s.name, f]
  }
  return undefined
}
const d = (code: string | null, message: string | null) => ({ code, message })

describe('SHAPES', () => {
  it('are tried in this order, each with a unique name and a doc', () => {
    expect(_.SHAPES.map((s) => s.name)).toEqual([
      'neutron',
      'keystone',
      'error.error_code',
      'error.code',
      'encoded-authorization',
      'error_code',
      'errorCode',
      'errors-list',
      'cloud-eye',
      'problem-details',
      'code-message',
      'openstack-wrapper',
      'message-only',
    ])
    for (const s of _.SHAPES) expect(s.doc.length, s.name).toBeGreaterThan(10)
  })
})

describe('each shape reads its body', () => {
  it.each<[string, unknown, number, _.Found]>([
    [
      'neutron',
      { NeutronError: { type: 'SubnetNotFound', message: 'Subnet 0b3c could not be found.', detail: '' }, request_id: 'r-1' },
      404,
      { code: 'SubnetNotFound', message: 'Subnet 0b3c could not be found.', requestId: 'r-1', details: [d('SubnetNotFound', 'Subnet 0b3c could not be found.')] },
    ],
    [
      'keystone',
      { error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } },
      401,
      { code: null, message: 'The request you have made requires authentication.', requestId: null, details: [d(null, 'The request you have made requires authentication.')] },
    ],
    [
      'error.error_code',
      { error: { error_code: 'CDN.0105', error_msg: 'Invalid domain.' }, request_id: 'r-2' },
      400,
      { code: 'CDN.0105', message: 'Invalid domain.', requestId: 'r-2', details: [d('CDN.0105', 'Invalid domain.')] },
    ],
    [
      'error.code',
      { error: { message: 'Instance could not be found.', code: 'Ecs.0114' } },
      404,
      { code: 'Ecs.0114', message: 'Instance could not be found.', requestId: null, details: [d('Ecs.0114', 'Instance could not be found.')] },
    ],
    [
      'encoded-authorization',
      { error_code: 'IAM.0011', error_msg: 'Denied.', encoded_authorization_message: 'ZW5j' },
      403,
      { code: 'IAM.0011', message: 'Denied.', requestId: null, details: [d('IAM.0011', 'Denied.'), d(null, 'ZW5j')] },
    ],
    [
      'error_code',
      { error_code: 'AS.0001', error_msg: 'System error.', request_id: 'r-3' },
      500,
      { code: 'AS.0001', message: 'System error.', requestId: 'r-3', details: [d('AS.0001', 'System error.')] },
    ],
    [
      'errorCode',
      { errorCode: 'DIS.4200', errorMessage: 'Invalid request.' },
      400,
      { code: 'DIS.4200', message: 'Invalid request.', requestId: null, details: [d('DIS.4200', 'Invalid request.')] },
    ],
    [
      'errors-list',
      { errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }, 'plain text', 7, { code: 'X.2', message: 'second' }], request_id: 'r-4' },
      403,
      {
        code: 'DENIED',
        message: 'requested access to the resource is denied',
        requestId: 'r-4',
        details: [d('DENIED', 'requested access to the resource is denied'), d(null, 'plain text'), d('X.2', 'second')],
      },
    ],
    [
      'cloud-eye',
      { http_code: 400, message: { details: 'Bad metric.', code: 'ces.0014' } },
      400,
      { code: 'ces.0014', message: 'Bad metric.', requestId: null, details: [d('ces.0014', 'Bad metric.')] },
    ],
    [
      'problem-details',
      { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such group.', instance: 'urn:otc:request-id:r%2F5' },
      404,
      { code: null, message: 'No such group.', requestId: 'r/5', details: [d(null, 'No such group.')] },
    ],
    [
      'code-message',
      { code: 'VPC.0201', message: 'Subnet gateway or CIDR is invalid.' },
      400,
      { code: 'VPC.0201', message: 'Subnet gateway or CIDR is invalid.', requestId: null, details: [d('VPC.0201', 'Subnet gateway or CIDR is invalid.')] },
    ],
    [
      'openstack-wrapper',
      { itemNotFound: { message: 'Flavor could not be found.', code: 404 } },
      404,
      { code: null, message: 'Flavor could not be found.', requestId: null, details: [d(null, 'Flavor could not be found.')] },
    ],
    ['message-only', { message: 'API not found', request_id: 'r-6' }, 404, { code: null, message: 'API not found', requestId: 'r-6', details: [d(null, 'API not found')] }],
  ])('%s', (name, body, status, expected) => {
    expect(first(body as JsonObject, status)).toEqual([name, expected])
  })
})

describe('the rules inside the shapes', () => {
  it("error.code: a code of the body's own beside the nested one speaks for the service, the nested one is a detail", () => {
    const body = { kind: 'Status', errorCode: 'SVCSTG.CCE.400', message: 'add-on failed', error: { code: 'ADDON.1', message: 'chart invalid' } }
    expect(shape('error.code').read(body, 400)).toEqual({
      code: 'SVCSTG.CCE.400',
      message: 'add-on failed',
      requestId: null,
      details: [d('SVCSTG.CCE.400', 'add-on failed'), d('ADDON.1', 'chart invalid')],
    })
    expect(shape('error.code').read({ code: 'ADDON.1', error: { code: 'ADDON.1', message: 'same' } }, 400)?.details).toEqual([d('ADDON.1', 'same')])
  })
  it('keystone is only a numeric code beside a title; a repeated status is no code', () => {
    expect(shape('keystone').read({ error: { code: '401', title: 'Unauthorized' } }, 401)).toBeUndefined()
    expect(shape('keystone').read({ error: { code: 401, message: 'm' } }, 401)).toBeUndefined()
  })
  it('problem-details: detail, else title; a request id only from an urn:otc:request-id instance, and a bad escape kept as it is', () => {
    const pd = shape('problem-details')
    expect(pd.read({ type: 'x', title: 'Conflict' }, 409)?.message).toBe('Conflict')
    expect(pd.read({ type: 'x', title: 'T', instance: '/groups/1' }, 409)?.requestId).toBeNull()
    expect(pd.read({ type: 'x', title: 'T', instance: 'urn:otc:request-id:%E0%A4%A' }, 409)?.requestId).toBe('%E0%A4%A')
    expect(pd.read({ title: 'no type nor detail' }, 409)).toBeUndefined()
  })
  it('openstack-wrapper: one key only, a known wrapper or an object with a message', () => {
    const w = shape('openstack-wrapper')
    expect(w.read({ badRequest: { code: 400, explanation: 'x' } }, 400)).toBeUndefined() // known wrapper, nothing readable
    expect(w.read({ somethingElse: { message: 'Quota exceeded' } }, 413)?.message).toBe('Quota exceeded')
    expect(w.read({ somethingElse: { detail: 'x' } }, 413)).toBeUndefined()
    expect(w.read({ badRequest: { message: 'm' }, other: 1 }, 400)).toBeUndefined()
  })
  it('errors-list keeps at most 100 details, the first error first', () => {
    const errors = Array.from({ length: 250 }, (_, i) => ({ code: `E.${i}`, message: `m${i}` }))
    const f = shape('errors-list').read({ errors }, 400)
    expect(f?.code).toBe('E.0')
    expect(f?.details).toHaveLength(100)
    expect(shape('errors-list').read({ errors: [{}, null] }, 400)).toBeUndefined()
  })
  it('a shape that finds neither code nor message gives undefined', () => {
    expect(shape('error_code').read({ error_code: null }, 400)).toBeUndefined()
    expect(shape('message-only').read({ unrelated: true }, 400)).toBeUndefined()
  })
})

describe('over any body', () => {
  it('every shape reads any JSON object without throwing, finding a code or a message, or nothing', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('error', 'error_code', 'code', 'message', 'errors', 'NeutronError', 'title', 'type', 'detail', 'x'), anyValue),
        fc.integer({ min: 100, max: 599 }),
        (body, status) => {
          for (const s of _.SHAPES) {
            const f = s.read(body, status)
            if (f === undefined) continue
            expect(f.code !== null || f.message !== null, s.name).toBe(true)
            expect(f.details.length).toBeLessThanOrEqual(100)
          }
        },
      ),
    )
  })
  it('a flat error_code body reaches the error_code shape first, read as readKeys reads it', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{2,5}\.\d{4}$/),
        fc.string({ maxLength: 20 }),
        fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: undefined }),
        (code, message, requestId) => {
          const body = { error_code: code, error_msg: message, ...(requestId === undefined ? {} : { request_id: requestId }) }
          const r = readKeys(body, 400)
          expect(first(body, 400)).toEqual(['error_code', { code: r.code, message: r.message, requestId: r.requestId, details: [d(r.code, r.message)] }])
        },
      ),
    )
  })
})

describe('keys and the reading given (what lets extractError skip and reuse)', () => {
  const body = fc.dictionary(fc.constantFrom(...SHAPE_KEYS, 'code', 'type', 'detail', 'request_id', 'error_msg', 'x'), anyValue)
  const status = fc.integer({ min: 100, max: 599 })
  it('a shape with keys finds nothing in a body that has none of them', () => {
    fc.assert(
      fc.property(body, status, (b, st) => {
        for (const s of _.SHAPES) {
          if (s.keys === undefined || s.keys.some((k) => Object.hasOwn(b, k))) continue
          expect(s.read(b, st), s.name).toBeUndefined()
        }
      }),
      { numRuns: 500 },
    )
  })
  it("a shape given the body's own reading reads as it does without", () => {
    fc.assert(
      fc.property(body, status, (b, st) => {
        const top = readKeys(b, st)
        for (const s of _.SHAPES) expect(s.read(b, st, top), s.name).toEqual(s.read(b, st))
      }),
      { numRuns: 500 },
    )
  })
  it('MARKED_SHAPES keeps the order of SHAPES, with the marks of their keys', () => {
    expect(_.MARKED_SHAPES.map((m) => m.shape)).toEqual(_.SHAPES)
    expect(_.MARKED_SHAPES.find((m) => m.shape.name === 'neutron')?.marks).toBe(marksOf(['NeutronError']))
    expect(_.MARKED_SHAPES.find((m) => m.shape.name === 'message-only')?.marks).toBe(0)
  })
})

describe('the real bodies (test/fixtures/real-bodies.json)', () => {
  const real = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'real-bodies.json'), 'utf8')) as ReadonlyArray<{
    status: number
    body: string
    code: string | null
    source: string
  }>
  const objects = real.flatMap((r) => {
    try {
      const value = JSON.parse(r.body) as unknown
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? [{ ...r, value: value as JsonObject }] : []
    } catch {
      return []
    }
  })
  it('are read by some shape, which finds the code the corpus records', () => {
    expect(objects.length).toBeGreaterThan(60)
    for (const r of objects) {
      const f = first(r.value, r.status)
      expect(f, r.source).toBeDefined()
      expect(f?.[1].code, r.source).toBe(r.code)
    }
  })
})
