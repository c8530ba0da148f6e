/**
 * What `classify --format html` puts in its page: the totals, the timeline and the table per
 * code with the first and last line of each (redacted).
 *
 * @since 0.1.0
 */
import type { TimelineSeries } from '../logs/timeline.js'

/**
 * A line quoted in the report: where it is, and its text (secrets redacted, shortened).
 *
 * @example
 * import type { QuotedLine } from './model.js'
 * const q: QuotedLine = { file: 'app.log', line: 12, text: 'status=429 APIGW.0308' }
 *
 * @since 0.1.0
 * @category model
 */
export interface QuotedLine {
  readonly file?: string
  readonly line: number
  readonly text: string
}

/**
 * One row of the report's table.
 *
 * @example
 * import type { ReportCode } from './model.js'
 * const row: ReportCode = { code: 'AS.0001', service: 'AS', count: 2, categories: ['validation'], retryable: false, known: true, first: { line: 3, text: 'AS.0001' }, last: { line: 9, text: 'AS.0001' } }
 *
 * @since 0.1.0
 * @category model
 */
export interface ReportCode {
  readonly code: string
  readonly service: string | null
  readonly count: number
  readonly categories: ReadonlyArray<string>
  readonly retryable: boolean | 'mixed'
  readonly known: boolean
  readonly first: QuotedLine
  readonly last: QuotedLine
}

/**
 * The whole report.
 *
 * @example
 * import type { ReportData } from './model.js'
 * const r: ReportData = { title: 'app.log', lines: 0, findings: 0, otherFindings: 0, timeline: { width: 1000, times: [], categories: {}, codes: {}, untimed: 0 }, codes: [] }
 *
 * @since 0.1.0
 * @category model
 */
export interface ReportData {
  readonly title: string
  readonly lines: number
  readonly findings: number
  readonly otherFindings: number
  readonly timeline: TimelineSeries
  readonly codes: ReadonlyArray<ReportCode>
}

/**
 * The id of the page's `<script type="application/json">` that holds the `ReportData`.
 *
 * @example
 * import { REPORT_DATA_ID } from './model.js'
 * REPORT_DATA_ID // 'otcReportData'
 *
 * @since 0.1.0
 * @category constants
 */
export const REPORT_DATA_ID = 'otcReportData'
