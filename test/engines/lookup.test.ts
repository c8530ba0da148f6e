import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { defaultCatalog } from '../../src/catalog/index.js'
import * as _ from '../../src/engines/lookup.js'

const catalog = defaultCatalog()
const rows = _.lookupRows(catalog)

describe('lookupRows', () => {
  it('has one row per key, each the answer of a lookup without a status', () => {
    expect(new Set(rows.map((r) => r.code_key)).size).toBe(rows.length)
    for (const row of rows) {
      const entry = catalog.lookup(row.code_key)
      expect(O.isSome(entry) && [entry.value.code, entry.value.category, entry.value.retry, entry.value.status]).toEqual([row.code, row.category, row.strategy, row.status])
      expect(row.code_key).toBe(row.code_key.toLowerCase())
    }
  })
  it('covers every code of the catalogue and the gateway alias spelling', () => {
    const keys = new Set(rows.map((r) => r.code_key))
    for (const e of catalog.entries()) expect(keys.has(e.code.toLowerCase())).toBe(true)
    const apig = rows.filter((r) => r.service === 'APIG' && r.code_key.startsWith('apig.'))
    expect(apig.length).toBeGreaterThan(50)
    for (const r of apig) expect(keys.has(r.code_key.replace(/^apig\./, 'apigw.'))).toBe(true)
  })
})

describe('lookupCsv', () => {
  it('writes numeric booleans and statuses for ClickHouse, text ones elsewhere', () => {
    const row = { code_key: 'as.0001', code: 'AS.0001', service: 'AS', status: null, category: 'server', retryable: true, strategy: 'backoff', message: '+1, "quoted"' }
    expect(_.lookupCsv([row])).toBe('code_key,code,service,status,category,retryable,strategy,message\r\nas.0001,AS.0001,AS,,server,true,backoff,"\'+1, ""quoted"""\r\n')
    expect(_.lookupCsv([row], 'numeric').split('\r\n')[1]).toBe('as.0001,AS.0001,AS,0,server,1,backoff,"\'+1, ""quoted"""')
  })
})
