import * as E from 'fp-ts/lib/Either.js'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { EventEmitter } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import * as _ from '../../src/cli/io.js'

const dir = mkdtempSync(join(tmpdir(), 'otc-io-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}
/** Every chunk of a stream, copied (the stream reuses its buffers). */
const drain = async (chunks: AsyncIterable<Uint8Array>): Promise<{ bytes: Uint8Array; count: number }> => {
  const parts: Array<Uint8Array> = []
  for await (const chunk of chunks) parts.push(Uint8Array.from(chunk))
  return { bytes: Buffer.concat(parts), count: parts.length }
}

describe('constants', () => {
  it('bounds one input at 64 MiB and streams 1 MiB a read', () => {
    expect(_.MAX_INPUT_BYTES).toBe(64 * 1024 * 1024)
    expect(_.INPUT_CHUNK_BYTES).toBe(1024 * 1024)
  })
})

describe('tooLarge', () => {
  it('says the bound in MiB from 1 MiB up, else in bytes', () => {
    expect(_.tooLarge('/dev/zero', 64 << 20)).toBe('/dev/zero is larger than 64 MiB, the most otc-errors reads of one input')
    expect(_.tooLarge('a', 1.5 * (1 << 20))).toBe('a is larger than 1.5 MiB, the most otc-errors reads of one input')
    expect(_.tooLarge('a', 1000)).toBe('a is larger than 1000 bytes, the most otc-errors reads of one input')
  })
})

describe('processIO().readFile', () => {
  const io = _.processIO()
  it("reads a file's bytes, exactly", async () => {
    const bytes = Uint8Array.from([0, 1, 2, 255, 10, 13])
    expect(await io.readFile(file('bytes.bin', bytes))).toEqual(E.right(Buffer.from(bytes)))
    expect(await io.readFile(file('bytes2.bin', bytes), 100)).toEqual(E.right(Buffer.from(bytes)))
    expect(await io.readFile(file('empty.txt', ''), 100)).toEqual(E.right(Buffer.alloc(0)))
  })
  it('reads up to maxBytes, and names a larger file as too large', async () => {
    const path = file('ten.txt', '0123456789')
    expect(await io.readFile(path, 10)).toEqual(E.right(Buffer.from('0123456789')))
    expect(await io.readFile(path, 9)).toEqual(E.left(_.tooLarge(path, 9)))
  })
  it('stops reading a device without end at maxBytes', async () => {
    expect(await io.readFile('/dev/zero', 3 << 20)).toEqual(E.left(_.tooLarge('/dev/zero', 3 << 20)))
  })
  it('gives one-line reasons: missing, a directory, below a file', async () => {
    expect(await io.readFile(join(dir, 'nope'))).toEqual(E.left(`${join(dir, 'nope')}: no such file or directory`))
    expect(await io.readFile(join(dir, 'nope'), 10)).toEqual(E.left(`${join(dir, 'nope')}: no such file or directory`))
    mkdirSync(join(dir, 'sub'), { recursive: true })
    expect(await io.readFile(join(dir, 'sub'))).toEqual(E.left(`${join(dir, 'sub')}: is a directory`))
    expect(await io.readFile(join(dir, 'sub'), 10)).toEqual(E.left(`${join(dir, 'sub')}: is a directory`))
    expect(await io.readFile(join(file('f.txt', 'x'), 'below'), 10)).toEqual(E.left(`${join(dir, 'f.txt', 'below')}: not a directory`))
  })
})

describe('processIO().listDir', () => {
  it('lists a directory, and gives a reason for anything else', async () => {
    const io = _.processIO()
    const sub = join(dir, 'listed')
    mkdirSync(sub)
    writeFileSync(join(sub, 'a.json'), '{}')
    writeFileSync(join(sub, 'b.json'), '{}')
    const listed = await io.listDir(sub)
    expect(E.isRight(listed) && [...listed.right].sort()).toEqual(['a.json', 'b.json'])
    expect(await io.listDir(join(sub, 'a.json'))).toEqual(E.left(`${join(sub, 'a.json')}: not a directory`))
    expect(await io.listDir(join(sub, 'none'))).toEqual(E.left(`${join(sub, 'none')}: no such file or directory`))
  })
})

describe('openInput', () => {
  it('streams a file in chunks of at most 1 MiB, with its size, byte for byte', async () => {
    const big = new Uint8Array(2.5 * _.INPUT_CHUNK_BYTES)
    for (let i = 0; i < big.length; i++) big[i] = (i * 31) % 251
    const opened = await _.openInput(file('big.bin', big))
    if (E.isLeft(opened)) throw new Error(opened.left)
    expect(opened.right.size).toBe(big.length)
    const { bytes, count } = await drain(opened.right.chunks)
    expect(count).toBe(3)
    expect(Buffer.compare(bytes, big)).toBe(0)
  })
  it('streams an empty file as no chunk, and a device as a stream of unknown size', async () => {
    const empty = await _.openInput(file('none.txt', ''))
    expect(E.isRight(empty) && (await drain(empty.right.chunks)).count).toBe(0)
    const device = await _.openInput('/dev/null')
    expect(E.isRight(device) && device.right.size).toBeNull()
  })
  it('gives one-line reasons for a directory and a missing file', async () => {
    expect(await _.openInput(dir)).toEqual(E.left(`${dir}: is a directory`))
    expect(await _.openInput(join(dir, 'missing.log'))).toEqual(E.left(`${join(dir, 'missing.log')}: no such file or directory`))
  })
})

describe('processIO().onInterrupt', () => {
  it('aborts with the signal on the first interrupt, and arms the second to end the process', () => {
    const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') }
    const added = (s: 'SIGINT' | 'SIGTERM') => process.listeners(s).filter((l) => !before[s].includes(l))
    const signal = _.processIO().onInterrupt?.()
    try {
      expect(signal?.aborted).toBe(false)
      expect([added('SIGINT').length, added('SIGTERM').length]).toEqual([1, 1])
      process.emit('SIGTERM', 'SIGTERM') // as Node calls a signal's listeners: with its name
      expect(signal?.aborted).toBe(true)
      expect(signal?.reason).toBe('SIGTERM')
      // The first handler is gone; one for the second interrupt of each kind waits (it would exit).
      expect([added('SIGINT').length, added('SIGTERM').length]).toEqual([1, 1])
      expect(added('SIGINT')[0]).not.toBe(added('SIGTERM')[0])
    } finally {
      for (const s of ['SIGINT', 'SIGTERM'] as const) for (const l of added(s)) process.off(s, l)
    }
  })
})

describe('untilDrained', () => {
  it('ends on drain or on close, and leaves no listener behind', async () => {
    for (const event of ['drain', 'close'] as const) {
      const stream = new EventEmitter()
      let ended = false
      const wait = _.untilDrained(stream).then(() => (ended = true))
      await Promise.resolve()
      expect(ended).toBe(false)
      stream.emit(event)
      await wait
      expect(ended).toBe(true)
      expect([stream.listenerCount('drain'), stream.listenerCount('close')]).toEqual([0, 0])
    }
  })
})
