/**
 * `otc-errors catalog export [--format csv|ndjson|json] [--catalog FILE|DIR]...`: the catalogue as
 * rows for log engines.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { exportCatalog, type ExportFormat } from '../catalog/export.js'
import { EXIT, parseCommandArgs, usageError } from './args.js'
import { catalogFor } from './catalogFiles.js'
import type { CliIO } from './io.js'

/** @since 0.1.0 @category constants */
export const CATALOG_HELP = `Usage: otc-errors catalog export [--format csv|ndjson|json] [--catalog FILE|DIR]...

Prints every catalogue entry (one row per code and documented status) with stable
columns: code, service, status, category, retryable, strategy, message.
Load it into PostgreSQL, ClickHouse, Elasticsearch or Spark to enrich log findings
(see docs/log-engines.md).

Options:
  --format F         csv (default; RFC 4180, header line), ndjson, or json
  --catalog PATH     layer your own catalogue file or directory over the shipped one
                     (repeatable); conflicts are reported, not overwritten
  -h, --help         show this help

Exit: 0 printed, 2 bad flag or unreadable catalogue.
Example: otc-errors catalog export --format csv > otc-codes.csv
`

const FORMATS: ReadonlyArray<ExportFormat> = ['csv', 'ndjson', 'json']

/**
 * Runs `catalog`; returns the exit code.
 *
 * @since 0.1.0
 * @category commands
 */
export const catalogCommand = async (argv: ReadonlyArray<string>, io: CliIO): Promise<number> => {
  const parsed = parseCommandArgs(argv, {
    format: { type: 'string' },
    catalog: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  })
  if (E.isLeft(parsed)) return usage(io, parsed.left)
  const { values, positionals } = parsed.right
  if (values['help'] === true) {
    io.stdout(CATALOG_HELP)
    return EXIT.ok
  }
  if (positionals[0] !== 'export' || positionals.length > 1) return usage(io, 'expected the subcommand "export"')
  const format = values['format'] ?? 'csv'
  if (typeof format !== 'string' || !(FORMATS as ReadonlyArray<string>).includes(format)) {
    return usage(io, `--format expects one of ${FORMATS.join(', ')}, got "${String(format)}"`)
  }
  const catalog = await catalogFor(io, catalogPaths(values['catalog']))
  if (E.isLeft(catalog)) {
    io.stderr(`otc-errors catalog: ${catalog.left}\n`)
    return EXIT.usage
  }
  io.stdout(exportCatalog(catalog.right, format as ExportFormat))
  return EXIT.ok
}

/**
 * The `--catalog` values of parsed arguments.
 *
 * @example
 * import { catalogPaths } from './catalog.js'
 * catalogPaths(['a.json', 'dir']) // ['a.json', 'dir']
 *
 * @since 0.1.0
 * @category parsing
 */
export const catalogPaths = (value: unknown): ReadonlyArray<string> =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []

const usage = (io: CliIO, message: string): number => usageError(io, 'catalog', message)
