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
import { MAX_TALLIED_CODES, findingTally, type CodeTally, type SeenAt } from '../logs/tally.js'
import { findingTimeline, timeContext, timestampOf } from '../logs/timeline.js'
import { quoteLine, reportHtml } from '../logreport/html.js'
import type { ReportCode } from '../logreport/model.js'
import { REPORT_BUNDLE, REPORT_CSS } from '../logreport/page.generated.js'
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
export const CLASSIFY_HELP = `Usage: otc-errors classify [FILE...] [--format summary|ndjson|json|html] [--fields otc-errors|otel|ecs] [--category NAME] [--unknown-only] [--catalog FILE|DIR]...

Finds Open Telekom Cloud error codes in logs (plain text, JSON logs, logfmt,
Terraform debug output, SDK exceptions), classifies each with the catalogue and
the HTTP status on its line, and counts them. Gzip files are read as such.
Without FILE (or with -), the log is read from stdin.

Options:
  --format F       summary (default): a table per code for people;
                   html: one self-contained page (works offline) with findings over
                   time per category and per code, and the table with the first and
                   last line of each code (redacted);
                   ndjson: one finding a line {file?, line, code, service, status?,
                   category, retryable, known, requestId?};
                   json: {lines, findings, byCode, files, badLines, longLines, unreadable,
                   interrupted}
  --fields SET     ndjson field names: otc-errors (default, as above), otel
                   (OpenTelemetry: error.type, http.response.status_code,
                   log.file.path, otc.*) or ecs (Elastic Common Schema: error.code,
                   error.type = category, http.response.status_code, log.file.path, otc.*)
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

const FORMATS = ['summary', 'ndjson', 'json', 'html'] as const

interface FileReport {
  readonly file: string | null
  readonly stats: ScanStats
  readonly findings: number
}

// -------------------------------------------------------------------------------------
// rendering
// -------------------------------------------------------------------------------------

/**
 * Field-name sets for `--format ndjson`: the library's own names (the default, DESIGN.md's
 * contract), OpenTelemetry semantic conventions, or the Elastic Common Schema. Names with no
 * standard counterpart go under `otc.`. Keys are flat dotted names, as both conventions allow.
 *
 * @example
 * import { FIELD_SETS } from './classify.js'
 * FIELD_SETS // ['otc-errors', 'otel', 'ecs']
 *
 * @since 0.1.0
 * @category constants
 */
export const FIELD_SETS = ['otc-errors', 'otel', 'ecs'] as const

/**
 * One of `FIELD_SETS`.
 *
 * @example
 * import type { FieldSet } from './classify.js'
 * const fields: FieldSet = 'ecs'
 *
 * @since 0.1.0
 * @category model
 */
export type FieldSet = (typeof FIELD_SETS)[number]

/**
 * A finding as one NDJSON object in a field set. OpenTelemetry: `error.type` is the code (the
 * class of error, as printed), `http.response.status_code`, `log.file.path`; ECS: `error.code`,
 * `error.type` (the category), `http.response.status_code`, `http.request.id`, `log.file.path`,
 * `event.outcome: "failure"`.
 *
 * @example
 * import { findingFields } from './classify.js'
 * const f = { line: 3, code: 'APIGW.0308', service: 'APIG', status: 429, category: 'throttled' as const, retryable: true, strategy: 'backoff' as const, known: true }
 * findingFields(f, 'app.log', 'ecs')['error.code'] // 'APIGW.0308'
 * findingFields(f, 'app.log', 'otel')['http.response.status_code'] // 429
 *
 * @since 0.1.0
 * @category rendering
 */
export const findingFields = (finding: LineFinding, file: string | undefined, fields: FieldSet): Record<string, unknown> => {
  const opt = <A>(key: string, value: A | undefined): Record<string, A> => (value === undefined ? {} : { [key]: value })
  switch (fields) {
    case 'otc-errors':
      return {
        ...opt('file', file),
        line: finding.line,
        code: finding.code,
        service: finding.service,
        ...opt('status', finding.status),
        category: finding.category,
        retryable: finding.retryable,
        known: finding.known,
        ...opt('requestId', finding.requestId),
      }
    case 'otel':
      return {
        ...opt('log.file.path', file),
        'otc.log.line': finding.line,
        'error.type': finding.code,
        ...opt('http.response.status_code', finding.status),
        'otc.error.service': finding.service,
        'otc.error.category': finding.category,
        'otc.error.retryable': finding.retryable,
        'otc.error.known': finding.known,
        ...opt('otc.request_id', finding.requestId),
      }
    case 'ecs':
      return {
        ...opt('log.file.path', file),
        'otc.log.line': finding.line,
        'event.outcome': 'failure',
        'error.code': finding.code,
        'error.type': finding.category,
        ...opt('http.response.status_code', finding.status),
        ...opt('http.request.id', finding.requestId),
        'otc.error.service': finding.service,
        'otc.error.retryable': finding.retryable,
        'otc.error.known': finding.known,
      }
  }
}

const ndjsonLine = (finding: LineFinding, file: string | undefined, fields: FieldSet): string => `${JSON.stringify(findingFields(finding, file, fields))}\n`

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

// How much of a line (as read, before redaction) the html report keeps for quoting.
const QUOTED_BYTES = 600

// Counts the bytes flowing by and redraws a one-line bar on stderr at most every 100 ms.
async function* withProgress(chunks: AsyncIterable<Uint8Array>, size: number, label: string, io: CliIO): AsyncGenerator<Uint8Array, void, undefined> {
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
  onFinding: (finding: LineFinding, text: string) => void,
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

// eslint-disable-next-line @typescript-eslint/require-await -- an async generator on purpose: it stands in for a stream's chunks
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
    fields: { type: 'string' },
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
  if (format === undefined) return usage(io, `--format expects summary, ndjson, json or html, got "${String(formatFlag)}"`)
  if (format === 'html' && (REPORT_BUNDLE === null || REPORT_CSS === null)) {
    io.stderr('otc-errors classify: --format html needs the chart script, which is bundled with esbuild when the package is built, and this build was made without it.\n')
    return EXIT.usage
  }
  const category = values['category']
  if (category !== undefined && !Category.is(category)) {
    return usage(io, `--category expects one of ${categories.join(', ')}, got "${String(category)}"`)
  }
  const unknownOnly = values['unknown-only'] === true
  const fieldsFlag = values['fields'] ?? 'otc-errors'
  const fields = FIELD_SETS.find((f) => f === fieldsFlag)
  if (fields === undefined) return usage(io, `--fields expects ${FIELD_SETS.join(', ')}, got "${String(fieldsFlag)}"`)
  if (values['fields'] !== undefined && format !== 'ndjson') return usage(io, '--fields goes with --format ndjson')
  const paths = catalogPaths(values['catalog'])
  const catalog = await catalogFor(io, paths)
  if (E.isLeft(catalog)) {
    io.stderr(`otc-errors classify: ${catalog.left}\n`)
    return EXIT.usage
  }
  const options = paths.length === 0 ? {} : { classifier: lineClassifier(catalog.right) }
  const interrupt = io.onInterrupt?.()

  const tally = findingTally()
  // For --format html: findings over time, and the first and last line of each code (copied
  // out of the read buffers, at most one pair per tallied code).
  const timeline = format === 'html' ? findingTimeline() : undefined
  const quotes = new Map<string, { first: { file?: string; line: number; text: string }; last: { file?: string; line: number; text: string } }>()
  const thisYear = new Date().getUTCFullYear()
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
    const context = timeContext(file, thisYear)
    let timedLine = -1
    let lineTime: number | null = null
    const onFinding = (finding: LineFinding, text: string): void => {
      if (category !== undefined && finding.category !== category) return
      if (unknownOnly && finding.known) return
      findings += 1
      tally.add(finding, file)
      if (timeline !== undefined) {
        if (finding.line !== timedLine) {
          timedLine = finding.line
          lineTime = timestampOf(text, context)
        }
        timeline.add(lineTime, finding.code, finding.category)
        const seen = quotes.get(finding.code)
        if (seen !== undefined || quotes.size < MAX_TALLIED_CODES) {
          const at = { ...(file === undefined ? {} : { file }), line: finding.line, text: Buffer.from(text.slice(0, 2 * QUOTED_BYTES), 'latin1').toString('utf8') }
          if (seen === undefined) quotes.set(finding.code, { first: at, last: at })
          else if (seen.last.line !== finding.line || seen.last.file !== file) seen.last = at
        }
      }
      if (format === 'ndjson') {
        const line = ndjsonLine(finding, file, fields)
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
  } else if (format === 'html' && timeline !== undefined) {
    const quoted = (at: { file?: string; line: number; text: string }) => quoteLine(at.text, at.line, at.file)
    const rows = codes.flatMap((t): ReadonlyArray<ReportCode> => {
      const q = quotes.get(t.code)
      return q === undefined
        ? []
        : [{ code: t.code, service: t.service, count: t.count, categories: t.categories, retryable: t.retryable, known: t.known, first: quoted(q.first), last: quoted(q.last) }]
    })
    const title = inputs.map((i) => (i === '-' ? 'stdin' : i)).join(', ')
    io.stdout(
      reportHtml(
        { title, lines, findings: tally.findings(), otherFindings: tally.otherFindings(), timeline: timeline.series(), codes: rows },
        REPORT_BUNDLE ?? '',
        REPORT_CSS ?? '',
      ),
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

const openSource = async (input: string, io: CliIO): Promise<E.Either<string, { readonly chunks: AsyncIterable<Uint8Array>; readonly size: number | null }>> => {
  if (input === '-') {
    if (io.stdinStream !== undefined) return E.right({ chunks: io.stdinStream(), size: null })
    return E.right({ chunks: once(await io.readStdin()), size: null })
  }
  if (io.openInput !== undefined) return io.openInput(input)
  const bytes = await io.readFile(input)
  return E.isLeft(bytes) ? bytes : E.right({ chunks: once(bytes.right), size: bytes.right.length })
}

const usage = (io: CliIO, message: string): number => usageError(io, 'classify', message)
