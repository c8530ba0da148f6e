// What the benchmarks share: the median of their rounds and the time of one call.

/** The median of the rounds (of two middle values, the upper one); NaN when there are none. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

/**
 * Nanoseconds per call of `fn` over `inputs` in turn, `iterations` calls in all. Every call must
 * give a value (the count keeps the engine from dropping the calls, and catches a broken input).
 */
export const nsPerCall = (fn, inputs, iterations) => {
  let sink = 0
  const start = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) if (fn(inputs[i % inputs.length]) !== undefined) sink++
  const ns = Number(process.hrtime.bigint() - start)
  if (sink !== iterations) throw new Error('unexpected result')
  return ns / iterations
}
