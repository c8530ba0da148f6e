/**
 * Internal: a body read in chunks (a `fetch` stream, a Node or undici body), joined.
 *
 * @since 0.1.0
 * @internal
 */

/** The chunks as one array of bytes. */
export const concatBytes = (chunks: ReadonlyArray<Uint8Array>): Uint8Array => {
  let total = 0
  for (const chunk of chunks) total += chunk.byteLength
  const out = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}
