/**
 * The machinery behind every `Catalog`: lookup keys (prefix case and aliases resolved), the
 * prefix and service tables read from the file headers, the pick of a variant by status and
 * service, suggestions. A catalogue is this logic over a `CatalogSource`: the eager one built
 * from validated files (`makeCatalog`), or the lazy one over the packed shipped catalogue
 * (`pack.ts`), which materialises entries only when a code is looked up.
 *
 * Internal: not exported from the package root.
 *
 * @internal
 * @since 0.1.0
 */
import * as O from '../fp/option.js'
import { statusClassOf } from '../error/status.js'
import type { Catalog, CatalogEntry, Replacement } from './catalog.js'
import { type CatalogFile, docsUrlOf } from './codec.js'
import { prefixOf } from './prefix.js'

/** A catalogue file without its entries. */
export type CatalogHeader = Omit<CatalogFile, 'entries'>

/** What the file headers say: prefix spellings, aliases, the services and their endpoint labels. */
export interface HeaderIndex {
  /** lower-case prefix → the catalogue's spelling of the prefix it stands for */
  readonly prefixes: ReadonlyMap<string, string>
  /** every prefix spelling, as written in the files */
  readonly spellings: ReadonlyArray<string>
  /** lower-case service name, file name or endpoint label → the service (`api`) it names */
  readonly services: ReadonlyMap<string, string>
}

/** Where a catalogue's entries come from: by lookup key, and the keys in catalogue order. */
export interface CatalogSource extends HeaderIndex {
  /** The variants of a lookup key (see `keyOf`), the owner of the code's prefix first. */
  readonly variants: (key: string) => ReadonlyArray<CatalogEntry> | undefined
  /** Every lookup key, in catalogue order (the order `entries()` follows). */
  readonly keys: () => ReadonlyArray<string>
  /** The files, by name (the same array on every call). */
  readonly files: () => ReadonlyArray<{ readonly name: string; readonly file: CatalogFile }>
}

/** The lookup key of a code: lower case, the prefix resolved through the aliases. */
export const keyOf = (prefixes: ReadonlyMap<string, string>, code: string): string => {
  const trimmed = code.trim()
  const prefix = prefixOf(trimmed)
  if (prefix === null) return trimmed.toLowerCase()
  const canonical = prefixes.get(prefix.toLowerCase())
  return `${(canonical ?? prefix).toLowerCase()}${trimmed.slice(prefix.length).toLowerCase()}`
}

/** The prefix, alias and service tables of a catalogue's files. */
export const headerIndex = (files: ReadonlyArray<{ readonly name: string; readonly file: CatalogHeader }>): HeaderIndex => {
  const prefixes = new Map<string, string>()
  const spellings: Array<string> = []
  const services = new Map<string, string>()
  // A prefix is spelled as the file that owns it spells it; a file that shares it follows.
  for (const key of ['prefixes', 'sharedPrefixes'] as const) {
    for (const { file } of files) {
      for (const p of file[key] ?? []) {
        if (!prefixes.has(p.toLowerCase())) prefixes.set(p.toLowerCase(), p)
        spellings.push(p)
      }
    }
  }
  for (const { file } of files) {
    for (const [alias, target] of Object.entries(file.aliases ?? {})) {
      if (!prefixes.has(alias.toLowerCase())) prefixes.set(alias.toLowerCase(), prefixes.get(target.toLowerCase()) ?? target)
      spellings.push(alias)
    }
  }
  for (const { name, file } of files) {
    for (const label of [file.service, name.replace(/\.json$/, ''), ...(file.endpoints ?? [])]) {
      if (!services.has(label.toLowerCase())) services.set(label.toLowerCase(), file.service)
    }
  }
  return { prefixes, spellings, services }
}

/** The service of a code: its prefix as the catalogue spells it, or the file's service for a bare code. */
const serviceOf = (prefixes: ReadonlyMap<string, string>, file: CatalogHeader, code: string): string => {
  const prefix = prefixOf(code)
  return prefix === null ? file.service : (prefixes.get(prefix.toLowerCase()) ?? prefix)
}

/** The `CatalogEntry` of a file's entry. */
export const toEntry = (prefixes: ReadonlyMap<string, string>, name: string, file: CatalogHeader, entry: CatalogFile['entries'][number]): CatalogEntry => ({
  code: entry.code,
  service: serviceOf(prefixes, file, entry.code),
  status: entry.status,
  message: entry.message,
  category: entry.category,
  retry: entry.retry,
  remedy: entry.remedy,
  ...(entry.otherMessages === undefined ? {} : { otherMessages: entry.otherMessages }),
  file: name,
  api: file.service,
  docsUrl: docsUrlOf(file, entry),
  ...(entry.replaces === true && entry.reason !== undefined ? { replaces: entry.reason } : {}),
})

/**
 * The variants of every code in catalogue order, as `[key, [file index, entry index]...]`: the
 * owner of a shared prefix first (its variants are the ones a lookup without a service gets),
 * then files in order, entries in order.
 */
export const variantOrder = (prefixes: ReadonlyMap<string, string>, files: ReadonlyArray<{ readonly file: CatalogFile }>): Map<string, Array<readonly [number, number]>> => {
  const byCode = new Map<string, Array<readonly [number, number]>>()
  const owns = (file: CatalogFile, code: string): boolean => {
    const prefix = prefixOf(code)
    return prefix !== null && file.prefixes.some((p) => p.toLowerCase() === prefix.toLowerCase())
  }
  for (const pass of [true, false]) {
    files.forEach(({ file }, f) => {
      file.entries.forEach((entry, e) => {
        if (owns(file, entry.code) !== pass) return
        const key = keyOf(prefixes, entry.code)
        const list = byCode.get(key)
        if (list === undefined) byCode.set(key, [[f, e]])
        else list.push([f, e])
      })
    })
  }
  return byCode
}

/** A source over validated files, every entry built up front. */
export const eagerSource = (files: ReadonlyArray<{ readonly name: string; readonly file: CatalogFile }>): CatalogSource => {
  const header = headerIndex(files)
  const byCode = new Map<string, ReadonlyArray<CatalogEntry>>()
  for (const [key, refs] of variantOrder(header.prefixes, files)) {
    byCode.set(
      key,
      refs.flatMap(([f, e]) => {
        const named = files[f]
        const entry = named?.file.entries[e]
        return named === undefined || entry === undefined ? [] : [toEntry(header.prefixes, named.name, named.file, entry)]
      }),
    )
  }
  const keys = [...byCode.keys()]
  return { ...header, variants: (key) => byCode.get(key), keys: () => keys, files: () => files }
}

/** The variant that fits an observed status (and the service the response came from) best. */
const pick = (all: ReadonlyArray<CatalogEntry>, status: number | undefined, api: string | undefined): CatalogEntry | undefined => {
  const own = api === undefined ? [] : all.filter((v) => v.api === api)
  const variants = own.length > 0 ? own : all
  if (status === undefined) return variants[0]
  return (
    variants.find((v) => v.status === status) ??
    variants.find((v) => v.status !== null && statusClassOf(v.status) === statusClassOf(status)) ??
    variants.find((v) => v.status === null) ??
    variants[0]
  )
}

/** Levenshtein distance, bounded: gives up (returns `limit + 1`) once every path exceeds `limit`. */
const distance = (a: string, b: string, limit: number): number => {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
      current.push(value)
      if (value < best) best = value
    }
    if (best > limit) return limit + 1
    previous = current
  }
  return previous[b.length] ?? limit + 1
}

const NONE: ReadonlyArray<CatalogEntry> = []

/** The `Catalog` over a source: lookups (with a small cache of recent answers), suggestions, prefixes. */
export const catalogOver = (source: CatalogSource, replacements: ReadonlyArray<Replacement> = []): Catalog => {
  const lookupAll = (code: string): ReadonlyArray<CatalogEntry> => source.variants(keyOf(source.prefixes, code)) ?? NONE
  // Error paths repeat the same few codes: remember recent answers per code and status
  // (bounded; the source never changes). Status -1 stands for "no status".
  const recent = new Map<string, Map<number, O.Option<CatalogEntry>>>()
  const lookup = (code: string, status?: number, service?: string): O.Option<CatalogEntry> => {
    if (typeof code !== 'string') return O.none
    if (typeof service === 'string' && service !== '') {
      const api = source.services.get(service.toLowerCase())
      if (api !== undefined) return O.fromNullable(pick(lookupAll(code), status, api))
    }
    const s = status ?? -1
    let byStatus = recent.get(code)
    const cached = byStatus?.get(s)
    if (cached !== undefined) return cached
    const found = O.fromNullable(pick(lookupAll(code), status, undefined))
    if (code.length <= 64) {
      if (byStatus === undefined) {
        if (recent.size >= 1024) recent.clear()
        byStatus = new Map()
        recent.set(code, byStatus)
      }
      if (byStatus.size < 16) byStatus.set(s, found)
    }
    return found
  }
  return {
    lookup,
    lookupAll,
    suggest: (code, max = 5) => {
      const key = keyOf(source.prefixes, code)
      const limit = Math.max(2, Math.floor(key.length / 3))
      const scored: Array<{ code: string; d: number }> = []
      for (const k of source.keys()) {
        const d = distance(key, k, limit)
        const first = d <= limit ? source.variants(k)?.[0] : undefined
        if (first !== undefined) scored.push({ code: first.code, d })
      }
      return scored
        .sort((a, b) => a.d - b.d || a.code.localeCompare(b.code))
        .slice(0, Math.max(0, max))
        .map((s) => s.code)
    },
    entries: () => source.keys().flatMap((k) => source.variants(k) ?? NONE),
    files: source.files,
    prefixes: () => source.spellings,
    hasPrefix: (prefix) => source.prefixes.has(prefix.toLowerCase()),
    canonicalCode: (code) => {
      const found = lookupAll(code)[0]
      if (found !== undefined) return found.code
      const prefix = prefixOf(code)
      const canonical = prefix === null ? undefined : source.prefixes.get(prefix.toLowerCase())
      return prefix === null || canonical === undefined ? code : `${canonical}${code.slice(prefix.length)}`
    },
    replacements: () => replacements,
  }
}
