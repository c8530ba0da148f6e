// How the engine exports do at scale: for a generated log (bench/engines/generate.mjs, 200 MB by
// default), per engine the time to load it and the time of the per-code query over the
// `otc_error_findings` view, and whether the per-code counts and categories agree with the
// library's (classifyStream, in process). Engines that are not installed are skipped and say so.
// Throwaway servers (PostgreSQL on a socket, ClickHouse on 127.0.0.1) live in a temporary
// directory and are stopped at the end. Not a test: nothing here is asserted.
//
// Usage: npm run bench:engines [-- MEGABYTES] [-- ENGINES]   e.g. npm run bench:engines -- 50 duckdb,postgres
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, chmodSync, chownSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const [megabytes = '200', only = 'duckdb,postgres,clickhouse'] = process.argv.slice(2)
const engines = only.split(',')
const outDir = join(root, 'bench', 'out')
mkdirSync(outDir, { recursive: true })
const log = join(outDir, `engines-${megabytes}mb.log`)
const bin = join(root, 'dist', 'src', 'cli', 'bin.js')
const work = mkdtempSync(join(tmpdir(), 'otc-bench-engines-'))
chmodSync(work, 0o755)

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1)
const say = (text) => process.stdout.write(`${text}\n`)

if (!existsSync(log)) execFileSync(process.execPath, [join(root, 'bench', 'engines', 'generate.mjs'), log, megabytes], { stdio: 'inherit' })
const size = statSync(log).size
say(`log: ${log} (${(size / 1024 / 1024).toFixed(0)} MB)`)

// The library's answer, per code: count and categories.
const { classifyStream } = await import(join(root, 'dist', 'node', 'logs.js'))
const perCode = new Map()
const add = (code, category) => {
  const c = perCode.get(code) ?? { count: 0, categories: new Set() }
  c.count += 1
  c.categories.add(category)
  perCode.set(code, c)
}
let started = performance.now()
const stats = await classifyStream(createReadStream(log, { highWaterMark: 4 << 20 }), (f) => add(f.code, f.category))
say(`classify (library, in process): ${seconds(started)} s, ${stats.lines} lines, ${[...perCode.values()].reduce((a, c) => a + c.count, 0)} findings of ${perCode.size} codes`)
const library = new Map([...perCode].map(([code, c]) => [code, `${c.count} ${[...c.categories].sort().join(',')}`]))

/** Rows `code, count, categories` from an engine against the library's answer. */
const agreement = (rows) => {
  const engine = new Map(rows.map(([code, count, categories]) => [code, `${Number(count)} ${String(categories).split(',').sort().join(',')}`]))
  const differing = [...new Set([...engine.keys(), ...library.keys()])].filter((code) => engine.get(code) !== library.get(code))
  return differing.length === 0
    ? `agrees on all ${library.size} codes`
    : `DISAGREES on ${differing.length} of ${library.size} codes, e.g. ${differing
        .slice(0, 3)
        .map((c) => `${c}: engine ${engine.get(c)}, classify ${library.get(c)}`)
        .join('; ')}`
}

const exportFor = (engine) => {
  const dir = join(work, engine)
  execFileSync(process.execPath, [bin, 'catalog', 'export', '--format', engine, '--out', dir])
  chmodSync(dir, 0o755)
  return dir
}

const QUERY = "SELECT code, count(*), string_agg(DISTINCT category, ',') FROM otc_error_findings GROUP BY code"

// -------------------------------------------------------------------------------------

const duckdb = async () => {
  let duck
  try {
    duck = await import('@duckdb/node-api')
  } catch {
    return say('duckdb: skipped (no @duckdb/node-api: npm ci)')
  }
  const dir = exportFor('duckdb')
  const instance = await duck.DuckDBInstance.create(':memory:')
  const c = await instance.connect()
  await c.run(readFileSync(join(dir, 'otc-errors.duckdb.sql'), 'utf8').replace("read_csv('otc-code-lookup.csv'", `read_csv('${join(dir, 'otc-code-lookup.csv')}'`))
  started = performance.now()
  await c.run(
    `INSERT INTO otc_log_lines SELECT row_number() OVER () AS line_no, line FROM read_csv('${log}', header = false, columns = {'line': 'VARCHAR'}, delim = '\x01', quote = '', escape = '', auto_detect = false)`,
  )
  const load = seconds(started)
  started = performance.now()
  const result = await c.runAndReadAll(QUERY)
  const query = seconds(started)
  say(`duckdb ${(await c.runAndReadAll('SELECT version()')).getRows()[0][0]}: load ${load} s, query ${query} s, ${agreement(result.getRows())}`)
  c.closeSync()
  instance.closeSync()
}

// eslint-disable-next-line @typescript-eslint/require-await -- async like the other engines' runners, which the main loop awaits
const postgres = async () => {
  const pgBin = ['/usr/local/bin', '/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'].find((d) => existsSync(join(d, 'pg_ctl')))
  const psql = ['/usr/bin/psql', '/usr/local/bin/psql'].find(existsSync)
  if (pgBin === undefined || psql === undefined) return say('postgres: skipped (no pg_ctl/psql)')
  const isRoot = process.getuid?.() === 0
  const user = isRoot ? 'postgres' : (process.env.USER ?? 'postgres')
  const dir = exportFor('postgres')
  const data = join(work, 'pgdata')
  if (isRoot) chownSync(work, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })))
  const asServer = (cmd, args) => execFileSync(isRoot ? 'runuser' : cmd, isRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: 'pipe' })
  asServer(join(pgBin, 'initdb'), ['-D', data, '-A', 'trust', '-U', user])
  asServer(join(pgBin, 'pg_ctl'), ['-D', data, '-w', '-l', join(work, 'pg.log'), '-o', `-k ${work} -c listen_addresses='' -c max_parallel_workers_per_gather=2`, 'start'])
  const sql = (script, files = []) =>
    execFileSync(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', work, '-U', user, '-d', 'postgres', '-A', '-t', '-F', '\t', ...files], {
      cwd: dir,
      input: script,
      encoding: 'utf8',
      maxBuffer: 256 << 20,
    })
  try {
    sql('', ['-f', 'otc-errors.postgres.sql'])
    started = performance.now()
    sql(`\\copy otc_log_lines(line) FROM '${log}' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')\nANALYZE otc_log_lines;\n`)
    const load = seconds(started)
    started = performance.now()
    const rows = sql(`${QUERY};\n`)
      .trim()
      .split('\n')
      .map((r) => r.split('\t'))
    const query = seconds(started)
    say(`postgres ${sql('SHOW server_version;').trim()}: load ${load} s, query ${query} s, ${agreement(rows)}`)
  } finally {
    asServer(join(pgBin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'])
  }
}

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer()
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })

const clickhouse = async () => {
  const server = ['/usr/bin/clickhouse-server', '/usr/sbin/clickhouse-server'].find(existsSync)
  const client = ['/usr/bin/clickhouse-client'].find(existsSync)
  if (server === undefined || client === undefined) return say('clickhouse: skipped (no clickhouse-server/clickhouse-client)')
  const dir = exportFor('clickhouse')
  const home = join(work, 'ch')
  for (const sub of ['data', 'tmp', 'files']) mkdirSync(join(home, sub), { recursive: true })
  const port = await freePort()
  writeFileSync(
    join(home, 'config.xml'),
    `<yandex><logger><level>warning</level><console>1</console></logger><listen_host>127.0.0.1</listen_host><tcp_port>${port}</tcp_port><path>${home}/data/</path><tmp_path>${home}/tmp/</tmp_path><user_files_path>${home}/files/</user_files_path><users_config>users.xml</users_config><default_profile>default</default_profile><default_database>default</default_database><mark_cache_size>5368709</mark_cache_size></yandex>\n`,
  )
  writeFileSync(
    join(home, 'users.xml'),
    '<yandex><profiles><default></default></profiles><users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users><quotas><default></default></quotas></yandex>\n',
  )
  const child = spawn(server, [`--config-file=${home}/config.xml`], { cwd: home, stdio: 'ignore' })
  const args = ['--host', '127.0.0.1', '--port', String(port)]
  try {
    for (let tries = 0; spawnSync(client, [...args, '--query', 'SELECT 1']).status !== 0; tries++) {
      if (tries > 300) throw new Error('clickhouse-server did not start')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const query = (extra, input) => execFileSync(client, [...args, ...extra], { input, encoding: 'utf8', maxBuffer: 256 << 20 })
    query(['--multiquery'], readFileSync(join(dir, 'otc-errors.clickhouse.sql'), 'utf8'))
    query(['--format_csv_allow_single_quotes=0', '--query', 'INSERT INTO otc_code_lookup FORMAT CSVWithNames'], readFileSync(join(dir, 'otc-code-lookup.clickhouse.csv'), 'utf8'))
    // TabSeparated with line numbers, escaped, streamed from the log into the client.
    started = performance.now()
    const insert = spawn(client, [...args, '--query', 'INSERT INTO otc_log_lines FORMAT TabSeparated'], { stdio: ['pipe', 'ignore', 'inherit'] })
    const done = new Promise((resolve, reject) => insert.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`insert exited ${code}`)))))
    let n = 0
    let batch = []
    for await (const line of createInterface({ input: createReadStream(log), crlfDelay: Infinity })) {
      batch.push(`${++n}\t${line.replace(/\\/g, '\\\\').replace(/\t/g, '\\t')}\n`)
      if (batch.length >= 10_000) {
        if (!insert.stdin.write(batch.join(''))) await new Promise((resolve) => insert.stdin.once('drain', resolve))
        batch = []
      }
    }
    insert.stdin.end(batch.join(''))
    await done
    const load = seconds(started)
    started = performance.now()
    const rows = query(['--query', "SELECT code, count(), arrayStringConcat(groupUniqArray(category), ',') FROM otc_error_findings GROUP BY code FORMAT TabSeparated"])
      .trim()
      .split('\n')
      .map((r) => r.split('\t'))
    const took = seconds(started)
    say(`clickhouse ${query(['--query', 'SELECT version()']).trim()}: load ${load} s, query ${took} s, ${agreement(rows)}`)
  } finally {
    child.kill('SIGKILL')
  }
}

const runs = { duckdb, postgres, clickhouse }
try {
  for (const engine of engines) {
    if (runs[engine] === undefined) say(`${engine}: no such engine here (${Object.keys(runs).join(', ')})`)
    else await runs[engine]()
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
