import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as _ from '../../src/shapes/keys.js'
import { explain } from '../../src/decode/explain.js'
import { anyValue } from '../arbitraries.js'

type Reading = Pick<_.KeyReading, 'code' | 'message' | 'codeKey'>
const r = (code: string | null, message: string | null, codeKey: string | null): Reading => ({ code, message, codeKey })

// Bodies written for these tests: the keys services use beside the documented ones.
const unusualKeys: ReadonlyArray<[string, Record<string, unknown>, Reading]> = [
  ['erno and msg', { erno: 1101, msg: 'Invalid username.' }, r('1101', 'Invalid username.', 'erno')],
  ['errno and errmsg', { errno: 'KMS.0203', errmsg: 'Key disabled.' }, r('KMS.0203', 'Key disabled.', 'errno')],
  ['err_code and err_msg', { err_code: 'DMS.0001', err_msg: 'Busy.' }, r('DMS.0001', 'Busy.', 'err_code')],
  ['ErrNum and ErrDesc', { ErrNum: 4012, ErrDesc: 'Bucket quota exceeded.' }, r('4012', 'Bucket quota exceeded.', 'ErrNum')],
  ['error_number and error_text', { error_number: 'RDS.0041', error_text: 'Instance frozen.' }, r('RDS.0041', 'Instance frozen.', 'error_number')],
  ['error_description beside error', { error: 'invalid_grant', error_description: 'Bad credentials.' }, r(null, 'Bad credentials.', null)],
  ['faultstring', { faultcode: 'SOAP.Client', faultstring: 'Malformed envelope.' }, r('SOAP.Client', 'Malformed envelope.', 'faultcode')],
  ['keys spelled with spaces and dashes', { 'Error-Code': 'CES.0014', 'error message': 'Bad metric.' }, r('CES.0014', 'Bad metric.', 'Error-Code')],
]

// A code key holding a sentence, a message key holding a code: read as a person would.
const swapped: ReadonlyArray<[string, Record<string, unknown>, Reading]> = [
  ['code holds a sentence, message a code', { code: 'Invalid parameter', message: 'ECS.0001' }, r('ECS.0001', 'Invalid parameter', 'message')],
  [
    'error_code holds a sentence, error_msg a code',
    { error_code: 'The AS group does not exist.', error_msg: 'AS.2007' },
    r('AS.2007', 'The AS group does not exist.', 'error_msg'),
  ],
  ['a name-shaped code under msg', { code: 'No such bucket', msg: 'NoSuchBucket' }, r('NoSuchBucket', 'No such bucket', 'msg')],
  ['a sentence under code and a sentence under message: no code', { code: 'Invalid parameter', message: 'The name is too long.' }, r(null, 'The name is too long.', null)],
  ['a sentence under code alone is the message', { code: 'Service unavailable' }, r(null, 'Service unavailable', null)],
  ['a word under message is no code', { code: 'Access denied', message: 'Forbidden' }, r(null, 'Forbidden', null)],
  ['a real code elsewhere wins over the swap', { code: 'Invalid parameter', errno: 1101, message: 'ECS.0001' }, r('1101', 'ECS.0001', 'errno')],
  ['a code key holding a code stays', { code: 'VPC.0101', message: 'VPC.0102' }, r('VPC.0101', 'VPC.0102', 'code')],
]

describe('readKeys', () => {
  it.each(unusualKeys)('unusual keys: %s', (_name, body, expected) => {
    expect(_.readKeys(body, 400)).toMatchObject(expected)
  })
  it.each(swapped)('swap: %s', (_name, body, expected) => {
    expect(_.readKeys(body, 400)).toMatchObject(expected)
  })
})

describe('codeOf', () => {
  it('gives tokens, never prose', () => {
    expect(['AS.0001', 'NoSuchBucket', 'DCS. 4855', 'Invalid parameter', 'Bad Request', 'AS.0001: Invalid', 'x  y'].map((v) => _.codeOf(v, 400))).toEqual([
      'AS.0001',
      'NoSuchBucket',
      null,
      null,
      null,
      null,
      null,
    ])
  })
})

describe('isCodeShaped', () => {
  it('tells a code from a word or a sentence', () => {
    const yes = ['ECS.0001', 'SFS.TURBO.0001', 'NoSuchBucket', 'INVALID_PARAMETER', 'FORBIDDEN', '1101', 'CCE_CM.0003', 'XYZ.ALS.403.101']
    const no = ['Forbidden', 'error', 'ok', 'Invalid parameter', 'A', '', 'https://x/y', 'ECS.0001.', 'e']
    expect(yes.filter((t) => !_.isCodeShaped(t))).toEqual([])
    expect(no.filter((t) => _.isCodeShaped(t))).toEqual([])
  })
})

describe('readKeys: a swapped code is still no repeated status', () => {
  it('keeps a message that only repeats the status as the message', () => {
    expect(_.readKeys({ code: 'Bad request', message: '400' }, 400)).toMatchObject(r(null, '400', null))
    expect(_.readKeys({ code: 'Bad request', message: '1101' }, 400)).toMatchObject(r('1101', 'Bad request', 'message'))
  })
})

describe('codeOf on a list of codes', () => {
  it.each<[unknown, string | null]>([
    // IAM's `{"errorcode": ["1115"]}`: the first item that is a code
    [['1115'], '1115'],
    [[400, 'IAM.0011'], 'IAM.0011'],
    [[], null],
    [[['AS.0001']], null],
    [[null, {}, 'Invalid parameter'], null],
  ])('codeOf(%j) is %j', (value, code) => expect(_.codeOf(value, 400)).toBe(code))

  it('looks at no more than ten items', () => {
    expect(_.codeOf([...Array<null>(10).fill(null), 'AS.0001'], 400)).toBeNull()
  })

  it('readKeys and explain read it', () => {
    expect(_.readKeys({ errorcode: ['1115'] }, 400).code).toBe('1115')
    const x = explain({ status: 400, headers: {}, body: '{"errorcode":["1115"]}' })
    expect([x.code, x.known, x.category]).toEqual(['1115', true, 'quota'])
  })
})

describe('readObject', () => {
  const object = fc.dictionary(fc.oneof(fc.constantFrom(..._.SHAPE_KEYS, 'error_msg', 'request_id', 'Error'), fc.string({ maxLength: 8 })), anyValue, { maxKeys: 12 })
  it('reads as readKeys does, and marks exactly the shape keys the object has', () => {
    fc.assert(
      fc.property(object, fc.integer({ min: 100, max: 599 }), (o, status) => {
        const { reading, marks } = _.readObject(o, status)
        expect(reading).toEqual(_.readKeys(o, status))
        expect(marks).toBe(_.marksOf(_.SHAPE_KEYS.filter((k) => Object.hasOwn(o, k))))
      }),
      { numRuns: 500 },
    )
  })
  it('marks every shape key of an object too large to read whole (the keys past the cap are unread)', () => {
    const large: Record<string, unknown> = {}
    for (let i = 0; i < 300; i++) large[`k${i}`] = i
    large['NeutronError'] = { type: 'X' }
    expect(_.readObject(large, 400).marks).toBe(_.marksOf(_.SHAPE_KEYS))
    expect(_.readObject({ error_code: 'AS.0001', Error: 'x' }, 400).marks).toBe(_.marksOf(['error_code']))
  })
})
