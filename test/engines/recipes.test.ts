import { describe, expect, it } from 'vitest'
import { defaultCatalog } from '../../src/catalog/index.js'
import { dialectPattern } from '../../src/engines/dialect.js'
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
