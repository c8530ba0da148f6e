/**
 * `otc-errors lookup CODE [--status N] [--json]`: the catalogue's entry for a code.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { CatalogEntry } from '../catalog/index.js'
import { catalogPaths } from './catalog.js'
import { catalogFor } from './catalogFiles.js'
import { EXIT, parseCommandArgs, parseStatusFlag, usageError } from './args.js'
import type { CliIO } from './io.js'
import { forTerminal } from './terminal.js'

/** @since 0.1.0 @category constants */
export const LOOKUP_HELP = `Usage: otc-errors lookup CODE [--status N] [--service NAME] [--json] [--catalog FILE|DIR]...

Shows the catalogue's entry for an error code: documented status, the API's message,
category, retry strategy and a remedy. Prefix case does not matter, and the
gateway's APIGW.xxxx spelling finds the documented APIG.xxxx.
A code documented with several meanings (several statuses, or several services
that print it: DBS. in RDS, DDS, GaussDB, ...) shows every variant; --status N and
--service NAME show the one that fits first. Each variant links the official page
of the table it comes from.

Options:
  --status N   put the variant documented with status N first
  --service S  put the variants of service S first (RDS, dds, or the first label of
               the endpoint's host name, e.g. gaussdb-nosql)
  --json       print JSON: the entry's fields plus "variants" (every meaning)
  --catalog P  layer your own catalogue file or directory over the shipped one (repeatable)
  -h, --help   show this help

Exit: 0 found, 1 unknown code (close codes are suggested), 2 bad flag.
Example: otc-errors lookup APIGW.0308
`

const asJson = (entry: CatalogEntry) => ({
  code: entry.code,
  service: entry.service,
  status: entry.status,
  message: entry.message,
  category: entry.category,
  retry: entry.retry,
  retryable: entry.retry !== 'never',
  remedy: entry.remedy,
  api: entry.api,
  docsUrl: entry.docsUrl,
})

// Entries may come from your own catalogue files: their text is shown, never obeyed (see forTerminal).
const render = (entry: CatalogEntry): string =>
  `${forTerminal(entry.code)}  ${entry.status ?? 'no status'}  ${forTerminal(entry.service)}${entry.api === entry.service ? '' : ` (${forTerminal(entry.api)})`}\n` +
  `  message   ${forTerminal(entry.message)}\n` +
  `  category  ${entry.category}\n` +
  `  retry     ${entry.retry}${entry.retry === 'never' ? ' (not retryable)' : ''}\n` +
  `  remedy    ${forTerminal(entry.remedy)}\n` +
  (entry.docsUrl === null ? '' : `  docs      ${forTerminal(entry.docsUrl)}\n`)

/**
 * Runs `lookup`; returns the exit code.
 *
 * @since 0.1.0
 * @category commands
 */
export const lookupCommand = async (argv: ReadonlyArray<string>, io: CliIO): Promise<number> => {
  const parsed = parseCommandArgs(argv, {
    status: { type: 'string' },
    service: { type: 'string' },
    json: { type: 'boolean' },
    catalog: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  })
  if (E.isLeft(parsed)) return usage(io, parsed.left)
  const { values, positionals } = parsed.right
  if (values['help'] === true) {
    io.stdout(LOOKUP_HELP)
    return EXIT.ok
  }
  const code = positionals[0]
  if (code === undefined || positionals.length > 1) return usage(io, 'expected exactly one CODE')
  const statusFlag = typeof values['status'] === 'string' ? parseStatusFlag(values['status']) : undefined
  if (statusFlag !== undefined && E.isLeft(statusFlag)) return usage(io, statusFlag.left)
  const status = statusFlag?.right
  const layered = await catalogFor(io, catalogPaths(values['catalog']))
  if (E.isLeft(layered)) {
    io.stderr(`otc-errors lookup: ${layered.left}\n`)
    return EXIT.usage
  }
  const catalog = layered.right
  const variants = catalog.lookupAll(code)
  const json = values['json'] === true
  if (variants.length === 0) {
    const suggestions = catalog.suggest(code)
    if (json) io.stdout(`${JSON.stringify({ code, known: false, suggestions })}\n`)
    else io.stderr(`unknown code ${forTerminal(code)}${suggestions.length === 0 ? '' : `; did you mean ${suggestions.map(forTerminal).join(', ')}?`}\n`)
    return EXIT.negative
  }
  // The variant a decoder would pick for this status and service first, then the rest in catalogue order.
  const serviceFlag = values['service']
  const best = catalog.lookup(code, status, typeof serviceFlag === 'string' ? serviceFlag : undefined)
  const picked = best._tag === 'Some' ? best.value : undefined
  const ordered = picked === undefined ? variants : [picked, ...variants.filter((v) => v !== picked)]
  const [first] = ordered
  if (json) io.stdout(`${JSON.stringify({ ...asJson(first ?? ordered[0]!), known: true, variants: ordered.map(asJson) })}\n`)
  else io.stdout(ordered.map(render).join('\n'))
  return EXIT.ok
}

const usage = (io: CliIO, message: string): number => usageError(io, 'lookup', message)
