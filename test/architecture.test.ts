// The folder order of README's "Architecture" section, enforced: every import in src/ (value or
// type, static or dynamic, `export … from` too) points down the pipeline or stays in its own
// folder, and no two folders import each other, directly or through others. A new folder under
// src/ fails here until it is given its place in LAYERS (and a line in the README).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const src = new URL('../src/', import.meta.url).pathname

/**
 * The folders of src/, lowest first. A folder may import from its own folder and from the
 * folders of earlier rows; folders in one row are peers and import neither each other nor any
 * later row. The files at the top of src/ (index.ts, core.ts, logs-entry.ts) are the package's
 * entry points: they may import any folder, and no folder imports them.
 */
const LAYERS: ReadonlyArray<ReadonlyArray<string>> = [
  ['fp'],
  ['error'],
  ['response'],
  ['shapes'],
  ['catalog'],
  ['classify'],
  ['decode'],
  ['logs', 'clients', 'report'],
  ['retry'],
  ['docs', 'engines'],
  ['logreport'],
  ['cli'],
]

const ENTRY = '(entry points)'
const rankOf = new Map<string, number>(LAYERS.flatMap((row, rank) => row.map((folder) => [folder, rank] as const)))
rankOf.set(ENTRY, LAYERS.length)

/** Package-internal import aliases (package.json "imports") and the folder they belong to. */
const ALIASES: Readonly<Record<string, string>> = { '#catalog-data': 'catalog' }

const filesBelow = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesBelow(path) : /\.m?ts$/.test(name) ? [path] : []
  })

/** The folder of a file under src/ (ENTRY for the files at its top). */
const folderOf = (path: string): string => {
  const parts = relative(src, path).split(sep)
  return parts.length === 1 ? ENTRY : (parts[0] ?? ENTRY)
}

interface Import {
  readonly file: string
  readonly specifier: string
  readonly from: string
  readonly to: string
}

/** Every module specifier of a file, as the TypeScript compiler's pre-processor finds them. */
const specifiersOf = (path: string): ReadonlyArray<string> => ts.preProcessFile(readFileSync(path, 'utf8'), true, true).importedFiles.map((f) => f.fileName)

const imports: ReadonlyArray<Import> = filesBelow(src).flatMap((file) =>
  specifiersOf(file).flatMap((specifier): ReadonlyArray<Import> => {
    const from = folderOf(file)
    const alias = ALIASES[specifier]
    if (alias !== undefined) return [{ file: relative(src, file), specifier, from, to: alias }]
    if (!specifier.startsWith('.')) return []
    const target = resolve(dirname(file), specifier)
    if (!target.startsWith(src)) return [{ file: relative(src, file), specifier, from, to: `outside src/: ${specifier}` }]
    return [{ file: relative(src, file), specifier, from, to: folderOf(target) }]
  }),
)

const edges = (): ReadonlyMap<string, ReadonlySet<string>> => {
  const graph = new Map<string, Set<string>>()
  for (const i of imports) {
    if (i.from === i.to) continue
    const targets = graph.get(i.from) ?? new Set<string>()
    targets.add(i.to)
    graph.set(i.from, targets)
  }
  return graph
}

/** The cycles of a graph, each as the path that closes it (`a → b → a`). */
const cyclesOf = (graph: ReadonlyMap<string, ReadonlySet<string>>): ReadonlyArray<string> => {
  const found: Array<string> = []
  const state = new Map<string, 'open' | 'done'>()
  const visit = (node: string, path: ReadonlyArray<string>): void => {
    state.set(node, 'open')
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), node, next].join(' → '))
      else if (state.get(next) === undefined) visit(next, [...path, node])
    }
    state.set(node, 'done')
  }
  for (const node of [...graph.keys()].sort()) if (state.get(node) === undefined) visit(node, [])
  return found
}

describe('architecture', () => {
  it('finds the imports (the check is not vacuous)', () => {
    expect(imports.length).toBeGreaterThan(300)
    expect(imports.some((i) => i.from === 'decode' && i.to === 'classify')).toBe(true)
    expect(imports.some((i) => i.from === 'catalog' && i.to === 'catalog' && i.specifier === '#catalog-data')).toBe(true)
  })

  it('knows every folder of src/', () => {
    const unknown = [...new Set(filesBelow(src).map(folderOf))].filter((folder) => !rankOf.has(folder)).sort()
    expect(unknown, 'a new folder under src/: give it its row in LAYERS (test/architecture.test.ts) and its line in README "Architecture"').toEqual([])
  })

  it('every import points down the pipeline or stays in its folder', () => {
    const wrong = imports
      .filter((i) => i.from !== i.to)
      .filter((i) => {
        const from = rankOf.get(i.from)
        const to = rankOf.get(i.to)
        return from === undefined || to === undefined || to >= from
      })
      .map((i) => `src/${i.file}: ${i.from}/ imports ${i.to}/ ('${i.specifier}')`)
    expect(wrong).toEqual([])
  })

  it('no cycle between folders', () => {
    expect(cyclesOf(edges())).toEqual([])
  })

  it('the cycle finder finds cycles', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ])
    expect(cyclesOf(graph)).toEqual(['a → b → c → a'])
    expect(cyclesOf(new Map([['a', new Set(['b'])]]))).toEqual([])
  })
})
