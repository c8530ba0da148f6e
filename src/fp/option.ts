/**
 * The few `Option` constructors and guards the library uses at run time, with fp-ts's types.
 * Importing `fp-ts/lib/Option.js` itself loads a dozen CommonJS modules of fp-ts (Semigroup,
 * Ord, Eq, Zero, Witherable…), which every short-lived process would pay for at start-up (see
 * `npm run bench:cold`); the values made here are the very same plain objects
 * (`{ _tag: 'None' }`, `{ _tag: 'Some', value }`), so callers use fp-ts's `Option` module on
 * them as on any other.
 *
 * Internal: not exported from the package root.
 *
 * @internal
 * @since 0.1.0
 */
import type { None, Option, Some } from 'fp-ts/lib/Option.js'

export type { None, Option, Some }

/** No value (fp-ts's `none`). */
export const none: Option<never> = { _tag: 'None' }

/** A value (fp-ts's `some`). */
export const some = <A>(value: A): Option<A> => ({ _tag: 'Some', value })

/** Whether an option holds a value (fp-ts's `isSome`). */
export const isSome = <A>(fa: Option<A>): fa is Some<A> => fa._tag === 'Some'

/** Whether an option is empty (fp-ts's `isNone`). */
export const isNone = (fa: Option<unknown>): fa is None => fa._tag === 'None'

/** `none` for null and undefined, else `some` (fp-ts's `fromNullable`). */
export const fromNullable = <A>(a: A): Option<NonNullable<A>> => (a === null || a === undefined ? none : some(a as NonNullable<A>))
