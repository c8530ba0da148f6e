/**
 * The shipped catalogue: the `otc-errors/catalog` entry point, imported by the package root.
 * Evaluating this module makes the shipped catalogue the default one (`defaultCatalog()`,
 * `lookup`, and every decoder that is given no catalogue). A browser bundle that starts from
 * `otc-errors/core` can load it later, and the bundler can split it off:
 *
 * ```ts
 * import { decode } from 'otc-errors/core'
 * const { shippedCatalog } = await import('otc-errors/catalog')
 * const result = decode(t.unknown, { catalog: shippedCatalog() })(response)
 * ```
 *
 * The data is `catalog/*.json` packed (see `pack.ts`), validated when the package was built:
 * nothing is validated at run time, and a file is read only when one of its codes is looked up.
 *
 * @since 0.1.0
 */
import { catalogData } from '#catalog-data'
import type { Catalog } from './catalog.js'
import { type PackedCatalog, packedSource, unpackFiles } from './pack.js'
import { provideDefaultCatalog } from './slot.js'
import { catalogOver } from './view.js'

/** The package's packed catalogue (`dist/src/catalog/data/`), as the build wrote it. */
const packed = catalogData as PackedCatalog

let shipped: Catalog | undefined

/**
 * The shipped catalogue (built on first use; the same catalogue on every call).
 *
 * @example
 * import { shippedCatalog } from 'otc-errors/catalog'
 * import * as O from 'fp-ts/lib/Option.js'
 * import * as assert from 'node:assert'
 * assert.ok(O.isSome(shippedCatalog().lookup('AS.0001')))
 *
 * @since 0.1.0
 * @category constructors
 */
export const shippedCatalog = (): Catalog => (shipped ??= catalogOver(packedSource(packed)))

/**
 * The shipped catalogue files as their JSON (`catalog/*.json`), by file name: what
 * `otc-errors validate` checks when given no directory.
 *
 * @example
 * import { shippedCatalogFiles } from 'otc-errors/catalog'
 * import * as assert from 'node:assert'
 * assert.ok(shippedCatalogFiles().some((f) => f.name === 'as.json'))
 *
 * @since 0.1.0
 * @category constructors
 */
export const shippedCatalogFiles = (): ReadonlyArray<{ readonly name: string; readonly content: unknown }> => unpackFiles(packed).map(({ name, file }) => ({ name, content: file }))

provideDefaultCatalog(shippedCatalog)
