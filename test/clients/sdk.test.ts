import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectLinear } from '../support/linear.js'
import { ApiError, TransportError, transportError, type ServiceError } from '../../src/error/ServiceError.js'
import * as _ from '../../src/clients/sdk.js'
import { anyValue } from '../arbitraries.js'

const fields = (e: ServiceError) =>
  e instanceof ApiError
    ? { tag: e._tag, status: e.status, code: e.code, message: e.message, requestId: e.requestId, category: e.category, strategy: e.retry.strategy, shape: e.shape }
    : e instanceof TransportError
      ? { tag: e._tag, reason: e.reason, cause: e.cause, strategy: e.retry.strategy }
      : { tag: e._tag }

describe('Huawei Cloud Node.js SDK exceptions', () => {
  it('ClientRequestException: httpStatusCode, errorCode, errorMsg, requestId', () => {
    // what the SDK's ExceptionUtil builds from a 400 {"error_code","error_msg"} response
    const e = Object.assign(new Error('The request message format is invalid.'), {
      name: 'ClientRequestException',
      httpStatusCode: 400,
      errorCode: 'AS.0001',
      errorMsg: 'The request message format is invalid.',
      requestId: 'a1b2',
    })
    expect(fields(_.fromSdkError(e))).toEqual({
      tag: 'ApiError',
      status: 400,
      code: 'AS.0001',
      message: 'The request message format is invalid.',
      requestId: 'a1b2',
      category: 'validation',
      strategy: 'never',
      shape: 'sdk-object',
    })
  })
  it('ServerResponseException with a string status, and the status repeated as errorCode when the body had none', () => {
    const e = { name: 'ServerResponseException', httpStatusCode: '503', errorCode: 503, errorMsg: 'Service Unavailable', requestId: 'r-5' }
    expect(fields(_.fromSdkError(e))).toMatchObject({ status: 503, code: null, message: 'Service Unavailable', category: 'unavailable', strategy: 'backoff' })
  })
  it("objects with status and a data body (the SDK's ExceptionResponse)", () => {
    const e = {
      status: 409,
      requestId: 'x-9',
      data: { error_code: 'DBS.200019', error_msg: 'Another operation is being performed on the DB instance or the DB instance is faulty.' },
    }
    expect(fields(_.fromSdkError(e))).toMatchObject({ status: 409, code: 'DBS.200019', requestId: 'x-9', category: 'conflict', strategy: 'backoff' })
  })
  it('the encoded authorization message of a denial is kept as a detail', () => {
    const e = _.fromSdkError({ httpStatusCode: 403, errorCode: 'IAM.0002', errorMsg: 'You do not have permission.', encodedAuthorizationMessage: 'EnCoDeD' })
    expect(e instanceof ApiError && e.details.map((d) => d.message)).toEqual(['You do not have permission.', 'EnCoDeD'])
  })
})

describe('Huawei Cloud Go SDK texts', () => {
  it('ServiceResponseError JSON', () => {
    const text = '{"status_code":404,"request_id":"9a2b","error_code":"AS.2007","error_message":"The AS group does not exist.","encoded_authorization_message":""}'
    expect(fields(_.fromSdkError(text))).toEqual({
      tag: 'ApiError',
      status: 404,
      code: 'AS.2007',
      message: 'The AS group does not exist.',
      requestId: '9a2b',
      category: 'not-found',
      strategy: 'never',
      shape: 'sdk-go',
    })
  })
  it('wrapped by the program, and inside an Error', () => {
    const text = 'creating scaling group: {"status_code":429,"request_id":"q","error_code":"APIGW.0308","error_message":"The throttling threshold has been reached."}'
    expect(fields(_.fromSdkError(new Error(text)))).toMatchObject({ status: 429, code: 'APIGW.0308', category: 'throttled', strategy: 'backoff' })
  })
  it('an unreadable body in error_message is read as the body', () => {
    const text = '{"status_code":502,"request_id":"","error_code":"","error_message":"<html><head><title>502 Bad Gateway</title></head></html>"}'
    expect(fields(_.fromSdkError(text))).toMatchObject({ status: 502, code: null, message: '502 Bad Gateway', requestId: null, category: 'unavailable' })
  })
  it('connection and timeout errors', () => {
    expect(fields(_.fromSdkError('{"ErrorMessage": "Post \\"https://as.eu-de.otc.t-systems.com/v1\\": dial tcp 80.158.0.1:443: connect: connection refused"}'))).toEqual({
      tag: 'TransportError',
      reason: 'network',
      cause: 'ECONNREFUSED',
      strategy: 'backoff',
    })
    expect(fields(_.fromSdkError('{"ErrorMessage": "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"}'))).toMatchObject({
      tag: 'TransportError',
      reason: 'timeout',
    })
  })
})

describe('Huawei Cloud Python SDK texts', () => {
  it('ClientRequestException - {status_code:…,request_id:…,error_code:…,error_msg:…}', () => {
    const text = 'ClientRequestException - {status_code:400,request_id:4f1c,error_code:AS.0001,error_msg:The request message format is invalid, see {body}. }'
    expect(fields(_.fromSdkError(text))).toEqual({
      tag: 'ApiError',
      status: 400,
      code: 'AS.0001',
      message: 'The request message format is invalid, see {body}.',
      requestId: '4f1c',
      category: 'validation',
      strategy: 'never',
      shape: 'sdk-python',
    })
  })
  it('error_message spelling, None values, ServerResponseException', () => {
    const text = 'ServerResponseException - {status_code:500,request_id:None,error_code:None,error_message:Internal error}'
    expect(fields(_.fromSdkError(text))).toMatchObject({ status: 500, code: null, message: 'Internal error', requestId: null, category: 'server', strategy: 'backoff' })
  })
  it('connection and timeout exceptions', () => {
    expect(
      fields(
        _.fromSdkError("ConnectionException - HTTPSConnectionPool(host='ecs', port=443): Max retries exceeded (Caused by NewConnectionError: [Errno 111] Connection refused)"),
      ),
    ).toMatchObject({
      tag: 'TransportError',
      reason: 'network',
      cause: 'ECONNREFUSED',
    })
    expect(fields(_.fromSdkError('HostUnreachableException - no route to host'))).toMatchObject({ tag: 'TransportError', reason: 'network', cause: 'EHOSTUNREACH' })
    expect(fields(_.fromSdkError('CallTimeoutException - Read timed out. (read timeout=10)'))).toMatchObject({ tag: 'TransportError', reason: 'timeout' })
  })
})

describe('gophertelekomcloud texts', () => {
  it('Bad request with: [METHOD URL], error message: BODY', () => {
    const text =
      'Bad request with: [POST https://as.eu-de.otc.t-systems.com/autoscaling-api/v1/0a1b/scaling_group], error message: {"error": {"code": "AS.2011", "message": "The scaling group name already exists."}}'
    expect(fields(_.fromSdkError(text))).toEqual({
      tag: 'ApiError',
      status: 400,
      code: 'AS.2011',
      message: 'The scaling group name already exists.',
      requestId: null,
      category: expect.any(String),
      strategy: 'never',
      shape: 'gophertelekomcloud',
    })
  })
  it('Resource not found, Authentication Failed, Action Forbidden', () => {
    expect(
      fields(
        _.fromSdkError(
          'Resource not found: [GET https://ecs.eu-de.otc.t-systems.com/v1/p/cloudservers/x], error message: {"itemNotFound": {"message": "Instance x could not be found", "code": 404}}',
        ),
      ),
    ).toMatchObject({
      status: 404,
      code: null,
      message: 'Instance x could not be found',
      category: 'not-found',
    })
    expect(fields(_.fromSdkError('Authentication Failed, error message: {"error_msg":"The token must be updated.","error_code":"APIGW.0301"}'))).toMatchObject({
      status: 401,
      code: 'APIGW.0301',
      strategy: 'reauth',
    })
    expect(fields(_.fromSdkError('Authentication failed'))).toMatchObject({ status: 401, category: 'auth', strategy: 'reauth', message: 'Authentication failed' })
    expect(fields(_.fromSdkError('Action Forbidden, error message: {"error_code":"IAM.0003","error_msg":"Policy doesn\'t allow"}'))).toMatchObject({
      status: 403,
      code: 'IAM.0003',
      category: 'permission',
    })
  })
  it('the fixed texts of 405, 408, 429, 500 and 503', () => {
    const statuses = [
      'Method not allowed',
      'The server timed out waiting for the request',
      'Too many requests have been sent in a given amount of time. Pause requests, wait up to one minute, and try again.',
      'Internal Server Error',
      'The service is currently unable to handle the request due to a temporary overloading or maintenance. This is a temporary condition. Try again later.',
    ].map((text) => {
      const e = _.fromSdkError(text)
      return e instanceof ApiError ? [e.status, e.retry.strategy] : null
    })
    expect(statuses).toEqual([
      [405, 'never'],
      [408, 'backoff'],
      [429, 'backoff'],
      [500, 'backoff'],
      [503, 'backoff'],
    ])
  })
  it('Expected HTTP response code … but got N instead, and re-authentication wrappers', () => {
    const text =
      'Expected HTTP response code [200 202] when accessing [DELETE https://rds.eu-de.otc.t-systems.com/v3/p/instances/i], but got 409 instead\n{"error_code":"DBS.200019","error_msg":"Another operation is being performed on the DB instance or the DB instance is faulty."}'
    expect(fields(_.fromSdkError(text))).toMatchObject({ status: 409, code: 'DBS.200019', strategy: 'backoff' })
    expect(fields(_.fromSdkError(`Successfully re-authenticated, but got error executing request: ${text}`))).toMatchObject({ status: 409, code: 'DBS.200019' })
    expect(fields(_.fromSdkError('Unable to re-authenticate: Authentication failed'))).toMatchObject({ status: 401, category: 'auth', strategy: 'never' })
    expect(fields(_.fromSdkError('A time out occurred'))).toMatchObject({ tag: 'TransportError', reason: 'timeout' })
  })
})

describe('other inputs', () => {
  it('openstacksdk', () => {
    expect(fields(_.fromSdkError('NotFoundException: 404: Client Error for url: https://ecs.eu-de.otc.t-systems.com/v2.1/servers/x, Instance x could not be found'))).toMatchObject(
      {
        status: 404,
        message: 'Instance x could not be found',
        shape: 'openstacksdk',
      },
    )
  })
  it('Node system errors and aborts are TransportErrors', () => {
    expect(fields(_.fromSdkError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' })))).toEqual({
      tag: 'TransportError',
      reason: 'network',
      cause: 'ECONNREFUSED',
      strategy: 'backoff',
    })
    expect(fields(_.fromSdkError(new DOMException('The operation was aborted due to timeout', 'TimeoutError')))).toMatchObject({ tag: 'TransportError', reason: 'timeout' })
    expect(fields(_.fromSdkError(new DOMException('aborted', 'AbortError')))).toMatchObject({ tag: 'TransportError', reason: 'abort', strategy: 'never' })
  })
  it('axios errors go through fromAxiosError', () => {
    const e = { isAxiosError: true, message: 'Request failed with status code 404', response: { status: 404, headers: {}, data: { error_code: 'AS.2007', error_msg: 'gone' } } }
    expect(fields(_.fromSdkError(e))).toMatchObject({ status: 404, code: 'AS.2007' })
  })
  it("the library's own errors are returned as they are (scrubbed)", () => {
    const e = transportError({ reason: 'timeout', message: 'slow', cause: null })
    expect(fields(_.fromSdkError(e))).toEqual(fields(e))
  })
  it('a status named in text', () => {
    expect(fields(_.fromSdkError(new Error('Request failed with status code 503')))).toMatchObject({ status: 503, category: 'unavailable', shape: 'sdk-text' })
  })
  it("anything else: status 0, unknown, never retried; a known code in the text gives the catalogue's classification", () => {
    expect(fields(_.fromSdkError('something odd happened'))).toEqual({
      tag: 'ApiError',
      status: 0,
      code: null,
      message: 'something odd happened',
      requestId: null,
      category: 'unknown',
      strategy: 'never',
      shape: 'sdk-unknown',
    })
    expect(fields(_.fromSdkError(undefined))).toMatchObject({ status: 0, category: 'unknown', strategy: 'never' })
    expect(fields(_.fromSdkError('gateway said APIGW.0308'))).toMatchObject({ status: 0, code: 'APIGW.0308', category: 'throttled' })
  })
})

describe('properties', () => {
  const texts = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.json(),
    fc
      .tuple(
        fc.constantFrom(
          'ClientRequestException - {status_code:',
          'Bad request with: [',
          'Resource not found: [',
          'Authentication Failed, error message: ',
          'Expected HTTP response code [',
          '{"status_code":',
          '{"ErrorMessage": "',
          'Successfully re-authenticated, but got error executing request: ',
          'Unable to re-authenticate: ',
          '404: Client Error for url: ',
        ),
        fc.string(),
        fc.json(),
      )
      .map(([a, b, c]) => `${a}${b}${c}`),
  )
  const objects = fc.record(
    {
      httpStatusCode: fc.oneof(fc.integer(), fc.string(), fc.constant(undefined)),
      status: fc.anything(),
      errorCode: fc.anything(),
      errorMsg: fc.anything(),
      requestId: fc.anything(),
      data: fc.anything(),
      message: fc.anything(),
      code: fc.oneof(fc.string(), fc.constantFrom('ECONNRESET', 'ERR_CANCELED')),
      isAxiosError: fc.boolean(),
      response: fc.anything(),
    },
    { requiredKeys: [] },
  )
  it('never throws, and always gives a ServiceError', () => {
    fc.assert(
      fc.property(fc.oneof(texts, objects, anyValue), (input) => {
        const e = _.fromSdkError(input)
        expect(['ApiError', 'PayloadError', 'TransportError']).toContain(e._tag)
        expect(typeof e.retry.retryable).toBe('boolean')
      }),
      { numRuns: 2000 },
    )
  })
  it('hostile objects (throwing getters, revoked proxies) do not make it throw', () => {
    const throwing = Object.defineProperty({}, 'httpStatusCode', {
      get: () => {
        throw new Error('boom')
      },
      enumerable: true,
    })
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    for (const input of [
      throwing,
      proxy,
      Object.create(null),
      new Proxy(
        {},
        {
          get: () => {
            throw new Error('trap')
          },
        },
      ),
    ]) {
      expect(() => _.fromSdkError(input)).not.toThrow()
    }
  })
  it('same input, same answer', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(JSON.stringify(_.fromSdkError(text))).toBe(JSON.stringify(_.fromSdkError(text)))
      }),
      { numRuns: 300 },
    )
  })
  it('long inputs are read in linear time', () => {
    const cases: ReadonlyArray<readonly [string, (n: number) => string]> = [
      ['a long request id', (n) => `ClientRequestException - {status_code:400,request_id:${'a'.repeat(n)}`],
      ['brackets', (n) => `Bad request with: [${'['.repeat(n)}`],
      ['spaces', (n) => `${' '.repeat(n)}}`],
      ['a long message', (n) => `{"ErrorMessage": "${'x '.repeat(n / 2)}"}`],
      ['a PKI token', (n) => `MII${'A'.repeat(n)}`],
    ]
    for (const [label, make] of cases) expectLinear(label, make, (text) => _.fromSdkError(text), 25_000)
  })
})
