// Spawns the built command, as users run it. `npm test` builds dist/ first.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const bin = new URL('../../dist/src/cli/bin.js', import.meta.url).pathname
const root = new URL('../..', import.meta.url).pathname
const run = (args: ReadonlyArray<string>, input?: string) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('otc-errors (built)', () => {
  it('explain --json on the bundled Auto Scaling example', () => {
    const r = run(['explain', 'examples/as-0001.http', '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: false,
      status: 400,
      statusClass: '4xx',
      code: 'AS.0001',
      service: 'AS',
      message: 'The request message format is invalid.',
      requestId: '5a3f1f0c9e2b4d7a8c6e0b1d2f3a4b5c',
      category: 'validation',
      retry: { retryable: false, strategy: 'never' },
      known: true,
    })
  })
  it.each([
    ['apigw-0308.http', { status: 429, code: 'APIGW.0308', service: 'APIG', category: 'throttled', retry: { retryable: true, strategy: 'after', delayMs: 2000 }, known: true }],
    ['keystone-401.http', { status: 401, code: null, category: 'auth', retry: { retryable: true, strategy: 'reauth' }, requestId: 'req-6a1f2e3d' }],
    ['obs-nosuchbucket.http', { status: 404, code: 'NoSuchBucket', category: 'not-found', requestId: '0000016A2B3C4D5E' }],
    ['gateway-502.http', { status: 502, code: null, message: '502 Bad Gateway', category: 'unavailable', retry: { retryable: true, strategy: 'backoff' } }],
    ['neutron-404.http', { status: 404, code: 'SubnetNotFound', message: 'Subnet 0b3c could not be found.', category: 'not-found' }],
    ['sfs-img-0001.http', { status: 400, code: 'IMG.0001', service: 'IMG', known: true, category: 'validation' }],
    ['iam-token-201.http', { ok: true, status: 201, statusClass: '2xx', code: null }],
  ])('explain --json %s', (file, expected) => {
    const r = run(['explain', `examples/${file}`, '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject(expected)
  })
  it('explain reads stdin, and --status N takes a bare body', () => {
    const r = run(['explain', '--status', '404', '--json'], '{"error_code":"AS.2007","error_msg":"gone"}')
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 404, code: 'AS.2007', message: 'gone', category: 'not-found' })
  })
  it('explain prints people-readable text by default and never the token', () => {
    const r = run(['explain', 'examples/iam-token-201.http'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('201 Created')
    expect(r.stdout + r.stderr).not.toContain('MIIexampleTokenValueDoNotPrint')
    const human = run(['explain', 'examples/as-0001.http'])
    expect(human.stdout).toContain('AS.0001: The request message format is invalid.')
    expect(human.stdout).toContain('documented as 500')
  })
  it('an unreadable file is one line and exit 2', () => {
    const r = run(['explain', 'examples/missing.http'])
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'otc-errors explain: examples/missing.http: no such file or directory\n'])
  })
  it('a bad flag is exit 2', () => {
    const r = run(['explain', '--nope'])
    expect(r.code).toBe(2)
    expect(r.stderr.split('\n')[0]).toContain("Unknown option '--nope'")
  })
  it('input that is not an HTTP response is exit 2 with a hint', () => {
    const r = run(['explain'], '{"error_code":"AS.0001"}')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--status N')
  })
  it('lookup finds gateway codes by either spelling, and suggests for unknown ones', () => {
    const r = run(['lookup', 'apigw.0308', '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 'APIG.0308', service: 'APIG', status: 429, category: 'throttled', known: true })
    const unknown = run(['lookup', 'AS.00011'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/^unknown code AS\.00011; did you mean .*AS\.0001/)
  })
  it('validate DIR names the file, the entry and the field of each problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'otc-catalog-'))
    const entry = { code: 'SHOP.0001', status: 409, message: 'Locked.', category: 'conflict', retry: 'never', remedy: 'Wait.' }
    writeFileSync(
      join(dir, 'shop.json'),
      JSON.stringify({
        service: 'SHOP',
        title: 'Shop',
        prefixes: ['SHOP'],
        sources: [],
        entries: [entry, { ...entry, code: 'SHOP.0002', status: 999 }, { ...entry, code: 'AS.0001' }],
      }),
    )
    writeFileSync(join(dir, 'broken.json'), '{"service": ')
    const r = run(['validate', dir])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`${join(dir, 'shop.json')}: entries[1] (SHOP.0002): field "status": 999 is not an integer HTTP status`)
    expect(r.stdout).toContain(`${join(dir, 'shop.json')}: entries[2] (AS.0001): field "code": prefix "AS" does not belong to this file`)
    expect(r.stdout).toMatch(/broken\.json: field "\(file\)": not valid JSON/)
    const json = JSON.parse(run(['validate', dir, '--json']).stdout) as { ok: boolean; issues: Array<{ file: string; entry: number | null; field: string }> }
    expect(json.ok).toBe(false)
    expect(json.issues.map((i) => [i.entry, i.field])).toEqual(
      expect.arrayContaining([
        [1, 'status'],
        [2, 'code'],
      ]),
    )
    expect(run(['validate', join(dir, 'missing')]).code).toBe(2)
  })
  it('validate catalog checks the committed files', () => {
    const r = run(['validate', 'catalog'])
    expect([r.code, r.stdout]).toEqual([0, expect.stringMatching(/^\d+ catalogue files, no problems found/)])
  })
  it('validate passes on the shipped catalogue', () => {
    const r = run(['validate'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/no problems found/)
  })
  it('--help on every command', () => {
    for (const command of ['explain', 'lookup', 'validate']) {
      const r = run([command, '--help'])
      expect(r.code).toBe(0)
      expect(r.stdout).toContain(`Usage: otc-errors ${command}`)
    }
    expect(run(['--help']).stdout).toContain('Commands:')
    expect(run(['frobnicate']).code).toBe(2)
  })
})
