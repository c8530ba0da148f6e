/**
 * The catalogue of the library when it runs inside the generated HTML page. The browser bundle
 * (`scripts/bundle-browser.mjs`) puts this module in the place of `catalog/bundled.generated.ts`,
 * so the library reads the data the page embeds (see `pageData.ts`) instead of carrying a second
 * copy: the page's Explain box then uses exactly the catalogue its table shows.
 *
 * @since 0.1.0
 */
import { PAGE_IDS } from './ids.js'
import { pageCatalogFiles, type PageData } from './pageData.js'

let parsed: PageData | null | undefined

/**
 * The data the page embeds, parsed once (null outside a page, or when it is missing or broken).
 *
 * @example
 * import { embeddedPageData } from './pageCatalog.js'
 * embeddedPageData() // null outside the page
 *
 * @since 0.1.0
 * @category constructors
 */
export const embeddedPageData = (): PageData | null => {
  if (parsed !== undefined) return parsed
  parsed = null
  if (typeof document === 'undefined') return parsed
  const text = document.getElementById(PAGE_IDS.catalog)?.textContent
  if (text === undefined || text === null) return parsed
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value === 'object' && value !== null && (value as { version?: unknown }).version === 1) parsed = value as PageData
  } catch {
    // a broken page: no data, so the table stays as rendered and Explain knows no code
  }
  return parsed
}

type Files = Array<{ readonly name: string; readonly content: unknown }>

let files: Files | undefined
const materialised = (): Files => {
  if (files === undefined) {
    const data = embeddedPageData()
    files = data === null ? [] : [...pageCatalogFiles(data)]
  }
  return files
}

/**
 * The catalogue files embedded in the page (empty outside a page, or when the data is missing).
 * Made from the page's data on first use (the first Explain), not when the page loads: the
 * array is a stand-in that builds the files when the library first reads it.
 *
 * @example
 * import { bundledCatalogFiles } from './pageCatalog.js'
 * Array.isArray(bundledCatalogFiles) // true
 *
 * @since 0.1.0
 * @category constants
 */
export const bundledCatalogFiles: ReadonlyArray<{ readonly name: string; readonly content: unknown }> = new Proxy([] as Files, {
  get: (_target, property): unknown => Reflect.get(materialised(), property) as unknown,
  has: (_target, property) => Reflect.has(materialised(), property),
  ownKeys: () => Reflect.ownKeys(materialised()),
  getOwnPropertyDescriptor: (_target, property) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(materialised(), property)
    // A proxy may not report `length` as configurable when its target's is not.
    return descriptor === undefined || property !== 'length' ? descriptor : { ...descriptor, configurable: false }
  },
})
