/**
 * The model behind every generated page: catalogue files grouped into one page per service, each
 * entry with an anchor that is unique across the whole catalogue (so one HTML page can hold every
 * code, and `AS.md#as-0001` and `index.html#as-0001` name the same entry).
 *
 * @since 0.1.0
 */
import { docsUrlOf, type CatalogFile } from '../catalog/codec.js'
import { anchorOf, docsLinks } from '../catalog/links.js'
import type { Category, RetryStrategy } from '../error/vocabulary.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One entry as the docs show it: the catalogue's fields plus its anchor and the page it is on.
 *
 * @example
 * import type { DocEntry } from './pages.js'
 * const entry: DocEntry = { code: 'AS.0001', service: 'AS', status: 500, message: 'System error.', otherMessages: [],
 *   category: 'server', retry: 'backoff', remedy: 'Retry later.', anchor: 'as-0001', page: 'AS.md' }
 *
 * @since 0.1.0
 * @category model
 */
export interface DocEntry {
  readonly code: string
  /** The service of the page the entry is on (the file's `service`). */
  readonly service: string
  readonly status: number | null
  readonly message: string
  readonly otherMessages: ReadonlyArray<string>
  readonly category: Category
  readonly retry: RetryStrategy
  readonly remedy: string
  /** The fragment that names the entry, unique across the catalogue (`as-0001`). */
  readonly anchor: string
  /** The catalogue file the entry comes from. */
  readonly file: string
  /** The official page of the table the code comes from (see `docsUrlOf`), or null. */
  readonly docsUrl: string | null
  /** The Markdown page the entry is on (`AS.md`). */
  readonly page: string
}

/**
 * The page of one service: every entry of the catalogue files with that service, in file order.
 *
 * @example
 * import { servicePages } from './pages.js'
 * const [page] = servicePages([{ name: 'as.json', file: { service: 'AS', title: 'Auto Scaling', prefixes: ['AS'], sources: [], entries: [] } }])
 * page?.page // 'AS.md'
 *
 * @since 0.1.0
 * @category model
 */
export interface ServicePage {
  readonly service: string
  readonly title: string
  /** The page's file name (`AS.md`). */
  readonly page: string
  readonly prefixes: ReadonlyArray<string>
  /** Alias prefix → the prefix it spells. */
  readonly aliases: Readonly<Record<string, string>>
  /** The published tables the files were made from. */
  readonly sources: CatalogFile['sources']
  /** The catalogue files the page is made of. */
  readonly files: ReadonlyArray<string>
  readonly entries: ReadonlyArray<DocEntry>
}

// The page and anchor rule lives below both the docs and problem details, in catalog/links.ts.
export { anchorOf, pageNameOf } from '../catalog/links.js'

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Groups catalogue files into service pages, sorted by service name (without case). The first
 * variant of a code gets the plain anchor (`apig-0201`); further variants add their status
 * (`apig-0201-413`). Deterministic: the same files always give the same pages.
 *
 * @example
 * import { servicePages } from './pages.js'
 * const entry = { code: 'AS.0001', status: 500, message: 'System error.', category: 'server', retry: 'backoff', remedy: 'Retry.' } as const
 * const [page] = servicePages([{ name: 'as.json', file: { service: 'AS', title: 'Auto Scaling', prefixes: ['AS'], sources: [], entries: [entry, { ...entry, status: 400, category: 'validation', retry: 'never' }] } }])
 * page?.entries.map((e) => e.anchor) // ['as-0001', 'as-0001-400']
 *
 * @since 0.1.0
 * @category constructors
 */
export const servicePages = (files: ReadonlyArray<{ readonly name: string; readonly file: CatalogFile }>): ReadonlyArray<ServicePage> => {
  const { groups, services, pageOf, anchors } = docsLinks(files)
  return services.map((service) => {
    const group = groups.get(service) ?? []
    const page = pageOf.get(service) ?? `${service}.md`
    const unique = <A>(values: ReadonlyArray<A>): ReadonlyArray<A> => [...new Set(values)]
    return {
      service,
      title: group[0]?.file.title ?? service,
      page,
      prefixes: unique(group.flatMap(({ file }) => file.prefixes)),
      aliases: Object.assign({}, ...group.map(({ file }) => file.aliases ?? {})) as Record<string, string>,
      sources: group.flatMap(({ file }) => file.sources),
      files: group.map(({ name }) => name),
      entries: group.flatMap(({ name, file }) =>
        file.entries.map((e): DocEntry => ({
          code: e.code,
          service,
          status: e.status,
          message: e.message,
          otherMessages: e.otherMessages ?? [],
          category: e.category,
          retry: e.retry,
          remedy: e.remedy,
          anchor: anchors.get(e) ?? anchorOf(e.code),
          file: name,
          docsUrl: docsUrlOf(file, e),
          page,
        })),
      ),
    }
  })
}
