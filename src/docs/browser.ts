/**
 * The script of the generated HTML page, bundled with the library by esbuild
 * (`scripts/bundle-browser.mjs`): it filters the table as the person types (the rows are
 * rendered once, in the HTML; a search only toggles their `hidden`), keeps `?q=` in the address,
 * reveals a row named by the fragment, and explains pasted responses with the library's own
 * `explain`. Everything it shows is set as text, never as HTML.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Explanation } from '../decode/explain.js'
import { statusText } from '../error/ServiceError.js'
import { CATEGORY_MEANINGS, STRATEGY_MEANINGS } from './glossary.js'
import { PAGE_IDS } from './ids.js'
import { explainPasted } from './paste.js'
import { matchesQuery, parseQuery, prepareRow, type PreparedRow } from './search.js'

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

const cellText = (row: HTMLTableRowElement, index: number): string => row.cells[index]?.textContent?.trim() ?? ''

const make = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text
  if (className !== undefined) node.className = className
  return node
}

// -------------------------------------------------------------------------------------
// search
// -------------------------------------------------------------------------------------

interface Search {
  readonly apply: () => void
  readonly reveal: (id: string) => void
  readonly anchorOfCode: (code: string) => string | undefined
}

const startSearch = (): Search | undefined => {
  const input = element(PAGE_IDS.search, HTMLInputElement)
  const body = element(PAGE_IDS.rows, HTMLTableSectionElement)
  const count = element(PAGE_IDS.count, HTMLElement)
  const none = element(PAGE_IDS.none, HTMLElement)
  if (input === null || body === null || count === null || none === null) return undefined
  const rows = Array.from(body.rows)
  const prepared: ReadonlyArray<PreparedRow> = rows.map((row) => {
    const status = cellText(row, 2)
    return prepareRow({
      code: cellText(row, 0),
      service: cellText(row, 1),
      status: /^\d+$/.test(status) ? status : '',
      category: cellText(row, 3),
      retry: cellText(row, 4),
      message: cellText(row, 5),
    })
  })
  const anchors = new Map<string, string>()
  rows.forEach((row) => {
    const code = cellText(row, 0)
    if (!anchors.has(code)) anchors.set(code, row.id)
  })

  let applied: string | undefined
  const apply = (): void => {
    const query = input.value
    if (query === applied) return
    applied = query
    const terms = parseQuery(query)
    let shown = 0
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as HTMLTableRowElement
      const show = terms.length === 0 || matchesQuery(terms, prepared[i] as PreparedRow)
      if (row.hidden === show) row.hidden = !show
      if (show) shown++
    }
    count.textContent = `Showing ${shown} of ${rows.length} codes`
    none.hidden = shown !== 0
  }

  const keepInAddress = (): void => {
    const query = input.value.trim()
    const url = `${location.pathname}${query === '' ? '' : `?q=${encodeURIComponent(query)}`}${location.hash}`
    try {
      history.replaceState(history.state, '', url)
    } catch {
      // Some browsers refuse to rewrite file:// addresses; the filter works regardless.
    }
  }

  let frame = 0
  input.addEventListener('input', () => {
    // Coalesce fast typing into one pass per frame.
    if (frame !== 0) return
    frame = requestAnimationFrame(() => {
      frame = 0
      apply()
      keepInAddress()
    })
  })
  element(PAGE_IDS.searchForm, HTMLFormElement)?.addEventListener('submit', (event) => {
    event.preventDefault()
    apply()
    keepInAddress()
  })

  const reveal = (id: string): void => {
    const target = id === '' ? null : document.getElementById(id)
    if (!(target instanceof HTMLTableRowElement) || !target.hidden) return
    // The row asked for is filtered out: show everything rather than a page without it.
    input.value = ''
    apply()
    keepInAddress()
    target.scrollIntoView({ block: 'center' })
  }

  // The table's header sticks just below the (sticky) search bar, whatever height it wraps to.
  const bar = element(PAGE_IDS.searchBar, HTMLElement)
  if (bar !== null && typeof ResizeObserver !== 'undefined') {
    new ResizeObserver(() => document.documentElement.style.setProperty('--search-height', `${bar.offsetHeight}px`)).observe(bar)
  }

  input.value = new URLSearchParams(location.search).get('q') ?? ''
  apply()
  return { apply, reveal, anchorOfCode: (code) => anchors.get(code) }
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
        const link = make('a', x.catalogCode)
        link.href = `#${anchor}`
        entry.append(link)
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
