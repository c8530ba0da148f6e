/**
 * `otc-errors classify [FILE...] [--format summary|ndjson|json]`: which OTC errors a log holds,
 * how often, and which deserve a retry.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { Category, categories } from '../error/vocabulary.js'
import { lineClassifier, type LineFinding } from '../logs/line.js'
import { gunzipIfCompressed, logScanner, type FindingSink, type ScanOptions, type ScanStats } from '../logs/stream.js'
import { MAX_TALLIED_CODES, findingTally, type CodeTally, type FindingTally, type SeenAt } from '../logs/tally.js'
import { findingTimeline, timeContext, timestampOf, type TimeContext } from '../logs/timeline.js'
import { quoteLine, reportHtml } from '../logreport/html.js'
import type { ReportCode } from '../logreport/model.js'
import { REPORT_BUNDLE, REPORT_CSS } from '../logreport/page.generated.js'
import { EXIT, parseCommandArgs, usageError } from './args.js'
import { catalogPaths } from './catalog.js'
import { catalogFor } from './catalogFiles.js'
import type { CliIO, InputStream } from './io.js'
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
// the options
// -------------------------------------------------------------------------------------

/**
 * A run of `classify`, its options read and checked: the report's format (and field names for
 * ndjson), the filters, the catalogue files to layer, and the inputs (`-` is stdin).
 *
 * @example
 * import type { ClassifyPlan } from './classify.js'
 * const plan: ClassifyPlan = { _tag: 'Run', format: 'json', fields: 'otc-errors', category: undefined, unknownOnly: false, catalogPaths: [], inputs: ['app.log'] }
 *
 * @since 0.1.0
 * @category model
 */
export interface ClassifyPlan {
  readonly _tag: 'Run'
  readonly format: (typeof FORMATS)[number]
  readonly fields: FieldSet
  readonly category: Category | undefined
  readonly unknownOnly: boolean
  readonly catalogPaths: ReadonlyArray<string>
  readonly inputs: ReadonlyArray<string>
}

/**
 * What `classify`'s arguments ask for: its help, or a run.
 *
 * @example
 * import type { ClassifyRequest } from './classify.js'
 * const help: ClassifyRequest = { _tag: 'Help' }
 *
 * @since 0.1.0
 * @category model
 */
export type ClassifyRequest = { readonly _tag: 'Help' } | ClassifyPlan

/**
 * Why `classify` refuses its arguments: a usage error, or `--format html` in a build made without
 * the chart script.
 *
 * @example
 * import type { ClassifyRefusal } from './classify.js'
 * const refusal: ClassifyRefusal = { _tag: 'Usage', message: '--fields goes with --format ndjson' }
 *
 * @since 0.1.0
 * @category model
 */
export type ClassifyRefusal = { readonly _tag: 'Usage'; readonly message: string } | { readonly _tag: 'NoChartScript' }

const HELP: ClassifyRequest = { _tag: 'Help' }

// A flag's value, as parseCommandArgs gives it.
type FlagValue = string | boolean | Array<string | boolean> | undefined

// A usage error, as a refusal.
const usageRefusal = (message: string): ClassifyRefusal => ({ _tag: 'Usage', message })

// --format: one of FORMATS; html only when the build bundled the chart script.
const formatOf = (flag: FlagValue): E.Either<ClassifyRefusal, ClassifyPlan['format']> => {
  const format = FORMATS.find((f) => f === (flag ?? 'summary'))
  if (format === undefined) return E.left(usageRefusal(`--format expects summary, ndjson, json or html, got "${String(flag ?? 'summary')}"`))
  return format === 'html' && (REPORT_BUNDLE === null || REPORT_CSS === null) ? E.left({ _tag: 'NoChartScript' }) : E.right(format)
}

// --category: a category, when given.
const categoryOf = (flag: FlagValue): E.Either<ClassifyRefusal, Category | undefined> =>
  flag === undefined || Category.is(flag) ? E.right(flag) : E.left(usageRefusal(`--category expects one of ${categories.join(', ')}, got "${String(flag)}"`))

// --fields: one of FIELD_SETS, and only with --format ndjson.
const fieldsOf = (flag: FlagValue, format: ClassifyPlan['format']): E.Either<ClassifyRefusal, FieldSet> => {
  const fields = FIELD_SETS.find((f) => f === (flag ?? 'otc-errors'))
  if (fields === undefined) return E.left(usageRefusal(`--fields expects ${FIELD_SETS.join(', ')}, got "${String(flag ?? 'otc-errors')}"`))
  return flag !== undefined && format !== 'ndjson' ? E.left(usageRefusal('--fields goes with --format ndjson')) : E.right(fields)
}

/**
 * Reads and checks `classify`'s arguments, without I/O: the help, a run's plan, or why the
 * arguments are refused (the first problem, flags checked in the order format, category, fields).
 *
 * @example
 * import { readClassifyArgs } from './classify.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(readClassifyArgs(['--fields', 'otel']), E.left({ _tag: 'Usage', message: '--fields goes with --format ndjson' }))
 * assert.deepStrictEqual(readClassifyArgs(['a.log', '--format', 'json']), E.right({ _tag: 'Run', format: 'json', category: undefined, fields: 'otc-errors', unknownOnly: false, catalogPaths: [], inputs: ['a.log'] }))
 *
 * @since 0.1.0
 * @category parsing
 */
export const readClassifyArgs = (argv: ReadonlyArray<string>): E.Either<ClassifyRefusal, ClassifyRequest> => {
  const parsed = parseCommandArgs(argv, {
    format: { type: 'string' },
    category: { type: 'string' },
    'unknown-only': { type: 'boolean' },
    fields: { type: 'string' },
    catalog: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  })
  if (E.isLeft(parsed)) return E.left(usageRefusal(parsed.left))
  const { values, positionals } = parsed.right
  if (values['help'] === true) return E.right(HELP)
  return pipe(
    E.Do,
    E.bind('format', () => formatOf(values['format'])),
    E.bind('category', () => categoryOf(values['category'])),
    E.bind('fields', ({ format }) => fieldsOf(values['fields'], format)),
    E.map((checked): ClassifyRequest => ({
      _tag: 'Run',
      ...checked,
      unknownOnly: values['unknown-only'] === true,
      catalogPaths: catalogPaths(values['catalog']),
      inputs: positionals.length === 0 ? ['-'] : positionals,
    })),
  )
}

// Says why the arguments are refused; the usage exit code.
const refuse = (io: CliIO, refusal: ClassifyRefusal): number => {
  if (refusal._tag === 'Usage') return usageError(io, 'classify', refusal.message)
  io.stderr('otc-errors classify: --format html needs the chart script, which is bundled with esbuild when the package is built, and this build was made without it.\n')
  return EXIT.usage
}

// The scan's options: the shipped catalogue's classifier, or one over the --catalog files layered on it.
const scanOptionsFor = async (io: CliIO, paths: ReadonlyArray<string>): Promise<E.Either<string, ScanOptions>> => {
  const catalog = await catalogFor(io, paths)
  return E.isLeft(catalog) ? catalog : E.right(paths.length === 0 ? {} : { classifier: lineClassifier(catalog.right) })
}

// -------------------------------------------------------------------------------------
// the inputs
// -------------------------------------------------------------------------------------

// An input opened: stdin or a file, streamed when the I/O can, else read whole.
const openSource = async (input: string, io: CliIO): Promise<E.Either<string, InputStream>> => {
  if (input === '-') {
    if (io.stdinStream !== undefined) return E.right({ chunks: io.stdinStream(), size: null })
    return E.right({ chunks: once(await io.readStdin()), size: null })
  }
  if (io.openInput !== undefined) return io.openInput(input)
  const bytes = await io.readFile(input)
  return E.isLeft(bytes) ? bytes : E.right({ chunks: once(bytes.right), size: bytes.right.length })
}

// An input's chunks as the scan takes them: they stop at an interrupt, and draw a progress bar
// for a file when stderr is a terminal.
const chunksToScan = ({ chunks, size }: InputStream, input: string, io: CliIO, interrupt: AbortSignal | undefined): AsyncIterable<Uint8Array> => {
  const stoppable = interrupt === undefined ? chunks : untilAborted(chunks, interrupt)
  return input !== '-' && size !== null && io.isStderrTTY === true ? withProgress(stoppable, size, input, io) : stoppable
}

// -------------------------------------------------------------------------------------
// the scan
// -------------------------------------------------------------------------------------

// A line quoted in the html report, as read.
interface Quote {
  readonly file?: string
  readonly line: number
  readonly text: string
}

// For --format html: findings over time, and the first and last line of each code (copied out
// of the read buffers, at most one pair per tallied code).
class PageEvidence {
  readonly timeline = findingTimeline()
  readonly quotes = new Map<string, { first: Quote; last: Quote }>()
  private readonly thisYear = new Date().getUTCFullYear()
  private context: TimeContext = timeContext(undefined, this.thisYear)
  private timedLine = -1
  private lineTime: number | null = null

  // A new input: its lines are numbered from 1 again, and its name may date them.
  startInput(file: string | undefined): void {
    this.context = timeContext(file, this.thisYear)
    this.timedLine = -1
    this.lineTime = null
  }

  // A finding on `text`, a line of `file`: counted at the line's time, quoted if first or last of its code.
  add(finding: LineFinding, text: string, file: string | undefined): void {
    if (finding.line !== this.timedLine) {
      this.timedLine = finding.line
      this.lineTime = timestampOf(text, this.context)
    }
    this.timeline.add(this.lineTime, finding.code, finding.category)
    const seen = this.quotes.get(finding.code)
    if (seen !== undefined || this.quotes.size < MAX_TALLIED_CODES) {
      const at = { ...(file === undefined ? {} : { file }), line: finding.line, text: Buffer.from(text.slice(0, 2 * QUOTED_BYTES), 'latin1').toString('utf8') }
      if (seen === undefined) this.quotes.set(finding.code, { first: at, last: at })
      else if (seen.last.line !== finding.line || seen.last.file !== file) seen.last = at
    }
  }
}

// Findings printed as they are found (--format ndjson): held until the pause after the piece of
// input that found them (or 64 KiB of them), and stdout waited for in those pauses.
class PacedOutput {
  private held: Array<string> = []
  private heldLength = 0
  private readonly io: CliIO
  private readonly interrupt: AbortSignal | undefined

  constructor(io: CliIO, interrupt: AbortSignal | undefined) {
    this.io = io
    this.interrupt = interrupt
  }

  // Text to print.
  write(text: string): void {
    this.held.push(text)
    this.heldLength += text.length
    if (this.heldLength >= 64 * 1024) this.flush()
  }

  // Prints what is held.
  flush(): void {
    if (this.held.length > 0) this.io.stdout(this.held.join(''))
    this.held = []
    this.heldLength = 0
  }

  // Between pieces of input: print what was found, and wait while stdout holds it.
  async pause(): Promise<void> {
    this.flush()
    if (this.io.stdoutDrained !== undefined) await unlessAborted(this.io.stdoutDrained(), this.interrupt)
  }
}

// What the findings of every input go to.
interface Collected {
  readonly tally: FindingTally
  readonly page: PageEvidence | undefined
  readonly output: PacedOutput
}

// The sink of one input's findings: --category and --unknown-only filter them, then they are
// tallied, kept for the page (html) and printed (ndjson); `kept` counts them.
const inputSink = (plan: ClassifyPlan, file: string | undefined, collected: Collected): { readonly onFinding: FindingSink; readonly kept: () => number } => {
  let kept = 0
  collected.page?.startInput(file)
  const onFinding = (finding: LineFinding, text: string): void => {
    if (plan.category !== undefined && finding.category !== plan.category) return
    if (plan.unknownOnly && finding.known) return
    kept += 1
    collected.tally.add(finding, file)
    collected.page?.add(finding, text, file)
    if (plan.format === 'ndjson') collected.output.write(ndjsonLine(finding, file, plan.fields))
  }
  return { onFinding, kept: () => kept }
}

// One input, opened and scanned: what it held, why it could not be read (said on stderr), or
// that an interrupt came while it was being opened.
type InputOutcome =
  { readonly _tag: 'Read'; readonly report: FileReport } | { readonly _tag: 'Unreadable'; readonly file: string; readonly reason: string } | { readonly _tag: 'Stopped' }

// Says on stderr why `input` could not be read.
const unreadableInput = (io: CliIO, input: string, reason: string): InputOutcome => {
  io.stderr(`otc-errors classify: ${reason}\n`)
  return { _tag: 'Unreadable', file: input, reason }
}

// Opens and scans one input.
const scanInput = async (input: string, plan: ClassifyPlan, collected: Collected, options: ScanOptions, io: CliIO, interrupt: AbortSignal | undefined): Promise<InputOutcome> => {
  const source = await openSource(input, io)
  if (interrupt?.aborted === true) return { _tag: 'Stopped' } // while waiting to open (a FIFO without a writer)
  if (E.isLeft(source)) return unreadableInput(io, input, source.left)
  const file = input === '-' ? undefined : input
  const sink = inputSink(plan, file, collected)
  try {
    const stats = await scanPaced(chunksToScan(source.right, input, io, interrupt), sink.onFinding, options, () => collected.output.pause(), interrupt)
    return { _tag: 'Read', report: { file: file ?? null, stats, findings: sink.kept() } }
  } catch (error) {
    collected.output.flush()
    return unreadableInput(io, input, `${input === '-' ? 'stdin' : input}: ${reasonOf(error)}`)
  }
}

// What the scan of every input came to.
interface ScanRun extends Collected {
  readonly reports: ReadonlyArray<FileReport>
  readonly unreadable: ReadonlyArray<{ readonly file: string; readonly reason: string }>
  readonly interrupted: boolean
}

// Every input in turn, until an interrupt.
const scanInputs = async (plan: ClassifyPlan, options: ScanOptions, io: CliIO, interrupt: AbortSignal | undefined): Promise<ScanRun> => {
  const collected: Collected = { tally: findingTally(), page: plan.format === 'html' ? new PageEvidence() : undefined, output: new PacedOutput(io, interrupt) }
  const reports: Array<FileReport> = []
  const unreadable: Array<{ file: string; reason: string }> = []
  for (const input of plan.inputs) {
    if (interrupt?.aborted === true) break // a function of time: the signal aborts between awaits
    const outcome = await scanInput(input, plan, collected, options, io, interrupt)
    if (outcome._tag === 'Stopped') break
    if (outcome._tag === 'Read') reports.push(outcome.report)
    else unreadable.push({ file: outcome.file, reason: outcome.reason })
  }
  collected.output.flush()
  return { ...collected, reports, unreadable, interrupted: interrupt?.aborted === true }
}

// -------------------------------------------------------------------------------------
// the report
// -------------------------------------------------------------------------------------

// Lines read, and the bad and long ones among them, over every input read.
const linesOf = (reports: ReadonlyArray<FileReport>): { readonly lines: number; readonly badLines: number; readonly longLines: number } => {
  const sum = (pick: (s: ScanStats) => number): number => reports.reduce((n, r) => n + pick(r.stats), 0)
  return { lines: sum((s) => s.lines), badLines: sum((s) => s.badLines), longLines: sum((s) => s.longLines) }
}

// --format json: the totals, the count per code and what each input held.
const jsonReport = (run: ScanRun): string => {
  const { lines, badLines, longLines } = linesOf(run.reports)
  const { tally, reports } = run
  return `${JSON.stringify({
    lines,
    findings: tally.findings(),
    byCode: Object.fromEntries(tally.codes().map((t) => [t.code, t.count])),
    ...(tally.otherFindings() > 0 ? { otherFindings: tally.otherFindings() } : {}),
    badLines,
    longLines,
    files: reports.map((r) => ({ file: r.file, lines: r.stats.lines, bytes: r.stats.bytes, findings: r.findings, badLines: r.stats.badLines, longLines: r.stats.longLines })),
    unreadable: run.unreadable,
    ...(run.interrupted ? { interrupted: true } : {}),
  })}\n`
}

// --format html: the page, with the first and last line of each code quoted (redacted).
const htmlReport = (inputs: ReadonlyArray<string>, run: ScanRun, page: PageEvidence): string => {
  const { tally } = run
  const quoted = (at: Quote) => quoteLine(at.text, at.line, at.file)
  const rows = tally.codes().flatMap((t): ReadonlyArray<ReportCode> => {
    const q = page.quotes.get(t.code)
    return q === undefined
      ? []
      : [{ code: t.code, service: t.service, count: t.count, categories: t.categories, retryable: t.retryable, known: t.known, first: quoted(q.first), last: quoted(q.last) }]
  })
  const title = inputs.map((i) => (i === '-' ? 'stdin' : i)).join(', ')
  const { lines } = linesOf(run.reports)
  return reportHtml(
    { title, lines, findings: tally.findings(), otherFindings: tally.otherFindings(), timeline: page.timeline.series(), codes: rows },
    REPORT_BUNDLE ?? '',
    REPORT_CSS ?? '',
  )
}

// --format summary: the table for people.
const summaryReport = (run: ScanRun): string =>
  renderSummary(run.tally.codes(), {
    ...linesOf(run.reports),
    findings: run.tally.findings(),
    files: run.reports.length,
    otherFindings: run.tally.otherFindings(),
    unreadable: run.unreadable.length,
    interrupted: run.interrupted,
  })

// Prints the report of --format (ndjson printed its findings as they came).
const writeReport = (plan: ClassifyPlan, run: ScanRun, io: CliIO): void => {
  if (plan.format === 'json') io.stdout(jsonReport(run))
  else if (plan.format === 'html' && run.page !== undefined) io.stdout(htmlReport(plan.inputs, run, run.page))
  else if (plan.format === 'summary') io.stdout(summaryReport(run))
}

// -------------------------------------------------------------------------------------
// command
// -------------------------------------------------------------------------------------

const reasonOf = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0] ?? 'unreadable'
}

// 130 after Ctrl-C, 143 after SIGTERM, 2 when an input was unreadable, else 0.
const exitCodeOf = (run: ScanRun, interrupt: AbortSignal | undefined): number => {
  if (run.interrupted) return interrupt?.reason === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted
  return run.unreadable.length > 0 ? EXIT.usage : EXIT.ok
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
  const request = readClassifyArgs(argv)
  if (E.isLeft(request)) return refuse(io, request.left)
  if (request.right._tag === 'Help') {
    io.stdout(CLASSIFY_HELP)
    return EXIT.ok
  }
  const plan = request.right
  const options = await scanOptionsFor(io, plan.catalogPaths)
  if (E.isLeft(options)) {
    io.stderr(`otc-errors classify: ${options.left}\n`)
    return EXIT.usage
  }
  const interrupt = io.onInterrupt?.()
  const run = await scanInputs(plan, options.right, io, interrupt)
  if (run.interrupted) io.stderr('otc-errors classify: interrupted; the result below covers what was read so far.\n')
  writeReport(plan, run, io)
  return exitCodeOf(run, interrupt)
}
