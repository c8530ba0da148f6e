import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readBody } from '../../src/response/body.js'
import { normalizeHeaders } from '../../src/response/headers.js'
import { expectLinear } from '../support/linear.js'
import type { Body } from '../../src/response/model.js'
import * as _ from '../../src/shapes/extract.js'
import { anyValue } from '../arbitraries.js'

const json = (text: string): Body => {
  try {
    return { _tag: 'Json', value: JSON.parse(text) as unknown, text }
  } catch {
    return { _tag: 'BrokenJson', text }
  }
}
const d = (code: string | null, message: string | null) => ({ code, message })

// Every body printed on the seed pages and in the published references ("Against the seeds").
const table: ReadonlyArray<[string, string, number, { shape: string; code: string | null; message: string | null; requestId: string | null }]> = [
  [
    'AS seed (broken JSON)',
    '{\n    "error_msg": The request message format is invalid.",\n    "error_code": "AS.0001"\n}',
    400,
    { shape: 'broken-json', code: 'AS.0001', message: 'The request message format is invalid.', requestId: null },
  ],
  [
    'LTS/ModelArts/VPN seeds',
    '{\n    "error_msg": "The format of message is error",\n    "error_code": "AS.0001"\n}',
    400,
    { shape: 'error_code', code: 'AS.0001', message: 'The format of message is error', requestId: null },
  ],
  [
    'SFS seed',
    '{\n    "error_msg": "The request message format is invalid.",\n    "error_code": "IMG.0001"\n}',
    400,
    { shape: 'error_code', code: 'IMG.0001', message: 'The request message format is invalid.', requestId: null },
  ],
  [
    'AS reference',
    '{"error": {"code": "AS.2007", "message": "The AS group does not exist."}}',
    404,
    { shape: 'error.code', code: 'AS.2007', message: 'The AS group does not exist.', requestId: null },
  ],
  [
    'IMS reference',
    '{"error": {"message": "The image does not exist.", "code": "IMG.0027"}}',
    404,
    { shape: 'error.code', code: 'IMG.0027', message: 'The image does not exist.', requestId: null },
  ],
  ['VPN/VPC', '{"code": "VPN.0001", "message": "Invalid request."}', 400, { shape: 'code-message', code: 'VPN.0001', message: 'Invalid request.', requestId: null }],
  ['TMS', '{"error_code": "TMS.0002", "error_msg": "Bad request"}', 400, { shape: 'error_code', code: 'TMS.0002', message: 'Bad request', requestId: null }],
  ['CCE', '{"errorMessage": "Bad request", "errorCode": "CCE.01400001"}', 400, { shape: 'errorCode', code: 'CCE.01400001', message: 'Bad request', requestId: null }],
  ['CCE errorMsg', '{"errorCode": "CCE.01400001", "errorMsg": "Bad request"}', 400, { shape: 'errorCode', code: 'CCE.01400001', message: 'Bad request', requestId: null }],
  [
    'Cloud Eye',
    '{"http_code": 400, "message": {"details": "Some content in message body is incorrect.", "code": "ces.0014"}}',
    400,
    { shape: 'cloud-eye', code: 'ces.0014', message: 'Some content in message body is incorrect.', requestId: null },
  ],
  [
    'APIG',
    '{"error_code": "APIGW.0308", "error_msg": "The throttling threshold has been reached.", "request_id": "d4e5f6"}',
    429,
    { shape: 'error_code', code: 'APIGW.0308', message: 'The throttling threshold has been reached.', requestId: 'd4e5f6' },
  ],
  [
    'wrapped OTC',
    '{"error": {"error_code": "DMS.00400001", "error_msg": "Invalid parameter."}, "request_id": "r1"}',
    400,
    { shape: 'error.error_code', code: 'DMS.00400001', message: 'Invalid parameter.', requestId: 'r1' },
  ],
  [
    'error_message',
    '{"error_code": "KMS.0001", "error_message": "The key does not exist."}',
    404,
    { shape: 'error_code', code: 'KMS.0001', message: 'The key does not exist.', requestId: null },
  ],
  [
    'Nova wrapper',
    '{"itemNotFound": {"message": "Instance could not be found.", "code": 404}}',
    404,
    { shape: 'openstack-wrapper', code: null, message: 'Instance could not be found.', requestId: null },
  ],
  [
    'Nova badRequest',
    '{"badRequest": {"message": "Invalid flavorRef provided.", "code": 400}}',
    400,
    { shape: 'openstack-wrapper', code: null, message: 'Invalid flavorRef provided.', requestId: null },
  ],
  [
    'Cinder overLimit',
    '{"overLimit": {"message": "VolumeLimitExceeded", "code": 413, "retryAfter": "0"}}',
    413,
    { shape: 'openstack-wrapper', code: null, message: 'VolumeLimitExceeded', requestId: null },
  ],
  [
    'Neutron',
    '{"NeutronError": {"type": "SubnetNotFound", "message": "Subnet 7b could not be found.", "detail": ""}}',
    404,
    { shape: 'neutron', code: 'SubnetNotFound', message: 'Subnet 7b could not be found.', requestId: null },
  ],
  [
    'Keystone 401',
    '{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}',
    401,
    { shape: 'keystone', code: null, message: 'The request you have made requires authentication.', requestId: null },
  ],
  [
    'Keystone 401, code as text',
    '{"error": {"code": "401", "title": "Unauthorized", "message": "The token expires."}}',
    401,
    { shape: 'error.code', code: null, message: 'The token expires.', requestId: null },
  ],
  ['retCode / retMsg', '{"retCode": "CES.0014", "retMsg": "Bad request"}', 400, { shape: 'code-message', code: 'CES.0014', message: 'Bad request', requestId: null }],
  [
    'resultCode beside a statusCode',
    '{"statusCode": 400, "resultCode": "SMN.0001", "resultMessage": "Invalid topic."}',
    400,
    { shape: 'code-message', code: 'SMN.0001', message: 'Invalid topic.', requestId: null },
  ],
  [
    'IAM numeric code',
    '{"error": {"code": 1101, "title": "Bad Request", "message": "Invalid username."}}',
    400,
    { shape: 'keystone', code: '1101', message: 'Invalid username.', requestId: null },
  ],
  ['message alone', '{"message": "Internal Server Error"}', 500, { shape: 'message-only', code: null, message: 'Internal Server Error', requestId: null }],
  [
    'encoded authorization',
    '{"error_code": "IAM.0002", "error_msg": "Not authorized.", "encoded_authorization_message": "a1b2"}',
    403,
    { shape: 'encoded-authorization', code: 'IAM.0002', message: 'Not authorized.', requestId: null },
  ],
  [
    'problem+json',
    '{"type": "https://x/errors/quota", "title": "Quota exceeded", "status": 403, "detail": "Only 10 VPCs allowed."}',
    403,
    { shape: 'problem-details', code: null, message: 'Only 10 VPCs allowed.', requestId: null },
  ],
  [
    'codes beside trace ids',
    '{"errCode": "DBS.200019", "error_ext_msg": "Operation in progress.", "trace_id": "abc", "requestId": "r2"}',
    409,
    { shape: 'code-message', code: 'DBS.200019', message: 'Operation in progress.', requestId: 'r2' },
  ],
  [
    'nested deeper',
    '{"data": {"result": {"error_code": "FSS.1051", "error_msg": "Function not found."}}}',
    404,
    { shape: 'generic', code: 'FSS.1051', message: 'Function not found.', requestId: null },
  ],
  ['OAuth style', '{"error": "invalid_grant", "error_description": "Bad credentials."}', 400, { shape: 'message-only', code: null, message: 'Bad credentials.', requestId: null }],
  ['truncated', '{"error_code": "AS.0001", "error_msg": "The request mess', 400, { shape: 'broken-json', code: 'AS.0001', message: 'The request mess', requestId: null }],
  ['single quotes', "{'error_code': 'AS.0001', 'error_msg': 'Invalid.'}", 400, { shape: 'broken-json', code: 'AS.0001', message: 'Invalid.', requestId: null }],
  [
    'escaped quote inside',
    '{"error_msg": "Name \\"x\\" is taken", "error_code": "VPC.0107", }',
    409,
    { shape: 'broken-json', code: 'VPC.0107', message: 'Name "x" is taken', requestId: null },
  ],
  ['a JSON string', '"Forbidden"', 403, { shape: 'text', code: null, message: 'Forbidden', requestId: null }],
  ['nothing readable', '{"foo": 1}', 500, { shape: 'none', code: null, message: null, requestId: null }],
]

describe('extractError on JSON bodies', () => {
  it.each(table)('%s', (_name, text, status, expected) => {
    expect(_.extractError(json(text), status)).toMatchObject(expected)
  })
  it('keeps every error of a list, the first as the error', () => {
    const r = _.extractError(json('{"errors": [{"code": "A.1", "message": "one"}, {"code": "A.2", "message": "two"}, "three"]}'), 400)
    expect(r).toEqual({ shape: 'errors-list', code: 'A.1', message: 'one', requestId: null, details: [d('A.1', 'one'), d('A.2', 'two'), d(null, 'three')] })
    expect(_.extractError(json('[{"error_code": "X.1", "error_msg": "a"}]'), 400)).toMatchObject({ shape: 'errors-list', code: 'X.1', message: 'a' })
  })
})

describe('extractError on other bodies', () => {
  it('OBS XML', () => {
    const elements = new Map([
      ['Code', 'NoSuchBucket'],
      ['Message', 'The specified bucket does not exist'],
      ['RequestId', '0001'],
      ['HostId', 'h'],
    ])
    expect(_.extractError({ _tag: 'Xml', root: 'Error', elements, text: '' }, 404)).toEqual({
      shape: 'obs-xml',
      code: 'NoSuchBucket',
      message: 'The specified bucket does not exist',
      requestId: '0001',
      details: [d('NoSuchBucket', 'The specified bucket does not exist')],
    })
  })
  it('HTML gives the title', () => {
    expect(_.extractError({ _tag: 'Html', title: '502 Bad Gateway', text: '<html>…</html>' }, 502)).toMatchObject({ shape: 'html', code: null, message: '502 Bad Gateway' })
  })
  it('text gives the first line, and a code when one is printed', () => {
    expect(_.extractError({ _tag: 'Text', text: '\nAPIGW.0301: Incorrect IAM authentication information\nmore' }, 401)).toMatchObject({
      shape: 'text',
      code: 'APIGW.0301',
      message: 'APIGW.0301: Incorrect IAM authentication information',
    })
    expect(_.extractError({ _tag: 'Text', text: 'upstream v1.2.300 at 10.0.0.1 failed' }, 502)).toMatchObject({ code: null })
  })
  it('empty', () => {
    expect(_.extractError({ _tag: 'Empty' }, 503)).toEqual({ shape: 'empty', code: null, message: null, requestId: null, details: [] })
  })
})

// Each class of input read end to end (readBody, then extractError), from bodies written for these tests.
const asRead: ReadonlyArray<[string, string | undefined, string, number, { shape: string; code: string | null; message: string | null; requestId?: string | null }]> = [
  // HTML: the sentence that explains, not the title
  [
    'HTML: the paragraph',
    'text/html',
    '<html><head><title>Error</title></head><body><h1>Error</h1><p>The VPC quota of the project is used up.</p></body></html>',
    403,
    { shape: 'html', code: null, message: 'The VPC quota of the project is used up.' },
  ],
  [
    'HTML: a list item, tags broken over lines',
    undefined,
    '<html><head><title\n>403 Forbidden</title\n></head><body><h1>403 Forbidden</h1><ul\n><li\n class="e">The signature does not match the request.</li\n></ul></body></html>',
    403,
    { shape: 'html', code: null, message: 'The signature does not match the request.' },
  ],
  [
    'HTML: a table cell, a code and a request id',
    'text/html',
    '<html><title>Forbidden</title><table><tr><th>Error</th><td>Access denied by APIGW.0306: the IP address is blacklisted.</td></tr><tr><th>Request ID</th><td>b41f-0c2a-77de</td></tr></table></html>',
    403,
    { shape: 'html', code: 'APIGW.0306', message: 'Access denied by APIGW.0306: the IP address is blacklisted.', requestId: 'b41f-0c2a-77de' },
  ],
  [
    'HTML: a generic title when nothing says more',
    'text/html',
    '<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center><hr><center>nginx</center></body></html>',
    504,
    { shape: 'html', code: null, message: '504 Gateway Time-out' },
  ],
  // broken JSON as a terminal or a copy made it
  ['broken: a line break inside a key', 'application/json', '{"error_code\n":"AS.0001","error_msg":"x"}', 400, { shape: 'broken-json', code: 'AS.0001', message: 'x' }],
  ['broken: a corrupted separator', undefined, '{"error_code"*ABC.0001","error_msg":"Invalid group."}', 400, { shape: 'broken-json', code: 'ABC.0001', message: 'Invalid group.' }],
  ['broken: members without braces', 'text/plain', '"error_code": "AS.0001", "error_msg": "x"', 400, { shape: 'broken-json', code: 'AS.0001', message: 'x' }],
  [
    'broken: bare members in a text body',
    'text/plain',
    'error_code: VPC.0101, error_msg: Invalid VPC ID, request_id: 2b7c',
    400,
    { shape: 'broken-json', code: 'VPC.0101', message: 'Invalid VPC ID', requestId: '2b7c' },
  ],
  [
    'broken: nothing keyed, a code in the line',
    'application/json',
    'upstream said APIGW.0101 and closed',
    502,
    { shape: 'broken-json', code: 'APIGW.0101', message: 'upstream said APIGW.0101 and closed' },
  ],
  [
    'text: prose with a colon is still text',
    'text/plain',
    'Error: upstream connect error or disconnect/reset before headers',
    503,
    { shape: 'text', code: null, message: 'Error: upstream connect error or disconnect/reset before headers' },
  ],
  // unusual keys, swapped code and message
  ['keys: erno and msg', undefined, '{"erno": 1101, "msg": "Invalid username."}', 400, { shape: 'code-message', code: '1101', message: 'Invalid username.' }],
  ['keys: errno and errmsg', undefined, '{"errno": "KMS.0203", "errmsg": "Key disabled."}', 409, { shape: 'code-message', code: 'KMS.0203', message: 'Key disabled.' }],
  [
    'keys: code holds a sentence, message a code',
    undefined,
    '{"code": "Invalid parameter", "message": "ECS.0001"}',
    400,
    { shape: 'code-message', code: 'ECS.0001', message: 'Invalid parameter' },
  ],
  [
    'keys: wrapped, code holds a sentence',
    undefined,
    '{"error": {"code": "Resource not found", "message": "IMG.0027"}}',
    404,
    { shape: 'error.code', code: 'IMG.0027', message: 'Resource not found' },
  ],
  [
    'keys: a sentence under code and no code anywhere',
    undefined,
    '{"code": "Invalid parameter", "message": "The name is too long."}',
    400,
    { shape: 'message-only', code: null, message: 'The name is too long.' },
  ],
  [
    'XML: read with the same keys',
    'application/xml',
    '<Error><ErrorCode>Quota exceeded</ErrorCode><Message>OBS.0413</Message><RequestId>0000019</RequestId></Error>',
    403,
    { shape: 'obs-xml', code: 'OBS.0413', message: 'Quota exceeded', requestId: '0000019' },
  ],
]

describe('extractError on each class of input, as read', () => {
  it.each(asRead)('%s', (_name, type, text, status, expected) => {
    const body = readBody(normalizeHeaders(type === undefined ? {} : { 'Content-Type': type }), text)
    expect(_.extractError(body, status)).toMatchObject(expected)
  })
})

describe('extractError properties', () => {
  it('never throws on any JSON value and is deterministic', () => {
    fc.assert(
      fc.property(anyValue, fc.integer({ min: 100, max: 599 }), (value, status) => {
        const body: Body = { _tag: 'Json', value, text: '' }
        expect(_.extractError(body, status)).toEqual(_.extractError(body, status))
      }),
      { numRuns: 1000 },
    )
  })
  it('never throws on any text, read as broken JSON or text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        _.extractError({ _tag: 'BrokenJson', text }, 400)
        _.extractError({ _tag: 'Text', text }, 400)
      }),
      { numRuns: 1000 },
    )
  })
  it('__proto__ and constructor keys are data, never prototype changes', () => {
    for (const text of ['{"__proto__": {"error_code": "X.1"}}', '{"constructor": {"prototype": {"code": "X.2"}}}', '{"error": {"__proto__": {"polluted": 1}, "code": "X.3"}}']) {
      _.extractError(json(text), 400)
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(_.extractError(json('{"message": "m"}'), 400).code).toBeNull()
  })
  it('the broken-JSON scanner is linear on hostile input', () => {
    const hostile: ReadonlyArray<readonly [string, (n: number) => string, number]> = [
      ['open keys', (n) => '{"error_code":"'.repeat(n), 43_750],
      ['quotes', (n) => '"'.repeat(n), 625_000],
      ['spaces', (n) => `{"error_msg": ${' '.repeat(n)}x`, 125_000],
      ['a long bare value', (n) => `{"error_code": ${'A'.repeat(n)}`, 625_000],
    ]
    for (const [label, make, n] of hostile) expectLinear(label, make, (text) => _.extractError({ _tag: 'BrokenJson', text }, 400), n)
  })
})

// A code of the body's own beside an `error` object (bodies written for this test, in the shape
// of CCE's Kubernetes Status, whose add-on manager nests its own error): the top level speaks for
// the service, the nested error is kept as its cause.
describe('a code of its own beside a nested error', () => {
  const json = (value: unknown): Body => readBody(normalizeHeaders({ 'content-type': 'application/json' }), JSON.stringify(value))

  it('takes the top-level code and keeps the nested one as a detail', () => {
    const body = json({
      kind: 'Status',
      status: 'Failure',
      code: 400,
      errorCode: 'CCE.01400010',
      errorMessage: 'Bad request.',
      error: { code: 'SVCSTG.ADDON.4000001', message: 'values missing' },
    })
    const e = _.extractError(body, 400)
    expect([e.shape, e.code, e.message]).toEqual(['error.code', 'CCE.01400010', 'Bad request.'])
    expect(e.details).toEqual([
      { code: 'CCE.01400010', message: 'Bad request.' },
      { code: 'SVCSTG.ADDON.4000001', message: 'values missing' },
    ])
  })

  it('reads the nested error alone when the top level has no code of its own (a status repeat is none)', () => {
    const e = _.extractError(json({ code: 400, error: { code: 'AS.0001', message: 'Invalid.' } }), 400)
    expect([e.code, e.message, e.details]).toEqual(['AS.0001', 'Invalid.', [{ code: 'AS.0001', message: 'Invalid.' }]])
  })
})
