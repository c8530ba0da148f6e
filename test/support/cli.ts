// The built CLI run as a child process, with its peak memory: `node -r peak-rss.cjs` reports the
// child's VmHWM on fd 3 when it exits. Memory checks are bounds on that peak, not timings.
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { Readable, Writable } from 'node:stream'
import { untilDrained } from '../../src/cli/io.js'

const root = new URL('../..', import.meta.url).pathname
const cli = new URL('../../dist/node/cli.js', import.meta.url).pathname
const preload = new URL('./peak-rss.cjs', import.meta.url).pathname

/** Whether this system reports a process's peak memory (Linux's /proc). */
export const hasPeakRss = process.platform === 'linux'

export interface Measured {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stderr: string
  /** Peak resident set size of the CLI, in MiB. */
  readonly peakMiB: number
}

export type CliChild = ChildProcessByStdio<Writable, Readable, Readable>

/**
 * Runs `otc-errors ARGS` and resolves when it has exited. `drive` gets the child (write its
 * stdin, read its stdout at any pace, send it signals); stderr is collected.
 */
export const runCliMeasured = async (args: ReadonlyArray<string>, drive: (child: CliChild) => Promise<void>): Promise<Measured> => {
  const child = spawn(process.execPath, ['-r', preload, cli, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe', 'pipe'] })
  let stderr = ''
  let peak = ''
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const fd3 = child.stdio[3] as Readable
  fd3.setEncoding('utf8').on('data', (d: string) => (peak += d))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })))
  child.stdin.on('error', () => undefined) // the CLI may stop reading first
  await drive(child)
  const { code, signal } = await exited
  return { code, signal, stderr, peakMiB: Number(peak.trim()) / 1024 }
}

/**
 * Writes at least `total` bytes made by `chunk(i)` (about 1 MiB each) to `stdin`, honouring
 * backpressure, then ends it; resolves to the number of chunks written.
 */
export const feed = async (stdin: Writable, total: number, chunk: (i: number) => string): Promise<number> => {
  let written = 0
  let i = 0
  for (; written < total; i++) {
    const text = chunk(i)
    written += text.length
    if (!stdin.write(text)) await untilDrained(stdin)
    if (stdin.destroyed || stdin.writableEnded) return i + 1
  }
  await new Promise<void>((resolve) => stdin.end(() => resolve()))
  return i
}

/** CPU time the process has used so far, in clock ticks (`/proc/PID/stat`), or null once it is gone. */
const cpuTicks = (pid: number): number | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return null
  }
}

/**
 * Reads the child's stdout as a reader slower than any command: `grant` bytes at a time, and
 * only once the child has sat idle (its CPU time unchanged between two looks, 20 ms apart) —
 * that is, once it waits for this reader. A command that honours backpressure waits and goes
 * on; one that does not keeps scanning and piles its output up in memory, which its peak RSS
 * shows. The looks pace the reader; nothing is asserted about time. Resolves at the end of
 * stdout; `onData` sees every chunk.
 */
export const readWhenIdle = (child: CliChild, onData: (chunk: Buffer) => void, grant = 16 << 20): Promise<void> =>
  new Promise((resolve) => {
    const stdout = child.stdout
    let budget = 0
    let last: number | null = -1
    let ended = false
    stdout.on('data', (chunk: Buffer) => {
      onData(chunk)
      budget -= chunk.length
      if (budget <= 0) stdout.pause()
    })
    stdout.pause()
    stdout.on('end', () => {
      ended = true
      resolve()
    })
    const look = (): void => {
      if (ended) return
      const cpu = child.pid === undefined ? null : cpuTicks(child.pid)
      if (cpu === null || cpu === last) {
        budget = grant
        stdout.resume()
      }
      last = cpu
      setTimeout(look, 20)
    }
    look()
  })
