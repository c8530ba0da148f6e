import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as _ from '../../src/catalog/codec.js'
import { shippedFiles } from './shippedFiles.js'
import { anyValue } from '../arbitraries.js'

const valid = { code: 'AS.0001', status: 500, message: 'System error.', category: 'server', retry: 'backoff', remedy: 'Retry.' }

describe('HttpStatus', () => {
  it('is an integer from 100 to 599', () => {
    for (const s of [100, 200, 429, 599]) expect(_.HttpStatus.is(s)).toBe(true)
    for (const s of [99, 600, 404.5, -404, Number.NaN, Number.POSITIVE_INFINITY, '404', null]) expect(_.HttpStatus.is(s)).toBe(false)
  })
  it('decodes exactly the integers of the range', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1000, max: 2000 }), fc.double()), (n) => {
        expect(E.isRight(_.HttpStatus.decode(n))).toBe(Number.isInteger(n) && n >= 100 && n <= 599)
      }),
    )
  })
})

describe('CatalogFileEntry', () => {
  it('accepts an entry with the required fields, status null included', () => {
    expect(_.CatalogFileEntry.is(valid)).toBe(true)
    expect(_.CatalogFileEntry.is({ ...valid, status: null })).toBe(true)
    expect(
      _.CatalogFileEntry.is({ ...valid, otherMessages: ['x'], rule: 'status 500', source: { path: 'p.rst', line: 3 }, docsUrl: 'https://x', replaces: true, reason: 'r' }),
    ).toBe(true)
  })
  it('rejects a missing field, an unknown category or strategy, a status out of range', () => {
    const { remedy: _remedy, ...withoutRemedy } = valid
    for (const bad of [
      withoutRemedy,
      { ...valid, category: 'teapot' },
      { ...valid, retry: 'later' },
      { ...valid, status: 700 },
      { ...valid, status: '500' },
      { ...valid, otherMessages: [1] },
    ]) {
      expect(_.CatalogFileEntry.is(bad), JSON.stringify(bad)).toBe(false)
    }
  })
})

describe('CatalogFile', () => {
  it('accepts every shipped catalogue file', () => {
    expect(shippedFiles.length).toBeGreaterThan(50)
    for (const { name, content } of shippedFiles) expect(_.CatalogFile.is(content), name).toBe(true)
  })
  it('round-trips a shipped file through encode', () => {
    for (const { content } of shippedFiles.slice(0, 5)) {
      const decoded = _.CatalogFile.decode(content)
      expect(E.isRight(decoded) && _.CatalogFile.encode(decoded.right)).toEqual(content)
    }
  })
  it('never throws on any value', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        expect(() => _.CatalogFile.decode(value)).not.toThrow()
      }),
    )
  })
})

describe('docsUrlOf', () => {
  const file = {
    sources: [
      { repo: 'opentelekomcloud-docs/auto-scaling', commit: 'fa9d756', paths: ['api-ref/source/appendix/error_codes.rst', 'umn/source/faq/codes.rst', 'api-ref/other.txt'] },
      { repo: 'openstack/neutron', commit: 'a'.repeat(40), paths: ['neutron/common/exceptions.py'] },
      { repo: 'openstack/nova', commit: 'abc1234', paths: ['nova/exception.py'] },
    ],
  }
  const at = (path: string, line = 7): _.CatalogFileEntry => ({ ...valid, status: 500 as _.HttpStatus, category: 'server', retry: 'backoff', source: { path, line } })
  it('maps an OTC docs source to its page on docs.otc.t-systems.com', () => {
    expect(_.docsUrlOf(file, at('api-ref/source/appendix/error_codes.rst'))).toBe('https://docs.otc.t-systems.com/auto-scaling/api-ref/appendix/error_codes.html')
    expect(_.docsUrlOf(file, at('umn/source/faq/codes.rst'))).toBe('https://docs.otc.t-systems.com/auto-scaling/umn/faq/codes.html')
  })
  it('is null for an OTC docs path that is not an api-ref or umn page', () => {
    expect(_.docsUrlOf(file, at('api-ref/other.txt'))).toBeNull()
  })
  it('links another public source to its line on GitHub, only at a full commit', () => {
    expect(_.docsUrlOf(file, at('neutron/common/exceptions.py', 42))).toBe(`https://github.com/openstack/neutron/blob/${'a'.repeat(40)}/neutron/common/exceptions.py#L42`)
    expect(_.docsUrlOf(file, at('nova/exception.py'))).toBeNull()
  })
  it("prefers the entry's own docsUrl, and is null without a source or for a path no source lists", () => {
    expect(_.docsUrlOf(file, { ...at('nowhere.rst'), docsUrl: 'https://example.com/x' })).toBe('https://example.com/x')
    expect(_.docsUrlOf(file, valid as unknown as _.CatalogFileEntry)).toBeNull()
    expect(_.docsUrlOf(file, at('nowhere.rst'))).toBeNull()
  })
  it('gives every entry of the shipped catalogue from an OTC docs repository a docs.otc.t-systems.com page', () => {
    let otc = 0
    for (const { name, content } of shippedFiles) {
      const f = content as _.CatalogFile
      for (const e of f.entries) {
        const source = f.sources.find((s) => e.source !== undefined && s.paths.includes(e.source.path))
        if (source === undefined || !source.repo.startsWith('opentelekomcloud-docs/') || e.docsUrl !== undefined) continue
        otc++
        expect(_.docsUrlOf(f, e), `${name} ${e.code}`).toMatch(/^https:\/\/docs\.otc\.t-systems\.com\/[a-z0-9-]+\/(api-ref|umn)\/.+\.html$/)
      }
    }
    expect(otc).toBeGreaterThan(5000)
  })
})
