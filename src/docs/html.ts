/**
 * The self-contained `index.html`: a search box with filters (service, category, status) over
 * every code, a table that shows the first matches (the first rows are rendered here, so the
 * page shows them before any script runs; the script renders the rest on demand from the data
 * the page embeds, see `pageData.ts`), and an Explain box where the library itself, bundled for
 * the browser, reads a pasted response. CSS, script and data are inline; the page loads nothing
 * from the network and works from `file://`.
 *
 * The script is the esbuild bundle of `src/docs/browser.ts`, made at build time (see
 * `scripts/bundle-browser.mjs`) and passed in as text, so generating the page needs no bundler.
 *
 * @since 0.1.0
 */
import type { CatalogFile } from '../catalog/codec.js'
import { categories, retryStrategies } from '../error/vocabulary.js'
import { statusText } from '../error/status.js'
import { CATEGORY_MEANINGS, STRATEGY_MEANINGS } from './glossary.js'
import { PAGE_IDS } from './ids.js'
import { countText, FIRST_ROWS, messageText, pageData, pageRows, type TableRow } from './pageData.js'
import type { ServicePage } from './pages.js'

// -------------------------------------------------------------------------------------
// escaping
// -------------------------------------------------------------------------------------

/**
 * Text made safe as HTML element content or a double-quoted attribute value.
 *
 * @example
 * import { escapeHtml } from './html.js'
 * escapeHtml('<a href="x">&</a>') // '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;'
 *
 * @since 0.1.0
 * @category escaping
 */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * JavaScript for the inside of a `<script>` element: `</script` and `<!--` cannot occur in it.
 * Their `<` becomes `\x3C`, which means the same in every place the bundle could hold such text
 * (string, template and regular-expression literals).
 *
 * @example
 * import { scriptCode } from './html.js'
 * scriptCode('"</script>"') // '"\\x3C/script>"'
 *
 * @since 0.1.0
 * @category escaping
 */
export const scriptCode = (code: string): string => code.replace(/<(?=\/script|!--)/gi, '\\x3C')

/**
 * A value as JSON for the inside of a `<script type="application/json">` element: every `<` is
 * written `\u003c`, so no markup can start in it, and `JSON.parse` reads the same value back.
 *
 * @example
 * import { scriptJson } from './html.js'
 * scriptJson(['</script>']) // '["\\u003c/script>"]'
 *
 * @since 0.1.0
 * @category escaping
 */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c')

/** HTML-escaped text in which `code spans` become `<code>`. */
const withCode = (text: string): string => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>')

// -------------------------------------------------------------------------------------
// page
// -------------------------------------------------------------------------------------

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#fff;--panel:#f6f8fa;--line:#d0d7de;--accent:#0b5cad;--mark:#fff3b0;--bad:#a40e26}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9da7b3;--bg:#0d1117;--panel:#161b22;--line:#30363d;--accent:#58a6ff;--mark:#3b3000;--bad:#ff7b72}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main{max-width:1400px;margin:0 auto;padding:0 1rem}
header p{margin:.25rem 0 .5rem}
h1{font-size:1.5rem;margin:1rem 0 .25rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
a{color:var(--accent)}
code,pre,textarea,#${PAGE_IDS.rows} td:first-child{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
.muted{color:var(--muted)}
.hidden-title{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
section.panel{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;margin-top:1.5rem}
section.panel h2{margin-top:.25rem}
label{font-weight:600}
textarea,input,select{width:100%;font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.5rem}
select{padding:.4rem .3rem}
textarea{min-height:9rem;resize:vertical}
.controls{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-top:.5rem}
.controls label{display:block;font-weight:600}
.controls input{width:6rem}
button{font:inherit;padding:.45rem .9rem;border-radius:6px;border:1px solid var(--line);background:var(--bg);color:inherit;cursor:pointer}
button[type=submit]{background:var(--accent);border-color:var(--accent);color:#fff}
#${PAGE_IDS.answer}:empty{display:none}
#${PAGE_IDS.answer}{margin-top:.75rem;border-top:1px solid var(--line);padding-top:.5rem}
#${PAGE_IDS.answer} .headline{font-weight:600;font-size:1.05rem;margin:.25rem 0 .5rem;overflow-wrap:anywhere}
#${PAGE_IDS.answer} .error{color:var(--bad)}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}
dl.fields dt{color:var(--muted)}
dl.fields dd{margin:0;overflow-wrap:anywhere}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.5rem}
.search{position:sticky;top:0;background:var(--bg);padding:.5rem 0;z-index:2;border-bottom:1px solid var(--line)}
.search input{font-size:1rem}
.search form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}
.query{flex:1 1 22rem}
.filters{display:grid;grid-template-columns:repeat(3,minmax(0,11rem));gap:.5rem;flex:0 1 auto}
.filters label{display:block;font-size:.85rem;font-weight:600}
#${PAGE_IDS.count}{margin:.35rem 0 0}
.step{margin:.5rem 0}
.step:has(>[hidden]){display:none}
/* A fixed layout: column widths do not depend on the rows, and no cell can widen the page. */
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
col.code{width:13rem}col.service{width:6.5rem}col.status{width:4.5rem}col.category{width:7.5rem}col.retry{width:5.5rem}col.remedy{width:32%}
th{background:var(--panel);position:sticky;top:var(--search-height,9rem);z-index:1}
td:nth-child(3){text-align:right}
td:nth-child(7){color:var(--muted)}
td:first-child a{text-decoration:none}
tr:target,tr.target{background:var(--mark)}
dl.vocabulary dt{font-weight:600;margin-top:.5rem}
dl.vocabulary dd{margin-left:1rem}
@media (max-width:760px){
  body{font-size:15px}
  header,main{padding:0 .6rem}
  h1{font-size:1.25rem;margin:.6rem 0 .1rem}
  header p{font-size:.9rem}
  .search form{gap:.35rem}
  .filters{grid-template-columns:repeat(3,minmax(0,1fr));gap:.35rem;flex:1 1 100%}
  .filters select{padding:.3rem .2rem;font-size:.9rem}
  .search input{padding:.4rem .5rem}
  thead{display:none}
  .query>label{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
  table,tbody,tr,td{display:block}
  colgroup{display:none}
  tr{display:grid;grid-template-columns:repeat(4,auto) 1fr;gap:.15rem .6rem;padding:.55rem 0;border-bottom:1px solid var(--line)}
  td{border:0;padding:0}
  td:nth-child(3){text-align:left}
  td:nth-child(5)::before{content:"retry: ";color:var(--muted)}
  td:nth-child(6),td:nth-child(7){grid-column:1/-1}
}
`

/**
 * One row of the table, as HTML. The page's script builds the same elements for the rows it
 * renders later (see `src/docs/browser.ts`; the browser test compares the two).
 *
 * @example
 * import { rowHtml } from './html.js'
 * rowHtml({ code: 'AS.0001', service: 'AS', status: 500, message: 'System error.', otherMessages: [], category: 'server', retry: 'backoff', remedy: 'Retry.', docsUrl: null, anchor: 'as-0001' })
 * // '<tr id="as-0001"><td><a href="#as-0001">AS.0001</a></td><td>AS</td><td>500</td><td>server</td><td>backoff</td><td>System error.</td><td>Retry.</td></tr>'
 *
 * @since 0.1.0
 * @category pages
 */
export const rowHtml = (e: TableRow): string =>
  `<tr id="${escapeHtml(e.anchor)}"><td><a href="#${escapeHtml(e.anchor)}">${escapeHtml(e.code)}</a></td><td>${escapeHtml(e.service)}</td><td>${
    e.status ?? '–'
  }</td><td>${e.category}</td><td>${e.retry}</td><td>${escapeHtml(messageText(e))}</td><td>${escapeHtml(e.remedy)}${
    e.docsUrl === null ? '' : ` <a href="${escapeHtml(e.docsUrl)}" rel="noopener">table</a>`
  }</td></tr>`

const option = (value: string, label: string): string => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`

/** The filter controls: every service with codes, every category, the status classes and statuses the codes have. */
const filters = (pages: ReadonlyArray<ServicePage>, rows: ReadonlyArray<TableRow>): ReadonlyArray<string> => {
  const statuses = [...new Set(rows.flatMap((r) => (r.status === null ? [] : [r.status])))].sort((a, b) => a - b)
  const classes = [...new Set(statuses.map((s) => `${Math.floor(s / 100)}xx`))]
  const select = (id: string, name: string, label: string, options: ReadonlyArray<string>) =>
    `<div><label for="${id}">${label}</label><select id="${id}" name="${name}">${options.join('')}</select></div>`
  return [
    '<div class="filters">',
    select(
      PAGE_IDS.filterService,
      'service',
      'Service',
      [option('', 'all services'), ...pages.filter((p) => p.entries.length > 0).map((p) => option(p.service, `${p.service} (${p.entries.length})`))],
    ),
    select(PAGE_IDS.filterCategory, 'category', 'Category', [option('', 'all categories'), ...categories.map((c) => option(c, c))]),
    select(PAGE_IDS.filterStatus, 'status', 'Status', [
      option('', 'all statuses'),
      ...classes.map((c) => option(c, c)),
      ...statuses.map((s) => option(String(s), statusText(s))),
      ...(rows.some((r) => r.status === null) ? [option('none', 'none documented')] : []),
    ]),
    '</div>',
  ]
}

/**
 * Runs the page's script (kept inert above it) once the browser has painted the page: the
 * first rows show before the script is compiled, and the search starts a frame later. A hidden
 * tab paints no frame, so there it runs at once.
 */
const LOADER = `(function(){var s=document.getElementById("${PAGE_IDS.script}");function go(){if(s===null)return;var e=document.createElement("script");e.text=s.text;s=null;document.body.appendChild(e)}if(document.visibilityState==="hidden")setTimeout(go);else requestAnimationFrame(function(){setTimeout(go)})})()`

/**
 * The whole page. `bundle` is the browser script (see `src/docs/browser.ts`); `files` are the
 * catalogue files the pages were made from, embedded as compact JSON (see `pageData`) for the
 * table, the search and the library in the page.
 *
 * @example
 * import { renderHtml } from './html.js'
 * import { servicePages } from './pages.js'
 * renderHtml(servicePages([]), [], '').startsWith('<!doctype html>') // true
 *
 * @since 0.1.0
 * @category pages
 */
export const renderHtml = (
  pages: ReadonlyArray<ServicePage>,
  files: ReadonlyArray<{ readonly name: string; readonly file: CatalogFile }>,
  bundle: string,
): string => {
  const data = pageData(pages, files)
  const rows = pageRows(data)
  const total = rows.length
  const shown = Math.min(total, FIRST_ROWS)
  const vocabulary = [
    '<dl class="vocabulary">',
    ...categories.map((c) => `<dt><code>${c}</code></dt><dd>${withCode(CATEGORY_MEANINGS[c])}</dd>`),
    '</dl>',
    '<dl class="vocabulary">',
    ...retryStrategies.map((s) => `<dt>retry <code>${s}</code></dt><dd>${withCode(STRATEGY_MEANINGS[s])}</dd>`),
    '</dl>',
  ]
  return [
    '<!doctype html>',
    '<!-- Generated by `otc-errors docs` from catalog/*.json (npm run docs). Do not edit by hand. -->',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<title>Open Telekom Cloud error codes</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    '<h1>Open Telekom Cloud error codes</h1>',
    `<p class="muted">${total} codes from ${pages.length} services, each with its documented HTTP status, message, category, retry strategy and remedy. <a href="#${PAGE_IDS.explainSection}">Explain a response</a> you got. Made by <code>otc-errors docs</code>; needs no network.</p>`,
    '</header>',
    '<main>',
    `<section id="${PAGE_IDS.codesSection}" aria-labelledby="${PAGE_IDS.codesSection}Title">`,
    `<h2 id="${PAGE_IDS.codesSection}Title" class="hidden-title">Codes</h2>`,
    `<div class="search" id="${PAGE_IDS.searchBar}">`,
    `<form role="search" id="${PAGE_IDS.searchForm}"><div class="query"><label for="${PAGE_IDS.search}">Search by code (as a response spells it), message, category or status</label>`,
    `<input type="search" id="${PAGE_IDS.search}" name="q" autocomplete="off" spellcheck="false" placeholder="APIGW.0308, quota, status:429, category:throttled, -retry:never"></div>`,
    ...filters(pages, rows),
    '</form>',
    `<p id="${PAGE_IDS.count}" class="muted" aria-live="polite">${countText(total, total, 0, shown)}</p>`,
    '</div>',
    `<p class="step"><button type="button" id="${PAGE_IDS.earlier}" hidden>Show earlier codes</button></p>`,
    `<table id="${PAGE_IDS.table}">`,
    '<colgroup><col class="code"><col class="service"><col class="status"><col class="category"><col class="retry"><col class="message"><col class="remedy"></colgroup>',
    '<thead><tr><th scope="col">Code</th><th scope="col">Service</th><th scope="col">Status</th><th scope="col">Category</th><th scope="col">Retry</th><th scope="col">Message</th><th scope="col">Remedy</th></tr></thead>',
    `<tbody id="${PAGE_IDS.rows}">`,
    ...rows.slice(0, shown).map(rowHtml),
    '</tbody>',
    '</table>',
    `<p id="${PAGE_IDS.none}" hidden>No code matches. Terms must all match, and so must the filters; try fewer words, or <code>field:value</code> with a field of code, service, status, category, retry, message.</p>`,
    `<p class="step"><button type="button" id="${PAGE_IDS.more}" hidden>Show more codes</button></p>`,
    `<noscript><p>The search, the filters, the codes after the first ${shown} and the Explain box need JavaScript; the Markdown pages made with this one list every code.</p></noscript>`,
    '</section>',
    `<section class="panel" id="${PAGE_IDS.explainSection}" aria-labelledby="${PAGE_IDS.explainSection}Title">`,
    `<h2 id="${PAGE_IDS.explainSection}Title">Explain a response</h2>`,
    '<p class="muted">Paste what <code>curl -si</code> printed (status line, headers, blank line, body), or only the body and type its status. The otc-errors library reads it right here, in the page: nothing is sent anywhere.</p>',
    `<form id="${PAGE_IDS.explainForm}">`,
    `<label for="${PAGE_IDS.paste}">Response</label>`,
    `<textarea id="${PAGE_IDS.paste}" spellcheck="false" autocomplete="off" placeholder="HTTP/1.1 400 Bad Request&#10;Content-Type: application/json&#10;&#10;{&quot;error_code&quot;: &quot;AS.0001&quot;, &quot;error_msg&quot;: &quot;…&quot;}"></textarea>`,
    '<div class="controls">',
    `<div><label for="${PAGE_IDS.status}">Status</label><input id="${PAGE_IDS.status}" inputmode="numeric" maxlength="3" placeholder="for a body" autocomplete="off"></div>`,
    '<button type="submit">Explain</button>',
    `<button type="button" id="${PAGE_IDS.example}">Try an example</button>`,
    '</div>',
    '</form>',
    `<div id="${PAGE_IDS.answer}" aria-live="polite"></div>`,
    '</section>',
    `<section id="${PAGE_IDS.vocabularySection}">`,
    '<h2>Categories and retry strategies</h2>',
    ...vocabulary,
    '<p class="muted">A code keeps its documented status in the table; when a response shows it with another status class, the observed status decides category and retry.</p>',
    '</section>',
    '</main>',
    `<script type="application/json" id="${PAGE_IDS.catalog}">${scriptJson(data)}</script>`,
    `<script type="text/plain" id="${PAGE_IDS.script}">${scriptCode(bundle)}</script>`,
    `<script>${LOADER}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
