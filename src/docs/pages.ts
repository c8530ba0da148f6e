/**
 * The model behind every generated page: catalogue files grouped into one page per service, each
 * entry with an anchor that is unique across the whole catalogue (so one HTML page can hold every
 * code, and `AS.md#as-0001` and `index.html#as-0001` name the same entry).
 *
 * @since 0.1.0
 */
import { docsUrlOf, prefixOf, type CatalogFile } from '../catalog/codec.js'
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

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The anchor of a code: lower case, dots (and anything else that is not a letter, digit, `-` or
 * `_`) turned into dashes. It never contains an upper-case letter, so it cannot collide with the
 * camel-case ids of the HTML page's own elements.
 *
 * @example
 * import { anchorOf } from './pages.js'
 * anchorOf('AS.0001') // 'as-0001'
 * anchorOf('SFS.TURBO.0001') // 'sfs-turbo-0001'
 *
 * @since 0.1.0
 * @category constructors
 */
export const anchorOf = (code: string): string => {
  const anchor = code.trim().toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '')
  return anchor === '' ? 'code' : anchor
}

const RESERVED_PAGES: ReadonlySet<string> = new Set(['index', 'readme'])

/**
 * The file name of a service's page: the service name with anything unsafe in a file name
 * replaced, plus `.md`.
 *
 * @example
 * import { pageNameOf } from './pages.js'
 * pageNameOf('ModelArts') // 'ModelArts.md'
 *
 * @since 0.1.0
 * @category constructors
 */
export const pageNameOf = (service: string): string => {
  const base = service.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'service'
  return `${RESERVED_PAGES.has(base.toLowerCase()) ? `${base}-service` : base}.md`
}

/** Hands out names, appending `-2`, `-3`, … to one already taken (compared without case). */
const uniqueNames = () => {
  const taken = new Set<string>()
  return (wanted: string, fallback: string = wanted): string => {
    let name = taken.has(wanted.toLowerCase()) ? fallback : wanted
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${fallback}-${n}`
    taken.add(name.toLowerCase())
    return name
  }
}

const byName = (a: string, b: string): number => {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0
}

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
  const groups = new Map<string, Array<{ readonly name: string; readonly file: CatalogFile }>>()
  for (const item of files) {
    const group = groups.get(item.file.service)
    if (group === undefined) groups.set(item.file.service, [item])
    else group.push(item)
  }
  const pageName = uniqueNames()
  const anchor = uniqueNames()
  const services = [...groups.keys()].sort(byName)
  const pageOf = new Map(services.map((service) => [service, `${pageName(pageNameOf(service).slice(0, -'.md'.length))}.md`]))
  // Anchors: the variants of the file that owns a code's prefix first (`RDS.md#dbs-200019`,
  // although DDS.md comes earlier), then the others, each in page order.
  const anchors = new Map<CatalogFile['entries'][number], string>()
  const owns = (file: CatalogFile, code: string): boolean => {
    const prefix = prefixOf(code)
    return prefix !== null && file.prefixes.some((p) => p.toLowerCase() === prefix.toLowerCase())
  }
  for (const pass of [true, false]) {
    for (const service of services) {
      for (const { file } of groups.get(service) ?? []) {
        for (const e of file.entries) {
          if (owns(file, e.code) !== pass) continue
          const plain = anchorOf(e.code)
          anchors.set(e, anchor(plain, `${plain}-${e.status ?? 'none'}`))
        }
      }
    }
  }
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
