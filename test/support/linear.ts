// Linear time without a wall-clock bound: a loaded machine slows a run at size n and at 4n alike,
// so the ratio holds where a fixed limit in milliseconds would not. Speed itself is measured by
// the benchmarks (npm run bench, bench:logs, bench:docs), never here.
import { expect } from 'vitest'

const best = (run: () => void, times: number): number => {
  let fastest = Number.POSITIVE_INFINITY
  for (let i = 0; i < times; i++) {
    const started = performance.now()
    run()
    fastest = Math.min(fastest, performance.now() - started)
  }
  return fastest
}

/**
 * Asserts that `run(make(n))` takes time linear in `n`: the best of three runs on `make(4n)` is
 * under 10 times the best of three on `make(n)` (linear gives about 4, quadratic 16). Runs below
 * 5 ms count as 5 ms, so timer noise on tiny inputs cannot fail it.
 */
export const expectLinear = <A>(label: string, make: (n: number) => A, run: (input: A) => void, n: number): void => {
  const small = make(n)
  const large = make(4 * n)
  run(small) // warm up the code paths (JIT) before timing
  const t1 = Math.max(5, best(() => run(small), 3))
  const t4 = best(() => run(large), 3)
  expect(t4 / t1, `${label}: ${t4.toFixed(1)} ms at 4n vs ${t1.toFixed(1)} ms at n`).toBeLessThan(10)
}
