import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import * as _ from '../../src/cli/catalogFiles.js'
import { defaultCatalog } from '../../src/catalog/catalog.js'
import { MAX_INPUT_BYTES } from '../../src/cli/io.js'
import { memoryIO } from './memoryIO.js'

const shopFile = (entries: ReadonlyArray<Record<string, unknown>> = [{ code: 'SHOP.0001', status: 409, message: 'Basket locked.' }]) => ({
  service: 'SHOP',
  title: 'Shop',
  prefixes: ['SHOP'],
  sources: [],
  entries: entries.map((e) => ({ category: 'conflict', retry: 'backoff', remedy: 'Wait.', ...e })),
})
const text = (value: unknown): string => JSON.stringify(value)

describe('readCatalogFiles', () => {
  it('reads every *.json of a directory but schema.json, in name order', async () => {
    const m = memoryIO({ 'd/b.json': text({ b: 1 }), 'd/a.json': text({ a: 1 }), 'd/schema.json': '{}', 'd/notes.txt': 'x', 'd/sub/c.json': '{}' })
    const r = await _.readCatalogFiles(m.io, 'd')
    expect(r).toEqual(
      E.right({
        files: [
          { name: 'd/a.json', content: { a: 1 } },
          { name: 'd/b.json', content: { b: 1 } },
        ],
        issues: [],
      }),
    )
  })
  it('reads one file', async () => {
    const r = await _.readCatalogFiles(memoryIO({ 'shop.json': text(shopFile()) }).io, 'shop.json')
    expect(r).toEqual(E.right({ files: [{ name: 'shop.json', content: shopFile() }], issues: [] }))
  })
  it('reads a file with a byte order mark', async () => {
    const r = await _.readCatalogFiles(memoryIO({ 'bom.json': `\uFEFF${text({ a: 1 })}` }).io, 'bom.json')
    expect(E.isRight(r) && r.right.files).toEqual([{ name: 'bom.json', content: { a: 1 } }])
  })
  it('reports a file that is not JSON, or too large, as an issue of that file and goes on', async () => {
    const m = memoryIO({ 'd/a.json': '{"a":', 'd/b.json': new Uint8Array(MAX_INPUT_BYTES + 1), 'd/c.json': '{}' })
    const r = await _.readCatalogFiles(m.io, 'd')
    if (E.isLeft(r)) throw new Error(r.left)
    expect(r.right.files).toEqual([{ name: 'd/c.json', content: {} }])
    expect(r.right.issues).toEqual([
      { file: 'd/a.json', entry: null, code: null, field: '(file)', message: expect.stringMatching(/^not valid JSON: /) },
      { file: 'd/b.json', entry: null, code: null, field: '(file)', message: 'd/b.json is larger than 64 MiB, the most otc-errors reads of one input' },
    ])
  })
  it('is Left with one line for a path that cannot be read at all', async () => {
    expect(await _.readCatalogFiles(memoryIO().io, 'nowhere')).toEqual(E.left('nowhere: no such file or directory'))
  })
})

describe('layerCatalog', () => {
  it("adds a user's codes to the shipped ones, without notes", () => {
    const r = _.layerCatalog([{ name: 'mine/shop.json', content: shopFile() }])
    if (E.isLeft(r)) throw new Error('invalid')
    expect(r.right.notes).toEqual([])
    expect(O.isSome(r.right.catalog.lookup('SHOP.0001'))).toBe(true)
    expect(O.isSome(r.right.catalog.lookup('AS.0001'))).toBe(true)
    expect(r.right.catalog.entries().length).toBe(defaultCatalog().entries().length + 1)
  })
  it('lets a file named like a shipped one take its place, and says so', () => {
    const asFile = defaultCatalog()
      .files()
      .find((f) => f.name === 'as.json')!
    const edited = { ...asFile.file, entries: asFile.file.entries.slice(0, 1).map((e) => ({ ...e, message: 'Edited.' })) }
    const r = _.layerCatalog([{ name: 'edits/as.json', content: edited }])
    if (E.isLeft(r)) throw new Error('invalid')
    expect(r.right.notes).toEqual(['edits/as.json takes the place of the shipped as.json'])
    expect(r.right.catalog.lookupAll('AS.0001').map((e) => [e.file, e.message])).toEqual([['edits/as.json', 'Edited.']])
    expect(r.right.catalog.lookupAll(asFile.file.entries[1]!.code)).toEqual([])
  })
  it('replaces a shipped entry only when asked, with its reason, and says so', () => {
    const clash = _.layerCatalog([{ name: 'mine.json', content: { ...shopFile([{ code: 'AS.0001', status: 500, message: 'Ours.' }]), prefixes: [], sharedPrefixes: ['AS'] } }])
    expect(E.isLeft(clash) && clash.left.map((i) => i.field)).toEqual(['code'])
    const replaced = _.layerCatalog([
      {
        name: 'mine.json',
        content: { ...shopFile([{ code: 'AS.0001', status: 500, message: 'Ours.', replaces: true, reason: 'our gateway' }]), prefixes: [], sharedPrefixes: ['AS'] },
      },
    ])
    if (E.isLeft(replaced)) throw new Error(JSON.stringify(replaced.left))
    expect(replaced.right.notes).toEqual(['mine.json replaces AS.0001 (status 500) of as.json: our gateway'])
    const found = replaced.right.catalog.lookup('AS.0001', 500)
    expect(O.isSome(found) && [found.value.file, found.value.message]).toEqual(['mine.json', 'Ours.'])
  })
})

describe('catalogFor', () => {
  it('is the shipped catalogue itself without paths', async () => {
    expect(await _.catalogFor(memoryIO().io, [])).toEqual(E.right(defaultCatalog()))
  })
  it('layers every path, and prints each replacement note on stderr', async () => {
    const files = {
      'a/shop.json': text(shopFile()),
      'b.json': text({ ...shopFile([{ code: 'AS.0001', status: 500, message: 'Ours.', replaces: true, reason: 'why' }]), service: 'MINE', prefixes: [], sharedPrefixes: ['AS'] }),
    }
    const m = memoryIO(files)
    const r = await _.catalogFor(m.io, ['a', 'b.json'])
    expect(E.isRight(r) && O.isSome(r.right.lookup('SHOP.0001'))).toBe(true)
    expect(m.err()).toBe('otc-errors: note: b.json replaces AS.0001 (status 500) of as.json: why\n')
  })
  it('collects every problem of every path, one a line', async () => {
    const m = memoryIO({ 'bad.json': text(shopFile([{ code: 'SHOP.1', status: 700, message: 'm' }])), 'd/x.json': '[' })
    const r = await _.catalogFor(m.io, ['missing', 'bad.json', 'd'])
    const lines = E.isLeft(r) ? r.left.split('\n') : []
    // What could not be read, then what is wrong in the files that did: all of it in one run.
    expect(lines).toEqual([
      'missing: no such file or directory',
      expect.stringMatching(/^d\/x\.json: field "\(file\)": not valid JSON: /),
      'bad.json: entries[0] (SHOP.1): field "status": 700 is not an integer HTTP status from 100 to 599, or null',
    ])
  })
  it('fails on a file it cannot read even when the files it read are valid', async () => {
    const r = await _.catalogFor(memoryIO({ 'a/shop.json': text(shopFile()) }).io, ['a', 'missing'])
    expect(r).toEqual(E.left('missing: no such file or directory'))
  })
})

describe('drawReplacement', () => {
  it('says who replaces what, and why', () => {
    expect(_.drawReplacement({ code: 'AS.0001', status: 500, file: 'mine.json', replaced: 'as.json', reason: 'timeouts' })).toBe(
      'mine.json replaces AS.0001 (status 500) of as.json: timeouts',
    )
    expect(_.drawReplacement({ code: 'X.1', status: null, file: 'm.json', replaced: 'x.json', reason: 'r' })).toBe('m.json replaces X.1 (status none) of x.json: r')
  })
})
