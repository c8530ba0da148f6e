/**
 * Classifying a whole log as it streams by: large chunks in, findings with 1-based line numbers
 * out, in bounded memory whatever the input's size.
 *
 * The chunk is scanned as Latin-1 text, so every byte is one character: error codes are ASCII,
 * so invalid UTF-8 cannot shift or hide them, and offsets in the text are offsets in the bytes.
 * A cheap prefilter finds the few lines that can hold a code; only those are classified. A line
 * longer than `maxLineBytes` is never buffered whole: it is scanned in windows of that size
 * (with a little overlap), at offsets taken from the line's own start, so the findings do not
 * depend on where the chunks were cut.
 *
 * @since 0.1.0
 */
import { Buffer, isUtf8 } from 'node:buffer'
import { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { defaultLineClassifier, type Finding, type LineClassifier, type LineFinding, type SeenCodes } from './line.js'
import { PREFILTER_LOOKBACK } from './pattern.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What was read: `lines` (a last line without a newline counts), `bytes` (after
 * decompression), `badLines` (not valid UTF-8; still scanned) and `longLines` (longer than the
 * line bound, scanned in windows).
 *
 * @example
 * import type { ScanStats } from 'otc-errors/logs'
 * const s: ScanStats = { lines: 3, bytes: 120, badLines: 0, longLines: 0 }
 *
 * @since 0.1.0
 * @category model
 */
export interface ScanStats {
  readonly lines: number
  readonly bytes: number
  readonly badLines: number
  readonly longLines: number
}

/**
 * Options of a scan: the classifier (the shipped catalogue's by default) and the line bound.
 *
 * @example
 * import type { ScanOptions } from 'otc-errors/logs'
 * const options: ScanOptions = { maxLineBytes: 1 << 20 }
 *
 * @since 0.1.0
 * @category model
 */
export interface ScanOptions {
  readonly classifier?: LineClassifier
  /** Lines longer than this are scanned in windows of this size (default 1 MiB). */
  readonly maxLineBytes?: number
}

/**
 * Where findings go, in input order. `text` is the line the finding is on (a window of it, for a
 * line past the bound), its bytes read as Latin-1 (`Buffer.from(text, 'latin1')` gives them
 * back): for reports that quote lines or read their timestamps; secrets are still in it.
 *
 * @example
 * import type { FindingSink } from 'otc-errors/logs'
 * const sink: FindingSink = (finding, text) => console.log(finding.line, finding.code, text.length)
 *
 * @since 0.1.0
 * @category model
 */
export type FindingSink = (finding: LineFinding, text: string) => void

/**
 * An incremental scanner: `push` chunks cut anywhere, then `end` once.
 *
 * @example
 * import { logScanner } from 'otc-errors/logs'
 * const scanner = logScanner((f) => console.log(f.line, f.code))
 * scanner.push(new TextEncoder().encode('ok\nfailed: AS.00'))
 * scanner.push(new TextEncoder().encode('01\n'))
 * scanner.end() // prints "2 AS.0001"
 *
 * @since 0.1.0
 * @category model
 */
export interface LogScanner {
  readonly push: (chunk: Uint8Array) => void
  readonly end: () => ScanStats
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * The default line bound: longer lines are scanned in windows of this many bytes.
 *
 * @example
 * import { MAX_LINE_BYTES } from 'otc-errors/logs'
 * import * as assert from 'node:assert'
 * assert.strictEqual(MAX_LINE_BYTES, 1048576)
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_LINE_BYTES = 1 << 20

// Bytes of context on each side of a window: more than the longest match (a key, its
// separator and a bounded value) plus the look-behind.
const WINDOW_CONTEXT = 512

const NEWLINE = 10

// Bytes of complete lines decoded and scanned at a time (see `scanLines`). Small enough that the
// text of a block dies young in V8's new space, which then never needs to grow: 16 KiB blocks
// took the same CPU time as 64 KiB on `npm run bench:logs`'s 200 MiB log, at 85 MB peak RSS
// instead of 102 MB.
const SCAN_BLOCK_BYTES = 16 * 1024

/**
 * Distinct codes a line longer than the line bound remembers for the whole line: a code printed
 * again anywhere in the line counts once. Past this many, a new code is remembered for the
 * window it is in only (the codes of one window, at most a megabyte of text), so a hostile line
 * of hundreds of megabytes of distinct codes holds bounded memory; the price is that such a
 * code, printed again in a later window of that line, counts again. Lines within the bound
 * count every code once, whatever they hold.
 *
 * @example
 * import { MAX_LINE_CODES } from 'otc-errors/logs'
 * import * as assert from 'node:assert'
 * assert.strictEqual(MAX_LINE_CODES, 10000)
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_LINE_CODES = 10_000

// The codes a long line has reported (see `MAX_LINE_CODES`): the first ones for the whole line,
// later ones for the current window.
class LineCodes implements SeenCodes {
  private readonly line = new Set<string>()
  private readonly window = new Set<string>()

  has(code: string): boolean {
    return this.line.has(code) || this.window.has(code)
  }

  add(code: string): void {
    if (this.line.size < MAX_LINE_CODES) this.line.add(code)
    else this.window.add(code)
  }

  nextWindow(): void {
    this.window.clear()
  }
}

// The same bytes as a Buffer, without a copy.
const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))

// -------------------------------------------------------------------------------------
// the scan's parts
// -------------------------------------------------------------------------------------

// The stats of one scan and what every part shares: the classifier, the line bound, the two
// prefilters, and the sink, which numbers a finding by the lines completed so far.
class ScanState {
  lines = 0 // completed lines
  bytes = 0
  badLines = 0
  longLines = 0
  readonly classifier: LineClassifier
  readonly maxLine: number
  readonly prefilter: RegExp // global: blocks are searched from `lastIndex`
  readonly windowPrefilter: RegExp
  private readonly onFinding: FindingSink

  constructor(classifier: LineClassifier, maxLine: number, onFinding: FindingSink) {
    this.classifier = classifier
    this.maxLine = maxLine
    this.prefilter = new RegExp(classifier.prefilter.source, 'g')
    this.windowPrefilter = new RegExp(classifier.prefilter.source)
    this.onFinding = onFinding
  }

  // Findings on the line being read.
  emit(findings: ReadonlyArray<Finding>, text: string): void {
    for (const f of findings) this.onFinding({ line: this.lines + 1, ...f }, text)
  }

  // A line within the bound, searched from `start` (the prefilter's hit less the look-back).
  shortLine(text: string, start = 0): void {
    this.emit(this.classifier.scan(text, 0, text.length, new Set(), start), text)
  }

  // Counts a long line once it is read to its end.
  countLongLine(line: LongLine): void {
    this.longLines += 1
    if (line.bad) this.badLines += 1
  }

  // What was read so far.
  stats(): ScanStats {
    return { lines: this.lines, bytes: this.bytes, badLines: this.badLines, longLines: this.longLines }
  }
}

// The long-line window reader. A line longer than the bound: windows [k·S − C, (k+1)·S + C) of
// the line, each keeping the matches that start in [k·S, (k+1)·S). Between pieces, only the bytes
// of the next window are kept (at most S + 2C), however large the pieces or the line; each byte is
// copied at most twice, so a line costs time linear in its length.
class LongLine {
  private tail: Buffer = Buffer.alloc(0)
  private base = 0 // offset in the line of tail[0]
  private total = 0
  private k = 0
  private readonly seen = new LineCodes()
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true })
  private readonly scan: ScanState
  bad = false

  constructor(scan: ScanState) {
    this.scan = scan
  }

  // The line's next bytes: reads every window they complete.
  feed(piece: Buffer): void {
    if (piece.length === 0) return
    const maxLine = this.scan.maxLine
    this.checkUtf8(piece, true)
    this.tail = this.tail.length === 0 ? piece : Buffer.concat([this.tail, piece])
    this.total += piece.length
    while (this.total >= (this.k + 1) * maxLine + WINDOW_CONTEXT) this.window()
    // Keep a copy of what the next window needs: the caller may reuse `piece`.
    const keep = Math.max(this.base, this.k * maxLine - WINDOW_CONTEXT)
    this.tail = Buffer.from(this.tail.subarray(keep - this.base))
    this.base = keep
  }

  // The line has ended: reads the windows left.
  finish(): void {
    this.checkUtf8(Buffer.alloc(0), false)
    while (this.k * this.scan.maxLine < this.total) this.window()
  }

  // Feeds the streaming UTF-8 check until the line proves bad.
  private checkUtf8(piece: Buffer, stream: boolean): void {
    if (this.bad) return
    try {
      this.utf8.decode(piece, { stream })
    } catch {
      this.bad = true
    }
  }

  // Reads window k and moves on to the next.
  private window(): void {
    const { maxLine, windowPrefilter, classifier } = this.scan
    const start = Math.max(0, this.k * maxLine - WINDOW_CONTEXT)
    const end = Math.min(this.total, (this.k + 1) * maxLine + WINDOW_CONTEXT)
    const text = this.tail.toString('latin1', start - this.base, end - this.base)
    const from = this.k * maxLine - start
    const to = Math.min(this.total, (this.k + 1) * maxLine) - start
    if (windowPrefilter.test(text)) this.scan.emit(classifier.scan(text, from, to, this.seen), text)
    this.seen.nextWindow()
    this.k += 1
  }
}

// A line past the bound that one block holds whole: its windows, read at once.
const scanWholeLongLine = (scan: ScanState, line: Buffer): void => {
  const long = new LongLine(scan)
  long.feed(line)
  long.finish()
  scan.countLongLine(long)
}

// The line assembly across chunks: the line a chunk left unfinished, held as copies of its bytes
// (the caller may reuse its buffers) until it outgrows the bound, then read in windows.
class OpenLine {
  private carry: Array<Buffer> = []
  private carryLength = 0
  private long: LongLine | null = null
  private readonly scan: ScanState

  constructor(scan: ScanState) {
    this.scan = scan
  }

  // Whether a line is under way: the next chunk's first bytes continue it.
  get isOpen(): boolean {
    return this.long !== null || this.carryLength > 0
  }

  // More bytes of the line (a copy is kept: the caller may reuse its buffer).
  extend(piece: Buffer): void {
    if (this.long !== null) {
      this.long.feed(piece)
      return
    }
    this.carry.push(Buffer.from(piece))
    this.carryLength += piece.length
    if (this.carryLength > this.scan.maxLine) {
      this.long = new LongLine(this.scan)
      for (const b of this.carry) this.long.feed(b)
      this.carry = []
      this.carryLength = 0
    }
  }

  // The line's newline has come: scans it and counts it.
  end(): void {
    if (this.long !== null) {
      this.long.finish()
      this.scan.countLongLine(this.long)
      this.long = null
    } else {
      const line = this.carry.length === 1 ? (this.carry[0] as Buffer) : Buffer.concat(this.carry)
      if (!isUtf8(line)) this.scan.badLines += 1
      this.scan.shortLine(line.toString('latin1'))
      this.carry = []
      this.carryLength = 0
    }
    this.scan.lines += 1
  }
}

// Complete lines: `lines` ends with a newline. Decoded a slice at a time: small strings live
// and die in V8's young generation, where large ones would pile up as external memory.
const scanLines = (scan: ScanState, lines: Buffer): void => {
  let start = 0
  while (start < lines.length) {
    let end = lines.length
    if (start + SCAN_BLOCK_BYTES < lines.length) {
      end = lines.lastIndexOf(NEWLINE, start + SCAN_BLOCK_BYTES) + 1
      if (end <= start) end = lines.indexOf(NEWLINE, start + SCAN_BLOCK_BYTES) + 1
    }
    scanBlock(scan, lines.subarray(start, end))
    start = end
  }
}

// The hot path: one block of complete lines, where only the lines the prefilter hits are
// classified, and a line past the bound is read in windows.
const scanBlock = (scan: ScanState, block: Buffer): void => {
  const { prefilter, maxLine } = scan
  const text = block.toString('latin1')
  if (!isUtf8(block)) scan.badLines += countBadLines(block, maxLine)
  prefilter.lastIndex = 0
  let pos = 0 // start of the current line
  for (let m = prefilter.exec(text); m !== null; m = prefilter.exec(text)) {
    let nl = text.indexOf('\n', pos)
    while (nl < m.index) {
      if (nl - pos > maxLine) scanWholeLongLine(scan, block.subarray(pos, nl))
      scan.lines += 1
      pos = nl + 1
      nl = text.indexOf('\n', pos)
    }
    if (nl - pos > maxLine) scanWholeLongLine(scan, block.subarray(pos, nl))
    else scan.shortLine(text.slice(pos, nl), Math.max(0, m.index - pos - PREFILTER_LOOKBACK))
    scan.lines += 1
    pos = nl + 1
    prefilter.lastIndex = pos
  }
  for (let nl = text.indexOf('\n', pos); nl !== -1; nl = text.indexOf('\n', pos)) {
    if (nl - pos > maxLine) scanWholeLongLine(scan, block.subarray(pos, nl))
    scan.lines += 1
    pos = nl + 1
  }
}

// Lines of a block (ending in a newline) that are not valid UTF-8; long lines are left to
// their own streaming check.
const countBadLines = (block: Buffer, maxLine: number): number => {
  let bad = 0
  let pos = 0
  for (let nl = block.indexOf(NEWLINE, pos); nl !== -1; nl = block.indexOf(NEWLINE, pos)) {
    if (nl - pos <= maxLine && !isUtf8(block.subarray(pos, nl))) bad += 1
    pos = nl + 1
  }
  return bad
}

// A chunk cut anywhere: its head ends the open line, its complete lines are scanned where they
// lie, and its tail opens the next line.
const pushChunk = (scan: ScanState, open: OpenLine, buffer: Buffer): void => {
  scan.bytes += buffer.length
  let start = 0
  if (open.isOpen) {
    const nl = buffer.indexOf(NEWLINE)
    if (nl === -1) {
      open.extend(buffer)
      return
    }
    open.extend(buffer.subarray(0, nl))
    open.end()
    start = nl + 1
  }
  const last = buffer.lastIndexOf(NEWLINE)
  if (last >= start) {
    scanLines(scan, buffer.subarray(start, last + 1))
    start = last + 1
  }
  if (start < buffer.length) open.extend(buffer.subarray(start))
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A scanner that calls `onFinding` for every finding, in input order.
 *
 * @example
 * import { logScanner } from 'otc-errors/logs'
 * import * as assert from 'node:assert'
 * const codes: Array<string> = []
 * const scanner = logScanner((f) => codes.push(`${f.line}:${f.code}`))
 * for (const piece of ['a AS.0001\r\nb {"error_code":', '"1101"}\nc v1.2.300']) scanner.push(new TextEncoder().encode(piece))
 * assert.deepStrictEqual(scanner.end(), { lines: 3, bytes: 45, badLines: 0, longLines: 0 })
 * assert.deepStrictEqual(codes, ['1:AS.0001', '2:1101'])
 *
 * @since 0.1.0
 * @category constructors
 */
export const logScanner = (onFinding: FindingSink, options: ScanOptions = {}): LogScanner => {
  const maxLine = Math.max(WINDOW_CONTEXT * 4, Math.floor(options.maxLineBytes ?? MAX_LINE_BYTES))
  const scan = new ScanState(options.classifier ?? defaultLineClassifier(), maxLine, onFinding)
  const open = new OpenLine(scan)
  return {
    push: (chunk) => pushChunk(scan, open, asBuffer(chunk)),
    end: () => {
      if (open.isOpen) open.end()
      return scan.stats()
    },
  }
}

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * The bytes of a source, decompressed when they start with the gzip magic bytes (`1f 8b`);
 * otherwise the source unchanged. Concatenated gzip members are read in turn. The source may
 * reuse its buffers once the next chunk is requested.
 *
 * @example
 * import { gunzipIfCompressed } from 'otc-errors/logs'
 * import { gzipSync } from 'node:zlib'
 * import * as assert from 'node:assert'
 * async function* source() { yield gzipSync('AS.0001\n') }
 * const text: Array<string> = []
 * for await (const chunk of gunzipIfCompressed(source())) text.push(Buffer.from(chunk).toString())
 * assert.strictEqual(text.join(''), 'AS.0001\n')
 *
 * @since 0.1.0
 * @category combinators
 */
export async function* gunzipIfCompressed(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array, void, undefined> {
  const it = source[Symbol.asyncIterator]()
  let head: Buffer = Buffer.alloc(0)
  let done = false
  while (head.length < 2) {
    const r = await it.next()
    if (r.done === true) {
      done = true
      break
    }
    head = head.length === 0 ? asBuffer(r.value) : Buffer.concat([head, r.value])
  }
  // `copy`: zlib may still hold a chunk when the next is requested, and sources may reuse buffers.
  async function* rest(copy: boolean): AsyncGenerator<Uint8Array, void, undefined> {
    if (head.length > 0) yield copy ? Buffer.from(head) : head
    if (done) return
    for (let r = await it.next(); r.done !== true; r = await it.next()) yield copy ? Buffer.from(r.value) : r.value
  }
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    yield* rest(false)
    return
  }
  const input = Readable.from(rest(true), { objectMode: false })
  const gunzip = createGunzip({ chunkSize: 256 * 1024 })
  input.on('error', (error) => gunzip.destroy(error))
  input.pipe(gunzip)
  try {
    for await (const chunk of gunzip) yield chunk as Buffer
  } finally {
    input.destroy()
  }
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Classifies a stream of bytes (gzip or plain), calling `onFinding` as findings appear; resolves
 * to what was read. Rejects only when the source does (an I/O error, a corrupt gzip stream).
 *
 * @example
 * import { classifyStream } from 'otc-errors/logs'
 * import { gzipSync } from 'node:zlib'
 * import * as assert from 'node:assert'
 * async function* chunks() { yield gzipSync('ok\nstatus=429 APIGW.0308\n') }
 * const lines: Array<number> = []
 * const stats = await classifyStream(chunks(), (f) => lines.push(f.line))
 * assert.deepStrictEqual([lines, stats.lines], [[2], 2])
 * // a file: classifyStream(createReadStream('app.log', { highWaterMark: 4 << 20 }), onFinding)
 *
 * @since 0.1.0
 * @category destructors
 */
export const classifyStream = async (source: AsyncIterable<Uint8Array>, onFinding: FindingSink, options: ScanOptions = {}): Promise<ScanStats> => {
  const scanner = logScanner(onFinding, options)
  for await (const chunk of gunzipIfCompressed(source)) scanner.push(chunk)
  return scanner.end()
}

/**
 * Classifies a whole log held in memory (plain text or bytes; not gzip).
 *
 * @example
 * import { classifyLog } from 'otc-errors/logs'
 * import * as assert from 'node:assert'
 * const { findings, stats } = classifyLog('boot v1.2.300\nHTTP/1.1 404 {"error_code":"FOO.0001"}\n')
 * assert.deepStrictEqual(findings.map((f) => [f.line, f.code, f.status, f.category]), [[2, 'FOO.0001', 404, 'not-found']])
 * assert.strictEqual(stats.lines, 2)
 *
 * @since 0.1.0
 * @category destructors
 */
export const classifyLog = (input: string | Uint8Array, options: ScanOptions = {}): { readonly findings: ReadonlyArray<LineFinding>; readonly stats: ScanStats } => {
  const findings: Array<LineFinding> = []
  const scanner = logScanner((f) => void findings.push(f), options)
  scanner.push(typeof input === 'string' ? Buffer.from(input, 'utf8') : input)
  return { findings, stats: scanner.end() }
}
