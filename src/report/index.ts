export * from './problem.js'
export * from './otel.js'
