export * from './problem.js'
