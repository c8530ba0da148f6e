// Nothing the acting-on-errors modules produce (problem details, OpenTelemetry attributes and
// status, errors read from SDK exceptions and HTTP clients) may contain a credential.
import * as E from 'fp-ts/lib/Either.js'
import * as fc from 'fast-check'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { fromAxiosError } from '../../src/clients/axios.js'
import { decode } from '../../src/decode/decode.js'
import { draw, type ServiceError } from '../../src/error/ServiceError.js'
import { toOtelAttributes, toOtelStatus } from '../../src/report/otel.js'
import { fromProblemDetails, toProblemDetails } from '../../src/report/problem.js'
import { fromSdkError } from '../../src/clients/sdk.js'

const PKI_TOKEN = `MIIEhgYJKoZIhvcNAQcCoIIEdzCCBHMCAQExDTALBglghkgBZQMEAgEwggKXBgkqhkiG9w0BBwGgggKIBIIChHsidG9rZW4iOnsiZXhwaXJlc19hdCI6IjIwMjQt`
const OPAQUE = 'opaque-s3cr3t-value-42'

/** Everything a program could log or send on about an error. */
const rendered = (e: ServiceError): string =>
  [
    JSON.stringify(e),
    String(e),
    draw(e),
    JSON.stringify(toProblemDetails(e)),
    JSON.stringify(toOtelAttributes(e)),
    JSON.stringify(toOtelStatus(e)),
    JSON.stringify(fromProblemDetails(toProblemDetails(e))),
  ].join('\n')

const expectClean = (e: ServiceError, ...secrets: ReadonlyArray<string>) => {
  const text = rendered(e)
  for (const secret of secrets) expect(text).not.toContain(secret)
}

describe('no secrets in what the acting-on-errors modules produce', () => {
  it('problem details and OpenTelemetry of a decoded error whose body echoes the token', () => {
    const r = decode(t.unknown)({
      status: 401,
      headers: { 'X-Subject-Token': PKI_TOKEN, 'x-request-id': 'r-1' },
      body: JSON.stringify({ error_code: 'APIGW.0301', error_msg: `Incorrect token ${PKI_TOKEN}; X-Auth-Token: ${OPAQUE}` }),
    })
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r)) expectClean(r.left, PKI_TOKEN, OPAQUE)
  })
  it('SDK texts that echo credentials by name', () => {
    for (const text of [
      `ClientRequestException - {status_code:401,request_id:r,error_code:APIGW.0301,error_msg:token rejected, X-Auth-Token: ${OPAQUE} }`,
      `Bad request with: [POST https://iam.eu-de.otc.t-systems.com/v3/auth/tokens], error message: {"error_msg":"bad","error_code":"IAM.0001","X-Subject-Token":"${OPAQUE}"}`,
      `{"status_code":403,"request_id":"q","error_code":"IAM.0002","error_message":"Authorization: Bearer ${OPAQUE} not allowed"}`,
      `Authentication Failed, error message: {"error":{"message":"password=${OPAQUE}","code":401,"title":"Unauthorized"}}`,
      `{"ErrorMessage": "dial tcp: X-Auth-Token=${OPAQUE} connection refused"}`,
    ])
      expectClean(fromSdkError(text), OPAQUE)
  })
  it('token-shaped values without a name (PKI and Fernet tokens) are removed too', () => {
    const fernet = `gAAAAABl${'x1Y2'.repeat(30)}`
    expectClean(fromSdkError(`Resource not found: [GET https://ecs/servers/x], error message: {"message":"token ${PKI_TOKEN} and ${fernet}"}`), PKI_TOKEN, fernet)
  })
  it('values the program says are secret are removed wherever they appear', () => {
    expectClean(fromSdkError(`Internal Server Error echoing ${OPAQUE}`, { secrets: [OPAQUE] }), OPAQUE)
    expectClean(fromSdkError({ httpStatusCode: 500, errorCode: 'AS.0001', errorMsg: `echo ${OPAQUE}`, requestId: OPAQUE }, { secrets: [OPAQUE] }), OPAQUE)
  })
  it('axios: the token the request sent never appears, even when the server echoes it bare', () => {
    const e = fromAxiosError({
      isAxiosError: true,
      message: 'Request failed with status code 400',
      config: { headers: { 'X-Auth-Token': OPAQUE, Accept: 'application/json' } },
      response: { status: 400, headers: { 'x-echo': OPAQUE }, data: { error_code: 'AS.0001', error_msg: `you sent ${OPAQUE}` } },
    })
    expectClean(e, OPAQUE)
  })
  it('property: a named secret anywhere in an SDK text never comes out', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{12,40}$/)
    const name = fc.constantFrom('X-Auth-Token', 'X-Subject-Token', 'Authorization', 'x-security-token', 'password', 'Cookie', 'secret_key')
    const template = fc.constantFrom(
      (s: string) => `ClientRequestException - {status_code:400,request_id:r,error_code:AS.0001,error_msg:${s} }`,
      (s: string) => `Bad request with: [POST https://x/y], error message: {"error_code":"AS.0001","error_msg":"${s}"}`,
      (s: string) => `{"status_code":500,"request_id":"r","error_code":"AS.0001","error_message":"${s}"}`,
      (s: string) => `NotFoundException: 404: Client Error for url: https://x/y, ${s}`,
      (s: string) => `{"ErrorMessage": "${s}"}`,
    )
    fc.assert(
      fc.property(secret, name, template, fc.constantFrom(': ', '=', '": "'), (value, key, make, sep) => {
        const e = fromSdkError(make(`before ${key}${sep}${value} after`))
        expect(rendered(e)).not.toContain(value)
      }),
      { numRuns: 500 },
    )
  })
})
