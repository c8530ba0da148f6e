// Secrets in every form a review found leaking (issue 15, item 2), in every rendering: an error's
// String(), draw, JSON.stringify, util.inspect, .message, headers and details; problem details;
// OpenTelemetry attributes and status; fromSdkError; both outputs of `explain`; `classify`.
// The forms are data written here; each names the pieces of text that must never come out.
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { readFileSync } from 'node:fs'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { classifyCommand } from '../../src/cli/classify.js'
import { explainCommand, renderExplanation } from '../../src/cli/explain.js'
import type { CliIO } from '../../src/cli/io.js'
import { decode } from '../../src/decode/decode.js'
import { explain } from '../../src/decode/explain.js'
import { decodeToken } from '../../src/decode/token.js'
import { isSecretName, redactText } from '../../src/error/redact.js'
import { draw, type ServiceError } from '../../src/error/ServiceError.js'
import { classifyLine } from '../../src/logs/line.js'
import { toOtelAttributes, toOtelStatus } from '../../src/report/otel.js'
import { toProblemDetails } from '../../src/report/problem.js'
import { fromSdkError } from '../../src/clients/sdk.js'
import { expectLinear } from '../support/linear.js'

const PKI = 'MIIEhgYJKoZIhvcNAQcCoIIEdzCCBHMCAQExDTALBglghkgBZQMEAgEwggKXBgkqhkiG9w0BBwGgggKIBIIChHsidG9rZW4iOnsiZXhwaXJlc19hdCI6IjIwMjQt'
const PEM_BODY = 'MIIEowIBAAKCAQEAwZlq7tLmPemPrivateKeyBodyLine1\nQ2hhcnNldFNlY3JldEtleU1hdGVyaWFsTGluZTI='

/**
 * A form: the text as it appears (in a message, a body, a header, a log line) and the pieces of
 * it that are secret. The numbering follows issue 15's list.
 */
interface Form {
  readonly name: string
  readonly text: string
  readonly secrets: ReadonlyArray<string>
}

const FORMS: ReadonlyArray<Form> = [
  // names with a prefix
  { name: 'OS_PASSWORD= (a code-shaped value)', text: 'auth failed with OS_PASSWORD=Abc.20240101 for ann', secrets: ['Abc.20240101'] },
  { name: 'DB_PASSWORD: value', text: 'connect: DB_PASSWORD: Pg-Sec.778899 rejected', secrets: ['Pg-Sec.778899'] },
  { name: '"DB_PASSWORD": "value"', text: 'env {"DB_PASSWORD": "PgJson-5512x", "DB_USER": "ann"}', secrets: ['PgJson-5512x'] },
  {
    name: 'X-Amz-Security-Token= in a query',
    text: 'GET /b/k?X-Amz-Security-Token=FQoGZXIvYXdzEXAMPLEsts99&X-Amz-Date=20240101T000000Z failed',
    secrets: ['FQoGZXIvYXdzEXAMPLEsts99'],
  },
  { name: 'HW_SECRET_KEY=', text: 'config HW_SECRET_KEY=Sk9xQ2pLm4WvSecret HW_ACCESS_KEY=AKIDHW', secrets: ['Sk9xQ2pLm4WvSecret'] },
  // values with a quote or an escaped quote
  { name: 'bare value with a quote', text: 'rejected password=Qu0te"Pass91 user=ann', secrets: ['Qu0te', 'Pass91'] },
  { name: 'JSON value with an escaped quote', text: 'body {"user":"ann","password":"Esc\\"Quote-73"}', secrets: ['Esc', 'Quote-73'] },
  { name: 'escaped JSON value with an escaped quote', text: 'body {\\"user\\":\\"ann\\",\\"password\\":\\"Dbl\\\\\\"Quote-64\\"}', secrets: ['Dbl', 'Quote-64'] },
  { name: 'single-quoted value with a double quote', text: "params {'password': 'Sgl\"Quote-55', 'user': 'ann'}", secrets: ['Sgl', 'Quote-55'] },
  // names not on the old list
  { name: 'token=', text: 'retry with token=Tk.20240315 now', secrets: ['Tk.20240315'] },
  { name: '"token":', text: 'sent {"token": "TokJson-99aa", "user": "ann"}', secrets: ['TokJson-99aa'] },
  { name: 'pwd=', text: 'login pwd=PwdVal-4411 user=ann', secrets: ['PwdVal-4411'] },
  { name: 'adminPass', text: 'server {"name": "vm1", "adminPass": "AdmPass-3322"}', secrets: ['AdmPass-3322'] },
  { name: 'adminPass=', text: 'create adminPass=AdmBare-2211 name=vm1', secrets: ['AdmBare-2211'] },
  { name: 'every Cookie pair', text: 'Cookie: lang=en; SESSION=CkSess-1122; csrftoken=CkCsrf-3344 status=401', secrets: ['CkSess-1122', 'CkCsrf-3344'] },
  { name: 'Set-Cookie with attributes', text: 'Set-Cookie: JSESSIONID=CkJsid-5566; Path=/; HttpOnly', secrets: ['CkJsid-5566'] },
  // Authorization schemes of more than one word
  { name: 'Authorization: OBS AK:SIG', text: 'Authorization: OBS AKIDOBS1234:ObsSig+b64/xyz= denied', secrets: ['AKIDOBS1234', 'ObsSig+b64/xyz='] },
  {
    name: 'Authorization: Digest … response="…"',
    text: 'Authorization: Digest username="ann", realm="api", nonce="DgNonce77", uri="/v3", response="DgResp6629fae49393a05", opaque="DgOpq" then 401',
    secrets: ['DgNonce77', 'DgResp6629fae49393a05', 'DgOpq'],
  },
  {
    name: 'Authorization: SDK-HMAC-SHA256 Access=…, Signature=…',
    text: 'Authorization: SDK-HMAC-SHA256 Access=AKIDHMAC5566, SignedHeaders=host;x-sdk-date, Signature=HmacSig0f1e2d3c then 401',
    secrets: ['AKIDHMAC5566', 'HmacSig0f1e2d3c'],
  },
  {
    name: 'Authorization: AWS4-HMAC-SHA256 Credential=…',
    text: 'Authorization: AWS4-HMAC-SHA256 Credential=AKIDAWS4/20240101/eu-de/s3/aws4_request, SignedHeaders=host, Signature=Aws4Sig9988 then',
    secrets: ['AKIDAWS4', 'Aws4Sig9988'],
  },
  {
    name: 'Authorization: Bearer JWT',
    text: 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.JwtSig-Abc123 refused',
    secrets: ['eyJzdWIiOiJhbm4ifQ', 'JwtSig-Abc123'],
  },
  // URL-encoded pairs
  { name: 'URL-encoded form body', text: 'body=username%3Dann%26password%3DUrlEnc-7788%26scope%3Dx', secrets: ['UrlEnc-7788'] },
  { name: 'URL-encoded JSON', text: 'q=%7B%22password%22%3A%22UrlJson-6655%22%7D', secrets: ['UrlJson-6655'] },
  { name: 'query value with encoded characters', text: 'GET /login?password=p%40ss-UrlVal%26w0rd&user=ann 400', secrets: ['p%40ss-UrlVal%26w0rd', 'UrlVal'] },
  // known formats
  {
    name: 'PEM block',
    text: `key -----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY----- rejected`,
    secrets: ['wZlq7tLmPemPrivateKeyBodyLine1', 'Q2hhcnNldFNlY3JldEtleU1hdGVyaWFsTGluZTI='],
  },
  {
    name: 'PEM block in JSON',
    text: `cert {"private_key": "-----BEGIN PRIVATE KEY-----\\n${PEM_BODY.replace('\n', '\\n')}\\n-----END PRIVATE KEY-----"}`,
    secrets: ['wZlq7tLmPemPrivateKeyBodyLine1', 'Q2hhcnNldFNlY3JldEtleU1hdGVyaWFsTGluZTI='],
  },
  {
    name: '"credential":{…}',
    text: 'temp {"credential":{"access":"AKIDCRED42","secret":"CredSec-8877","securitytoken":"CredSts-6655","expires_at":"2030"}}',
    secrets: ['AKIDCRED42', 'CredSec-8877', 'CredSts-6655'],
  },
  { name: 'bare MII… PKI token', text: `token ${PKI} is not valid`, secrets: [PKI.slice(0, 40), PKI.slice(40)] },
  { name: 'bare Fernet token', text: `token gAAAAABl${'x1Y2'.repeat(20)} is not valid`, secrets: [`gAAAAABl${'x1Y2'.repeat(20)}`] },
  // the forms that held before (kept in the table so that they keep holding)
  { name: 'X-Auth-Token: value', text: 'sent X-Auth-Token: Xat-Value-1234 to IAM', secrets: ['Xat-Value-1234'] },
  { name: '"password": "value"', text: 'body {"user":"ann","password":"Plain-Pw-5678"}', secrets: ['Plain-Pw-5678'] },
  { name: 'sk=', text: 'keys ak=AKIDEXAMPLE sk=SkBare-9012', secrets: ['SkBare-9012'] },
  { name: 'client_secret', text: 'oauth client_secret=CliSec-3456&grant_type=x', secrets: ['CliSec-3456'] },
]

// -------------------------------------------------------------------------------------
// renderings
// -------------------------------------------------------------------------------------

/** Every rendering of an error a program could log or pass on. */
const renderings = (e: ServiceError): ReadonlyArray<string> => [
  String(e),
  draw(e),
  JSON.stringify(e),
  inspect(e, { depth: 20 }),
  e.message ?? '',
  e._tag === 'TransportError' ? '' : JSON.stringify(e.headers),
  e._tag === 'ApiError' ? JSON.stringify(e.details) : '',
  e._tag === 'PayloadError'
    ? inspect(
        e.errors.map((x) => ({ value: x.value, actual: x.context.map((c) => c.actual) })),
        { depth: 30, maxArrayLength: null, maxStringLength: null },
      )
    : '',
  JSON.stringify(toProblemDetails(e)),
  JSON.stringify(toOtelAttributes(e)),
  JSON.stringify(toOtelStatus(e)),
]

const expectNone = (texts: ReadonlyArray<string>, form: Form): void => {
  for (const text of texts) for (const secret of form.secrets) expect(text, `${form.name}: ${JSON.stringify(secret)} in ${text.slice(0, 400)}`).not.toContain(secret)
}

const memoryIO = (input: string): { readonly io: CliIO; readonly out: () => string } => {
  let out = ''
  const bytes = new TextEncoder().encode(input)
  return {
    io: {
      stdout: (text) => (out += text),
      stderr: (text) => (out += text),
      readStdin: async () => bytes,
      readFile: async (path) => E.left(`${path}: no such file`),
      listDir: async (path) => E.left(`${path}: not a directory`),
    },
    out: () => out,
  }
}

const leftOf = <A>(r: E.Either<ServiceError, A>): ServiceError => {
  if (E.isRight(r)) throw new Error('expected a Left')
  return r.left
}

const xmlEscape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

// -------------------------------------------------------------------------------------
// the table
// -------------------------------------------------------------------------------------

describe.each(FORMS)('$name', (form) => {
  it('the forms are secret to start with (each test would catch a leak)', () => {
    for (const secret of form.secrets) expect(form.text).toContain(secret)
  })

  it('redactText removes it', () => {
    expectNone([redactText(form.text)], form)
  })

  it('decode: in a JSON error message, a text body and an XML message', () => {
    const bodies = [
      {
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ error_code: 'AS.0001', error_msg: form.text, errors: [{ code: 'AS.0001', message: form.text }] }),
      },
      { status: 500, headers: { 'content-type': 'text/plain' }, body: form.text },
      { status: 502, body: `${form.text}\nsecond line` },
      { status: 403, headers: { 'content-type': 'application/xml' }, body: `<Error><Code>AccessDenied</Code><Message>${xmlEscape(form.text)}</Message></Error>` },
      { status: 400, body: `{"error_code": "AS.0001", "error_msg": ${JSON.stringify(form.text).slice(0, -1)}` },
    ]
    for (const raw of bodies) {
      const e = leftOf(decode(t.unknown)(raw))
      expectNone(renderings(e), form)
      const x = explain(raw)
      expectNone([JSON.stringify(x), renderExplanation(x)], form)
    }
  })

  it('decode: in a non-secret header (X-Echo, Location)', () => {
    const headers = { 'x-echo': form.text, location: `https://obs.example.com/b/k?note=${form.text}`, 'content-type': 'application/json' }
    expectNone(renderings(leftOf(decode(t.unknown)({ status: 404, headers, body: '{"error_code":"AS.2007","error_msg":"not found"}' }))), form)
    expectNone(renderings(leftOf(decode(t.type({ id: t.string }))({ status: 200, headers, body: '{"id": 7}' }))), form)
  })

  it('decode: a success body that echoes it and does not match the codec (PayloadError, errors included)', () => {
    const codec = t.type({ id: t.string, echo: t.number, nested: t.type({ note: t.number }) })
    const e = leftOf(decode(codec)({ status: 200, body: JSON.stringify({ id: 7, echo: form.text, nested: { note: form.text } }) }))
    expect(e._tag).toBe('PayloadError')
    expectNone(renderings(e), form)
  })

  it('decodeToken: in an error body and in a token body that does not match', () => {
    expectNone(renderings(leftOf(decodeToken({ status: 401, body: JSON.stringify({ error: { code: 401, title: 'Unauthorized', message: form.text } }) }))), form)
    expectNone(
      renderings(
        leftOf(decodeToken({ status: 201, headers: { 'x-subject-token': 'MIIsubject' }, body: JSON.stringify({ token: { expires_at: form.text, methods: [form.text] } }) })),
      ),
      form,
    )
  })

  it('fromSdkError: Python, Go, gophertelekomcloud and Node SDK errors', () => {
    for (const input of [
      `ClientRequestException - {status_code:400,request_id:r1,error_code:AS.0001,error_msg:${form.text} }`,
      new Error(JSON.stringify({ status_code: 500, request_id: 'r2', error_code: 'AS.0002', error_message: form.text })),
      `Bad request with: [POST https://as.eu-de.otc.t-systems.com/v1], error message: ${JSON.stringify({ error_code: 'AS.0001', error_msg: form.text })}`,
      { name: 'ClientRequestException', httpStatusCode: 403, errorCode: 'IAM.0002', errorMsg: form.text, requestId: 'r3' },
      form.text,
      `unexpected failure: ${form.text}`,
    ]) {
      expectNone(renderings(fromSdkError(input)), form)
    }
  })

  it('explain (the command): --json and the human output of a curl -si response', async () => {
    const response = `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nX-Echo: ${form.text.replace(/[\r\n]/g, ' ')}\r\n\r\n${JSON.stringify({ error_code: 'AS.0001', error_msg: form.text })}`
    for (const flags of [['--json'], []]) {
      const { io, out } = memoryIO(response)
      expect(await explainCommand(flags, io)).toBe(0)
      expectNone([out()], form)
    }
  })

  it('classify: no code inside it is reported, no output shows it', async () => {
    const lines = [`status=401 error_code=IAM.0001 ${form.text}`, `${form.text} {"error_code":"APIGW.0301"}`, JSON.stringify({ level: 'error', msg: form.text, code: 'AS.0001' })]
    for (const line of lines.flatMap((l) => l.split('\n'))) {
      for (const f of classifyLine(line)) expectNone([f.code, f.requestId ?? ''], form)
    }
    for (const format of ['summary', 'ndjson', 'json']) {
      const { io, out } = memoryIO(`${lines.join('\n')}\n`)
      await classifyCommand(['--format', format], io)
      expectNone([out()], form)
    }
  })
})

// -------------------------------------------------------------------------------------
// what must stay
// -------------------------------------------------------------------------------------

describe('only values of secret-named fields go', () => {
  it.each([
    'The token is invalid.',
    'Invalid token: the token has expired.',
    'Incorrect IAM authentication information: token expired',
    'The password does not meet the password policy.',
    'The key pair does not exist.',
    'token.expires_at: expected DateFromISOString, got "soon"',
    'keystone_url=https://iam.eu-de.otc.t-systems.com/v3 error_code=AS.0001',
    'The session has expired. Please log in again.',
    'Failed to verify the signature.',
    'time 12:30:05 GET https://as.eu-de.otc.t-systems.com/v1?limit=10&marker=abc',
    '{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: decrypt token fail"}',
  ])('%s stays as it is', (text) => {
    expect(redactText(text)).toBe(text)
  })

  it('the real corpus (test/fixtures: 208 log lines, 79 bodies from public sources) holds no secret: redaction changes none of it', () => {
    const logs = JSON.parse(readFileSync(new URL('../fixtures/real-logs.json', import.meta.url), 'utf8')) as ReadonlyArray<{ readonly line: string }>
    const bodies = JSON.parse(readFileSync(new URL('../fixtures/real-bodies.json', import.meta.url), 'utf8')) as ReadonlyArray<{ readonly body: string }>
    const texts = [...logs.map((l) => l.line), ...bodies.map((b) => b.body)]
    expect(texts.length).toBeGreaterThan(250)
    expect(texts.filter((text) => redactText(text) !== text)).toEqual([])
  })

  it('codes and messages around a secret survive in every path', () => {
    const line = 'status=401 OS_PASSWORD=Abc.20240101 {"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: token expired"}'
    expect(classifyLine(line).map((f) => f.code)).toEqual(['APIGW.0301'])
    const e = leftOf(decode(t.unknown)({ status: 401, body: JSON.stringify({ error_code: 'APIGW.0301', error_msg: 'The token is invalid. Authorization: Bearer abc.def' }) }))
    expect(e._tag === 'ApiError' && [e.code, e.message]).toEqual(['APIGW.0301', 'The token is invalid. Authorization: [redacted]'])
  })

  it('a code-shaped secret is never the code of a text body, an SDK text or a log line', () => {
    const e = leftOf(decode(t.unknown)({ status: 500, headers: { 'content-type': 'text/plain' }, body: 'failed: OS_PASSWORD=Abc.20240101' }))
    expect(e._tag === 'ApiError' && [e.code, e.message, e.details]).toEqual([null, 'failed: OS_PASSWORD=[redacted]', [{ code: null, message: 'failed: OS_PASSWORD=[redacted]' }]])
    const sdk = fromSdkError('boom: OS_PASSWORD=Abc.20240101')
    expect(sdk._tag === 'ApiError' && sdk.code).toBe(null)
    expect(classifyLine('OS_PASSWORD=Abc.20240101 token=Tk.20240315 AS.0001')).toMatchObject([{ code: 'AS.0001' }])
  })

  it('names: secret with any prefix, not the words that merely resemble', () => {
    const secret = [
      'OS_PASSWORD',
      'DB_PASSWORD',
      'X-Amz-Security-Token',
      'HW_SECRET_KEY',
      'token',
      'pwd',
      'adminPass',
      'AccessKeyId',
      'X-Amz-Signature',
      'X-Amz-Credential',
      'JSESSIONID',
      'basic_auth',
      'sig',
      'sk',
      'client_secret',
      'private_key',
      'Cookie',
      'Proxy-Authorization',
    ]
    const plain = [
      'error_code',
      'error_msg',
      'message',
      'code',
      'request_id',
      'X-Request-Id',
      'Content-Type',
      'status',
      'keystone_url',
      'auth_url',
      'author',
      'disk',
      'task',
      'Retry-After',
      'Location',
      'X-Echo',
    ]
    expect(secret.filter((n) => !isSecretName(n))).toEqual([])
    expect(plain.filter((n) => isSecretName(n))).toEqual([])
  })

  it('the headers of an error keep their names and the safe part of their values', () => {
    const e = leftOf(
      decode(t.unknown)({
        status: 404,
        headers: {
          Location: 'https://obs.eu-de.otc.t-systems.com/b/k.txt?AccessKeyId=AKIDLOC1&Expires=1700000000&Signature=LocSig%2Bb64%3D',
          'X-Amz-Redirect': 'https://s3/b/k?X-Amz-Credential=AKIDS3%2F20240101&X-Amz-Signature=S3Sig0a1b&X-Amz-Security-Token=S3Sts99',
          'X-Echo': 'password=EchoPw-1 user=ann',
          'X-Subject-Token': PKI,
        },
        body: '',
      }),
    )
    expect(e._tag === 'ApiError' && e.headers).toEqual({
      location: 'https://obs.eu-de.otc.t-systems.com/b/k.txt?AccessKeyId=[redacted]&Expires=1700000000&Signature=[redacted]',
      'x-amz-redirect': 'https://s3/b/k?X-Amz-Credential=[redacted]&X-Amz-Signature=[redacted]&X-Amz-Security-Token=[redacted]',
      'x-echo': 'password=[redacted] user=ann',
      'x-subject-token': '[redacted]',
    })
  })

  it('PayloadError.errors: values under secret keys and secrets inside values are gone, the rest is kept', () => {
    const codec = t.type({ id: t.string, auth: t.type({ password: t.number, user: t.string }) })
    const e = leftOf(decode(codec)({ status: 200, body: '{"id":7,"auth":{"password":"PwInBody-1","user":"ann"},"note":"token=TokInNote-2"}' }))
    if (e._tag !== 'PayloadError') throw new Error('expected a PayloadError')
    expect(e.errors.map((x) => x.value)).toEqual([7, '[redacted]'])
    expect(e.errors[0]?.context[0]?.actual).toEqual({ id: 7, auth: '[redacted]', note: 'token=[redacted]' })
    expect(e.problems).toEqual(['id: expected string, got 7', 'auth.password: expected number, got [redacted]'])
  })
})

describe('linear time', () => {
  it.each([
    ['unclosed quotes', 'password="a '],
    ['separators without names', '=:'],
    ['secret names without values', 'password=&'],
    ['escaped quotes', 'token:\\"\\\\\\"'],
    ['PEM starts without an end', '-----BEGIN X-----'],
    ['token starts', 'MIIeyJgAAAAA'],
    ['Authorization parameters', 'Authorization: Digest a="b", '],
    ['cookie pairs', 'Cookie: a=b; '],
    ['nested credential objects', '"credential":{'],
    ['encoded pairs', '%22password%22%3A%22'],
    ['long names', `${'a'.repeat(100)}=`],
    ['backslash runs', `password="${'\\'.repeat(50)}`],
  ])('%s', (label, unit) => {
    expectLinear(
      label,
      (n) => unit.repeat(n),
      (text) => redactText(text),
      Math.ceil(250_000 / unit.length),
    )
  })
})

// -------------------------------------------------------------------------------------
// property: generated secrets in every form, in bodies, headers, SDK texts and log lines
// -------------------------------------------------------------------------------------

describe('property: a generated secret in any form and any carrier appears in no rendering', () => {
  /** A secret value: distinctive, with the punctuation credentials carry (base64, dots that make it look like a code). */
  const value = fc.stringMatching(/^[A-Za-z][A-Za-z0-9._~+/!*@-]{7,30}[A-Za-z0-9]$/)
  /** A value holding a double quote: both halves are secret. */
  const quotedPair = fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{5,12}$/), fc.stringMatching(/^[A-Za-z0-9]{5,12}[A-Za-z]$/))

  // `@@` is the value as it stands bare; `##` the value escaped as in a JSON string.
  const forms = [
    'OS_PASSWORD=@@',
    'DB_PASSWORD: @@',
    '"DB_PASSWORD": "##"',
    'GET /b?X-Amz-Security-Token=@@&X-Amz-Date=1',
    'HW_SECRET_KEY=@@',
    'token=@@',
    '{"token": "##"}',
    'pwd=@@',
    '{"adminPass": "##"}',
    'Cookie: lang=en; sid=@@; csrftoken=@@',
    'Set-Cookie: SESSION=@@; Path=/; HttpOnly',
    'Authorization: OBS AKID:@@',
    'Authorization: Digest username="ann", nonce="n", response="@@", opaque="o"',
    'Authorization: SDK-HMAC-SHA256 Access=AKID, SignedHeaders=host;x-sdk-date, Signature=@@',
    'Authorization: Bearer @@',
    'body=user%3Dann%26password%3D@@%26x%3D1',
    'X-Auth-Token: @@',
    '{"password": "##"}',
    '{\\"password\\":\\"##\\"}',
    '{"credential": {"access": "AKID", "secret": "##"}}',
    '<SignatureProvided>@@</SignatureProvided>',
    'sk=@@',
    'client_secret=@@&grant_type=x',
  ]
  const quotedForms = ['{"password": "##"}', '{"token": "##"}', "{'password': '@@'}", 'password=@@ user=ann', '{\\"password\\":\\"##\\"}']

  const fill = (form: string, secret: string): string =>
    form
      .split('@@')
      .join(secret)
      .split('##')
      .join(form.includes('\\"') ? JSON.stringify(JSON.stringify(secret).slice(1, -1)).slice(1, -1) : JSON.stringify(secret).slice(1, -1))

  const carriers = ['json-message', 'text-body', 'xml-message', 'header', 'success-body', 'sdk-python', 'sdk-object', 'log-line'] as const

  const renderAll = (carrier: (typeof carriers)[number], text: string): ReadonlyArray<string> => {
    const single = text.replace(/[\r\n]/g, ' ')
    switch (carrier) {
      case 'json-message': {
        const raw = { status: 400, body: JSON.stringify({ error_code: 'AS.0001', error_msg: text }) }
        const x = explain(raw)
        return [...renderings(leftOf(decode(t.unknown)(raw))), JSON.stringify(x), renderExplanation(x)]
      }
      case 'text-body':
        return renderings(leftOf(decode(t.unknown)({ status: 503, headers: { 'content-type': 'text/plain' }, body: text })))
      case 'xml-message':
        return renderings(leftOf(decode(t.unknown)({ status: 403, body: `<Error><Code>AccessDenied</Code><Message>${xmlEscape(text)}</Message></Error>` })))
      case 'header':
        return renderings(leftOf(decode(t.unknown)({ status: 500, headers: { 'x-echo': single, location: `https://x/y?q=${single}` }, body: '' })))
      case 'success-body':
        return renderings(leftOf(decode(t.type({ n: t.number }))({ status: 200, body: JSON.stringify({ n: text, m: text }) })))
      case 'sdk-python':
        return renderings(fromSdkError(`ClientRequestException - {status_code:401,request_id:r,error_code:APIGW.0301,error_msg:${single} }`))
      case 'sdk-object':
        return renderings(fromSdkError({ httpStatusCode: 500, errorCode: 'AS.0002', errorMsg: text, requestId: 'r' }))
      case 'log-line':
        return classifyLine(`status=401 ${single} error_code=IAM.0001`).flatMap((f) => [f.code, f.requestId ?? ''])
    }
  }

  it('bare and quoted values', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(...forms), fc.constantFrom(...carriers), fc.constantFrom('', 'request failed: ', '{"msg":"', '\\"'), (secret, form, carrier, before) => {
        const text = `${before}${fill(form, secret)} done`
        for (const out of renderAll(carrier, text)) expect(out).not.toContain(secret)
      }),
      { numRuns: 600 },
    )
  })

  it('values with a quote inside', () => {
    fc.assert(
      fc.property(quotedPair, fc.constantFrom(...quotedForms), fc.constantFrom(...carriers), ([a, b], form, carrier) => {
        const text = `request failed: ${fill(form, `${a}"${b}`)} done`
        for (const out of renderAll(carrier, text)) {
          expect(out).not.toContain(a)
          expect(out).not.toContain(b)
        }
      }),
      { numRuns: 300 },
    )
  })
})
