// Benchmark, not a test: `otc-errors classify FILE --format json` against
// `rg -o -r '$1$2$3$4$5$6$7' -f PATTERN FILE | sort | uniq -c` on a deterministic synthetic log, with
// PATTERN the very regex the classifier uses (`logPatternSource(prefixes, 'rust')`). Checks that
// the per-code counts agree, prints both times (median of several interleaved runs after a warm-up),
// the ratio and our peak RSS. Run `npm run build` first (`npm run bench:logs` does).
//
// Environment: BENCH_LOG_MB (default 200), BENCH_RUNS (default 3).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { generateLog } from './generate.mjs'
import { median } from '../timing.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const out = `${root}bench/out`
const bin = `${root}dist/src/cli/bin.js`
const megabytes = Number(process.env.BENCH_LOG_MB ?? 200)
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3))
const seed = 20240501

if (!existsSync(bin)) {
  console.error(`bench:logs: ${bin} is missing; run \`npm run build\` first.`)
  process.exit(2)
}
const { defaultCatalog } = await import(`${root}dist/src/index.js`)
const { logPatternSource } = await import(`${root}dist/src/logs/index.js`)

// 1. The log: generated once per size and seed, then reused.
mkdirSync(out, { recursive: true })
const file = `${out}/synthetic-${megabytes}mb-${seed}.log`
if (!existsSync(file)) {
  const started = Date.now()
  generateLog(file, megabytes, seed)
  console.log(`generated ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
const size = statSync(file).size

// 2. The pattern, as ripgrep takes it.
const patternFile = `${out}/classify.rg-pattern`
writeFileSync(patternFile, `${logPatternSource(defaultCatalog().prefixes(), 'rust')}\n`)

const haveTime = existsSync('/usr/bin/time')
const haveRg = spawnSync('rg', ['--version'], { encoding: 'utf8' }).status === 0
if (!haveRg) {
  console.error('bench:logs: ripgrep (rg) is not installed, so there is nothing to compare with.')
  console.error('            Install it with `apt-get install -y ripgrep` (Debian/Ubuntu) and run again.')
}

// Runs a shell command; returns wall seconds, stdout and the peak RSS (kB) of the measured process.
const timed = (command) => {
  const started = process.hrtime.bigint()
  const r = haveTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', '-o', `${out}/time.txt`, 'sh', '-c', command], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, LC_ALL: 'C' } })
    : spawnSync('sh', ['-c', command], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, LC_ALL: 'C' } })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (r.status !== 0) throw new Error(`${command} failed (${r.status}): ${r.stderr}`)
  const rssKb = haveTime ? Number(readFileSync(`${out}/time.txt`, 'utf8').trim().split('\n').pop()) : NaN
  return { seconds, stdout: r.stdout, rssKb }
}

const ours = `node ${JSON.stringify(bin)} classify ${JSON.stringify(file)} --format json`
const theirs = `rg -o -r '$1$2$3$4$5$6$7' -f ${JSON.stringify(patternFile)} ${JSON.stringify(file)} | sort | uniq -c`
const rgAlone = `rg -c -f ${JSON.stringify(patternFile)} ${JSON.stringify(file)}`

// 3. Warm the page cache and both programs, then interleave the timed runs.
const oursRuns = []
const rgRuns = []
let report
let rgCounts
timed(ours)
if (haveRg) timed(theirs)
for (let i = 0; i < runs; i++) {
  const a = timed(ours)
  oursRuns.push(a)
  report = JSON.parse(a.stdout)
  if (haveRg) {
    const b = timed(theirs)
    rgRuns.push(b)
    rgCounts = new Map(
      b.stdout
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => {
          const [, count, code] = /^\s*(\d+) (.*)$/.exec(l)
          return [code, Number(count)]
        }),
    )
  }
}
const oursSeconds = median(oursRuns.map((r) => r.seconds))
const oursRss = Math.max(...oursRuns.map((r) => r.rssKb)) / 1024

// 4. Report.
console.log(
  `log: ${file} (${(size / 1048576).toFixed(1)} MiB, ${report.lines.toLocaleString('en-US')} lines, ${report.findings.toLocaleString('en-US')} findings of ${Object.keys(report.byCode).length} codes)`,
)
console.log(`otc-errors classify --format json: ${oursSeconds.toFixed(3)} s (median of ${runs}; runs ${oursRuns.map((r) => r.seconds.toFixed(3)).join(', ')})`)
console.log(`otc-errors peak RSS:               ${Number.isNaN(oursRss) ? 'unknown (no /usr/bin/time)' : `${oursRss.toFixed(1)} MiB`} (target < 100 MiB)`)
if (!haveRg) process.exit(1)
const rgSeconds = median(rgRuns.map((r) => r.seconds))
const rgOnly = timed(rgAlone)
console.log(
  `rg -o | sort | uniq -c:            ${rgSeconds.toFixed(3)} s (median of ${runs}; runs ${rgRuns.map((r) => r.seconds.toFixed(3)).join(', ')}; rg -c alone ${rgOnly.seconds.toFixed(3)} s)`,
)
const ratio = oursSeconds / rgSeconds
console.log(`ratio otc-errors / ripgrep:        ${ratio.toFixed(2)}x (target <= 1.0x)`)

// classify counts a code once per line; rg counts every match. The generator never repeats a
// code on a line, so the two agree exactly; any difference is printed.
const ourCounts = new Map(Object.entries(report.byCode))
const codes = [...new Set([...ourCounts.keys(), ...rgCounts.keys()])].sort()
const differences = codes.filter((c) => ourCounts.get(c) !== rgCounts.get(c))
if (differences.length === 0) {
  console.log(`per-code counts agree: ${codes.length} codes, ${report.findings.toLocaleString('en-US')} findings`)
} else {
  console.log(`per-code counts DIFFER for ${differences.length} of ${codes.length} codes:`)
  for (const c of differences.slice(0, 20)) console.log(`  ${c}: otc-errors ${ourCounts.get(c) ?? 0}, rg ${rgCounts.get(c) ?? 0}`)
}
const pass = differences.length === 0 && ratio <= 1.0 && (Number.isNaN(oursRss) || oursRss < 100)
console.log(pass ? 'result: PASS' : 'result: FAIL')
process.exit(pass ? 0 : 1)
