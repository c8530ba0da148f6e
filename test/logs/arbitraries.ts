/**
 * fast-check generators for the log tests: realistic log lines (with and without codes), noise
 * that must not match, and whole logs with long lines, CRLF and invalid UTF-8 mixed in.
 */
import * as fc from 'fast-check'

/** A code as logs print it, known or not. */
export const logCode: fc.Arbitrary<string> = fc.constantFrom(
  'AS.0001',
  'AS.2007',
  'IMG.0027',
  'APIGW.0308',
  'APIG.0308',
  'apigw.0308',
  'ModelArts.0104',
  'CCE.01403001',
  'DBS.200019',
  'ces.0014',
  'SFS.TURBO.0001',
  'Ecs.0005',
  'FOO.0001',
  'BSS.0042',
)

/** A bare (prefix-less) code, which only counts as an error-code key's value. */
export const bareCode: fc.Arbitrary<string> = fc.constantFrom('1101', '1103', 'NoSuchBucket', 'AccessDenied', 'SlowDown')

/** A line in one of the formats the classifier reads, carrying a code. */
export const codeLine: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(logCode, fc.constantFrom(400, 404, 429, 500, 503)).map(([c, s]) => `2024-05-01T12:30:05.123Z ERROR status=${s} error_code=${c} request_id=5a3f1f0c`),
  fc.tuple(logCode, fc.constantFrom(400, 429)).map(([c, s]) => `{"level":"error","status":${s},"body":"{\\"error_code\\":\\"${c}\\",\\"error_msg\\":\\"x\\"}"}`),
  fc.tuple(bareCode, fc.constantFrom(400, 404)).map(([c, s]) => `HTTP/1.1 ${s} <Error><Code>${c}</Code></Error>`),
  bareCode.map((c) => `{"error": {"code": "${c}", "message": "m"}}`),
  logCode.map((c) => `    "code": "${c}",`),
  logCode.map((c) => `com.huaweicloud.sdk.core.exception.ClientRequestException: {"httpStatusCode":403,"errorCode":"${c}"}`),
)

/** A line of noise: versions, IPs, timestamps, file names, hosts. */
export const noiseLine: fc.Arbitrary<string> = fc.constantFrom(
  '2024-05-01T12:30:05.123456Z INFO GET /v1/servers 200 12ms from 10.0.0.1 (app.js.map v1.2.300)',
  'time=12:30:05.123 level=debug host=as.eu-de.otc.t-systems.com file=app.log.20240501',
  '{"code":200,"status":200,"version":"v2.3.4000"}',
  '\tat com.example.Foo.bar(Foo.java:123) ~[app-1.2.3.jar:?]',
  '',
)

/** Any line: a code line, noise, arbitrary text, or a long line with codes buried in it. */
export const anyLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: codeLine },
  { weight: 4, arbitrary: noiseLine },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }).map((s) => s.replace(/\n/g, ' ')) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 2_000, max: 9_000 }), logCode, fc.integer({ min: 0, max: 8_000 })).map(([n, c, at]) => {
      const filler = 'x.y 1.2 '.repeat(Math.ceil(n / 8)).slice(0, n)
      const i = Math.min(at, n)
      return `${filler.slice(0, i)} ${c} ${filler.slice(i)}`
    }),
  },
)

/** A whole log as bytes: lines joined by LF or CRLF, sometimes with invalid UTF-8, maybe no final newline. */
export const logBytes: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.array(anyLine, { maxLength: 30 }), fc.boolean(), fc.boolean(), fc.boolean())
  .map(([lines, crlf, invalid, finalNewline]) => {
    const text = lines.join(crlf ? '\r\n' : '\n') + (finalNewline ? '\n' : '')
    const bytes = new TextEncoder().encode(text)
    if (!invalid || bytes.length === 0) return bytes
    const copy = new Uint8Array(bytes)
    copy[Math.floor(copy.length / 2)] = 0xff
    return copy
  })

/** Cut points for splitting `length` bytes into chunks. */
export const cuts = (length: number): fc.Arbitrary<ReadonlyArray<number>> =>
  fc.uniqueArray(fc.integer({ min: 0, max: length }), { maxLength: 12 }).map((xs) => [...xs].sort((a, b) => a - b))
