/**
 * The self-contained `index.html`: every code in one table (rendered here, once, so the page and
 * its anchors work before any script runs), a search box, and an Explain box where the library
 * itself, bundled for the browser, reads a pasted response. CSS, script and data are inline; the
 * page loads nothing from the network and works from `file://`.
 *
 * The script is the esbuild bundle of `src/docs/browser.ts`, made at build time (see
 * `scripts/bundle-browser.mjs`) and passed in as text, so generating the page needs no bundler.
 *
 * @since 0.1.0
 */
import { docsUrlOf, type CatalogFile } from '../catalog/codec.js'
import { categories, retryStrategies } from '../error/vocabulary.js'
import { CATEGORY_MEANINGS, STRATEGY_MEANINGS } from './glossary.js'
import { PAGE_IDS } from './ids.js'
import type { DocEntry, ServicePage } from './pages.js'

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
// data
// -------------------------------------------------------------------------------------

/**
 * The catalogue as the page embeds it: the files the library reads in the browser (its
 * `defaultCatalog()` there), without what only the build needs (the rule and source line of
 * each entry, the `$schema` pointer).
 *
 * @example
 * import { pageCatalogData } from './html.js'
 * pageCatalogData([{ name: 'as.json', file: { service: 'AS', title: 'Auto Scaling', prefixes: ['AS'], sources: [], entries: [] } }])
 * // [{ name: 'as.json', content: { service: 'AS', title: 'Auto Scaling', prefixes: ['AS'], sources: [], entries: [] } }]
 *
 * @since 0.1.0
 * @category data
 */
export const pageCatalogData = (
  files: ReadonlyArray<{ readonly name: string; readonly file: CatalogFile }>,
): ReadonlyArray<{ readonly name: string; readonly content: CatalogFile }> =>
  files.map(({ name, file }) => {
    const { $schema: _schema, entries, ...header } = file
    return {
      name,
      content: {
        ...header,
        // The source line only serves the docs link: the page keeps the link itself.
        entries: entries.map((e) => {
          const { rule: _rule, source: _source, ...entry } = e
          const docsUrl = docsUrlOf(file, e)
          return docsUrl === null ? entry : { ...entry, docsUrl }
        }),
      },
    }
  })

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
h1{font-size:1.5rem;margin:1rem 0 .25rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
a{color:var(--accent)}
code,pre,textarea,#${PAGE_IDS.rows} td:first-child{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
.muted{color:var(--muted)}
section.panel{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem}
section.panel h2{margin-top:.25rem}
label{font-weight:600}
textarea,input{width:100%;font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.5rem}
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
#${PAGE_IDS.count}{margin:.35rem 0 0}
/* A fixed layout: column widths do not depend on 3 000 rows (fast), and no cell can widen the page. */
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
col.code{width:13rem}col.service{width:6.5rem}col.status{width:4.5rem}col.category{width:7.5rem}col.retry{width:5.5rem}col.remedy{width:32%}
th{background:var(--panel);position:sticky;top:var(--search-height,6.5rem);z-index:1}
td:nth-child(3){text-align:right}
td:nth-child(7){color:var(--muted)}
td:first-child a{text-decoration:none}
tr:target{background:var(--mark)}
tr[hidden]{display:none!important}
dl.vocabulary dt{font-weight:600;margin-top:.5rem}
dl.vocabulary dd{margin-left:1rem}
@media (max-width:760px){
  body{font-size:15px}
  th{display:none}
  table,tbody,tr,td{display:block}
  colgroup{display:none}
  tr{display:grid;grid-template-columns:repeat(4,auto) 1fr;gap:.15rem .6rem;padding:.55rem 0;border-bottom:1px solid var(--line)}
  td{border:0;padding:0}
  td:nth-child(3){text-align:left}
  td:nth-child(5)::before{content:"retry: ";color:var(--muted)}
  td:nth-child(6),td:nth-child(7){grid-column:1/-1}
}
`

const row = (e: DocEntry): string =>
  `<tr id="${escapeHtml(e.anchor)}"><td><a href="#${escapeHtml(e.anchor)}">${escapeHtml(e.code)}</a></td><td>${escapeHtml(e.service)}</td><td>${
    e.status ?? '–'
  }</td><td>${e.category}</td><td>${e.retry}</td><td>${escapeHtml(
    e.otherMessages.length === 0 ? e.message : `${e.message} (also: ${e.otherMessages.join('; ')})`,
  )}</td><td>${escapeHtml(e.remedy)}${e.docsUrl === null ? '' : ` <a href="${escapeHtml(e.docsUrl)}" rel="noopener">table</a>`}</td></tr>`

/**
 * The whole page. `bundle` is the browser script (see `src/docs/browser.ts`); `files` are the
 * catalogue files the pages were made from, embedded as JSON for the library in the page.
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
  const entries = pages.flatMap((p) => p.entries)
  const total = entries.length
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
    `<p class="muted">${total} codes from ${pages.length} services: the HTTP status each table documents, the API's own message, a category, a retry strategy and a remedy. Made by <code>otc-errors docs</code>; this page needs no network.</p>`,
    '</header>',
    '<main>',
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
    '<noscript><p>The Explain box and the search need JavaScript; the table below works without it.</p></noscript>',
    '</section>',
    `<section id="${PAGE_IDS.codesSection}" aria-labelledby="${PAGE_IDS.codesSection}Title">`,
    `<h2 id="${PAGE_IDS.codesSection}Title">Codes</h2>`,
    `<div class="search" id="${PAGE_IDS.searchBar}">`,
    `<form role="search" id="${PAGE_IDS.searchForm}"><label for="${PAGE_IDS.search}">Search by code, message, category or status</label>`,
    `<input type="search" id="${PAGE_IDS.search}" name="q" autocomplete="off" spellcheck="false" placeholder="AS.0001, quota, status:429, category:throttled, -retry:never"></form>`,
    `<p id="${PAGE_IDS.count}" class="muted" aria-live="polite">Showing ${total} of ${total} codes</p>`,
    '</div>',
    `<table id="${PAGE_IDS.table}">`,
    '<colgroup><col class="code"><col class="service"><col class="status"><col class="category"><col class="retry"><col class="message"><col class="remedy"></colgroup>',
    '<thead><tr><th scope="col">Code</th><th scope="col">Service</th><th scope="col">Status</th><th scope="col">Category</th><th scope="col">Retry</th><th scope="col">Message</th><th scope="col">Remedy</th></tr></thead>',
    `<tbody id="${PAGE_IDS.rows}">`,
    ...entries.map(row),
    '</tbody>',
    '</table>',
    `<p id="${PAGE_IDS.none}" hidden>No code matches. Terms must all match; try fewer words, or <code>field:value</code> with a field of code, service, status, category, retry, message.</p>`,
    '</section>',
    `<section id="${PAGE_IDS.vocabularySection}">`,
    '<h2>Categories and retry strategies</h2>',
    ...vocabulary,
    '<p class="muted">A code keeps its documented status in the table; when a response shows it with another status class, the observed status decides category and retry.</p>',
    '</section>',
    '</main>',
    `<script type="application/json" id="${PAGE_IDS.catalog}">${scriptJson(pageCatalogData(files))}</script>`,
    `<script>${scriptCode(bundle)}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
