/**
 * otc-errors: typed, classified errors for Open Telekom Cloud (and Huawei-Cloud-style) REST
 * APIs. The library (`otc-errors/core`) with the shipped catalogue (`otc-errors/catalog`) as
 * the default one. This module only re-exports; each concept lives in its own folder.
 *
 * @packageDocumentation
 */
import './catalog/shipped.js'
export * from './core.js'
