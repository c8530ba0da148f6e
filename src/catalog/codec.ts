/**
 * The io-ts codecs of a catalogue file: the single source of truth for its types.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { isHttpStatus } from '../error/status.js'
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
export const HttpStatus = t.brand(t.Int, (n): n is t.Branded<t.Int, HttpStatusBrand> => isHttpStatus(n), 'HttpStatus')
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
    /** The official page that documents the code, when the file's sources cannot tell it (see `docsUrlOf`). */
    docsUrl: t.string,
    /** In a user's own file: this entry replaces the shipped one with the same code and status (give a `reason`). */
    replaces: t.boolean,
    /** Why a replacing entry replaces the shipped one. */
    reason: t.string,
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
    /** Prefixes owned by another file that this service's table prints too (`DBS` in DDS): its entries are variants of that prefix. */
    sharedPrefixes: t.array(t.string),
    /** The first label of the service's endpoint host (`rds` for `rds.eu-de.otc.t-systems.com`): picks this file's variant of a shared code. */
    endpoints: t.array(t.string),
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

const OTC_DOCS = 'opentelekomcloud-docs/'

/**
 * The official page of an entry: for the OTC docs repositories,
 * `https://docs.otc.t-systems.com/<repo>/<api-ref|umn>/<path below source/, .rst → .html>`;
 * for other public sources (the OpenStack types), the source line on GitHub at the commit read.
 * An entry's own `docsUrl` wins; null when the file's sources do not list the entry's page.
 *
 * @example
 * import { docsUrlOf } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const file = { service: 'AS', title: 'Auto Scaling', prefixes: ['AS'],
 *   sources: [{ repo: 'opentelekomcloud-docs/auto-scaling', commit: 'fa9d756', paths: ['api-ref/source/appendix/error_codes.rst'] }], entries: [] }
 * const entry = { code: 'AS.0001', status: 500, message: 'System error.', category: 'server' as const, retry: 'backoff' as const, remedy: 'Retry.',
 *   source: { path: 'api-ref/source/appendix/error_codes.rst', line: 24 } }
 * assert.strictEqual(docsUrlOf(file, entry), 'https://docs.otc.t-systems.com/auto-scaling/api-ref/appendix/error_codes.html')
 *
 * @since 0.1.0
 * @category destructors
 */
export const docsUrlOf = (file: Pick<CatalogFile, 'sources'>, entry: CatalogFile['entries'][number]): string | null => {
  if (entry.docsUrl !== undefined) return entry.docsUrl
  const path = entry.source?.path
  if (path === undefined) return null
  const source = file.sources.find((s) => s.paths.includes(path))
  if (source === undefined) return null
  if (source.repo.startsWith(OTC_DOCS)) {
    const page = /^(api-ref|umn)\/source\/(.+)\.rst$/.exec(path)
    return page === null ? null : `https://docs.otc.t-systems.com/${source.repo.slice(OTC_DOCS.length)}/${page[1]}/${page[2]}.html`
  }
  return /^[0-9a-f]{40}$/.test(source.commit) ? `https://github.com/${source.repo}/blob/${source.commit}/${path}#L${entry.source?.line ?? 1}` : null
}
