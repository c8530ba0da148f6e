import * as E from 'fp-ts/lib/Either.js'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import * as _ from '../../src/decode/token.js'

const body = JSON.stringify({
  token: {
    expires_at: '2019-02-13T06:52:13.855000Z',
    issued_at: '2019-02-12T06:52:13.855000Z',
    methods: ['password'],
    catalog: [{ type: 'as', name: 'as', endpoints: [{ region_id: 'eu-de', url: 'https://as.eu-de.otc.t-systems.com', interface: 'public' }] }],
  },
})

describe('decodeToken', () => {
  it('gives the subject token, dates, methods and catalogue', () => {
    const r = _.decodeToken({ status: 201, headers: { 'x-subject-token': 'MIItokenvalue' }, body })
    if (E.isLeft(r)) throw new Error(String(r.left))
    expect(r.right.subjectToken.reveal()).toBe('MIItokenvalue')
    expect(r.right.expiresAt.toISOString()).toBe('2019-02-13T06:52:13.855Z')
    expect(r.right.issuedAt?.toISOString()).toBe('2019-02-12T06:52:13.855Z')
    expect(r.right.methods).toEqual(['password'])
    expect(r.right.catalog[0]?.endpoints[0]?.region_id).toBe('eu-de')
  })
  it('never prints the token', () => {
    const r = _.decodeToken({ status: 201, headers: { 'X-Subject-Token': 'MIItokenvalue' }, body })
    if (E.isLeft(r)) throw new Error(String(r.left))
    for (const text of [JSON.stringify(r.right), inspect(r.right, { depth: 10 }), String(r.right.subjectToken)]) expect(text).not.toContain('MIItokenvalue')
  })
  it('a missing X-Subject-Token is a PayloadError that says so', () => {
    const r = _.decodeToken({ status: 201, body })
    expect(E.isLeft(r) && r.left._tag === 'PayloadError' && r.left.problems).toEqual(['headers: no X-Subject-Token header (the token call returns the token there)'])
  })
  it('a bad expires_at is a PayloadError naming the field', () => {
    const r = _.decodeToken({ status: 201, headers: { 'x-subject-token': 'MIItokenvalue' }, body: '{"token":{"expires_at":"soon","methods":[]}}' })
    expect(E.isLeft(r) && r.left._tag === 'PayloadError' && r.left.problems).toEqual(['token.expires_at: expected DateFromISOString, got "soon"'])
  })
  it('an error status is an ApiError asking for credentials', () => {
    const r = _.decodeToken({ status: 401, body: '{"error":{"code":401,"title":"Unauthorized","message":"The username or password is wrong."}}' })
    expect(E.isLeft(r) && r.left._tag === 'ApiError' && [r.left.category, r.left.message]).toEqual(['auth', 'The username or password is wrong.'])
  })
})
