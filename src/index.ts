/**
 * otc-errors: typed, classified errors for Open Telekom Cloud (and Huawei-Cloud-style) REST
 * APIs. The library (`otc-errors/core`) with the shipped catalogue (`otc-errors/catalog`) as
 * the default one. This module only re-exports: the public surface is listed name by name, in
 * pipeline order, in `core.ts` (one list for both entry points, which export the same names;
 * test/surface.test.ts pins it).
 *
 * @packageDocumentation
 */
import './catalog/shipped.js'
export * from './core.js'
