import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyLine, logCode } from '../logs/arbitraries.js'
import { defaultCatalog } from '../../src/catalog/index.js'
import { dialectPattern } from '../../src/engines/dialect.js'
import { logPatternSource } from '../../src/logs/pattern.js'
// @ts-expect-error: a plain ES module without types
import { UNKNOWN_CODES, generateLines } from '../../bench/engines/generate.mjs'
import { lookupRows } from '../../src/engines/lookup.js'
import * as _ from '../../src/engines/recipes.js'

const catalog = defaultCatalog()
const files = (engine: _.Engine) => Object.fromEntries(_.engineExport(catalog, engine).map((f) => [f.name, f.content]))

describe('engineExport', () => {
  it('gives every engine its lookup, its SQL or configuration, and the pattern in its dialect', () => {
    expect(Object.fromEntries(_.ENGINES.map((e) => [e, Object.keys(files(e))]))).toEqual({
      postgres: ['otc-code-lookup.csv', 'otc-errors.postgres.sql', 'otc-code-pattern.postgres.txt'],
      duckdb: ['otc-code-lookup.csv', 'otc-errors.duckdb.sql', 'otc-code-pattern.duckdb.txt'],
      clickhouse: ['otc-code-lookup.clickhouse.csv', 'otc-errors.clickhouse.sql', 'otc-code-pattern.clickhouse.txt'],
      elasticsearch: ['otc-codes.bulk.ndjson', 'otc-codes.enrich-policy.json', 'otc-errors.ingest-pipeline.json', 'otc-code-pattern.elasticsearch.txt'],
      vector: ['otc-code-lookup.csv', 'vector.otc-errors.yaml', 'otc-code-pattern.vector.txt'],
      otel: ['otc-code-lookup.csv', 'otelcol.otc-errors.yaml', 'otc-code-pattern.otel.txt'],
    })
  })
  it('Elasticsearch: a bulk body of action and document pairs, a match policy, a pipeline with the Java pattern', () => {
    const es = files('elasticsearch')
    const bulk = (es['otc-codes.bulk.ndjson'] ?? '')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(bulk.length).toBe(2 * lookupRows(catalog).length)
    expect(bulk[0]).toEqual({ index: { _index: 'otc-codes', _id: (bulk[1] as { code_key: string }).code_key } })
    expect(JSON.parse(es['otc-codes.enrich-policy.json'] ?? '')).toEqual({
      match: { indices: 'otc-codes', match_field: 'code_key', enrich_fields: ['code', 'service', 'status', 'category', 'retryable', 'strategy', 'message'] },
    })
    const pipeline = JSON.parse(es['otc-errors.ingest-pipeline.json'] ?? '') as { processors: ReadonlyArray<{ script?: { source: string } }> }
    expect(pipeline.processors[0]?.script?.source).toContain(`/${dialectPattern(catalog.prefixes(), 'java')}/.matcher(ctx.message)`)
  })
  it('Vector and the OpenTelemetry Collector carry their dialects, quoted for their literals', () => {
    expect(files('vector')['vector.otc-errors.yaml']).toContain(`r'${dialectPattern(catalog.prefixes(), 'rust')}'`)
    const go = dialectPattern(catalog.prefixes(), 'go')
    const ottl = `"${go.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`.replace(/'/g, "''")
    expect(files('otel')['otelcol.otc-errors.yaml']).toContain(`ExtractPatterns(body, ${ottl})`)
  })
  it('ClickHouse: whole matches with extractAll, then one extract per group, string literals with backslashes escaped', () => {
    const sql = files('clickhouse')['otc-errors.clickhouse.sql'] ?? ''
    expect(sql.match(/extractAll\(line, '/g)).toHaveLength(1)
    expect(sql.match(/extract\(whole, '\^\(\?:/g)).toHaveLength(7)
    expect(sql).not.toMatch(/[^\\]\\b/)
  })
})

describe('postgresPlan: the PostgreSQL view, step by step in JavaScript', () => {
  const prefixes = catalog.prefixes()
  const plan = _.postgresPlan(prefixes)
  const source = logPatternSource(prefixes)
  const lines: ReadonlyArray<string> = generateLines({ codes: ['AS.0001', 'APIG.0308', 'SFS.TURBO.0001', 'ces.0014', 'NoSuchBucket', '1101', ...UNKNOWN_CODES], lines: 2000 })
  const oneStep = (line: string) =>
    [...line.matchAll(new RegExp(source, 'g'))].map((m) => {
      const g = m.slice(1).findIndex((x) => x !== undefined) + 1
      return `${m.index}:${g}:${m[g]}`
    })
  const prefilter = new RegExp(plan.prefilter)
  const hint = new RegExp(plan.hint)
  const tests = plan.tests.map((t) => new RegExp(t))
  const longTests = plan.longTests?.map((t) => new RegExp(t))
  const variants = plan.variants.map((v) => new RegExp(v, 'g'))
  const pick = (line: string): number =>
    hint.test(line) || (line.length > plan.short && (longTests === undefined || longTests.some((t) => t.test(line))))
      ? plan.variants.length - 1
      : tests.reduce((mask, t, i) => mask + (t.test(line) ? 1 << i : 0), 0)
  // PostgreSQL's regexp_replace(…, 'g') with a greedy pattern: the longest match at the start, then at the end.
  const cut = (whole: string, pattern: string): string => {
    const [lead, tail] = pattern.startsWith('^(?:') ? pattern.slice(1).split(/\|(?=\(\?:.*\)\$$)/) : [pattern]
    const leadRe = new RegExp(`^${lead}$`)
    const tailRe = tail === undefined ? undefined : new RegExp(`^${tail}`)
    let from = 0
    for (let n = whole.length; n >= 0; n--)
      if (leadRe.test(whole.slice(0, n))) {
        from = n
        break
      }
    let to = whole.length
    if (tailRe !== undefined) for (let n = from; n <= whole.length; n++) if (tailRe.test(whole.slice(n))) to = Math.min(to, n)
    return whole.slice(from, to)
  }
  const view = (line: string) =>
    prefilter.test(line)
      ? [...line.matchAll(variants[pick(line)]!)].map((m) => {
          const g = m.slice(1).findIndex((x) => x !== undefined) + 1
          return `${m.index}:${g}:${cut(m[g]!, plan.cuts[g - 1]!)}`
        })
      : []

  it('eight variants and the full pattern: few enough for the 32 compiled regexes a session keeps', () => {
    expect(plan.variants).toHaveLength(9)
    expect(plan.tests.length + plan.variants.length + plan.cuts.length + 2 + (plan.longTests?.length ?? 0)).toBeLessThanOrEqual(24)
    expect(plan.variants.at(-1)).not.toBe(plan.variants[plan.variants.length - 2])
    expect(plan.short).toBe(600)
  })
  it('finds the codes the pattern finds, with the same groups, on the generated log and arbitrary lines', () => {
    for (const line of lines) expect(view(line)).toEqual(oneStep(line))
    fc.assert(
      fc.property(fc.array(fc.oneof(anyLine, logCode, fc.string({ maxLength: 12 })), { maxLength: 6 }), (parts) => {
        const line = parts.join(' ')
        expect(view(line)).toEqual(oneStep(line))
      }),
      { numRuns: 2000 },
    )
  })
  it('a long line with a Neutron error, or a known prefix spelt in lower case, takes the full pattern', () => {
    expect(pick(`{"NeutronError": {${'"detail": "x", '.repeat(40)}"type": "PortNotFound"}}`)).toBe(8)
    expect(pick('WARN ces.0014 reported by the backend')).toBe(8)
    expect(pick('WARN CES.0014 reported by the backend')).toBe(0)
    expect(pick('{"error_code":"AS.0001"}')).toBe(2)
  })
})
