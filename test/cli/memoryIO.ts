// A command's I/O in memory: files and directories by path, stdin, and what was printed.
import * as E from 'fp-ts/lib/Either.js'
import type { CliIO } from '../../src/cli/io.js'

export interface MemoryIO {
  readonly io: CliIO
  readonly out: () => string
  readonly err: () => string
  /** The paths read, in order (files and directory listings). */
  readonly reads: Array<string>
}

/** `files` maps a path to its text (or bytes); a directory is listed from the paths under it. */
export const memoryIO = (files: Readonly<Record<string, string | Uint8Array>> = {}, stdin: string | Uint8Array = ''): MemoryIO => {
  let out = ''
  let err = ''
  const reads: Array<string> = []
  const bytes = (v: string | Uint8Array): Uint8Array => (typeof v === 'string' ? new TextEncoder().encode(v) : v)
  const io: CliIO = {
    stdout: (text) => {
      out += text
    },
    stderr: (text) => {
      err += text
    },
    readStdin: async () => bytes(stdin),
    readFile: async (path) => {
      reads.push(path)
      const content = files[path]
      if (content !== undefined) return E.right(bytes(content))
      return E.left(Object.keys(files).some((p) => p.startsWith(`${path}/`)) ? `${path}: is a directory` : `${path}: no such file or directory`)
    },
    listDir: async (path) => {
      reads.push(`${path}/`)
      const under = Object.keys(files).filter((p) => p.startsWith(`${path}/`))
      if (under.length > 0) return E.right(under.map((p) => p.slice(path.length + 1)).filter((n) => !n.includes('/')))
      return E.left(files[path] === undefined ? `${path}: no such file or directory` : `${path}: not a directory`)
    },
  }
  return { io, out: () => out, err: () => err, reads }
}
