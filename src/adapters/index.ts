export * from './node.js'
export * from './axios.js'
