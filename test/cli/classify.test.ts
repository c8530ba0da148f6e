import * as E from 'fp-ts/lib/Either.js'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import * as _ from '../../src/cli/classify.js'
import type { CliIO } from '../../src/cli/io.js'
import { categories } from '../../src/error/vocabulary.js'

const LOG = [
  '2024-05-01T12:30:05.123Z INFO GET /v1/servers 200 12ms from 10.0.0.1 (app.js.map v1.2.300)',
  '2024-05-01T12:30:06.001Z ERROR status=429 error_code=APIGW.0308 request_id=77aa0f3c',
  '{"level":"error","status":400,"body":"{\\"error_code\\":\\"AS.0001\\",\\"error_msg\\":\\"x\\"}"}',
  'HTTP/1.1 404 Not Found <Error><Code>NoSuchBucket</Code></Error>',
  'time=12:30:07.5 level=error status=503 error_code=FOO.0001',
  '2024-05-01T12:30:08.001Z ERROR status=429 error_code=APIGW.0308 request_id=88bb1a4d',
].join('\n')

const encode = (s: string): Uint8Array => new TextEncoder().encode(s)

async function* chunksOf(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

const memoryIO = (files: Readonly<Record<string, string | Uint8Array>>, options: { readonly stdin?: string; readonly tty?: boolean; readonly streaming?: boolean } = {}) => {
  let stdout = ''
  let stderr = ''
  const bytesOf = (path: string): Uint8Array | undefined => {
    const content = files[path]
    return content === undefined ? undefined : typeof content === 'string' ? encode(content) : content
  }
  const io: CliIO = {
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    readStdin: async () => encode(options.stdin ?? ''),
    readFile: async (path) => {
      const bytes = bytesOf(path)
      return bytes === undefined ? E.left(`${path}: no such file or directory`) : E.right(bytes)
    },
    listDir: async (path) => E.left(`${path}: not a directory`),
    ...(options.streaming === true
      ? {
          openInput: async (path: string) => {
            const bytes = bytesOf(path)
            return bytes === undefined ? E.left(`${path}: no such file or directory`) : E.right({ size: bytes.length, chunks: chunksOf(bytes) })
          },
          stdinStream: () => chunksOf(encode(options.stdin ?? '')),
        }
      : {}),
    ...(options.tty === undefined ? {} : { isStderrTTY: options.tty }),
  }
  return { io, stdout: () => stdout, stderr: () => stderr }
}

const run = async (argv: ReadonlyArray<string>, files: Readonly<Record<string, string | Uint8Array>> = { 'app.log': LOG }, options = {}) => {
  const m = memoryIO(files, options)
  const code = await _.classifyCommand(argv, m.io)
  return { code, stdout: m.stdout(), stderr: m.stderr() }
}

describe('classify --format json', () => {
  it('counts lines, findings and codes', async () => {
    const r = await run(['app.log', '--format', 'json'])
    expect([r.code, r.stderr]).toEqual([0, ''])
    expect(JSON.parse(r.stdout)).toEqual({
      lines: 6,
      findings: 5,
      byCode: { 'APIGW.0308': 2, 'AS.0001': 1, 'FOO.0001': 1, NoSuchBucket: 1 },
      badLines: 0,
      longLines: 0,
      files: [{ file: 'app.log', lines: 6, bytes: LOG.length, findings: 5, badLines: 0, longLines: 0 }],
      unreadable: [],
    })
  })
  it('streams the same answer as a whole read', async () => {
    const whole = await run(['app.log', '--format', 'json'])
    const streamed = await run(['app.log', '--format', 'json'], { 'app.log': LOG }, { streaming: true })
    expect(streamed).toEqual(whole)
  })
  it('reads gzip files', async () => {
    const r = await run(['app.log.gz', '--format', 'json'], { 'app.log.gz': gzipSync(LOG) }, { streaming: true })
    expect(JSON.parse(r.stdout)).toMatchObject({ lines: 6, findings: 5 })
  })
})

describe('classify --format ndjson', () => {
  it('prints one finding a line, with the file and the 1-based line', async () => {
    const r = await run(['app.log', '--format', 'ndjson'])
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toHaveLength(5)
    expect(lines[0]).toEqual({
      file: 'app.log',
      line: 2,
      code: 'APIGW.0308',
      service: 'APIG',
      status: 429,
      category: 'throttled',
      retryable: true,
      known: true,
      requestId: '77aa0f3c',
    })
    expect(lines[3]).toEqual({ file: 'app.log', line: 5, code: 'FOO.0001', service: 'FOO', status: 503, category: 'unavailable', retryable: true, known: false })
    expect(lines.map((l) => l['line'])).toEqual([2, 3, 4, 5, 6])
  })
  it('has no file for stdin', async () => {
    for (const streaming of [false, true]) {
      const r = await run(['--format', 'ndjson'], {}, { stdin: 'x\nstatus=400 AS.0001\n', streaming })
      expect(JSON.parse(r.stdout)).toEqual({ line: 2, code: 'AS.0001', service: 'AS', status: 400, category: 'validation', retryable: false, known: true })
    }
  })
  it('--fields otel and --fields ecs rename the fields to OpenTelemetry and ECS names', async () => {
    const first = async (fields: string) => JSON.parse((await run(['app.log', '--format', 'ndjson', '--fields', fields])).stdout.split('\n')[0] ?? '') as unknown
    expect(await first('otel')).toEqual({
      'log.file.path': 'app.log',
      'otc.log.line': 2,
      'error.type': 'APIGW.0308',
      'http.response.status_code': 429,
      'otc.error.service': 'APIG',
      'otc.error.category': 'throttled',
      'otc.error.retryable': true,
      'otc.error.known': true,
      'otc.request_id': '77aa0f3c',
    })
    expect(await first('ecs')).toEqual({
      'log.file.path': 'app.log',
      'otc.log.line': 2,
      'event.outcome': 'failure',
      'error.code': 'APIGW.0308',
      'error.type': 'throttled',
      'http.response.status_code': 429,
      'http.request.id': '77aa0f3c',
      'otc.error.service': 'APIG',
      'otc.error.retryable': true,
      'otc.error.known': true,
    })
    expect(await first('otc-errors')).toEqual(JSON.parse((await run(['app.log', '--format', 'ndjson'])).stdout.split('\n')[0] ?? ''))
    const stdin = await run(['--format', 'ndjson', '--fields', 'ecs'], {}, { stdin: 'AS.0001\n' })
    expect(JSON.parse(stdin.stdout)).toEqual({
      'otc.log.line': 1,
      'event.outcome': 'failure',
      'error.code': 'AS.0001',
      'error.type': 'server',
      'otc.error.service': 'AS',
      'otc.error.retryable': true,
      'otc.error.known': true,
    })
  })
})

describe('classify filters', () => {
  it('--category keeps one category', async () => {
    const r = await run(['app.log', '--format', 'json', '--category', 'throttled'])
    expect(JSON.parse(r.stdout)).toMatchObject({ lines: 6, findings: 2, byCode: { 'APIGW.0308': 2 } })
  })
  it('--unknown-only keeps codes the catalogue does not know', async () => {
    const r = await run(['app.log', '--format', 'json', '--unknown-only'])
    expect(JSON.parse(r.stdout)).toMatchObject({ findings: 1, byCode: { 'FOO.0001': 1 } })
  })
})

describe('classify summary', () => {
  it('is a table per code with count, service, category, retryable, first and last line', async () => {
    const r = await run(['app.log'])
    expect(r.code).toBe(0)
    const [header, first, ...rest] = r.stdout.split('\n')
    expect(header).toMatch(/^code\s+count\s+service\s+category\s+retryable\s+first\s+last$/)
    expect(first).toMatch(/^APIGW\.0308\s+2\s+APIG\s+throttled\s+yes\s+app\.log:2\s+app\.log:6$/)
    expect(r.stdout).toMatch(/FOO\.0001 \(unknown\)\s+1\s+FOO\s+unavailable\s+yes/)
    expect(rest).toContain('5 findings of 4 codes in 6 lines.')
  })
  it('says so when there is nothing', async () => {
    const r = await run([], {}, { stdin: 'v1.2.300 10.0.0.1\n' })
    expect(r.stdout).toBe('No error codes found in 1 line.\n')
  })
})

describe('classify inputs', () => {
  it('an unreadable file is reported, exit 2, and the others are still read', async () => {
    const r = await run(['a.log', 'missing.log', 'b.log', '--format', 'json'], { 'a.log': 'AS.0001\n', 'b.log': 'x\nIMG.0027\n' })
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('otc-errors classify: missing.log: no such file or directory\n')
    expect(JSON.parse(r.stdout)).toMatchObject({
      lines: 3,
      findings: 2,
      byCode: { 'AS.0001': 1, 'IMG.0027': 1 },
      unreadable: [{ file: 'missing.log', reason: 'missing.log: no such file or directory' }],
    })
  })
  it('a corrupt gzip file is unreadable too, after what it gave', async () => {
    const gz = gzipSync('AS.0001\n'.repeat(5000))
    const r = await run(['bad.gz', 'b.log', '--format', 'json'], { 'bad.gz': gz.subarray(0, gz.length - 30), 'b.log': 'IMG.0027\n' }, { streaming: true })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^otc-errors classify: bad\.gz: .+\n$/)
    expect(JSON.parse(r.stdout)).toMatchObject({ byCode: { 'IMG.0027': 1 } })
  })
  it('counts bad lines rather than dropping them', async () => {
    const r = await run(['x.log', '--format', 'json'], { 'x.log': new Uint8Array([0xff, 0x20, ...encode('AS.0001\nok\n')]) })
    expect(JSON.parse(r.stdout)).toMatchObject({ lines: 2, findings: 1, badLines: 1 })
  })
})

describe('classify progress', () => {
  it('draws a bar on stderr when stderr is a terminal and the input a file', async () => {
    const r = await run(['app.log', '--format', 'json'], { 'app.log': LOG }, { streaming: true, tty: true })
    expect(r.stderr).toContain('MB/s')
    expect(r.stderr.endsWith('\r\u001b[K')).toBe(true)
    expect(JSON.parse(r.stdout)).toMatchObject({ findings: 5 })
  })
  it('draws nothing when piped, or for stdin', async () => {
    expect((await run(['app.log'], { 'app.log': LOG }, { streaming: true, tty: false })).stderr).toBe('')
    expect((await run([], {}, { streaming: true, tty: true, stdin: LOG })).stderr).toBe('')
  })
})

describe('classify --format html', () => {
  it('is one page with a row per code, the first and last line of each, and the timeline', async () => {
    const r = await run(['app.log', '--format', 'html'])
    expect(r.code).toBe(0)
    const html = r.stdout
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect([...html.matchAll(/<tr data-code="([^"]+)"><td>.*?data-count="(\d+)"/g)].map((m) => [m[1], Number(m[2])])).toEqual([
      ['APIGW.0308', 2],
      ['AS.0001', 1],
      ['FOO.0001', 1],
      ['NoSuchBucket', 1],
    ])
    expect(html).toContain('app.log:2</span><br><code>2024-05-01T12:30:06.001Z ERROR status=429 error_code=APIGW.0308 request_id=77aa0f3c</code>')
    expect(html).toContain('app.log:6</span>')
    const data = JSON.parse(/<script type="application\/json" id="otcReportData">(.*?)<\/script>/.exec(html)?.[1] ?? 'null') as {
      timeline: { untimed: number; categories: Record<string, ReadonlyArray<number>> }
    }
    expect(data.timeline.categories['throttled']?.reduce((a, b) => a + b, 0)).toBe(2)
    // Lines 3 and 4 carry no time; line 5's bare time has no date anywhere.
    expect(data.timeline.untimed).toBe(3)
  })
})

describe('classify usage', () => {
  it('--help', async () => {
    const r = await run(['--help'])
    expect([r.code, r.stdout.split('\n')[0]]).toEqual([0, _.CLASSIFY_HELP.split('\n')[0]])
  })
  it.each([
    [['--format', 'xml'], '--format expects summary, ndjson, json or html, got "xml"'],
    [['--format', 'ndjson', '--fields', 'gelf'], '--fields expects otc-errors, otel, ecs, got "gelf"'],
    [['--fields', 'otel'], '--fields goes with --format ndjson'],
    [['--category', 'teapot'], '--category expects one of'],
    [['--nope'], "Unknown option '--nope'"],
  ])('%j is a usage error', async (argv, message) => {
    const r = await run(argv)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.split('\n')[0]).toContain(message)
  })
})

describe('readClassifyArgs', () => {
  it('reads a run into its plan: stdin without FILE, the flags checked', () => {
    expect(_.readClassifyArgs(['--format', 'ndjson', '--fields', 'ecs', '--category', 'throttled', '--unknown-only', '--catalog', 'a.json', '--catalog', 'b'])).toEqual(
      E.right({ _tag: 'Run', format: 'ndjson', fields: 'ecs', category: 'throttled', unknownOnly: true, catalogPaths: ['a.json', 'b'], inputs: ['-'] }),
    )
  })
  it('--help wins over flags that would be refused', () => {
    expect(_.readClassifyArgs(['--format', 'xml', '--fields', 'gelf', '-h'])).toEqual(E.right({ _tag: 'Help' }))
  })
  it.each([
    [['--format', 'xml', '--category', 'teapot'], '--format expects summary, ndjson, json or html, got "xml"'],
    [['--category', 'teapot', '--fields', 'gelf'], `--category expects one of ${categories.join(', ')}, got "teapot"`],
    [['--fields', 'gelf', '--format', 'json'], '--fields expects otc-errors, otel, ecs, got "gelf"'],
    [['--fields', 'otc-errors', '--format', 'json'], '--fields goes with --format ndjson'],
  ])('%j: the first problem, in the order format, category, fields', (argv, message) => {
    expect(_.readClassifyArgs(argv)).toEqual(E.left({ _tag: 'Usage', message }))
  })
})

const bin = new URL('../../dist/src/cli/bin.js', import.meta.url).pathname

describe('otc-errors classify (built)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otc-classify-'))
  const app = join(dir, 'app.log')
  writeFileSync(app, `${LOG}\n`)
  writeFileSync(join(dir, 'app.log.gz'), gzipSync(`${LOG}\n`))
  const spawn = (args: ReadonlyArray<string>, input?: string) => {
    const r = spawnSync(process.execPath, [bin, 'classify', ...args], { input, encoding: 'utf8' })
    return { code: r.status, stdout: r.stdout, stderr: r.stderr }
  }

  it('--format json on a file and on its gzip', () => {
    for (const file of [app, join(dir, 'app.log.gz')]) {
      const r = spawn([file, '--format', 'json'])
      expect([r.code, r.stderr]).toEqual([0, ''])
      expect(JSON.parse(r.stdout)).toMatchObject({ lines: 6, findings: 5, byCode: { 'APIGW.0308': 2, 'AS.0001': 1, 'FOO.0001': 1, NoSuchBucket: 1 } })
    }
  })
  it('ndjson from stdin', () => {
    const r = spawn(['--format', 'ndjson'], 'ok\nstatus=429 APIGW.0308\n')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ line: 2, code: 'APIGW.0308', category: 'throttled' })
  })
  it('an unreadable file among several: reported, exit 2, the others processed', () => {
    const r = spawn([app, join(dir, 'missing.log'), dir, '--format', 'json'])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(`otc-errors classify: ${join(dir, 'missing.log')}: no such file or directory\notc-errors classify: ${dir}: is a directory\n`)
    expect(JSON.parse(r.stdout)).toMatchObject({ findings: 5 })
  })
  it('reads many files without a warning on stderr', () => {
    const files = Array.from({ length: 15 }, (_, i) => {
      const file = join(dir, `part-${i}.log`)
      writeFileSync(file, 'status=429 APIGW.0308\n')
      return file
    })
    const r = spawn([...files, '--format', 'json'])
    expect([r.code, r.stderr]).toEqual([0, ''])
    expect(JSON.parse(r.stdout)).toMatchObject({ findings: 15, byCode: { 'APIGW.0308': 15 } })
  })
  it('is listed in the main help', () => {
    const r = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })
    expect(r.stdout).toMatch(/^ {2}classify /m)
  })
})

describe('classify on a stream that can be interrupted', () => {
  it('keeps no chunk it has read: memory stays flat over 256 MiB of stdin', async () => {
    // A fresh 1 MiB chunk at a time, as a pipe delivers them; Ctrl-C armed but never pressed.
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    let served = 0
    async function* stdin(): AsyncGenerator<Uint8Array> {
      for (; served < 256; served++) yield encode(`INFO request served in 12 ms\n`.repeat(36_000)).subarray(0, 1 << 20)
    }
    const controller = new AbortController()
    let peak = 0
    async function* watched(): AsyncGenerator<Uint8Array> {
      for await (const chunk of stdin()) {
        if (served % 32 === 31) {
          gc()
          peak = Math.max(peak, process.memoryUsage().arrayBuffers)
        }
        yield chunk
      }
    }
    gc()
    const before = process.memoryUsage().arrayBuffers
    const io: CliIO = { ...memoryIO({}).io, stdinStream: watched, onInterrupt: () => controller.signal }
    expect(await _.classifyCommand(['--format', 'json'], io)).toBe(0)
    expect(served).toBe(256)
    // Kept chunks would show as 100+ MiB here; a flat reader holds a few.
    expect(peak - before).toBeLessThan(64 << 20)
  }, 60_000)
})
