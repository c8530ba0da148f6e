import { describe, expect, it } from 'vitest'
import * as _ from '../../src/docs/glossary.js'
import { categories, retryStrategies } from '../../src/error/vocabulary.js'
import { renderHtml } from '../../src/docs/html.js'
import { servicePages } from '../../src/docs/pages.js'
import { smallFiles } from '../catalog/smallCatalog.js'

const sentences = (record: Readonly<Record<string, string>>): ReadonlyArray<string> => Object.values(record)

describe('the glossary', () => {
  it('explains exactly the categories, strategies and status classes of the vocabulary', () => {
    expect(Object.keys(_.CATEGORY_MEANINGS).sort()).toEqual([...categories].sort())
    expect(Object.keys(_.STRATEGY_MEANINGS).sort()).toEqual([...retryStrategies].sort())
    expect(Object.keys(_.STATUS_CLASS_MEANINGS)).toEqual(['1xx', '2xx', '3xx', '4xx', '5xx'])
  })
  it('gives each category and strategy one sentence of its own, starting upper case and ending in a full stop', () => {
    for (const text of [...sentences(_.CATEGORY_MEANINGS), ...sentences(_.STRATEGY_MEANINGS)]) {
      expect(text).toMatch(/^[A-Z].{20,}\.$/)
      expect(text).not.toMatch(/\s{2}|\n/)
    }
    expect(new Set(sentences(_.CATEGORY_MEANINGS)).size).toBe(categories.length)
    expect(new Set(sentences(_.STRATEGY_MEANINGS)).size).toBe(retryStrategies.length)
  })
  it('says what the design says of the strategies', () => {
    expect(_.STRATEGY_MEANINGS.after).toContain('Retry-After')
    expect(_.STRATEGY_MEANINGS.after).toContain('delayMs')
    expect(_.STRATEGY_MEANINGS.reauth).toMatch(/token/)
    expect(_.STRATEGY_MEANINGS.backoff).toMatch(/jitter/)
    expect(_.STRATEGY_MEANINGS.never).toMatch(/^Do not send the same request again/)
  })
  it('is what the generated page shows under its vocabulary', () => {
    const html = renderHtml(servicePages(smallFiles), smallFiles, '')
    for (const c of categories) expect(html).toContain(`<dt><code>${c}</code></dt>`)
    for (const s of retryStrategies) expect(html).toContain(`<dt>retry <code>${s}</code></dt>`)
    expect(html).toContain(_.CATEGORY_MEANINGS.quota)
  })
})
