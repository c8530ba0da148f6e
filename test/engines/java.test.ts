// The Elasticsearch export's pattern in java.util.regex (the engine Painless scripts use), run by
// the JDK over the generated log; the lookup join done here with the exported bulk body's rows.
// Agreement with `classify` checks the dialect translation and the lookup rows, short of a
// running Elasticsearch (see docs/log-engines.md: its ingest pipeline is not run by the tests).
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { describeIfAvailable } from '../support/needs.js'
import { classifyPerCode, cli, type PerCode, writeLog } from './agreement.js'

const java = spawnSync('java', ['-version']).status === 0
const probe = new URL('./CodeProbe.java', import.meta.url).pathname

describeIfAvailable(java ? null : 'no java (a JDK 11 or later): `apt-get install -y default-jdk-headless`')('Elasticsearch pattern (java.util.regex)', () => {
  it('finds the codes classify finds, and the bulk rows classify them alike', () => {
    const dir = mkdtempSync(join(tmpdir(), 'otc-java-'))
    const log = writeLog(dir)
    cli(['catalog', 'export', '--format', 'elasticsearch', '--out', dir])
    const bulk = readFileSync(join(dir, 'otc-codes.bulk.ndjson'), 'utf8').trim().split('\n')
    const category = new Map<string, string>()
    for (let i = 1; i < bulk.length; i += 2) {
      const doc = JSON.parse(bulk[i] ?? '{}') as { code_key: string; category: string }
      category.set(doc.code_key, doc.category)
    }
    const out = execFileSync('java', [probe, join(dir, 'otc-code-pattern.elasticsearch.txt'), log.path], { encoding: 'utf8', maxBuffer: 64 << 20 })
    // What the ingest pipeline's scripts do: once per line, a name-only match only when known.
    const counts = new Map<string, { count: number; categories: Set<string> }>()
    const seen = new Set<string>()
    for (const row of out.trim().split('\n')) {
      const [line, code = '', byName] = row.split('\t')
      const known = category.get(code.toLowerCase())
      if (byName === '1' && known === undefined) continue
      if (seen.has(`${line} ${code}`)) continue
      seen.add(`${line} ${code}`)
      const c = counts.get(code) ?? { count: 0, categories: new Set<string>() }
      c.count += 1
      c.categories.add(known ?? 'unknown')
      counts.set(code, c)
    }
    const engine: PerCode = Object.fromEntries([...counts].map(([code, c]) => [code, { count: c.count, categories: [...c.categories].sort().join(',') }]))
    const library = classifyPerCode(log.path)
    expect(Object.keys(library).length).toBeGreaterThan(300)
    expect(engine).toEqual(library)
  })
})
