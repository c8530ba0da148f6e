/**
 * otc-errors/logs: the log classifier with its streaming reader (Node: `node:zlib`, `Buffer`),
 * over the shipped catalogue, which this entry point makes the default one as the package root
 * does.
 *
 * @packageDocumentation
 */
import './catalog/shipped.js'
export * from './logs/index.js'
