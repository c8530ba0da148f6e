export * from './budget.js'
export * from './idempotency.js'
export * from './decision.js'
export * from './executor.js'
