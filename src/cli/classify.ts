/**
 * `otc-errors classify [FILE...] [--format summary|ndjson|json]`: which OTC errors a log holds,
 * how often, and which deserve a retry.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { Category, categories } from '../error/vocabulary.js'
import { lineClassifier, type LineFinding } from '../logs/line.js'
import { gunzipIfCompressed, logScanner, type ScanOptions, type ScanStats } from '../logs/stream.js'
import { findingTally, type CodeTally, type SeenAt } from '../logs/tally.js'
import { EXIT, parseCommandArgs, usageError } from './args.js'
import { catalogPaths } from './catalog.js'
import { catalogFor } from './catalogFiles.js'
import type { CliIO } from './io.js'
import { forTerminal } from './terminal.js'

/**
 * The help text of `classify`.
 *
 * @example
 * import { CLASSIFY_HELP } from './classify.js'
 * CLASSIFY_HELP.startsWith('Usage: otc-errors classify') // true
 *
 * @since 0.1.0
 * @category constants
 */
export const CLASSIFY_HELP = `Usage: otc-errors classify [FILE...] [--format summary|ndjson|json] [--category NAME] [--unknown-only] [--catalog FILE|DIR]...

Finds Open Telekom Cloud error codes in logs (plain text, JSON logs, logfmt,
Terraform debug output, SDK exceptions), classifies each with the catalogue and
the HTTP status on its line, and counts them. Gzip files are read as such.
Without FILE (or with -), the log is read from stdin.

Options:
  --format F       summary (default): a table per code for people;
                   ndjson: one finding a line {file?, line, code, service, status?,
                   category, retryable, known, requestId?};
                   json: {lines, findings, byCode, files, badLines, longLines, unreadable,
                   interrupted}
  --category NAME  only findings of this category: ${categories.join(', ')}
  --unknown-only   only codes the catalogue does not know
  --catalog P      layer your own catalogue file or directory over the shipped one (repeatable)
  -h, --help       show this help

Secret values in the log (X-Subject-Token, Authorization, passwords, ...) never reach the output.
Ctrl-C (or SIGTERM) stops reading and prints what was found so far; a second one quits at
once, even while waiting for a FIFO's writer.

Exit: 0 read everything, 2 bad flag, bad --catalog or an unreadable file (the others are
still read), 130 interrupted, 143 terminated (the partial result is printed).
Example: otc-errors classify terraform.log --format json
`

const FORMATS = ['summary', 'ndjson', 'json'] as const

interface FileReport {
  readonly file: string | null
  readonly stats: ScanStats
  readonly findings: number
}

// -------------------------------------------------------------------------------------
// rendering
// -------------------------------------------------------------------------------------

const ndjsonLine = (finding: LineFinding, file: string | undefined): string =>
  `${JSON.stringify({
    ...(file === undefined ? {} : { file }),
    line: finding.line,
    code: finding.code,
    service: finding.service,
    ...(finding.status === undefined ? {} : { status: finding.status }),
    category: finding.category,
    retryable: finding.retryable,
    known: finding.known,
    ...(finding.requestId === undefined ? {} : { requestId: finding.requestId }),
  })}\n`

const where = (at: SeenAt): string => (at.file === undefined ? String(at.line) : `${forTerminal(at.file)}:${at.line}`)

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/**
 * The summary table: one row per code (count, service, category, retryable, first and last
 * line seen), most frequent first, and a closing line with the totals.
 *
 * @example
 * import { renderSummary } from './classify.js'
 * const text = renderSummary([{ code: 'AS.0001', service: 'AS', count: 2, categories: ['validation'], retryable: false, known: true, first: { line: 3 }, last: { line: 9 } }],
 *   { lines: 10, findings: 2, files: 1, badLines: 0, longLines: 0, otherFindings: 0, unreadable: 0 })
 * // AS.0001  2  AS  validation  no  3  9 …
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderSummary = (
  codes: ReadonlyArray<CodeTally>,
  totals: { lines: number; findings: number; files: number; badLines: number; longLines: number; otherFindings: number; unreadable: number; interrupted?: boolean },
): string => {
  const header = ['code', 'count', 'service', 'category', 'retryable', 'first', 'last']
  const rows = codes.map((t) => [
    forTerminal(t.code) + (t.known ? '' : ' (unknown)'),
    String(t.count),
    forTerminal(t.service ?? '-'),
    t.categories.join(','),
    t.retryable === 'mixed' ? 'mixed' : t.retryable ? 'yes' : 'no',
    where(t.first),
    where(t.last),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const format = (cells: ReadonlyArray<string>): string =>
    `${cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()}\n`
  const inFiles = totals.files > 1 ? ` (${plural(totals.files, 'file')})` : ''
  const notes = [
    totals.badLines > 0 ? `${plural(totals.badLines, 'line')} not valid UTF-8 (scanned anyway)` : '',
    totals.longLines > 0 ? `${plural(totals.longLines, 'line')} longer than 1 MiB (scanned in windows)` : '',
    totals.otherFindings > 0 ? `${plural(totals.otherFindings, 'finding')} of codes past the table's limit` : '',
    totals.unreadable > 0 ? `${plural(totals.unreadable, 'input')} unreadable` : '',
    totals.interrupted === true ? 'interrupted: this covers only what was read before Ctrl-C or SIGTERM' : '',
  ].filter((n) => n !== '')
  const total =
    codes.length === 0
      ? `No error codes found in ${plural(totals.lines, 'line')}${inFiles}.\n`
      : `${plural(totals.findings, 'finding')} of ${plural(codes.length, 'code')} in ${plural(totals.lines, 'line')}${inFiles}.\n`
  return (codes.length === 0 ? '' : format(header) + rows.map(format).join('')) + total + notes.map((n) => `Note: ${n}.\n`).join('')
}

// -------------------------------------------------------------------------------------
// progress
// -------------------------------------------------------------------------------------

const MB = 1024 * 1024

// Counts the bytes flowing by and redraws a one-line bar on stderr at most every 100 ms.
async function* withProgress(
  chunks: AsyncIterable<Uint8Array>,
  size: number,
  label: string,
  io: CliIO,
): AsyncGenerator<Uint8Array, void, undefined> {
  const started = Date.now()
  let done = 0
  let drawn = 0
  const draw = (): void => {
    const seconds = Math.max(0.001, (Date.now() - started) / 1000)
    const fraction = size > 0 ? Math.min(1, done / size) : 1
    const filled = Math.round(fraction * 24)
    io.stderr(
      `\r[${'#'.repeat(filled)}${'-'.repeat(24 - filled)}] ${(done / MB).toFixed(1)}/${(size / MB).toFixed(1)} MB ${(done / MB / seconds).toFixed(1)} MB/s ${label}\u001b[K`,
    )
  }
  try {
    for await (const chunk of chunks) {
      done += chunk.length
      if (Date.now() - drawn >= 100) {
        draw()
        drawn = Date.now()
      }
      yield chunk
    }
  } finally {
    io.stderr('\r\u001b[K')
  }
}

// Stops the chunks when `signal` aborts, even while a read is pending (a quiet pipe). Each read
// is raced against the abort by a promise of its own, settled by whichever comes first: racing
// every read against one long-lived "aborted" promise would attach a reaction to it per read,
// and those reactions would keep every chunk ever read reachable (stdin grew without bound).
async function* untilAborted(chunks: AsyncIterable<Uint8Array>, signal: AbortSignal): AsyncGenerator<Uint8Array, void, undefined> {
  const iterator = chunks[Symbol.asyncIterator]()
  let wake: (() => void) | undefined
  const onAbort = (): void => wake?.()
  // One listener per input, removed when the input ends: the signal outlives many files.
  signal.addEventListener('abort', onAbort, { once: true })
  try {
    while (!signal.aborted) {
      const next = await new Promise<IteratorResult<Uint8Array> | null>((resolve, reject) => {
        wake = () => resolve(null)
        iterator.next().then(resolve, reject)
      })
      wake = undefined
      if (next === null || next.done === true) return
      yield next.value
    }
  } finally {
    wake = undefined
    signal.removeEventListener('abort', onAbort)
    // A read may still be pending: let the source close when it settles, without waiting here.
    Promise.resolve(iterator.return?.()).catch(() => undefined)
  }
}

// Bytes of log scanned between two looks at stdout. What one piece can print is bounded (a
// finding takes a few bytes of log and makes a line of output), so waiting for stdout between
// pieces keeps the output held in memory bounded however slowly it is read.
const PIECE_BYTES = 256 * 1024

// Scans the chunks a piece at a time, awaiting `between()` after each piece; stops early once
// `signal` aborts.
const scanPaced = async (
  chunks: AsyncIterable<Uint8Array>,
  onFinding: (finding: LineFinding) => void,
  options: ScanOptions,
  between: () => Promise<void>,
  signal: AbortSignal | undefined,
): Promise<ScanStats> => {
  const scanner = logScanner(onFinding, options)
  for await (const chunk of gunzipIfCompressed(chunks)) {
    for (let at = 0; at < chunk.length && signal?.aborted !== true; at += PIECE_BYTES) {
      scanner.push(chunk.subarray(at, at + PIECE_BYTES))
      await between()
    }
  }
  return scanner.end()
}

// `drained`, or the abort of `signal` if that comes first (a listener of its own per wait, removed after).
const unlessAborted = (drained: Promise<void>, signal: AbortSignal | undefined): Promise<void> =>
  signal === undefined
    ? drained
    : new Promise<void>((resolve) => {
        const done = (): void => {
          signal.removeEventListener('abort', done)
          resolve()
        }
        if (signal.aborted) return resolve()
        signal.addEventListener('abort', done, { once: true })
        drained.then(done, done)
      })

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array, void, undefined> {
  yield bytes
}

// -------------------------------------------------------------------------------------
// command
// -------------------------------------------------------------------------------------

const reasonOf = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0] ?? 'unreadable'
}

/**
 * Runs `classify` with the given arguments and I/O; returns the exit code.
 *
 * @example
 * import { classifyCommand } from './classify.js'
 * import { processIO } from './io.js'
 * const code = await classifyCommand(['app.log', '--format', 'json'], processIO())
 *
 * @since 0.1.0
 * @category commands
 */
export const classifyCommand = async (argv: ReadonlyArray<string>, io: CliIO): Promise<number> => {
  const parsed = parseCommandArgs(argv, {
    format: { type: 'string' },
    category: { type: 'string' },
    'unknown-only': { type: 'boolean' },
    catalog: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  })
  if (E.isLeft(parsed)) return usage(io, parsed.left)
  const { values, positionals } = parsed.right
  if (values['help'] === true) {
    io.stdout(CLASSIFY_HELP)
    return EXIT.ok
  }
  const formatFlag = values['format'] ?? 'summary'
  const format = FORMATS.find((f) => f === formatFlag)
  if (format === undefined) return usage(io, `--format expects summary, ndjson or json, got "${String(formatFlag)}"`)
  const category = values['category']
  if (category !== undefined && !Category.is(category)) {
    return usage(io, `--category expects one of ${categories.join(', ')}, got "${String(category)}"`)
  }
  const unknownOnly = values['unknown-only'] === true
  const paths = catalogPaths(values['catalog'])
  const catalog = await catalogFor(io, paths)
  if (E.isLeft(catalog)) {
    io.stderr(`otc-errors classify: ${catalog.left}\n`)
    return EXIT.usage
  }
  const options = paths.length === 0 ? {} : { classifier: lineClassifier(catalog.right) }
  const interrupt = io.onInterrupt?.()

  const tally = findingTally()
  const reports: Array<FileReport> = []
  const unreadable: Array<{ file: string; reason: string }> = []
  let out: Array<string> = []
  let outLength = 0
  const flush = (): void => {
    if (out.length > 0) io.stdout(out.join(''))
    out = []
    outLength = 0
  }
  // Between pieces of input: print what was found, and wait while stdout holds it.
  const between = async (): Promise<void> => {
    flush()
    if (io.stdoutDrained !== undefined) await unlessAborted(io.stdoutDrained(), interrupt)
  }

  const inputs = positionals.length === 0 ? ['-'] : positionals
  // A function, not a narrowed value: the signal aborts between awaits.
  const stopped = (): boolean => interrupt?.aborted === true
  for (const input of inputs) {
    if (stopped()) break
    const file = input === '-' ? undefined : input
    const source = await openSource(input, io)
    if (stopped()) break // interrupted while waiting to open (a FIFO without a writer)
    if (E.isLeft(source)) {
      io.stderr(`otc-errors classify: ${source.left}\n`)
      unreadable.push({ file: input, reason: source.left })
      continue
    }
    const { chunks, size } = source.right
    let findings = 0
    const onFinding = (finding: LineFinding): void => {
      if (category !== undefined && finding.category !== category) return
      if (unknownOnly && finding.known) return
      findings += 1
      tally.add(finding, file)
      if (format === 'ndjson') {
        const line = ndjsonLine(finding, file)
        out.push(line)
        outLength += line.length
        if (outLength >= 64 * 1024) flush()
      }
    }
    try {
      const showProgress = file !== undefined && size !== null && io.isStderrTTY === true
      const stoppable = interrupt === undefined ? chunks : untilAborted(chunks, interrupt)
      const stats = await scanPaced(showProgress ? withProgress(stoppable, size, input, io) : stoppable, onFinding, options, between, interrupt)
      reports.push({ file: file ?? null, stats, findings })
    } catch (error) {
      flush()
      const reason = `${input === '-' ? 'stdin' : input}: ${reasonOf(error)}`
      io.stderr(`otc-errors classify: ${reason}\n`)
      unreadable.push({ file: input, reason })
    }
  }
  flush()
  const interrupted = interrupt?.aborted === true
  if (interrupted) io.stderr('otc-errors classify: interrupted; the result below covers what was read so far.\n')

  const sum = (pick: (s: ScanStats) => number): number => reports.reduce((n, r) => n + pick(r.stats), 0)
  const lines = sum((s) => s.lines)
  const badLines = sum((s) => s.badLines)
  const longLines = sum((s) => s.longLines)
  const codes = tally.codes()
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify({
        lines,
        findings: tally.findings(),
        byCode: Object.fromEntries(codes.map((t) => [t.code, t.count])),
        ...(tally.otherFindings() > 0 ? { otherFindings: tally.otherFindings() } : {}),
        badLines,
        longLines,
        files: reports.map((r) => ({ file: r.file, lines: r.stats.lines, bytes: r.stats.bytes, findings: r.findings, badLines: r.stats.badLines, longLines: r.stats.longLines })),
        unreadable,
        ...(interrupted ? { interrupted: true } : {}),
      })}\n`,
    )
  } else if (format === 'summary') {
    io.stdout(
      renderSummary(codes, {
        lines,
        findings: tally.findings(),
        files: reports.length,
        badLines,
        longLines,
        otherFindings: tally.otherFindings(),
        unreadable: unreadable.length,
        interrupted,
      }),
    )
  }
  if (interrupted) return interrupt?.reason === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted
  return unreadable.length > 0 ? EXIT.usage : EXIT.ok
}

const openSource = async (
  input: string,
  io: CliIO,
): Promise<E.Either<string, { readonly chunks: AsyncIterable<Uint8Array>; readonly size: number | null }>> => {
  if (input === '-') {
    if (io.stdinStream !== undefined) return E.right({ chunks: io.stdinStream(), size: null })
    return E.right({ chunks: once(await io.readStdin()), size: null })
  }
  if (io.openInput !== undefined) return io.openInput(input)
  const bytes = await io.readFile(input)
  return E.isLeft(bytes) ? bytes : E.right({ chunks: once(bytes.right), size: bytes.right.length })
}

const usage = (io: CliIO, message: string): number => usageError(io, 'classify', message)
