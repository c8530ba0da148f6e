/**
 * `otc-errors explain [FILE] [--status N] [--json]`: what one raw response means.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { explain, type Explanation } from '../decode/explain.js'
import { statusText } from '../error/status.js'
import { parseCurl } from '../response/curl.js'
import type { RawResponse } from '../response/model.js'
import { bodyText } from '../response/text.js'
import { EXIT, parseCommandArgs, parseStatusFlag, usageError } from './args.js'
import { catalogPaths } from './catalog.js'
import { catalogFor } from './catalogFiles.js'
import { MAX_INPUT_BYTES, tooLarge, type CliIO } from './io.js'
import { forTerminal } from './terminal.js'

/** @since 0.1.0 @category constants */
export const EXPLAIN_HELP = `Usage: otc-errors explain [FILE] [--status N] [--json] [--catalog FILE|DIR]...

Explains one HTTP response of an OTC API: its error code, message, status class,
category and retry hint, with the catalogue's entry for the code.

FILE is a raw response as \`curl -si\` prints it (status line, headers, blank
line, body; CRLF or LF). Without FILE, the response is read from stdin.

Options:
  --status N   the input is a bare body (no status line, no headers), sent with status N
  --json       print one JSON object instead of text
  --catalog P  layer your own catalogue file or directory over the shipped one (repeatable)
  -h, --help   show this help

Exit: 0 explained, 2 bad flag or unreadable input.
Example: otc-errors explain examples/as-0001.http
`

const row = (label: string, value: string): string => `  ${label.padEnd(11)} ${forTerminal(value)}\n`

/**
 * The text `explain` prints for people; control characters in what the response or a catalogue
 * file says are shown as escapes.
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderExplanation = (x: Explanation): string => {
  if (x.ok) {
    return `${statusText(x.status)} (${x.statusClass}): a success; the body is payload, not an error.\n${x.requestId === null ? '' : row('request id', x.requestId)}`
  }
  // Every value from the response or a catalogue file is shown, never obeyed (see forTerminal).
  const head = `${forTerminal(x.code ?? '(no code)')}: ${forTerminal(x.message ?? '(no message)')}\n`
  const retry = x.retry.strategy === 'after' ? `after ${x.retry.delayMs ?? 0} ms (Retry-After)` : x.retry.strategy
  const documented =
    x.catalogCode === null
      ? row('catalogue', x.code === null ? 'no code to look up' : 'unknown code')
      : row('catalogue', `${x.catalogCode}${x.documentedStatus === null ? '' : ` (documented as ${x.documentedStatus}; the observed status decides)`}: ${x.catalogMessage ?? ''}`)
  return (
    head +
    row('status', `${statusText(x.status)} (${x.statusClass})`) +
    row('service', x.service ?? '-') +
    row('category', x.category ?? '-') +
    row('retry', `${retry}${x.retry.retryable ? '' : ' (not retryable)'}`) +
    (x.requestId === null ? '' : row('request id', x.requestId)) +
    documented +
    (x.remedy === null ? '' : row('remedy', x.remedy)) +
    (x.docsUrl === null ? '' : row('docs', x.docsUrl))
  )
}

/**
 * Runs `explain` with the given arguments and I/O; returns the exit code.
 *
 * @since 0.1.0
 * @category commands
 */
export const explainCommand = async (argv: ReadonlyArray<string>, io: CliIO): Promise<number> => {
  const parsed = parseCommandArgs(argv, {
    status: { type: 'string' },
    json: { type: 'boolean' },
    catalog: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  })
  if (E.isLeft(parsed)) return usage(io, parsed.left)
  const { values, positionals } = parsed.right
  if (values['help'] === true) {
    io.stdout(EXPLAIN_HELP)
    return EXIT.ok
  }
  if (positionals.length > 1) return usage(io, `expected at most one FILE, got ${positionals.length}`)
  const status = typeof values['status'] === 'string' ? parseStatusFlag(values['status']) : undefined
  if (status !== undefined && E.isLeft(status)) return usage(io, status.left)
  const catalog = await catalogFor(io, catalogPaths(values['catalog']))
  if (E.isLeft(catalog)) return unreadable(io, catalog.left)
  const file = positionals[0]
  let bytes: Uint8Array
  if (file === undefined || file === '-') {
    bytes = await io.readStdin(MAX_INPUT_BYTES)
  } else {
    const read = await io.readFile(file, MAX_INPUT_BYTES)
    if (E.isLeft(read)) return unreadable(io, read.left)
    bytes = read.right
  }
  if (bytes.length > MAX_INPUT_BYTES) return unreadable(io, tooLarge(file ?? 'stdin', MAX_INPUT_BYTES))
  const source = file ?? 'stdin'
  let raw: RawResponse
  if (status !== undefined && E.isRight(status)) {
    raw = { status: status.right, body: bytes }
  } else {
    const curl = parseCurl(bodyText(bytes))
    if (E.isLeft(curl)) return unreadable(io, `${source}: ${curl.left} (use --status N for a bare body)`)
    raw = curl.right
  }
  const x = explain(raw, { catalog: catalog.right })
  io.stdout(values['json'] === true ? `${JSON.stringify(x)}\n` : renderExplanation(x))
  return EXIT.ok
}

const usage = (io: CliIO, message: string): number => usageError(io, 'explain', message)

const unreadable = (io: CliIO, message: string): number => {
  io.stderr(`otc-errors explain: ${message}\n`)
  return EXIT.usage
}
