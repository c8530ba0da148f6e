// docs/catalog/ is committed so that the repository host renders it. This regenerates it into a
// temporary directory, through the docs command itself, and fails while the committed files
// differ: after changing catalog/ (or the page or its script), run `npm run docs` and commit.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { docsCommand, fileWriter } from '../../src/cli/docs.js'
import { processIO } from '../../src/cli/io.js'

const committed = new URL('../../docs/catalog/', import.meta.url).pathname
const HINT = 'docs/catalog/ is out of date: run `npm run docs` and commit docs/catalog/'

describe('docs/catalog/', () => {
  it('is what `otc-errors docs` generates from catalog/ now', async () => {
    expect(existsSync(committed), HINT).toBe(true)
    const fresh = mkdtempSync(join(tmpdir(), 'otc-docs-drift-'))
    const io = { ...processIO(), stdout: () => undefined }
    expect(await docsCommand(['--out', fresh], io, fileWriter)).toBe(0)
    const names = readdirSync(fresh).sort()
    expect(readdirSync(committed).sort(), HINT).toEqual(names)
    const stale = names.filter((name) => readFileSync(join(fresh, name), 'utf8') !== readFileSync(join(committed, name), 'utf8'))
    let detail = ''
    if (stale.includes('index.html')) {
      // Say which part moved: the catalogue data and rows, or only the page script (library code).
      const strip = (html: string) => html.replace(/<script type="text\/plain" id="otcScript">[\s\S]*?<\/script>/, '')
      const onlyScript = strip(readFileSync(join(fresh, 'index.html'), 'utf8')) === strip(readFileSync(join(committed, 'index.html'), 'utf8'))
      detail = onlyScript ? ' (in index.html only its script, the library bundled for the browser, changed)' : ''
    }
    expect(stale, `${HINT}${detail}`).toEqual([])
  })
  it('writes with a writer that reports, never throws', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otc-docs-writer-'))
    writeFileSync(join(dir, 'file'), '')
    expect(await fileWriter.makeDir(join(dir, 'file', 'sub'))).toEqual(E.left(`${join(dir, 'file', 'sub')}: not a directory`))
    expect(await fileWriter.writeFile(join(dir, 'missing', 'x.md'), '')).toMatchObject({ _tag: 'Left' })
    expect(await fileWriter.writeFile(dir, '')).toEqual(E.left(`${dir}: is a directory`))
    expect(await fileWriter.writeFile(join(dir, 'ok.md'), 'ok')).toEqual(E.right(undefined))
  })
})
