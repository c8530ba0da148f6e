export * from './dialect.js'
export * from './lookup.js'
export * from './recipes.js'
