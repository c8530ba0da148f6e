import { describe, expect, it } from 'vitest'
import * as _ from '../../src/cli/lookup.js'
import { defaultCatalog } from '../../src/catalog/catalog.js'
import { memoryIO } from './memoryIO.js'

const run = async (argv: ReadonlyArray<string>, files: Record<string, string> = {}) => {
  const m = memoryIO(files)
  const code = await _.lookupCommand(argv, m.io)
  return { code, out: m.out(), err: m.err() }
}
const json = async (argv: ReadonlyArray<string>, files: Record<string, string> = {}) => {
  const r = await run([...argv, '--json'], files)
  return { ...r, value: JSON.parse(r.out) }
}

const shop = (entries: ReadonlyArray<Record<string, unknown>>) =>
  JSON.stringify({
    service: 'SHOP',
    title: 'Shop',
    prefixes: ['SHOP'],
    sources: [],
    entries: entries.map((e) => ({ status: 409, category: 'conflict', retry: 'backoff', remedy: 'Wait.', ...e })),
  })

describe('lookup CODE', () => {
  it('finds a gateway code by its APIGW spelling and prints the entry for people', async () => {
    const r = await run(['APIGW.0308'])
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    expect(r.out).toMatch(/^APIG\.0308 {2}429 {2}APIG\n/)
    expect(r.out).toContain('  message   The throttling threshold has been reached.\n')
    expect(r.out).toContain('  category  throttled\n')
    expect(r.out).toContain('  retry     backoff\n')
    expect(r.out).toMatch(/ {2}docs {6}https:\/\/docs\.otc\.t-systems\.com\/api-gateway\//)
  })
  it('--json gives the entry, known, and every variant, with retryable derived from the strategy', async () => {
    const { code, value } = await json(['apig.0201'])
    expect(code).toBe(0)
    expect(value).toMatchObject({ code: 'APIG.0201', service: 'APIG', known: true, api: 'APIG' })
    // The gateway's own variants, then OCR's (its table prints the gateway's code too).
    expect(value.variants.map((v: { api: string; status: number }) => `${v.api} ${v.status}`)).toEqual([
      'APIG 400',
      'APIG 413',
      'APIG 414',
      'APIG 494',
      'APIG 502',
      'APIG 504',
      'APIG 500',
      'OCR null',
    ])
    for (const v of value.variants) expect(v.retryable).toBe(v.retry !== 'never')
    expect(Object.keys(value.variants[0])).toEqual(['code', 'service', 'status', 'message', 'category', 'retry', 'retryable', 'remedy', 'api', 'docsUrl'])
  })
  it('--status N puts the variant a decoder would pick first, the others after in catalogue order', async () => {
    const { value } = await json(['APIG.0201', '--status', '503'])
    expect(value.status).toBe(502)
    expect(value.variants.map((v: { status: number | null }) => v.status)).toEqual([502, 400, 413, 414, 494, 504, 500, null])
  })
  it("--service puts that service's variant of a shared code first", async () => {
    expect((await json(['DBS.200019'])).value.api).toBe('RDS')
    const dds = await json(['DBS.200019', '--service', 'dds'])
    expect(dds.value.api).toBe('DDS')
    expect(dds.value.variants.map((v: { api: string }) => v.api).slice(0, 2)).toEqual(['DDS', 'RDS'])
    const text = await run(['DBS.200019', '--service', 'DDS'])
    expect(text.out.split('\n')[0]).toBe('DBS.200019  403  DBS (DDS)')
  })
  it('an unknown code exits 1 and suggests close codes', async () => {
    const r = await run(['APIG.0309'])
    expect(r.code).toBe(1)
    expect(r.out).toBe('')
    const suggested = defaultCatalog().suggest('APIG.0309')
    expect(suggested).toHaveLength(5)
    for (const c of suggested) expect(c).toMatch(/^APIG\.030\d$/)
    expect(r.err).toBe(`unknown code APIG.0309; did you mean ${suggested.join(', ')}?\n`)
    const j = await json(['APIG.0309'])
    expect(j.code).toBe(1)
    expect(j.value).toEqual({ code: 'APIG.0309', known: false, suggestions: suggested })
    const far = await run(['completely-unknown-words'])
    expect(far.err).toBe('unknown code completely-unknown-words\n')
  })
  it('shows what an unknown code and its suggestions say, never obeys it', async () => {
    const r = await run(['\u001b]0;pwned\u0007X.1'])
    expect(r.code).toBe(1)
    expect(r.err).not.toContain('\u001b')
    expect(r.err).not.toContain('\u0007')
  })
})

describe('lookup --status', () => {
  // 5e2, 0x1F4, ' 404' and 404.0 are numbers to `Number`, but no status as a person writes one (explain refuses them too).
  it.each(['99', '600', '4.5', 'abc', '', '1e3', '-404', '0x1F4', '5e2', ' 404', '404.0'])('rejects %j with exit 2', async (status) => {
    const r = await run(['AS.0001', `--status=${status}`])
    expect(r.code).toBe(2)
    expect(r.err).toContain(`--status expects an HTTP status from 100 to 599, got "${status}"`)
  })
  it.each(['100', '599', '404'])('takes %s', async (status) => {
    expect((await run(['AS.0001', '--status', status])).code).toBe(0)
  })
})

describe('lookup usage', () => {
  it('wants exactly one CODE', async () => {
    for (const argv of [[], ['A.1', 'B.2']]) {
      const r = await run(argv)
      expect(r.code).toBe(2)
      expect(r.err).toBe("otc-errors lookup: expected exactly one CODE\nTry 'otc-errors lookup --help'.\n")
    }
  })
  it('--help prints the help and exits 0; a bad flag exits 2', async () => {
    const help = await run(['--help'])
    expect([help.code, help.out]).toEqual([0, _.LOOKUP_HELP])
    expect(_.LOOKUP_HELP).toMatch(/^Usage: otc-errors lookup CODE/)
    expect((await run(['AS.0001', '--nope'])).code).toBe(2)
  })
})

describe('lookup --catalog', () => {
  it("finds the user's own codes beside the shipped ones", async () => {
    const files = { 'mine/shop.json': shop([{ code: 'SHOP.0001', message: 'Basket locked.' }]) }
    const { code, value } = await json(['shop.0001', '--catalog', 'mine'], files)
    expect(code).toBe(0)
    expect(value).toMatchObject({ code: 'SHOP.0001', service: 'SHOP', status: 409, category: 'conflict', retryable: true, docsUrl: null })
    expect((await run(['AS.0001', '--catalog', 'mine'], files)).code).toBe(0)
  })
  it('shows control characters of a catalogue file as escapes', async () => {
    const files = { 'shop.json': shop([{ code: 'SHOP.0002', message: 'Locked\u001b[2J by \u202eadmin', remedy: 'Wait\rnow' }]) }
    const r = await run(['SHOP.0002', '--catalog', 'shop.json'], files)
    expect(r.code).toBe(0)
    expect(r.out).not.toMatch(/[\u001b\u202e\r]/)
    expect(r.out).toContain('Locked')
  })
  it('an unreadable or invalid catalogue exits 2 with the reason', async () => {
    const missing = await run(['AS.0001', '--catalog', 'nowhere.json'])
    expect(missing.code).toBe(2)
    expect(missing.err).toBe('otc-errors lookup: nowhere.json: no such file or directory\n')
    const invalid = await run(['AS.0001', '--catalog', 'bad.json'], { 'bad.json': shop([{ code: 'SHOP.1', status: 700, message: 'm' }]) })
    expect(invalid.code).toBe(2)
    expect(invalid.err).toContain('bad.json: entries[0] (SHOP.1): field "status"')
  })
})
