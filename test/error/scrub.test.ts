import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as t from 'io-ts'
import * as _ from '../../src/error/scrub.js'
import { apiError, payloadError, transportError, ApiError, PayloadError, TransportError, type ApiErrorFields } from '../../src/error/ServiceError.js'
import { REDACTED } from '../../src/error/redact.js'
import { secretToken } from '../arbitraries.js'

const SECRET = 'callers-own-token-1234567'

const fields: ApiErrorFields = {
  status: 403,
  statusClass: '4xx',
  code: 'IAM.0001',
  service: 'IAM',
  message: `denied for token ${SECRET}`,
  requestId: 'req-1',
  category: 'permission',
  retry: { retryable: false, strategy: 'never' },
  known: true,
  catalog: null,
  documentedStatus: null,
  shape: 'error_code',
  details: [
    { code: 'D.1', message: `detail ${SECRET}` },
    { code: null, message: null },
  ],
  headers: { 'x-request-id': 'req-1', 'x-echo': `X-Auth-Token: ${SECRET}` },
}
const api = apiError(fields)

describe('scrubText', () => {
  it('removes the given secret values wherever they appear', () => {
    expect(_.scrubText(`a ${SECRET} b ${SECRET}`, [SECRET])).toBe(`a ${REDACTED} b ${REDACTED}`)
  })
  it('removes named pairs and token-shaped runs without being told', () => {
    expect(_.scrubText('password=hunter2hunter2')).not.toContain('hunter2hunter2')
    fc.assert(
      fc.property(secretToken, (token) => {
        expect(_.scrubText(`X-Subject-Token: ${token}`)).not.toContain(token)
      }),
    )
  })
  it('leaves ordinary text as it is', () => {
    expect(_.scrubText('The AS group does not exist.')).toBe('The AS group does not exist.')
  })
})

describe('withApiFields', () => {
  it('with no patch, gives an equal ApiError', () => {
    expect(_.withApiFields(api, {}).toJSON()).toEqual(api.toJSON())
  })
  it('replaces only the patched fields', () => {
    const patched = _.withApiFields(api, { code: 'IAM.0002', known: false })
    expect(patched).toBeInstanceOf(ApiError)
    expect(patched.code).toBe('IAM.0002')
    expect(patched.known).toBe(false)
    expect({ ...patched.toJSON(), code: api.code, known: api.known }).toEqual(api.toJSON())
    expect(api.code).toBe('IAM.0001') // the original is untouched
  })
})

describe('scrubError', () => {
  it('scrubs every text field of an ApiError and keeps the rest', () => {
    const e = _.scrubError(api, [SECRET])
    expect(e).toBeInstanceOf(ApiError)
    const json = JSON.stringify(e)
    expect(json).not.toContain(SECRET)
    const a = e as ApiError
    expect(a.message).toBe(`denied for token ${REDACTED}`)
    expect(a.details).toEqual([
      { code: 'D.1', message: `detail ${REDACTED}` },
      { code: null, message: null },
    ])
    expect(a.headers['x-request-id']).toBe('req-1')
    expect(a.status).toBe(403)
    expect(a.category).toBe('permission')
    expect(a.code).toBe('IAM.0001')
  })
  it('keeps a header named __proto__ as an own field, never as the prototype', () => {
    const headers: Record<string, string> = {}
    Object.defineProperty(headers, '__proto__', { value: `v ${SECRET}`, enumerable: true, writable: true, configurable: true })
    const e = _.scrubError(apiError({ ...fields, headers }), [SECRET]) as ApiError
    expect(Object.getPrototypeOf(e.headers)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(e.headers, '__proto__')?.value).toBe(`v ${REDACTED}`)
  })
  it('scrubs a PayloadError and keeps its io-ts errors', () => {
    const decoded = t.type({ id: t.string }).decode({ id: 1 })
    const errors = decoded._tag === 'Left' ? decoded.left : []
    const p = payloadError({ status: 200, statusClass: '2xx', requestId: `r ${SECRET}`, errors, problems: [`got ${SECRET}`], message: `m ${SECRET}`, headers: { h: SECRET } })
    const e = _.scrubError(p, [SECRET])
    expect(e).toBeInstanceOf(PayloadError)
    expect(JSON.stringify(e)).not.toContain(SECRET)
    expect((e as PayloadError).errors).toBe(errors)
    expect((e as PayloadError).problems).toEqual([`got ${REDACTED}`])
  })
  it('scrubs a TransportError message and keeps reason and cause', () => {
    const e = _.scrubError(transportError({ reason: 'timeout', message: `timed out ${SECRET}`, cause: 'ETIMEDOUT' }), [SECRET])
    expect(e).toBeInstanceOf(TransportError)
    expect(e).toMatchObject({ reason: 'timeout', message: `timed out ${REDACTED}`, cause: 'ETIMEDOUT', category: 'timeout' })
  })
  it('never leaves a generated secret in any text field', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{12,24}$/), fc.string({ maxLength: 20 }), (secret, around) => {
        const e = _.scrubError(apiError({ ...fields, message: `${around}${secret}${around}`, requestId: secret, details: [{ code: secret, message: secret }] }), [secret])
        expect(JSON.stringify(e)).not.toContain(secret)
      }),
    )
  })
})

describe('isServiceError', () => {
  it('is true for the three error classes only', () => {
    expect(_.isServiceError(api)).toBe(true)
    expect(_.isServiceError(payloadError({ status: 200, statusClass: '2xx', requestId: null, errors: [], problems: [], message: '', headers: {} }))).toBe(true)
    expect(_.isServiceError(transportError({ reason: 'network', message: 'x', cause: null }))).toBe(true)
    expect(_.isServiceError(new Error('x'))).toBe(false)
    expect(_.isServiceError({ ...api.toJSON() })).toBe(false)
    expect(_.isServiceError(null)).toBe(false)
  })
})
