// The package as a browser bundle sees it: esbuild (platform browser, as a web app's build would
// run it) resolves `otc-errors`, `otc-errors/core` and `otc-errors/catalog` through the
// `exports` map (the `browser` condition: dist/src/, module by module). No Node built-in may
// reach them; `decode` without the catalogue stays small; the catalogue is a module of its own
// that a bundler splits off when it is imported lazily. The bundles run here too.
import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const work = join(root, 'test-output', 'package-browser')
/** A web app's directory, with the package installed (linked) in its node_modules. */
const app = join(work, 'app')
rmSync(work, { recursive: true, force: true })
mkdirSync(join(app, 'node_modules'), { recursive: true })
symlinkSync(root, join(app, 'node_modules', 'otc-errors'), 'dir')

/** The bound of the issue: `decode` without the catalogue, minified and gzipped. */
const DECODE_ONLY_MAX_GZIP = 30 * 1024
const NODE_BUILTINS = /^(node:|(assert|buffer|child_process|crypto|events|fs|http|https|module|net|os|path|process|stream|url|util|worker_threads|zlib)(\/|$))/

const bundle = async (contents: string, options: esbuild.BuildOptions = {}): Promise<esbuild.BuildResult & { metafile: esbuild.Metafile }> => {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: app, sourcefile: 'app.js' },
    absWorkingDir: app,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: ['es2020'],
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    ...options,
  })
  return result as esbuild.BuildResult & { metafile: esbuild.Metafile }
}

/** Every import the bundle resolved that names a Node built-in, and every input outside the package's dist/src and its dependencies. */
const leaks = (metafile: esbuild.Metafile): ReadonlyArray<string> =>
  Object.entries(metafile.inputs).flatMap(([input, { imports }]) => [
    ...imports.filter((i) => NODE_BUILTINS.test(i.original ?? i.path) || NODE_BUILTINS.test(i.path)).map((i) => `${input} imports ${i.original ?? i.path}`),
    ...(/(^|\/)dist\/node\/|catalog\/data\/node\.js$/.test(input) ? [`${input} (a Node-only module)`] : []),
  ])

const gzipped = (text: string): number => gzipSync(text, { level: 9 }).length

describe('browser bundles of the package', () => {
  it('have no Node built-in in any entry point', async () => {
    for (const entry of ['otc-errors', 'otc-errors/core', 'otc-errors/catalog']) {
      const result = await bundle(`export * from '${entry}'`)
      expect(result.errors, entry).toEqual([])
      expect(leaks(result.metafile), entry).toEqual([])
      expect(
        Object.keys(result.metafile.inputs).some((i) => i.includes('dist/src/')),
        entry,
      ).toBe(true)
    }
  }, 120_000)

  it(`decode without the catalogue is at most ${DECODE_ONLY_MAX_GZIP / 1024} KB gzipped`, async () => {
    const result = await bundle(`import * as t from 'io-ts'; import { decode } from 'otc-errors/core'; export const decodeError = (raw) => decode(t.unknown)(raw)`, {
      outfile: join(work, 'decode.js'),
      write: true,
    })
    expect(result.errors).toEqual([])
    expect(leaks(result.metafile)).toEqual([])
    expect(Object.keys(result.metafile.inputs).filter((i) => i.includes('catalog/data/'))).toEqual([])
    // fp-ts as ES modules (the package's browser field maps every fp-ts/lib import to fp-ts/es6), so it is tree-shaken.
    expect(Object.keys(result.metafile.inputs).filter((i) => i.includes('fp-ts/lib/'))).toEqual([])
    const text = readFileSync(join(work, 'decode.js'), 'utf8')
    const size = gzipped(text)
    process.stdout.write(`decode without the catalogue (otc-errors/core; esbuild --bundle --minify --platform=browser): ${text.length} bytes, ${size} bytes gzipped\n`)
    expect(size).toBeLessThanOrEqual(DECODE_ONLY_MAX_GZIP)
    // It works: without a catalogue, the status and the wording classify.
    const loaded = (await import(pathToFileURL(join(work, 'decode.js')).href)) as { decodeError: (raw: unknown) => { left: unknown } }
    expect(loaded.decodeError({ status: 404, body: '{"error_code":"IMG.0027","error_msg":"The image does not exist."}' }).left).toMatchObject({
      known: false,
      category: 'not-found',
      service: 'IMG',
    })
  }, 120_000)

  it('the catalogue is a chunk of its own when imported lazily, and the decoder uses it once loaded', async () => {
    const source = `
      import * as t from 'io-ts'
      import { decode } from 'otc-errors/core'
      export const decodeError = (raw, catalog) => decode(t.unknown, catalog === undefined ? {} : { catalog })(raw)
      export const loadCatalogue = () => import('otc-errors/catalog').then((m) => m.shippedCatalog())
    `
    const out = join(work, 'split')
    const result = await bundle(source, { splitting: true, outdir: out, write: true, entryNames: 'app', chunkNames: 'chunk-[hash]' })
    expect(result.errors).toEqual([])
    expect(leaks(result.metafile)).toEqual([])
    const outputs = result.metafile.outputs
    const main = Object.keys(outputs).find((file) => file.endsWith('app.js')) ?? ''
    /** The outputs a page loads up front: the entry and what it imports statically, transitively. */
    const upFront = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen
      seen.add(file)
      for (const i of outputs[file]?.imports ?? []) if (i.kind === 'import-statement') upFront(i.path, seen)
      return seen
    }
    const eager = upFront(main)
    // (output paths are relative to the app's directory, esbuild's working directory)
    const eagerInputs = [...eager].flatMap((file) => Object.keys(outputs[file]?.inputs ?? {}))
    expect(eagerInputs.filter((i) => i.includes('catalog/data/'))).toEqual([])
    const eagerSize = [...eager].reduce((n, file) => n + gzipped(readFileSync(join(app, file), 'utf8')), 0)
    expect(eagerSize).toBeLessThanOrEqual(DECODE_ONLY_MAX_GZIP)
    const lazy = Object.entries(outputs).filter(([file, meta]) => !eager.has(file) && Object.keys(meta.inputs).some((i) => i.endsWith('catalog/data/as.json')))
    expect(lazy.length).toBe(1)

    const loaded = (await import(pathToFileURL(join(out, 'app.js')).href)) as {
      decodeError: (raw: unknown, catalog?: unknown) => { left: unknown }
      loadCatalogue: () => Promise<unknown>
    }
    const raw = { status: 400, body: '{"error_code":"AS.0001","error_msg":"The request message format is invalid."}' }
    expect(loaded.decodeError(raw).left).toMatchObject({ known: false, category: 'validation', service: 'AS' })
    const catalog = await loaded.loadCatalogue()
    expect(loaded.decodeError(raw, catalog).left).toMatchObject({ known: true, category: 'validation', service: 'AS', catalog: { code: 'AS.0001', status: 500 } })
  }, 120_000)

  it('the package root carries the catalogue, and is the default catalogue there', async () => {
    const result = await bundle(`import { lookup } from 'otc-errors'; export const found = lookup('APIGW.0308')`, { outfile: join(work, 'root.js'), write: true })
    expect(leaks(result.metafile)).toEqual([])
    const loaded = (await import(pathToFileURL(join(work, 'root.js')).href)) as { found: { _tag: string; value?: { code: string } } }
    expect(loaded.found).toMatchObject({ _tag: 'Some', value: { code: 'APIG.0308' } })
  }, 120_000)
})
