// The PostgreSQL recipe of docs/log-engines.md, run for real: a throwaway server on a local
// socket, the catalogue export loaded with COPY, log findings from `classify --format ndjson`
// loaded beside it, and the documented join. Skipped where PostgreSQL is not installed.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfAvailable } from '../support/needs.js'
import { classifyPerCode, cli, perCode, writeLog } from './agreement.js'

const bin = new URL('../../dist/src/cli/bin.js', import.meta.url).pathname
const root = new URL('../..', import.meta.url).pathname
const pgBin = ['/usr/local/bin', '/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'].find(
  (d) => existsSync(join(d, 'pg_ctl')) && existsSync(join(d, 'initdb')),
)
const psql = ['/usr/bin/psql', '/usr/local/bin/psql'].find(existsSync)
const isRoot = process.getuid?.() === 0
const pgUser = isRoot ? spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }) : undefined
const missing =
  pgBin === undefined
    ? 'no PostgreSQL server binaries (pg_ctl, initdb): `apt-get install -y postgresql` (.ci/run does)'
    : psql === undefined
      ? 'no psql client: `apt-get install -y postgresql-client`'
      : isRoot && pgUser?.status !== 0
        ? 'running as root without a postgres user to run the server as: `apt-get install -y postgresql` creates one'
        : null

/** The recipe's SQL, read from the docs page so the documented commands are the tested ones. */
const recipe = (): string => {
  const page = readFileSync(join(root, 'docs', 'log-engines.md'), 'utf8')
  const block = /```sql postgres\n([\s\S]*?)```/.exec(page)
  if (block?.[1] === undefined) throw new Error('docs/log-engines.md has no ```sql postgres block')
  return block[1]
}

describeIfAvailable(missing)('PostgreSQL: enrich log findings with the catalogue export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otc-pg-'))
  const data = join(dir, 'data')
  const socket = dir
  // The server refuses to run as root: run it as the postgres user then.
  const asServer = (cmd: string, args: ReadonlyArray<string>) =>
    isRoot ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' }) : execFileSync(cmd, [...args], { stdio: 'pipe' })
  const sql = (script: string, files: ReadonlyArray<string> = []) =>
    execFileSync(
      psql!,
      ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', socket, '-U', isRoot ? 'postgres' : (process.env['USER'] ?? 'postgres'), '-d', 'postgres', '-A', '-t', '-F', '|', ...files],
      { cwd: dir, input: script, encoding: 'utf8', maxBuffer: 64 << 20 },
    )

  beforeAll(() => {
    if (isRoot) {
      const uid = Number(pgUser!.stdout.trim())
      chownSync(dir, uid, Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()))
    }
    chmodSync(dir, 0o755)
    asServer(join(pgBin!, 'initdb'), ['-D', data, '-A', 'trust', '-U', isRoot ? 'postgres' : (process.env['USER'] ?? 'postgres')])
    asServer(join(pgBin!, 'pg_ctl'), ['-D', data, '-w', '-l', join(dir, 'server.log'), '-o', `-k ${socket} -c listen_addresses=''`, 'start'])
  }, 60_000)
  afterAll(() => {
    try {
      asServer(join(pgBin!, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'])
    } catch {
      // already stopped
    }
  })

  it('joins classify findings against the exported catalogue', () => {
    const run = (args: ReadonlyArray<string>, input?: string) => execFileSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 << 20 })
    writeFileSync(join(dir, 'otc-codes.csv'), run(['catalog', 'export', '--format', 'csv']))
    const log = [
      '2026-11-23T10:00:01Z ERROR status=429 {"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}',
      '2026-11-23T10:00:02Z WARN HTTP/1.1 404 {\\"error_code\\":\\"IMG.0027\\",\\"error_msg\\":\\"The image does not exist.\\"}',
      '2026-11-23T10:00:03Z INFO nothing to see',
      '2026-11-23T10:00:04Z ERROR request failed: ecs.0005 (status=400)',
      '2026-11-23T10:00:05Z ERROR status=429 {"error_code":"APIGW.0308","error_msg":"again"}',
      '2026-11-23T10:00:06Z ERROR status=500 {"error_code":"SHOP.0001","error_msg":"not ours"}',
    ].join('\n')
    writeFileSync(join(dir, 'findings.ndjson'), run(['classify', '--format', 'ndjson'], log))
    const out = sql(recipe()).trim().split('\n')
    expect(out).toEqual([
      'APIGW.0308|APIG.0308|429|throttled|backoff|2',
      'IMG.0027|IMG.0027|404|not-found|never|1',
      'SHOP.0001||500|||1',
      'ecs.0005|Ecs.0005|400|validation|never|1',
    ])
  })

  it('finds, counts and classifies codes inside the engine as classify does (catalog export --format postgres)', () => {
    const log = writeLog(dir)
    cli(['catalog', 'export', '--format', 'postgres', '--out', dir])
    // COPY's csv format with characters no log line holds as quote and delimiter: one line, one row.
    const out = sql(
      "\\copy otc_log_lines(line) FROM 'app.log' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')\n" +
        'SELECT count(*) FROM otc_log_lines;\n' +
        "SELECT code, count(*), string_agg(DISTINCT category, ',') FROM otc_error_findings GROUP BY code ORDER BY code;\n",
      ['-f', 'otc-errors.postgres.sql', '-f', '-'],
    )
      .trim()
      .split('\n')
    expect(out[0]).toBe(String(log.lines.length))
    const engine = perCode(out.slice(1).map((row) => row.split('|') as unknown as readonly [string, number, string]))
    const library = classifyPerCode(log.path)
    expect(Object.keys(library).length).toBeGreaterThan(300)
    expect(engine).toEqual(library)
  })
})
