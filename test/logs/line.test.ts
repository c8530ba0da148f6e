import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { expectLinear } from '../support/linear.js'
import * as _ from '../../src/logs/line.js'

const codes = (line: string): ReadonlyArray<string> => _.classifyLine(line).map((f) => f.code)

describe('classifyLine: real formats', () => {
  it.each<[string, string, ReadonlyArray<Partial<_.Finding>>]>([
    [
      'plain text',
      '2024-05-01 12:30:05,123 ERROR [main] scaling failed: AS.0001 (HTTP 400) after 3 tries, agent v1.2.300 on 10.0.0.1',
      [{ code: 'AS.0001', service: 'AS', status: 400, category: 'validation', retryable: false, known: true }],
    ],
    [
      'JSON log with an escaped body',
      '{"level":"error","ts":"2024-05-01T12:30:05.123Z","msg":"request failed","status":429,"body":"{\\"error_code\\":\\"APIGW.0308\\",\\"error_msg\\":\\"The throttling threshold has been reached.\\",\\"request_id\\":\\"77aa0f3c\\"}"}',
      [{ code: 'APIGW.0308', service: 'APIG', status: 429, category: 'throttled', retryable: true, strategy: 'backoff', known: true, requestId: '77aa0f3c' }],
    ],
    [
      'logfmt',
      'time=2024-05-01T12:30:05Z level=error msg="call failed" status=503 error_code=FOO.0001 request_id=5a3f1f0c9e2b host=as.eu-de.otc.t-systems.com',
      [{ code: 'FOO.0001', service: 'FOO', status: 503, category: 'unavailable', retryable: true, strategy: 'backoff', known: false, requestId: '5a3f1f0c9e2b' }],
    ],
    [
      'Terraform [DEBUG] response',
      '2024-05-01T12:30:05.123Z [DEBUG] provider.terraform-provider-opentelekomcloud_v1.36.5: HTTP/1.1 404 Not Found {"error":{"code":"IMG.0027","message":"The image ID in the request does not exist."}}',
      [{ code: 'IMG.0027', service: 'IMG', status: 404, known: true }],
    ],
    ['Terraform pretty-printed body line', '    "code": "AS.0001",', [{ code: 'AS.0001', service: 'AS', known: true }]],
    [
      'Go SDK error',
      'Error: error creating AS group: Bad request with: [POST https://as.eu-de.otc.t-systems.com/autoscaling-api/v1/5b7e/scaling_group], error message: {"error":{"code":"AS.2007","message":"The AS group does not exist."}}',
      [{ code: 'AS.2007', service: 'AS', known: true }],
    ],
    [
      'Java SDK exception',
      'com.huaweicloud.sdk.core.exception.ClientRequestException: {"httpStatusCode":403,"errorMsg":"Forbidden.","errorCode":"CCE.01403001","requestId":"1f2e3d4c"}',
      [{ code: 'CCE.01403001', service: 'CCE', status: 403, known: true, requestId: '1f2e3d4c' }],
    ],
    [
      'Python SDK exception',
      'openstack.exceptions.HttpException: 429: Client Error for url: https://iam.eu-de.otc.t-systems.com/v3/auth/tokens, Too Many Requests: APIGW.0308',
      [{ code: 'APIGW.0308', status: 429, category: 'throttled', retryable: true }],
    ],
    [
      'OBS XML body',
      'HTTP/1.1 404 Not Found <Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist.</Message><RequestId>0000016A2B3C4D5E</RequestId></Error>',
      [{ code: 'NoSuchBucket', status: 404, known: true, requestId: '0000016A2B3C4D5E' }],
    ],
    ['IAM bare code', '{"error": {"code": "1101", "message": "Invalid username."}} status_code=400', [{ code: '1101', status: 400, known: true }]],
    [
      'lower-case and two-part prefixes',
      'ces.0014 then SFS.TURBO.0001 then DBS.200019',
      [
        { code: 'ces.0014', service: 'ces', known: true },
        { code: 'SFS.TURBO.0001', service: 'SFS.TURBO', known: true },
        { code: 'DBS.200019', service: 'DBS', known: true },
      ],
    ],
  ])('%s', (_name, line, expected) => {
    const findings = _.classifyLine(line)
    expect(findings).toHaveLength(expected.length)
    expected.forEach((e, i) => expect(findings[i]).toMatchObject(e))
  })
})

describe('classifyLine: classification', () => {
  it('an unknown code without a status is unknown and not retryable', () => {
    expect(_.classifyLine('saw FOO.0001 twice')).toEqual([{ code: 'FOO.0001', service: 'FOO', category: 'unknown', retryable: false, strategy: 'never', known: false }])
  })
  it('an unknown code takes category and retry from the status', () => {
    expect(_.classifyLine('statusCode: 401 FOO.0002')[0]).toMatchObject({ category: 'auth', retryable: true, strategy: 'reauth', status: 401 })
  })
  it('the observed status outranks the catalogue (AS.0001 is documented as a 500)', () => {
    expect(_.classifyLine('status=400 AS.0001')[0]).toMatchObject({ category: 'validation', retryable: false })
  })
  it('keeps the spelling the log printed, and the catalogue spelling of the service', () => {
    expect(_.classifyLine('apigw.0308 HTTP/2 429')[0]).toMatchObject({ code: 'apigw.0308', service: 'APIG', known: true })
  })
  it('counts a code once per line, in the order codes appear', () => {
    expect(codes('AS.0001: {"error_code":"AS.0001"} then IMG.0027 and AS.0001')).toEqual(['AS.0001', 'IMG.0027'])
  })
})

describe('classifyLine: no false positives', () => {
  it.each([
    'v1.2.300',
    '10.0.0.1',
    '12:30:05.123',
    '2024-05-01T12:30:05.123456Z',
    'app.js.map',
    'as.eu-de.otc.t-systems.com',
    'GET /v3/auth/tokens HTTP/1.1 200 5123 from 10.44.0.17:51234 (curl/7.88.1)',
    'server.log.1 app.log.20240501 report.2024.pdf libssl.so.1.1 index.d.ts',
    '{"code":200,"status":200,"version":"v2.3.4000"}',
    'exit code 0; statusCode=200; decoded 1234 bytes; mode 0644',
    '{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}',
    'uptime=893052425.115644s mem=16511.418MB go1.21.4',
    '"code": "Success" code=OK "code":"ECONNRESET"',
    '{"code":"SUCCESS","data":{}} {"code":"FAILED"} {"error_code":"EAI_AGAIN"} {"code":"ERR_SOCKET_TIMEOUT"} {"code":"UND_ERR_CONNECT_TIMEOUT"}',
  ])('%s', (line) => expect(_.classifyLine(line)).toEqual([]))
})

// Registries print upper-case names as codes (the OCI distribution errors SWR returns).
describe('upper-case names under a code key', () => {
  it.each<[string, ReadonlyArray<string>]>([
    ['Error response from daemon: unauthorized: {"errors":[{"code":"DENIED","message":"you do not have the permission","detail":""}]}', ['DENIED']],
    [
      '[401][{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"},{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}]',
      ['UNAUTHORIZED', 'MANIFEST_UNKNOWN'],
    ],
    ['msg="{\\"code\\":\\"NAME_UNKNOWN\\"}"', ['NAME_UNKNOWN']],
  ])('%s', (line, codes) => expect(_.classifyLine(line).map((f) => f.code)).toEqual(codes))

  it('a bare upper-case word after code= is no code (only a quoted value is)', () => {
    expect(_.classifyLine('code=DENIED status=ok')).toEqual([])
  })
})

describe('statusInLine', () => {
  it.each<[string, number]>([
    ['HTTP/1.1 429 Too Many Requests', 429],
    ['HTTP/2 503', 503],
    ['status=429', 429],
    ['"status": 404', 404],
    ['\\"status\\":409', 409],
    ['Status Code: 429', 429],
    ['statusCode: 401', 401],
    ['status_code="502"', 502],
    ['{"httpStatusCode":403}', 403],
    ['"http_code": 400', 400],
    ['POST https://x/y 400 Bad Request', 400],
    ['HttpException: 429: Client Error for url', 429],
    ['Bad request with: [POST https://vpc.eu-de.otc.t-systems.com/v1/p/vpcs], error message: {"code":"VPC.0101"}', 400],
    ['Resource not found: [GET https://ecs.eu-de.otc.t-systems.com/v1/p/cloudservers/x], error message: {}', 404],
    ['Action forbidden: [DELETE https://x/y], error message: {}', 403],
  ])('%s', (line, status) => expect(_.statusInLine(line)).toEqual(O.some(status)))
  it.each(['12:30:05.123', 'took 429ms', 'status=4290', 'port 5000', 'HTTP/1.1'])('none in %s', (line) => expect(_.statusInLine(line)).toEqual(O.none))
})

describe('requestIdInLine', () => {
  it.each<[string, string]>([
    ['X-Request-Id: 5a3f1f0c9e2b4d7a', '5a3f1f0c9e2b4d7a'],
    ['x-openstack-request-id: req-6a1f2e3d', 'req-6a1f2e3d'],
    ['"request_id": "77aa0f3c"', '77aa0f3c'],
    ['\\"request_id\\":\\"77aa0f3c\\"', '77aa0f3c'],
    ['requestId=1f2e3d4c', '1f2e3d4c'],
    ['<RequestId>0000016A2B3C4D5E</RequestId>', '0000016A2B3C4D5E'],
    ['Status Code: 429, Error Code: APIGW.0308, Request ID: 5c3f0aa1', '5c3f0aa1'],
  ])('%s', (line, id) => expect(_.requestIdInLine(line)).toEqual(O.some(id)))
  it('none without a key', () => expect(_.requestIdInLine('id 5a3f1f0c')).toEqual(O.none))
})

describe('lineClassifier', () => {
  it('compiles the pattern from the catalogue given', () => {
    const catalog: _.LogCatalog = { lookup: () => O.none, prefixes: () => ['zz'], canonicalCode: (c) => c }
    const c = _.lineClassifier(catalog)
    expect(c.classify('zz.0001 yy.0001 ZZ.0001').map((f) => [f.code, f.service])).toEqual([
      ['zz.0001', 'zz'],
      ['ZZ.0001', 'zz'],
    ])
  })
  it('never throws on odd input', () => {
    for (const line of ['', '\u0000', '\uFFFD'.repeat(100), '\\'.repeat(1000), 'code='.repeat(1000), '<Code></Code>'.repeat(100)]) {
      expect(() => _.classifyLine(line)).not.toThrow()
    }
  })
  it('takes linear time on a 10 MB line', () => {
    const cases: ReadonlyArray<readonly [string, (n: number) => string, number]> = [
      ['A.', (n) => 'A.'.repeat(n), (5 << 20) / 8],
      ['open keys', (n) => '{"error_code":"'.repeat(n), 87_500],
      ['digits', (n) => '7'.repeat(n), (10 << 20) / 8],
      ['codes', (n) => 'AS.0001 '.repeat(n), 162_500],
    ]
    for (const [label, make, n] of cases) expectLinear(label, make, (line) => _.classifyLine(line), n)
  })
  it('takes linear time on a line with a secret and many distinct codes (issue 15 item 4)', () => {
    // Each code is checked against the line's secrets by position, not searched for in the
    // redacted line (which cost time quadratic in the line: ~27 s at 1 MiB).
    const line = (n: number): string => `password=hunter2 ${Array.from({ length: n }, (_x, i) => `AS.${String(i).padStart(6, '0')}`).join(' ')} Authorization: Bearer abc`
    expectLinear('secret and codes', line, (text) => _.classifyLine(text), 6_000)
    expect(_.classifyLine(line(20_000))).toHaveLength(20_000)
  })
  it('skips a code inside a secret, and counts it where it stands visible later in the line', () => {
    expect(_.classifyLine('token=AS.0001 AS.0002 later AS.0001').map((f) => f.code)).toEqual(['AS.0002', 'AS.0001'])
    expect(_.classifyLine('Authorization: Bearer AS.0001').map((f) => f.code)).toEqual([])
  })
})

describe('classifyLine: the shapes real logs print, and the traps', () => {
  const codes = (line: string) => _.classifyLine(line).map((f) => f.code)
  it.each<[string, ReadonlyArray<string>]>([
    ['rpc error: code = NotFound desc = pod not found', []],
    ['Warning  FailedScheduling  pod/x  0/3 nodes are available: 3 Insufficient cpu.', []],
    ['api error NoSuchBucket: The specified bucket does not exist', ['NoSuchBucket']],
    ['api error Frobnicated: not a code the catalogue knows', []],
    ['{"code": 400, "message": "Bad Request"}', []],
    ['status=404 {"NeutronError":{"type":"SubnetNotFound","message":"Subnet x could not be found.","detail":""}}', ['SubnetNotFound']],
  ])('%s', (line, expected) => expect(codes(line)).toEqual(expected))
  it('classifies a Neutron type with the catalogue', () => {
    expect(_.classifyLine('status=404 {"NeutronError":{"type":"SubnetNotFound","message":"x"}}')[0]).toMatchObject({
      code: 'SubnetNotFound',
      service: 'Neutron',
      category: 'not-found',
      known: true,
    })
  })
})

// Catalogue codes of rarer shapes, as services print them (DRS tables, Config's RMS).
describe('codes of rarer catalogue shapes', () => {
  it.each<[string, ReadonlyArray<string>]>([
    ['ERROR job failed: DRS.M00002: the job does not exist', ['DRS.M00002']],
    ['{"error_code":"RMS.INTERNAL.ERROR","error_msg":"Internal server error occurred."}', ['RMS.INTERNAL.ERROR']],
  ])('%s', (line, codes) => expect(_.classifyLine(line).map((f) => f.code)).toEqual(codes))

  it('a capital and digits after a lower-case word or a file name is no code', () => {
    expect(_.classifyLine('loaded app.V1234 and report.M00002.pdf; version=v1.M2024')).toEqual([])
  })
})
