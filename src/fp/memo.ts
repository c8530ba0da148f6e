/**
 * A bounded memo of a function of short strings, for the texts responses repeat (header names,
 * body keys, media types): the library's one home of that pattern.
 *
 * Internal: not exported from the package root.
 *
 * @internal
 * @since 0.1.0
 */

/**
 * `compute` remembered for keys of up to `maxKeyLength` characters, at most `maxEntries` of them:
 * a full memo starts over, so hostile input cannot grow it. `compute` must not give `undefined`.
 *
 * @example
 * import { boundedMemo } from './memo.js'
 * const lower = boundedMemo((name: string) => name.toLowerCase(), 512, 64)
 * lower('Content-Type') // 'content-type', computed once
 */
export const boundedMemo = <V>(compute: (key: string) => V, maxEntries: number, maxKeyLength: number): ((key: string) => V) => {
  const memo = new Map<string, V>()
  return (key) => {
    const known = memo.get(key)
    if (known !== undefined) return known
    const value = compute(key)
    if (memo.size >= maxEntries) memo.clear()
    if (key.length <= maxKeyLength) memo.set(key, value)
    return value
  }
}
