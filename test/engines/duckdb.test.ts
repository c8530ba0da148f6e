// The DuckDB export run for real, in process (@duckdb/node-api): the lookup table and view of
// `catalog export --format duckdb` over a generated log give the same codes, counts and
// categories as `classify`.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfAvailable } from '../support/needs.js'
import { classifyPerCode, cli, perCode, writeLog } from './agreement.js'

type Duck = typeof import('@duckdb/node-api')
let duck: Duck | undefined
try {
  duck = await import('@duckdb/node-api')
} catch {
  duck = undefined
}

describeIfAvailable(duck === undefined ? 'no @duckdb/node-api (its native binary comes with `npm ci`)' : null)('DuckDB: codes found and classified inside the engine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otc-duckdb-'))
  let connection: Awaited<ReturnType<Awaited<ReturnType<Duck['DuckDBInstance']['create']>>['connect']>> | undefined
  let instance: Awaited<ReturnType<Duck['DuckDBInstance']['create']>> | undefined

  beforeAll(async () => {
    instance = await duck!.DuckDBInstance.create(':memory:')
    connection = await instance.connect()
  })
  afterAll(() => {
    connection?.closeSync()
    instance?.closeSync()
  })

  it('agrees with classify on every code of the generated log', async () => {
    const log = writeLog(dir)
    cli(['catalog', 'export', '--format', 'duckdb', '--out', dir])
    const c = connection!
    // The recipe reads otc-codes.csv relative to the working directory: point it at dir.
    const script = readFileSync(join(dir, 'otc-errors.duckdb.sql'), 'utf8').replace("read_csv('otc-code-lookup.csv'", `read_csv('${join(dir, 'otc-code-lookup.csv')}'`)
    await c.run(script)
    await c.run(
      `INSERT INTO otc_log_lines SELECT row_number() OVER () AS line_no, line FROM read_csv('${log.path}', header = false, columns = {'line': 'VARCHAR'}, delim = '\x01', quote = '', escape = '', auto_detect = false)`,
    )
    const loaded = await c.runAndReadAll('SELECT count(*)::INTEGER FROM otc_log_lines')
    expect(loaded.getRows()[0]?.[0]).toBe(log.lines.length)
    const result = await c.runAndReadAll("SELECT code, count(*)::INTEGER, string_agg(DISTINCT category, ',') FROM otc_error_findings GROUP BY code ORDER BY code")
    const engine = perCode(result.getRows() as unknown as ReadonlyArray<readonly [string, number, string]>)
    const library = classifyPerCode(log.path)
    expect(Object.keys(library).length).toBeGreaterThan(300)
    expect(engine).toEqual(library)
  })
})
