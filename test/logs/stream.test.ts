import * as fc from 'fast-check'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { expectLinear } from '../support/linear.js'
import { classifyLine, type LineFinding } from '../../src/logs/line.js'
import * as _ from '../../src/logs/stream.js'
import { cuts, logBytes } from './arbitraries.js'

const encode = (s: string): Uint8Array => new TextEncoder().encode(s)

const scanPieces = (pieces: ReadonlyArray<Uint8Array>, options: _.ScanOptions = {}) => {
  const findings: Array<LineFinding> = []
  const scanner = _.logScanner((f) => findings.push(f), options)
  for (const p of pieces) scanner.push(p)
  return { findings, stats: scanner.end() }
}

const split = (bytes: Uint8Array, at: ReadonlyArray<number>): ReadonlyArray<Uint8Array> => {
  const out: Array<Uint8Array> = []
  let from = 0
  for (const cut of [...at, bytes.length]) {
    out.push(bytes.subarray(from, cut))
    from = cut
  }
  return out
}

async function* chunksOf(...pieces: ReadonlyArray<Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const p of pieces) yield p
}

describe('classifyLog', () => {
  it('numbers lines from 1 and counts a last line without a newline', () => {
    const { findings, stats } = _.classifyLog('ok\nstatus=429 APIGW.0308\nv1.2.300\nFOO.0001')
    expect(findings.map((f) => [f.line, f.code])).toEqual([
      [2, 'APIGW.0308'],
      [4, 'FOO.0001'],
    ])
    expect(stats).toEqual({ lines: 4, bytes: 42, badLines: 0, longLines: 0 })
  })
  it('reads CRLF lines', () => {
    const { findings, stats } = _.classifyLog('HTTP/1.1 404\r\n<Code>NoSuchBucket</Code>\r\nstatus=400 AS.0001\r\n')
    expect(findings.map((f) => [f.line, f.code, f.status])).toEqual([
      [2, 'NoSuchBucket', undefined],
      [3, 'AS.0001', 400],
    ])
    expect(stats.lines).toBe(3)
  })
  it('counts lines that are not UTF-8 and still scans them', () => {
    const bytes = new Uint8Array([...encode('a \xff'), 0xff, 0xfe, ...encode(' AS.0001\nok\n'), 0xc3, ...encode('\n')])
    const { findings, stats } = _.classifyLog(bytes)
    expect(findings.map((f) => [f.line, f.code])).toEqual([[1, 'AS.0001']])
    expect(stats).toMatchObject({ lines: 3, badLines: 2 })
  })
  it('empty input has no lines', () => {
    expect(_.classifyLog('').stats).toEqual({ lines: 0, bytes: 0, badLines: 0, longLines: 0 })
    expect(_.classifyLog('\n').stats.lines).toBe(1)
  })
  it('agrees with classifyLine line by line', () => {
    fc.assert(
      fc.property(logBytes, (bytes) => {
        const text = new TextDecoder().decode(bytes)
        if (text.includes('\uFFFD')) return // classifyLine gets the decoded string; compare on clean text only
        const { findings } = _.classifyLog(bytes)
        const expected = text.split('\n').flatMap((line, i) => (Buffer.byteLength(line) > _.MAX_LINE_BYTES ? [] : classifyLine(line).map((f) => ({ line: i + 1, ...f }))))
        expect(findings).toEqual(expected)
      }),
    )
  })
})

describe('logScanner', () => {
  it('a line split across chunks is one line', () => {
    const { findings } = scanPieces([encode('first\nstatus=5'), encode('03 error_code=AS.0'), encode('001'), encode(' done\nlast')])
    // AS.0001 is documented as a 500; the 503 the line shows decides.
    expect(findings).toEqual([{ line: 2, code: 'AS.0001', service: 'AS', status: 503, category: 'unavailable', retryable: true, strategy: 'backoff', known: true }])
  })
  it('splitting the input at any chunk boundary gives the same findings', () => {
    fc.assert(
      fc.property(
        logBytes.chain((bytes) => fc.tuple(fc.constant(bytes), cuts(bytes.length))),
        ([bytes, at]) => {
          const whole = scanPieces([bytes], { maxLineBytes: 2048 })
          expect(scanPieces(split(bytes, at), { maxLineBytes: 2048 })).toEqual(whole)
        },
      ),
      { numRuns: 300 },
    )
  })
  it('arbitrary bytes never make it throw', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 4096 }), { maxLength: 8 }), (pieces) => {
        const { stats } = scanPieces(pieces, { maxLineBytes: 2048 })
        expect(stats.bytes).toBe(pieces.reduce((n, p) => n + p.length, 0))
      }),
    )
  })
  it('does not keep the caller’s buffer: reusing it after push changes nothing', () => {
    const buffer = encode('status=429 APIG')
    const findings: Array<LineFinding> = []
    const scanner = _.logScanner((f) => findings.push(f))
    scanner.push(buffer)
    buffer.fill(0x20)
    scanner.push(encode('.0308\n'))
    scanner.end()
    expect(findings.map((f) => f.code)).toEqual(['APIG.0308'])
  })
})

describe('long lines', () => {
  it('are scanned in windows, each code once per line, whatever the chunking', () => {
    const filler = 'x'.repeat(5000)
    const line = `status=429 ${filler} APIGW.0308 ${filler} AS.0001 ${filler} APIGW.0308 ${filler}`
    const bytes = encode(`a\n${line}\nAS.0001 b\n`)
    const whole = scanPieces([bytes], { maxLineBytes: 4096 })
    expect(whole.findings.map((f) => [f.line, f.code])).toEqual([
      [2, 'APIGW.0308'],
      [2, 'AS.0001'],
      [3, 'AS.0001'],
    ])
    expect(whole.stats).toMatchObject({ lines: 3, longLines: 1 })
    for (const size of [1, 7, 100, 4096, 5000, 9999]) {
      const pieces: Array<Uint8Array> = []
      for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size))
      expect(scanPieces(pieces, { maxLineBytes: 4096 })).toEqual(whole)
    }
  })
  it('a code across a window boundary is found once', () => {
    for (let at = 4000; at < 4200; at += 7) {
      const line = `${'y'.repeat(at)} CCE.01403001 ${'y'.repeat(9000)}`
      expect(scanPieces([encode(line)], { maxLineBytes: 4096 }).findings.map((f) => f.code)).toEqual(['CCE.01403001'])
    }
  })
  it('adversarial 10 MB lines take linear time', () => {
    const lines: ReadonlyArray<readonly [string, (n: number) => string, number]> = [
      ['A.', (n) => 'A.'.repeat(n), (5 << 20) / 8],
      ['open keys', (n) => '{"error_code":"'.repeat(n), 87_500],
      ['digits', (n) => '7'.repeat(n), (10 << 20) / 8],
      ['codes', (n) => 'AS.0001 '.repeat(n), 162_500],
      ['Ab.1', (n) => 'Ab.1'.repeat(n), 325_000],
    ]
    const inPieces = (line: string): ReadonlyArray<Uint8Array> => {
      const bytes = encode(`${line}\n`)
      const pieces: Array<Uint8Array> = []
      for (let i = 0; i < bytes.length; i += 1 << 20) pieces.push(bytes.subarray(i, i + (1 << 20)))
      return pieces
    }
    for (const [label, make, n] of lines) {
      expect(scanPieces(inPieces(make(8 * n))).stats, label).toMatchObject({ lines: 1, longLines: 1 })
      expectLinear(
        label,
        (k) => inPieces(make(k)),
        (pieces) => scanPieces(pieces),
        n,
      )
    }
  })
  it('one piece holding a long line takes linear time: only the next window is kept between pieces', () => {
    // After each window the rest of the piece was copied again: quadratic in the piece's size.
    const line = (n: number): Uint8Array => encode(`${'lorem ipsum '.repeat(n)}AS.0001\n`)
    expectLinear('one piece', line, (bytes) => scanPieces([bytes], { maxLineBytes: 4096 }), (1 << 20) / 12)
    expect(scanPieces([line(1 << 17)], { maxLineBytes: 4096 }).findings.map((f) => f.code)).toEqual(['AS.0001'])
  })
  it(`remember the first ${_.MAX_LINE_CODES.toLocaleString('en-US')} distinct codes for the whole line, later ones for their window (issue 15 item 5)`, () => {
    const codes = (from: number, count: number): string => Array.from({ length: count }, (_x, i) => `AB.${String(from + i).padStart(8, '0')}`).join(' ')
    const many = _.MAX_LINE_CODES + 500
    // A code of the first ten thousand, printed again past them, counts once; so does one printed
    // twice within a window past them; one printed again windows later counts again.
    const late = 'ZZ.00000001'
    const line = `${codes(0, many)} AB.00000000 ${late} ${late} ${'x'.repeat(9000)} ${late}`
    const found = scanPieces([encode(`${line}\n`)], { maxLineBytes: 4096 }).findings.map((f) => f.code)
    expect(found.filter((c) => c === 'AB.00000000')).toHaveLength(1)
    expect(found.filter((c) => c === late)).toHaveLength(2)
    expect(found).toHaveLength(many + 2)
  })
})

describe('classifyStream', () => {
  it('reads gzip, found by its magic bytes', async () => {
    const gz = gzipSync('v1.2.300\nstatus=404 {"error_code":"IMG.0027"}\n')
    const findings: Array<LineFinding> = []
    const stats = await _.classifyStream(chunksOf(gz.subarray(0, 1), gz.subarray(1, 10), gz.subarray(10)), (f) => findings.push(f))
    expect(findings.map((f) => [f.line, f.code, f.status])).toEqual([[2, 'IMG.0027', 404]])
    expect(stats.lines).toBe(2)
  })
  it('reads concatenated gzip members', async () => {
    const findings: Array<LineFinding> = []
    await _.classifyStream(chunksOf(Buffer.concat([gzipSync('AS.0001\n'), gzipSync('IMG.0027\n')])), (f) => findings.push(f))
    expect(findings.map((f) => [f.line, f.code])).toEqual([
      [1, 'AS.0001'],
      [2, 'IMG.0027'],
    ])
  })
  it('rejects a corrupt gzip stream', async () => {
    const gz = gzipSync('AS.0001\n'.repeat(1000))
    await expect(_.classifyStream(chunksOf(gz.subarray(0, gz.length - 20)), () => undefined)).rejects.toThrow()
  })
  it('plain text is passed through, even a one-byte first chunk', async () => {
    const findings: Array<LineFinding> = []
    await _.classifyStream(chunksOf(encode('\x1f'), encode('x AS.0001\n')), (f) => findings.push(f))
    expect(findings.map((f) => f.code)).toEqual(['AS.0001'])
  })
})
