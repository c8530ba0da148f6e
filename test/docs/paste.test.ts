import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { explain } from '../../src/decode/explain.js'
import { parseCurl } from '../../src/response/curl.js'
import * as _ from '../../src/docs/paste.js'

const example = (name: string): string => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8')

describe('readPasted', () => {
  it('reads curl -si output, whatever the Status field says', () => {
    const text = example('as-0001.http')
    expect(_.readPasted(text, '')).toEqual(parseCurl(text))
    expect(_.readPasted(`\n\n${text}`, '503')).toEqual(parseCurl(`\n\n${text}`))
  })
  it('reads a bare body with the status typed beside it', () => {
    expect(_.readPasted('{"error_code":"AS.2007"}', ' 404 ')).toEqual(E.right({ status: 404, body: '{"error_code":"AS.2007"}' }))
  })
  it('says what is missing, in one sentence', () => {
    expect(_.readPasted('  \n', '400')).toEqual(E.left('Paste a response first: the output of curl -si, or a body with its status in the Status field.'))
    expect(_.readPasted('{"error_code":"AS.0001"}', '')).toMatchObject({ _tag: 'Left', left: expect.stringContaining('type its HTTP status in the Status field') })
    expect(_.readPasted('{}', '99')).toEqual(E.left('The status must be an HTTP status from 100 to 599, not "99".'))
    expect(_.readPasted('{}', 'abc')).toEqual(E.left('The status must be an HTTP status from 100 to 599, not "abc".'))
    expect(_.readPasted('HTTP/1.1 four oh four\n\n', '')._tag).toBe('Left')
  })
})

describe('explainPasted', () => {
  it('gives what the CLI gives for the bundled examples', () => {
    for (const name of ['as-0001.http', 'apigw-0308.http', 'keystone-401.http', 'obs-nosuchbucket.http', 'iam-token-201.http']) {
      const text = example(name)
      const curl = parseCurl(text)
      if (E.isLeft(curl)) throw new Error(curl.left)
      expect(_.explainPasted(text, ''), name).toEqual(E.right(explain(curl.right)))
    }
  })
  it('explains a body with a status', () => {
    const x = _.explainPasted('{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}', '429')
    expect(x).toMatchObject({ _tag: 'Right', right: { code: 'APIGW.0308', catalogCode: 'APIG.0308', category: 'throttled', retry: { strategy: 'backoff' } } })
  })
})
