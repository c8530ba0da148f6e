// The shipped catalogue files as the repository has them (catalog/*.json but schema.json), by
// name, parsed: what the build validates and packs, and what these tests validate again.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const catalogDir = join(import.meta.dirname, '..', '..', 'catalog')

export const shippedFiles: ReadonlyArray<{ readonly name: string; readonly content: unknown }> = readdirSync(catalogDir)
  .filter((name) => name.endsWith('.json') && name !== 'schema.json')
  .sort()
  .map((name) => ({ name, content: JSON.parse(readFileSync(join(catalogDir, name), 'utf8')) as unknown }))
