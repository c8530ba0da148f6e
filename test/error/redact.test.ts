import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
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

describe('isSecretName', () => {
  it.each([
    'OS_PASSWORD',
    'db_password',
    'X-Amz-Security-Token',
    'HW_SECRET_KEY',
    'token',
    'pwd',
    'adminPass',
    'AccessKeyId',
    'access_key_id',
    'X-Amz-Signature',
    'X-Amz-Credential',
    'JSESSIONID',
    'basic_auth',
    'sig',
    'sk',
    'api-key',
    'private_key',
    'passphrase',
  ])('%s is secret', (name) => expect(_.isSecretName(name)).toBe(true))
  it.each([
    'error_code',
    'error_msg',
    'message',
    'request_id',
    'X-Request-Id',
    'keystone_url',
    'auth_url',
    'author',
    'disk',
    'Location',
    'Expires',
    'sort_key',
    'public_key',
    'token_type',
    'encoded_authorization_message',
    'password_policy',
    'token_expires_at',
    'session_timeout',
    'Access-Control-Allow-Credentials',
  ])('%s is not', (name) => expect(_.isSecretName(name)).toBe(false))
  it('is what isSecretHeader says', () => {
    for (const name of ['X-Subject-Token', 'Content-Type', 'OS_PASSWORD', 'X-Request-Id']) expect(_.isSecretHeader(name)).toBe(_.isSecretName(name))
  })
})

describe('redactText: values read to their real end', () => {
  it.each([
    ['a prefixed name', 'OS_PASSWORD=Abc.20240101 next', 'OS_PASSWORD=[redacted] next'],
    ['an escaped quote in a JSON value', '{"password":"ab\\"cd","user":"ann"}', '{"password":"[redacted]","user":"ann"}'],
    ['an escaped quote in escaped JSON', '{\\"password\\":\\"ab\\\\\\"cd\\",\\"user\\":\\"ann\\"}', '{\\"password\\":\\"[redacted]\\",\\"user\\":\\"ann\\"}'],
    ['a quote inside a bare value', 'password=ab"cd user=ann', 'password=[redacted] user=ann'],
    ['the end of an enclosing string', '{"msg":"bad password=hunter2","code":"AS.0001"}', '{"msg":"bad password=[redacted]","code":"AS.0001"}'],
    ['a JSON escape after a bare value', '"msg":"password=hunter2\\nnext line"', '"msg":"password=[redacted]\\nnext line"'],
    ['every cookie pair', 'Cookie: a=1; session=xyz; other=abc status=401', 'Cookie: [redacted] status=401'],
    ['Authorization: OBS', 'Authorization: OBS AK:SIG= status=403', 'Authorization: [redacted] status=403'],
    ['Authorization: Digest', 'Authorization: Digest username="a", response="r0", opaque="o" end', 'Authorization: [redacted] end'],
    ['Authorization: SDK-HMAC', 'Authorization: SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=S end', 'Authorization: [redacted] end'],
    ['an Authorization value without a scheme', 'Authorization: MIIabc was refused', 'Authorization: [redacted] was refused'],
    ['a URL-encoded pair', 'a=1%26password%3Dp%40ss%26b%3D2', 'a=1%26password%3D[redacted]%26b%3D2'],
    ['URL-encoded JSON', '%22token%22%3A%22abc%22', '%22token%22%3A%22[redacted]%22'],
    ['an XML element', '<Code>AS.0001</Code><SignatureProvided>c2ln</SignatureProvided>', '<Code>AS.0001</Code><SignatureProvided>[redacted]</SignatureProvided>'],
    ['a credential object', '{"credential":{"access":"AK","secret":"SK"},"code":"IAM.0001"}', '{"credential":[redacted],"code":"IAM.0001"}'],
    ['a PEM block', 'k -----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY----- x', 'k -----BEGIN EC PRIVATE KEY-----[redacted]-----END EC PRIVATE KEY----- x'],
    ['a PEM block cut short', '{"key":"-----BEGIN PRIVATE KEY-----\\nMIIEvQ', '{"key":"[redacted]'],
    ['a bare PKI token', `token ${'MII' + 'A'.repeat(70)} end`, 'token [redacted] end'],
    ['a PKI token cut short at the end', `… ${'MII' + 'B'.repeat(30)}`, '… [redacted]'],
    ['a bare JWT', 'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln done', 'jwt [redacted] done'],
    ['JSON literals are no secrets', '{"password":null,"token":true,"pwd":"x"}', '{"password":null,"token":true,"pwd":"[redacted]"}'],
    ['keys that order data are no secrets', 'GET /v2/images?sort_key=name&sort_dir=asc&api_key=k1', 'GET /v2/images?sort_key=name&sort_dir=asc&api_key=[redacted]'],
  ])('%s', (_name, text, expected) => expect(_.redactText(text)).toBe(expected))

  it('is idempotent', () => {
    for (const text of ['X-Auth-Token: abc', 'Authorization: Bearer abc', 'Cookie: a=1; b=2', '{"token":"x"}', '<password>x</password>']) {
      const once = _.redactText(text)
      expect(_.redactText(once)).toBe(once)
    }
  })
})

describe('redactHeaders', () => {
  it('redacts pairs inside values of headers that are not secret by name', () => {
    const headers = new Map([
      ['location', 'https://obs/b/k?AccessKeyId=AK&Expires=1&Signature=S%3D'],
      ['x-echo', 'password=hunter2 user=ann'],
      ['x-auth-token', 'MIIabc'],
      ['content-type', 'application/json; charset=UTF-8'],
    ])
    expect(_.redactHeaders(headers)).toEqual({
      location: 'https://obs/b/k?AccessKeyId=[redacted]&Expires=1&Signature=[redacted]',
      'x-echo': 'password=[redacted] user=ann',
      'x-auth-token': '[redacted]',
      'content-type': 'application/json; charset=UTF-8',
    })
  })
})

describe('redactValue', () => {
  it('copies once, redacts secret keys and secrets in strings, keeps the rest', () => {
    const shared = { token: 't', n: 1 }
    const value = { a: shared, b: shared, list: ['sk=abc', 2, null], __proto__: 'x' } as Record<string, unknown>
    const copy = _.redactValue(value) as Record<string, unknown>
    expect(copy).toEqual({ a: { token: '[redacted]', n: 1 }, b: { token: '[redacted]', n: 1 }, list: ['sk=[redacted]', 2, null] })
    expect(copy['a']).toBe(copy['b'])
    expect(shared.token).toBe('t')
  })
  it('handles any depth without recursion', () => {
    let deep: unknown = { password: 'x' }
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(() => _.redactValue(deep)).not.toThrow()
  })
})

describe('secretSpans', () => {
  // What redaction leaves, rebuilt from the spans alone.
  const replaced = (text: string): string => {
    let out = ''
    let last = 0
    for (const { from, to } of _.secretSpans(text)) {
      out += `${text.slice(last, from)}${_.REDACTED}`
      last = to
    }
    return out + text.slice(last)
  }
  // Pieces that make every pass of the redaction fire, alone and on each other's output.
  const piece = fc.constantFrom(
    'password=hunter2',
    '"token": "abc def"',
    'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln',
    'Cookie: a=1; sid=xyz',
    `x=MII${'A'.repeat(70)}`,
    `-----BEGIN PRIVATE KEY-----\nMIIEvQ==\n-----END PRIVATE KEY-----`,
    '-----BEGIN RSA KEY-----',
    `"auth":"gAAAAA${'b'.repeat(70)}"`,
    'sk=AS.0001',
    'AS.0001',
    ' ',
    '"',
    '\\"',
    '=',
    ':',
    '{"credential": {"access": "k", "secret": "s"}}',
    'ok',
    `token=MII${'C'.repeat(70)}`,
    `password="${`MII${'D'.repeat(70)}`} tail"`,
  )
  it('are what redactText replaces, on the output of each pass', () => {
    for (const text of [
      'password=hunter2 AS.0001',
      `x MII${'A'.repeat(70)} password="p w" sk=1`,
      `token=MII${'C'.repeat(70)} "auth":"gAAAAA${'b'.repeat(70)}"`,
      '-----BEGIN RSA KEY-----\nabc\n-----END RSA KEY----- sk=a',
      'ok',
    ]) {
      expect(replaced(text)).toBe(_.redactText(text))
    }
  })
  it('leave visible only what redactText leaves visible, in order', () => {
    // A later pass can end inside an earlier one's placeholder; the span then covers all of it.
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.string({ maxLength: 8 }), (pieces, glue) => {
        const text = pieces.join(glue)
        const shown = _.redactText(text)
        let last = 0
        let at = 0
        for (const { from, to } of [..._.secretSpans(text), { from: text.length, to: text.length }]) {
          const visible = text.slice(last, from)
          const found = shown.indexOf(visible, at)
          expect(found, `${JSON.stringify(visible)} in ${JSON.stringify(shown)}`).toBeGreaterThanOrEqual(0)
          at = found + visible.length
          last = to
        }
      }),
      { numRuns: 500 },
    )
  })
  it('tell whether a piece of text stays visible', () => {
    const text = 'password=AS.0001 AS.0002 token=MII'
    const spans = _.secretSpans(text)
    expect(_.overlapsSpan(spans, text.indexOf('AS.0001'), text.indexOf('AS.0001') + 7)).toBe(true)
    expect(_.overlapsSpan(spans, text.indexOf('AS.0002'), text.indexOf('AS.0002') + 7)).toBe(false)
    // An empty span (a placeholder between two characters) hides only what it splits.
    expect([_.overlapsSpan([{ from: 4, to: 4 }], 0, 4), _.overlapsSpan([{ from: 4, to: 4 }], 3, 5), _.overlapsSpan([{ from: 4, to: 4 }], 4, 6)]).toEqual([false, true, false])
  })
})

describe('redactRepeated', () => {
  // Texts as error messages carry them: plain prose, codes, and secrets in the forms redactText knows.
  const text = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('AS.0001', 'The request message format is invalid.', 'Error: token expired', 'password=hunter2', 'Authorization: Bearer abc.def'),
    fc.tuple(fc.constantFrom('token=', 'X-Auth-Token: ', 'access_key: ', 'MII'), fc.stringMatching(/^[A-Za-z0-9]{4,70}$/)).map(([a, b]) => a + b),
    fc.string({ minLength: 470, maxLength: 520 }),
  )
  it('gives what redactText gives, the first time and every time after', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), (texts) => {
        for (const t of [...texts, ...texts]) expect(_.redactRepeated(t)).toBe(_.redactText(t))
      }),
      { numRuns: 300 },
    )
  })
  it('keeps redacting a secret it has seen before', () => {
    for (let i = 0; i < 3; i++) expect(_.redactRepeated('password=hunter2')).toBe('password=[redacted]')
  })
  it('stays right past its bound (a full memo starts over)', () => {
    for (let i = 0; i < 2100; i++) expect(_.redactRepeated(`message ${i}`)).toBe(`message ${i}`)
    expect(_.redactRepeated('token=abcdef123')).toBe(_.redactText('token=abcdef123'))
  })
})
