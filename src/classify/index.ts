export * from './status.js'
export * from './retryAfter.js'
export * from './classify.js'
export * from './advice.js'
