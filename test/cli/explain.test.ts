import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as _ from '../../src/cli/explain.js'
import { explain, type Explanation } from '../../src/decode/explain.js'
import { MAX_INPUT_BYTES } from '../../src/cli/io.js'
import { parseCurl } from '../../src/response/curl.js'
import * as E from 'fp-ts/lib/Either.js'
import { memoryIO } from './memoryIO.js'

const root = join(import.meta.dirname, '..', '..')
const example = (name: string): string => readFileSync(join(root, 'examples', name), 'utf8')
const fixture = (name: string): string => readFileSync(join(root, 'test', 'clients', 'fixtures', name), 'utf8')

const run = async (argv: ReadonlyArray<string>, files: Record<string, string | Uint8Array> = {}, stdin: string | Uint8Array = '') => {
  const m = memoryIO(files, stdin)
  const code = await _.explainCommand(argv, m.io)
  return { code, out: m.out(), err: m.err() }
}

describe('explain FILE --json', () => {
  it('explains the Auto Scaling seed example (broken JSON) with the contract fields', async () => {
    const r = await run(['as.http', '--json'], { 'as.http': example('as-0001.http') })
    expect(r.code).toBe(0)
    const x = JSON.parse(r.out) as Explanation
    expect(x).toMatchObject({ ok: false, status: 400, statusClass: '4xx', code: 'AS.0001', service: 'AS', requestId: '5a3f1f0c9e2b4d7a8c6e0b1d2f3a4b5c', known: true })
    expect(x.message).toBe('The request message format is invalid.')
    expect(x.retry.retryable).toBe(x.retry.strategy !== 'never')
  })
  it('keeps the code as the response spelled it, the catalogue spelling beside it, and honours Retry-After', async () => {
    const r = await run(['g.http', '--json'], { 'g.http': example('apigw-0308.http') })
    const x = JSON.parse(r.out) as Explanation
    expect([x.code, x.catalogCode, x.service, x.category]).toEqual(['APIGW.0308', 'APIG.0308', 'APIG', 'throttled'])
    expect(x.retry).toEqual({ retryable: true, strategy: 'after', delayMs: 2000 })
  })
  it.each([
    ['apigw-0301.http', 'APIGW.0301'],
    ['as-0001-500.http', 'AS.0001'],
    ['dbs-200019.http', 'DBS.200019'],
    ['gateway-503.http', null],
  ])('prints what the library explains of the real response %s', async (name, code) => {
    const text = fixture(name)
    const r = await run(['f.http', '--json'], { 'f.http': text })
    expect(r.code).toBe(0)
    const curl = parseCurl(text)
    if (E.isLeft(curl)) throw new Error(curl.left)
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(explain(curl.right))))
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, code })
  })
  it('reads stdin without FILE or with -, and a bare body with --status N', async () => {
    const stdin = await run(['--json'], {}, example('apigw-0308.http'))
    const dash = await run(['-', '--json'], {}, example('apigw-0308.http'))
    expect(stdin.out).toBe(dash.out)
    expect(JSON.parse(stdin.out).code).toBe('APIGW.0308')
    const bare = await run(['--status', '404', '--json'], {}, '{"error_code":"AS.2007","error_msg":"The AS group does not exist."}')
    expect(JSON.parse(bare.out)).toEqual(
      JSON.parse(JSON.stringify(explain({ status: 404, body: new TextEncoder().encode('{"error_code":"AS.2007","error_msg":"The AS group does not exist."}') }))),
    )
  })
  it('never prints the token of a success', async () => {
    const r = await run(['t.http', '--json'], { 't.http': example('iam-token-201.http') })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, status: 201, code: null })
    expect(r.out).not.toContain('MIIexampleTokenValueDoNotPrint')
    const text = await run(['t.http'], { 't.http': example('iam-token-201.http') })
    expect(text.out).toBe('201 Created (2xx): a success; the body is payload, not an error.\n')
  })
})

describe('explain for people (renderExplanation)', () => {
  it('lays out the answer one labelled row at a time', async () => {
    const r = await run(['g.http'], { 'g.http': example('apigw-0308.http') })
    expect(r.out.split('\n')).toEqual([
      'APIGW.0308: The throttling threshold has been reached.',
      '  status      429 Too Many Requests (4xx)',
      '  service     APIG',
      '  category    throttled',
      '  retry       after 2000 ms (Retry-After)',
      '  request id  7e5b0c1d',
      expect.stringMatching(/^ {2}catalogue {3}APIG\.0308: The throttling threshold has been reached\.$/),
      expect.stringMatching(/^ {2}remedy {6}\S/),
      expect.stringMatching(/^ {2}docs {8}https:\/\/docs\.otc\.t-systems\.com\//),
      '',
    ])
  })
  it('says when there is no code, no message, an unknown code, a documented status that differs', () => {
    const base = explain({ status: 500, body: '' })
    const text = _.renderExplanation(base)
    expect(text.split('\n')[0]).toBe('(no code): (no message)')
    expect(text).toContain('  catalogue   no code to look up\n')
    expect(text).toContain('  retry       backoff\n')
    const unknown = _.renderExplanation(explain({ status: 404, body: '{"error_code":"ZZZ.0001","error_msg":"gone"}' }))
    expect(unknown).toContain('  catalogue   unknown code\n')
    expect(unknown).toContain('(not retryable)')
    const differs = _.renderExplanation({
      ...base,
      code: 'AS.0001',
      catalogCode: 'AS.0001',
      catalogMessage: 'System error.',
      documentedStatus: 500,
      status: 400,
      statusClass: '4xx',
    })
    expect(differs).toContain('  catalogue   AS.0001 (documented as 500; the observed status decides): System error.\n')
  })
  it('shows control characters of what the response said as escapes, for any text', () => {
    const base = explain({ status: 400, body: '' })
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), (code, message) => {
        const text = _.renderExplanation({ ...base, code, message, requestId: message, remedy: code, catalogCode: code, catalogMessage: message })
        // Only the newlines of the layout itself: one per row.
        expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u009b\u202e]/)
      }),
    )
  })
})

describe('explain errors', () => {
  it.each([
    [['a', 'b'], 'expected at most one FILE, got 2'],
    [['--status', '4xx'], '--status expects an HTTP status from 100 to 599, got "4xx"'],
    [['--status', '600'], '--status expects an HTTP status from 100 to 599, got "600"'],
    [['--nope'], "Unknown option '--nope'."],
  ])('%j is a usage error, exit 2', async (argv, message) => {
    const r = await run(argv)
    expect(r.code).toBe(2)
    expect(r.err).toBe(`otc-errors explain: ${message}\nTry 'otc-errors explain --help'.\n`)
  })
  it('an unreadable file, input that is not a response, or input too large is one line and exit 2', async () => {
    const missing = await run(['nope.http'])
    expect([missing.code, missing.err]).toEqual([2, 'otc-errors explain: nope.http: no such file or directory\n'])
    const notHttp = await run(['x.txt'], { 'x.txt': 'hello there' })
    expect(notHttp.code).toBe(2)
    expect(notHttp.err).toMatch(/^otc-errors explain: x\.txt: .+ \(use --status N for a bare body\)\n$/)
    const huge = await run([], {}, new Uint8Array(MAX_INPUT_BYTES + 1))
    expect([huge.code, huge.err]).toEqual([2, 'otc-errors explain: stdin is larger than 64 MiB, the most otc-errors reads of one input\n'])
  })
  it('--help prints the help', async () => {
    const r = await run(['-h'])
    expect([r.code, r.out]).toEqual([0, _.EXPLAIN_HELP])
  })
})
