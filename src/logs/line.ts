/**
 * One log line in, its error codes out: each code classified by the catalogue and the HTTP
 * status the line carries, with the request id when the line has one.
 *
 * @since 0.1.0
 */
import * as O from '../fp/option.js'
import { defaultCatalog, prefixOf, type CatalogEntry } from '../catalog/index.js'
import { classify } from '../classify/classify.js'
import { overlapsSpan, redactText, secretSpans, type SecretSpan } from '../error/redact.js'
import type { Category, RetryStrategy } from '../error/vocabulary.js'
import { PREFILTER_SOURCE, logPatternSource } from './pattern.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One error code found in a log line. `code` is spelled as the log printed it; `service` is
 * the code's prefix as the catalogue spells it (its own prefix when unknown, `null` for an
 * unknown prefix-less code); `status` is the HTTP status the line carries, when it carries one.
 * Category and retry come from the catalogue entry when it fits the status, else from the
 * status; an unknown code without a status is `unknown` and not retryable.
 *
 * @example
 * import type { Finding } from 'otc-errors'
 * const f: Finding = { code: 'APIGW.0308', service: 'APIG', status: 429, category: 'throttled', retryable: true, strategy: 'backoff', known: true }
 *
 * @since 0.1.0
 * @category model
 */
export interface Finding {
  readonly code: string
  readonly service: string | null
  readonly status?: number
  readonly category: Category
  readonly retryable: boolean
  readonly strategy: RetryStrategy
  readonly known: boolean
  readonly requestId?: string
}

/**
 * A finding with the 1-based number of the line it was found on.
 *
 * @example
 * import type { LineFinding } from 'otc-errors'
 * const f: LineFinding = { line: 12, code: 'AS.0001', service: 'AS', status: 400, category: 'validation', retryable: false, strategy: 'never', known: true }
 *
 * @since 0.1.0
 * @category model
 */
export interface LineFinding extends Finding {
  readonly line: number
}

/**
 * What the log classifier needs of a catalogue (the shipped one by default).
 *
 * @example
 * import { defaultCatalog, type LogCatalog } from 'otc-errors'
 * const catalog: LogCatalog = defaultCatalog()
 *
 * @since 0.1.0
 * @category model
 */
export interface LogCatalog {
  /** The entry of a code, the variant for the status when one is given (see `Catalog.lookup`). */
  readonly lookup: (code: string, status?: number) => O.Option<CatalogEntry>
  /** Every prefix the catalogue knows, alias spellings included. */
  readonly prefixes: () => ReadonlyArray<string>
  /** The catalogue's spelling of a code. */
  readonly canonicalCode: (code: string) => string
}

/**
 * A compiled classifier for one catalogue. `prefilter` is a global regex that every line with a
 * finding matches (use it to skip lines cheaply); `classify` does the work.
 *
 * @example
 * import { lineClassifier, defaultCatalog } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const c = lineClassifier(defaultCatalog())
 * assert.strictEqual(c.classify('HTTP/1.1 429 {"error_code":"APIGW.0308"}')[0]?.category, 'throttled')
 *
 * @since 0.1.0
 * @category model
 */
export interface LineClassifier {
  /** The findings of one line. */
  readonly classify: (line: string) => ReadonlyArray<Finding>
  readonly prefilter: RegExp
  /**
   * Findings of `text` whose match starts in `[from, to)`, skipping codes in `seen` (and adding
   * to it). The search starts at `start` (default 0), which must not lie after the start of any
   * match that counts; see `PREFILTER_LOOKBACK`.
   */
  readonly scan: (text: string, from: number, to: number, seen: SeenCodes, start?: number) => ReadonlyArray<Finding>
}

/**
 * The codes a scan has already reported, so that a code printed twice counts once: a `Set`
 * will do, or anything with its `has` and `add` (a bounded memory for very long lines).
 *
 * @example
 * import type { SeenCodes } from 'otc-errors'
 * const seen: SeenCodes = new Set<string>()
 *
 * @since 0.1.0
 * @category model
 */
export interface SeenCodes {
  /** Whether `code` was reported already. */
  readonly has: (code: string) => boolean
  /** Remembers that `code` was reported. */
  readonly add: (code: string) => unknown
}

// -------------------------------------------------------------------------------------
// status and request id
// -------------------------------------------------------------------------------------

const REASONS = [
  'Bad Request',
  'Unauthorized',
  'Forbidden',
  'Not Found',
  'Method Not Allowed',
  'Not Acceptable',
  'Request Timeout',
  'Conflict',
  'Precondition Failed',
  'Payload Too Large',
  'Request Entity Too Large',
  'Unsupported Media Type',
  'Unprocessable Entity',
  'Too Many Requests',
  'Internal Server Error',
  'Not Implemented',
  'Bad Gateway',
  'Service Unavailable',
  'Gateway Timeout',
  'Client Error',
  'Server Error',
]

/**
 * Where a log line states an HTTP status: `HTTP/1.1 429`, `HTTP 429`, `status=429`, `"status": 429`,
 * `statusCode: 429`, `status_code=429`, `"httpStatusCode":429`, `Status Code: 429`,
 * `http_code: 429`, and a status before its reason phrase (`400 Bad Request`, `429: Client Error`).
 * The status is the first or the second capture group.
 *
 * @example
 * import { STATUS_PATTERN } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(STATUS_PATTERN.exec('HTTP/1.1 429 Too Many Requests')?.[1], '429')
 *
 * @since 0.1.0
 * @category constants
 */
export const STATUS_PATTERN = new RegExp(
  '(?:\\bHTTP(?:/[0-9](?:\\.[0-9])?)?[ \\t]+' +
    '|\\b(?:[Hh]ttp_?)?[Ss]tatus(?:_?[Cc]ode)?\\\\{0,8}["\']?[ \\t]{0,4}[:=][ \\t]{0,4}\\\\{0,8}["\']?' +
    '|\\b[Hh]ttp_?[Cc]ode\\\\{0,8}["\']?[ \\t]{0,4}[:=][ \\t]{0,4}\\\\{0,8}["\']?' +
    '|\\b[Ss]tatus [Cc]ode:?[ \\t]{0,4})([1-5][0-9]{2})(?![0-9])' +
    `|\\b([1-5][0-9]{2}):?[ \\t]{1,4}(?:${REASONS.join('|')})\\b`,
)

/**
 * Where a log line states a request id: `X-Request-Id: …`, `x-openstack-request-id: …`,
 * `"request_id": "…"`, `requestId=…`, `Request ID: …`, `<RequestId>…</RequestId>`.
 *
 * @example
 * import { REQUEST_ID_PATTERN } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(REQUEST_ID_PATTERN.exec('X-Request-Id: 5a3f1f0c')?.[1], '5a3f1f0c')
 *
 * @since 0.1.0
 * @category constants
 */
export const REQUEST_ID_PATTERN = /(?:[Rr]equest[ _-]?[Ii][Dd]|\breq_id)\\{0,8}["']?[ \t]{0,4}[:=>][ \t]{0,4}\\{0,8}["']?([A-Za-z0-9][A-Za-z0-9._-]{3,127})/

/**
 * The HTTP status a line states, if any (the first one).
 *
 * @example
 * import { statusInLine } from 'otc-errors'
 * import * as O from 'fp-ts/lib/Option.js'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(statusInLine('Status Code: 429, Request ID: abc'), O.some(429))
 * assert.deepStrictEqual(statusInLine('Bad request with: [POST https://vpc…], error message: {…}'), O.some(400))
 * assert.deepStrictEqual(statusInLine('took 12:30:05.123'), O.none)
 *
 * @since 0.1.0
 * @category parsing
 */
export const statusInLine = (line: string): O.Option<number> => {
  const m = STATUS_PATTERN.exec(line)
  const digits = m === null ? undefined : (m[1] ?? m[2])
  if (digits !== undefined) return O.some(Number(digits))
  const phrase = SDK_STATUS_PATTERN.exec(line)?.[1]
  const status = phrase === undefined ? undefined : SDK_STATUS_PHRASES.get(phrase.toLowerCase())
  return status === undefined ? O.none : O.some(status)
}

// gophercloud / gophertelekomcloud name the status in words: `Bad request with: [POST …], error
// message: {…}`, `Resource not found: [GET …]`, `Action forbidden: [...]`.
const SDK_STATUS_PHRASES: ReadonlyMap<string, number> = new Map([
  ['bad request with', 400],
  ['authentication failed', 401],
  ['action forbidden', 403],
  ['resource not found', 404],
  ['method not allowed', 405],
])
const SDK_STATUS_PATTERN = /\b(Bad request with|Authentication failed|Action forbidden|Resource not found|Method not allowed)(?=: \[|\b)/i

/**
 * The request id a line states, if any, with secrets redacted.
 *
 * @example
 * import { requestIdInLine } from 'otc-errors'
 * import * as O from 'fp-ts/lib/Option.js'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(requestIdInLine('status=404 request_id=5a3f1f0c'), O.some('5a3f1f0c'))
 *
 * @since 0.1.0
 * @category parsing
 */
export const requestIdInLine = (line: string): O.Option<string> => {
  const m = REQUEST_ID_PATTERN.exec(line)
  return m === null || m[1] === undefined ? O.none : O.some(redactText(m[1]))
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

type Verdict = Pick<Finding, 'service' | 'category' | 'retryable' | 'strategy' | 'known'>

// gRPC status names, which `rpc error: code = NotFound desc = …` prints where a code key stands.
const GRPC_CODES: ReadonlySet<string> = new Set([
  'Canceled',
  'Unknown',
  'InvalidArgument',
  'DeadlineExceeded',
  'NotFound',
  'AlreadyExists',
  'PermissionDenied',
  'ResourceExhausted',
  'FailedPrecondition',
  'Aborted',
  'OutOfRange',
  'Unimplemented',
  'Internal',
  'Unavailable',
  'DataLoss',
  'Unauthenticated',
])
const GRPC_LINE = /\brpc error\b|\bgrpc\b/i

// Upper-case words a code key holds that say how a call went, not which error it was, and the
// HTTP client's own codes (undici's `UND_ERR_CONNECT_TIMEOUT`).
const NOT_CODES: ReadonlySet<string> = new Set([
  'SUCCESS',
  'SUCCEEDED',
  'SUCCESSFUL',
  'NONE',
  'NULL',
  'TRUE',
  'FALSE',
  'FAIL',
  'FAILED',
  'FAILURE',
  'UNKNOWN',
  'UNDEFINED',
  'NIL',
  'DONE',
  'PENDING',
  'RUNNING',
  'COMPLETED',
  'CANCELLED',
  'CANCELED',
])
const isNotCode = (code: string): boolean => NOT_CODES.has(code) || code.startsWith('UND_ERR_')

// Distinct (code, status) pairs remembered; an adversarial log with millions of distinct codes
// only costs the lookups again, not memory.
const MAX_CACHED = 50_000

/**
 * A classifier compiled for a catalogue: its known prefixes make the pattern (so `ces.0014` and
 * `apigw.0308` count whatever their case), its entries classify the codes.
 *
 * @example
 * import { lineClassifier, defaultCatalog } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const { classify } = lineClassifier(defaultCatalog())
 * assert.deepStrictEqual(classify('GET app.js.map v1.2.300 from 10.0.0.1 at 12:30:05.123'), [])
 *
 * @since 0.1.0
 * @category constructors
 */
export const lineClassifier = (catalog: LogCatalog): LineClassifier => {
  const prefixes = catalog.prefixes()
  const spelling = new Map<string, string>()
  for (const p of prefixes) if (!spelling.has(p.toLowerCase())) spelling.set(p.toLowerCase(), p)
  const pattern = new RegExp(logPatternSource(prefixes), 'g')
  const cache = new Map<string, Verdict>()
  // Codes are printed: pass them through the redaction every printed log fragment gets.
  const printed = new Map<string, string>()
  const printable = (code: string): string => {
    let text = printed.get(code)
    if (text === undefined) {
      text = redactText(code)
      if (printed.size >= MAX_CACHED) printed.clear()
      printed.set(code, text)
    }
    return text
  }

  const serviceOf = (code: string, entry: O.Option<CatalogEntry>): string | null => {
    if (O.isSome(entry)) return entry.value.service
    const own = prefixOf(code)
    if (own === null) return null
    const canonical = prefixOf(catalog.canonicalCode(code)) ?? own
    return spelling.get(canonical.toLowerCase()) ?? spelling.get(own.toLowerCase()) ?? own
  }

  const verdict = (code: string, status: O.Option<number>): Verdict => {
    const key = O.isSome(status) ? `${code} ${status.value}` : code
    const cached = cache.get(key)
    if (cached !== undefined) return cached
    const entry = O.isSome(status) ? catalog.lookup(code, status.value) : catalog.lookup(code)
    let result: Verdict
    if (O.isSome(status)) {
      const c = classify(status.value, entry, O.none)
      result = { service: serviceOf(code, entry), category: c.category, retryable: c.retry.retryable, strategy: c.retry.strategy, known: O.isSome(entry) }
    } else if (O.isSome(entry)) {
      const e = entry.value
      result = { service: serviceOf(code, entry), category: e.category, retryable: e.retry !== 'never', strategy: e.retry, known: true }
    } else {
      result = { service: serviceOf(code, entry), category: 'unknown', retryable: false, strategy: 'never', known: false }
    }
    if (cache.size >= MAX_CACHED) cache.clear()
    cache.set(key, result)
    return result
  }

  const scan = (text: string, from: number, to: number, seen: SeenCodes, start = 0): ReadonlyArray<Finding> => {
    let codes: Array<string> | undefined
    // The text's secrets, found once (when first needed): each code's check is then a binary
    // search, so a text with many codes costs time linear in its length.
    let hidden: ReadonlyArray<SecretSpan> | undefined
    // Iterate from before `from` so that a match straddling `from` is consumed, not split; one
    // character earlier still, since a code's match includes the character before it.
    pattern.lastIndex = Math.max(0, start - 1)
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const code = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? m[7]
      if (code === undefined) continue
      // Where the code itself starts (group 1 includes the character before it).
      const at = m[1] === undefined ? m.index : m.index + m[0].length - code.length
      if (at >= to) break
      if (at < from || seen.has(code)) continue
      // `api error X:` names a code only when the catalogue knows X; gRPC's `code = NotFound` is no service code.
      if (m[7] !== undefined && O.isNone(catalog.lookup(code))) continue
      if (m[4] !== undefined && GRPC_CODES.has(code) && GRPC_LINE.test(text)) continue
      if (m[3] !== undefined && isNotCode(code)) continue
      // A "code" inside a secret's value (`Authorization: Bearer AB.1234…`) is part of the
      // secret: only codes that redaction leaves visible count (the same code printed outside
      // the secret, later in the line, still does).
      const codeAt = m[1] === undefined ? text.lastIndexOf(code, m.index + m[0].length - code.length) : at
      if (overlapsSpan((hidden ??= secretSpans(text)), codeAt, codeAt + code.length)) continue
      seen.add(code)
      ;(codes ??= []).push(code)
    }
    pattern.lastIndex = 0
    if (codes === undefined) return []
    const status = statusInLine(text)
    const requestId = requestIdInLine(text)
    return codes.map((code): Finding => {
      const v = verdict(code, status)
      return {
        code: printable(code),
        service: v.service,
        ...(O.isSome(status) ? { status: status.value } : {}),
        category: v.category,
        retryable: v.retryable,
        strategy: v.strategy,
        known: v.known,
        ...(O.isSome(requestId) ? { requestId: requestId.value } : {}),
      }
    })
  }

  return {
    classify: (line) => (typeof line === 'string' ? scan(line, 0, line.length, new Set()) : []),
    prefilter: new RegExp(PREFILTER_SOURCE, 'g'),
    scan,
  }
}

let shared: LineClassifier | undefined

/**
 * The classifier for the shipped catalogue, compiled once.
 *
 * @example
 * import { defaultLineClassifier } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(defaultLineClassifier(), defaultLineClassifier())
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultLineClassifier = (): LineClassifier => (shared ??= lineClassifier(defaultCatalog()))

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The error codes in one log line, each classified, in the order they appear; a code printed
 * twice in the line counts once. Finds dotted codes anywhere (`AS.0001`, `SFS.TURBO.0001`,
 * `ces.0014`, unknown `FOO.0001`), in JSON bodies escaped or not, and prefix-less codes when
 * they are the value of an error-code key (`"error_code":"1101"`, `<Code>NoSuchBucket</Code>`).
 * Never throws.
 *
 * @example
 * import { classifyLine } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const [f] = classifyLine('time=12:30:05.123 status=429 msg="{\\"error_code\\":\\"APIGW.0308\\"}" request_id=77aa0f3c')
 * assert.deepStrictEqual(f, { code: 'APIGW.0308', service: 'APIG', status: 429, category: 'throttled', retryable: true, strategy: 'backoff', known: true, requestId: '77aa0f3c' })
 * assert.deepStrictEqual(classifyLine('GET /app.js.map 200 v1.2.300 10.0.0.1 as.eu-de.otc.t-systems.com'), [])
 *
 * @since 0.1.0
 * @category destructors
 */
export const classifyLine = (line: string): ReadonlyArray<Finding> => {
  // Whatever a caller passes (null, a number, a String object whose toString throws): no line, no finding.
  if (typeof line !== 'string') return NO_FINDINGS
  try {
    return defaultLineClassifier().classify(line)
  } catch {
    return NO_FINDINGS
  }
}

const NO_FINDINGS: ReadonlyArray<Finding> = []
