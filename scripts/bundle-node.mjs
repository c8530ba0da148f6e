// Bundles the package's Node entry points (after tsc: from dist/src/) into dist/node/, which the
// `exports` map serves to Node (the default condition; bundlers for the browser get dist/src/,
// module by module, through the `browser` condition, so they can drop what a page does not use).
// Why: a process that imports the library from 64 files spends most of its start-up in Node's
// module loader (one resolution, one open and read, one compilation per file); the same code in
// a few files starts about a third faster and with less memory (`npm run bench:cold`).
//
// Shared code goes to one chunk, so every entry point of a process uses one copy of each
// module (one default-catalogue slot, one `ApiError` class). io-ts, fp-ts and retry-ts stay
// imports, as does the packed catalogue (`#catalog-data`, dist/src/catalog/data/): the package
// carries the catalogue once. `npm run build` runs this last.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rmSync } from 'node:fs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const src = join(root, 'dist', 'src')
const out = join(root, 'dist', 'node')

let esbuild
try {
  esbuild = await import('esbuild')
} catch {
  process.stderr.write('bundle-node: esbuild is not installed: install the dev dependencies (npm ci) to build the package\n')
  process.exit(1)
}

rmSync(out, { recursive: true, force: true })
await esbuild.build({
  absWorkingDir: root,
  entryPoints: {
    index: join(src, 'index.js'),
    core: join(src, 'core.js'),
    catalog: join(src, 'catalog', 'shipped.js'),
    logs: join(src, 'logs-entry.js'),
    cli: join(src, 'cli', 'bin.js'),
  },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: ['node20'],
  packages: 'external',
  chunkNames: 'shared-[hash]',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  // The packed catalogue is read by dist/src/catalog/data/node.js, relative to itself.
  external: ['#catalog-data'],
})
