/**
 * Reading catalogue files named on the command line (`validate DIR`, `--catalog FILE|DIR`), and
 * building the catalogue a command works with.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { join } from 'node:path'
import { defaultCatalog, withCatalog, type Catalog } from '../catalog/catalog.js'
import { drawIssue, type CatalogIssue } from '../catalog/validate.js'
import { bodyText } from '../response/text.js'
import type { CliIO } from './io.js'

/**
 * Parsed catalogue files (not yet validated) and the problems met while reading them.
 *
 * @since 0.1.0
 * @category model
 */
export interface ReadCatalogFiles {
  readonly files: ReadonlyArray<{ readonly name: string; readonly content: unknown }>
  readonly issues: ReadonlyArray<CatalogIssue>
}

const parseJsonFile = (name: string, text: string): E.Either<CatalogIssue, unknown> => {
  try {
    return E.right(JSON.parse(text) as unknown)
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'invalid JSON'
    return E.left({ file: name, entry: null, code: null, field: '(file)', message: `not valid JSON: ${detail}` })
  }
}

/**
 * Reads the catalogue files at `path`: a directory (every `*.json` but `schema.json`) or one
 * file. `Left` with a one-line reason when the path cannot be read at all.
 *
 * @example
 * import { readCatalogFiles } from './catalogFiles.js'
 * import { processIO } from './io.js'
 * const read = await readCatalogFiles(processIO(), 'catalog')
 *
 * @since 0.1.0
 * @category constructors
 */
export const readCatalogFiles = async (io: CliIO, path: string): Promise<E.Either<string, ReadCatalogFiles>> => {
  const names = await io.listDir(path)
  const paths = E.isRight(names)
    ? [...names.right].filter((n) => n.endsWith('.json') && n !== 'schema.json').sort().map((n) => join(path, n))
    : [path]
  const files: Array<{ name: string; content: unknown }> = []
  const issues: Array<CatalogIssue> = []
  for (const file of paths) {
    const bytes = await io.readFile(file)
    if (E.isLeft(bytes)) {
      // A directory that cannot be listed nor read as a file: report the listing's reason.
      if (E.isLeft(names)) return E.left(E.isLeft(names) && /directory/i.test(bytes.left) ? names.left : bytes.left)
      issues.push({ file, entry: null, code: null, field: '(file)', message: bytes.left })
      continue
    }
    const json = parseJsonFile(file, bodyText(bytes.right))
    if (E.isLeft(json)) issues.push(json.left)
    else files.push({ name: file, content: json.right })
  }
  return E.right({ files, issues })
}

/**
 * The catalogue for a command: the shipped one with the files of every `--catalog FILE|DIR`
 * layered over it; `Left` with printable lines when a file cannot be read, is invalid, or
 * conflicts with the shipped catalogue.
 *
 * @example
 * import { catalogFor } from './catalogFiles.js'
 * import { processIO } from './io.js'
 * const catalog = await catalogFor(processIO(), ['my-codes.json'])
 *
 * @since 0.1.0
 * @category constructors
 */
export const catalogFor = async (io: CliIO, paths: ReadonlyArray<string>): Promise<E.Either<string, Catalog>> => {
  if (paths.length === 0) return E.right(defaultCatalog())
  const files: Array<{ name: string; content: unknown }> = []
  const problems: Array<string> = []
  for (const path of paths) {
    const read = await readCatalogFiles(io, path)
    if (E.isLeft(read)) {
      problems.push(read.left)
      continue
    }
    files.push(...read.right.files)
    problems.push(...read.right.issues.map(drawIssue))
  }
  if (problems.length > 0) return E.left(problems.join('\n'))
  const layered = withCatalog(files)
  return E.isLeft(layered) ? E.left(layered.left.map(drawIssue).join('\n')) : E.right(layered.right)
}
