// The ClickHouse export run for real: a throwaway clickhouse-server on 127.0.0.1 (Debian's
// package; its own config, data and port in a temporary directory), the lookup table and view of
// `catalog export --format clickhouse` over a generated log, compared with `classify`.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfAvailable } from '../support/needs.js'
import { classifyPerCode, cli, perCode, writeLog } from './agreement.js'

const server = ['/usr/bin/clickhouse-server', '/usr/sbin/clickhouse-server', '/usr/bin/clickhouse'].find(existsSync)
const client = ['/usr/bin/clickhouse-client'].find(existsSync)
const missing =
  server === undefined
    ? 'no clickhouse-server: `apt-get install -y clickhouse-server` (.ci/run does)'
    : client === undefined
      ? 'no clickhouse-client: `apt-get install -y clickhouse-client`'
      : null

/** A port nobody listens on right now. */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))))
    })
  })

describeIfAvailable(missing)('ClickHouse: codes found and classified inside the engine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otc-clickhouse-'))
  let port = 0
  let child: ChildProcess | undefined
  const query = (args: ReadonlyArray<string>, input?: string): string =>
    execFileSync(client!, ['--host', '127.0.0.1', '--port', String(port), ...args], { cwd: dir, input, encoding: 'utf8', maxBuffer: 64 << 20 })

  beforeAll(async () => {
    port = await freePort()
    for (const sub of ['data', 'tmp', 'files']) mkdirSync(join(dir, sub))
    writeFileSync(
      join(dir, 'config.xml'),
      `<yandex><logger><level>warning</level><console>1</console></logger><listen_host>127.0.0.1</listen_host>` +
        `<tcp_port>${port}</tcp_port><path>${dir}/data/</path><tmp_path>${dir}/tmp/</tmp_path><user_files_path>${dir}/files/</user_files_path>` +
        `<users_config>users.xml</users_config><default_profile>default</default_profile><default_database>default</default_database>` +
        `<mark_cache_size>5368709</mark_cache_size></yandex>\n`,
    )
    writeFileSync(
      join(dir, 'users.xml'),
      `<yandex><profiles><default></default></profiles><users><default><password></password><networks><ip>127.0.0.1</ip></networks>` +
        `<profile>default</profile><quota>default</quota></default></users><quotas><default></default></quotas></yandex>\n`,
    )
    const args = server!.endsWith('/clickhouse') ? ['server', `--config-file=${dir}/config.xml`] : [`--config-file=${dir}/config.xml`]
    child = spawn(server!, args, { cwd: dir, stdio: 'ignore' })
    // Ready when the client gets an answer; give up after a number of tries, not a time.
    for (let tries = 0; ; tries++) {
      if (spawnSync(client!, ['--host', '127.0.0.1', '--port', String(port), '--query', 'SELECT 1']).status === 0) break
      if (tries > 300 || child.exitCode !== null) throw new Error(`clickhouse-server did not start (exit ${String(child.exitCode)})`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }, 120_000)
  afterAll(() => {
    child?.kill('SIGKILL')
  })

  it('agrees with classify on every code of the generated log', () => {
    const log = writeLog(dir)
    cli(['catalog', 'export', '--format', 'clickhouse', '--out', dir])
    query(['--multiquery'], readFileSync(join(dir, 'otc-errors.clickhouse.sql'), 'utf8'))
    query(['--format_csv_allow_single_quotes=0', '--query', 'INSERT INTO otc_code_lookup FORMAT CSVWithNames'], readFileSync(join(dir, 'otc-code-lookup.clickhouse.csv'), 'utf8'))
    // TabSeparated escapes backslashes and tabs: the lines arrive as they are in the file.
    const tsv = log.lines.map((line, i) => `${i + 1}\t${line.replace(/\\/g, '\\\\').replace(/\t/g, '\\t')}\n`).join('')
    query(['--query', 'INSERT INTO otc_log_lines FORMAT TabSeparated'], tsv)
    expect(query(['--query', 'SELECT count() FROM otc_log_lines']).trim()).toBe(String(log.lines.length))
    const rows = query([
      '--query',
      "SELECT code, count(), arrayStringConcat(groupUniqArray(category), ',') FROM otc_error_findings GROUP BY code ORDER BY code FORMAT TabSeparated",
    ])
      .trim()
      .split('\n')
      .map((row) => row.split('\t') as unknown as readonly [string, number, string])
    const library = classifyPerCode(log.path)
    expect(Object.keys(library).length).toBeGreaterThan(300)
    expect(perCode(rows)).toEqual(library)
  })
})
