// SECURITY.md's promises held against the built command under attack: memory stays bounded on
// hostile streams (peak RSS of the child, read once at its exit), whatever the line length.
import { mkdtempSync, writeFileSync } from 'node:fs'
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
