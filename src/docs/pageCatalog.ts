/**
 * The catalogue of the library when it runs inside the generated HTML page. The browser bundle
 * (`scripts/bundle-browser.mjs`) puts this module in the place of `catalog/bundled.generated.ts`,
 * so the library reads the catalogue the page embeds as JSON instead of carrying a second copy:
 * the page's Explain box then uses exactly the catalogue its table shows.
 *
 * @since 0.1.0
 */
import { PAGE_IDS } from './ids.js'

const read = (): ReadonlyArray<{ readonly name: string; readonly content: unknown }> => {
  if (typeof document === 'undefined') return []
  const text = document.getElementById(PAGE_IDS.catalog)?.textContent ?? '[]'
  try {
    const parsed: unknown = JSON.parse(text)
    return Array.isArray(parsed) ? (parsed as Array<{ name: string; content: unknown }>) : []
  } catch {
    return []
  }
}

/**
 * The catalogue files embedded in the page (empty outside a page, or when the data is missing).
 *
 * @example
 * import { bundledCatalogFiles } from './pageCatalog.js'
 * Array.isArray(bundledCatalogFiles) // true
 *
 * @since 0.1.0
 * @category constants
 */
export const bundledCatalogFiles: ReadonlyArray<{ readonly name: string; readonly content: unknown }> = read()
