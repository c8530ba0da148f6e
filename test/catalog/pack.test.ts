import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as _ from '../../src/catalog/pack.js'
import type { CatalogFile, HttpStatus } from '../../src/catalog/codec.js'
import { catalogOver, eagerSource } from '../../src/catalog/view.js'
import { categories, retryStrategies } from '../../src/error/vocabulary.js'
import { entry, smallFiles } from './smallCatalog.js'

type Named = { readonly name: string; readonly file: CatalogFile }

/** A packed catalogue in memory, read through JSON as the package reads its files, counting the file reads. */
const inMemory = (files: ReadonlyArray<Named>) => {
  const { index, files: packed } = JSON.parse(JSON.stringify(_.packCatalog(files))) as { index: _.PackedIndex; files: ReadonlyArray<_.PackedFile> }
  const reads: Array<number> = []
  const catalog: _.PackedCatalog = {
    index: () => index,
    file: (f) => {
      reads.push(f)
      return packed[f] ?? [[], [], []]
    },
  }
  return { catalog, reads, index, packed }
}

describe('packCatalog', () => {
  it('writes each file header in the index, without its entries', () => {
    const { index } = inMemory(smallFiles)
    expect(index.files.map(([name]) => name)).toEqual(smallFiles.map((f) => f.name))
    const [, rds] = index.files[1]!
    expect('entries' in rds).toBe(false)
    expect(rds.prefixes).toEqual(['DBS', 'RDS'])
  })
  it('routes each lookup-key prefix to the files that hold such codes, "" for codes without one', () => {
    const { index } = inMemory(smallFiles)
    expect(index.routes).toEqual({ dbs: [0, 1], rds: [1], '': [1], apig: [2], as: [3], ces: [4] })
  })
  it('stores each string and each list of keys of a file once', () => {
    const { packed } = inMemory(smallFiles)
    for (const [strings, keysets, rows] of packed) {
      expect(new Set(strings).size).toBe(strings.length)
      expect(new Set(keysets.map((k) => JSON.stringify(k))).size).toBe(keysets.length)
      for (const row of rows) expect(keysets[row[0] as number]?.length).toBe(row.length - 1)
    }
    const [strings] = packed[2]!
    expect(strings.filter((s) => s === 'APIG.0201')).toHaveLength(1)
  })
  it('keeps status and line as numbers', () => {
    const { packed } = inMemory(smallFiles)
    const [strings, keysets, rows] = packed[1]!
    const row = rows[0]!
    const keys = keysets[row[0] as number]!
    expect(row[keys.indexOf('status') + 1]).toBe(400)
    const source = row[keys.indexOf('source') + 1] as ReadonlyArray<unknown>
    const sourceKeys = keysets[source[0] as number]!
    expect(sourceKeys).toEqual(['path', 'line'])
    expect(source[2]).toBe(12)
    expect(strings[source[1] as number]).toBe('api-ref/source/appendix/error_codes.rst')
  })
  it('refuses what the format cannot carry: a "__proto__" key, a number where a string belongs', () => {
    const withProto = JSON.parse(
      `{"code":"AS.1","status":400,"message":"m","category":"validation","retry":"never","remedy":"r","__proto__":"x"}`,
    ) as CatalogFile['entries'][number]
    const as = (e: CatalogFile['entries'][number]): ReadonlyArray<Named> => [{ name: 'as.json', file: { service: 'AS', title: 'AS', prefixes: ['AS'], sources: [], entries: [e] } }]
    expect(() => _.packCatalog(as(withProto))).toThrow('pack: a "__proto__" key')
    expect(() => _.packCatalog(as({ ...entry('AS.1', 400, 'm'), rule: 5 as unknown as string }))).toThrow(/^pack: cannot pack 5 under "rule"/)
  })
})

describe('unpackFiles', () => {
  it('gives back the files exactly, key order included', () => {
    expect(JSON.stringify(_.unpackFiles(inMemory(smallFiles).catalog))).toBe(JSON.stringify(smallFiles))
  })
})

describe('packedSource', () => {
  it('reads the index only, until a code is looked up, then only the files its route names', () => {
    const { catalog, reads } = inMemory(smallFiles)
    const lazy = catalogOver(_.packedSource(catalog))
    expect(reads).toEqual([])
    expect(lazy.hasPrefix('APIGW')).toBe(true)
    expect(reads).toEqual([])
    expect(lazy.lookupAll('apigw.0201').map((e) => e.status)).toEqual([413, 500])
    expect(reads).toEqual([2])
    lazy.lookupAll('DBS.200019')
    expect(reads).toEqual([2, 0, 1])
    lazy.lookupAll('AS.9999')
    expect(reads).toEqual([2, 0, 1, 3])
    lazy.lookupAll('XYZ.1')
    expect(reads).toEqual([2, 0, 1, 3])
  })
  it('answers as the eager source does, owners first', () => {
    const lazy = catalogOver(_.packedSource(inMemory(smallFiles).catalog))
    const eager = catalogOver(eagerSource(smallFiles))
    for (const code of ['DBS.200019', 'APIGW.0308', 'ces.0001', 'CES.0001', '1101', 'RDS.0001', 'AS.0003', 'NoSuchKey']) {
      expect(lazy.lookupAll(code), code).toEqual(eager.lookupAll(code))
    }
    expect(lazy.entries()).toEqual(eager.entries())
    expect(lazy.files()).toEqual(eager.files())
    expect(lazy.suggest('AS.0003')).toEqual(eager.suggest('AS.0003'))
  })
})

// Generated catalogues: codes of a few prefixes (owned, shared, aliased, bare), any text.
const prefixes = ['AA', 'BB', 'cc', 'AA.X'] as const
const codeArb = fc.oneof(
  fc.tuple(fc.constantFrom(...prefixes, 'ZZ'), fc.integer({ min: 0, max: 30 })).map(([p, n]) => `${p}.${String(n).padStart(4, '0')}`),
  fc.constantFrom('1101', 'NoSuchKey', 'SVC_AB_4001'),
)
const entryArb = fc.record(
  {
    code: codeArb,
    status: fc.option(fc.constantFrom(400, 404, 429, 500), { nil: null }).map((s) => s as HttpStatus | null),
    message: fc.string({ unit: 'grapheme', maxLength: 12 }),
    category: fc.constantFrom(...categories),
    retry: fc.constantFrom(...retryStrategies),
    remedy: fc.string({ maxLength: 8 }),
    otherMessages: fc.array(fc.string({ maxLength: 6 }), { maxLength: 2 }),
    source: fc.record({ path: fc.constantFrom('a.rst', 'b.rst'), line: fc.nat(500) }),
  },
  { requiredKeys: ['code', 'status', 'message', 'category', 'retry', 'remedy'] },
)
const filesArb: fc.Arbitrary<ReadonlyArray<Named>> = fc
  .tuple(fc.array(entryArb, { maxLength: 8 }), fc.array(entryArb, { maxLength: 8 }), fc.array(entryArb, { maxLength: 8 }))
  .map(([a, b, c]) => [
    { name: 'b.json', file: { service: 'B', title: 'B', prefixes: [], sharedPrefixes: ['AA'], bareCodes: true, sources: [], entries: b } },
    { name: 'a.json', file: { service: 'A', title: 'A', prefixes: ['AA', 'AA.X'], aliases: { AAW: 'AA' }, sources: [{ repo: 'x/y', commit: 'c', paths: ['a.rst'] }], entries: a } },
    { name: 'c.json', file: { service: 'C', title: 'C', prefixes: ['BB', 'cc', 'ZZ'], bareCodes: true, endpoints: ['see'], sources: [], entries: c } },
  ])

describe('packed, generated catalogues', () => {
  it('unpack to themselves and answer every lookup as the eager catalogue does', () => {
    fc.assert(
      fc.property(filesArb, fc.array(fc.tuple(codeArb, fc.option(fc.constantFrom(400, 404, 500), { nil: undefined })), { maxLength: 10 }), (files, queries) => {
        const { catalog } = inMemory(files)
        expect(JSON.stringify(_.unpackFiles(catalog))).toBe(JSON.stringify(files))
        const lazy = catalogOver(_.packedSource(catalog))
        const eager = catalogOver(eagerSource(files))
        for (const [code, status] of queries) {
          expect(lazy.lookupAll(code)).toEqual(eager.lookupAll(code))
          expect(lazy.lookupAll(`aaw.${code.slice(code.indexOf('.') + 1)}`)).toEqual(eager.lookupAll(`aaw.${code.slice(code.indexOf('.') + 1)}`))
          expect(lazy.lookup(code, status)).toEqual(eager.lookup(code, status))
        }
        expect(lazy.entries()).toEqual(eager.entries())
      }),
      { numRuns: 60 },
    )
  })
})
