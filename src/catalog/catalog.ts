/**
 * The catalogue in memory: O(1) lookup by code (tolerant of prefix case and alias spellings),
 * variants picked by the observed status, suggestions for unknown codes, and layering of a
 * user's own files over the shipped ones.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type { Category, RetryStrategy } from '../error/vocabulary.js'
import { statusClassOf } from '../classify/status.js'
import { bundledCatalogFiles } from './bundled.generated.js'
import { type CatalogFile, docsUrlOf, prefixOf } from './codec.js'
import { type CatalogIssue, drawIssue, validateCatalog } from './validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One meaning of a code: the code as the catalogue spells it, the service (the code's prefix as
 * the catalogue spells it, or the file's service for codes without a prefix), the documented
 * status, the API's literal message, category, retry strategy and our remedy.
 *
 * @example
 * import { lookup } from 'otc-errors'
 * import * as O from 'fp-ts/lib/Option.js'
 * import * as assert from 'node:assert'
 * const entry = lookup('AS.0001')
 * assert.ok(O.isSome(entry) && entry.value.service === 'AS')
 *
 * @since 0.1.0
 * @category model
 */
export interface CatalogEntry {
  readonly code: string
  readonly service: string
  readonly status: number | null
  readonly message: string
  readonly category: Category
  readonly retry: RetryStrategy
  readonly remedy: string
  /** Other literal messages the tables give for the same code and status. */
  readonly otherMessages?: ReadonlyArray<string>
  /** The catalogue file the entry comes from. */
  readonly file: string
  /** The service whose published table documents this variant (`RDS`, `DDS`, `EIP`): the file's service. */
  readonly api: string
  /** The official page of the table the entry comes from (see `docsUrlOf`), or null when unknown. */
  readonly docsUrl: string | null
  /** Set when a user's entry replaced a shipped one: why. */
  readonly replaces?: string
}

/**
 * A catalogue: lookups by code, all variants of a code, suggestions, and the files it is made of.
 *
 * @example
 * import { defaultCatalog } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const catalog = defaultCatalog()
 * assert.strictEqual(catalog.lookupAll('ModelArts.0210').length > 1, true)
 * assert.strictEqual(catalog.canonicalCode('apigw.0308'), 'APIG.0308')
 *
 * @since 0.1.0
 * @category model
 */
export interface Catalog {
  /**
   * The entry for a code. With the observed status, the variant documented with that status,
   * else one of the same status class, else the first; without a status, the first variant.
   * With `service` (the service the response came from: `RDS`, `dds`, or an endpoint's first
   * host label such as `gaussdb-nosql`), that service's variants are preferred.
   */
  readonly lookup: (code: string, status?: number, service?: string) => O.Option<CatalogEntry>
  /** Every variant of a code (one per documented status), in catalogue order. */
  readonly lookupAll: (code: string) => ReadonlyArray<CatalogEntry>
  /** Known codes close to an unknown one, closest first. */
  readonly suggest: (code: string, max?: number) => ReadonlyArray<string>
  /** Every entry, file by file. */
  readonly entries: () => ReadonlyArray<CatalogEntry>
  /** The validated files, by name. */
  readonly files: () => ReadonlyArray<{ readonly name: string; readonly file: CatalogFile }>
  /** Every prefix the catalogue knows, alias spellings included, as the files spell them. */
  readonly prefixes: () => ReadonlyArray<string>
  /** Whether a prefix (any case, or an alias spelling) belongs to the catalogue. */
  readonly hasPrefix: (prefix: string) => boolean
  /** The catalogue's spelling of a code (`APIG.0308` for `apigw.0308`); the code itself when unknown. */
  readonly canonicalCode: (code: string) => string
  /** The user's entries that replace shipped ones (`"replaces": true`), each with its reason. */
  readonly replacements: () => ReadonlyArray<Replacement>
}

/**
 * A user's entry that replaced a shipped one: the code and status, the two files, the reason.
 *
 * @example
 * import type { Replacement } from 'otc-errors'
 * const r: Replacement = { code: 'AS.0001', status: 500, file: 'mine.json', replaced: 'as.json', reason: 'our gateway sends it for timeouts' }
 *
 * @since 0.1.0
 * @category model
 */
export interface Replacement {
  readonly code: string
  readonly status: number | null
  readonly file: string
  readonly replaced: string
  readonly reason: string
}

// -------------------------------------------------------------------------------------
// internals
// -------------------------------------------------------------------------------------

interface Index {
  readonly byCode: Map<string, Array<CatalogEntry>>
  /** lower-case prefix → the catalogue's spelling of the prefix it stands for */
  readonly prefixes: Map<string, string>
  /** every prefix spelling, as written in the files */
  readonly spellings: Array<string>
  /** lower-case service name, file name or endpoint label → the service (`api`) it names */
  readonly services: Map<string, string>
}

/** The lookup key of a code: lower case, the prefix resolved through the aliases. */
const keyOf = (prefixes: ReadonlyMap<string, string>, code: string): string => {
  const trimmed = code.trim()
  const prefix = prefixOf(trimmed)
  if (prefix === null) return trimmed.toLowerCase()
  const canonical = prefixes.get(prefix.toLowerCase())
  return `${(canonical ?? prefix).toLowerCase()}${trimmed.slice(prefix.length).toLowerCase()}`
}

const serviceOf = (prefixes: ReadonlyMap<string, string>, file: CatalogFile, code: string): string => {
  const prefix = prefixOf(code)
  return prefix === null ? file.service : (prefixes.get(prefix.toLowerCase()) ?? prefix)
}

const toEntry = (prefixes: ReadonlyMap<string, string>, name: string, file: CatalogFile, entry: CatalogFile['entries'][number]): CatalogEntry => ({
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

const buildIndex = (files: ReadonlyArray<{ readonly name: string; readonly file: CatalogFile }>): Index => {
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
  const byCode = new Map<string, Array<CatalogEntry>>()
  // The owner of a shared prefix first: its variants are the ones a lookup without a service gets.
  const owns = ({ file }: { file: CatalogFile }, code: string): boolean => {
    const prefix = prefixOf(code)
    return prefix !== null && file.prefixes.some((p) => p.toLowerCase() === prefix.toLowerCase())
  }
  for (const pass of [true, false]) {
    for (const named of files) {
      const { name, file } = named
      for (const entry of file.entries) {
        if (owns(named, entry.code) !== pass) continue
        const key = keyOf(prefixes, entry.code)
        const list = byCode.get(key)
        const value = toEntry(prefixes, name, file, entry)
        if (list === undefined) byCode.set(key, [value])
        else list.push(value)
      }
    }
  }
  return { byCode, prefixes, spellings, services }
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

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A catalogue over validated files (see `validateCatalog`); later files add variants to codes of
 * earlier ones.
 *
 * @example
 * import { makeCatalog } from 'otc-errors'
 * import * as O from 'fp-ts/lib/Option.js'
 * import * as assert from 'node:assert'
 * const catalog = makeCatalog([{ name: 'shop.json', file: { service: 'SHOP', title: 'Shop', prefixes: ['SHOP'], sources: [],
 *   entries: [{ code: 'SHOP.0001', status: 409, message: 'Basket locked.', category: 'conflict', retry: 'backoff', remedy: 'Wait, then retry.' }] } }])
 * assert.strictEqual(O.isSome(catalog.lookup('shop.0001')), true)
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeCatalog = (
  files: ReadonlyArray<{ readonly name: string; readonly file: CatalogFile }>,
  replacements: ReadonlyArray<Replacement> = [],
): Catalog => {
  const index = buildIndex(files)
  const all = (): ReadonlyArray<CatalogEntry> => [...index.byCode.values()].flat()
  const lookupAll = (code: string): ReadonlyArray<CatalogEntry> => index.byCode.get(keyOf(index.prefixes, code)) ?? []
  // Error paths repeat the same few codes: remember recent answers per code and status
  // (bounded; the index never changes). Status -1 stands for "no status".
  const recent = new Map<string, Map<number, O.Option<CatalogEntry>>>()
  const lookup = (code: string, status?: number, service?: string): O.Option<CatalogEntry> => {
    if (typeof code !== 'string') return O.none
    if (typeof service === 'string' && service !== '') {
      const api = index.services.get(service.toLowerCase())
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
      const key = keyOf(index.prefixes, code)
      const limit = Math.max(2, Math.floor(key.length / 3))
      const scored: Array<{ code: string; d: number }> = []
      for (const [k, variants] of index.byCode) {
        const d = distance(key, k, limit)
        if (d <= limit && variants[0] !== undefined) scored.push({ code: variants[0].code, d })
      }
      return scored
        .sort((a, b) => a.d - b.d || a.code.localeCompare(b.code))
        .slice(0, Math.max(0, max))
        .map((s) => s.code)
    },
    entries: all,
    files: () => files,
    prefixes: () => index.spellings,
    hasPrefix: (prefix) => index.prefixes.has(prefix.toLowerCase()),
    canonicalCode: (code) => {
      const found = lookupAll(code)[0]
      if (found !== undefined) return found.code
      const prefix = prefixOf(code)
      const canonical = prefix === null ? undefined : index.prefixes.get(prefix.toLowerCase())
      return prefix === null || canonical === undefined ? code : `${canonical}${code.slice(prefix.length)}`
    },
    replacements: () => replacements,
  }
}

let shipped: Catalog | undefined

/**
 * The shipped catalogue (bundled into the build; validated once, on first use).
 *
 * @example
 * import { defaultCatalog } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(defaultCatalog().hasPrefix('APIGW'), true)
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultCatalog = (): Catalog => {
  if (shipped !== undefined) return shipped
  const result = validateCatalog(bundledCatalogFiles)
  // The shipped files are checked by the tests; should one ever be broken, keep the valid ones.
  shipped = makeCatalog(
    E.isRight(result)
      ? result.right
      : bundledCatalogFiles.flatMap(({ name, content }) => {
          const one = validateCatalog([{ name, content }])
          return E.isRight(one) ? one.right : []
        }),
  )
  return shipped
}

/**
 * Layers a user's own catalogue files (parsed JSON, in the catalogue file format) over a base
 * catalogue (the shipped one by default). The extra files may add codes to a known prefix or new
 * prefixes; an entry with the same code and status as one of the base is a conflict, reported
 * rather than overwritten, like any other problem of the files, unless it says
 * `"replaces": true` with a `reason`: then it replaces that entry, and `replacements()` lists it.
 *
 * @example
 * import { withCatalog, lookup } from 'otc-errors'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as O from 'fp-ts/lib/Option.js'
 * import * as assert from 'node:assert'
 * const mine = { service: 'SHOP', title: 'Our shop API', prefixes: ['SHOP'], sources: [],
 *   entries: [{ code: 'SHOP.0001', status: 409, message: 'Basket locked.', category: 'conflict', retry: 'backoff', remedy: 'Wait, then retry.' }] }
 * const catalog = withCatalog([mine])
 * assert.ok(E.isRight(catalog) && O.isSome(catalog.right.lookup('SHOP.0001')) && O.isSome(catalog.right.lookup('AS.0001')))
 *
 * @since 0.1.0
 * @category constructors
 */
export const withCatalog = (
  extra: ReadonlyArray<unknown>,
  base: Catalog = defaultCatalog(),
): E.Either<ReadonlyArray<CatalogIssue>, Catalog> => {
  const named = extra.map((content, i) => {
    const wrapped = typeof content === 'object' && content !== null && 'name' in content && 'content' in content
    return wrapped ? (content as { name: string; content: unknown }) : { name: `extra[${i}]`, content }
  })
  const validated = validateCatalog(named)
  if (E.isLeft(validated)) return E.left(validated.left)
  const issues: Array<CatalogIssue> = []
  const replaced: Array<Replacement> = []
  const removed = new Set<string>()
  for (const { name, file } of validated.right) {
    file.entries.forEach((entry, index) => {
      const clashes = base.lookupAll(entry.code).filter((v) => v.status === entry.status)
      const at = { file: name, entry: index, code: entry.code }
      if (entry.replaces === true) {
        if (clashes.length === 0) issues.push({ ...at, field: 'replaces', message: `replaces nothing: no entry of the base catalogue has code ${entry.code} with status ${entry.status ?? 'none'}` })
        for (const clash of clashes) {
          removed.add(`${clash.file}|${clash.code.toLowerCase()}|${clash.status}`)
          replaced.push({ code: clash.code, status: clash.status, file: name, replaced: clash.file, reason: entry.reason ?? '' })
        }
      } else {
        for (const clash of clashes) {
          issues.push({
            ...at,
            field: 'code',
            message: `conflicts with ${clash.code} (status ${clash.status ?? 'none'}) of ${clash.file}; to replace it, set "replaces": true and give a "reason"`,
          })
        }
      }
    })
  }
  if (issues.length > 0) return E.left(issues)
  const kept = base.files().map(({ name, file }) => {
    const entries = file.entries.filter((e) => !removed.has(`${name}|${e.code.toLowerCase()}|${e.status}`))
    return entries.length === file.entries.length ? { name, file } : { name, file: { ...file, entries } }
  })
  return E.right(makeCatalog([...kept, ...validated.right], [...base.replacements(), ...replaced]))
}

/**
 * Looks a code up in the shipped catalogue (see `Catalog.lookup`).
 *
 * @example
 * import { lookup } from 'otc-errors'
 * import * as O from 'fp-ts/lib/Option.js'
 * import * as assert from 'node:assert'
 * const entry = lookup('APIGW.0308', 429)
 * assert.ok(O.isSome(entry) && entry.value.code === 'APIG.0308' && entry.value.category === 'throttled')
 *
 * @since 0.1.0
 * @category destructors
 */
export const lookup = (code: string, status?: number): O.Option<CatalogEntry> => defaultCatalog().lookup(code, status)

/**
 * The problems of a catalogue as lines for people.
 *
 * @example
 * import { drawIssues } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(drawIssues([{ file: 'a.json', entry: null, code: null, field: 'service', message: 'missing' }]), 'a.json: field "service": missing')
 *
 * @since 0.1.0
 * @category destructors
 */
export const drawIssues = (issues: ReadonlyArray<CatalogIssue>): string => issues.map(drawIssue).join('\n')
