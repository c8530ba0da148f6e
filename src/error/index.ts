export * from './vocabulary.js'
export * from './redact.js'
export * from './ServiceError.js'
