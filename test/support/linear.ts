// Linear time without a wall-clock bound: the CPU time this process spends (process.cpuUsage,
// which other processes on a loaded machine do not inflate) at size n and at 4n, compared as a
// ratio. Speed itself is measured by the benchmarks (npm run bench, bench:logs, bench:docs).
import { expect } from 'vitest'

/** The least CPU time, in ms, of `times` runs. */
const best = (run: () => void, times: number): number => {
  let fastest = Number.POSITIVE_INFINITY
  for (let i = 0; i < times; i++) {
    const started = process.cpuUsage()
    run()
    const used = process.cpuUsage(started)
    fastest = Math.min(fastest, (used.user + used.system) / 1000)
  }
  return fastest
}

/**
 * Asserts that `run(make(n))` takes CPU time linear in `n`: the best of three runs on `make(8n)`
 * is under 24 times the best of three on `make(n)` (linear gives about 8, quadratic 64; the
 * margin absorbs garbage collection and JIT noise). Runs below 10 ms count as 10 ms, so timer
 * noise on small inputs cannot fail it. Callers pass n as an eighth of the size they mean.
 */
export const expectLinear = <A>(label: string, make: (n: number) => A, run: (input: A) => void, n: number): void => {
  const small = make(n)
  const large = make(8 * n)
  run(small) // warm up the code paths (JIT) before timing
  const t1 = Math.max(
    10,
    best(() => run(small), 3),
  )
  const t8 = best(() => run(large), 3)
  expect(t8 / t1, `${label}: ${t8.toFixed(1)} ms of CPU at 8n vs ${t1.toFixed(1)} ms at n`).toBeLessThan(24)
}
