import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectLinear } from '../support/linear.js'
import * as _ from '../../src/shapes/scan.js'

type Scanned = ReturnType<typeof _.scanBrokenJson>
const r = (code: string | null, message: string | null, requestId: string | null = null): Scanned => ({ code, message, requestId })

// Bodies as a terminal, a copy or a wiki page left them, written for these tests.
const table: ReadonlyArray<[string, string, Scanned]> = [
  // line breaks a terminal or a copy put inside keys
  ['a line break at the end of a key', '{"error_code\n":"AS.0001","error_msg":"x"}', r('AS.0001', 'x')],
  ['a line break inside a key', '{"error_co\nde": "AS.0001", "err\r\nor_msg": "Quota exceeded."}', r('AS.0001', 'Quota exceeded.')],
  ['a line break before a key and its colon', '{\n"\nerror_code"\n:\n"VPC.0101",\n"error_msg"\n: "Bad VPC."}', r('VPC.0101', 'Bad VPC.')],
  // line breaks inside values
  ['a value wrapped mid-word', '{"error_msg": "The request message format is inva\nlid.", "error_code": "AS.0001"}', r('AS.0001', 'The request message format is invalid.')],
  ['a value wrapped between words, indented', '{"error_msg": "The AS group\n      does not exist.",\n "error_code": "AS.2007"}', r('AS.2007', 'The AS group does not exist.')],
  ['a value cut at the line end before the next member', '{"error_msg": "Bad request,\n "error_code": "AS.0001"}', r('AS.0001', 'Bad request')],
  // corrupted separators
  ['a `*` for `:"`', '{"error_code"*ABC.0001","error_msg":"Bad thing."}', r('ABC.0001', 'Bad thing.')],
  ['a `*` for `:`', '{"error_code"*"ABC.0001", "error_msg"#"Bad thing."}', r('ABC.0001', 'Bad thing.')],
  ['`=` for `:`', "{'error_code'='SFS.TURBO.0001', 'error_msg'='Share busy.'}", r('SFS.TURBO.0001', 'Share busy.')],
  ['no separator before a quoted value', '{"error_code" "DMS.00400002", "error_msg" "Invalid."}', r('DMS.00400002', 'Invalid.')],
  ['junk left around a code', '{"error_code": *AS.0001*, "error_msg": "x"}', r('AS.0001', 'x')],
  // members without braces, bare keys
  ['fragments without braces', '"error_code": "AS.0001", "error_msg": "x"', r('AS.0001', 'x')],
  ['fragments cut at both ends', 'rror": {"code": "IMG.0027", "message": "The image does not exist."', r('IMG.0027', 'The image does not exist.')],
  ['bare keys and values', 'error_code: AS.0001, error_msg: The request is invalid, request_id: 5d1e', r('AS.0001', 'The request is invalid', '5d1e')],
  ['bare keys in braces', '{errorCode=CCE.01400001, errorMessage=Bad request}', r('CCE.01400001', 'Bad request')],
  // the seed and what the scanner read before
  ['the Auto Scaling seed', '{\n    "error_msg": The request message format is invalid.",\n    "error_code": "AS.0001"\n}', r('AS.0001', 'The request message format is invalid.')],
  ['a comma inside an unquoted message stays', '{"error_msg": The name is too long, maximum: 64",\n"error_code": "AS.0004"}', r('AS.0004', 'The name is too long, maximum: 64')],
  [
    'escaped quotes and \\u escapes',
    '{"error_msg": "Name \\"web\\" is taken \\u2013 choose another", "error_code": "VPC.0107",}',
    r('VPC.0107', 'Name "web" is taken \u2013 choose another'),
  ],
  ['a quoted word in a message is no key', '{"error_msg": "Parameter "code" is invalid", "error_code": "AS.0001"', r('AS.0001', 'Parameter "code" is invalid')],
  ['request ids', '{"request_id": "9b1f", "error_code": "APIGW.0308", "error_msg": "Throttled"', r('APIGW.0308', 'Throttled', '9b1f')],
  ['objects under message keys are skipped', '{"error": {"code": "AS.2007", "message": "Gone."}', r('AS.2007', 'Gone.')],
  ['unusual keys', '{"erno": 1101, "msg": "Invalid username."', r('1101', 'Invalid username.')],
  ['a sentence under code and a code under message swap', '{"code": "Invalid parameter", "message": "ECS.0001"', r('ECS.0001', 'Invalid parameter')],
  ['a code that repeats the status is none', '{"code": 400, "message": "Bad request"', r(null, 'Bad request')],
  ['no keys at all', 'Internal Server Error', r(null, null)],
]

describe('scanBrokenJson', () => {
  it.each(table)('%s', (_name, text, expected) => {
    expect(_.scanBrokenJson(text, 400)).toEqual(expected)
  })

  it('is linear on hostile input', () => {
    const hostile: ReadonlyArray<readonly [string, (n: number) => string]> = [
      ['open keys', (n) => '{"error_code":"'.repeat(n)],
      ['keys on lines', (n) => '"error_code"\n'.repeat(n)],
      ['a wrapped value', (n) => `{"error_msg": "${'a\n'.repeat(4 * n)}`],
      ['a bare list', (n) => `{"error_msg": ${'x, '.repeat(3 * n)}`],
      ['bare keys', (n) => 'error_code: '.repeat(n)],
      ['long quoted blanks', (n) => `"${' '.repeat(79)}"`.repeat(n / 8)],
      ['empty members', (n) => '"a":'.repeat(2 * n)],
      ['quotes', (n) => "'".repeat(10 * n)],
    ]
    for (const [label, make] of hostile) expectLinear(label, make, (text) => _.scanBrokenJson(text, 400), 50_000)
  })

  it('never throws, is deterministic, and bounds what it returns', () => {
    const piece = fc.constantFrom(
      '"error_code"',
      '"error_msg"',
      "'code'",
      'errno',
      ':',
      '*',
      '=',
      '"',
      "'",
      ',',
      '{',
      '}',
      '\n',
      ' ',
      'AS.0001',
      'Invalid parameter',
      '\\',
      '\\u12',
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(piece, { maxLength: 40 }).map((p) => p.join('')),
        ),
        (text) => {
          const a = _.scanBrokenJson(text, 400)
          expect(a).toEqual(_.scanBrokenJson(text, 400))
          if (a.code !== null) expect(a.code.length).toBeLessThanOrEqual(100)
        },
      ),
      { numRuns: 3000 },
    )
    expect(_.scanBrokenJson(undefined as unknown as string)).toEqual(r(null, null))
  })
})

describe('codeInText', () => {
  it('finds a code in free text, not a version or an address', () => {
    expect(_.codeInText('gateway said APIGW.0301: incorrect IAM authentication')).toBe('APIGW.0301')
    expect(_.codeInText('version v1.2.300 on 10.0.0.1')).toBeNull()
  })
})
