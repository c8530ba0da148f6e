import { describe, expect, it } from 'vitest'
import * as _ from '../../src/error/redact.js'

describe('isSecretHeader', () => {
  it.each(['X-Subject-Token', 'x-auth-token', 'Authorization', 'X-Security-Token', 'Cookie', 'Set-Cookie', 'Proxy-Authorization', 'X-Api-Key', 'X-Some-Session-Id'])(
    '%s is secret',
    (name) => expect(_.isSecretHeader(name)).toBe(true),
  )
  it.each(['Content-Type', 'X-Request-Id', 'Retry-After', 'Date'])('%s is not', (name) => expect(_.isSecretHeader(name)).toBe(false))
})

describe('redactText', () => {
  it('replaces header-style pairs whatever the separator and case', () => {
    expect(_.redactText('X-Subject-Token: MIIabc.def')).toBe('X-Subject-Token: [redacted]')
    expect(_.redactText('authorization=Bearer eyJhbGciOi')).toBe('authorization=[redacted]')
    expect(_.redactText('{"X-Auth-Token":"MIIxyz"}')).toBe('{"X-Auth-Token":"[redacted]"}')
  })
  it('replaces every occurrence of a known secret value', () => {
    expect(_.redactText('a tok-123456 b tok-123456', ['tok-123456'])).toBe('a [redacted] b [redacted]')
  })
  it('leaves ordinary text alone', () => {
    expect(_.redactText('The token has expired.')).toBe('The token has expired.')
  })
})

describe('secretValues', () => {
  it('lists secret header values, longest first, ignoring very short ones', () => {
    const headers = new Map([
      ['x-auth-token', 'MIIshort1'],
      ['cookie', 'a=1; session=abcdefghij'],
      ['content-type', 'application/json'],
    ])
    expect(_.secretValues(headers)).toEqual(['a=1; session=abcdefghij', 'session=abcdefghij', 'MIIshort1'])
  })
})
