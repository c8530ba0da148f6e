// Hostile command-line input for explain, lookup, validate and classify: binary files,
// directories, missing files, FIFOs, closed pipes, Ctrl-C. One clear line and the documented exit
// code, never a stack.
import { spawn, spawnSync, execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const bin = new URL('../../dist/src/cli/bin.js', import.meta.url).pathname
const root = new URL('../..', import.meta.url).pathname
const run = (args: ReadonlyArray<string>, input?: string | Uint8Array) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
// Resolves once the child has read (and so classified) all but the last pipe-full of what was
// written: 'drain' fires only when the kernel pipe has room again, which happens only when the
// child reads. The CLI installs its Ctrl-C handler before it reads its first byte, so after
// 'drain' a SIGINT always meets a listening CLI, however slow or loaded the machine is.
const writeAndWaitUntilRead = (stdin: NodeJS.WritableStream, text: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const filler = 'INFO GET /v1/servers 200 served in 12 ms\n'.repeat(Math.ceil((2 * 1024 * 1024) / 41))
    stdin.once('error', reject)
    if (stdin.write(text + filler)) reject(new Error('the pipe took 2 MiB without pushing back; the readiness signal needs a full pipe'))
    else stdin.once('drain', () => resolve())
  })
const oneLine = (text: string) => text.trim().split('\n').length === 1 && !/\n\s+at /.test(text)

describe('CLI robustness', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otc-robust-'))
  const binary = join(dir, 'binary.dat')
  writeFileSync(
    binary,
    Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
  )

  it('binary input: a clear line and exit 2 as a response, a classified body with --status', () => {
    const r = run(['explain', binary])
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toBe(true)
    expect(r.stderr).toMatch(/^otc-errors explain: .*binary\.dat: line 1: expected a status line/)
    const body = JSON.parse(run(['explain', '--status', '500', '--json', binary]).stdout) as { message: string; category: string }
    expect(body).toMatchObject({ message: expect.stringMatching(/^binary body/), category: 'server' })
  })
  it.each([
    ['a directory', () => dir, /is a directory/],
    ['a missing file', () => join(dir, 'nope.http'), /no such file/],
  ])('%s as FILE: one line, exit 2', (_name, path, reason) => {
    for (const command of [['explain'], ['validate']]) {
      const r = run([...command, path()])
      if (command[0] === 'validate' && _name === 'a directory') continue // a directory is what validate reads
      expect(r.code).toBe(2)
      expect(oneLine(r.stderr)).toBe(true)
      expect(r.stderr).toMatch(reason)
    }
  })
  it('reads a FIFO', () => {
    const fifo = join(dir, 'fifo')
    try {
      execFileSync('mkfifo', [fifo])
    } catch {
      return // no mkfifo here
    }
    const r = spawnSync('sh', ['-c', `cat examples/as-0001.http > '${fifo}' & '${process.execPath}' '${bin}' explain --json '${fifo}'`], { cwd: root, encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 'AS.0001' })
  })
  it('a closed stdout ends quietly, without an EPIPE stack trace', () => {
    const r = spawnSync('sh', ['-c', `'${process.execPath}' '${bin}' catalog export --format ndjson | head -1`], { cwd: root, encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).not.toMatch(/EPIPE|at /)
  })
  it('bad flags and unknown commands: one line, exit 2', () => {
    for (const args of [['explain', '--nope'], ['lookup'], ['validate', 'a', 'b'], ['catalog', 'import'], ['frobnicate']]) {
      const r = run(args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr.split('\n')[0]).toMatch(/^otc-errors/)
      expect(r.stderr).not.toMatch(/\n\s+at /)
    }
  })
  it('never echoes a token from a response', () => {
    const response = readFileSync(join(root, 'examples', 'iam-token-201.http'), 'utf8')
    const token = /X-Subject-Token:\s*(\S+)/i.exec(response)?.[1] ?? ''
    expect(token.length).toBeGreaterThan(10)
    for (const args of [['explain'], ['explain', '--json']]) expect(run(args, response).stdout).not.toContain(token)
  })

  it('classify: binary input is scanned and its bad lines counted; a directory or missing file is one line, exit 2', () => {
    const r = run(['classify', binary, '--format', 'json'])
    expect([r.code, r.stderr]).toEqual([0, ''])
    const report = JSON.parse(r.stdout) as { lines: number; badLines: number }
    expect(report.lines).toBeGreaterThan(0)
    expect(report.badLines).toBeGreaterThan(0)
    for (const path of [dir, join(dir, 'nope.log')]) {
      const bad = run(['classify', path])
      expect(bad.code).toBe(2)
      expect(oneLine(bad.stderr)).toBe(true)
      expect(bad.stderr).toMatch(/^otc-errors classify: /)
    }
  })
  it('classify reads a FIFO', () => {
    const fifo = join(dir, 'log-fifo')
    try {
      execFileSync('mkfifo', [fifo])
    } catch {
      return // no mkfifo here
    }
    const r = spawnSync('sh', ['-c', `printf 'status=429 APIGW.0308\\n' > '${fifo}' & '${process.execPath}' '${bin}' classify --format json '${fifo}'`], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ byCode: { 'APIGW.0308': 1 } })
  })
  it('classify big.log | head -1 ends quietly', () => {
    const big = join(dir, 'big.log')
    writeFileSync(big, 'status=404 error_code=AS.2007 request_id=abc\n'.repeat(200_000))
    const r = spawnSync('sh', ['-c', `'${process.execPath}' '${bin}' classify '${big}' --format ndjson | head -1`], { cwd: root, encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ line: 1, code: 'AS.2007' })
    expect(r.stderr).not.toMatch(/EPIPE|at /)
  })
  it('Ctrl-C during classify prints the partial summary and exits 130', async () => {
    const child = spawn(process.execPath, [bin, 'classify'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    // The log keeps coming (stdin stays open), as with `tail -f app.log | otc-errors classify`.
    await writeAndWaitUntilRead(child.stdin, 'status=429 error_code=APIGW.0308\nstatus=404 error_code=AS.2007\n')
    child.kill('SIGINT')
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)))
    expect(code).toBe(130)
    expect(stdout).toMatch(/^APIGW\.0308 +1 +APIG +throttled +yes/m)
    expect(stdout).toMatch(/^AS\.2007 +1 +AS +not-found +no/m)
    expect(stdout).toContain('interrupted')
    expect(stderr).toBe('otc-errors classify: interrupted; the result below covers what was read so far.\n')
    child.stdin.destroy()
  })
})
