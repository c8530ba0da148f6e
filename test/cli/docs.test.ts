// The writer that puts the pages on disk, and the command with it (the command's arguments and
// output in memory are docs/cli.test.ts's).
import * as E from 'fp-ts/lib/Either.js'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import * as _ from '../../src/cli/docs.js'
import { docsLinks } from '../../src/catalog/links.js'
import { defaultCatalog } from '../../src/catalog/catalog.js'
import { memoryIO } from './memoryIO.js'

const dir = mkdtempSync(join(tmpdir(), 'otc-cli-docs-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('fileWriter', () => {
  it('makes a directory with its parents, and again when it exists', async () => {
    const deep = join(dir, 'a', 'b', 'c')
    expect(await _.fileWriter.makeDir(deep)).toEqual(E.right(undefined))
    expect(await _.fileWriter.makeDir(deep)).toEqual(E.right(undefined))
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['c'])
  })
  it('writes a file, and overwrites it', async () => {
    const path = join(dir, 'page.md')
    expect(await _.fileWriter.writeFile(path, 'one')).toEqual(E.right(undefined))
    expect(await _.fileWriter.writeFile(path, 'two ü')).toEqual(E.right(undefined))
    expect(readFileSync(path, 'utf8')).toBe('two ü')
  })
  it('gives a one-line reason: a path under a file, a directory in the way', async () => {
    const file = join(dir, 'plain.txt')
    writeFileSync(file, 'x')
    expect(await _.fileWriter.makeDir(join(file, 'site'))).toEqual(E.left(`${join(file, 'site')}: not a directory`))
    expect(await _.fileWriter.makeDir(file)).toEqual(E.left(`${file}: not a directory`))
    mkdirSync(join(dir, 'taken'))
    expect(await _.fileWriter.writeFile(join(dir, 'taken'), 'x')).toEqual(E.left(`${join(dir, 'taken')}: is a directory`))
  })
})

describe('docsCommand with the file writer', () => {
  it('writes index.md and a page per service to disk', async () => {
    const out = join(dir, 'site')
    const m = memoryIO()
    expect(await _.docsCommand(['--out', out, '--format', 'md'], m.io)).toBe(0)
    const { services, pageOf } = docsLinks(defaultCatalog().files())
    const pages = services.map((s) => pageOf.get(s))
    expect(readdirSync(out).sort()).toEqual(['index.md', ...pages].sort())
    expect(m.out()).toBe(`wrote index.md and ${services.length} service pages to ${out}\n`)
    const index = readFileSync(join(out, 'index.md'), 'utf8')
    for (const page of pages) expect(index).toContain(`(${page})`)
  })
  it('exits 2 with one line when the directory cannot be made', async () => {
    const file = join(dir, 'blocker')
    writeFileSync(file, 'x')
    const m = memoryIO()
    expect(await _.docsCommand(['--out', join(file, 'site'), '--format', 'md'], m.io)).toBe(2)
    expect(m.err()).toBe(`otc-errors docs: cannot write ${join(file, 'site')}: not a directory\n`)
  })
  it('refuses a blank --out', async () => {
    const m = memoryIO()
    expect(await _.docsCommand(['--out', '  '], m.io)).toBe(2)
    expect(m.err()).toContain('--out DIR is required')
  })
})
