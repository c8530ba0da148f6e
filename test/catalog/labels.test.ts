// The catalogue's classification against a careful reader: 220 entries drawn at random (half of
// them with tricky wording), labelled by hand from the tables' message, description and solution
// (test/catalog/labelled-sample.md says how). The rules in scripts/catalog-rules.ts must agree
// with at least 95% of the categories and 97% of the retry strategies.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { defaultCatalog } from '../../src/catalog/index.js'

interface Label {
  readonly file: string
  readonly code: string
  readonly status: number | null
  readonly message: string
  readonly tricky: boolean
  readonly category: string
  readonly retry: string
  readonly why: string
}

const sample = JSON.parse(readFileSync(new URL('labelled-sample.json', import.meta.url), 'utf8')) as ReadonlyArray<Label>
const entryOf = (label: Label) =>
  defaultCatalog()
    .lookupAll(label.code)
    .find((e) => e.file === label.file && e.status === label.status)

describe('hand-labelled sample', () => {
  it('is the sample the README describes: 220 distinct entries of the shipped catalogue, messages as shipped', () => {
    expect(sample).toHaveLength(220)
    expect(new Set(sample.map((l) => `${l.file}|${l.code}|${l.status}`)).size).toBe(220)
    expect(sample.filter((l) => l.tricky).length).toBeGreaterThan(50)
    for (const label of sample) expect(entryOf(label)?.message, `${label.file} ${label.code}`).toBe(label.message)
  })
  const agreement = (field: 'category' | 'retry') => sample.filter((l) => entryOf(l)?.[field] === l[field]).length / sample.length
  it('agrees on the category of at least 95% of the entries', () => {
    const misses = sample.filter((l) => entryOf(l)?.category !== l.category).map((l) => `${l.code} ${l.status}: ${entryOf(l)?.category} (hand: ${l.category}, ${l.why})`)
    expect(agreement('category'), misses.join('\n')).toBeGreaterThanOrEqual(0.95)
  })
  it('agrees on the retry strategy of at least 97% of the entries', () => {
    const misses = sample.filter((l) => entryOf(l)?.retry !== l.retry).map((l) => `${l.code} ${l.status}: ${entryOf(l)?.retry} (hand: ${l.retry}, ${l.why})`)
    expect(agreement('retry'), misses.join('\n')).toBeGreaterThanOrEqual(0.97)
  })
})
