/**
 * A JSON Schema of the catalogue file format, derived from its io-ts codec (the single source of
 * truth), so editors can validate catalogue files while people edit them.
 *
 * @since 0.1.0
 */
import type * as t from 'io-ts'
import { CatalogFile } from './codec.js'

/**
 * A JSON Schema document (the subset this module writes).
 *
 * @example
 * import { catalogFileSchema, type JsonSchema } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const schema: JsonSchema = catalogFileSchema()
 * assert.strictEqual(typeof schema, 'object')
 *
 * @since 0.1.0
 * @category model
 */
export type JsonSchema = { readonly [key: string]: unknown }

interface Tagged {
  readonly _tag?: string
  readonly name: string
}

/** What the brands and refinements of the codecs mean, said in JSON Schema. */
const REFINEMENTS: Readonly<Record<string, JsonSchema>> = {
  Int: { type: 'integer' },
  HttpStatus: { type: 'integer', minimum: 100, maximum: 599 },
}

/**
 * The JSON Schema of an io-ts codec built from `type`, `partial`, `intersection`, `union`,
 * `array`, `record`, `keyof`, `literal`, primitives and the refinements this package uses.
 * Anything else becomes `{}` (no constraint), never an exception.
 *
 * @example
 * import { toJsonSchema } from 'otc-errors'
 * import * as t from 'io-ts'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual(toJsonSchema(t.type({ code: t.string })),
 *   { type: 'object', properties: { code: { type: 'string' } }, required: ['code'], additionalProperties: true })
 *
 * @since 0.1.0
 * @category schema
 */
export const toJsonSchema = (codec: t.Mixed): JsonSchema => {
  const c = codec as unknown as Tagged & Record<string, unknown>
  const refined = REFINEMENTS[c.name]
  if (refined !== undefined) return refined
  switch (c._tag) {
    case 'StringType':
      return { type: 'string' }
    case 'NumberType':
      return { type: 'number' }
    case 'BooleanType':
      return { type: 'boolean' }
    case 'NullType':
      return { type: 'null' }
    case 'LiteralType':
      return { const: c['value'] }
    case 'KeyofType':
      return { enum: Object.keys(c['keys'] as object) }
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return { type: 'array', items: toJsonSchema(c['type'] as t.Mixed) }
    case 'DictionaryType':
      return { type: 'object', additionalProperties: toJsonSchema(c['codomain'] as t.Mixed) }
    case 'InterfaceType':
    case 'PartialType': {
      const props = c['props'] as Record<string, t.Mixed>
      const properties = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, toJsonSchema(v)]))
      return c._tag === 'InterfaceType'
        ? { type: 'object', properties, required: Object.keys(props), additionalProperties: true }
        : { type: 'object', properties, additionalProperties: true }
    }
    case 'IntersectionType':
      return mergeObjects((c['types'] as ReadonlyArray<t.Mixed>).map(toJsonSchema))
    case 'UnionType':
      return { anyOf: (c['types'] as ReadonlyArray<t.Mixed>).map(toJsonSchema) }
    case 'RefinementType':
      return toJsonSchema(c['type'] as t.Mixed)
    default:
      return {}
  }
}

/** An intersection of object schemas as one object schema (so editors complete every key). */
const mergeObjects = (schemas: ReadonlyArray<JsonSchema>): JsonSchema => {
  if (!schemas.every((s) => s['type'] === 'object' && s['properties'] !== undefined)) return { allOf: schemas }
  const properties = Object.assign({}, ...schemas.map((s) => s['properties'])) as JsonSchema
  const required = schemas.flatMap((s) => (s['required'] as ReadonlyArray<string> | undefined) ?? [])
  return { type: 'object', properties, required, additionalProperties: true }
}

/**
 * The JSON Schema of a catalogue file, as shipped in `catalog/schema.json`.
 *
 * @example
 * import { catalogFileSchema } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.deepStrictEqual((catalogFileSchema().required as ReadonlyArray<string>).includes('entries'), true)
 *
 * @since 0.1.0
 * @category schema
 */
export const catalogFileSchema = (): JsonSchema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'otc-errors catalogue file',
  description: 'One service of the otc-errors catalogue: its prefixes, provenance and error codes. Generated from the io-ts codec CatalogFile.',
  ...toJsonSchema(CatalogFile),
})
