/**
 * otc-errors/core: the whole library but the shipped catalogue's data, for browser bundles that
 * keep it small (`decode` in about 25 KB gzipped) and load the catalogue later, or never (see
 * `otc-errors/catalog`). `defaultCatalog()` is empty here until `otc-errors/catalog` is
 * imported; the package root (`otc-errors`) is this plus the catalogue.
 *
 * The public surface, name by name, in the order of the pipeline (see README, "Architecture"):
 * a name that is not listed here is internal. test/surface.test.ts pins the list.
 *
 * @packageDocumentation
 */

// error/: the error values and their vocabulary (status classes, categories, retry strategies), redaction
export { StatusClass, Category, RetryStrategy, categories, retryStrategies, type RetryHint } from './error/vocabulary.js'
export { statusClassOf, statusText } from './error/status.js'
export {
  REDACTED,
  SECRET_HEADERS,
  isSecretName,
  isSecretHeader,
  redactHeaders,
  secretValues,
  redactText,
  redactValue,
  secretSpans,
  overlapsSpan,
  type SecretSpan,
} from './error/redact.js'
export {
  ApiError,
  PayloadError,
  TransportError,
  apiError,
  payloadError,
  transportError,
  fold,
  match,
  draw,
  type ErrorDetail,
  type CatalogView,
  type ApiErrorFields,
  type ApiErrorInit,
  type ErrorHeaders,
  type PayloadErrorFields,
  type PayloadErrorInit,
  type TransportReason,
  type TransportErrorFields,
  type ServiceError,
} from './error/ServiceError.js'

// response/: reading a raw response: headers, body text, JSON/XML/HTML bodies, `curl -i` output
export type { Body, HeaderMap, HeadersInput, RawResponse } from './response/model.js'
export { REQUEST_ID_HEADERS, contentTypeOf, headerValue, normalizeHeaders, requestIdOf } from './response/headers.js'
export { bodyText, type BodyInput } from './response/text.js'
export { decodeXmlEntities, readXml, type XmlSummary } from './response/xml.js'
export { readBody } from './response/body.js'
export { MAX_HTML_BLOCKS, decodeHtmlEntities, htmlTitle, readHtml, type HtmlBlock, type HtmlSummary } from './response/html.js'
export { parseCurl, type CurlResponse } from './response/curl.js'

// shapes/: error body shapes: the code, message and request id of any error body
export type { Extracted } from './shapes/model.js'
export { isJsonObject, own, codeOf, isCodeShaped, readKeys, CODE_KEYS, MESSAGE_KEYS, REQUEST_ID_KEYS, type KeyReading, type JsonObject } from './shapes/keys.js'
export { scanBrokenJson, codeInText } from './shapes/scan.js'
export { SHAPES, type Shape, type Found } from './shapes/table.js'
export { extractError, requestIdInBody } from './shapes/extract.js'
export { GENERIC_PAGE_WORDS, htmlCode, htmlMessage, htmlRequestId } from './shapes/html.js'

// catalog/: the catalogue of published error codes: codecs, lookup, validation, export, docs links
export { HttpStatus, EntrySource, CatalogFileEntry, CatalogSource, CatalogFileHeader, CatalogFile, docsUrlOf, type HttpStatusBrand } from './catalog/codec.js'
export { prefixOf } from './catalog/prefix.js'
export { drawIssue, validateCatalogFile, validateCatalog, strictIssues, type CatalogIssue } from './catalog/validate.js'
export { makeCatalog, defaultCatalog, withCatalog, lookup, drawIssues, type CatalogEntry, type Catalog, type Replacement } from './catalog/catalog.js'
export { toJsonSchema, catalogFileSchema, type JsonSchema } from './catalog/schema.js'
export { EXPORT_COLUMNS, csvCell, exportRow, exportCatalog, type ExportRow, type ExportFormat } from './catalog/export.js'
export { DOCS_BASE_URL, docsAnchor, docsPage, docsUrl } from './catalog/links.js'

// classify/: classification: category and retry hint from the status, the catalogue and the wording
export { STATUS_RULES, ruleForStatus, RETRY_AFTER_STATUSES, type StatusRule } from './classify/status.js'
export { MAX_RETRY_AFTER_MS, parseRetryAfter } from './classify/retryAfter.js'
export { entryFits, retryHintFor, classify, type Documented, type Classification } from './classify/classify.js'
export { adviceFor } from './classify/advice.js'
export { saysAccountState, categorizeWording, type WordingVerdict } from './classify/wording.js'

// decode/: the decoders: a raw response (or a fetch `Response`, an IAM token answer) to `Either<ServiceError, A>`
export { MAX_BODY_BYTES, readResponse, toApiError, payloadRequestId, toPayload, decode, type DecodeOptions, type ReadResponse } from './decode/decode.js'
export { toTransportError, decodeFetch, type FetchInput } from './decode/fetch.js'
export { DateFromISOString, TokenEndpoint, TokenCatalogService, TokenBody, Secret, decodeToken, type IamToken } from './decode/token.js'
export { drawErrors } from './decode/problems.js'
export { explain, type Explanation } from './decode/explain.js'
export { serviceOfUrl } from './decode/endpoint.js'

// logs/: the log classifier (its pure, browser-safe part; the streaming reader is `otc-errors/logs`)
export { ERROR_CODE_KEYS, ERROR_CODE_ELEMENTS, CODE_DIGITS, codeShapeSource, logPatternSource, PREFILTER_SOURCE, PREFILTER_LOOKBACK } from './logs/pattern.js'
export {
  STATUS_PATTERN,
  REQUEST_ID_PATTERN,
  statusInLine,
  requestIdInLine,
  lineClassifier,
  defaultLineClassifier,
  classifyLine,
  type Finding,
  type LineFinding,
  type LogCatalog,
  type LineClassifier,
  type SeenCodes,
} from './logs/line.js'
export { MAX_TALLIED_CODES, findingTally, type SeenAt, type CodeTally, type FindingTally } from './logs/tally.js'
export { BUCKET_WIDTHS, TIMELINE_LIMITS, findingTimeline, timeContext, timestampOf, type FindingTimeline, type TimeContext, type TimelineSeries } from './logs/timeline.js'

// clients/: HTTP clients and SDKs: node:http, undici, axios and the errors the OTC SDKs throw
export { decodeIncomingMessage, decodeUndici, type IncomingMessageLike, type UndiciResponseLike, type StreamInput } from './clients/node.js'
export { fromAxiosError, decodeAxios, type AxiosResponseLike, type AxiosErrorLike, type AxiosInput } from './clients/axios.js'
export { fromSdkError, type SdkErrorOptions } from './clients/sdk.js'

// retry/: acting on errors: retrying with a budget
export { RETRY_BUDGET_CAPACITY, RETRY_COST, TRANSIENT_RETRY_COST, NO_RETRY_INCREMENT, retryBudget, type RetryBudget } from './retry/budget.js'
export { IDEMPOTENT_METHODS, NOT_SENT_CAUSES, isIdempotentCall, isBusyConflict, provesNotProcessed, type CallInfo } from './retry/idempotency.js'
export {
  DEFAULT_RETRY_SETTINGS,
  TRANSIENT_STATUSES,
  backoffPolicy,
  afterPolicy,
  retryCostOf,
  decideRetry,
  type RetrySettings,
  type StopReason,
  type RetryDecision,
  type DecisionContext,
} from './retry/decision.js'
export { abortableSleep, retryExecutor, type Attempt, type RetryEvent, type GiveUpEvent, type RetryOptions, type RetryExecutor } from './retry/executor.js'

// report/: reporting errors: RFC 9457 problem details, OpenTelemetry attributes
export { ProblemDetails, ABOUT_BLANK, REQUEST_ID_URN, PROBLEM_JSON, toProblemDetails, fromProblemDetails, type ProblemOptions, type FromProblemOptions } from './report/problem.js'
export { OTEL_ATTRIBUTES, errorTypeOf, toOtelAttributes, toOtelStatus, type OtelAttributes, type OtelStatus } from './report/otel.js'

// engines/: the catalogue and the log pattern for the engines where logs live (pure text)
export {
  CODE_GROUPS,
  NAME_ONLY_GROUP,
  dialectPattern,
  dialectPrefilter,
  inDialect,
  onlyGroup,
  rewriteGroups,
  wholeMatch,
  withoutGroups,
  type RegexDialect,
} from './engines/dialect.js'
export { LOOKUP_COLUMNS, lookupCsv, lookupRows, type CsvStyle, type LookupRow } from './engines/lookup.js'
export { ENGINES, engineExport, type Engine, type EngineFile } from './engines/recipes.js'
