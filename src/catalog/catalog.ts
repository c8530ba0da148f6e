/**
 * The catalogue in memory: O(1) lookup by code (tolerant of prefix case and alias spellings),
 * variants picked by the observed status, suggestions for unknown codes, and layering of a
 * user's own files over the shipped ones.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as O from 'fp-ts/lib/Option.js'
import type { Category, RetryStrategy } from '../error/vocabulary.js'
import type { CatalogFile } from './codec.js'
import { providedCatalog } from './slot.js'
import { type CatalogIssue, drawIssue, validateCatalog } from './validate.js'
import { catalogOver, eagerSource } from './view.js'

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
export const makeCatalog = (files: ReadonlyArray<{ readonly name: string; readonly file: CatalogFile }>, replacements: ReadonlyArray<Replacement> = []): Catalog =>
  catalogOver(eagerSource(files), replacements)

const NONE: ReadonlyArray<never> = []

/** The catalogue without a single file (what `makeCatalog([])` gives), without the lookup machinery a bundle would then carry. */
const EMPTY: Catalog = {
  lookup: () => ({ _tag: 'None' }),
  lookupAll: () => NONE,
  suggest: () => NONE,
  entries: () => NONE,
  files: () => NONE,
  prefixes: () => NONE,
  hasPrefix: () => false,
  canonicalCode: (code) => code,
  replacements: () => NONE,
}

/**
 * The shipped catalogue: every published code of the OTC services. From the package root (and
 * once `otc-errors/catalog` is imported) it is the packed catalogue built into the package,
 * validated when it was built and unpacked lazily, a code at a time; with `otc-errors/core`
 * alone it is empty (codes are still found and classified by status and wording, as unknown).
 *
 * @example
 * import { defaultCatalog } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(defaultCatalog().hasPrefix('APIGW'), true)
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultCatalog = (): Catalog => providedCatalog() ?? EMPTY

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
export const withCatalog = (extra: ReadonlyArray<unknown>, base: Catalog = defaultCatalog()): E.Either<ReadonlyArray<CatalogIssue>, Catalog> => {
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
        if (clashes.length === 0)
          issues.push({ ...at, field: 'replaces', message: `replaces nothing: no entry of the base catalogue has code ${entry.code} with status ${entry.status ?? 'none'}` })
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
