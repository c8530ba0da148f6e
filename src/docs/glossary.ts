/**
 * What the words of the classification vocabulary mean, for the generated docs. Typed as records
 * over the vocabulary's unions, so a new category or strategy cannot ship without an explanation.
 *
 * @since 0.1.0
 */
import type { Category, RetryStrategy, StatusClass } from '../error/vocabulary.js'

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * One sentence per category: what kind of failure it names.
 *
 * @example
 * import { CATEGORY_MEANINGS } from './glossary.js'
 * CATEGORY_MEANINGS.quota // 'A quota or limit of the account or project is used up.'
 *
 * @since 0.1.0
 * @category constants
 */
export const CATEGORY_MEANINGS: Readonly<Record<Category, string>> = {
  validation: 'The request itself is wrong: a missing, malformed or out-of-range parameter, or an unsupported method.',
  auth: 'The credentials are missing, expired or invalid (the caller is not known).',
  permission: 'The caller is known but not allowed to do this, to this resource.',
  'not-found': 'The resource or endpoint does not exist, or is not visible to this project.',
  conflict: 'The request clashes with the current state: a duplicate, or a resource that is busy, in use or in the wrong state.',
  quota: 'A quota or limit of the account or project is used up.',
  throttled: 'Too many requests in a short time: the gateway or the service is rate-limiting the caller.',
  payload: 'The body is too large or of a media type the API does not accept.',
  server: 'Something broke inside the service.',
  unavailable: 'The service or a dependency in front of it cannot answer right now.',
  timeout: 'The request, or a call the service made on its behalf, took too long.',
  unknown: 'Nothing in the status, the code or the catalogue says what went wrong.',
}

/**
 * What a caller should do for each retry strategy.
 *
 * @example
 * import { STRATEGY_MEANINGS } from './glossary.js'
 * STRATEGY_MEANINGS.reauth.startsWith('Get a new token') // true
 *
 * @since 0.1.0
 * @category constants
 */
export const STRATEGY_MEANINGS: Readonly<Record<RetryStrategy, string>> = {
  never:
    'Do not send the same request again: it will fail the same way. Change the request, the permissions, the quota or the resource first.',
  backoff:
    'Retry after a pause that doubles on each attempt (for example 1 s, 2 s, 4 s, with random jitter, a cap and a few attempts at most).',
  after:
    'Wait as long as the response\'s `Retry-After` header says (the library puts it in `delayMs`), then retry.',
  reauth: 'Get a new token from IAM, then send the request once more; if it fails again, stop and check the credentials.',
}

/**
 * One phrase per status class.
 *
 * @example
 * import { STATUS_CLASS_MEANINGS } from './glossary.js'
 * STATUS_CLASS_MEANINGS['4xx'] // 'the request was refused: the client has to change something'
 *
 * @since 0.1.0
 * @category constants
 */
export const STATUS_CLASS_MEANINGS: Readonly<Record<StatusClass, string>> = {
  '1xx': 'informational: not an answer yet',
  '2xx': 'success: the body is payload',
  '3xx': 'redirection: the answer is elsewhere',
  '4xx': 'the request was refused: the client has to change something',
  '5xx': 'the service failed: the same request may work later',
}
