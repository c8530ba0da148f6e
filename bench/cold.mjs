// Benchmark, not a test: the cold start of a short-lived process (a serverless function, one
// `otc-errors explain`). Spawns, alternately and many times, a fresh Node process that imports
// `otc-errors` and decodes one error body, and a baseline process that imports io-ts and fp-ts
// and JSON.parses the same body. Prints the median wall time of each, the ratio, and the median
// peak memory (max RSS) of each with the difference; and, since a loaded machine stretches
// both processes' wall time by the same waits, the median CPU time (user + system) of each,
// whose ratio is what a quiet machine would see.
//
//   npm run bench:cold                  (COLD_RUNS=40 by default)
//   COLD_RUNS=100 node bench/cold.mjs   (after `npm run build`)
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const body = JSON.stringify({ error_code: 'AS.0001', error_msg: 'The request message format is invalid.', request_id: 'a1b2c3' })
const report = 'const u = process.resourceUsage(); process.stdout.write(JSON.stringify({ rss: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1000 }))'

// Both import what they use at the top, as a handler module would, and do the work once.
const baseline = `
import * as t from 'io-ts'
import * as E from 'fp-ts/lib/Either.js'
const v = JSON.parse(${JSON.stringify(body)})
const r = t.UnknownRecord.decode(v)
if (!E.isRight(r) || r.right.error_code !== 'AS.0001') throw new Error('baseline: unexpected result')
${report}
`
const ours = `
import * as t from 'io-ts'
import * as E from 'fp-ts/lib/Either.js'
import { decode } from 'otc-errors'
const r = decode(t.unknown)({ status: 400, headers: { 'content-type': 'application/json' }, body: ${JSON.stringify(body)} })
if (!E.isLeft(r) || r.left._tag !== 'ApiError' || r.left.known !== true || r.left.catalog?.code !== 'AS.0001') throw new Error('otc-errors: unexpected result')
${report}
`

const run = (source) => {
  const start = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', source], { cwd: root, encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (r.status !== 0 || r.stderr !== '') throw new Error(`bench:cold: a child failed (exit ${r.status}):\n${r.stderr}`)
  const { rss, cpu } = JSON.parse(r.stdout)
  return { ms, rssKb: rss, cpuMs: cpu }
}

const runs = Number(process.env.COLD_RUNS ?? 40)
// Warm the file system cache and the spawn path before measuring.
for (let i = 0; i < 3; i++) {
  run(baseline)
  run(ours)
}
const base = []
const mine = []
for (let i = 0; i < runs; i++) {
  // Alternate which goes first, so a slow patch of the machine hits both alike.
  if (i % 2 === 0) {
    base.push(run(baseline))
    mine.push(run(ours))
  } else {
    mine.push(run(ours))
    base.push(run(baseline))
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2
}
const bMs = median(base.map((r) => r.ms))
const mMs = median(mine.map((r) => r.ms))
const bCpu = median(base.map((r) => r.cpuMs))
const mCpu = median(mine.map((r) => r.cpuMs))
const bMb = median(base.map((r) => r.rssKb)) / 1024
const mMb = median(mine.map((r) => r.rssKb)) / 1024
console.log(`cold start, ${runs} runs each, alternating (median wall time of a whole process, spawn to exit)`)
console.log(`baseline (import io-ts + fp-ts, JSON.parse one body): ${bMs.toFixed(1)} ms, max RSS ${bMb.toFixed(1)} MB`)
console.log(`otc-errors (import, decode one error body):           ${mMs.toFixed(1)} ms, max RSS ${mMb.toFixed(1)} MB`)
console.log(`ratio: ${(mMs / bMs).toFixed(2)}x (target <= 1.3x); memory: ${mMb - bMb >= 0 ? '+' : ''}${(mMb - bMb).toFixed(1)} MB (target <= +10 MB)`)
console.log(`CPU time (user + system): baseline ${bCpu.toFixed(1)} ms, otc-errors ${mCpu.toFixed(1)} ms, ratio ${(mCpu / bCpu).toFixed(2)}x`)
