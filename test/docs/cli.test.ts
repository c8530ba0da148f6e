import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { docsCommand, DOCS_HELP, type DocsWriter } from '../../src/cli/docs.js'
import type { CliIO } from '../../src/cli/io.js'
import { COMMANDS } from '../../src/cli/main.js'
import { defaultCatalog } from '../../src/catalog/index.js'

/** One Markdown page per service of the shipped catalogue. */
const services = new Set(defaultCatalog().files().map(({ file }) => file.service)).size

const memoryIO = () => {
  const out: Array<string> = []
  const err: Array<string> = []
  const io: CliIO = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async () => new Uint8Array(),
    readFile: async (path) => {
      try {
        return E.right(readFileSync(path))
      } catch {
        return E.left(`${path}: no such file or directory`)
      }
    },
    listDir: async (path) => {
      try {
        return E.right(readdirSync(path))
      } catch {
        return E.left(`${path}: no such file or directory`)
      }
    },
  }
  return { io, out, err }
}

const memoryWriter = (failOn?: string) => {
  const files = new Map<string, string>()
  const dirs: Array<string> = []
  const writer: DocsWriter = {
    makeDir: async (path) => (dirs.push(path), E.right(undefined)),
    writeFile: async (path, content) => (path === failOn ? E.left(`${path}: permission denied`) : (files.set(path, content), E.right(undefined))),
  }
  return { writer, files, dirs }
}

describe('docs command (in memory)', () => {
  it('is registered', () => {
    expect(COMMANDS.get('docs')?.summary).toContain('HTML')
  })
  it('writes index.md, a page per service and index.html by default', async () => {
    const { io, out, err } = memoryIO()
    const { writer, files, dirs } = memoryWriter()
    expect(await docsCommand(['--out', 'site'], io, writer, '/* bundle */')).toBe(0)
    expect(err).toEqual([])
    expect(dirs).toEqual(['site'])
    expect([...files.keys()]).toContain(join('site', 'index.md'))
    expect([...files.keys()]).toContain(join('site', 'AS.md'))
    expect([...files.keys()].at(-1)).toBe(join('site', 'index.html'))
    expect(files.size).toBe(services + 2)
    expect(files.get(join('site', 'index.html'))).toContain('<script type="text/plain" id="otcScript">/* bundle */</script>')
    expect(out).toEqual([`wrote index.md and ${services} service pages, index.html to site\n`])
  })
  it('--format md writes only Markdown, and needs no bundle', async () => {
    const { io, out } = memoryIO()
    const { writer, files } = memoryWriter()
    expect(await docsCommand(['--out', 'site', '--format', 'md'], io, writer, null)).toBe(0)
    expect([...files.keys()].every((p) => p.endsWith('.md'))).toBe(true)
    expect(files.get(join('site', 'index.md'))).not.toContain('index.html')
    expect(out).toEqual([`wrote index.md and ${services} service pages to site\n`])
  })
  it('--format html writes only index.html', async () => {
    const { io } = memoryIO()
    const { writer, files } = memoryWriter()
    expect(await docsCommand(['--out', 'site', '--format=html'], io, writer, '')).toBe(0)
    expect([...files.keys()]).toEqual([join('site', 'index.html')])
  })
  it('explains, and exits 2, when the build has no browser bundle', async () => {
    const { io, err } = memoryIO()
    const { writer, files } = memoryWriter()
    expect(await docsCommand(['--out', 'site'], io, writer, null)).toBe(2)
    expect(files.size).toBe(0)
    expect(err.join('')).toContain('esbuild')
    expect(err.join('')).toContain('--format md')
  })
  it.each([
    [[], '--out DIR is required'],
    [['--out'], "Option '--out <value>' argument missing"],
    [['--out', 'x', '--format', 'pdf'], '--format expects md, html, all, got "pdf"'],
    [['--out', 'x', 'extra'], 'unexpected argument "extra"'],
    [['--nope'], "Unknown option '--nope'"],
  ])('usage error %j', async (argv, message) => {
    const { io, err } = memoryIO()
    const { writer, files } = memoryWriter()
    expect(await docsCommand(argv, io, writer, '')).toBe(2)
    expect(err.join('')).toContain(message)
    expect(files.size).toBe(0)
  })
  it('--help', async () => {
    const { io, out } = memoryIO()
    expect(await docsCommand(['--help'], io, memoryWriter().writer, '')).toBe(0)
    expect(out).toEqual([DOCS_HELP])
  })
  it('a file that cannot be written is one line and exit 2', async () => {
    const { io, err } = memoryIO()
    const { writer } = memoryWriter(join('site', 'AS.md'))
    expect(await docsCommand(['--out', 'site'], io, writer, '')).toBe(2)
    expect(err).toEqual([`otc-errors docs: cannot write ${join('site', 'AS.md')}: permission denied\n`])
  })
  it('documents a layered catalogue (--catalog)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otc-docs-catalog-'))
    writeFileSync(
      join(dir, 'shop.json'),
      JSON.stringify({ service: 'SHOP', title: 'Our shop', prefixes: ['SHOP'], sources: [], entries: [{ code: 'SHOP.0001', status: 409, message: 'Basket | locked.', category: 'conflict', retry: 'backoff', remedy: 'Wait.' }] }),
    )
    const { io } = memoryIO()
    const { writer, files } = memoryWriter()
    expect(await docsCommand(['--out', 'site', '--catalog', dir], io, writer, '')).toBe(0)
    expect(files.get(join('site', 'SHOP.md'))).toContain('| <a id="shop-0001"></a>[SHOP.0001](#shop-0001) | 409 | conflict | backoff | Basket \\| locked. | Wait. |')
    expect(files.get(join('site', 'index.html'))).toContain('["SHOP.0001",409,"Basket | locked.",')
    expect(files.get(join('site', 'index.html'))).toContain('<option value="SHOP">SHOP (1)</option>')
  })
})

const bin = new URL('../../dist/src/cli/bin.js', import.meta.url).pathname
const root = new URL('../..', import.meta.url).pathname

describe('otc-errors docs (built)', () => {
  it('writes the pages to disk', () => {
    const out = mkdtempSync(join(tmpdir(), 'otc-docs-'))
    const r = spawnSync(process.execPath, [bin, 'docs', '--out', join(out, 'nested/dir')], { cwd: root, encoding: 'utf8' })
    expect([r.status, r.stderr]).toEqual([0, ''])
    const written = readdirSync(join(out, 'nested/dir')).sort()
    expect(written).toContain('index.html')
    expect(written).toContain('AS.md')
    expect(written.length).toBe(services + 2)
    expect(readFileSync(join(out, 'nested/dir/AS.md'), 'utf8')).toContain('<a id="as-0001"></a>')
  })
  it('a path under a file is exit 2 with one line', () => {
    const out = mkdtempSync(join(tmpdir(), 'otc-docs-'))
    writeFileSync(join(out, 'file'), '')
    const r = spawnSync(process.execPath, [bin, 'docs', '--out', join(out, 'file/sub')], { cwd: root, encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr).toBe(`otc-errors docs: cannot write ${join(out, 'file/sub')}: not a directory\n`)
  })
})
