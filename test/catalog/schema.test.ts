import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { schemaText } from '../../scripts/build-catalog.js'
import { shippedFiles } from './shippedFiles.js'
import { CatalogFile, CatalogFileEntry, toJsonSchema, type JsonSchema } from '../../src/catalog/index.js'
import { categories, retryStrategies } from '../../src/error/vocabulary.js'

const catalogDir = join(import.meta.dirname, '..', '..', 'catalog')

/** A validator for the subset of JSON Schema that toJsonSchema writes: enough to check it says what the codec says. */
const valid = (schema: JsonSchema, value: unknown): boolean => {
  if (schema['anyOf'] !== undefined) return (schema['anyOf'] as ReadonlyArray<JsonSchema>).some((s) => valid(s, value))
  if (schema['enum'] !== undefined) return (schema['enum'] as ReadonlyArray<unknown>).includes(value)
  switch (schema['type']) {
    case 'string':
      return typeof value === 'string'
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'null':
      return value === null
    case 'integer':
      return (
        Number.isInteger(value) &&
        (schema['minimum'] === undefined || (value as number) >= (schema['minimum'] as number)) &&
        (schema['maximum'] === undefined || (value as number) <= (schema['maximum'] as number))
      )
    case 'array':
      return Array.isArray(value) && value.every((v) => valid(schema['items'] as JsonSchema, v))
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
      const record = value as Record<string, unknown>
      const required = (schema['required'] as ReadonlyArray<string> | undefined) ?? []
      if (!required.every((k) => Object.prototype.hasOwnProperty.call(record, k))) return false
      const props = (schema['properties'] as Record<string, JsonSchema> | undefined) ?? {}
      const extra = schema['additionalProperties']
      return Object.entries(record).every(([k, v]) =>
        Object.prototype.hasOwnProperty.call(props, k) ? valid(props[k]!, v) : typeof extra === 'object' && extra !== null ? valid(extra as JsonSchema, v) : true,
      )
    }
    default:
      return true
  }
}

describe('catalog/schema.json', () => {
  it('is the schema derived from the codec, as committed', () => {
    expect(readFileSync(join(catalogDir, 'schema.json'), 'utf8')).toBe(schemaText())
  })
  it('is referenced by every catalogue file, and accepts every shipped file', () => {
    const schema = JSON.parse(schemaText()) as JsonSchema
    for (const { name, content } of shippedFiles) {
      expect((content as { $schema?: string }).$schema, name).toBe('./schema.json')
      expect(valid(schema, content), name).toBe(true)
    }
  })
  it('agrees with the codec on arbitrary entries', () => {
    const schema = toJsonSchema(CatalogFileEntry)
    const entry = fc.record(
      {
        code: fc.oneof(fc.string(), fc.integer()),
        status: fc.oneof(fc.integer({ min: 0, max: 700 }), fc.constant(null), fc.double(), fc.string()),
        message: fc.oneof(fc.string(), fc.constant(null)),
        category: fc.oneof(fc.constantFrom(...categories), fc.string()),
        retry: fc.oneof(fc.constantFrom(...retryStrategies), fc.string()),
        remedy: fc.string(),
        rule: fc.oneof(fc.string(), fc.integer()),
        otherMessages: fc.oneof(fc.array(fc.string()), fc.array(fc.integer(), { minLength: 1 })),
      },
      { requiredKeys: ['code', 'status', 'category', 'retry'] },
    )
    fc.assert(
      fc.property(entry, (e) => {
        expect(valid(schema, e)).toBe(CatalogFileEntry.is(e))
      }),
      { numRuns: 500 },
    )
  })
  it('agrees with the codec on whole files', () => {
    const schema = toJsonSchema(CatalogFile)
    const file = fc.record(
      {
        service: fc.oneof(fc.string(), fc.integer()),
        title: fc.string(),
        prefixes: fc.array(fc.string()),
        sources: fc.array(fc.record({ repo: fc.string(), commit: fc.string(), paths: fc.array(fc.string()) })),
        entries: fc.array(fc.anything(), { maxLength: 2 }),
        aliases: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())),
      },
      { requiredKeys: ['service', 'entries'] },
    )
    fc.assert(
      fc.property(file, (f) => {
        expect(valid(schema, f)).toBe(CatalogFile.is(f))
      }),
      { numRuns: 300 },
    )
  })
})
