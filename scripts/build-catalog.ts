/**
 * Builds `catalog/*.json` and `catalog/REPORT.md` from the published error-code tables in
 * `../shared/sources/otc-error-codes/` (or the directory given as the first argument).
 *
 *   npm run catalog:build [-- SOURCES_DIR]
 *
 * Deterministic: the same sources give byte-identical files (a test checks the committed files
 * against a fresh build when the sources are present). The rules that pick categories, retry
 * strategies and remedies live in `scripts/catalog-rules.ts`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { catalogFileSchema } from '../src/catalog/schema.js'
import { OVERRIDES, categorize, remedyFor, type Verdict } from './catalog-rules.js'

/** One record of the source tables (see the sources' README). */
export interface SourceRecord {
  readonly service: string
  readonly prefix: string | null
  readonly httpStatus: number | null
  readonly httpStatusAlternatives?: ReadonlyArray<number>
  readonly code: string
  readonly message: string | null
  readonly description?: string | null
  readonly solution?: string | null
  readonly path: string
  readonly line: number
}

interface SourceFile {
  readonly service: string
  readonly repo: string
  readonly commit: string
  readonly paths: ReadonlyArray<string>
  readonly records: ReadonlyArray<SourceRecord>
}

/** A catalogue file to write: where its codes come from, which prefixes it owns. */
interface Target {
  readonly name: string
  readonly service: string
  readonly title: string
  readonly prefixes: ReadonlyArray<string>
  readonly aliases?: Readonly<Record<string, string>>
  readonly bareCodes?: boolean
}

const TARGETS: ReadonlyArray<Target> = [
  { name: 'apig', service: 'APIG', title: 'API Gateway (the gateway in front of every API, and its management API)', prefixes: ['APIG', 'APIC'], aliases: { APIGW: 'APIG' } },
  { name: 'as', service: 'AS', title: 'Auto Scaling', prefixes: ['AS'] },
  { name: 'cce', service: 'CCE', title: 'Cloud Container Engine', prefixes: ['CCE'] },
  { name: 'ces', service: 'ces', title: 'Cloud Eye', prefixes: ['ces'] },
  { name: 'dms', service: 'DMS', title: 'Distributed Message Service', prefixes: ['DMS'] },
  { name: 'ecs', service: 'Ecs', title: 'Elastic Cloud Server (with the Common. and Pdp. codes that ECS and EVS share)', prefixes: ['Ecs', 'Common', 'Pdp'] },
  { name: 'evs', service: 'EVS', title: 'Elastic Volume Service', prefixes: ['EVS'] },
  { name: 'functiongraph', service: 'FSS', title: 'FunctionGraph', prefixes: ['FSS'] },
  { name: 'iam', service: 'IAM', title: 'Identity and Access Management', prefixes: ['IAM'], bareCodes: true },
  { name: 'img', service: 'IMG', title: 'Image Management Service', prefixes: ['IMG'] },
  { name: 'kms', service: 'KMS', title: 'Key Management Service (with Cloud Secret Management, CSMS)', prefixes: ['KMS', 'CSMS'] },
  { name: 'lts', service: 'LTS', title: 'Log Tank Service', prefixes: ['LTS'] },
  { name: 'modelarts', service: 'ModelArts', title: 'ModelArts', prefixes: ['ModelArts'] },
  { name: 'obs', service: 'OBS', title: 'Object Storage Service (S3-style codes, also returned by SFS general-purpose file systems)', prefixes: [], bareCodes: true },
  { name: 'rds', service: 'RDS', title: 'Relational Database Service (DBS. for API v3, RDS. for v1, Trove names)', prefixes: ['DBS', 'RDS'], bareCodes: true },
  { name: 'sfs', service: 'SFS', title: 'Scalable File Service (SFS Turbo)', prefixes: ['SFS', 'SFS.TURBO'] },
  { name: 'tms', service: 'TMS', title: 'Tag Management Service', prefixes: ['TMS'] },
  { name: 'vpc', service: 'VPC', title: 'Virtual Private Cloud (with the classic VPN codes, VPC.10xx)', prefixes: ['VPC'] },
  { name: 'vpn', service: 'VPN', title: 'Virtual Private Network (enterprise edition)', prefixes: ['VPN'] },
]

/** Codes without a dotted prefix belong to the file of the service that publishes them. */
const BARE_OWNER: Readonly<Record<string, string>> = {
  'identity-access-management': 'iam',
  'relational-database-service': 'rds',
  'object-storage-service': 'obs',
  'scalable-file-service': 'obs',
}

const prefixOf = (code: string): string | null => {
  const dot = code.lastIndexOf('.')
  return dot > 0 ? code.slice(0, dot) : null
}

/** The file a code goes to, and the code as the catalogue spells it (alias prefixes resolved). */
const route = (record: SourceRecord): { target: Target; code: string } | string => {
  const prefix = prefixOf(record.code)
  if (prefix === null) {
    const owner = TARGETS.find((t) => t.name === BARE_OWNER[record.service])
    return owner === undefined ? `no file owns bare codes of ${record.service}` : { target: owner, code: record.code }
  }
  const lower = prefix.toLowerCase()
  for (const target of TARGETS) {
    const own = target.prefixes.find((p) => p.toLowerCase() === lower)
    if (own !== undefined) return { target, code: record.code }
    for (const [alias, canonical] of Object.entries(target.aliases ?? {})) {
      if (alias.toLowerCase() === lower) return { target, code: `${canonical}${record.code.slice(prefix.length)}` }
    }
  }
  return `no file owns prefix ${prefix}`
}

interface Entry {
  code: string
  status: number | null
  message: string
  category: string
  retry: string
  remedy: string
  rule: string
  otherMessages?: Array<string>
  source: { path: string; line: number }
}

interface Built {
  readonly files: ReadonlyArray<{ readonly name: string; readonly text: string }>
  readonly report: string
}

const clean = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim()

/**
 * Builds every catalogue file and the report from a sources directory. Pure apart from reading
 * the directory.
 */
export const buildCatalog = (sourcesDir: string): Built => {
  const sources: Array<SourceFile> = readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.json') && f !== 'status-codes.json')
    .sort()
    .map((f) => JSON.parse(readFileSync(join(sourcesDir, f), 'utf8')) as SourceFile)

  const entries = new Map<string, Array<Entry>>(TARGETS.map((t) => [t.name, []]))
  const index = new Map<string, Entry>()
  const provenance = new Map<string, Map<string, { repo: string; commit: string; paths: Set<string> }>>()
  const notes = {
    merged: [] as Array<string>,
    split: [] as Array<string>,
    variants: new Map<string, { code: string; statuses: Set<number | null> }>(),
    rerouted: [] as Array<string>,
    noMessage: new Map<string, number>(),
    nonError: [] as Array<string>,
    unrouted: [] as Array<string>,
    weak: [] as Array<string>,
    overridden: [] as Array<string>,
  }

  for (const source of sources) {
    for (const record of source.records) {
      const routed = route(record)
      if (typeof routed === 'string') {
        notes.unrouted.push(`${record.code} (${source.service}): ${routed}`)
        continue
      }
      const { target, code } = routed
      const ownService = TARGETS.find((t) => t.name === BARE_OWNER[source.service])?.name
      const homeOf = (t: Target) => t.prefixes.some((p) => p.toLowerCase() === (record.prefix ?? '').toLowerCase())
      if (record.prefix !== null && !homeOf(target)) notes.rerouted.push(`${record.code} (${source.service}) → ${target.name}.json as ${code}`)
      else if (record.prefix === null && ownService !== undefined && ownService !== target.name) notes.rerouted.push(`${record.code} (${source.service}) → ${target.name}.json`)
      const bySource = provenance.get(target.name) ?? new Map()
      provenance.set(target.name, bySource)
      const prov = bySource.get(source.repo) ?? { repo: source.repo, commit: source.commit, paths: new Set<string>() }
      prov.paths.add(record.path)
      bySource.set(source.repo, prov)

      const literal = clean(record.message)
      const description = clean(record.description)
      const message = literal !== '' ? literal : description
      if (literal === '') notes.noMessage.set(source.service, (notes.noMessage.get(source.service) ?? 0) + 1)
      const statuses = record.httpStatus !== null ? [record.httpStatus] : record.httpStatusAlternatives !== undefined && record.httpStatusAlternatives.length > 0 ? [...record.httpStatusAlternatives] : [null]
      if (statuses.length > 1) notes.split.push(`${record.code}: "${statuses.join('/')}" → one variant per status`)
      for (const status of statuses) {
        if (status !== null && status < 400) notes.nonError.push(`${code} ${status} "${message}"`)
        const key = `${code.toLowerCase()}|${status}`
        const existing = index.get(key)
        if (existing !== undefined) {
          if (message !== existing.message && !(existing.otherMessages ?? []).includes(message)) {
            existing.otherMessages = [...(existing.otherMessages ?? []), message]
          }
          notes.merged.push(`${code} ${status ?? '(no status)'}: ${source.service} ${record.path}:${record.line} merged into the entry from ${existing.source.path}:${existing.source.line}`)
          continue
        }
        const override = OVERRIDES.find((o) => o.code.toLowerCase() === code.toLowerCase() && o.status === status)
        const verdict: Verdict =
          override === undefined
            ? categorize(status, `${message} ${description}`)
            : { category: override.category, retry: override.retry, rule: `override: ${override.reason}`, weak: false }
        if (override !== undefined) notes.overridden.push(`${code} ${status ?? '(no status)'} → ${override.category}/${override.retry}: ${override.reason}`)
        if (verdict.weak) notes.weak.push(`${code} ${status ?? ''}: ${verdict.rule}`)
        const entry: Entry = {
          code,
          status,
          message,
          category: verdict.category,
          retry: verdict.retry,
          remedy: remedyFor(verdict.category, verdict.retry, `${message} ${description}`),
          rule: verdict.weak ? `fallback: ${verdict.rule}` : verdict.rule,
          source: { path: record.path, line: record.line },
        }
        index.set(key, entry)
        entries.get(target.name)?.push(entry)
        const seen = notes.variants.get(code.toLowerCase()) ?? { code, statuses: new Set<number | null>() }
        seen.statuses.add(status)
        notes.variants.set(code.toLowerCase(), seen)
      }
    }
  }

  const unused = OVERRIDES.filter((o) => !index.has(`${o.code.toLowerCase()}|${o.status}`))
  if (unused.length > 0) throw new Error(`overrides that match no entry: ${unused.map((o) => `${o.code} ${o.status}`).join(', ')}`)

  const files = TARGETS.map((target) => {
    const list = entries.get(target.name) ?? []
    const content = {
      $schema: './schema.json',
      service: target.service,
      title: target.title,
      prefixes: target.prefixes,
      ...(target.aliases === undefined ? {} : { aliases: target.aliases }),
      ...(target.bareCodes === true ? { bareCodes: true } : {}),
      sources: [...(provenance.get(target.name)?.values() ?? [])]
        .sort((a, b) => a.repo.localeCompare(b.repo))
        .map((p) => ({ repo: p.repo, commit: p.commit, paths: [...p.paths].sort() })),
      entries: list,
    }
    return { name: `${target.name}.json`, text: `${JSON.stringify(content, null, 2)}\n`, count: list.length }
  })

  const multi = [...notes.variants.values()].filter((s) => s.statuses.size > 1)
  const total = files.reduce((n, f) => n + f.count, 0)
  const records = sources.reduce((n, s) => n + s.records.length, 0)
  const section = (title: string, lines: ReadonlyArray<string>, intro: string) =>
    `## ${title} (${lines.length})\n\n${intro}\n\n${lines.length === 0 ? '(none)\n' : lines.map((l) => `- ${l}`).join('\n') + '\n'}\n`
  const report =
    `# Catalogue build report\n\n` +
    `Generated by \`npm run catalog:build\` from ${sources.length} published tables (${records} records) into ` +
    `${files.length} files (${total} entries). Do not edit by hand.\n\n` +
    `| file | entries |\n|---|---|\n${files.map((f) => `| ${f.name} | ${f.count} |`).join('\n')}\n\n` +
    section('Codes filed under another service', notes.rerouted, 'The tables of one service print codes whose prefix belongs to another; each goes to the file that owns its prefix (alias spellings rewritten).') +
    section('Statuses given as alternatives', notes.split, 'A status cell listing two statuses becomes one variant per status.') +
    section('Codes with several statuses (variants)', multi.map((s) => `${s.code}: ${[...s.statuses].join(', ')}`), 'Kept as variants; a lookup with the observed status picks one.') +
    section('Duplicate rows merged', notes.merged, 'Same code, same status: one entry; differing messages kept in `otherMessages`.') +
    section('Rows without a message column', [...notes.noMessage.entries()].map(([s, n]) => `${s}: ${n} rows; the description stands in for the message`), 'The message is then the table\'s description.') +
    section('Codes documented with a non-error status', notes.nonError, 'Kept as published; their category comes from their wording, else `unknown`.') +
    section('Per-code overrides', notes.overridden, 'Where the rules are wrong or have nothing to go on, a reviewed decision (scripts/catalog-rules.ts, OVERRIDES).') +
    section('Classified by a weak rule', notes.weak, 'Category and retry come from a fallback; a reviewer should confirm them.') +
    section('Rows not filed', notes.unrouted, 'No file owns these codes.')

  return { files: files.map(({ name, text }) => ({ name, text })), report }
}

/** The text of catalog/schema.json. */
export const schemaText = (): string => `${JSON.stringify(catalogFileSchema(), null, 2)}\n`

const main = () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  const sourcesDir = resolve(process.argv[2] ?? join(root, '..', 'shared', 'sources', 'otc-error-codes'))
  if (!existsSync(sourcesDir) || !statSync(sourcesDir).isDirectory()) {
    process.stderr.write(
      `catalog:build: no source tables at ${sourcesDir}: the published tables live in ../shared/sources/otc-error-codes beside the repository; pass another directory as the first argument (npm run catalog:build -- DIR)\n`,
    )
    process.exit(2)
  }
  const built = buildCatalog(sourcesDir)
  const out = join(root, 'catalog')
  mkdirSync(out, { recursive: true })
  for (const file of built.files) writeFileSync(join(out, file.name), file.text)
  writeFileSync(join(out, 'REPORT.md'), built.report)
  writeFileSync(join(out, 'schema.json'), schemaText())
  process.stdout.write(`wrote ${built.files.length} catalogue files and REPORT.md to ${out}\n`)
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
