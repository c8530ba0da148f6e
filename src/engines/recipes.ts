/**
 * `catalog export --format <engine>`: for each engine where logs live, the files that let it
 * find OTC error codes in log lines and classify them as `classify` does: the lookup table (see
 * `lookup.ts`) in the engine's loading format, and the DDL or configuration that extracts codes
 * with the log pattern in the engine's regex dialect (see `dialect.ts`) and joins them.
 *
 * The SQL engines share one convention: log lines live in `otc_log_lines(line_no, line)`; the
 * view `otc_error_findings` gives one row per code per line (a code printed twice in a line
 * counts once), with the catalogue's answer for a line without an HTTP status.
 *
 * @since 0.1.0
 */
import type { Catalog } from '../catalog/catalog.js'
import {
  CODE_GROUPS,
  NAME_ONLY_GROUP,
  PG_DUP_MAX,
  dialectPattern,
  dialectPrefilter,
  greedy,
  groupAlternatives,
  inDialect,
  leadSource,
  onlyGroup,
  relaxBounds,
  smallestBoundAbove,
  wholeMatch,
  withoutBoundaries,
  withoutGroups,
  type GroupAlternative,
  type RegexDialect,
} from './dialect.js'
import { knownPrefixHintSource } from '../logs/known-prefixes.js'
import { PREFILTER_SOURCE, logPatternSource } from '../logs/pattern.js'
import { LOOKUP_COLUMNS, lookupCsv, lookupRows, type LookupRow } from './lookup.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The engines `catalog export` writes for.
 *
 * @example
 * import { ENGINES } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.ok(ENGINES.includes('postgres') && ENGINES.includes('clickhouse'))
 *
 * @since 0.1.0
 * @category constants
 */
export const ENGINES = ['postgres', 'duckdb', 'clickhouse', 'elasticsearch', 'vector', 'otel'] as const

/**
 * One of `ENGINES`.
 *
 * @example
 * import type { Engine } from 'otc-errors'
 * const engine: Engine = 'duckdb'
 *
 * @since 0.1.0
 * @category model
 */
export type Engine = (typeof ENGINES)[number]

/**
 * A file of an engine export: its name (no directory) and its text.
 *
 * @example
 * import type { EngineFile } from 'otc-errors'
 * const f: EngineFile = { name: 'otc-code-lookup.csv', content: 'code_key,…\r\n' }
 *
 * @since 0.1.0
 * @category model
 */
export interface EngineFile {
  readonly name: string
  readonly content: string
}

// -------------------------------------------------------------------------------------
// literals
// -------------------------------------------------------------------------------------

/** A standard SQL string literal (PostgreSQL with `standard_conforming_strings`, DuckDB). */
const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`

/** A ClickHouse string literal: backslashes are escapes there. */
const clickhouseString = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`

const groups = Array.from({ length: CODE_GROUPS }, (_, i) => i + 1)

/**
 * The two patterns of a two-step search in a dialect: whole matches in a line (no groups: a
 * DFA's work), then the groups of each whole match (see `wholeMatch`).
 */
const twoStep = (catalog: Catalog, dialect: RegexDialect): { readonly whole: string; readonly anchored: string; readonly source: string } => {
  const source = logPatternSource(catalog.prefixes())
  return { whole: inDialect(withoutGroups(source), dialect), anchored: inDialect(wholeMatch(source), dialect), source }
}

const HEADER = (engine: string, usage: string): string =>
  `-- otc-errors catalog export --format ${engine}: OTC error codes in log lines, classified.\n` +
  `-- Log lines go in otc_log_lines(line_no, line); otc_error_findings gives one row per code per line.\n` +
  `-- The category is the one \`otc-errors classify\` gives on a line without an HTTP status.\n` +
  `-- ${usage}\n\n`

// -------------------------------------------------------------------------------------
// SQL engines
// -------------------------------------------------------------------------------------

// PostgreSQL's regex engine builds its automaton afresh for every match, at a cost that grows
// with the pattern's states times its character classes; captures cost a dissection of each
// match on top; and it compiles a pattern (up to 0.3 s for the full one) into a cache of 32 per
// session. So the view tests a line cheaply first (the prefilter without its bounds), then runs
// the pattern cut down to the alternatives the line can hold, with a capture group around each
// alternative (which one matched), and cuts the code out of the match.
const NEVER = 'a^'
// A key's value (groups 3 and 4, see logPatternSource) and a CamelCase name are common in logs
// and get a switch each; the rarer escapes, XML elements and Neutron errors share one: 8 variants
// and the full pattern, few enough for the cache.
const OWN_SWITCH_GROUPS: ReadonlyArray<number> = [3, 4, NAME_ONLY_GROUP]

/**
 * The pieces of the PostgreSQL view, as JavaScript regex sources (the SQL spells them in the
 * `postgres` dialect). A line that fails `prefilter` holds no code. Otherwise it is searched with
 * `variants[i]`: `i` is the last index when the line matches `hint`, or is longer than `short` and
 * matches one of `longTests` (any line longer than `short` when `longTests` is `undefined`), and
 * else the sum of `2 ** j` over the `tests` it matches. Each variant has one capture group per
 * alternative of the log pattern; the group that takes part in a match says which alternative
 * matched, and the code is the match with the longest match of that alternative's `cuts` pattern
 * removed at each end.
 *
 * @example
 * import { defaultCatalog } from 'otc-errors'
 * import { postgresPlan } from './recipes.js'
 * import * as assert from 'node:assert'
 * const plan = postgresPlan(defaultCatalog().prefixes())
 * assert.strictEqual(plan.variants.length, 2 ** plan.tests.length + 1)
 *
 * @since 0.1.0
 * @category destructors
 */
export interface PostgresPlan {
  readonly prefilter: string
  readonly hint: string
  readonly short: number
  readonly longTests: ReadonlyArray<string> | undefined
  readonly tests: ReadonlyArray<string>
  readonly variants: ReadonlyArray<string>
  readonly cuts: ReadonlyArray<string>
}

/**
 * The PostgreSQL view's plan for a catalogue's prefixes (see `PostgresPlan`).
 *
 * @example
 * import { defaultCatalog } from 'otc-errors'
 * import { postgresPlan } from './recipes.js'
 * import * as assert from 'node:assert'
 * assert.strictEqual(postgresPlan(defaultCatalog().prefixes()).cuts.length, 7)
 *
 * @since 0.1.0
 * @category destructors
 */
export const postgresPlan = (prefixes: ReadonlyArray<string>): PostgresPlan => {
  const full = groupAlternatives(logPatternSource(prefixes))
  const small = groupAlternatives(logPatternSource([]))
  const leads = full.map((a) => leadSource(a.source))
  const keyOf = (a: GroupAlternative): string | undefined => (leads[a.group - 1] === undefined ? undefined : OWN_SWITCH_GROUPS.includes(a.group) ? leads[a.group - 1] : 'rare')
  const keys = [...new Set(full.map(keyOf).filter((k): k is string => k !== undefined))]
  // One test per switch: the lead of any of its alternatives.
  const tests = keys.map((key) => [...new Set(full.filter((a) => keyOf(a) === key).map((a) => leads[a.group - 1] as string))].map((l) => `(?:${l})`).join('|'))
  const variant = (mask: number): string =>
    small
      .map((a) => {
        const key = keyOf(a)
        const on = key === undefined || (mask & (1 << keys.indexOf(key))) !== 0
        return `(${on ? relaxBounds(a.source, PG_DUP_MAX) : NEVER})`
      })
      .join('|')
  // Dropping the bounds above PostgreSQL's limit (a Neutron error's `{0,600}`, which it spells as
  // 600 states) keeps the matches on lines no longer than the smallest of them; longer lines that
  // can hold such an alternative take the full pattern, as do lines that spell a known prefix as
  // no generic prefix does (ces.0014: knownPrefixHintSource).
  const bounded = full.filter((a) => relaxBounds(a.source, PG_DUP_MAX) !== a.source).map(keyOf)
  const cut = (a: GroupAlternative): string => {
    const tail = withoutBoundaries(a.tail)
    return `^(?:${greedy(a.lead)})${tail === '' ? '' : `|(?:${tail})$`}`
  }
  return {
    prefilter: relaxBounds(PREFILTER_SOURCE),
    hint: knownPrefixHintSource(prefixes),
    short: Math.min(...full.map((a) => smallestBoundAbove(a.source, PG_DUP_MAX))),
    longTests: bounded.includes(undefined) ? undefined : [...new Set(bounded)].map((k) => tests[keys.indexOf(k as string)] as string),
    tests,
    variants: [...Array.from({ length: 1 << keys.length }, (_, mask) => variant(mask)), full.map((a) => `(${a.source})`).join('|')],
    cuts: full.map(cut),
  }
}

const postgresSql = (catalog: Catalog): string => {
  const plan = postgresPlan(catalog.prefixes())
  const pg = (source: string): string => sqlString(inDialect(source, 'postgres'))
  const long = plan.longTests === undefined ? `length(line) > ${plan.short}` : `length(line) > ${plan.short} AND (${plan.longTests.map((t) => `line ~ ${pg(t)}`).join(' OR ')})`
  const pick =
    `1 + CASE WHEN line ~ ${pg(plan.hint)}${Number.isFinite(plan.short) ? ` OR (${long})` : ''} THEN ${plan.variants.length - 1}\n` +
    `           ELSE ${plan.tests.map((t, i) => `(line ~ ${pg(t)})::int * ${1 << i}`).join('\n              + ')} END`
  return (
    HEADER('postgres', 'Run with psql from the directory holding otc-code-lookup.csv: psql -f otc-errors.postgres.sql') +
    `CREATE TABLE IF NOT EXISTS otc_log_lines (line_no bigserial PRIMARY KEY, line text);
DROP VIEW IF EXISTS otc_error_findings;
DROP TABLE IF EXISTS otc_code_lookup;
CREATE TABLE otc_code_lookup (code_key text PRIMARY KEY, code text, service text, status int, category text, retryable boolean, strategy text, message text);
\\copy otc_code_lookup FROM 'otc-code-lookup.csv' WITH (FORMAT csv, HEADER true)

-- PostgreSQL's regex engine pays for the size of the pattern at every match, so the view
-- 1. skips lines without a code's skeleton (the prefilter, without its bounds);
-- 2. runs the pattern with only the alternatives whose literal start (an error-code key, an XML
--    element, NeutronError, …) the line holds, and without the known prefixes unless the line
--    spells one as no generic prefix does (ces.0014), with a capture group around each alternative;
-- 3. cuts the code out of each match: what the matched alternative has before and after the code.
CREATE VIEW otc_error_findings AS
SELECT DISTINCT ON (h.line_no, c.code)
       h.line_no, c.code, k.code_key IS NOT NULL AS known, k.code AS catalogue_code, k.service,
       coalesce(k.category, 'unknown') AS category, coalesce(k.retryable, false) AS retryable,
       coalesce(k.strategy, 'never') AS strategy
FROM (
  SELECT line_no, regexp_matches(line, (ARRAY[
    ${plan.variants.map(pg).join(',\n    ')}
  ])[${pick}], 'g') AS hit
  FROM otc_log_lines
  WHERE line ~ ${pg(plan.prefilter)}
) h
CROSS JOIN LATERAL array_position(ARRAY[${groups.map((g) => `h.hit[${g}] IS NOT NULL`).join(', ')}], true) AS a(alternative)
CROSS JOIN LATERAL regexp_replace(h.hit[a.alternative], (ARRAY[
    ${plan.cuts.map(pg).join(',\n    ')}
  ])[a.alternative], '', 'g') AS c(code)
LEFT JOIN otc_code_lookup k ON k.code_key = lower(c.code)
WHERE NOT (a.alternative = ${NAME_ONLY_GROUP} AND k.code_key IS NULL);
`
  )
}

const duckdbSql = (catalog: Catalog): string => {
  const { whole, anchored } = twoStep(catalog, 're2')
  const names = groups.map((g) => `g.c${g}`)
  return (
    HEADER('duckdb', 'Run from the directory holding otc-code-lookup.csv: duckdb my.db < otc-errors.duckdb.sql') +
    `CREATE TABLE IF NOT EXISTS otc_log_lines (line_no BIGINT, line VARCHAR);
CREATE OR REPLACE TABLE otc_code_lookup AS
  SELECT * FROM read_csv('otc-code-lookup.csv', header = true, quote = '"', escape = '"',
    columns = {'code_key': 'VARCHAR', 'code': 'VARCHAR', 'service': 'VARCHAR', 'status': 'INTEGER', 'category': 'VARCHAR', 'retryable': 'BOOLEAN', 'strategy': 'VARCHAR', 'message': 'VARCHAR'});

-- Two steps: the whole matches in each line (a pattern without groups, which RE2 runs as a DFA),
-- then the groups of each whole match as a struct; exactly one group takes part: the code.
CREATE OR REPLACE VIEW otc_error_findings AS
WITH wholes AS (
  SELECT line_no, unnest(regexp_extract_all(line, ${sqlString(whole)}, 0)) AS whole
  FROM otc_log_lines
  WHERE regexp_matches(line, ${sqlString(dialectPrefilter('re2'))})
), found AS (
  SELECT DISTINCT line_no, concat(${names.join(', ')}) AS code, g.c${NAME_ONLY_GROUP} <> '' AS by_name
  FROM (SELECT line_no, regexp_extract(whole, ${sqlString(anchored)}, [${groups.map((g) => `'c${g}'`).join(', ')}]) AS g FROM wholes)
)
SELECT DISTINCT ON (f.line_no, f.code)
       f.line_no, f.code, c.code_key IS NOT NULL AS known, c.code AS catalogue_code, c.service,
       coalesce(c.category, 'unknown') AS category, coalesce(c.retryable, false) AS retryable,
       coalesce(c.strategy, 'never') AS strategy
FROM found f LEFT JOIN otc_code_lookup c ON c.code_key = lower(f.code)
WHERE NOT (f.by_name AND c.code_key IS NULL);
`
  )
}

const clickhouseSql = (catalog: Catalog): string => {
  const { whole, source } = twoStep(catalog, 're2')
  // extract gives one group: one call per group, each with only that group capturing; exactly
  // one of them is non-empty.
  const extracts = groups.map((g) => `extract(whole, ${clickhouseString(wholeMatch(onlyGroup(source, g)))})`)
  return (
    HEADER(
      'clickhouse',
      'Load: clickhouse-client --multiquery < otc-errors.clickhouse.sql, then\n' +
        '--   clickhouse-client --format_csv_allow_single_quotes=0 --query "INSERT INTO otc_code_lookup FORMAT CSVWithNames" < otc-code-lookup.clickhouse.csv',
    ) +
    `CREATE TABLE IF NOT EXISTS otc_log_lines (line_no UInt64, line String) ENGINE = MergeTree ORDER BY line_no;
DROP TABLE IF EXISTS otc_error_findings;
DROP TABLE IF EXISTS otc_code_lookup;
CREATE TABLE otc_code_lookup (code_key String, code String, service String, status UInt16, category String, retryable UInt8, strategy String, message String) ENGINE = Memory;

-- Two steps: the whole matches in each line (a pattern without groups, which RE2 runs as a DFA),
-- then the groups of each whole match.
CREATE VIEW otc_error_findings AS
SELECT DISTINCT line_no, code, catalogue_code != '' AS known, catalogue_code, service,
       if(catalogue_code = '', 'unknown', category) AS category, retryable, if(catalogue_code = '', 'never', strategy) AS strategy
FROM (
  SELECT line_no, concat(${groups.map((g) => `g${g}`).join(', ')}) AS code, g${NAME_ONLY_GROUP} != '' AS by_name, lower(code) AS code_key
  FROM (
    SELECT line_no, ${extracts.map((e, i) => `${e} AS g${i + 1}`).join(',\n      ')}
    FROM (
      SELECT line_no, arrayJoin(extractAll(line, ${clickhouseString(whole)})) AS whole
      FROM otc_log_lines
      WHERE match(line, ${clickhouseString(dialectPrefilter('re2'))})
    )
  )
)
ANY LEFT JOIN (SELECT code_key, code AS catalogue_code, service, category, retryable, strategy FROM otc_code_lookup) USING code_key
WHERE NOT (by_name AND catalogue_code = '');

-- ClickHouse 20.x and later: the lookup as a dictionary, for dictGet in any query, e.g.
--   dictGetOrDefault('otc_codes', 'category', tuple(lower(code)), 'unknown')
-- CREATE DICTIONARY otc_codes (code_key String, code String, service String, status UInt16, category String, retryable UInt8, strategy String, message String)
-- PRIMARY KEY code_key SOURCE(CLICKHOUSE(TABLE 'otc_code_lookup')) LAYOUT(COMPLEX_KEY_HASHED()) LIFETIME(0);
`
  )
}

// -------------------------------------------------------------------------------------
// Elasticsearch
// -------------------------------------------------------------------------------------

const ES_INDEX = 'otc-codes'

const elasticsearchFiles = (catalog: Catalog, rows: ReadonlyArray<LookupRow>): ReadonlyArray<EngineFile> => {
  const bulk = rows.map((r) => `${JSON.stringify({ index: { _index: ES_INDEX, _id: r.code_key } })}\n${JSON.stringify(r)}\n`).join('')
  const policy = { match: { indices: ES_INDEX, match_field: 'code_key', enrich_fields: LOOKUP_COLUMNS.filter((c) => c !== 'code_key') } }
  // Painless: every match, the first group that took part, once per line; a name-only match is
  // kept with a flag and dropped after the enrich step when the lookup found nothing.
  const script = [
    `if (!(ctx.message instanceof String)) { return; }`,
    `def m = /${dialectPattern(catalog.prefixes(), 'java')}/.matcher(ctx.message);`,
    `def seen = new HashSet(); def found = [];`,
    `while (m.find()) { for (int g = 1; g <= ${CODE_GROUPS}; g++) { def c = m.group(g); if (c != null) {`,
    `  if (seen.add(c)) { found.add(['code': c, 'code_key': c.toLowerCase(), 'by_name': g == ${NAME_ONLY_GROUP}]); } break; } } }`,
    `if (found.size() > 0) { ctx.otc_errors = found; }`,
  ].join('\n')
  const pipeline = {
    description: 'OTC error codes in message, classified with the otc-codes enrich policy (otc-errors catalog export --format elasticsearch)',
    processors: [
      { script: { lang: 'painless', source: script } },
      {
        foreach: {
          field: 'otc_errors',
          ignore_missing: true,
          processor: { enrich: { policy_name: ES_INDEX, field: '_ingest._value.code_key', target_field: '_ingest._value.catalogue', ignore_missing: true } },
        },
      },
      {
        script: {
          lang: 'painless',
          source:
            "if (ctx.otc_errors != null) { ctx.otc_errors.removeIf(f -> f.by_name && f.catalogue == null); for (def f : ctx.otc_errors) { f.category = f.catalogue == null ? 'unknown' : f.catalogue.category; f.remove('by_name'); } }",
        },
      },
    ],
  }
  return [
    { name: 'otc-codes.bulk.ndjson', content: bulk },
    { name: 'otc-codes.enrich-policy.json', content: `${JSON.stringify(policy, null, 2)}\n` },
    { name: 'otc-errors.ingest-pipeline.json', content: `${JSON.stringify(pipeline, null, 2)}\n` },
  ]
}

// -------------------------------------------------------------------------------------
// Vector and the OpenTelemetry Collector
// -------------------------------------------------------------------------------------

const indent = (text: string, by: string): string =>
  text
    .split('\n')
    .map((l) => (l === '' ? l : by + l))
    .join('\n')

const vectorYaml = (catalog: Catalog): string => {
  const vrl = `# Every code in .message, once per line, classified with the otc_codes table.
found = []
seen = {}
matches = parse_regex_all(string(.message) ?? "", r'${dialectPattern(catalog.prefixes(), 'rust')}', numeric_groups: true) ?? []
for_each(matches) -> |_index, m| {
  candidates = compact([${groups.map((g) => `m."${g}"`).join(', ')}])
  code = string(candidates[0]) ?? ""
  if code != "" && !exists(seen.(code)) {
    row, err = get_enrichment_table_record("otc_codes", {"code_key": downcase(code)})
    if err == null || m."${NAME_ONLY_GROUP}" == null {
      seen = set!(seen, [code], true)
      found = push(found, {"code": code, "known": err == null, "category": if err == null { row.category } else { "unknown" }, "retryable": if err == null { row.retryable } else { false }})
    }
  }
}
if length(found) > 0 { .otc_errors = found }
`
  return `# otc-errors catalog export --format vector: merge into your vector.yaml; otc-code-lookup.csv beside it.
enrichment_tables:
  otc_codes:
    type: file
    file:
      path: ./otc-code-lookup.csv
      encoding:
        type: csv
    schema:
${LOOKUP_COLUMNS.map((c) => `      ${c}: ${c === 'retryable' ? 'boolean' : 'string'}`).join('\n')}

transforms:
  otc_errors:
    type: remap
    inputs: ["your_source"]
    source: |
${indent(vrl, '      ')}`
}

/** An OTTL string literal inside a YAML single-quoted scalar. */
const ottlInYaml = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`.replace(/'/g, "''")

const otelYaml = (catalog: Catalog): string => {
  const statements = [
    `merge_maps(attributes, ExtractPatterns(body, ${ottlInYaml(dialectPattern(catalog.prefixes(), 'go'))}), "upsert") where IsString(body)`,
    ...groups.map((g) => `set(attributes["error.code"], attributes["c${g}"]) where attributes["error.code"] == nil and attributes["c${g}"] != nil`),
    `set(attributes["otc.by_name"], true) where attributes["c${NAME_ONLY_GROUP}"] != nil`,
    `delete_matching_keys(attributes, "^c[1-${CODE_GROUPS}]$")`,
    `set(attributes["otc.code_key"], ConvertCase(attributes["error.code"], "lower")) where attributes["error.code"] != nil`,
  ]
  const after = [`delete_key(attributes, "error.code") where attributes["otc.by_name"] == true and attributes["error.type"] == "unknown"`, `delete_key(attributes, "otc.by_name")`]
  const list = (xs: ReadonlyArray<string>): string => xs.map((s) => `          - '${s}'`).join('\n')
  return `# otc-errors catalog export --format otel: processors for an OpenTelemetry Collector (contrib)
# build with the transform and lookup processors; otc-code-lookup.csv beside it. ExtractPatterns
# returns the first match of a line: one code per log record.
processors:
  transform/otc_errors_extract:
    log_statements:
      - context: log
        statements:
${list(statements)}
  lookup/otc_errors:
    source:
      type: csv
      path: ./otc-code-lookup.csv
      key_column: code_key
    lookups:
      - key: attributes["otc.code_key"]
        attributes:
          - source: category
            destination: error.type
            default: unknown
          - source: code
            destination: otc.catalogue_code
          - source: strategy
            destination: otc.retry.strategy
          - source: retryable
            destination: otc.retryable
  transform/otc_errors_unknown_names:
    log_statements:
      - context: log
        statements:
${list(after)}

# service:
#   pipelines:
#     logs:
#       processors: [transform/otc_errors_extract, lookup/otc_errors, transform/otc_errors_unknown_names]
`
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The files of an engine export. Every engine gets the lookup table (CSV, or a bulk body for
 * Elasticsearch) and what extracts and joins codes: SQL (PostgreSQL, DuckDB, ClickHouse), an
 * ingest pipeline and enrich policy (Elasticsearch), a configuration snippet (Vector, the
 * OpenTelemetry Collector), and the log pattern in the engine's dialect on its own.
 *
 * @example
 * import { defaultCatalog, engineExport } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const files = engineExport(defaultCatalog(), 'postgres')
 * assert.deepStrictEqual(files.map((f) => f.name), ['otc-code-lookup.csv', 'otc-errors.postgres.sql', 'otc-code-pattern.postgres.txt'])
 *
 * @since 0.1.0
 * @category destructors
 */
export const engineExport = (catalog: Catalog, engine: Engine): ReadonlyArray<EngineFile> => {
  const rows = lookupRows(catalog)
  const prefixes = catalog.prefixes()
  const pattern = (dialect: Parameters<typeof dialectPattern>[1]): EngineFile => ({
    name: `otc-code-pattern.${engine}.txt`,
    content: `${dialectPattern(prefixes, dialect)}\n`,
  })
  switch (engine) {
    case 'postgres':
      return [{ name: 'otc-code-lookup.csv', content: lookupCsv(rows) }, { name: 'otc-errors.postgres.sql', content: postgresSql(catalog) }, pattern('postgres')]
    case 'duckdb':
      return [{ name: 'otc-code-lookup.csv', content: lookupCsv(rows) }, { name: 'otc-errors.duckdb.sql', content: duckdbSql(catalog) }, pattern('re2')]
    case 'clickhouse':
      return [
        { name: 'otc-code-lookup.clickhouse.csv', content: lookupCsv(rows, 'numeric') },
        { name: 'otc-errors.clickhouse.sql', content: clickhouseSql(catalog) },
        pattern('re2'),
      ]
    case 'elasticsearch':
      return [...elasticsearchFiles(catalog, rows), pattern('java')]
    case 'vector':
      return [{ name: 'otc-code-lookup.csv', content: lookupCsv(rows) }, { name: 'vector.otc-errors.yaml', content: vectorYaml(catalog) }, pattern('rust')]
    case 'otel':
      return [{ name: 'otc-code-lookup.csv', content: lookupCsv(rows) }, { name: 'otelcol.otc-errors.yaml', content: otelYaml(catalog) }, pattern('go')]
  }
}
