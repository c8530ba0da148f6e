export * from './node.js'
export * from './axios.js'
export * from './sdk.js'
