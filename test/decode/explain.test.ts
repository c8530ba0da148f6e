import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { decode } from '../../src/decode/decode.js'
import * as _ from '../../src/decode/explain.js'
import type { RawResponse } from '../../src/response/model.js'

const FIELDS = [
  'ok',
  'status',
  'statusClass',
  'code',
  'service',
  'message',
  'requestId',
  'category',
  'retry',
  'known',
  'catalogCode',
  'catalogMessage',
  'docsUrl',
  'documentedStatus',
  'remedy',
  'shape',
  'truncated',
]

describe('explain: the request id of a success', () => {
  const cases: ReadonlyArray<[string, RawResponse, string | null]> = [
    ['a dry run 202 with request_id in its body', { status: 202, headers: { 'content-type': 'application/json' }, body: '{"request_id":"0c4a1b7e9f2d"}' }, '0c4a1b7e9f2d'],
    ['requestId spelled in camel case', { status: 200, body: '{"requestId":"r-77","servers":[]}' }, 'r-77'],
    ['a header wins over the body', { status: 202, headers: { 'X-Request-Id': 'hdr-1' }, body: '{"request_id":"body-1"}' }, 'hdr-1'],
    ['the Swift X-Trans-Id header', { status: 201, headers: { 'X-Trans-Id': 'tx3f2e1d0c9b8a7f6e5d4c3-0065a1b2c3' }, body: '' }, 'tx3f2e1d0c9b8a7f6e5d4c3-0065a1b2c3'],
    ['x-compute-request-id', { status: 200, headers: { 'x-compute-request-id': 'req-c0de' }, body: '{}' }, 'req-c0de'],
    [
      'an OBS XML success with RequestId',
      { status: 200, headers: { 'content-type': 'application/xml' }, body: '<ListBucketResult><Name>b</Name><RequestId>00000191AB</RequestId></ListBucketResult>' },
      '00000191AB',
    ],
    ['a nested request_id names something else', { status: 200, body: '{"jobs":[{"request_id":"job-req"}],"job":{"request_id":"x"}}' }, null],
    ['no request id at all', { status: 204 }, null],
  ]
  it.each(cases)('%s', (_name, raw, expected) => {
    const x = _.explain(raw)
    expect(x.ok).toBe(true)
    expect(x.requestId).toBe(expected)
    expect(Object.keys(x)).toEqual(FIELDS)
  })

  it('a payload mismatch carries the body request id too', () => {
    const r = decode(t.type({ id: t.string }))({ status: 202, body: '{"request_id":"dry-7a"}' })
    expect(E.isLeft(r) && r.left._tag === 'PayloadError' && r.left.requestId).toBe('dry-7a')
  })

  it('a secret never comes back as a request id', () => {
    const token = 'MIIsecretTOKENvalue0123456789'
    const x = _.explain({ status: 202, headers: { 'X-Subject-Token': token }, body: `{"request_id":"${token}"}` })
    expect(JSON.stringify(x)).not.toContain(token)
  })
})

describe('explain: error responses read as a person would', () => {
  const cases: ReadonlyArray<[string, RawResponse, { code: string | null; message: string | null; requestId?: string | null; shape: string }]> = [
    [
      'an HTML page: the paragraph, not the title',
      {
        status: 404,
        headers: { 'content-type': 'text/html', 'x-trans-id': 'tx9e8d7c6b5a4f3e2d1c0b9-0065f0e1d2' },
        body: '<html><head><title>Not Found</title></head><body><h1>Not Found</h1><p>The resource could not be found.</p></body></html>',
      },
      { code: null, message: 'The resource could not be found.', requestId: 'tx9e8d7c6b5a4f3e2d1c0b9-0065f0e1d2', shape: 'html' },
    ],
    [
      'an HTML page pasted with breaks inside tags',
      {
        status: 403,
        headers: { 'content-type': 'text/html' },
        body: '<html><title>403 Forbidden</title><body><h1>403 Forbidden</h1><p\n class="m">Request denied by the IP access control list of the API.</p\n></body></html>',
      },
      { code: null, message: 'Request denied by the IP access control list of the API.', shape: 'html' },
    ],
    ['a key broken by a line break', { status: 400, body: '{"error_code\n":"AS.0001","error_msg":"x"}' }, { code: 'AS.0001', message: 'x', shape: 'broken-json' }],
    ['a corrupted separator', { status: 400, body: '{"error_code"*ABC.0001","error_msg":"Bad thing."}' }, { code: 'ABC.0001', message: 'Bad thing.', shape: 'broken-json' }],
    [
      'members without braces',
      { status: 400, headers: { 'content-type': 'text/plain' }, body: '"error_code": "AS.0001", "error_msg": "x"' },
      { code: 'AS.0001', message: 'x', shape: 'broken-json' },
    ],
    [
      'a sentence under code, a code under message',
      { status: 400, body: '{"code":"Invalid parameter","message":"ECS.0001"}' },
      { code: 'ECS.0001', message: 'Invalid parameter', shape: 'code-message' },
    ],
    ['erno and msg', { status: 400, body: '{"erno":1101,"msg":"Invalid username."}' }, { code: '1101', message: 'Invalid username.', shape: 'code-message' }],
  ]
  it.each(cases)('%s', (_name, raw, expected) => {
    const x = _.explain(raw)
    expect(x).toMatchObject({ ok: false, ...expected })
    expect(Object.keys(x)).toEqual(FIELDS)
  })
})
