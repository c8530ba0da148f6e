/**
 * Internal: reading properties of values of unknown type (what `fetch`, HTTP clients and SDKs
 * throw), without ever throwing (a getter may throw, a Proxy may be revoked).
 *
 * @since 0.1.0
 * @internal
 */

/** A property of an unknown value, or undefined (never throws). */
export const field = (value: unknown, key: string): unknown => {
  try {
    return (typeof value === 'object' || typeof value === 'function') && value !== null ? (value as Record<string, unknown>)[key] : undefined
  } catch {
    return undefined
  }
}

/** A string property of an unknown value, or null. */
export const stringField = (value: unknown, key: string): string | null => {
  const found = field(value, key)
  return typeof found === 'string' ? found : null
}
