import { describe, expect, it } from 'vitest'
import { defaultCatalog } from '../../src/catalog/index.js'
import type { CatalogFile, CatalogFileEntry, HttpStatus } from '../../src/catalog/codec.js'
import * as _ from '../../src/docs/pages.js'

const status = (n: number): HttpStatus => n as HttpStatus
const entry: CatalogFileEntry = { code: 'AS.0001', status: status(500), message: 'System error.', category: 'server', retry: 'backoff', remedy: 'Retry.' }
const file = (service: string, entries: CatalogFile['entries'], prefixes = [service]): CatalogFile => ({ service, title: service, prefixes, sources: [], entries })

describe('anchorOf', () => {
  it.each([
    ['AS.0001', 'as-0001'],
    ['APIG.0308', 'apig-0308'],
    ['SFS.TURBO.0001', 'sfs-turbo-0001'],
    ['ModelArts.0210', 'modelarts-0210'],
    ['NoSuchBucket', 'nosuchbucket'],
    ['1101', '1101'],
    [' odd code/ä ', 'odd-code'],
    ['...', 'code'],
  ])('%s → %s', (code, anchor) => {
    expect(_.anchorOf(code)).toBe(anchor)
  })
})

describe('pageNameOf', () => {
  it('keeps the service name, makes it safe, and never takes index.md', () => {
    expect(_.pageNameOf('AS')).toBe('AS.md')
    expect(_.pageNameOf('ces')).toBe('ces.md')
    expect(_.pageNameOf('a/b c')).toBe('a-b-c.md')
    expect(_.pageNameOf('../x')).toBe('x.md')
    expect(_.pageNameOf('index')).toBe('index-service.md')
    expect(_.pageNameOf('')).toBe('service.md')
  })
})

describe('servicePages', () => {
  it('gives the first variant of a code the plain anchor and the others their status', () => {
    const [page] = _.servicePages([{ name: 'as.json', file: file('AS', [entry, { ...entry, status: status(400) }, { ...entry, status: null }, { ...entry, code: 'AS.0002' }]) }])
    expect(page?.entries.map((e) => e.anchor)).toEqual(['as-0001', 'as-0001-400', 'as-0001-none', 'as-0002'])
  })
  it('merges files of one service, sorts services without case, and keeps page names distinct', () => {
    const pages = _.servicePages([
      { name: 'b.json', file: file('b', [{ ...entry, code: 'b.1' }]) },
      { name: 'A.json', file: file('A', [{ ...entry, code: 'A.1' }]) },
      { name: 'a2.json', file: file('A', [{ ...entry, code: 'A.2' }]) },
      { name: 'a3.json', file: file('a', [{ ...entry, code: 'a.3' }]) },
    ])
    expect(pages.map((p) => [p.service, p.page, p.files, p.entries.map((e) => e.code)])).toEqual([
      ['A', 'A.md', ['A.json', 'a2.json'], ['A.1', 'A.2']],
      ['a', 'a-2.md', ['a3.json'], ['a.3']],
      ['b', 'b.md', ['b.json'], ['b.1']],
    ])
  })
  it('gives every entry of the shipped catalogue a unique anchor without upper case', () => {
    const pages = _.servicePages(defaultCatalog().files())
    const anchors = pages.flatMap((p) => p.entries.map((e) => e.anchor))
    expect(anchors.length).toBe(defaultCatalog().entries().length)
    expect(new Set(anchors).size).toBe(anchors.length)
    expect(anchors.every((a) => /^[a-z0-9_-]+$/.test(a))).toBe(true)
    expect(pages.length).toBe(new Set(defaultCatalog().files().map(({ file }) => file.service)).size)
    expect(pages.find((p) => p.service === 'AS')?.entries.find((e) => e.code === 'AS.0001')).toMatchObject({ anchor: 'as-0001', page: 'AS.md' })
    expect(pages.find((p) => p.service === 'APIG')?.entries.filter((e) => e.code === 'APIG.0201').map((e) => e.anchor)[0]).toBe('apig-0201')
  })
  it('is deterministic', () => {
    expect(_.servicePages(defaultCatalog().files())).toEqual(_.servicePages(defaultCatalog().files()))
  })
})
