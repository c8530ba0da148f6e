/**
 * General advice for a category and retry strategy: what a caller should do when the catalogue
 * has nothing more specific (an unknown code, or an entry documented for another status class).
 *
 * @since 0.1.0
 */
import type { Category, RetryStrategy } from '../error/vocabulary.js'

/**
 * One or two sentences of advice for a category and retry strategy.
 *
 * @example
 * import { adviceFor } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.match(adviceFor('throttled', 'after'), /Retry-After/)
 *
 * @since 0.1.0
 * @category destructors
 */
export const adviceFor = (category: Category, strategy: RetryStrategy): string => {
  switch (category) {
    case 'throttled':
      return 'Too many requests in a short time: slow down and retry with exponential backoff, honouring Retry-After when the response sends it.'
    case 'timeout':
      return 'The operation did not finish in time: retry with backoff, and check that the backend or resource it waits on is reachable.'
    case 'unavailable':
      return 'The service or a dependency is temporarily unavailable: retry with exponential backoff; if it persists, check the service status or open a ticket.'
    case 'server':
      return strategy === 'never'
        ? 'The service does not support this operation here: check the API version and region, and do not retry unchanged.'
        : 'An internal error on the service side: retry with backoff; if it persists, contact support with the request ID.'
    case 'auth':
      return strategy === 'never'
        ? 'The credentials were refused: check the user name, password or account state before trying again.'
        : 'The token is missing, invalid or expired: obtain a new token from IAM and send the request again.'
    case 'permission':
      return 'The caller lacks the rights for this action or resource: grant the required policy or role to the user, or use another account.'
    case 'not-found':
      return 'The resource or endpoint does not exist (or is not visible to this project): check the ID, name, region and project, and whether it was deleted.'
    case 'conflict':
      return strategy === 'never'
        ? 'The request clashes with the current state of the resource (a duplicate, or the resource is in use or in the wrong state): change the request or the resource state first.'
        : 'The resource is busy with another operation: wait until it finishes, then retry.'
    case 'quota':
      return 'A quota or limit has been reached: free up resources or ask for a higher quota, then try again.'
    case 'payload':
      return 'The request body is too large or of an unsupported type: shrink it or send it with a supported Content-Type.'
    case 'validation':
      return 'A parameter of the request is invalid or missing: correct it according to the API reference and send the request again.'
    case 'unknown':
      return 'Nothing tells what went wrong beyond the message: read it, and act on the HTTP status.'
  }
}
