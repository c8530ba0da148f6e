/**
 * Where a catalogue entry is documented: the page of its service and its anchor there, as the
 * docs generator (`docs/`) writes them and as problem details (`report/`) link to them. Both
 * read the rule here, below them, so a link and its page cannot disagree.
 *
 * @since 0.1.0
 */
import type { CatalogFile } from './codec.js'
import { prefixOf } from './prefix.js'

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * Where the catalogue's docs pages (`<SERVICE>.md`) are published by default: the `docs/catalog/`
 * folder of the project's repository. Pass `baseUrl` to point at your own copy.
 *
 * @example
 * import { DOCS_BASE_URL } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.ok(DOCS_BASE_URL.endsWith('/docs/catalog/'))
 *
 * @since 0.1.0
 * @category constants
 */
export const DOCS_BASE_URL = 'https://github.com/otc-errors/otc-errors/blob/main/docs/catalog/'

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The anchor of a code: lower case, dots (and anything else that is not a letter, digit, `-` or
 * `_`) turned into dashes. It never contains an upper-case letter, so it cannot collide with the
 * camel-case ids of the HTML page's own elements.
 *
 * @example
 * import { anchorOf } from './links.js'
 * anchorOf('AS.0001') // 'as-0001'
 * anchorOf('SFS.TURBO.0001') // 'sfs-turbo-0001'
 *
 * @since 0.1.0
 * @category constructors
 */
export const anchorOf = (code: string): string => {
  const anchor = code
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return anchor === '' ? 'code' : anchor
}

const RESERVED_PAGES: ReadonlySet<string> = new Set(['index', 'readme'])

/**
 * The file name of a service's page: the service name with anything unsafe in a file name
 * replaced, plus `.md`.
 *
 * @example
 * import { pageNameOf } from './links.js'
 * pageNameOf('ModelArts') // 'ModelArts.md'
 *
 * @since 0.1.0
 * @category constructors
 */
export const pageNameOf = (service: string): string => {
  const base =
    service
      .trim()
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[.-]+/, '') || 'service'
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

type NamedFile = { readonly name: string; readonly file: CatalogFile }

/**
 * The pages and anchors of catalogue files: the files grouped by service, the services sorted by
 * name (without case), each service's page, and each entry's anchor, unique across the whole
 * catalogue. The first variant of a code gets the plain anchor (`apig-0201`); further variants
 * add their status (`apig-0201-413`). Internal: the docs generator and problem details use it.
 *
 * @internal
 * @since 0.1.0
 */
export const docsLinks = (files: ReadonlyArray<NamedFile>) => {
  const groups = new Map<string, Array<NamedFile>>()
  for (const item of files) {
    const group = groups.get(item.file.service)
    if (group === undefined) groups.set(item.file.service, [item])
    else group.push(item)
  }
  const pageName = uniqueNames()
  const anchor = uniqueNames()
  const services = [...groups.keys()].sort(byName)
  const pageOf: ReadonlyMap<string, string> = new Map(services.map((service) => [service, `${pageName(pageNameOf(service).slice(0, -'.md'.length))}.md`]))
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
  return { groups: groups as ReadonlyMap<string, ReadonlyArray<NamedFile>>, services, pageOf, anchors: anchors as ReadonlyMap<CatalogFile['entries'][number], string> }
}

/** Page and anchor of every entry, per catalogue (computed once). */
const links = new WeakMap<object, ReadonlyMap<string, { readonly page: string; readonly anchor: string }>>()

const linkKey = (file: string, code: string, status: number | null): string => `${file}|${code}|${status}`

/**
 * The page and anchor of one entry (catalogue file name, code, documented status) on the pages
 * `otc-errors docs` generates, or undefined. Internal.
 *
 * @internal
 * @since 0.1.0
 */
export const docsLinkOf = (files: ReadonlyArray<NamedFile>, file: string, code: string, status: number | null): { readonly page: string; readonly anchor: string } | undefined => {
  let byEntry = links.get(files)
  if (byEntry === undefined) {
    const { pageOf, anchors } = docsLinks(files)
    const map = new Map<string, { readonly page: string; readonly anchor: string }>()
    for (const { name, file: f } of files) {
      const page = pageOf.get(f.service) ?? `${f.service}.md`
      for (const e of f.entries) map.set(linkKey(name, e.code, e.status), { page, anchor: anchors.get(e) ?? anchorOf(e.code) })
    }
    byEntry = map
    links.set(files, byEntry)
  }
  return byEntry.get(linkKey(file, code, status))
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The anchor of a code on its docs page: lower case, and every run of characters other than
 * letters, digits, `-` and `_` (dots, mostly) turned into a dash. The same rule as the docs
 * generator's.
 *
 * @example
 * import { docsAnchor } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(docsAnchor('SFS.TURBO.0001'), 'sfs-turbo-0001')
 *
 * @since 0.1.0
 * @category destructors
 */
export const docsAnchor = (code: string): string => anchorOf(code)

/**
 * The docs page of a service: its name with characters unsafe in a file name replaced, plus
 * `.md` (`AS.md`; `index` and `readme` get a `-service` suffix). The same rule as the docs
 * generator's.
 *
 * @example
 * import { docsPage } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(docsPage('ModelArts'), 'ModelArts.md')
 *
 * @since 0.1.0
 * @category destructors
 */
export const docsPage = (service: string): string => pageNameOf(service)

/**
 * A docs link: `<base>/<page of the service>#<anchor>`. `anchor` defaults to the code's plain
 * anchor (`docsAnchor`); a code documented with several statuses has one anchor per variant
 * (`toProblemDetails` picks the right one).
 *
 * @example
 * import { docsUrl } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(docsUrl('AS.0001', 'AS', 'https://example.com/catalog'), 'https://example.com/catalog/AS.md#as-0001')
 *
 * @since 0.1.0
 * @category destructors
 */
export const docsUrl = (code: string, service: string, baseUrl: string = DOCS_BASE_URL, anchor: string = docsAnchor(code)): string =>
  `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${encodeURIComponent(docsPage(service))}#${encodeURIComponent(anchor)}`
