// The package as users import it: the root entry and `otc-errors/logs` resolve through the
// `exports` map, and the root's module graph needs no Node built-in (it runs in browsers).
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = new URL('..', import.meta.url).pathname
const entry = join(root, 'dist/src/index.js')

/** Every module the file imports, transitively, by specifier as written. */
const importGraph = (file: string, seen = new Map<string, ReadonlyArray<string>>()): Map<string, ReadonlyArray<string>> => {
  if (seen.has(file)) return seen
  const text = readFileSync(file, 'utf8')
  const specifiers = [...text.matchAll(/^(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2] ?? '')
  seen.set(file, specifiers)
  for (const s of specifiers) if (s.startsWith('.')) importGraph(resolve(dirname(file), s), seen)
  return seen
}

describe('the package', () => {
  it('resolves otc-errors and otc-errors/logs through the exports map', () => {
    const script =
      "const a = await import('otc-errors'); const b = await import('otc-errors/logs'); console.log(typeof a.decode, typeof a.classifyLine, typeof b.classifyStream, typeof b.classifyLine)"
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })
    expect([r.stderr, r.stdout.trim()]).toEqual(['', 'function function function function'])
  })
  it('otc-errors/core has an empty default catalogue until otc-errors/catalog is loaded', () => {
    const script = [
      "const core = await import('otc-errors/core')",
      'const empty = core.defaultCatalog(), made = core.makeCatalog([])',
      "const ask = (c) => JSON.stringify([c.lookup('AS.0001'), c.lookup('AS.0001', 400, 'as'), c.lookupAll('AS.0001'), c.suggest('AS.0001'), c.entries(), c.files(), c.prefixes(), c.hasPrefix('AS'), c.canonicalCode('apigw.0308'), c.replacements()])",
      'const before = [ask(empty) === ask(made), core.lookup(\'AS.0001\')._tag, core.decode(core.HttpStatus)({ status: 400, body: \'{"error_code":"AS.0001"}\' }).left.known]',
      "const { shippedCatalog } = await import('otc-errors/catalog')",
      "console.log(JSON.stringify([...before, core.defaultCatalog() === shippedCatalog(), core.lookup('AS.0001')._tag]))",
    ].join('\n')
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })
    expect([r.stderr, r.stdout.trim()]).toEqual(['', '[true,"None",false,true,"Some"]'])
  })
  it('the root entry imports no Node built-in, directly or not', () => {
    const graph = importGraph(entry)
    expect(graph.size).toBeGreaterThan(10)
    const builtins = [...graph].flatMap(([file, specs]) =>
      specs.filter((s) => s.startsWith('node:') || ['fs', 'zlib', 'stream', 'buffer', 'path'].includes(s)).map((s) => `${file.slice(root.length)} → ${s}`),
    )
    expect(builtins).toEqual([])
  })
})
