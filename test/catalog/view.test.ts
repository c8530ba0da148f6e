import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as _ from '../../src/catalog/view.js'
import type { CatalogEntry } from '../../src/catalog/catalog.js'
import { smallFiles } from './smallCatalog.js'

const header = _.headerIndex(smallFiles)
const catalog = _.catalogOver(_.eagerSource(smallFiles))
const picked = (code: string, status?: number, service?: string): string => {
  const found = catalog.lookup(code, status, service)
  return O.isSome(found) ? `${found.value.api} ${found.value.code} ${found.value.status}` : 'none'
}
const variantsOf = (entries: ReadonlyArray<CatalogEntry>): Array<string> => entries.map((e) => `${e.api} ${e.code} ${e.status}`)

describe('headerIndex', () => {
  it('spells a prefix as the file that owns it, even when a sharing file comes first', () => {
    const index = _.headerIndex([
      { name: 'a.json', file: { service: 'A', title: 'A', prefixes: [], sharedPrefixes: ['dbs'], sources: [] } },
      { name: 'b.json', file: { service: 'B', title: 'B', prefixes: ['DBS'], sources: [] } },
    ])
    expect(index.prefixes.get('dbs')).toBe('DBS')
  })
  it('resolves an alias to the spelling of the prefix it stands for', () => {
    expect(header.prefixes.get('apigw')).toBe('APIG')
    expect(header.prefixes.get('ces')).toBe('ces')
  })
  it('lists every spelling: owned prefixes, then shared ones, then aliases', () => {
    expect(header.spellings).toEqual(['DBS', 'RDS', 'APIG', 'AS', 'ces', 'DBS', 'APIGW'])
  })
  it('names a service by its name, its file name and its endpoint labels, without case', () => {
    expect(header.services.get('rds')).toBe('RDS')
    expect(header.services.get('dds')).toBe('DDS')
    expect(header.services.get('apig')).toBe('APIG')
    expect(header.services.get('ces')).toBe('CES')
    expect(header.services.has('RDS')).toBe(false)
  })
})

describe('keyOf', () => {
  it('is the code in lower case, the prefix resolved through the aliases, trimmed', () => {
    expect(_.keyOf(header.prefixes, ' APIGW.0308 ')).toBe('apig.0308')
    expect(_.keyOf(header.prefixes, 'CES.0001')).toBe('ces.0001')
    expect(_.keyOf(header.prefixes, 'NoSuchBucket')).toBe('nosuchbucket')
    expect(_.keyOf(header.prefixes, 'XYZ.ALS.403.101')).toBe('xyz.als.403.101')
  })
  it('ignores case: any casing of a code has the same key', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('APIGW.0308', 'DBS.200019', 'ces.0001', '1101', 'SFS.TURBO.0001', 'SVCSTG_AMS_4000001'),
        fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
        (code, ups) => {
          const mixed = [...code].map((c, i) => (ups[i] === true ? c.toUpperCase() : c.toLowerCase())).join('')
          expect(_.keyOf(header.prefixes, mixed)).toBe(_.keyOf(header.prefixes, code))
        },
      ),
    )
  })
})

describe('toEntry', () => {
  const rds = smallFiles[1]!
  it("gives a bare code the file's service, a prefixed one its prefix as the catalogue spells it", () => {
    const bare = _.toEntry(header.prefixes, rds.name, rds.file, rds.file.entries[3]!)
    expect(bare).toMatchObject({ code: '1101', service: 'RDS', api: 'RDS', file: 'rds.json', otherMessages: ['Bare code, again'] })
    const apig = smallFiles[2]!
    expect(_.toEntry(header.prefixes, apig.name, apig.file, { ...apig.file.entries[2]!, code: 'apigw.0308' }).service).toBe('APIG')
  })
  it('carries the docs page of its source, and a reason only for a replacing entry', () => {
    const first = _.toEntry(header.prefixes, rds.name, rds.file, rds.file.entries[0]!)
    expect(first.docsUrl).toBe('https://docs.otc.t-systems.com/relational-database-service/api-ref/appendix/error_codes.html')
    expect('replaces' in first).toBe(false)
    expect('otherMessages' in first).toBe(false)
    expect(_.toEntry(header.prefixes, rds.name, rds.file, { ...rds.file.entries[0]!, replaces: true, reason: 'ours' }).replaces).toBe('ours')
    expect('replaces' in _.toEntry(header.prefixes, rds.name, rds.file, { ...rds.file.entries[0]!, replaces: true })).toBe(false)
  })
})

describe('variantOrder', () => {
  it("puts the variants of the prefix's owner first, then files in order", () => {
    const order = _.variantOrder(header.prefixes, smallFiles)
    expect(order.get('dbs.200019')).toEqual([
      [1, 0],
      [1, 1],
      [0, 0],
    ])
    expect([...order.keys()]).toEqual(['dbs.200019', 'rds.0001', 'apig.0201', 'apig.0308', 'as.0001', 'as.0002', 'ces.0001', '1101'])
  })
})

describe('catalogOver: lookup', () => {
  it('without a status gives the first variant, that of the owner of the prefix', () => {
    expect(picked('DBS.200019')).toBe('RDS DBS.200019 400')
    expect(variantsOf(catalog.lookupAll('dbs.200019'))).toEqual(['RDS DBS.200019 400', 'RDS DBS.200019 500', 'DDS DBS.200019 400'])
  })
  it('with a status: the same status, else the same class, else a variant without a status, else the first', () => {
    expect(picked('DBS.200019', 500)).toBe('RDS DBS.200019 500')
    expect(picked('APIG.0201', 404)).toBe('APIG APIG.0201 413')
    expect(picked('APIG.0201', 503)).toBe('APIG APIG.0201 500')
    expect(picked('APIG.0201', 200)).toBe('APIG APIG.0201 413')
    expect(picked('RDS.0001', 404)).toBe('RDS RDS.0001 null')
  })
  it("with a service (a name or an endpoint label), prefers that service's variants", () => {
    expect(picked('DBS.200019', 400, 'dds')).toBe('DDS DBS.200019 400')
    expect(picked('DBS.200019', 400, 'DDS')).toBe('DDS DBS.200019 400')
    expect(picked('DBS.200019', 503, 'dds')).toBe('DDS DBS.200019 400')
    expect(picked('DBS.200019', 400, 'ecs')).toBe('RDS DBS.200019 400')
    expect(picked('AS.0001', 500, 'dds')).toBe('AS AS.0001 500')
  })
  it('finds a code through an alias or another case, and nothing for an unknown code or a non-string', () => {
    expect(picked('apigw.0308', 429)).toBe('APIG APIG.0308 429')
    expect(picked('CES.0001')).toBe('CES ces.0001 400')
    expect(picked('AS.9999')).toBe('none')
    expect(catalog.lookup(42 as unknown as string)).toEqual(O.none)
    expect(catalog.lookupAll('AS.9999')).toEqual([])
  })
  it('answers a repeated question as a fresh catalogue does (the cache of recent answers changes nothing)', () => {
    const codes = ['DBS.200019', 'dbs.200019', 'APIG.0201', 'APIGW.0201', 'RDS.0001', '1101', 'AS.0001', 'ces.0001', 'XX.1']
    const query = fc.record({
      code: fc.constantFrom(...codes),
      status: fc.option(fc.constantFrom(200, 400, 404, 413, 429, 500, 503), { nil: undefined }),
      service: fc.constantFrom(undefined, 'dds', 'rds', 'nope'),
    })
    fc.assert(
      fc.property(fc.array(query, { maxLength: 60 }), (queries) => {
        const cached = _.catalogOver(_.eagerSource(smallFiles))
        for (const { code, status, service } of queries) {
          const fresh = _.catalogOver(_.eagerSource(smallFiles))
          expect(cached.lookup(code, status, service)).toEqual(fresh.lookup(code, status, service))
        }
      }),
    )
  })
})

describe('catalogOver: the rest', () => {
  it('suggests known codes close to an unknown one, closest first, at most max', () => {
    expect(catalog.suggest('APIG.0309')[0]).toBe('APIG.0308')
    expect(catalog.suggest('AS.0003')).toEqual(['AS.0001', 'AS.0002'])
    expect(catalog.suggest('AS.0003', 1)).toEqual(['AS.0001'])
    expect(catalog.suggest('AS.0003', 0)).toEqual([])
    expect(catalog.suggest('completely-different-words')).toEqual([])
  })
  it('suggests only known codes, never more than asked, without repeats', () => {
    const known = new Set(catalog.entries().map((e) => e.code))
    fc.assert(
      fc.property(fc.string({ maxLength: 16 }), fc.integer({ min: -2, max: 8 }), (code, max) => {
        const got = catalog.suggest(code, max)
        expect(got.length).toBeLessThanOrEqual(Math.max(0, max))
        expect(new Set(got).size).toBe(got.length)
        for (const c of got) expect(known.has(c)).toBe(true)
      }),
    )
  })
  it('lists every entry, code by code in catalogue order', () => {
    expect(catalog.entries().length).toBe(smallFiles.reduce((n, f) => n + f.file.entries.length, 0))
    expect(catalog.entries().map((e) => e.code)).toEqual([
      'DBS.200019',
      'DBS.200019',
      'DBS.200019',
      'RDS.0001',
      'APIG.0201',
      'APIG.0201',
      'APIG.0308',
      'AS.0001',
      'AS.0002',
      'ces.0001',
      '1101',
    ])
  })
  it('knows its prefixes and aliases in any case, and spells codes as the catalogue does', () => {
    expect(catalog.prefixes()).toEqual(header.spellings)
    expect(['apigw', 'APIG', 'CES', 'dbs'].map(catalog.hasPrefix)).toEqual([true, true, true, true])
    expect(catalog.hasPrefix('ECS')).toBe(false)
    expect(catalog.canonicalCode('apigw.0308')).toBe('APIG.0308')
    expect(catalog.canonicalCode('APIGW.9999')).toBe('APIG.9999')
    expect(catalog.canonicalCode('CES.0001')).toBe('ces.0001')
    expect(catalog.canonicalCode('XYZ.1')).toBe('XYZ.1')
    expect(catalog.canonicalCode('NoSuchKey')).toBe('NoSuchKey')
  })
  it('gives back its files and replacements as given', () => {
    expect(catalog.files()).toBe(smallFiles)
    const replacements = [{ code: 'AS.0001', status: 500, file: 'mine.json', replaced: 'as.json', reason: 'ours' }]
    expect(_.catalogOver(_.eagerSource(smallFiles), replacements).replacements()).toBe(replacements)
    expect(catalog.replacements()).toEqual([])
  })
})
