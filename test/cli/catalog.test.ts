// `catalog export`, `validate --strict` and `--catalog`, spawned as users run them.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultCatalog } from '../../src/catalog/index.js'
import { readCsv } from '../support/csv.js'

const bin = new URL('../../dist/src/cli/bin.js', import.meta.url).pathname
const root = new URL('../..', import.meta.url).pathname
const run = (args: ReadonlyArray<string>, input?: string) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 << 20 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const shop = {
  service: 'SHOP',
  title: 'Shop',
  prefixes: ['SHOP'],
  sources: [],
  entries: [{ code: 'SHOP.0001', status: 409, message: 'Basket "locked", sorry.', category: 'conflict', retry: 'backoff', remedy: 'Wait, then retry.' }],
}

describe('otc-errors catalog export', () => {
  it('prints every entry as CSV with stable columns, quoting where needed', () => {
    const r = run(['catalog', 'export'])
    expect(r.code).toBe(0)
    const [header, ...rows] = readCsv(r.stdout)
    expect(header).toEqual(['code', 'service', 'status', 'category', 'retryable', 'strategy', 'message'])
    expect(rows.length).toBe(defaultCatalog().entries().length)
    const gateway = rows.find((row) => row[0] === 'APIG.0308')
    expect(gateway).toEqual(['APIG.0308', 'APIG', '429', 'throttled', 'true', 'backoff', 'The throttling threshold has been reached.'])
    // A message with commas or quotes survives the round trip.
    for (const row of rows) expect(row.length).toBe(7)
  })
  it('prints NDJSON and JSON with the same rows', () => {
    const nd = run(['catalog', 'export', '--format', 'ndjson'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    const json = JSON.parse(run(['catalog', 'export', '--format', 'json']).stdout) as Array<Record<string, unknown>>
    expect(nd).toEqual(json)
    expect(Object.keys(nd[0]!)).toEqual(['code', 'service', 'status', 'category', 'retryable', 'strategy', 'message'])
  })
  it('layers --catalog files, and refuses a bad format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'otc-export-'))
    writeFileSync(join(dir, 'shop.json'), JSON.stringify(shop))
    const rows = readCsv(run(['catalog', 'export', '--catalog', dir]).stdout)
    expect(rows.find((row) => row[0] === 'SHOP.0001')).toEqual(['SHOP.0001', 'SHOP', '409', 'conflict', 'true', 'backoff', 'Basket "locked", sorry.'])
    const bad = run(['catalog', 'export', '--format', 'xml'])
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([
      2,
      'otc-errors catalog: --format expects one of csv, ndjson, json, postgres, duckdb, clickhouse, elasticsearch, vector, otel, got "xml"',
    ])
  })
})

describe('--catalog and validate --strict', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otc-layer-'))
  writeFileSync(join(dir, 'shop.json'), JSON.stringify(shop))
  it('lookup and explain see the user catalogue', () => {
    expect(JSON.parse(run(['lookup', 'shop.0001', '--json', '--catalog', join(dir, 'shop.json')]).stdout)).toMatchObject({ code: 'SHOP.0001', category: 'conflict', known: true })
    const x = JSON.parse(run(['explain', '--status', '409', '--json', '--catalog', dir], '{"error_code":"SHOP.0001","error_msg":"locked"}').stdout)
    expect(x).toMatchObject({ code: 'SHOP.0001', service: 'SHOP', known: true, category: 'conflict', retry: { retryable: true, strategy: 'backoff' } })
  })
  it('classify sees the user catalogue, prefix case and all', () => {
    const log = 'status=409 error_code=shop.0001\nerror_code=SHOP.0001\n'
    // Without it, a lower-case unknown prefix is no code at all (like `file.0001`), and SHOP.0001 is unknown.
    const without = run(['classify', '--format', 'ndjson'], log)
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(without).toEqual([{ line: 2, code: 'SHOP.0001', service: 'SHOP', category: 'unknown', retryable: false, known: false }])
    const r = run(['classify', '--format', 'ndjson', '--catalog', dir], log)
    expect(r.code).toBe(0)
    const found = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(found).toEqual([
      { line: 1, code: 'shop.0001', service: 'SHOP', status: 409, category: 'conflict', retryable: true, known: true },
      { line: 2, code: 'SHOP.0001', service: 'SHOP', category: 'conflict', retryable: true, known: true },
    ])
    const bad = run(['classify', '--catalog', join(dir, 'missing.json')], log)
    expect([bad.code, bad.stdout]).toEqual([2, ''])
    expect(bad.stderr).toContain('missing.json')
  })
  it('reports a conflict with the shipped catalogue instead of overwriting it', () => {
    const clash = join(dir, 'clash.json')
    writeFileSync(clash, JSON.stringify({ ...shop, service: 'AS', prefixes: ['AS'], entries: [{ ...shop.entries[0], code: 'AS.0001', status: 500 }] }))
    const r = run(['lookup', 'AS.0001', '--catalog', clash])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${clash}: entries[0] (AS.0001): field "code": conflicts with AS.0001 (status 500) of as.json`)
  })
  it('validate --strict passes on the shipped catalogue and fails on unreviewed entries', () => {
    expect(run(['validate', '--strict']).code).toBe(0)
    const weak = join(mkdtempSync(join(tmpdir(), 'otc-strict-')), 'weak.json')
    writeFileSync(
      weak,
      JSON.stringify({
        ...shop,
        entries: [
          { ...shop.entries[0], category: 'unknown' },
          { ...shop.entries[0], code: 'SHOP.0002', rule: 'fallback: no telling wording' },
        ],
      }),
    )
    expect(run(['validate', weak]).code).toBe(0)
    const r = run(['validate', weak, '--strict'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`${weak}: entries[0] (SHOP.0001): field "category": "unknown" is not a reviewed classification (strict)`)
    expect(r.stdout).toContain(`${weak}: entries[1] (SHOP.0002): field "rule": set by a weak rule`)
  })

  it('writes an engine export to --out, one lookup row per spelling, formulas neutralised, secrets redacted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'otc-engine-'))
    const risky = { ...shop, entries: [{ ...shop.entries[0], code: 'SHOP.0002', message: '=HYPERLINK("http://x") X-Auth-Token: MIIabcdefghijklmnopqrstuvwxyz0123456789' }] }
    writeFileSync(join(dir, 'shop.json'), JSON.stringify(risky))
    const r = run(['catalog', 'export', '--format', 'postgres', '--out', join(dir, 'pg'), '--catalog', join(dir, 'shop.json')])
    expect(r.code).toBe(0)
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((p) => p.slice(dir.length + 4)),
    ).toEqual(['otc-code-lookup.csv', 'otc-errors.postgres.sql', 'otc-code-pattern.postgres.txt'])
    const csv = readCsv(readFileSync(join(dir, 'pg', 'otc-code-lookup.csv'), 'utf8'))
    expect(csv[0]).toEqual(['code_key', 'code', 'service', 'status', 'category', 'retryable', 'strategy', 'message'])
    const row = csv.find((c) => c[0] === 'shop.0002')
    expect(row?.[7]?.startsWith("'=HYPERLINK")).toBe(true)
    expect(row?.[7]).not.toContain('MIIabcdefghijklmnopqrstuvwxyz0123456789')
    expect(csv.find((c) => c[0] === 'apigw.0308')?.[1]).toBe('APIG.0308')
    expect(new Set(csv.map((c) => c[0])).size).toBe(csv.length)
    const noOut = run(['catalog', 'export', '--format', 'duckdb'])
    expect([noOut.code, noOut.stderr.split('\n')[0]]).toEqual([2, 'otc-errors catalog: --format duckdb writes several files: give a directory with --out DIR'])
  })
})
