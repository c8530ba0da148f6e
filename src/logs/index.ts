export * from './pattern.js'
export * from './line.js'
export * from './stream.js'
export * from './tally.js'
