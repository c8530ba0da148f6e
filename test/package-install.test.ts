// The package as users get it: `npm pack` makes the tarball (its prepack script builds; here the
// build is the one the test run made, so --ignore-scripts), and `npm install` puts it into a
// scratch project, offline: the dependencies are already in that project's node_modules (linked
// to this repository's), so npm only installs the tarball. The project then uses it from ESM,
// CommonJS (`require`, Node >= 20.19) and TypeScript (`module: nodenext`, strict), and runs its
// command.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const work = join(root, 'test-output', 'package-install')
const project = join(work, 'project')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/** What the tarball holds, and the project with it installed; made once. */
let made: { readonly files: ReadonlyArray<string> } | undefined
const make = (): { readonly files: ReadonlyArray<string> } => {
  if (made !== undefined) return made
  rmSync(work, { recursive: true, force: true })
  mkdirSync(join(project, 'node_modules', '@types'), { recursive: true })
  const packed = JSON.parse(execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' })) as Array<{
    filename: string
    files: Array<{ path: string }>
  }>
  const tarball = packed[0]?.filename
  if (tarball === undefined) throw new Error('npm pack made no tarball')
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', version: '1.0.0', private: true }))
  // The dependencies (and, for the TypeScript check, Node's types), as a registry install would leave them.
  for (const dep of ['io-ts', 'fp-ts', 'retry-ts', '@types/node']) symlinkSync(join(root, 'node_modules', dep), join(project, 'node_modules', dep), 'dir')
  const install = spawnSync(npm, ['install', '--offline', '--no-audit', '--no-fund', `../${tarball}`], { cwd: project, encoding: 'utf8' })
  if (install.status !== 0) {
    throw new Error(
      `npm install --offline of the tarball failed${process.env['CI'] === 'true' ? ' (in CI)' : ''}: it needs only the tarball and the linked dependencies, ` +
        `so this is a packaging problem, not a missing cache:\n${install.stdout}\n${install.stderr}`,
    )
  }
  made = { files: (packed[0]?.files ?? []).map((f) => f.path) }
  return made
}

const run = (file: string, source: string, args: ReadonlyArray<string> = []) => {
  writeFileSync(join(project, file), source)
  return spawnSync(process.execPath, [...args, file], { cwd: project, encoding: 'utf8' })
}

describe('the packed package, installed', () => {
  it('ships the catalogue once, packed, and no source maps', () => {
    const { files } = make()
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([])
    expect(files.filter((f) => f.startsWith('catalog/'))).toEqual(['catalog/schema.json'])
    expect(files.filter((f) => f.startsWith('src/'))).toEqual([])
    const data = files.filter((f) => f.startsWith('dist/src/catalog/data/') && f.endsWith('.json'))
    expect(data.length).toBe(readdirSync(join(root, 'catalog')).filter((n) => n.endsWith('.json') && n !== 'schema.json').length + 1)
  }, 180_000)

  it('imports from ESM', () => {
    make()
    const r = run(
      'esm.mjs',
      `
      import * as t from 'io-ts'
      import { decode, lookup } from 'otc-errors'
      import { decode as coreDecode, defaultCatalog } from 'otc-errors/core'
      import { shippedCatalog } from 'otc-errors/catalog'
      import { classifyStream } from 'otc-errors/logs'
      const e = decode(t.unknown)({ status: 429, headers: { 'retry-after': '2' }, body: '{"error_code":"APIGW.0308","error_msg":"Slow down."}' })
      console.log(e.left.code, e.left.category, e.left.known, lookup('AS.0001')._tag, coreDecode === decode, defaultCatalog() === shippedCatalog(), typeof classifyStream)
    `,
    )
    expect([r.stderr, r.stdout.trim()]).toEqual(['', 'APIGW.0308 throttled true Some true true function'])
  }, 180_000)

  it('requires from CommonJS', () => {
    make()
    const r = run(
      'cjs.cjs',
      `
      const t = require('io-ts')
      const { decode, lookup } = require('otc-errors')
      const { shippedCatalog } = require('otc-errors/catalog')
      const e = decode(t.unknown)({ status: 404, body: '{"error_code":"IMG.0027","error_msg":"The image does not exist."}' })
      console.log(e.left.code, e.left.category, lookup('AS.0001').value.service, shippedCatalog().hasPrefix('APIGW'), typeof require('otc-errors/logs').classifyStream)
    `,
    )
    expect([r.stderr, r.stdout.trim()]).toEqual(['', 'IMG.0027 not-found AS true function'])
    const bare = spawnSync(process.execPath, ['-e', "require('otc-errors')"], { cwd: project, encoding: 'utf8' })
    expect([bare.status, bare.stderr]).toEqual([0, ''])
  }, 180_000)

  it('type-checks and runs from TypeScript (module nodenext, strict), ESM and CommonJS', () => {
    make()
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: false,
          types: ['node'],
          outDir: 'out',
        },
        include: ['ts-esm.mts', 'ts-cjs.cts'],
      }),
    )
    writeFileSync(
      join(project, 'ts-esm.mts'),
      `
      import * as t from 'io-ts'
      import * as E from 'fp-ts/lib/Either.js'
      import * as O from 'fp-ts/lib/Option.js'
      import { decode, lookup, type ServiceError, type CatalogEntry } from 'otc-errors'
      import { shippedCatalog } from 'otc-errors/catalog'
      const r: E.Either<ServiceError, { id: string }> = decode(t.type({ id: t.string }))({ status: 200, body: '{"id":"x"}' })
      const entry: O.Option<CatalogEntry> = lookup('AS.0001')
      console.log(E.isRight(r) ? r.right.id : 'left', O.isSome(entry) ? entry.value.api : 'none', shippedCatalog().lookupAll('ModelArts.0210').length > 1)
    `,
    )
    writeFileSync(
      join(project, 'ts-cjs.cts'),
      `
      import * as t from 'io-ts'
      import { decode } from 'otc-errors'
      const r = decode(t.unknown)({ status: 503, body: '' })
      console.log(r._tag === 'Left' ? r.left.category : 'right')
    `,
    )
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' })
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('')
    expect(tsc.status).toBe(0)
    const esm = spawnSync(process.execPath, ['out/ts-esm.mjs'], { cwd: project, encoding: 'utf8' })
    expect([esm.stderr, esm.stdout.trim()]).toEqual(['', 'x AS true'])
    const cjs = spawnSync(process.execPath, ['out/ts-cjs.cjs'], { cwd: project, encoding: 'utf8' })
    expect([cjs.stderr, cjs.stdout.trim()]).toEqual(['', 'unavailable'])
  }, 180_000)

  it('runs its command', () => {
    make()
    const bin = join(project, 'node_modules', '.bin', 'otc-errors')
    const r = spawnSync(bin, ['explain', join(root, 'examples', 'as-0001.http'), '--json'], { cwd: project, encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 'AS.0001', known: true, service: 'AS' })
  }, 180_000)
})
