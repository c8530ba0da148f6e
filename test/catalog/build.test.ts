import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildCatalog } from '../../scripts/build-catalog.js'

// The published tables live beside the repository (../shared); a clone without them skips this.
const sources = join(import.meta.dirname, '..', '..', '..', 'shared', 'sources', 'otc-error-codes')
const catalogDir = join(import.meta.dirname, '..', '..', 'catalog')

describe.skipIf(!existsSync(sources))('catalog:build', () => {
  // Built lazily: a skipped describe still runs its body while collecting.
  let cached: ReturnType<typeof buildCatalog> | undefined
  const build = () => (cached ??= buildCatalog(sources))
  it('reproduces the committed catalogue files and report exactly', () => {
    const built = build()
    const committed = readdirSync(catalogDir)
      .filter((f) => f.endsWith('.json') && f !== 'schema.json')
      .sort()
    expect(built.files.map((f) => f.name).sort()).toEqual(committed)
    for (const f of built.files) expect(readFileSync(join(catalogDir, f.name), 'utf8'), f.name).toBe(f.text)
    expect(readFileSync(join(catalogDir, 'REPORT.md'), 'utf8')).toBe(built.report)
  })
  it('files every published record, and copies no solution text as a remedy', () => {
    const built = build()
    const records = readdirSync(sources)
      .filter((f) => f.endsWith('.json') && f !== 'status-codes.json')
      .flatMap((f) => (JSON.parse(readFileSync(join(sources, f), 'utf8')) as { records: Array<{ code: string; solution?: string | null }> }).records)
    const codes = new Set(built.files.flatMap((f) => (JSON.parse(f.text) as { entries: Array<{ code: string; remedy: string }> }).entries.map((e) => e.code.toLowerCase())))
    for (const r of records) expect(codes.has(r.code.toLowerCase().replace(/^apigw\./, 'apig.')), r.code).toBe(true)
    const solutions = new Set(records.map((r) => (r.solution ?? '').trim()).filter((s) => s !== ''))
    for (const f of built.files) for (const e of (JSON.parse(f.text) as { entries: Array<{ remedy: string }> }).entries) expect(solutions.has(e.remedy)).toBe(false)
  })
  it('keeps the provenance of every file', () => {
    const built = build()
    for (const f of built.files) {
      const json = JSON.parse(f.text) as { sources: Array<{ repo: string; commit: string; paths: Array<string> }> }
      expect(json.sources.length, f.name).toBeGreaterThan(0)
      for (const s of json.sources) expect(s.commit).toMatch(/^[0-9a-f]{40}$/)
    }
  })
})
