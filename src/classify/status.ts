/**
 * Classification from the HTTP status alone: the fallback for codes the catalogue does not
 * know, and the rule whenever the observed status class differs from the documented one.
 *
 * @since 0.1.0
 */
import type { Category, RetryStrategy } from '../error/vocabulary.js'

/**
 * A category with the retry strategy that goes with it.
 *
 * @example
 * import { ruleForStatus, type StatusRule } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const rule: StatusRule = ruleForStatus(503)
 * assert.deepStrictEqual(rule, { category: 'unavailable', strategy: 'backoff' })
 *
 * @since 0.1.0
 * @category model
 */
export interface StatusRule {
  readonly category: Category
  readonly strategy: RetryStrategy
}

/**
 * The documented rule for each status that has one of its own (DESIGN.md, "Classification
 * vocabulary"). Statuses not listed fall back to their class: any other 4xx is
 * `validation`/`never`, any other 5xx `server`/`backoff`.
 *
 * @example
 * import { STATUS_RULES } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(STATUS_RULES.get(429), { category: 'throttled', strategy: 'backoff' })
 *
 * @since 0.1.0
 * @category constants
 */
export const STATUS_RULES: ReadonlyMap<number, StatusRule> = new Map<number, StatusRule>([
  [400, { category: 'validation', strategy: 'never' }],
  [401, { category: 'auth', strategy: 'reauth' }],
  [403, { category: 'permission', strategy: 'never' }],
  [404, { category: 'not-found', strategy: 'never' }],
  [405, { category: 'validation', strategy: 'never' }],
  [406, { category: 'validation', strategy: 'never' }],
  [408, { category: 'timeout', strategy: 'backoff' }],
  [409, { category: 'conflict', strategy: 'never' }],
  [412, { category: 'conflict', strategy: 'never' }],
  [413, { category: 'payload', strategy: 'never' }],
  [415, { category: 'payload', strategy: 'never' }],
  [422, { category: 'validation', strategy: 'never' }],
  [429, { category: 'throttled', strategy: 'backoff' }],
  [500, { category: 'server', strategy: 'backoff' }],
  [501, { category: 'server', strategy: 'never' }],
  [502, { category: 'unavailable', strategy: 'backoff' }],
  [503, { category: 'unavailable', strategy: 'backoff' }],
  [504, { category: 'timeout', strategy: 'backoff' }],
])

const CLIENT: StatusRule = { category: 'validation', strategy: 'never' }
const SERVER: StatusRule = { category: 'server', strategy: 'backoff' }
// A 1xx–3xx handed to the error path is something the caller did not expect; nothing says a retry helps.
const OTHER: StatusRule = { category: 'unknown', strategy: 'never' }

/**
 * Category and retry strategy from the status alone (without `Retry-After`; see `retryHintFor`).
 *
 * @example
 * import { ruleForStatus } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(ruleForStatus(401), { category: 'auth', strategy: 'reauth' })
 * assert.deepStrictEqual(ruleForStatus(418), { category: 'validation', strategy: 'never' })
 * assert.deepStrictEqual(ruleForStatus(599), { category: 'server', strategy: 'backoff' })
 *
 * @since 0.1.0
 * @category classification
 */
export const ruleForStatus = (status: number): StatusRule => STATUS_RULES.get(status) ?? (status >= 500 ? SERVER : status >= 400 ? CLIENT : OTHER)

/**
 * Statuses whose `Retry-After` header is honoured: throttling (429), request timeout (408) and
 * service unavailable (503, which RFC 9110 pairs with `Retry-After`).
 *
 * @example
 * import { RETRY_AFTER_STATUSES } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual([...RETRY_AFTER_STATUSES], [408, 429, 503])
 *
 * @since 0.1.0
 * @category constants
 */
export const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([408, 429, 503])
