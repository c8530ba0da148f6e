import { describe, expect, it } from 'vitest'
import * as _ from '../../src/cli/validate.js'
import { shippedCatalogFiles } from '../../src/catalog/shipped.js'
import { memoryIO } from './memoryIO.js'

const shop = (entries: ReadonlyArray<Record<string, unknown>>, header: Record<string, unknown> = {}) =>
  JSON.stringify({
    service: 'SHOP',
    title: 'Shop',
    prefixes: ['SHOP'],
    sources: [],
    ...header,
    entries: entries.map((e) => ({ status: 409, category: 'conflict', retry: 'backoff', remedy: 'Wait.', ...e })),
  })

const run = async (argv: ReadonlyArray<string>, files: Record<string, string> = {}) => {
  const m = memoryIO(files)
  const code = await _.validateCommand(argv, m.io)
  return { code, out: m.out(), err: m.err(), reads: m.reads }
}

describe('validate (the shipped catalogue)', () => {
  it('passes, reading no file', async () => {
    const r = await run([])
    expect(r.code).toBe(0)
    expect(r.out).toBe(`${shippedCatalogFiles().length} catalogue files, no problems found\n`)
    expect(r.reads).toEqual([])
  })
  it('--json says ok, the count of files and no issues', async () => {
    const r = await run(['--json'])
    expect(JSON.parse(r.out)).toEqual({ ok: true, files: shippedCatalogFiles().length, issues: [] })
  })
  it('--strict passes too: every shipped entry carries a reviewed classification', async () => {
    expect((await run(['--strict'])).code).toBe(0)
  })
})

describe('validate DIR', () => {
  it('names the file, the entry and the field of each problem, and exits 1', async () => {
    const r = await run(['mine'], {
      'mine/a.json': shop([{ code: 'SHOP.1', status: 700, message: 'm' }]),
      'mine/b.json': shop([{ code: 'OTHER.1', message: 'm' }], { service: 'B', prefixes: ['B'] }),
    })
    expect(r.code).toBe(1)
    expect(r.out).toBe(
      'mine/a.json: entries[0] (SHOP.1): field "status": 700 is not an integer HTTP status from 100 to 599, or null\n' +
        'mine/b.json: entries[0] (OTHER.1): field "code": prefix "OTHER" does not belong to this file (its prefixes: B)\n' +
        '2 problems in 2 files\n',
    )
  })
  it('lists a file that is not JSON as a problem of that file', async () => {
    const r = await run(['--json', 'mine'], { 'mine/a.json': '{', 'mine/b.json': shop([{ code: 'SHOP.1', message: 'm' }]) })
    expect(r.code).toBe(1)
    const value = JSON.parse(r.out)
    expect(value).toMatchObject({ ok: false, files: 1 })
    expect(value.issues).toEqual([{ file: 'mine/a.json', entry: null, code: null, field: '(file)', message: expect.stringMatching(/^not valid JSON/) }])
  })
  it('checks a valid directory against the shipped catalogue, as --catalog layers it', async () => {
    const clash = await run(['mine'], { 'mine/a.json': shop([{ code: 'AS.0001', status: 500, message: 'Ours.' }], { prefixes: [], sharedPrefixes: ['AS'] }) })
    expect(clash.code).toBe(1)
    expect(clash.out).toMatch(
      /^mine\/a\.json: entries\[0\] \(AS\.0001\): field "code": conflicts with AS\.0001 \(status 500\) of as\.json; to replace it, set "replaces": true and give a "reason"\n1 problem in 1 files\n$/,
    )
    const replaced = await run(['mine'], {
      'mine/a.json': shop([{ code: 'AS.0001', status: 500, message: 'Ours.', replaces: true, reason: 'ours' }], { prefixes: [], sharedPrefixes: ['AS'] }),
    })
    expect(replaced.code).toBe(0)
    expect(replaced.err).toBe('otc-errors validate: note: mine/a.json replaces AS.0001 (status 500) of as.json: ours\n')
    expect(replaced.out).toBe('1 catalogue files, no problems found\n')
  })
  it('--strict fails on an unknown category or a fallback rule', async () => {
    const files = {
      'mine/a.json': shop([
        { code: 'SHOP.1', message: 'm', category: 'unknown', retry: 'never' },
        { code: 'SHOP.2', message: 'm', rule: 'fallback: 4xx' },
      ]),
    }
    expect((await run(['mine'], files)).code).toBe(0)
    const strict = await run(['mine', '--strict'], files)
    expect(strict.code).toBe(1)
    expect(strict.out.split('\n').slice(0, 2)).toEqual([
      'mine/a.json: entries[0] (SHOP.1): field "category": "unknown" is not a reviewed classification (strict)',
      'mine/a.json: entries[1] (SHOP.2): field "rule": set by a weak rule, "fallback: 4xx"; review it (strict)',
    ])
  })
  it('an unreadable DIR is exit 2 with one line', async () => {
    const r = await run(['nowhere'])
    expect([r.code, r.err, r.out]).toEqual([2, 'otc-errors validate: nowhere: no such file or directory\n', ''])
  })
})

describe('validate usage', () => {
  it('takes at most one DIR; --help prints the help', async () => {
    const two = await run(['a', 'b'])
    expect([two.code, two.err]).toEqual([2, "otc-errors validate: expected at most one DIR\nTry 'otc-errors validate --help'.\n"])
    const help = await run(['--help'])
    expect([help.code, help.out]).toEqual([0, _.VALIDATE_HELP])
    expect((await run(['--nope'])).code).toBe(2)
  })
})
