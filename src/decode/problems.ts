/**
 * io-ts validation errors drawn for people: one line per error, with the path where it
 * happened and a short view of the value found there.
 *
 * @since 0.1.0
 */
import type * as t from 'io-ts'
import { isSecretName, REDACTED, redactText } from '../error/redact.js'

const MAX_VALUE = 60

const show = (value: unknown): string => {
  if (value === undefined) return 'nothing'
  let text: string
  try {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- only what JSON cannot show (functions, symbols) reaches String()
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value))
  } catch {
    text = Object.prototype.toString.call(value)
  }
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text
}

const pathOf = (context: t.Context): string => {
  const keys: Array<string> = []
  for (let i = 1; i < context.length; i++) {
    const entry = context[i]
    const parent = context[i - 1]
    // Members of unions and intersections repeat the parent's position: their index is not a path step.
    if (entry === undefined || entry.key === '') continue
    if (parent !== undefined && parent.type instanceof Object && '_tag' in parent.type) {
      const tag = (parent.type as { _tag: string })._tag
      if (tag === 'UnionType' || tag === 'IntersectionType') continue
    }
    keys.push(/^\d+$/.test(entry.key) ? `[${entry.key}]` : keys.length === 0 ? entry.key : `.${entry.key}`)
  }
  return keys.length === 0 ? 'the body' : keys.join('')
}

/**
 * One readable line per io-ts error, e.g. `token.expires_at: expected DateFromISOString, got "soon"`.
 * A value under a secret-named key is never shown, nor a secret inside a value shown.
 *
 * @example
 * import { drawErrors } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * const r = t.type({ id: t.string }).decode({ id: 7 })
 * assert.deepStrictEqual(r._tag === 'Left' && drawErrors(r.left), ['id: expected string, got 7'])
 *
 * @since 0.1.0
 * @category destructors
 */
export const drawErrors = (errors: t.Errors): ReadonlyArray<string> => {
  const lines = errors.map((error) => {
    if (error.message !== undefined) return `${pathOf(error.context)}: ${redactText(error.message)}`
    const last = error.context[error.context.length - 1]
    const expected = last?.type.name ?? 'a value'
    // A value under a secret-looking key (password, token, sk, …) is never shown.
    const field = [...error.context].reverse().find((c) => c.key !== '' && !/^\d+$/.test(c.key))
    const secret = field !== undefined && isSecretName(field.key)
    // Other values are shown without the secrets they hold (`"sk=…"`, a PKI token).
    return `${pathOf(error.context)}: expected ${expected}, got ${secret ? REDACTED : redactText(show(error.value))}`
  })
  return [...new Set(lines)]
}
