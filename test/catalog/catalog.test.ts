import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { shippedFiles } from './shippedFiles.js'
import * as _ from '../../src/catalog/index.js'

const entryOf = (code: string, status?: number) => {
  const found = _.lookup(code, status)
  if (O.isNone(found)) throw new Error(`${code} not in the catalogue`)
  return found.value
}

describe('the shipped catalogue', () => {
  it('passes validation', () => {
    const r = _.validateCatalog(shippedFiles)
    expect(E.isLeft(r) ? r.left.map(_.drawIssue) : []).toEqual([])
  })
  it('covers the seed services, the gateway and IAM', () => {
    for (const prefix of ['AS', 'IMG', 'LTS', 'SFS', 'SFS.TURBO', 'ModelArts', 'VPN', 'APIG', 'APIGW', 'IAM']) {
      expect(_.defaultCatalog().hasPrefix(prefix), prefix).toBe(true)
    }
    expect(entryOf('AS.0001').message).toBe('System error.')
    expect(entryOf('IMG.0001').message).toBe('The request message format is invalid.')
  })
  it('spells the service as the catalogue does', () => {
    expect(entryOf('AS.0001').service).toBe('AS')
    expect(entryOf('modelarts.0210').service).toBe('ModelArts')
    expect(entryOf('APIGW.0308').service).toBe('APIG')
    expect(entryOf('1101').service).toBe('IAM')
    expect(entryOf('NoSuchBucket').service).toBe('OBS')
  })
  it('finds codes whatever the case of their prefix', () => {
    expect(entryOf('ECS.0001').code).toBe('Ecs.0001')
    expect(entryOf('CES.0007').code).toBe('ces.0007')
    expect(entryOf('sfs.turbo.0001').code).toBe('SFS.TURBO.0001')
  })
  it('treats APIGW. as an alias of APIG.', () => {
    const e = entryOf('APIGW.0308', 429)
    expect([e.code, e.status, e.category, e.retry]).toEqual(['APIG.0308', 429, 'throttled', 'backoff'])
    expect(_.defaultCatalog().canonicalCode('apigw.0308')).toBe('APIG.0308')
    expect(_.defaultCatalog().canonicalCode('APIGW.9999')).toBe('APIG.9999')
  })
  it('classifies every gateway code documented with 429 as throttled', () => {
    const gateway = _.defaultCatalog()
      .entries()
      .filter((e) => e.service === 'APIG' && e.status === 429)
    expect(gateway.length).toBeGreaterThan(0)
    for (const e of gateway) expect([e.code, e.category]).toEqual([e.code, 'throttled'])
  })
  it('keeps each meaning of a code as a variant picked by the observed status', () => {
    const all = _.defaultCatalog().lookupAll('APIG.0201')
    expect(
      all
        .filter((e) => e.api === 'APIG')
        .map((e) => e.status)
        .sort(),
    ).toEqual([400, 413, 414, 494, 500, 502, 504])
    // OCR's table prints the gateway code too, without a status: a variant of its own, after the gateway's.
    expect(all.filter((e) => e.api !== 'APIG').map((e) => [e.api, e.status])).toEqual([['OCR', null]])
    expect(entryOf('APIG.0201', 413).category).toBe('payload')
    expect(entryOf('APIG.0201', 504).category).toBe('timeout')
    // No exact status: a variant of the same class, then the first.
    expect(entryOf('APIG.0201', 418).status).toBe(400)
    expect(
      _.defaultCatalog()
        .lookupAll('ModelArts.0210')
        .map((e) => e.status),
    ).toEqual([400, 401, 403])
    expect(entryOf('ModelArts.0210', 401).category).toBe('auth')
    // Statuses given as alternatives ("400/404") become one variant each.
    expect(
      _.defaultCatalog()
        .lookupAll('SFS.TURBO.0001')
        .map((e) => e.status),
    ).toEqual([400, 404])
  })
  it('merges rows with the same code and status, keeping the other messages', () => {
    const merged = _.defaultCatalog()
      .entries()
      .filter((e) => (e.otherMessages ?? []).length > 0)
    expect(merged.length).toBeGreaterThan(0)
    for (const e of merged) expect(e.otherMessages).not.toContain(e.message)
  })
  it('gives every entry a remedy and a category', () => {
    for (const e of _.defaultCatalog().entries()) {
      expect(e.remedy.length, e.code).toBeGreaterThan(20)
      expect(e.message.trim(), e.code).not.toBe('')
    }
  })
  it('suggests close codes for an unknown one', () => {
    expect(O.isNone(_.lookup('AS.00011'))).toBe(true)
    expect(_.defaultCatalog().suggest('AS.00011')).toContain('AS.0001')
    expect(_.defaultCatalog().suggest('APIGW.03088')).toContain('APIG.0308')
  })
  it('lookup never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.integer()), (code, status) => {
        const r = status === null ? _.lookup(code) : _.lookup(code, status)
        expect(O.isNone(r) || typeof r.value.code === 'string').toBe(true)
      }),
    )
  })
})

const file = (entries: ReadonlyArray<unknown>, extra: Record<string, unknown> = {}) => ({
  service: 'AS',
  title: 'Auto Scaling',
  prefixes: ['AS'],
  sources: [],
  entries,
  ...extra,
})
const entry = (over: Record<string, unknown> = {}) => ({
  code: 'AS.0001',
  status: 500,
  message: 'System error.',
  category: 'server',
  retry: 'backoff',
  remedy: 'Retry later.',
  ...over,
})
const issuesOf = (name: string, json: unknown) => {
  const r = _.validateCatalogFile(name, json)
  return E.isLeft(r) ? r.left.map(_.drawIssue) : []
}

describe('validation', () => {
  it('accepts a good file', () => {
    expect(issuesOf('as.json', file([entry(), entry({ status: 400, category: 'validation', retry: 'never' })]))).toEqual([])
  })
  it('names the file, the entry and the field of each problem', () => {
    expect(issuesOf('as.json', file([entry(), entry({ code: 'AS.0002', status: 700 })]))).toEqual([
      'as.json: entries[1] (AS.0002): field "status": 700 is not an integer HTTP status from 100 to 599, or null',
    ])
    expect(issuesOf('as.json', file([entry({ category: 'oops' })]))[0]).toMatch(/^as\.json: entries\[0\] \(AS\.0001\): field "category": "oops" is not one of /)
    expect(issuesOf('as.json', file([entry({ retry: 'sometimes' })]))[0]).toMatch(/^as\.json: entries\[0\] \(AS\.0001\): field "retry": "sometimes" is not one of /)
    expect(issuesOf('as.json', file([entry({ remedy: undefined })]))).toEqual(['as.json: entries[0] (AS.0001): field "remedy": missing; expected a string'])
    expect(issuesOf('as.json', { ...file([]), service: 3 })).toEqual(['as.json: field "service": 3 is not of the documented type'])
  })
  it('rejects true duplicates but keeps variants', () => {
    expect(issuesOf('as.json', file([entry(), entry({ code: 'as.0001', message: 'Other.' })]))).toEqual([
      'as.json: entries[1] (as.0001): field "status": duplicate of entries[0]: same code, same status 500; merge them (see "otherMessages")',
    ])
  })
  it('rejects codes whose prefix does not belong to the file', () => {
    expect(issuesOf('as.json', file([entry({ code: 'IMG.0001' })]))).toEqual([
      'as.json: entries[0] (IMG.0001): field "code": prefix "IMG" does not belong to this file (its prefixes: AS)',
    ])
    expect(issuesOf('as.json', file([entry({ code: '1101' })]))[0]).toMatch(/has no dotted prefix/)
    expect(issuesOf('iam.json', file([entry({ code: '1101' })], { bareCodes: true }))).toEqual([])
  })
  it('rejects a prefix owned by two files, and the same code in two files', () => {
    const r = _.validateCatalog([
      { name: 'a.json', content: file([entry()]) },
      { name: 'b.json', content: file([entry()], { prefixes: ['AS2'], aliases: { AS: 'AS2' } }) },
    ])
    expect(E.isLeft(r) && r.left.map(_.drawIssue)).toEqual([
      'b.json: field "prefixes": prefix "AS" is also owned by a.json',
      'b.json: entries[0] (AS.0001): field "code": same code, status and service as an entry of a.json',
    ])
  })
  it('never lets a __proto__ key reach Object.prototype', () => {
    const json = JSON.parse(
      '{"service":"AS","title":"t","prefixes":["AS"],"sources":[],"__proto__":{"polluted":1},"entries":[{"code":"AS.1","status":400,"message":"m","category":"validation","retry":"never","remedy":"r","__proto__":{"polluted":2}}]}',
    )
    _.validateCatalogFile('as.json', json)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const r = _.validateCatalogFile('x.json', json)
        expect(E.isLeft(r) || E.isRight(r)).toBe(true)
      }),
    )
  })
})

describe('withCatalog', () => {
  const mine = { service: 'SHOP', title: 'Shop', prefixes: ['SHOP'], sources: [], entries: [entry({ code: 'SHOP.0001', status: 409, category: 'conflict', retry: 'never' })] }
  it('layers a user file over the shipped catalogue', () => {
    const r = _.withCatalog([mine])
    expect(E.isRight(r)).toBe(true)
    if (E.isLeft(r)) return
    expect(O.map((e: _.CatalogEntry) => e.category)(r.right.lookup('shop.0001'))).toEqual(O.some('conflict'))
    expect(O.isSome(r.right.lookup('AS.0001'))).toBe(true)
    // The shipped catalogue itself is untouched.
    expect(O.isNone(_.lookup('SHOP.0001'))).toBe(true)
  })
  it('adds a variant to a known code, and reports a clash instead of overwriting', () => {
    const extraVariant = { ...mine, service: 'AS', prefixes: ['AS'], entries: [entry({ status: 418, category: 'validation', retry: 'never', message: 'Teapot.' })] }
    const r = _.withCatalog([{ name: 'local.json', content: extraVariant }])
    expect(E.isRight(r) && r.right.lookupAll('AS.0001').map((e) => e.status)).toEqual([500, 418])
    const clash = _.withCatalog([{ name: 'local.json', content: { ...extraVariant, entries: [entry()] } }])
    expect(E.isLeft(clash) && clash.left.map(_.drawIssue)).toEqual([
      'local.json: entries[0] (AS.0001): field "code": conflicts with AS.0001 (status 500) of as.json; to replace it, set "replaces": true and give a "reason"',
    ])
  })
  it('reports a bad user file by name, entry and field', () => {
    const r = _.withCatalog([{ ...mine, entries: [entry({ code: 'SHOP.0001', status: 'x' })] }])
    expect(E.isLeft(r) && r.left.map(_.drawIssue)).toEqual(['extra[0]: entries[0] (SHOP.0001): field "status": "x" is not an integer HTTP status from 100 to 599, or null'])
  })
})

describe('codes several services print', () => {
  const catalog = _.defaultCatalog()
  it('keeps one variant per service, the owner of the prefix first', () => {
    const apis = catalog.lookupAll('DBS.200010').map((e) => e.api)
    expect(apis[0]).toBe('RDS')
    expect(new Set(apis)).toEqual(new Set(['RDS', 'DDS', 'GaussDB', 'GeminiDB', 'TaurusDB']))
  })
  it('picks the variant of the service the response came from, by name or endpoint label', () => {
    // DBS.200010 is a 400 in DDS and GeminiDB, a 403 in RDS, GaussDB and TaurusDB.
    expect(O.map((e: _.CatalogEntry) => [e.api, e.status])(catalog.lookup('DBS.200010', 400, 'gaussdb-nosql'))).toEqual(O.some(['GeminiDB', 400]))
    expect(O.map((e: _.CatalogEntry) => [e.api, e.status])(catalog.lookup('DBS.200010', 403, 'taurusdb'))).toEqual(O.some(['TaurusDB', 403]))
    expect(O.map((e: _.CatalogEntry) => e.api)(catalog.lookup('VPC.0101', undefined, 'EIP'))).toEqual(O.some('EIP'))
    // An unknown service name falls back to the usual pick.
    expect(O.map((e: _.CatalogEntry) => e.api)(catalog.lookup('DBS.200010', 403, 'nonsense'))).toEqual(O.some('RDS'))
  })
  it('links every OTC entry to its official page, and OpenStack types to their source line', () => {
    for (const e of catalog.entries()) {
      if (e.file === 'neutron.json' || e.file === 'nova.json') expect(e.docsUrl, e.code).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/blob\/[0-9a-f]{40}\/\S+#L\d+$/)
      else expect(e.docsUrl, `${e.file} ${e.code}`).toMatch(/^https:\/\/docs\.otc\.t-systems\.com\/[a-z0-9-]+\/(api-ref|umn)\/[\w/.-]+\.html$/)
    }
    expect(O.map((e: _.CatalogEntry) => e.docsUrl)(catalog.lookup('SubnetNotFound'))).toEqual(O.some(expect.stringContaining('openstack/neutron-lib')))
  })
  it('knows codes of every shape: underscores, several dots, bare numbers, OpenStack types', () => {
    for (const [code, service] of [
      ['SVCSTG_AMS_4000001', 'SVCSTG_AMS'],
      ['SVCSTG.SWR.4000013', 'SVCSTG.SWR'],
      ['CCI.01.400101', 'CCI.01'],
      ['111500032', 'DCS'],
      ['PortNotFound', 'Neutron'],
      ['itemNotFound', 'Nova'],
      ['0176', 'MRS'],
    ] as const) {
      const e = catalog.lookup(code)
      expect(O.isSome(e) && e.value.service, code).toBe(service)
    }
  })
})

describe('replacing a shipped entry', () => {
  const mine = (extra: object) => ({ service: 'AS', title: 'Ours', prefixes: ['AS'], sources: [], entries: [{ ...entry({ category: 'timeout', retry: 'backoff' }), ...extra }] })
  it('replaces it when the entry says so with a reason, and lists the replacement', () => {
    const r = _.withCatalog([{ name: 'ours.json', content: mine({ replaces: true, reason: 'our gateway sends it for timeouts' }) }])
    expect(E.isRight(r)).toBe(true)
    if (E.isLeft(r)) return
    expect(r.right.lookupAll('AS.0001').map((e) => [e.file, e.category])).toEqual([['ours.json', 'timeout']])
    expect(r.right.replacements()).toEqual([{ code: 'AS.0001', status: 500, file: 'ours.json', replaced: 'as.json', reason: 'our gateway sends it for timeouts' }])
  })
  it('needs a reason, and must replace something', () => {
    const noReason = _.withCatalog([{ name: 'ours.json', content: mine({ replaces: true }) }])
    expect(E.isLeft(noReason) && noReason.left.map((i) => i.field)).toEqual(['reason'])
    const nothing = _.withCatalog([{ name: 'ours.json', content: mine({ code: 'AS.9999', replaces: true, reason: 'x' }) }])
    expect(E.isLeft(nothing) && nothing.left.map((i) => i.field)).toEqual(['replaces'])
  })
})

describe('remedies', () => {
  const entries = _.defaultCatalog().entries()
  it('never contradict the retry strategy', () => {
    for (const e of entries) {
      if (e.retry === 'never') expect(e.remedy, `${e.file} ${e.code}`).not.toMatch(/retry with (exponential )?backoff|wait until it finishes|poll its status/i)
      else expect(e.remedy, `${e.file} ${e.code}`).not.toMatch(/will not help|do not retry|not worth retrying/i)
    }
  })
  it('name what the message is about where it names something', () => {
    const at = (code: string, file: string) => entries.find((e) => e.code === code && e.file === file)?.remedy
    expect(at('AS.2007', 'as.json')).toMatch(/AS group/)
    expect(at('DBS.200019', 'rds.json')).toMatch(/DB instance is busy/)
    expect(at('SubnetNotFound', 'neutron.json')).toMatch(/subnet/i)
    // Most entries get a remedy of their own, not a category's general advice.
    expect(new Set(entries.map((e) => e.remedy)).size).toBeGreaterThan(entries.length / 4)
  })
})
