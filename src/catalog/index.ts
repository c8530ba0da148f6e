export * from './codec.js'
export * from './validate.js'
export * from './catalog.js'
