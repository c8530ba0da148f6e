/**
 * Fuzzing at scale: `npm run fuzz [-- CASES [SEED]]` (default 1 000 000 cases, seed 20261123)
 * across `decode`, the `curl -si` parser, the catalogue codec and `classifyLine`, each asked
 * never to throw and to keep its invariants. Seeded and reproducible: a failure prints the seed
 * and path that replay it. `test/security/fuzz.test.ts` runs the same targets briefly in `npm test`.
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import { validateCatalogFile } from '../src/catalog/validate.js'
import { decode } from '../src/decode/decode.js'
import { explain } from '../src/decode/explain.js'
import { isHttpStatus } from '../src/error/status.js'
import { classifyLine } from '../src/logs/line.js'
import { parseCurl } from '../src/response/curl.js'
import { anyValue, bodyishText, curlFixture, rawResponse, renderCurl } from '../test/arbitraries.js'

const entryish = fc.record(
  {
    code: fc.oneof(fc.string(), anyValue),
    status: fc.oneof(fc.integer(), anyValue),
    message: fc.string(),
    category: fc.oneof(fc.constantFrom('validation', 'auth', 'quota'), fc.string()),
    retry: fc.oneof(fc.constantFrom('never', 'backoff'), fc.string()),
    remedy: fc.string(),
  },
  { requiredKeys: [] },
)
const catalogFileish = fc.oneof(
  anyValue,
  fc.record(
    {
      service: fc.string(),
      title: fc.string(),
      prefixes: fc.array(fc.string()),
      sources: fc.constant([]),
      entries: fc.array(fc.oneof(entryish, anyValue), { maxLength: 5 }),
      __proto__: anyValue,
    },
    { requiredKeys: [] },
  ),
)
const logLine = fc.oneof(
  bodyishText,
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.constantFrom(
        'AS.0001',
        'APIGW.0308',
        'SFS.TURBO.0001',
        'status=429',
        'HTTP/1.1 503',
        '"error_code":"',
        '\\"error_code\\":\\"',
        'v1.2.300',
        '10.0.0.1',
        'X-Auth-Token: MIIabc',
        ' ',
        '.',
        'A.',
        '{',
        '"',
      ),
      { maxLength: 40 },
    )
    .map((p) => p.join('')),
)

/** The targets, each a property over its own inputs. */
export const targets: ReadonlyArray<{ readonly name: string; readonly property: () => fc.IProperty<[unknown]> }> = [
  {
    name: 'decode',
    property: () =>
      fc.property(rawResponse, (raw) => {
        const r = decode(t.unknown)(raw)
        const status = (raw as { status: number }).status
        if (status >= 400 && E.isRight(r)) throw new Error('an error status gave a Right')
        explain(raw)
      }),
  },
  {
    name: 'parseCurl',
    property: () =>
      fc.property(fc.oneof(bodyishText, curlFixture.map(renderCurl)), (text) => {
        const r = parseCurl(text)
        if (E.isRight(r) && !isHttpStatus(r.right.status)) throw new Error(`parsed status ${r.right.status}`)
      }),
  },
  {
    name: 'catalogue codec',
    property: () =>
      fc.property(catalogFileish, (json) => {
        validateCatalogFile('fuzz.json', json)
        if (Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')) throw new Error('Object.prototype polluted')
      }),
  },
  {
    name: 'classifyLine',
    property: () =>
      fc.property(logLine, (line) => {
        for (const f of classifyLine(line)) {
          if (!line.toLowerCase().includes(f.code.toLowerCase()) && !f.code.includes('[redacted]')) throw new Error(`finding ${f.code} is not in the line`)
        }
      }),
  },
]

/** Runs every target for its share of `cases`; returns the figures. Throws on the first failure, with its replay data. */
export const fuzz = (cases: number, seed: number, log: (line: string) => void = () => undefined) => {
  const per = Math.max(1, Math.floor(cases / targets.length))
  const figures: Array<{ name: string; cases: number; seconds: number }> = []
  for (const target of targets) {
    const start = process.hrtime.bigint()
    fc.assert(target.property(), { numRuns: per, seed, endOnFailure: true })
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    figures.push({ name: target.name, cases: per, seconds })
    log(`${target.name.padEnd(16)} ${per} cases  ${seconds.toFixed(1)} s  0 failures`)
  }
  return figures
}

const main = () => {
  const cases = Number(process.argv[2] ?? process.env['FUZZ_CASES'] ?? 1_000_000)
  const seed = Number(process.argv[3] ?? process.env['FUZZ_SEED'] ?? 20261123)
  process.stdout.write(`fuzzing ${cases} cases, seed ${seed}\n`)
  const start = Date.now()
  try {
    const figures = fuzz(cases, seed, (line) => process.stdout.write(`${line}\n`))
    const total = figures.reduce((n, f) => n + f.cases, 0)
    process.stdout.write(`total: ${total} cases in ${((Date.now() - start) / 1000).toFixed(1)} s, 0 failures\n`)
  } catch (error) {
    process.stdout.write(`FAILURE (replay with the seed and path below):\n${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
