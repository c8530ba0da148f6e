// Every example body of the five seed pages, explained with the statuses real services send.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { explain } from '../../src/decode/explain.js'

const seedBodies = (): ReadonlyArray<{ page: string; body: string }> => {
  const dir = new URL('../../../shared/seeds/', import.meta.url)
  const pages = ['as_04_0104.rst', 'lts_api_0007.rst', 'modelarts_03_0003.rst', 'sfs_02_0012.rst', 'vpn_api_0011.rst']
  return pages.flatMap((page) => {
    let text: string
    try {
      text = readFileSync(new URL(page, dir), 'utf8')
    } catch {
      return []
    }
    // The error body is the indented block after "error response body".
    const at = text.indexOf('error response body')
    const start = text.indexOf('{', at)
    const end = text.indexOf('\n   }', start)
    return [{ page, body: text.slice(start, end + 5).replace(/^ {3}/gm, '') }]
  })
}

const inline = [
  { page: 'as_04_0104.rst', body: '{\n    "error_msg": The request message format is invalid.",\n    "error_code": "AS.0001"\n}' },
  { page: 'lts_api_0007.rst', body: '{\n    "error_msg": "The format of message is error",\n    "error_code": "AS.0001"\n}' },
  { page: 'sfs_02_0012.rst', body: '{\n    "error_msg": "The request message format is invalid.",\n    "error_code": "IMG.0001"\n}' },
]

describe('the seed pages', () => {
  const found = seedBodies()
  it('are all read when ../shared is present', () => {
    if (found.length === 0) return
    expect(found.map((f) => f.page)).toEqual(['as_04_0104.rst', 'lts_api_0007.rst', 'modelarts_03_0003.rst', 'sfs_02_0012.rst', 'vpn_api_0011.rst'])
  })

  const expected: Record<string, { code: string; message: string; service: string }> = {
    'as_04_0104.rst': { code: 'AS.0001', message: 'The request message format is invalid.', service: 'AS' },
    'lts_api_0007.rst': { code: 'AS.0001', message: 'The format of message is error', service: 'AS' },
    'modelarts_03_0003.rst': { code: 'AS.0001', message: 'The format of message is error', service: 'AS' },
    'sfs_02_0012.rst': { code: 'IMG.0001', message: 'The request message format is invalid.', service: 'IMG' },
    'vpn_api_0011.rst': { code: 'AS.0001', message: 'The format of message is error', service: 'AS' },
  }

  for (const { page, body } of [...inline, ...found]) {
    const want = expected[page]!
    it(`${page}: 400 gives code, message, class, category and retry`, () => {
      const x = explain({ status: 400, headers: { 'Content-Type': 'application/json' }, body })
      expect(x).toMatchObject({
        ok: false,
        status: 400,
        statusClass: '4xx',
        code: want.code,
        service: want.service,
        message: want.message,
        category: 'validation',
        retry: { retryable: false, strategy: 'never' },
        known: true,
      })
    })
    it(`${page}: 500 gives a retryable server error`, () => {
      const x = explain({ status: 500, body })
      expect(x).toMatchObject({ statusClass: '5xx', code: want.code, category: 'server', retry: { retryable: true, strategy: 'backoff' } })
    })
  }

  it('AS.0001 in a 4xx records that the catalogue documents it as a 500', () => {
    const x = explain({ status: 400, body: inline[0]!.body })
    expect([x.catalogCode, x.documentedStatus, x.catalogMessage]).toEqual(['AS.0001', 500, 'System error.'])
  })

  it('the token body of the seeds is a success, not an error', () => {
    const x = explain({ status: 201, headers: { 'X-Subject-Token': 'MIIsecret' }, body: '{"token":{"expires_at":"2019-02-13T06:52:13.855000Z","methods":["password"]}}' })
    expect(x).toMatchObject({ ok: true, statusClass: '2xx', code: null, message: null, known: false })
  })
})
