/**
 * `otc-errors docs --out DIR [--format md|html|all]`: the catalogue as Markdown pages and a
 * self-contained, searchable HTML page.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BROWSER_BUNDLE } from '../docs/browser.generated.js'
import { DOCS_FORMATS, renderDocs } from '../docs/index.js'
import { EXIT, parseCommandArgs, usageError } from './args.js'
import { catalogPaths } from './catalog.js'
import { catalogFor } from './catalogFiles.js'
import type { CliIO } from './io.js'

/** @since 0.1.0 @category constants */
export const DOCS_HELP = `Usage: otc-errors docs --out DIR [--format md|html|all] [--catalog FILE|DIR]...

Writes documentation of the catalogue into DIR (created when missing; files of
the same names are overwritten, nothing else is touched):
  index.md      the services with their code counts, and what each category
                and retry strategy means
  <SERVICE>.md  one page per service: code, status, category, retry, message
                and remedy, with an anchor per code (AS.md#as-0001)
  index.html    every code on one page, with a search box that takes codes as
                responses spell them (APIGW.0308), filters by service, category
                and status (index.html?q=quota&service=RDS&status=4xx opens
                filtered), and an Explain box that reads a pasted response in
                the browser; no network needed, works from file://

Options:
  --out DIR     the output directory (required)
  --format F    md, html or all (default all)
  --catalog P   layer your own catalogue file or directory over the shipped one (repeatable)
  -h, --help    show this help

Exit: 0 written, 2 bad flag, unreadable catalogue or a file that could not be written.
Example: otc-errors docs --out docs/catalog
`

/**
 * Where the docs command writes: a directory maker and a file writer, each giving a one-line
 * reason on failure. Tests pass an in-memory one.
 *
 * @example
 * import type { DocsWriter } from './docs.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * const written = new Map<string, string>()
 * const writer: DocsWriter = { makeDir: async () => E.right(undefined), writeFile: async (path, text) => E.right(void written.set(path, text)) }
 *
 * @since 0.1.0
 * @category model
 */
export interface DocsWriter {
  readonly makeDir: (path: string) => Promise<E.Either<string, void>>
  readonly writeFile: (path: string, content: string) => Promise<E.Either<string, void>>
}

const reason = (error: unknown): string => {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'not a directory'
  if (code === 'EISDIR') return 'is a directory'
  return error instanceof Error ? error.message : 'cannot write'
}

/**
 * The real file system.
 *
 * @example
 * import { fileWriter } from './docs.js'
 * await fileWriter.makeDir('out/docs')
 *
 * @since 0.1.0
 * @category constructors
 */
export const fileWriter: DocsWriter = {
  makeDir: async (path) => {
    try {
      await mkdir(path, { recursive: true })
      return E.right(undefined)
    } catch (error) {
      return E.left(`${path}: ${reason(error)}`)
    }
  },
  writeFile: async (path, content) => {
    try {
      await writeFile(path, content)
      return E.right(undefined)
    } catch (error) {
      return E.left(`${path}: ${reason(error)}`)
    }
  },
}

/**
 * Runs `docs`; returns the exit code. `bundle` is the page script (the build's, by default;
 * null when the build had no esbuild).
 *
 * @example
 * import { docsCommand } from './docs.js'
 * import { processIO } from './io.js'
 * const code = await docsCommand(['--out', 'docs/catalog', '--format', 'md'], processIO())
 *
 * @since 0.1.0
 * @category commands
 */
export const docsCommand = async (argv: ReadonlyArray<string>, io: CliIO, writer: DocsWriter = fileWriter, bundle: string | null = BROWSER_BUNDLE): Promise<number> => {
  const parsed = parseCommandArgs(argv, {
    out: { type: 'string' },
    format: { type: 'string' },
    catalog: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  })
  if (E.isLeft(parsed)) return usage(io, parsed.left)
  const { values, positionals } = parsed.right
  if (values['help'] === true) {
    io.stdout(DOCS_HELP)
    return EXIT.ok
  }
  if (positionals.length > 0) return usage(io, `unexpected argument "${positionals[0] ?? ''}"; the output directory goes after --out`)
  const out = values['out']
  if (typeof out !== 'string' || out.trim() === '') return usage(io, '--out DIR is required')
  const formatFlag = values['format'] ?? 'all'
  const format = DOCS_FORMATS.find((f) => f === formatFlag)
  if (format === undefined) return usage(io, `--format expects ${DOCS_FORMATS.join(', ')}, got "${String(formatFlag)}"`)
  if (format !== 'md' && bundle === null) {
    io.stderr(
      'otc-errors docs: index.html needs the page script, which is bundled with esbuild when the package is built, and this build was made without esbuild.\n' +
        'Install the dev dependencies and run `npm run build`, or use --format md.\n',
    )
    return EXIT.usage
  }
  const catalog = await catalogFor(io, catalogPaths(values['catalog']))
  if (E.isLeft(catalog)) {
    io.stderr(`otc-errors docs: ${catalog.left}\n`)
    return EXIT.usage
  }
  const files = renderDocs(catalog.right.files(), format, bundle)
  const made = await writer.makeDir(out)
  if (E.isLeft(made)) return failed(io, made.left)
  for (const file of files) {
    const written = await writer.writeFile(join(out, file.path), file.content)
    if (E.isLeft(written)) return failed(io, written.left)
  }
  const pages = files.filter((f) => f.path.endsWith('.md') && f.path !== 'index.md').length
  const what = [...(files.some((f) => f.path === 'index.md') ? [`index.md and ${pages} service pages`] : []), ...(files.some((f) => f.path === 'index.html') ? ['index.html'] : [])]
  io.stdout(`wrote ${what.join(', ')} to ${out}\n`)
  return EXIT.ok
}

const usage = (io: CliIO, message: string): number => usageError(io, 'docs', message)

const failed = (io: CliIO, message: string): number => {
  io.stderr(`otc-errors docs: cannot write ${message}\n`)
  return EXIT.usage
}
