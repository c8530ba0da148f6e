// What the engine tests share: a generated log (bench/engines/generate.mjs) written to a
// directory, the engine export written beside it by the CLI, and `classify`'s own answer per
// code (count and categories) to compare an engine's with.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
// @ts-expect-error: a plain ES module without types
import { UNKNOWN_CODES, generateLines } from '../../bench/engines/generate.mjs'
import { defaultCatalog } from '../../src/catalog/index.js'
import { lookupRows } from '../../src/engines/lookup.js'

const bin = new URL('../../dist/src/cli/bin.js', import.meta.url).pathname
const root = new URL('../..', import.meta.url).pathname

/** Per code: how many lines have it, and the categories it was given (sorted, comma-joined). */
export type PerCode = Record<string, { readonly count: number; readonly categories: string }>

export const cli = (args: ReadonlyArray<string>, input?: string): string =>
  execFileSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 256 << 20 })

/** Every 11th catalogue code (all shapes of code occur) and the unknown ones, in a log of `lines` lines. */
export const writeLog = (dir: string, lines = 6000): { readonly path: string; readonly lines: ReadonlyArray<string> } => {
  const codes = [...new Set(lookupRows(defaultCatalog()).map((r) => r.code))].filter((_, i) => i % 11 === 0).concat(UNKNOWN_CODES)
  const log: ReadonlyArray<string> = generateLines({ codes, names: ['NoSuchWidget'], lines })
  const path = join(dir, 'app.log')
  writeFileSync(path, `${log.join('\n')}\n`)
  return { path, lines: log }
}

/** `classify --format ndjson` of a file, per code; checked against `--format json`'s byCode. */
export const classifyPerCode = (path: string): PerCode => {
  const counts = new Map<string, { count: number; categories: Set<string> }>()
  for (const line of cli(['classify', path, '--format', 'ndjson']).split('\n')) {
    if (line === '') continue
    const f = JSON.parse(line) as { code: string; category: string }
    const seen = counts.get(f.code) ?? { count: 0, categories: new Set<string>() }
    seen.count += 1
    seen.categories.add(f.category)
    counts.set(f.code, seen)
  }
  const byCode = (JSON.parse(cli(['classify', path, '--format', 'json'])) as { byCode: Record<string, number> }).byCode
  const out: PerCode = Object.fromEntries([...counts].map(([code, c]) => [code, { count: c.count, categories: [...c.categories].sort().join(',') }]))
  for (const [code, n] of Object.entries(byCode)) if (out[code]?.count !== n) throw new Error(`ndjson and json disagree on ${code}`)
  return out
}

/** An engine's rows `code, count, categories` as PerCode. */
export const perCode = (rows: ReadonlyArray<readonly [string, number, string]>): PerCode =>
  Object.fromEntries(rows.map(([code, count, categories]) => [code, { count: Number(count), categories: categories.split(',').sort().join(',') }]))
