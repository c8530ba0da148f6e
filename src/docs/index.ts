/**
 * Documentation generated from the catalogue: `index.md`, one Markdown page per service and a
 * self-contained, searchable `index.html`. Pure: it returns the files, the CLI writes them.
 *
 * @since 0.1.0
 */
import type { CatalogFile } from '../catalog/codec.js'
import { renderHtml } from './html.js'
import { renderIndexMarkdown, renderServiceMarkdown } from './markdown.js'
import { servicePages } from './pages.js'

export * from './glossary.js'
export * from './html.js'
export * from './markdown.js'
export * from './pages.js'
export * from './search.js'

/**
 * Which pages to make: Markdown, HTML, or both.
 *
 * @example
 * import type { DocsFormat } from './index.js'
 * const format: DocsFormat = 'all'
 *
 * @since 0.1.0
 * @category model
 */
export type DocsFormat = 'md' | 'html' | 'all'

/**
 * Every format, in the order `--format` lists them.
 *
 * @example
 * import { DOCS_FORMATS } from './index.js'
 * DOCS_FORMATS.join('|') // 'md|html|all'
 *
 * @since 0.1.0
 * @category constants
 */
export const DOCS_FORMATS: ReadonlyArray<DocsFormat> = ['md', 'html', 'all']

/**
 * One generated file: its path relative to the output directory, and its text.
 *
 * @example
 * import type { DocFile } from './index.js'
 * const file: DocFile = { path: 'index.md', content: '# …\n' }
 *
 * @since 0.1.0
 * @category model
 */
export interface DocFile {
  readonly path: string
  readonly content: string
}

/**
 * The documentation of catalogue files, in a fixed order (`index.md`, the service pages by
 * name, `index.html`). Deterministic: no dates, no machine-specific paths, so regenerating
 * unchanged input gives byte-identical files. `bundle` is the page script; it is required for
 * the HTML formats.
 *
 * @example
 * import { renderDocs } from './index.js'
 * import { defaultCatalog } from '../catalog/index.js'
 * renderDocs(defaultCatalog().files(), 'md', null).map((f) => f.path).slice(0, 3) // ['index.md', 'APIG.md', 'AS.md']
 *
 * @since 0.1.0
 * @category pages
 */
export const renderDocs = (
  files: ReadonlyArray<{ readonly name: string; readonly file: CatalogFile }>,
  format: DocsFormat,
  bundle: string | null,
): ReadonlyArray<DocFile> => {
  const pages = servicePages(files)
  const markdown = format === 'md' || format === 'all'
  const html = format === 'html' || format === 'all'
  return [
    ...(markdown
      ? [{ path: 'index.md', content: renderIndexMarkdown(pages, { html }) }, ...pages.map((p) => ({ path: p.page, content: renderServiceMarkdown(p) }))]
      : []),
    ...(html ? [{ path: 'index.html', content: renderHtml(pages, files, bundle ?? '') }] : []),
  ]
}
