import { describe, expect, it } from 'vitest'
import { expectLinear } from '../support/linear.js'
import * as _ from '../../src/logs/pattern.js'

const KNOWN = ['AS', 'IMG', 'ModelArts', 'APIG', 'APIGW', 'Ecs', 'ces', 'SFS.TURBO']
const shape = new RegExp(`^${_.codeShapeSource(KNOWN)}$`)
const log = new RegExp(_.logPatternSource(KNOWN), 'g')
const codesIn = (line: string): ReadonlyArray<string> => [...line.matchAll(log)].map((m) => m.slice(1).find((g) => g !== undefined) ?? '<none>')

describe('codeShapeSource', () => {
  it.each([
    'AS.0001',
    'IMG.0027',
    'ModelArts.0104',
    'APIGW.0308',
    'apigw.0308',
    'Ecs.0005',
    'ecs.0005',
    'ces.0014',
    'CES.0014',
    'SFS.TURBO.0001',
    'sfs.turbo.0001',
    'FOO.0001',
    'Foo.0001',
    'FOO.BAR.0001',
    'DBS.200019',
    'CCE.01403001',
    'DMS.004000021',
    // DESIGN.md's shapes: underscores, several dotted parts (some numeric), a one-letter first part, a status and subcode
    'CCE_CM.0003',
    'AS_X.0001',
    'SVCSTG_AMS_4000001',
    'SVCSTG.SWR.4000013',
    'SVCSTG.INV.2000000',
    'CCI.01.400101',
    'X.ABC.4000001',
    'XYZ.ALS.403.101',
    'DMS.00400002',
  ])('accepts %s', (code) => expect(shape.test(code)).toBe(true))
  it.each([
    'v1.2.300',
    '10.0.0.1',
    '12:30:05.123',
    'app.js.map',
    'as.eu-de.otc.t-systems.com',
    'foo.1234',
    'log.20240501',
    'AS.001',
    'AS.12345678901',
    'A.0001',
    'S3.0001',
    'AS.',
    'AS.0001.5',
    'FOO.Bar.0001',
    'FOO.1.2.300',
    'LOG_2024',
    'SESSION_12345',
    'x.ABC.4000001',
  ])('rejects %s', (token) => expect(shape.test(token)).toBe(false))
  it('does not take a prefix with a digit, whatever the case', () => {
    expect(shape.test('v1.2300')).toBe(false)
    expect(shape.test('V1.2300')).toBe(false)
  })
})

describe('logPatternSource', () => {
  it.each<[string, ReadonlyArray<string>]>([
    ['failed: AS.0001 (status 400)', ['AS.0001']],
    ['{"error_code":"AS.0001","error_msg":"x"}', ['AS.0001']],
    ['{\\"error_code\\":\\"APIGW.0308\\"}', ['APIGW.0308']],
    ['"body":"{\\nAS.0001 and\\tIMG.0027"', ['AS.0001', 'IMG.0027']],
    ['{"error": {"code": "1101", "message": "Invalid username."}}', ['1101']],
    ['{"error": {"code": 401, "title": "Unauthorized"}}', []],
    ['errorCode=NoSuchBucket status=404', ['NoSuchBucket']],
    ['<Error><Code>NoSuchBucket</Code><Message>…</Message></Error>', ['NoSuchBucket']],
    ['<Error><Code>IMG.0027</Code></Error>', ['IMG.0027']],
    ['"code": "Success", "code": "OK", "code": "ECONNRESET", "code": "200"', []],
    ['statusCode=2000 status_code="1234" decode: 1234', []],
    ['GET /app.js.map 200 v1.2.300 from 10.0.0.1 at 12:30:05.123 as.eu-de.otc.t-systems.com', []],
    ['server.log.1 app.log.20240501 report.2024.pdf backup.20240501.tar.gz', []],
    ['ERROR_CODE: AS.0001, Error_Code="IMG.0027"', ['AS.0001', 'IMG.0027']],
    // Shapes beyond PREFIX.digits, each where a careful reader sees it
    ['Error: CCE_CM.0003 configmap not found, X.ABC.4000001 and XYZ.ALS.403.101', ['CCE_CM.0003', 'X.ABC.4000001', 'XYZ.ALS.403.101']],
    ['status=400 error_code=SVCSTG_AMS_4000001 msg="bad"', ['SVCSTG_AMS_4000001']],
    ['{"error_code":"CCI.01.400101","error_msg":"x"}', ['CCI.01.400101']],
    ['{"errorcode":["1103"],"message":"x"} {"code":"111500032"}', ['1103', '111500032']],
    ['Bad request with: [POST https://vpc…], error message: {"NeutronError": {"type": "PortNotFound", "message": "Port x could not be found.", "detail": ""}}', ['PortNotFound']],
    ['{"code":"VPC.0101","message":"{\\"NeutronError\\":{\\"type\\":\\"SubnetNotFound\\",\\"message\\":\\"x\\"}}"}', ['VPC.0101', 'SubnetNotFound']],
    // Traps a careful reader skips
    ['could not connect to server: /var/run/postgresql/.s.PGSQL.5432', []],
    ['rotated /var/log/app.2023-01-05_10-00.log.gz and App.Config.1234', []],
  ])('%s', (line, expected) => expect(codesIn(line)).toEqual(expected))

  it('the Rust flavour is the same source behind an ASCII flag', () => {
    expect(_.logPatternSource(KNOWN, 'rust')).toBe(`(?-u)${_.logPatternSource(KNOWN)}`)
  })

  it('the prefilter matches every line the full pattern matches', () => {
    const prefilter = new RegExp(_.PREFILTER_SOURCE)
    for (const line of ['AS.0001', 'x ces.0014', '"errorCode":"1101"', 'ERROR_CODE=NoSuchBucket', '<ErrorCode>SlowDown</ErrorCode>', '\\nSFS.TURBO.0001']) {
      expect(codesIn(line).length).toBeGreaterThan(0)
      expect(prefilter.test(line)).toBe(true)
    }
  })

  it('runs in linear time on adversarial input', () => {
    const cases: ReadonlyArray<readonly [string, (n: number) => string, number]> = [
      ['A.', (n) => 'A.'.repeat(n), 62_500],
      ['Ab', (n) => 'Ab'.repeat(n), 62_500],
      ['a long bare value', (n) => 'code="aB' + 'a'.repeat(n) + '_', 125_000],
      ['backslashes', (n) => '\\'.repeat(n), 125_000],
      ['open keys', (n) => '{"error_code":"'.repeat(n), 12_500],
      ['dotted parts', (n) => 'A.B1.'.repeat(n), 25_000],
      ['underscores', (n) => 'AB_C'.repeat(n), 25_000],
      ['Neutron types', (n) => 'NeutronError":{"type'.repeat(n), 12_500],
    ]
    for (const [label, make, n] of cases) expectLinear(label, make, codesIn, n)
  })
})
