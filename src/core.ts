/**
 * otc-errors/core: the whole library but the shipped catalogue's data, for browser bundles that
 * keep it small (`decode` in about 25 KB gzipped) and load the catalogue later, or never (see
 * `otc-errors/catalog`). `defaultCatalog()` is empty here until `otc-errors/catalog` is
 * imported; the package root (`otc-errors`) is this plus the catalogue. This module only
 * re-exports; each concept lives in its own folder.
 *
 * @packageDocumentation
 */
export * from './error/index.js'
export * from './response/index.js'
export * from './shapes/index.js'
export * from './catalog/index.js'
export * from './classify/index.js'
export * from './decode/index.js'
// The log classifier's pure part (browser-safe); the streaming reader (node:zlib, Buffer) is
// the `otc-errors/logs` entry point.
export * from './logs/pattern.js'
export * from './logs/line.js'
export * from './logs/tally.js'
export * from './logs/timeline.js'
// The catalogue and the log pattern for the engines where logs live (pure text).
export * from './engines/index.js'
export * from './retry/index.js'
export * from './problem/index.js'
export * from './otel/index.js'
export * from './sdk/index.js'
export * from './adapters/index.js'
