/**
 * `classify --format html`: one self-contained page (no network; it works from `file://`) with
 * the findings over time per category and per code (drawn by uPlot, inlined), the totals, and
 * the table per code with the first and last line of each, redacted and HTML-escaped.
 *
 * @since 0.1.0
 */
import { escapeHtml } from '../docs/html.js'
import { redactText } from '../error/redact.js'
import { REPORT_DATA_ID, type QuotedLine, type ReportData } from './model.js'

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * How much of a line the report quotes.
 *
 * @example
 * import { QUOTE_CHARS } from './html.js'
 * QUOTE_CHARS // 300
 *
 * @since 0.1.0
 * @category constants
 */
export const QUOTE_CHARS = 300

// Nothing leaves the page: no fetch, no image, no font from elsewhere.
const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 16px; color: #1b1b1b; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 24px 0 8px; }
.totals { color: #444; } .chart { min-height: 280px; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #ddd; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
code { font: 12px/1.35 ui-monospace, monospace; white-space: pre-wrap; word-break: break-all; }
.where { color: #666; font-size: 12px; white-space: nowrap; }
.unknown { color: #a15c00; }
`

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A line as the report quotes it: secrets redacted, at most `QUOTE_CHARS` characters.
 *
 * @example
 * import { quoteLine } from './html.js'
 * quoteLine('Authorization: Bearer abc.def.ghi AS.0001', 3).text.includes('abc.def.ghi') // false
 *
 * @since 0.1.0
 * @category constructors
 */
export const quoteLine = (text: string, line: number, file?: string): QuotedLine => {
  const redacted = redactText(text.replace(/\r$/, ''))
  const short = redacted.length > QUOTE_CHARS ? `${redacted.slice(0, QUOTE_CHARS)}…` : redacted
  return file === undefined ? { line, text: short } : { file, line, text: short }
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

const where = (q: QuotedLine): string => escapeHtml(q.file === undefined ? `line ${q.line}` : `${q.file}:${q.line}`)

/** JSON for inside <script>: `<` escaped, so no `</script>` or `<!--` can end it early. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')

const widthText = (ms: number): string =>
  ms % 86_400_000 === 0 ? `${ms / 86_400_000} d` : ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`

/**
 * The page. `bundle` and `css` are the build's chart script and stylesheet
 * (`src/logreport/page.generated.ts`); every text from the log is redacted before and escaped here.
 *
 * @example
 * import { reportHtml } from './html.js'
 * const html = reportHtml({ title: 'app.log', lines: 1, findings: 0, otherFindings: 0, timeline: { width: 1000, times: [], categories: {}, codes: {}, untimed: 0 }, codes: [] }, '', '')
 * html.startsWith('<!doctype html>') // true
 *
 * @since 0.1.0
 * @category destructors
 */
export const reportHtml = (data: ReportData, bundle: string, css: string): string => {
  const rows = data.codes
    .map(
      (c) =>
        `<tr data-code="${escapeHtml(c.code)}"><td><code${c.known ? '' : ' class="unknown"'}>${escapeHtml(c.code)}</code>${c.known ? '' : ' <span class="unknown">(unknown)</span>'}</td>` +
        `<td class="n" data-count="${c.count}">${c.count.toLocaleString('en-US')}</td><td>${escapeHtml(c.service ?? '-')}</td><td>${escapeHtml(c.categories.join(', '))}</td>` +
        `<td>${c.retryable === 'mixed' ? 'mixed' : c.retryable ? 'yes' : 'no'}</td>` +
        `<td><span class="where">${where(c.first)}</span><br><code>${escapeHtml(c.first.text)}</code></td>` +
        `<td><span class="where">${where(c.last)}</span><br><code>${escapeHtml(c.last.text)}</code></td></tr>`,
    )
    .join('\n')
  const t = data.timeline
  const timed = data.findings - t.untimed - data.otherFindings
  const span =
    t.times.length === 0
      ? 'No finding had a timestamp on its line.'
      : `${new Date(t.times[0] ?? 0).toISOString()} to ${new Date((t.times[t.times.length - 1] ?? 0) + t.width).toISOString()} (UTC), buckets of ${widthText(t.width)}.`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>OTC errors in ${escapeHtml(data.title)}</title>
<style>${css}${STYLE}</style>
</head>
<body>
<h1>OTC errors in ${escapeHtml(data.title)}</h1>
<p class="totals" id="otcTotals" data-lines="${data.lines}" data-findings="${data.findings}" data-codes="${data.codes.length}" data-untimed="${t.untimed}">
${data.findings.toLocaleString('en-US')} findings of ${data.codes.length.toLocaleString('en-US')} codes in ${data.lines.toLocaleString('en-US')} lines; ${timed.toLocaleString('en-US')} with a timestamp. ${escapeHtml(span)}${
    data.otherFindings > 0 ? ` ${data.otherFindings.toLocaleString('en-US')} findings of codes past the table's limit are counted but not listed.` : ''
  }</p>
<h2>Findings per category</h2>
<div id="otcByCategory" class="chart"></div>
<h2>Most frequent codes</h2>
<div id="otcByCode" class="chart"></div>
<h2>Codes</h2>
<table id="otcCodes">
<thead><tr><th>code</th><th>count</th><th>service</th><th>category</th><th>retryable</th><th>first line</th><th>last line</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<script type="application/json" id="${REPORT_DATA_ID}">${scriptJson({ timeline: data.timeline })}</script>
<script>${bundle}</script>
</body>
</html>
`
}
