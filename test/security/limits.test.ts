// SECURITY.md's promises held against the built command under attack: memory stays bounded on
// hostile streams (peak RSS of the child, read once at its exit), whatever the line length.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { feed, hasPeakRss, readWhenIdle, runCliMeasured } from '../support/cli.js'

const MiB = 1 << 20

// About 1 MiB of one line: `perChunk` distinct codes (`AB.00000000` on), `spacing` bytes apart.
const distinctCodes = (spacing: number) => {
  const pad = ' '.repeat(spacing - 12)
  const perChunk = Math.floor(MiB / spacing)
  return (i: number): string => {
    let text = ''
    for (let k = 0; k < perChunk; k++) text += `AB.${String(i * perChunk + k).padStart(8, '0')}${pad} `
    return text
  }
}

describe.skipIf(!hasPeakRss)('classify under attack (built CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otc-limits-'))

  it('a 256 MiB line of 2.8 million distinct codes: per-line state is bounded (issue 15 item 5)', async () => {
    // Each distinct code was remembered for the whole line: 1.7 GB, then `Set maximum size exceeded`.
    let out = ''
    let chunks = 0
    const r = await runCliMeasured(['classify', '--format', 'json'], async (child) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
      chunks = await feed(child.stdin, 256 * MiB, distinctCodes(96))
    })
    expect([r.code, r.stderr]).toEqual([0, ''])
    // Every code is still found and counted (the tally keeps the first 10,000 by name).
    const report = JSON.parse(out) as { lines: number; findings: number; longLines: number }
    expect(report).toMatchObject({ lines: 1, findings: chunks * Math.floor(MiB / 96), longLines: 1 })
    expect(r.peakMiB, `peak RSS ${r.peakMiB.toFixed(0)} MiB`).toBeLessThan(320)
  }, 300_000)
  it('ndjson to a slow reader: classify waits for stdout instead of holding its output (issue 15 item 6)', async () => {
    // 12 MiB of log, ten codes a line: 1.1 million findings, about 180 MiB of ndjson.
    const line = 'status=404 AS.2007 AS.0001 APIGW.0308 IMG.0027 ECS.0005 DBS.200019 VPC.0101 ELB.1001 CCE.01403001 SFS.TURBO.0001\n'
    const lines = Math.floor((12 * MiB) / line.length)
    const log = join(dir, 'many-findings.log')
    writeFileSync(log, line.repeat(lines))
    let records = 0
    let bytes = 0
    const r = await runCliMeasured(['classify', log, '--format', 'ndjson'], (child) =>
      readWhenIdle(child, (chunk) => {
        bytes += chunk.length
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) records += 1
      }),
    )
    expect([r.code, r.stderr]).toEqual([0, ''])
    expect(records).toBe(lines * 10)
    // Holding the output would take its size and more; waiting holds a piece's worth.
    expect(r.peakMiB, `peak RSS ${r.peakMiB.toFixed(0)} MiB for ${(bytes / MiB).toFixed(0)} MiB of output`).toBeLessThan(256)
  }, 300_000)
})

const cli = new URL('../../dist/node/cli.js', import.meta.url).pathname
const root = new URL('../..', import.meta.url).pathname

// Runs the built CLI to its end; `input` (if any) is written to stdin as far as the CLI reads it.
const run = (args: ReadonlyArray<string>, input?: { readonly bytes: number }) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.on('error', () => undefined)
    if (input === undefined) child.stdin.end()
    else void feed(child.stdin, input.bytes, () => 'x'.repeat(MiB))
  })

describe('whole-input reads are capped (issue 15 item 8)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otc-caps-'))
  const cap = '64 MiB, the most otc-errors reads of one input'
  // A regular file past the cap (sparse: no disk used), and a catalogue directory holding a
  // device without end.
  const huge = join(dir, 'huge.http')
  writeFileSync(huge, '')
  truncateSync(huge, 65 * MiB)
  const catalogDir = join(dir, 'catalog')
  mkdirSync(catalogDir)
  symlinkSync('/dev/zero', join(catalogDir, 'zero.json'))

  it.each([
    ['explain /dev/zero', ['explain', '/dev/zero'], '/dev/zero'],
    ['explain a 65 MiB file', ['explain', huge], huge],
    ['explain --catalog /dev/zero', ['explain', '--catalog', '/dev/zero', 'examples/as-0001.http'], '/dev/zero'],
    ['lookup --catalog /dev/zero', ['lookup', 'AS.0001', '--catalog', '/dev/zero'], '/dev/zero'],
    ['classify --catalog /dev/zero', ['classify', '--catalog', '/dev/zero', 'examples/as-0001.http'], '/dev/zero'],
    ['catalog export --catalog DIR with /dev/zero in it', ['catalog', 'export', '--catalog', catalogDir], join(catalogDir, 'zero.json')],
  ])('%s: one line naming the input and the cap, exit 2', async (_name, args, input) => {
    const r = await run(args)
    expect(r.code).toBe(2)
    expect(r.stderr.startsWith(`otc-errors ${args[0]}: `)).toBe(true)
    expect(r.stderr).toContain(`${input} is larger than ${cap}`)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })
  it('validate DIR with /dev/zero in it: the file is reported, exit 1 or 2, no endless read', async () => {
    const r = await run(['validate', catalogDir])
    expect(r.code).not.toBe(0)
    expect(`${r.stdout}${r.stderr}`).toContain(`${join(catalogDir, 'zero.json')} is larger than ${cap}`)
  })
  it('explain from stdin past the cap: stops reading there, exit 2', async () => {
    const r = await run(['explain'], { bytes: 80 * MiB })
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(`otc-errors explain: stdin is larger than ${cap}\n`)
  })
})
