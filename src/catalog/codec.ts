/**
 * The io-ts codecs of a catalogue file: the single source of truth for its types.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Category, RetryStrategy } from '../error/vocabulary.js'

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * The brand of an integer HTTP status from 100 to 599.
 *
 * @example
 * import { HttpStatus } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const r = HttpStatus.decode(404)
 * assert.ok(r._tag === 'Right' && r.right === 404)
 *
 * @since 0.1.0
 * @category model
 */
export interface HttpStatusBrand {
  readonly HttpStatus: unique symbol
}

/**
 * An integer HTTP status from 100 to 599.
 *
 * @example
 * import { HttpStatus } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(HttpStatus.is(429), true)
 * assert.strictEqual(HttpStatus.is(700), false)
 *
 * @since 0.1.0
 * @category codecs
 */
export const HttpStatus = t.brand(t.Int, (n): n is t.Branded<t.Int, HttpStatusBrand> => n >= 100 && n <= 599, 'HttpStatus')
/** @since 0.1.0 @category model */
export type HttpStatus = t.TypeOf<typeof HttpStatus>

/**
 * Where an entry comes from in the published tables.
 *
 * @example
 * import { EntrySource } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(EntrySource.is({ path: 'api-ref/source/appendix/error_codes.rst', line: 24 }), true)
 *
 * @since 0.1.0
 * @category codecs
 */
export const EntrySource = t.type({ path: t.string, line: t.number })

/**
 * One entry of a catalogue file: a code with one meaning. A code documented with several
 * statuses has one entry per status (its variants).
 *
 * @example
 * import { CatalogFileEntry } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const entry = { code: 'AS.0001', status: 500, message: 'System error.', category: 'server', retry: 'backoff', remedy: 'Retry later.' }
 * assert.strictEqual(CatalogFileEntry.is(entry), true)
 *
 * @since 0.1.0
 * @category codecs
 */
export const CatalogFileEntry = t.intersection([
  t.type({
    code: t.string,
    status: t.union([HttpStatus, t.null]),
    message: t.string,
    category: Category,
    retry: RetryStrategy,
    remedy: t.string,
  }),
  t.partial({
    /** Other literal messages the tables give for the same code and status. */
    otherMessages: t.array(t.string),
    /** The rule that set category and retry (`status 404`, `wording: quota`, `override: …`); `fallback: …` marks a weak one. */
    rule: t.string,
    source: EntrySource,
  }),
])
/** @since 0.1.0 @category model */
export type CatalogFileEntry = t.TypeOf<typeof CatalogFileEntry>

/**
 * A published table a file was generated from: repository, commit and pages.
 *
 * @example
 * import { CatalogSource } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(CatalogSource.is({ repo: 'opentelekomcloud-docs/auto-scaling', commit: 'fa9d756', paths: ['api-ref/source/appendix/error_codes.rst'] }), true)
 *
 * @since 0.1.0
 * @category codecs
 */
export const CatalogSource = t.type({ repo: t.string, commit: t.string, paths: t.array(t.string) })

/**
 * The header of a catalogue file: one service, the code prefixes it owns (and alias spellings
 * of them), whether it owns codes without a dotted prefix (`1101`, `NoSuchBucket`), provenance.
 *
 * @example
 * import { CatalogFileHeader } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(CatalogFileHeader.is({ service: 'AS', title: 'Auto Scaling', prefixes: ['AS'], sources: [] }), true)
 *
 * @since 0.1.0
 * @category codecs
 */
export const CatalogFileHeader = t.intersection([
  t.type({
    service: t.string,
    title: t.string,
    prefixes: t.array(t.string),
    sources: t.array(CatalogSource),
  }),
  t.partial({
    $schema: t.string,
    /** Alias prefix → the prefix it spells (`{"APIGW": "APIG"}`). */
    aliases: t.record(t.string, t.string),
    bareCodes: t.boolean,
  }),
])

/**
 * A catalogue file: its header (see `CatalogFileHeader`) and its entries.
 *
 * @example
 * import { CatalogFile } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const file = { service: 'AS', title: 'Auto Scaling', prefixes: ['AS'], sources: [], entries: [] }
 * assert.strictEqual(CatalogFile.is(file), true)
 *
 * @since 0.1.0
 * @category codecs
 */
export const CatalogFile = t.intersection([CatalogFileHeader, t.type({ entries: t.array(CatalogFileEntry) })])
/** @since 0.1.0 @category model */
export type CatalogFile = t.TypeOf<typeof CatalogFile>

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The prefix of a code: the text before its last dotted part (`SFS.TURBO` for
 * `SFS.TURBO.0001`); null for codes without one (`1101`, `NoSuchBucket`).
 *
 * @example
 * import { prefixOf } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(prefixOf('SFS.TURBO.0001'), 'SFS.TURBO')
 * assert.strictEqual(prefixOf('1101'), null)
 *
 * @since 0.1.0
 * @category destructors
 */
export const prefixOf = (code: string): string | null => {
  const dot = code.lastIndexOf('.')
  return dot > 0 ? code.slice(0, dot) : null
}
