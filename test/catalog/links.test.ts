import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as _ from '../../src/catalog/links.js'
import { validateCatalog } from '../../src/catalog/validate.js'
import type { CatalogFile } from '../../src/catalog/codec.js'
import { shippedFiles } from './shippedFiles.js'
import { entry, smallFiles } from './smallCatalog.js'

const validated = validateCatalog(shippedFiles)
if (E.isLeft(validated)) throw new Error('catalog/ is invalid (see catalog.test.ts)')
const shipped = validated.right

describe('anchorOf / docsAnchor', () => {
  it.each([
    ['AS.0001', 'as-0001'],
    ['SFS.TURBO.0001', 'sfs-turbo-0001'],
    ['SVCSTG_AMS_4000001', 'svcstg_ams_4000001'],
    ['NoSuchBucket', 'nosuchbucket'],
    [' X.ABC 400 ', 'x-abc-400'],
    ['..', 'code'],
    ['', 'code'],
  ])('%j → %s', (code, anchor) => {
    expect(_.anchorOf(code)).toBe(anchor)
    expect(_.docsAnchor(code)).toBe(anchor)
  })
  it('is never empty, never upper case, only letters, digits, - and _, without a dash at either end', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (code) => {
        expect(_.anchorOf(code)).toMatch(/^(?!-)[a-z0-9_-]+(?<!-)$/)
      }),
    )
  })
})

describe('pageNameOf / docsPage', () => {
  it.each([
    ['AS', 'AS.md'],
    ['ModelArts', 'ModelArts.md'],
    ['index', 'index-service.md'],
    ['README', 'README-service.md'],
    ['../etc/passwd', 'etc-passwd.md'],
    ['', 'service.md'],
    ['a b/c', 'a-b-c.md'],
  ])('%j → %s', (service, page) => {
    expect(_.pageNameOf(service)).toBe(page)
    expect(_.docsPage(service)).toBe(page)
  })
  it('is a safe file name: no path separator, no leading dot, never index.md or readme.md', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (service) => {
        const page = _.pageNameOf(service)
        expect(page).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*\.md$/)
        expect(['index.md', 'readme.md']).not.toContain(page.toLowerCase())
      }),
    )
  })
})

describe('docsUrl', () => {
  it('joins base, page and anchor, adding the slash the base lacks', () => {
    expect(_.docsUrl('AS.0001', 'AS', 'https://example.com/catalog')).toBe('https://example.com/catalog/AS.md#as-0001')
    expect(_.docsUrl('AS.0001', 'AS', 'https://example.com/catalog/')).toBe('https://example.com/catalog/AS.md#as-0001')
    expect(_.docsUrl('APIG.0201', 'APIG', undefined, 'apig-0201-500')).toBe(`${_.DOCS_BASE_URL}APIG.md#apig-0201-500`)
  })
  it('encodes the anchor it is given', () => {
    expect(_.docsUrl('x', 'AS', 'https://e.com', 'a b#c')).toBe('https://e.com/AS.md#a%20b%23c')
  })
})

describe('docsLinks', () => {
  it('groups files by service and sorts the services without case', () => {
    const { services, groups, pageOf } = _.docsLinks(smallFiles)
    expect(services).toEqual(['APIG', 'AS', 'CES', 'DDS', 'RDS'])
    expect(groups.get('RDS')?.map((f) => f.name)).toEqual(['rds.json'])
    expect(pageOf.get('CES')).toBe('CES.md')
  })
  it('gives the plain anchor to the first variant of the owner, the status to the others', () => {
    const { anchors } = _.docsLinks(smallFiles)
    const [dds, rds, apig] = smallFiles
    expect(anchors.get(rds!.file.entries[0]!)).toBe('dbs-200019')
    expect(anchors.get(rds!.file.entries[1]!)).toBe('dbs-200019-500')
    expect(anchors.get(dds!.file.entries[0]!)).toBe('dbs-200019-400')
    expect(anchors.get(apig!.file.entries[1]!)).toBe('apig-0201-500')
    expect(anchors.get(rds!.file.entries[2]!)).toBe('rds-0001')
  })
  it('numbers an anchor or a page that is still taken', () => {
    const file = (service: string, entries: CatalogFile['entries']): CatalogFile => ({ service, title: service, prefixes: ['X'], sources: [], entries })
    const a = entry('X.1', 400, 'a')
    const b = entry('X-1', 400, 'b')
    const c = entry('X.1.400', null, 'c')
    const { anchors, pageOf } = _.docsLinks([
      { name: 'one.json', file: file('Foo', [a, b, c]) },
      { name: 'two.json', file: file('foo', []) },
    ])
    expect([anchors.get(a), anchors.get(b), anchors.get(c)]).toEqual(['x-1', 'x-1-400', 'x-1-400-none'])
    expect([pageOf.get('Foo'), pageOf.get('foo')]).toEqual(['Foo.md', 'foo-2.md'])
  })
  it('gives every entry of the shipped catalogue an anchor of its own, and every service a page of its own', () => {
    const { anchors, pageOf, services } = _.docsLinks(shipped)
    const all = shipped.flatMap(({ file }) => file.entries)
    expect(anchors.size).toBe(all.length)
    expect(new Set(anchors.values()).size).toBe(all.length)
    const pages = services.map((s) => pageOf.get(s)?.toLowerCase())
    expect(new Set(pages).size).toBe(services.length)
  })
})

describe('docsLinkOf', () => {
  it('finds the page and anchor of an entry by file, code and status', () => {
    expect(_.docsLinkOf(smallFiles, 'dds.json', 'DBS.200019', 400)).toEqual({ page: 'DDS.md', anchor: 'dbs-200019-400' })
    expect(_.docsLinkOf(smallFiles, 'rds.json', 'RDS.0001', null)).toEqual({ page: 'RDS.md', anchor: 'rds-0001' })
    expect(_.docsLinkOf(smallFiles, 'rds.json', 'RDS.0001', 500)).toBeUndefined()
    expect(_.docsLinkOf(smallFiles, 'as.json', 'DBS.200019', 400)).toBeUndefined()
  })
  it('agrees with docsLinks on every shipped entry', () => {
    const { anchors, pageOf } = _.docsLinks(shipped)
    for (const { name, file } of shipped) {
      for (const e of file.entries) expect(_.docsLinkOf(shipped, name, e.code, e.status)).toEqual({ page: pageOf.get(file.service), anchor: anchors.get(e) })
    }
  })
})
