/**
 * Validation of catalogue files. Every problem names the file, the entry and the field.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { Category, RetryStrategy } from '../error/vocabulary.js'
import { CatalogFile, CatalogFileEntry, CatalogFileHeader } from './codec.js'
import { prefixOf } from './prefix.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One problem of a catalogue: the file, the entry's index (null for the file itself), the
 * entry's code when it has one, the field, and what is wrong.
 *
 * @example
 * import { validateCatalog, type CatalogIssue } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const r = validateCatalog([{ name: 'x.json', content: { service: 'X' } }])
 * const issues: ReadonlyArray<CatalogIssue> = r._tag === 'Left' ? r.left : []
 * assert.ok(issues.length > 0 && issues[0]?.file === 'x.json')
 *
 * @since 0.1.0
 * @category model
 */
export interface CatalogIssue {
  readonly file: string
  readonly entry: number | null
  readonly code: string | null
  readonly field: string
  readonly message: string
}

/**
 * A problem on one line: `catalog/as.json: entries[3] (AS.0001): field "status": 700 is outside 100–599`.
 *
 * @example
 * import { drawIssue } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(drawIssue({ file: 'as.json', entry: 3, code: 'AS.0001', field: 'status', message: '700 is outside 100–599' }),
 *   'as.json: entries[3] (AS.0001): field "status": 700 is outside 100–599')
 *
 * @since 0.1.0
 * @category destructors
 */
export const drawIssue = (issue: CatalogIssue): string => {
  const where = issue.entry === null ? '' : ` entries[${issue.entry}]${issue.code === null ? '' : ` (${issue.code})`}:`
  return `${issue.file}:${where} field "${issue.field}": ${issue.message}`
}

const show = (value: unknown): string => {
  try {
    const text = JSON.stringify(value) ?? String(value)
    return text.length > 60 ? `${text.slice(0, 59)}…` : text
  } catch {
    return typeof value
  }
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value)
const ownField = (value: unknown, key: string): unknown => (isRecord(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined)

/** What a field must be, said for people. */
const EXPECTED: Readonly<Record<string, string>> = {
  code: 'a string',
  status: 'an integer HTTP status from 100 to 599, or null',
  message: 'a string',
  remedy: 'a string',
  category: `one of ${Category.name}`,
  retry: `one of ${RetryStrategy.name}`,
  otherMessages: 'a list of strings',
  source: '{"path": string, "line": number}',
}

/** The io-ts errors of a file as issues, grouped to one per entry and field. */
const shapeIssues = (file: string, json: unknown, errors: t.Errors): ReadonlyArray<CatalogIssue> => {
  const seen = new Set<string>()
  const issues: Array<CatalogIssue> = []
  for (const error of errors) {
    // The context's keys, after the root: e.g. ['0', 'entries', '3', '0', 'status'] (members of intersections are digits too).
    const path = error.context.map((c) => c.key).slice(1)
    const entriesAt = path.indexOf('entries')
    const index = entriesAt === -1 ? undefined : path[entriesAt + 1]
    const entry = index !== undefined && /^\d+$/.test(index) ? Number(index) : null
    const rest = entry === null ? path : path.slice(entriesAt + 2)
    const field = rest.find((k) => !/^\d+$/.test(k)) ?? (entry === null ? '(file)' : '(entry)')
    const key = `${entry}:${field}`
    if (seen.has(key)) continue
    seen.add(key)
    const entries = ownField(json, 'entries')
    const item = entry !== null && Array.isArray(entries) ? (entries[entry] as unknown) : undefined
    const code = ownField(item, 'code')
    const value = entry === null ? ownField(json, field) : ownField(item, field)
    const expected = EXPECTED[field] ?? 'of the documented type'
    issues.push({
      file,
      entry,
      code: typeof code === 'string' ? code : null,
      field,
      message: value === undefined ? `missing; expected ${expected}` : `${show(value)} is not ${expected}`,
    })
  }
  return issues
}

const lower = (s: string): string => s.toLowerCase()

/** Issues of a decoded file's content: statuses, duplicates, prefixes. */
const contentIssues = (file: string, catalog: Omit<CatalogFile, 'entries'>, entries: ReadonlyArray<readonly [number, CatalogFileEntry]>): ReadonlyArray<CatalogIssue> => {
  const issues: Array<CatalogIssue> = []
  const owned = new Set([...catalog.prefixes, ...(catalog.sharedPrefixes ?? []), ...Object.keys(catalog.aliases ?? {})].map(lower))
  const seen = new Map<string, number>()
  entries.forEach(([index, entry]) => {
    const at = { file, entry: index, code: entry.code }
    if (entry.code.trim() === '') issues.push({ ...at, field: 'code', message: 'is empty' })
    const prefix = prefixOf(entry.code)
    if (prefix === null ? catalog.bareCodes !== true : !owned.has(lower(prefix))) {
      issues.push({
        ...at,
        field: 'code',
        message:
          prefix === null
            ? 'has no dotted prefix, and the file does not declare "bareCodes": true'
            : `prefix "${prefix}" does not belong to this file (its prefixes: ${[...catalog.prefixes, ...(catalog.sharedPrefixes ?? [])].join(', ')})`,
      })
    }
    const key = `${lower(entry.code)}|${entry.status}`
    const first = seen.get(key)
    if (first !== undefined) {
      issues.push({ ...at, field: 'status', message: `duplicate of entries[${first}]: same code, same status ${entry.status}; merge them (see "otherMessages")` })
    } else {
      seen.set(key, index)
    }
    if (entry.message.trim() === '') issues.push({ ...at, field: 'message', message: 'is empty' })
    if (entry.remedy.trim() === '') issues.push({ ...at, field: 'remedy', message: 'is empty' })
    if (entry.replaces === true && (entry.reason ?? '').trim() === '') {
      issues.push({ ...at, field: 'reason', message: 'missing; an entry that replaces a shipped one says why ("reason": "...")' })
    }
  })
  return issues
}

// -------------------------------------------------------------------------------------
// validation
// -------------------------------------------------------------------------------------

/**
 * Validates one catalogue file's parsed JSON. Never throws.
 *
 * @example
 * import { validateCatalogFile, drawIssue } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const file = { service: 'AS', title: 'Auto Scaling', prefixes: ['AS'], sources: [],
 *   entries: [{ code: 'AS.0001', status: 700, message: 'System error.', category: 'server', retry: 'backoff', remedy: 'Retry.' }] }
 * const r = validateCatalogFile('as.json', file)
 * assert.ok(r._tag === 'Left' && drawIssue(r.left[0]!) === 'as.json: entries[0] (AS.0001): field "status": 700 is not an integer HTTP status from 100 to 599, or null')
 *
 * @since 0.1.0
 * @category validation
 */
export const validateCatalogFile = (file: string, json: unknown): E.Either<ReadonlyArray<CatalogIssue>, CatalogFile> => {
  try {
    const decoded = CatalogFile.decode(json)
    if (E.isLeft(decoded)) {
      // Report the content problems of the entries that are well-formed too, so one run shows everything.
      const header = CatalogFileHeader.decode(json)
      const entries = ownField(json, 'entries')
      const wellFormed = Array.isArray(entries) ? entries.flatMap((e: unknown, i) => (CatalogFileEntry.is(e) ? [[i, e] as const] : [])) : []
      const more = E.isRight(header) ? contentIssues(file, header.right, wellFormed) : []
      return E.left([...shapeIssues(file, json, decoded.left), ...more])
    }
    const issues = contentIssues(
      file,
      decoded.right,
      decoded.right.entries.map((e, i) => [i, e] as const),
    )
    return issues.length === 0 ? E.right(decoded.right) : E.left(issues)
  } catch (error) {
    return E.left([{ file, entry: null, code: null, field: '(file)', message: `unreadable: ${error instanceof Error ? error.message : 'unknown'}` }])
  }
}

/**
 * Validates several files together: each alone, then across files (a prefix owned by two
 * files; the same code and status in two files).
 *
 * @example
 * import { validateCatalog } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const file = (name: string) => ({ name, content: { service: 'AS', title: 'Auto Scaling', prefixes: ['AS'], sources: [], entries: [] } })
 * const r = validateCatalog([file('a.json'), file('b.json')])
 * assert.ok(r._tag === 'Left' && r.left[0]?.message === 'prefix "AS" is also owned by a.json')
 *
 * @since 0.1.0
 * @category validation
 */
export const validateCatalog = (
  files: ReadonlyArray<{ readonly name: string; readonly content: unknown }>,
): E.Either<ReadonlyArray<CatalogIssue>, ReadonlyArray<{ readonly name: string; readonly file: CatalogFile }>> => {
  const issues: Array<CatalogIssue> = []
  const valid: Array<{ name: string; file: CatalogFile }> = []
  for (const { name, content } of files) {
    const r = validateCatalogFile(name, content)
    if (E.isLeft(r)) issues.push(...r.left)
    else valid.push({ name, file: r.right })
  }
  const owners = new Map<string, string>()
  const codes = new Map<string, string>()
  for (const { name, file } of valid) {
    for (const prefix of [...file.prefixes, ...Object.keys(file.aliases ?? {})]) {
      const owner = owners.get(lower(prefix))
      if (owner !== undefined) issues.push({ file: name, entry: null, code: null, field: 'prefixes', message: `prefix "${prefix}" is also owned by ${owner}` })
      else owners.set(lower(prefix), name)
    }
    // Services may share a code (DBS. in RDS and DDS): one variant per code, status and service.
    file.entries.forEach((entry, index) => {
      const key = `${lower(entry.code)}|${entry.status}|${lower(file.service)}`
      const other = codes.get(key)
      if (other !== undefined) issues.push({ file: name, entry: index, code: entry.code, field: 'code', message: `same code, status and service as an entry of ${other}` })
      else codes.set(key, name)
    })
  }
  return issues.length === 0 ? E.right(valid) : E.left(issues)
}

/**
 * The problems `validate --strict` adds: an entry whose category is `unknown`, or whose
 * classification came from a weak (fallback) rule, has not been reviewed.
 *
 * @example
 * import { strictIssues } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const file = { service: 'AS', title: 'Auto Scaling', prefixes: ['AS'], sources: [],
 *   entries: [{ code: 'AS.9', status: 200, message: 'Done.', category: 'unknown' as const, retry: 'never' as const, remedy: 'None.' }] }
 * assert.strictEqual(strictIssues([{ name: 'as.json', file }]).length, 1)
 *
 * @since 0.1.0
 * @category validation
 */
export const strictIssues = (files: ReadonlyArray<{ readonly name: string; readonly file: CatalogFile }>): ReadonlyArray<CatalogIssue> =>
  files.flatMap(({ name, file }) =>
    file.entries.flatMap((entry, index): ReadonlyArray<CatalogIssue> => {
      const at = { file: name, entry: index, code: entry.code }
      if (entry.category === 'unknown') return [{ ...at, field: 'category', message: '"unknown" is not a reviewed classification (strict)' }]
      if (entry.rule !== undefined && entry.rule.startsWith('fallback')) return [{ ...at, field: 'rule', message: `set by a weak rule, "${entry.rule}"; review it (strict)` }]
      return []
    }),
  )
