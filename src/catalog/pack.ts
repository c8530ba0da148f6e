/**
 * The packed form of the shipped catalogue, and a lazy catalogue over it.
 *
 * `scripts/bundle-catalog.mjs` validates `catalog/*.json` at build time and packs it into
 * `dist/src/catalog/data/`, which is all the package carries of it: `index.json` (every file's
 * header, that is its fields but `entries`, in file order; and the routes: for each prefix of a
 * lookup key, see `keyOf`, the files that hold such codes, `""` for codes without a prefix),
 * and one JSON file per catalogue file, its entries as `[strings, keysets, rows]`: each
 * distinct string of the file once, each distinct list of entry keys once, and per entry a row
 * `[keyset, value…]` whose strings are indices into `strings` (numbers stay numbers in
 * `status` and `line`), a third of the size.
 *
 * The package's `#catalog-data` import reads them: in Node (`data/node.js`) with `require`, each
 * file the first time one of its codes is looked up; for browsers (`data/browser.js`) as static
 * imports, all in the chunk of `otc-errors/catalog`. Nothing is read at import. The first lookup
 * reads the index; a file is read the first time one of its codes is looked up, and an entry
 * made a `CatalogEntry` only when asked for. `files()`, `entries()` and `suggest()` read every
 * file (once).
 *
 * Internal: not exported from the package root.
 *
 * @internal
 * @since 0.1.0
 */
import type { CatalogEntry } from './catalog.js'
import type { CatalogFile } from './codec.js'
import { prefixOf } from './prefix.js'
import { type CatalogHeader, type CatalogSource, headerIndex, keyOf, toEntry, variantOrder } from './view.js'

/** `index.json`: the files' headers, and which files hold the codes of each lookup-key prefix. */
export interface PackedIndex {
  readonly files: ReadonlyArray<readonly [string, CatalogHeader]>
  readonly routes: Readonly<Record<string, ReadonlyArray<number>>>
}

type Packed = null | boolean | number | ReadonlyArray<Packed>

/** One file's entries, packed: `[strings, keysets, rows]`. */
export type PackedFile = readonly [ReadonlyArray<string>, ReadonlyArray<ReadonlyArray<string>>, ReadonlyArray<ReadonlyArray<Packed>>]

/** How a packed catalogue is read: its index, and a file by its index (read once, kept). */
export interface PackedCatalog {
  readonly index: () => PackedIndex
  readonly file: (f: number) => PackedFile
}

type Entry = CatalogFile['entries'][number]

/** Keys whose numbers are numbers; in every other key a number is an index into the strings. */
const NUMBERS: ReadonlySet<string> = new Set(['status', 'line'])
/** Keys whose value is an object (packed like an entry: `[keyset, value…]`). */
const OBJECTS: ReadonlySet<string> = new Set(['source'])

/** Packs one file's entries; throws on a value the format cannot carry (the build stops). */
const packEntries = (file: CatalogFile): PackedFile => {
  const strings: Array<string> = []
  const stringIds = new Map<string, number>()
  const keysets: Array<ReadonlyArray<string>> = []
  const keysetIds = new Map<string, number>()
  const str = (s: string): number => {
    let id = stringIds.get(s)
    if (id === undefined) {
      id = strings.length
      strings.push(s)
      stringIds.set(s, id)
    }
    return id
  }
  const object = (o: object): ReadonlyArray<Packed> => {
    const keys = Object.keys(o)
    if (keys.includes('__proto__')) throw new Error('pack: a "__proto__" key')
    const signature = JSON.stringify(keys)
    let id = keysetIds.get(signature)
    if (id === undefined) {
      id = keysets.length
      keysets.push(keys)
      keysetIds.set(signature, id)
    }
    return [id, ...keys.map((k) => value(k, (o as Record<string, unknown>)[k]))]
  }
  const value = (key: string, v: unknown): Packed => {
    if (v === null || typeof v === 'boolean') return v
    if (typeof v === 'string' && !NUMBERS.has(key)) return str(v)
    if (typeof v === 'number' && NUMBERS.has(key)) return v
    if (Array.isArray(v) && !OBJECTS.has(key)) return v.map((x: unknown) => value(key, x))
    if (typeof v === 'object' && !Array.isArray(v) && OBJECTS.has(key)) return object(v)
    throw new Error(`pack: cannot pack ${JSON.stringify(v)} under "${key}"`)
  }
  const rows = file.entries.map((e) => object(e))
  return [strings, keysets, rows]
}

/** Unpacks one file's entries (the inverse of `packEntries`). */
const unpackEntries = ([strings, keysets, rows]: PackedFile): Array<Entry> => {
  const object = (row: ReadonlyArray<Packed>): Record<string, unknown> => {
    const keys = keysets[row[0] as number] ?? []
    const o: Record<string, unknown> = {}
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string
      o[key] = value(key, row[i + 1] ?? null)
    }
    return o
  }
  const value = (key: string, v: Packed): unknown => {
    if (typeof v === 'number') return NUMBERS.has(key) ? v : strings[v]
    if (Array.isArray(v)) return OBJECTS.has(key) ? object(v as ReadonlyArray<Packed>) : v.map((x: Packed) => value(key, x))
    return v
  }
  return rows.map((row) => object(row) as Entry)
}

/** The prefix a lookup key is routed by: its own prefix, `""` for a code without one. */
const routeOf = (key: string): string => prefixOf(key) ?? ''

/** Whether a file owns (rather than shares) the prefix of a code: its variants come first. */
const owns = (file: CatalogHeader, code: string): boolean => {
  const prefix = prefixOf(code)
  return prefix !== null && file.prefixes.some((p) => p.toLowerCase() === prefix.toLowerCase())
}

/**
 * Packs validated files. Throws when the packed form does not give the files back exactly (the
 * same JSON, key order included) or does not find every code: the build then stops rather than
 * ship a different catalogue.
 */
export const packCatalog = (
  files: ReadonlyArray<{ readonly name: string; readonly file: CatalogFile }>,
): { readonly index: PackedIndex; readonly files: ReadonlyArray<PackedFile> } => {
  const { prefixes } = headerIndex(files)
  const routes: Record<string, Array<number>> = {}
  files.forEach(({ file }, f) => {
    for (const entry of file.entries) {
      const route = routeOf(keyOf(prefixes, entry.code))
      const list = Object.prototype.hasOwnProperty.call(routes, route) ? routes[route] : (routes[route] = [])
      if (list !== undefined && !list.includes(f)) list.push(f)
    }
  })
  const index: PackedIndex = {
    files: files.map(({ name, file }) => {
      const { entries: _entries, ...header } = file
      return [name, header] as const
    }),
    routes,
  }
  const packed = files.map(({ file }) => packEntries(file))
  // Through JSON, as the files are read back.
  const reread = JSON.parse(JSON.stringify({ index, packed })) as { index: PackedIndex; packed: ReadonlyArray<PackedFile> }
  const back: PackedCatalog = { index: () => reread.index, file: (f) => reread.packed[f] ?? [[], [], []] }
  const unpacked = unpackFiles(back)
  files.forEach(({ name, file }, f) => {
    if (JSON.stringify(unpacked[f]) !== JSON.stringify({ name, file })) throw new Error(`pack: ${name} does not unpack to itself`)
  })
  const lazy = packedSource(back)
  for (const [key, refs] of variantOrder(prefixes, files)) {
    const found = lazy.variants(key) ?? []
    const expected = refs.map(([f, e]) => `${files[f]?.name}|${files[f]?.file.entries[e]?.code}|${files[f]?.file.entries[e]?.status}`)
    if (JSON.stringify(found.map((v) => `${v.file}|${v.code}|${v.status}`)) !== JSON.stringify(expected)) throw new Error(`pack: the variants of ${key} differ once packed`)
  }
  return { index, files: packed }
}

/** Every file of a packed catalogue, unpacked. */
export const unpackFiles = (packed: PackedCatalog): Array<{ readonly name: string; readonly file: CatalogFile }> =>
  packed.index().files.map(([name, header], f) => ({ name, file: { ...header, entries: unpackEntries(packed.file(f)) } }))

interface Unpacked {
  readonly entries: ReadonlyArray<Entry>
  /** lookup key → indices of its entries */
  readonly byKey: ReadonlyMap<string, ReadonlyArray<number>>
}

/**
 * A lazy source over a packed catalogue (see the module comment). The data is trusted: it was
 * validated when it was packed.
 */
export const packedSource = (packed: PackedCatalog): CatalogSource => {
  const index = packed.index()
  const headers = index.files.map(([name, file]) => ({ name, file }))
  const header = headerIndex(headers)
  const unpacked: Array<Unpacked | undefined> = []
  const fileAt = (f: number): Unpacked => {
    const done = unpacked[f]
    if (done !== undefined) return done
    const entries = unpackEntries(packed.file(f))
    const byKey = new Map<string, Array<number>>()
    entries.forEach((entry, e) => {
      const key = keyOf(header.prefixes, entry.code)
      const list = byKey.get(key)
      if (list === undefined) byKey.set(key, [e])
      else list.push(e)
    })
    const file = { entries, byKey }
    unpacked[f] = file
    return file
  }
  const built: Array<Array<CatalogEntry | undefined>> = []
  const entryAt = (f: number, e: number, raw: Entry, named: { readonly name: string; readonly file: CatalogHeader }): CatalogEntry => {
    const cache = (built[f] ??= [])
    const cached = cache[e]
    if (cached !== undefined) return cached
    const entry = toEntry(header.prefixes, named.name, named.file, raw)
    cache[e] = entry
    return entry
  }
  /** The variants of the codes found so far (at most one list per code of the catalogue). */
  const found = new Map<string, ReadonlyArray<CatalogEntry>>()
  const variants = (key: string): ReadonlyArray<CatalogEntry> | undefined => {
    const known = found.get(key)
    if (known !== undefined) return known
    const route = routeOf(key)
    const candidates = Object.prototype.hasOwnProperty.call(index.routes, route) ? (index.routes[route] ?? []) : []
    const list: Array<CatalogEntry> = []
    // As `variantOrder`: the owners of the prefix first, then files in order, entries in order.
    for (const pass of [true, false]) {
      for (const f of candidates) {
        const named = headers[f]
        if (named === undefined) continue
        const file = fileAt(f)
        for (const e of file.byKey.get(key) ?? []) {
          const raw = file.entries[e]
          if (raw !== undefined && owns(named.file, raw.code) === pass) list.push(entryAt(f, e, raw, named))
        }
      }
    }
    if (list.length === 0) return undefined
    found.set(key, list)
    return list
  }
  let files: ReadonlyArray<{ readonly name: string; readonly file: CatalogFile }> | undefined
  const allFiles = (): ReadonlyArray<{ readonly name: string; readonly file: CatalogFile }> =>
    (files ??= headers.map(({ name, file }, f) => ({ name, file: { ...file, entries: [...fileAt(f).entries] } })))
  let keys: ReadonlyArray<string> | undefined
  return {
    ...header,
    variants,
    keys: () => (keys ??= [...variantOrder(header.prefixes, allFiles()).keys()]),
    files: allFiles,
  }
}
