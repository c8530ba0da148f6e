/**
 * The I/O a command needs, passed in so that commands run in memory in tests and against the
 * real process in `bin.ts`.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { closeSync, constants, openSync } from 'node:fs'
import { open, readFile, readdir, stat, type FileHandle } from 'node:fs/promises'

/**
 * A command's window on the world.
 *
 * @since 0.1.0
 * @category model
 */
export interface CliIO {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /**
   * The whole of stdin; with `maxBytes`, reading stops once more than that has come (the
   * result is then longer than `maxBytes`: enough to tell, see `tooLarge`).
   */
  readonly readStdin: (maxBytes?: number) => Promise<Uint8Array>
  /**
   * A file's bytes, or a one-line reason it could not be read; with `maxBytes`, a file that
   * holds more (`/dev/zero`, a runaway log) is not read past it: the reason says so.
   */
  readonly readFile: (path: string, maxBytes?: number) => Promise<E.Either<string, Uint8Array>>
  /** The names in a directory, or a one-line reason it could not be read. */
  readonly listDir: (path: string) => Promise<E.Either<string, ReadonlyArray<string>>>
  /** A file opened for streaming, or a one-line reason it could not be opened (without it, commands read the whole file). */
  readonly openInput?: (path: string) => Promise<E.Either<string, InputStream>>
  /** Stdin as a stream of chunks (without it, commands read all of stdin first). */
  readonly stdinStream?: () => AsyncIterable<Uint8Array>
  /**
   * Resolves once stdout has passed on what it was given (at once when nothing is waiting): a
   * command that prints as it reads waits for it between pieces of input, so a slow reader
   * (`| less`, a paused pipe) slows the command down instead of making it hold its output.
   */
  readonly stdoutDrained?: () => Promise<void>
  /** Whether stderr is a terminal (progress bars are drawn only then). */
  readonly isStderrTTY?: boolean
  /**
   * Asks to hear of the first interrupt (Ctrl-C's SIGINT, or SIGTERM) instead of dying at once:
   * the signal aborts then, with the signal's name as its reason, and a second interrupt ends
   * the process at once (exit 130, or 143 for SIGTERM), even while it waits to open a FIFO.
   * Commands that can print a partial answer (`classify`) call it; the others keep the default
   * behaviour.
   */
  readonly onInterrupt?: () => AbortSignal
}

/**
 * A file opened for streaming: its size when it is a regular file (for progress), and its bytes
 * in large chunks, read ahead while the consumer works. The buffers are reused: a chunk is valid
 * only until the next one is requested, so a consumer copies what it keeps.
 *
 * @example
 * import type { InputStream } from './io.js'
 * async function* chunks() { yield new TextEncoder().encode('AS.0001\n') }
 * const input: InputStream = { size: 8, chunks: chunks() }
 *
 * @since 0.1.0
 * @category model
 */
export interface InputStream {
  readonly size: number | null
  readonly chunks: AsyncIterable<Uint8Array>
}

const reasonOf = (error: unknown): string => {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a directory'
    case 'ENOTDIR':
      return 'not a directory'
    default:
      return error instanceof Error ? error.message : 'unreadable'
  }
}

/**
 * The most a command reads of one whole input (`explain`'s response, a catalogue file): more is
 * an error that names the input, never a read without end (`explain /dev/zero`) or a string too
 * long for the engine. `classify` streams its input and has no such bound.
 *
 * @example
 * import { MAX_INPUT_BYTES } from './io.js'
 * MAX_INPUT_BYTES === 64 * 1024 * 1024 // true
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_INPUT_BYTES = 64 << 20

/**
 * The reason given for an input larger than `maxBytes`.
 *
 * @example
 * import { tooLarge } from './io.js'
 * tooLarge('/dev/zero', 64 << 20) // '/dev/zero is larger than 64 MiB, the most otc-errors reads of one input'
 *
 * @since 0.1.0
 * @category constructors
 */
export const tooLarge = (input: string, maxBytes: number): string =>
  `${input} is larger than ${maxBytes >= 1 << 20 ? `${+(maxBytes / (1 << 20)).toFixed(1)} MiB` : `${maxBytes} bytes`}, the most otc-errors reads of one input`

/**
 * Waits until a stream that asked the writer to wait (`write` gave false) drains, or closes: a
 * closed stream never drains. Both listeners go once either comes, so waits do not pile them up.
 *
 * @example
 * import { untilDrained } from './io.js'
 * if (!process.stdout.write('line\n')) await untilDrained(process.stdout)
 *
 * @since 0.1.0
 * @category utils
 */
export const untilDrained = (stream: NodeJS.EventEmitter): Promise<void> =>
  new Promise<void>((resolve) => {
    const done = (): void => {
      stream.off('drain', done)
      stream.off('close', done)
      resolve()
    }
    stream.on('drain', done)
    stream.on('close', done)
  })

// A file's bytes, at most `maxBytes + 1` of them (one more tells that there is more), read a
// slice at a time: a device or pipe without end (`/dev/zero`) stops being read there.
const readAtMost = async (path: string, maxBytes: number): Promise<E.Either<string, Uint8Array>> => {
  let handle: FileHandle | undefined
  try {
    handle = await openWatched(path)
    const stat = await handle.stat()
    if (stat.isDirectory()) return E.left(`${path}: is a directory`)
    if (stat.isFile() && stat.size > maxBytes) return E.left(tooLarge(path, maxBytes))
    const parts: Array<Buffer> = []
    let total = 0
    while (total <= maxBytes) {
      const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1 - total, 1 << 20))
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
      if (bytesRead === 0) return E.right(Buffer.concat(parts, total))
      parts.push(buffer.subarray(0, bytesRead))
      total += bytesRead
    }
    return E.left(tooLarge(path, maxBytes))
  } catch (error) {
    return E.left(`${path}: ${reasonOf(error)}`)
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

// FIFOs being opened for reading. Opening a FIFO waits, on a thread of libuv's pool, until a
// writer comes; while it waits the process cannot even exit (exit joins the pool's threads).
const openingFifos = new Set<string>()

// Opens `path` for reading; a FIFO is watched while its open waits for a writer.
const openWatched = async (path: string): Promise<FileHandle> => {
  const fifo = await stat(path).then(
    (s) => s.isFIFO(),
    () => false,
  )
  if (!fifo) return open(path, 'r')
  openingFifos.add(path)
  try {
    return await open(path, 'r')
  } finally {
    openingFifos.delete(path)
  }
}

/**
 * Ends every wait for a FIFO's writer (see `openWatched`) by being that writer for a moment:
 * the open returns, and the input reads as empty. Synchronous, so that a signal handler can
 * call it right before it exits.
 */
const releaseFifoOpens = (): void => {
  for (const path of openingFifos) {
    try {
      closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK))
    } catch {
      // Gone, or its reader already left: nothing waits on it.
    }
  }
}

// What ends the process at once on a second interrupt: 128 + the signal's number.
const SIGNAL_EXIT: Readonly<Record<'SIGINT' | 'SIGTERM', number>> = { SIGINT: 130, SIGTERM: 143 }

/**
 * Bytes per read of a streamed file: large enough that per-chunk costs vanish, small enough that
 * a chunk and the text made of it stay in the CPU's caches and out of the peak memory (1 MiB read
 * a 200 MiB log faster than 4 MiB, with a few MB less at peak: `npm run bench:logs`).
 *
 * @example
 * import { INPUT_CHUNK_BYTES } from './io.js'
 * INPUT_CHUNK_BYTES === 1024 * 1024 // true
 *
 * @since 0.1.0
 * @category constants
 */
export const INPUT_CHUNK_BYTES = 1 << 20

// Reads ahead one chunk: the next read runs on the thread pool while the caller scans this one.
// Two buffers take turns, so memory stays at two chunks however large the file.
async function* readChunks(handle: FileHandle): AsyncGenerator<Uint8Array, void, undefined> {
  const buffers = [Buffer.allocUnsafe(INPUT_CHUNK_BYTES), Buffer.allocUnsafe(INPUT_CHUNK_BYTES)] as const
  let turn = 0
  const read = () => handle.read(buffers[turn++ % 2] as Buffer, 0, INPUT_CHUNK_BYTES, null)
  let pending: ReturnType<typeof read> | undefined
  try {
    pending = read()
    for (;;) {
      const { bytesRead, buffer } = await pending
      pending = undefined
      if (bytesRead === 0) return
      // Into the other buffer: the caller is done with it, since it asked for this chunk.
      pending = read()
      yield buffer.subarray(0, bytesRead)
    }
  } finally {
    await pending?.catch(() => undefined)
    await handle.close().catch(() => undefined)
  }
}

/**
 * Opens a file for streaming (see `InputStream`); a directory or a missing file is a one-line
 * reason.
 *
 * @example
 * import { openInput } from './io.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * const input = await openInput('app.log')
 * if (E.isRight(input)) for await (const chunk of input.right.chunks) console.log(chunk.length)
 *
 * @since 0.1.0
 * @category constructors
 */
export const openInput = async (path: string): Promise<E.Either<string, InputStream>> => {
  let handle: FileHandle | undefined
  try {
    handle = await openWatched(path)
    const stat = await handle.stat()
    if (stat.isDirectory()) {
      await handle.close()
      return E.left(`${path}: is a directory`)
    }
    return E.right({ size: stat.isFile() ? stat.size : null, chunks: readChunks(handle) })
  } catch (error) {
    await handle?.close().catch(() => undefined)
    return E.left(`${path}: ${reasonOf(error)}`)
  }
}

/**
 * The real process's I/O.
 *
 * @since 0.1.0
 * @category constructors
 */
export const processIO = (): CliIO => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async (maxBytes = Number.POSITIVE_INFINITY) => {
    const chunks: Array<Uint8Array> = []
    let total = 0
    for await (const chunk of process.stdin) {
      chunks.push(chunk as Uint8Array)
      total += (chunk as Uint8Array).length
      if (total > maxBytes) break // leaving the loop closes stdin
    }
    return Buffer.concat(chunks)
  },
  readFile: async (path, maxBytes) => {
    if (maxBytes !== undefined) return readAtMost(path, maxBytes)
    try {
      return E.right(await readFile(path))
    } catch (error) {
      return E.left(`${path}: ${reasonOf(error)}`)
    }
  },
  listDir: async (path) => {
    try {
      return E.right(await readdir(path))
    } catch (error) {
      return E.left(`${path}: ${reasonOf(error)}`)
    }
  },
  openInput,
  stdinStream: () => process.stdin,
  // A closed stdout ends the wait too (bin.ts handles the EPIPE).
  stdoutDrained: () => (process.stdout.writableNeedDrain ? untilDrained(process.stdout) : Promise.resolve()),
  isStderrTTY: process.stderr.isTTY === true,
  onInterrupt: () => {
    const controller = new AbortController()
    const signals = ['SIGINT', 'SIGTERM'] as const
    // The first SIGINT or SIGTERM asks the command to stop (and frees it if it waits to open a
    // FIFO); a second one ends the process at once, whatever it is waiting for.
    const first = (signal: 'SIGINT' | 'SIGTERM'): void => {
      for (const s of signals) process.off(s, first)
      for (const s of signals) {
        process.once(s, () => {
          releaseFifoOpens()
          process.exit(SIGNAL_EXIT[s])
        })
      }
      controller.abort(signal)
      releaseFifoOpens()
    }
    for (const s of signals) process.on(s, first)
    return controller.signal
  },
})
