// Hostile command-line input for explain, lookup and validate: binary files, directories,
// missing files, FIFOs, closed pipes. One clear line and the documented exit code, never a stack.
import { spawnSync, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const bin = new URL('../../dist/src/cli/bin.js', import.meta.url).pathname
const root = new URL('../..', import.meta.url).pathname
const run = (args: ReadonlyArray<string>, input?: string | Uint8Array) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const oneLine = (text: string) => text.trim().split('\n').length === 1 && !/\n\s+at /.test(text)

describe.skipIf(!existsSync(bin))('CLI robustness', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otc-robust-'))
  const binary = join(dir, 'binary.dat')
  writeFileSync(binary, Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))

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
})
