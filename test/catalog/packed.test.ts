// The packed catalogue the package carries (dist/src/catalog/data/, written by the build) is
// the validated catalog/*.json, exactly, and the lazy catalogue over it answers every question
// as the catalogue built eagerly from the files does, while reading only the files a lookup
// needs. The validation itself happens at build time and in catalog.test.ts, never at run time.
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultCatalog, makeCatalog, validateCatalog, type Catalog } from '../../src/catalog/index.js'
import { packCatalog, packedSource, unpackFiles, type PackedCatalog, type PackedFile, type PackedIndex } from '../../src/catalog/pack.js'
import { shippedCatalog, shippedCatalogFiles } from '../../src/catalog/shipped.js'
import { catalogOver } from '../../src/catalog/view.js'
import { shippedFiles } from './shippedFiles.js'

const validated = validateCatalog(shippedFiles)
if (E.isLeft(validated)) throw new Error('catalog/ is invalid (see catalog.test.ts)')
const files = validated.right
const eager = makeCatalog(files)

const dataDir = join(import.meta.dirname, '..', '..', 'dist', 'src', 'catalog', 'data')
const require = createRequire(import.meta.url)
/** The packed catalogue as the build wrote it, counting the files read. */
const built = (): { packed: PackedCatalog; read: Array<string> } => {
  const index = require(join(dataDir, 'index.json')) as PackedIndex
  const read: Array<string> = []
  return {
    read,
    packed: {
      index: () => index,
      file: (f) => {
        const name = index.files[f]?.[0] ?? '?'
        read.push(name)
        return require(join(dataDir, name)) as PackedFile
      },
    },
  }
}

const codes = [...new Set(files.flatMap(({ file }) => file.entries.map((e) => e.code)))]

describe('the packed catalogue', () => {
  it('unpacks to the validated catalog/*.json, key order included', () => {
    expect(JSON.stringify(unpackFiles(built().packed))).toBe(JSON.stringify(files))
    expect(JSON.stringify(shippedCatalogFiles())).toBe(JSON.stringify(shippedFiles))
  })
  it('is what packCatalog makes of the files now (the build is not stale)', () => {
    const now = packCatalog(files)
    const { packed } = built()
    expect(JSON.stringify(packed.index())).toBe(JSON.stringify(now.index))
    now.files.forEach((file, f) => expect(JSON.stringify(packed.file(f)), files[f]?.name).toBe(JSON.stringify(file)))
  })
  it('is a third of the catalogue files or less', () => {
    const { packed } = built()
    const size = JSON.stringify(packed.index()).length + files.reduce((n, _, f) => n + JSON.stringify(packed.file(f)).length, 0)
    expect(size).toBeLessThan(JSON.stringify(files).length * 0.5)
  })
})

describe('the shipped catalogue, read lazily', () => {
  const lazy = shippedCatalog()
  it('is the default catalogue', () => {
    expect(defaultCatalog()).toBe(lazy)
  })
  it('gives every entry, in the order of the catalogue built from the files', () => {
    expect(lazy.entries()).toEqual(eager.entries())
    expect(lazy.files()).toEqual(eager.files())
    expect(lazy.files()).toBe(lazy.files())
    expect(lazy.prefixes()).toEqual(eager.prefixes())
  })
  it('finds every code as the eager catalogue does, in any case and alias spelling', () => {
    const fresh: Catalog = catalogOver(packedSource(built().packed))
    for (const code of codes) {
      for (const spelling of [code, code.toUpperCase(), code.toLowerCase()]) {
        expect(fresh.lookupAll(spelling), spelling).toEqual(eager.lookupAll(spelling))
        expect(fresh.canonicalCode(spelling), spelling).toBe(eager.canonicalCode(spelling))
      }
    }
    for (const [code, status, service] of [
      ['APIGW.0308', 429, undefined],
      ['DBS.200010', 400, 'gaussdb-nosql'],
      ['DBS.200010', 403, 'taurusdb'],
      ['VPC.0101', undefined, 'EIP'],
      ['APIG.0201', 418, undefined],
      ['SubnetNotFound', 404, undefined],
      ['NoSuchBucket', undefined, undefined],
      ['1101', 401, undefined],
      ['apigw.9999', 500, undefined],
      ['', undefined, undefined],
      ['.', undefined, undefined],
    ] as const) {
      expect(fresh.lookup(code, status, service), `${code} ${status} ${service}`).toEqual(eager.lookup(code, status, service))
    }
    for (const code of ['AS.00011', 'APIGW.03088', 'ecs.000', 'NoSuchBuckett', 'zzz']) expect(fresh.suggest(code), code).toEqual(eager.suggest(code))
    for (const prefix of ['apigw', 'SFS.TURBO', 'svcstg_ams', 'nope']) expect(fresh.hasPrefix(prefix), prefix).toBe(eager.hasPrefix(prefix))
  })
  it('reads only the files that hold the code looked up', () => {
    const { packed, read } = built()
    const fresh = catalogOver(packedSource(packed))
    expect(read).toEqual([])
    expect(O.isSome(fresh.lookup('AS.0001', 400))).toBe(true)
    expect(read).toEqual(['as.json'])
    expect(O.isSome(fresh.lookup('as.0002'))).toBe(true)
    expect(O.isNone(fresh.lookup('AS.99999'))).toBe(true)
    expect(O.isNone(fresh.lookup('NOPE.0001'))).toBe(true)
    expect(read).toEqual(['as.json'])
    // A shared prefix reads the files that print codes with it, and nothing else.
    fresh.lookup('DBS.200010')
    expect(new Set(read)).toEqual(new Set(['as.json', ...files.filter(({ file }) => file.entries.some((e) => /^dbs\.\d+$/i.test(e.code))).map(({ name }) => name)]))
  })
  it('makes an entry once: the same object for every lookup, and in entries()', () => {
    const fresh = catalogOver(packedSource(built().packed))
    const first = fresh.lookup('IMG.0001')
    expect(fresh.lookup('img.0001')).toEqual(first)
    expect(O.isSome(first) && fresh.entries().includes(first.value)).toBe(true)
  })
})
