/**
 * Where the shipped catalogue plugs in. `defaultCatalog()` asks here; the module of the shipped
 * catalogue (`shipped.ts`: the package root imports it, and it is the `otc-errors/catalog`
 * entry point) fills it in when it is evaluated. Without it (`otc-errors/core` alone, in a
 * browser bundle that loads the catalogue later or never) the default catalogue is empty: codes
 * are found in responses and classified by status and wording, and reported as unknown.
 *
 * Internal: not exported from the package root.
 *
 * @internal
 * @since 0.1.0
 */
import type { Catalog } from './catalog.js'

let provider: (() => Catalog) | undefined

/** Makes `make()` the default catalogue (called once, by `shipped.ts`). */
export const provideDefaultCatalog = (make: () => Catalog): void => {
  provider = make
}

/** The provided default catalogue, or undefined when none was provided. */
export const providedCatalog = (): Catalog | undefined => provider?.()
