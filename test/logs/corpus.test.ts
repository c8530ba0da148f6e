// Real log lines and response bodies copied from public issues, SDK code and docs pages (each
// with its source; test/fixtures/REAL-CORPUS.md says how they were collected and labelled), and
// the codes a careful reader sees in them, labelled by hand. The log scanner and the body
// reader must find them with precision ≥ 0.97 and recall ≥ 0.95.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { explain } from '../../src/decode/explain.js'
import { classifyLine } from '../../src/logs/line.js'

interface LogCase {
  readonly line: string
  readonly codes: ReadonlyArray<string>
  readonly source: string
}
interface BodyCase {
  readonly status: number
  readonly body: string
  readonly contentType?: string
  readonly code: string | null
  readonly source: string
}

const fixture = <A>(name: string): ReadonlyArray<A> => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as ReadonlyArray<A>
const logs = fixture<LogCase>('real-logs.json')
const bodies = fixture<BodyCase>('real-bodies.json')

interface Score {
  tp: number
  fp: number
  fn: number
  misses: Array<string>
}
const score = (): Score => ({ tp: 0, fp: 0, fn: 0, misses: [] })
const precision = (s: Score) => s.tp / Math.max(1, s.tp + s.fp)
const recall = (s: Score) => s.tp / Math.max(1, s.tp + s.fn)

describe('the real corpus', () => {
  it('is what REAL-CORPUS.md describes: at least 150 lines and 60 bodies, each with a source', () => {
    expect(logs.length).toBeGreaterThanOrEqual(150)
    expect(bodies.length).toBeGreaterThanOrEqual(60)
    for (const c of [...logs, ...bodies]) expect(c.source).toMatch(/^https?:\/\//)
    for (const c of logs) for (const code of c.codes) expect(c.line, code).toContain(code)
  })
  it('classify finds the codes of real log lines (precision ≥ 0.97, recall ≥ 0.95)', () => {
    const s = score()
    for (const c of logs) {
      const found = new Set(classifyLine(c.line).map((f) => f.code))
      const wanted = new Set(c.codes)
      for (const code of found)
        if (wanted.has(code)) s.tp++
        else {
          s.fp++
          s.misses.push(`extra ${code}: ${c.line.slice(0, 120)}`)
        }
      for (const code of wanted)
        if (!found.has(code)) {
          s.fn++
          s.misses.push(`missed ${code}: ${c.line.slice(0, 120)}`)
        }
    }
    expect(precision(s), s.misses.join('\n')).toBeGreaterThanOrEqual(0.97)
    expect(recall(s), s.misses.join('\n')).toBeGreaterThanOrEqual(0.95)
  })
  it('explain reads the code of real bodies (precision ≥ 0.97, recall ≥ 0.95)', () => {
    const s = score()
    for (const b of bodies) {
      // DESIGN.md: below 400 a body is payload, whatever keys it has, and explain's code is null.
      const wanted = b.status < 400 ? null : b.code
      const x = explain({ status: b.status, headers: b.contentType === undefined ? {} : { 'content-type': b.contentType }, body: b.body })
      if (x.code !== null && x.code === wanted) s.tp++
      else {
        if (x.code !== null) s.fp++
        if (wanted !== null) s.fn++
        if (x.code !== wanted) s.misses.push(`${b.status} got ${x.code} want ${wanted}: ${b.body.slice(0, 100)}`)
      }
    }
    expect(precision(s), s.misses.join('\n')).toBeGreaterThanOrEqual(0.97)
    expect(recall(s), s.misses.join('\n')).toBeGreaterThanOrEqual(0.95)
  })
})
