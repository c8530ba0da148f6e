/**
 * otc-errors: typed, classified errors for Open Telekom Cloud (and Huawei-Cloud-style) REST
 * APIs. This module only re-exports; each concept lives in its own folder.
 *
 * @packageDocumentation
 */
// The shipped catalogue is the default one (see catalog/shipped.ts).
import './catalog/shipped.js'
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
export * from './retry/index.js'
export * from './problem/index.js'
export * from './otel/index.js'
export * from './sdk/index.js'
export * from './adapters/index.js'
