// The page's catalogue read from a stand-in document (the module keeps what it parsed, so each
// test loads it afresh).
import * as E from 'fp-ts/lib/Either.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { validateCatalog } from '../../src/catalog/validate.js'
import { PAGE_IDS } from '../../src/docs/ids.js'
import { pageCatalogFiles, pageData } from '../../src/docs/pageData.js'
import { servicePages } from '../../src/docs/pages.js'
import { smallFiles } from '../catalog/smallCatalog.js'

type PageCatalog = typeof import('../../src/docs/pageCatalog.js')

const data = pageData(servicePages(smallFiles), smallFiles)

/** The module, loaded in a document whose catalogue script holds `text` (no document at all for undefined). */
const load = async (text: string | null | undefined): Promise<{ module: PageCatalog; lookups: Array<string> }> => {
  const lookups: Array<string> = []
  if (text !== undefined) {
    vi.stubGlobal('document', {
      getElementById: (id: string) => {
        lookups.push(id)
        return id === PAGE_IDS.catalog && text !== null ? { textContent: text } : null
      },
    })
  }
  vi.resetModules()
  return { module: await import('../../src/docs/pageCatalog.js'), lookups }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('embeddedPageData', () => {
  it('is null outside a page', async () => {
    const { module } = await load(undefined)
    expect(module.embeddedPageData()).toBeNull()
    expect([...module.bundledCatalogFiles]).toEqual([])
  })
  it('reads the JSON the page embeds, once', async () => {
    const { module, lookups } = await load(JSON.stringify(data))
    expect(module.embeddedPageData()).toEqual(data)
    expect(module.embeddedPageData()).toBe(module.embeddedPageData())
    expect(lookups).toEqual([PAGE_IDS.catalog])
  })
  it('is null when the script is missing, broken, or of another version', async () => {
    for (const text of [null, '{"version":1', 'null', '[]', JSON.stringify({ ...data, version: 2 })]) {
      const { module } = await load(text)
      expect(module.embeddedPageData(), String(text)).toBeNull()
    }
  })
})

describe('bundledCatalogFiles', () => {
  it('reads nothing until first used', async () => {
    const { module, lookups } = await load(JSON.stringify(data))
    expect(lookups).toEqual([])
    expect(module.bundledCatalogFiles.length).toBe(smallFiles.length)
    expect(lookups).toEqual([PAGE_IDS.catalog])
  })
  it('behaves as the array of the files in the page, which validate as catalogue files', async () => {
    const { module } = await load(JSON.stringify(data))
    const files = module.bundledCatalogFiles
    expect(Array.isArray(files)).toBe(true)
    expect(files.map((f) => f.name)).toEqual(smallFiles.map((f) => f.name))
    expect([...files]).toEqual(pageCatalogFiles(data))
    expect(Object.keys(files)).toEqual(smallFiles.map((_f, i) => String(i)))
    expect(0 in files).toBe(true)
    expect(smallFiles.length in files).toBe(false)
    const validated = validateCatalog(files)
    expect(E.isRight(validated) && validated.right.map((f) => f.file.entries.length)).toEqual(smallFiles.map((f) => f.file.entries.length))
  })
  it('is empty in a page without data', async () => {
    const { module } = await load(null)
    expect(module.bundledCatalogFiles.length).toBe(0)
    expect(Object.keys(module.bundledCatalogFiles)).toEqual([])
  })
})
