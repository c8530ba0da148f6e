/**
 * The I/O a command needs, passed in so that commands run in memory in tests and against the
 * real process in `bin.ts`.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { readFile, readdir } from 'node:fs/promises'

/**
 * A command's window on the world.
 *
 * @since 0.1.0
 * @category model
 */
export interface CliIO {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** The whole of stdin. */
  readonly readStdin: () => Promise<Uint8Array>
  /** A file's bytes, or a one-line reason it could not be read. */
  readonly readFile: (path: string) => Promise<E.Either<string, Uint8Array>>
  /** The names in a directory, or a one-line reason it could not be read. */
  readonly listDir: (path: string) => Promise<E.Either<string, ReadonlyArray<string>>>
}

const reasonOf = (error: unknown): string => {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : ''
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
 * The real process's I/O.
 *
 * @since 0.1.0
 * @category constructors
 */
export const processIO = (): CliIO => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Array<Uint8Array> = []
    for await (const chunk of process.stdin) chunks.push(chunk as Uint8Array)
    return Buffer.concat(chunks)
  },
  readFile: async (path) => {
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
})
