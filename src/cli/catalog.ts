/**
 * `otc-errors catalog export [--format csv|ndjson|json] [--catalog FILE|DIR]...`: the catalogue as
 * rows for log engines.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { join } from 'node:path'
import { exportCatalog, type ExportFormat } from '../catalog/export.js'
import { ENGINES, engineExport, type Engine } from '../engines/recipes.js'
import { EXIT, parseCommandArgs, usageError } from './args.js'
import { catalogFor } from './catalogFiles.js'
import { fileWriter, type DocsWriter } from './docs.js'
import type { CliIO } from './io.js'

/** @since 0.1.0 @category constants */
export const CATALOG_HELP = `Usage: otc-errors catalog export [--format csv|ndjson|json] [--catalog FILE|DIR]...
       otc-errors catalog export --format ENGINE --out DIR [--catalog FILE|DIR]...

Prints every catalogue entry (one row per code and documented status) with stable
columns: code, service, status, category, retryable, strategy, message.
Load it into PostgreSQL, ClickHouse, Elasticsearch or Spark to enrich log findings
(see docs/log-engines.md).

With an ENGINE (${ENGINES.join(', ')}), writes to DIR what that engine needs to
find and classify codes in log lines itself: the lookup table keyed by the lower-cased
code, and the SQL or configuration with the log pattern in the engine's regex dialect.

Options:
  --format F         csv (default; RFC 4180, header line), ndjson, json, or an ENGINE
  --out DIR          where an ENGINE's files go (created if missing)
  --catalog PATH     layer your own catalogue file or directory over the shipped one
                     (repeatable); conflicts are reported, not overwritten
  -h, --help         show this help

Exit: 0 printed, 2 bad flag or unreadable catalogue.
Example: otc-errors catalog export --format csv > otc-codes.csv
         otc-errors catalog export --format duckdb --out otc-duckdb/
`

const FORMATS: ReadonlyArray<ExportFormat> = ['csv', 'ndjson', 'json']

/**
 * Runs `catalog`; returns the exit code.
 *
 * @since 0.1.0
 * @category commands
 */
export const catalogCommand = async (argv: ReadonlyArray<string>, io: CliIO, writer: DocsWriter = fileWriter): Promise<number> => {
  const parsed = parseCommandArgs(argv, {
    format: { type: 'string' },
    out: { type: 'string' },
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
  const engine = ENGINES.find((e) => e === format)
  if (typeof format !== 'string' || (engine === undefined && !(FORMATS as ReadonlyArray<string>).includes(format))) {
    return usage(io, `--format expects one of ${[...FORMATS, ...ENGINES].join(', ')}, got "${String(format)}"`)
  }
  const out = values['out']
  if (engine !== undefined && typeof out !== 'string') return usage(io, `--format ${engine} writes several files: give a directory with --out DIR`)
  if (engine === undefined && out !== undefined) return usage(io, `--out goes with an engine format (${ENGINES.join(', ')}); ${format} prints to stdout`)
  const catalog = await catalogFor(io, catalogPaths(values['catalog']))
  if (E.isLeft(catalog)) {
    io.stderr(`otc-errors catalog: ${catalog.left}\n`)
    return EXIT.usage
  }
  if (engine === undefined || typeof out !== 'string') {
    io.stdout(exportCatalog(catalog.right, format as ExportFormat))
    return EXIT.ok
  }
  return writeEngine(engine, out, catalog.right, io, writer)
}

const writeEngine = async (engine: Engine, out: string, catalog: Parameters<typeof engineExport>[0], io: CliIO, writer: DocsWriter): Promise<number> => {
  const made = await writer.makeDir(out)
  if (E.isLeft(made)) {
    io.stderr(`otc-errors catalog: ${made.left}\n`)
    return EXIT.usage
  }
  for (const file of engineExport(catalog, engine)) {
    const path = join(out, file.name)
    const written = await writer.writeFile(path, file.content)
    if (E.isLeft(written)) {
      io.stderr(`otc-errors catalog: ${written.left}\n`)
      return EXIT.usage
    }
    io.stdout(`${path}\n`)
  }
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
