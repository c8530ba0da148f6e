/**
 * `otc-errors validate [DIR] [--json]`: checks catalogue files.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { drawIssue, strictIssues, validateCatalog, type CatalogIssue } from '../catalog/validate.js'
import { shippedCatalogFiles } from '../catalog/shipped.js'
import { layerCatalog, readCatalogFiles } from './catalogFiles.js'
import { EXIT, parseCommandArgs, usageError } from './args.js'
import type { CliIO } from './io.js'

/** @since 0.1.0 @category constants */
export const VALIDATE_HELP = `Usage: otc-errors validate [DIR|FILE] [--strict] [--json]

Checks catalogue files (every *.json in DIR except schema.json; without DIR, the
shipped catalogue): the shape of each file and entry, duplicate codes (same code,
same status), codes whose prefix does not belong to the file, statuses outside
100-599, unknown categories and retry strategies. Your own files are also checked
against the shipped catalogue, exactly as --catalog layers them: an entry with the
code and status of a shipped one is a conflict unless it says "replaces": true with
a "reason" (each replacement is listed on stderr). Each problem names the file,
the entry and the field.

Options:
  --strict     also fail while an entry's category is "unknown" or was set by a
               weak (fallback) rule: every entry must carry a reviewed classification
  --json       print {"ok": boolean, "files": number, "issues": [...]}
  -h, --help   show this help

Exit: 0 valid, 1 problems found, 2 bad flag or unreadable DIR.
`

/**
 * Runs `validate`; returns the exit code.
 *
 * @since 0.1.0
 * @category commands
 */
export const validateCommand = async (argv: ReadonlyArray<string>, io: CliIO): Promise<number> => {
  const parsed = parseCommandArgs(argv, { json: { type: 'boolean' }, strict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } })
  if (E.isLeft(parsed)) return usage(io, parsed.left)
  const { values, positionals } = parsed.right
  if (values['help'] === true) {
    io.stdout(VALIDATE_HELP)
    return EXIT.ok
  }
  if (positionals.length > 1) return usage(io, 'expected at most one DIR')
  const dir = positionals[0]
  const files: Array<{ name: string; content: unknown }> = []
  const issues: Array<CatalogIssue> = []
  if (dir === undefined) {
    files.push(...shippedCatalogFiles().map((f) => ({ name: `catalog/${f.name}`, content: f.content })))
  } else {
    const read = await readCatalogFiles(io, dir)
    if (E.isLeft(read)) {
      io.stderr(`otc-errors validate: ${read.left}\n`)
      return EXIT.usage
    }
    files.push(...read.right.files)
    issues.push(...read.right.issues)
  }
  const result = validateCatalog(files)
  const notes: Array<string> = []
  if (E.isLeft(result)) issues.push(...result.left)
  else {
    if (values['strict'] === true) issues.push(...strictIssues(result.right))
    // A user's directory is checked as every other command layers it: over the shipped catalogue.
    if (dir !== undefined && issues.length === 0) {
      const layered = layerCatalog(files)
      if (E.isLeft(layered)) issues.push(...layered.left)
      else notes.push(...layered.right.notes)
    }
  }
  for (const note of notes) io.stderr(`otc-errors validate: note: ${note}\n`)
  const ok = issues.length === 0
  if (values['json'] === true) io.stdout(`${JSON.stringify({ ok, files: files.length, issues })}\n`)
  else if (ok) io.stdout(`${files.length} catalogue files, no problems found\n`)
  else io.stdout(`${issues.map(drawIssue).join('\n')}\n${issues.length} problem${issues.length === 1 ? '' : 's'} in ${files.length} files\n`)
  return ok ? EXIT.ok : EXIT.negative
}

const usage = (io: CliIO, message: string): number => usageError(io, 'validate', message)
