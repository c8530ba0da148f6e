/**
 * The prefix of a code, in a module of its own: decoders need it, and they need none of the
 * catalogue file codecs (io-ts values a bundler must keep once their module is in) that
 * `codec.ts` defines and re-exports this beside.
 *
 * @since 0.1.0
 */

/**
 * The prefix of a code: the text before its last dotted part (`SFS.TURBO` for
 * `SFS.TURBO.0001`), or before a final `_digits` when there is no dot (`SVCSTG_AMS` for
 * `SVCSTG_AMS_4000001`); null for codes without one (`1101`, `NoSuchBucket`).
 *
 * @example
 * import { prefixOf } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(prefixOf('SFS.TURBO.0001'), 'SFS.TURBO')
 * assert.strictEqual(prefixOf('SVCSTG_AMS_4000001'), 'SVCSTG_AMS')
 * assert.strictEqual(prefixOf('1101'), null)
 *
 * @since 0.1.0
 * @category destructors
 */
export const prefixOf = (code: string): string | null => {
  const dot = code.lastIndexOf('.')
  if (dot > 0) return code.slice(0, dot)
  // AOM's `SVCSTG_AMS_4000001`: an underscore before the number separates the prefix.
  const underscore = /^([A-Za-z][A-Za-z0-9_]*?)_\d+$/.exec(code)
  return underscore?.[1] ?? null
}
