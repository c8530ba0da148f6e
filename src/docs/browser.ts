/**
 * The script of the generated HTML page, bundled with the library by esbuild
 * (`scripts/bundle-browser.mjs`). It searches the catalogue the page embeds (see `pageData.ts`)
 * as the person types, with the page's filters, and renders only the first matching rows (more
 * on request), so a keystroke costs the same whatever the catalogue's size; it keeps the query
 * and filters in the address (`?q=`, `&service=`, `&category=`, `&status=`), reveals the row a
 * fragment names (`#as-0001`), and explains pasted responses with the library's own `explain`.
 * Everything it shows is set as text, never as HTML.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Explanation } from '../decode/explain.js'
import { statusText } from '../error/status.js'
import { CATEGORY_MEANINGS, STRATEGY_MEANINGS } from './glossary.js'
import { PAGE_IDS } from './ids.js'
import { embeddedPageData } from './pageCatalog.js'
import { countText, FIRST_ROWS, messageText, MORE_ROWS, pageHeaders, pageTable, type TableRow } from './pageData.js'
import { explainPasted } from './paste.js'
import { compileQuery, NO_FILTERS, prefixMapOf, type SearchFilters } from './search.js'
import { searchIndexBuilder, searchWith, type SearchIndex } from './searchIndex.js'

/**
 * What the "Try an example" button pastes: the Auto Scaling reference's own example, with its
 * broken JSON.
 *
 * @example
 * import { EXAMPLE_RESPONSE } from './browser.js'
 * EXAMPLE_RESPONSE.startsWith('HTTP/1.1 400') // true
 *
 * @since 0.1.0
 * @category constants
 */
export const EXAMPLE_RESPONSE =
  'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nX-Request-Id: 5a3f1f0c9e2b4d7a8c6e0b1d2f3a4b5c\r\n\r\n{\n    "error_msg": The request message format is invalid.",\n    "error_code": "AS.0001"\n}\n'

const element = <T extends HTMLElement>(id: string, type: { new (): T }): T | null => {
  const found = document.getElementById(id)
  return found instanceof type ? found : null
}

const make = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text
  if (className !== undefined) node.className = className
  return node
}

const link = (href: string, text: string): HTMLAnchorElement => {
  const a = make('a', text)
  a.href = href
  return a
}

/** The elements of a row, the same as `rowHtml` in `html.ts` writes. */
const rowNode = (row: TableRow): HTMLTableRowElement => {
  const tr = make('tr')
  tr.id = row.anchor
  const code = make('td')
  code.append(link(`#${row.anchor}`, row.code))
  const remedy = make('td', row.remedy)
  if (row.docsUrl !== null) {
    const official = link(row.docsUrl, 'table')
    official.rel = 'noopener'
    remedy.append(' ', official)
  }
  tr.append(
    code,
    make('td', row.service),
    make('td', row.status === null ? '–' : String(row.status)),
    make('td', row.category),
    make('td', row.retry),
    make('td', messageText(row)),
    remedy,
  )
  return tr
}

// -------------------------------------------------------------------------------------
// search
// -------------------------------------------------------------------------------------

interface Search {
  readonly reveal: (id: string) => void
  readonly anchorOfCode: (code: string) => string | undefined
}

const FILTER_PARAMS = ['service', 'category', 'status'] as const satisfies ReadonlyArray<keyof SearchFilters>

/** Rows added to the index per slice of idle time (a few milliseconds each). */
const INDEX_SLICE = 500

/** The select's option whose value is `wanted` without case ('' when none is). */
const choose = (select: HTMLSelectElement, wanted: string): string => {
  const option = Array.from(select.options).find((o) => o.value.toLowerCase() === wanted.trim().toLowerCase())
  select.value = option?.value ?? ''
  return select.value
}

const startSearch = (): Search | undefined => {
  const data = embeddedPageData()
  const input = element(PAGE_IDS.search, HTMLInputElement)
  const body = element(PAGE_IDS.rows, HTMLTableSectionElement)
  const count = element(PAGE_IDS.count, HTMLElement)
  const none = element(PAGE_IDS.none, HTMLElement)
  const earlier = element(PAGE_IDS.earlier, HTMLButtonElement)
  const more = element(PAGE_IDS.more, HTMLButtonElement)
  const selects: Record<(typeof FILTER_PARAMS)[number], HTMLSelectElement | null> = {
    service: element(PAGE_IDS.filterService, HTMLSelectElement),
    category: element(PAGE_IDS.filterCategory, HTMLSelectElement),
    status: element(PAGE_IDS.filterStatus, HTMLSelectElement),
  }
  if (data === null || input === null || body === null || count === null || none === null || earlier === null || more === null) return undefined

  const table = pageTable(data)
  const total = table.size
  const prefixes = prefixMapOf(pageHeaders(data))
  const every: ReadonlyArray<number> = Array.from({ length: total }, (_, i) => i)

  // The index is made once: a slice of rows at a time while the browser is idle after loading,
  // and what is left of it on the first search that comes before.
  const builder = searchIndexBuilder(total, table.searchRow, prefixes)
  let made: SearchIndex | undefined
  const index = (): SearchIndex => (made ??= builder.finish())

  // Rows are made when first shown and kept; the page's own first rows are reused.
  const nodes = new Map<number, HTMLTableRowElement>()
  Array.from(body.rows).forEach((tr, i) => {
    if (i < total && tr.id === table.anchor(i)) nodes.set(i, tr)
  })
  const nodeOf = (i: number): HTMLTableRowElement => {
    let node = nodes.get(i)
    if (node === undefined) {
      node = rowNode(table.row(i))
      nodes.set(i, node)
    }
    return node
  }

  const filters = (): SearchFilters => ({
    service: selects.service?.value ?? '',
    category: selects.category?.value ?? '',
    status: selects.status?.value ?? '',
  })

  // What is shown: rows results[start..end).
  let results: ReadonlyArray<number> = every
  let start = 0
  let end = nodes.size
  let applied = ''
  let target: HTMLTableRowElement | undefined

  /** Says how many rows match and which are shown, and offers the others. */
  const status = (): void => {
    count.textContent = countText(results.length, total, start, end)
    count.dataset['matches'] = String(results.length)
    none.hidden = results.length !== 0
    earlier.hidden = start === 0
    earlier.textContent = `Show the ${Math.min(start, MORE_ROWS)} codes before these`
    more.hidden = end >= results.length
    more.textContent = `Show ${Math.min(results.length - end, MORE_ROWS)} more (${results.length - end} not shown)`
  }

  /**
   * Shows `results[start..end)`, touching only the rows that come or go: a row that stays is
   * not laid out again, so narrowing a search costs little.
   */
  const render = (): void => {
    const wanted = new Set<HTMLTableRowElement>()
    for (let k = start; k < end; k++) wanted.add(nodeOf(results[k] as number))
    for (const tr of Array.from(body.rows)) if (!wanted.has(tr)) tr.remove()
    let next = body.firstElementChild
    for (const tr of wanted) {
      if (tr === next) next = next.nextElementSibling
      else body.insertBefore(tr, next)
    }
    status()
  }

  const apply = (force = false): void => {
    const query = input.value
    const chosen = filters()
    const key = JSON.stringify([query, chosen])
    if (key === applied && !force) return
    applied = key
    const terms = compileQuery(query, prefixes)
    results = terms.length === 0 && chosen.service === '' && chosen.category === '' && chosen.status === '' ? every : searchWith(index(), terms, chosen)
    start = 0
    end = Math.min(results.length, FIRST_ROWS)
    render()
  }

  const keepInAddress = (): void => {
    const params = new URLSearchParams()
    const query = input.value.trim()
    if (query !== '') params.set('q', query)
    const chosen = filters()
    for (const name of FILTER_PARAMS) if (chosen[name] !== '') params.set(name, chosen[name])
    const search = params.toString()
    try {
      history.replaceState(history.state, '', `${location.pathname}${search === '' ? '' : `?${search}`}${location.hash}`)
    } catch {
      // Some browsers refuse to rewrite file:// addresses; the search works regardless.
    }
  }

  let frame = 0
  input.addEventListener('input', () => {
    // Coalesce fast typing into one search per frame.
    if (frame !== 0) return
    frame = requestAnimationFrame(() => {
      frame = 0
      apply()
      keepInAddress()
    })
  })
  for (const name of FILTER_PARAMS) {
    selects[name]?.addEventListener('change', () => {
      apply()
      keepInAddress()
    })
  }
  element(PAGE_IDS.searchForm, HTMLFormElement)?.addEventListener('submit', (event) => {
    event.preventDefault()
    apply()
    keepInAddress()
  })
  more.addEventListener('click', () => {
    const added = document.createDocumentFragment()
    const from = end
    end = Math.min(results.length, end + MORE_ROWS)
    for (let k = from; k < end; k++) added.append(nodeOf(results[k] as number))
    body.append(added)
    status()
  })
  earlier.addEventListener('click', () => {
    const added = document.createDocumentFragment()
    const to = start
    start = Math.max(0, start - MORE_ROWS)
    for (let k = start; k < to; k++) added.append(nodeOf(results[k] as number))
    body.prepend(added)
    status()
  })

  let anchors: Map<string, number> | undefined
  let codes: Map<string, string> | undefined
  const reveal = (id: string): void => {
    // Anchors are lower case; the page's own elements have camel-case ids (see ids.ts).
    if (id === '' || id !== id.toLowerCase()) return
    anchors ??= new Map(every.map((i) => [table.anchor(i), i]))
    const i = anchors.get(id)
    if (i === undefined) return
    let position = results.indexOf(i)
    if (position === -1) {
      // The row asked for is filtered out: show everything rather than a page without it.
      input.value = ''
      for (const name of FILTER_PARAMS) {
        const select = selects[name]
        if (select !== null) select.value = ''
      }
      apply(true)
      keepInAddress()
      position = results.indexOf(i)
    }
    if (position < start || position >= end) {
      start = position - (position % FIRST_ROWS)
      end = Math.min(results.length, start + FIRST_ROWS)
      render()
    }
    target?.classList.remove('target')
    target = nodeOf(i)
    target.classList.add('target')
    target.scrollIntoView({ block: 'center' })
  }

  // The table's header sticks just below the (sticky) search bar, whatever height it wraps to.
  const bar = element(PAGE_IDS.searchBar, HTMLElement)
  if (bar !== null && typeof ResizeObserver !== 'undefined') {
    new ResizeObserver(() => document.documentElement.style.setProperty('--search-height', `${bar.offsetHeight}px`)).observe(bar)
  }

  // The address says what to show, unless the person typed before the script ran.
  const params = new URLSearchParams(location.search)
  if (input.value === '') input.value = params.get('q') ?? ''
  for (const name of FILTER_PARAMS) {
    const select = selects[name]
    if (select !== null && select.value === '') choose(select, params.get(name) ?? '')
  }
  const chosen = filters()
  if (input.value.trim() !== '' || chosen.service !== '' || chosen.category !== '' || chosen.status !== '') apply()
  else {
    // The page already shows the first rows: keep them, only say what else there is.
    applied = JSON.stringify([input.value, NO_FILTERS])
    status()
  }
  // Make the index while nobody types, so that the first keystroke finds it ready.
  const slice = (more: () => boolean): void => {
    do {
      made = builder.step(INDEX_SLICE)
    } while (made === undefined && more())
    if (made === undefined) idle(slice)
  }
  const idle = (work: (more: () => boolean) => void): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback((deadline) => work(() => deadline.timeRemaining() > 2))
    else setTimeout(() => work(() => false), 0)
  }
  idle(slice)
  return {
    reveal,
    anchorOfCode: (code) => {
      if (codes === undefined) {
        codes = new Map()
        for (const i of every) if (!codes.has(table.code(i))) codes.set(table.code(i), table.anchor(i))
      }
      return codes.get(code)
    },
  }
}

// -------------------------------------------------------------------------------------
// explain
// -------------------------------------------------------------------------------------

const fieldRow = (list: HTMLDListElement, label: string, field: string, value: string | Node): void => {
  const dd = make('dd')
  dd.dataset['field'] = field
  if (typeof value === 'string') dd.textContent = value
  else dd.append(value)
  list.append(make('dt', label), dd)
}

const retryText = (x: Explanation): string => {
  const when = x.retry.strategy === 'after' ? `after ${x.retry.delayMs ?? 0} ms (Retry-After)` : x.retry.strategy
  return `${when}, ${x.retry.retryable ? 'retryable' : 'not retryable'}: ${STRATEGY_MEANINGS[x.retry.strategy].replace(/`/g, '')}`
}

const renderExplanation = (answer: HTMLElement, x: Explanation, search: Search | undefined): void => {
  const list = make('dl', undefined, 'fields')
  if (x.ok) {
    answer.append(make('p', `${statusText(x.status)} (${x.statusClass}): a success; the body is payload, not an error.`, 'headline'))
    fieldRow(list, 'status', 'status', `${statusText(x.status)} (${x.statusClass})`)
    if (x.requestId !== null) fieldRow(list, 'request id', 'requestId', x.requestId)
  } else {
    answer.append(make('p', `${x.code ?? '(no code)'}: ${x.message ?? '(no message)'}`, 'headline'))
    fieldRow(list, 'status', 'status', `${statusText(x.status)} (${x.statusClass})`)
    fieldRow(list, 'code', 'code', x.code ?? '(none)')
    fieldRow(list, 'service', 'service', x.service ?? '(none)')
    fieldRow(list, 'category', 'category', x.category === null ? '(none)' : `${x.category}: ${CATEGORY_MEANINGS[x.category]}`)
    fieldRow(list, 'retry', 'retry', retryText(x))
    if (x.requestId !== null) fieldRow(list, 'request id', 'requestId', x.requestId)
    if (x.catalogCode === null) {
      fieldRow(list, 'catalogue', 'catalog', x.code === null ? 'no code to look up: the status decided' : 'unknown code: the status decided')
    } else {
      const anchor = search?.anchorOfCode(x.catalogCode)
      const entry = document.createDocumentFragment()
      if (anchor === undefined) entry.append(x.catalogCode)
      else {
        entry.append(link(`#${anchor}`, x.catalogCode))
      }
      const documented = x.documentedStatus === null ? '' : ` (documented as ${x.documentedStatus}; the observed status decides)`
      entry.append(`${documented}: ${x.catalogMessage ?? ''}`)
      fieldRow(list, 'catalogue', 'catalog', entry)
    }
    if (x.remedy !== null) fieldRow(list, 'remedy', 'remedy', x.remedy)
    fieldRow(list, 'body shape', 'shape', x.truncated ? `${x.shape} (only the start of a huge body was read)` : x.shape)
  }
  answer.append(list)
  const details = make('details')
  details.append(make('summary', 'As JSON (what otc-errors explain --json prints)'), make('pre', JSON.stringify(x, null, 2)))
  answer.append(details)
}

const startExplain = (search: Search | undefined): void => {
  const form = element(PAGE_IDS.explainForm, HTMLFormElement)
  const paste = element(PAGE_IDS.paste, HTMLTextAreaElement)
  const status = element(PAGE_IDS.status, HTMLInputElement)
  const answer = element(PAGE_IDS.answer, HTMLElement)
  if (form === null || paste === null || status === null || answer === null) return
  const run = (): void => {
    answer.replaceChildren()
    const result = explainPasted(paste.value, status.value)
    if (E.isLeft(result)) {
      const error = make('p', result.left, 'error')
      error.setAttribute('role', 'alert')
      answer.append(error)
    } else {
      renderExplanation(answer, result.right, search)
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    run()
  })
  element(PAGE_IDS.example, HTMLButtonElement)?.addEventListener('click', () => {
    paste.value = EXAMPLE_RESPONSE
    status.value = ''
    run()
  })
}

/**
 * Wires the page: the search (with `?q=` prefill) and the Explain box. Called once the page is
 * parsed; does nothing outside the generated page.
 *
 * @example
 * import { startPage } from './browser.js'
 * if (typeof document !== 'undefined') startPage()
 *
 * @since 0.1.0
 * @category constructors
 */
export const startPage = (): void => {
  const search = startSearch()
  startExplain(search)
  const revealHash = (): void => {
    let id = location.hash.slice(1)
    try {
      id = decodeURIComponent(id)
    } catch {
      // keep the raw fragment
    }
    search?.reveal(id)
  }
  window.addEventListener('hashchange', revealHash)
  revealHash()
  document.documentElement.dataset['ready'] = 'true'
}

if (typeof document !== 'undefined' && document.getElementById(PAGE_IDS.rows) !== null) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startPage)
  else startPage()
}
