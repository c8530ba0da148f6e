/**
 * Reading catalogue files named on the command line (`validate DIR`, `--catalog FILE|DIR`), and
 * building the catalogue a command works with.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { join } from 'node:path'
import { defaultCatalog, makeCatalog, withCatalog, type Catalog, type Replacement } from '../catalog/catalog.js'
import { drawIssue, type CatalogIssue } from '../catalog/validate.js'
import { bodyText } from '../response/text.js'
import { MAX_INPUT_BYTES, tooLarge, type CliIO } from './io.js'

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
    ? [...names.right]
        .filter((n) => n.endsWith('.json') && n !== 'schema.json')
        .sort()
        .map((n) => join(path, n))
    : [path]
  const files: Array<{ name: string; content: unknown }> = []
  const issues: Array<CatalogIssue> = []
  for (const file of paths) {
    const read = await io.readFile(file, MAX_INPUT_BYTES)
    const bytes = E.isRight(read) && read.right.length > MAX_INPUT_BYTES ? E.left(tooLarge(file, MAX_INPUT_BYTES)) : read
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
  // The files that did read are checked too, so that one run names every problem of every file.
  const layered = layerCatalog(files)
  if (E.isLeft(layered)) return E.left([...problems, ...layered.left.map(drawIssue)].join('\n'))
  if (problems.length > 0) return E.left(problems.join('\n'))
  // A replacement is never silent: each one is named on stderr.
  for (const note of layered.right.notes) io.stderr(`otc-errors: note: ${note}\n`)
  return E.right(layered.right.catalog)
}

const baseName = (name: string): string => name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)

/**
 * The user's files layered over the shipped catalogue, as every command does it: a file named
 * like a shipped one (an edited copy of `catalog/as.json`) takes that file's place; any other
 * entry with the code and status of a shipped one must say `"replaces": true` with a `reason`.
 * Every replacement comes back as a note to print.
 *
 * @example
 * import { layerCatalog } from './catalogFiles.js'
 * const r = layerCatalog([{ name: 'mine/shop.json', content: { service: 'SHOP', title: 'Shop', prefixes: ['SHOP'], sources: [], entries: [] } }])
 * // Right({ catalog, notes: [] })
 *
 * @since 0.1.0
 * @category constructors
 */
export const layerCatalog = (
  files: ReadonlyArray<{ readonly name: string; readonly content: unknown }>,
): E.Either<ReadonlyArray<CatalogIssue>, { readonly catalog: Catalog; readonly notes: ReadonlyArray<string> }> => {
  const names = new Set(files.map((f) => baseName(f.name)))
  const shipped = defaultCatalog().files()
  const kept = shipped.filter(({ name }) => !names.has(name))
  const base = kept.length === shipped.length ? defaultCatalog() : makeCatalog(kept)
  const layered = withCatalog(files, base)
  if (E.isLeft(layered)) return layered
  const notes = [
    ...shipped.filter(({ name }) => names.has(name)).map(({ name }) => `${files.find((f) => baseName(f.name) === name)?.name ?? name} takes the place of the shipped ${name}`),
    ...layered.right.replacements().map(drawReplacement),
  ]
  return E.right({ catalog: layered.right, notes })
}

/**
 * One line for a user's entry that replaced a shipped one.
 *
 * @example
 * import { drawReplacement } from './catalogFiles.js'
 * drawReplacement({ code: 'AS.0001', status: 500, file: 'mine.json', replaced: 'as.json', reason: 'timeouts' })
 * // 'mine.json replaces AS.0001 (status 500) of as.json: timeouts'
 *
 * @since 0.1.0
 * @category rendering
 */
export const drawReplacement = (r: Replacement): string => `${r.file} replaces ${r.code} (status ${r.status ?? 'none'}) of ${r.replaced}: ${r.reason}`
