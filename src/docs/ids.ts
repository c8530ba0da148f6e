/**
 * The ids of the HTML page's own elements, shared by the page (`html.ts`) and its script
 * (`browser.ts`). Each has an upper-case letter, which code anchors never have (see `anchorOf`),
 * so a code cannot take an element's id.
 *
 * @since 0.1.0
 */

/**
 * Element ids of the generated page.
 *
 * @example
 * import { PAGE_IDS } from './ids.js'
 * PAGE_IDS.search // 'otcSearch'
 *
 * @since 0.1.0
 * @category constants
 */
export const PAGE_IDS = {
  explainSection: 'otcExplain',
  explainForm: 'otcExplainForm',
  paste: 'otcPaste',
  status: 'otcStatus',
  example: 'otcExample',
  answer: 'otcAnswer',
  codesSection: 'otcCodes',
  searchBar: 'otcSearchBar',
  searchForm: 'otcSearchForm',
  search: 'otcSearch',
  filterService: 'otcService',
  filterCategory: 'otcCategory',
  filterStatus: 'otcStatusFilter',
  count: 'otcCount',
  table: 'otcTable',
  rows: 'otcRows',
  earlier: 'otcEarlier',
  more: 'otcMore',
  none: 'otcNone',
  vocabularySection: 'otcVocabulary',
  catalog: 'otcCatalog',
  script: 'otcScript',
} as const
