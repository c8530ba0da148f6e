/**
 * Builds `catalog/*.json` and `catalog/REPORT.md` from the published error-code tables in
 * `../shared/sources/otc-error-codes/` (or the directory given as the first argument), and
 * `catalog/neutron.json` and `catalog/nova.json` from the OpenStack error types in
 * `../shared/sources/openstack-error-types/` (beside it) when that is there.
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
import { prefixOf } from '../src/catalog/prefix.js'
import { catalogFileSchema } from '../src/catalog/schema.js'
import { GENERIC_REMEDIES, OVERRIDES, categorize, remedyFor, type Verdict } from './catalog-rules.js'

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

/**
 * A catalogue file: one per published table set (one OTC service), so that a code printed by
 * several services (`DBS.` in RDS, DDS, GaussDB, GeminiDB, TaurusDB, DDM; `VPC.` in VPC, EIP,
 * NAT, ELB) keeps one variant per service. `home` lists the shared prefixes this service owns
 * (its variants come first in a lookup); a prefix printed by one service only is its own.
 */
interface Target {
  readonly name: string
  readonly service: string
  readonly title: string
  readonly endpoints: ReadonlyArray<string>
  readonly home?: ReadonlyArray<string>
  /** Prefixes the service owns although its table prints no code with exactly that prefix. */
  readonly alsoOwns?: ReadonlyArray<string>
  readonly aliases?: Readonly<Record<string, string>>
}

/** Source file (service slug) → catalogue file. The names of the first 19 files are kept. */
const TARGETS: Readonly<Record<string, Target>> = {
  'api-gateway': {
    name: 'apig',
    service: 'APIG',
    title: 'API Gateway (the gateway in front of every API, and its management API)',
    endpoints: ['apig'],
    home: ['APIG'],
    aliases: { APIGW: 'APIG' },
  },
  'application-operations-management': { name: 'aom', service: 'AOM', title: 'Application Operations Management', endpoints: ['aom'] },
  'auto-scaling': { name: 'as', service: 'AS', title: 'Auto Scaling', endpoints: ['as'] },
  'bare-metal-server': { name: 'bms', service: 'BMS', title: 'Bare Metal Server', endpoints: ['bms'] },
  'cloud-backup-recovery': { name: 'cbr', service: 'CBR', title: 'Cloud Backup and Recovery', endpoints: ['cbr'], home: ['BackupService'] },
  'cloud-container-engine': { name: 'cce', service: 'CCE', title: 'Cloud Container Engine', endpoints: ['cce'] },
  'cloud-container-instance': { name: 'cci', service: 'CCI', title: 'Cloud Container Instance', endpoints: ['cci'] },
  'cloud-eye': { name: 'ces', service: 'CES', title: 'Cloud Eye', endpoints: ['ces'] },
  'cloud-firewall': { name: 'cfw', service: 'CFW', title: 'Cloud Firewall', endpoints: ['cfw'] },
  'cloud-search-service': { name: 'css', service: 'CSS', title: 'Cloud Search Service', endpoints: ['css'] },
  'cloud-server-backup-service': { name: 'csbs', service: 'CSBS', title: 'Cloud Server Backup Service', endpoints: ['csbs'] },
  'cloud-trace-service': { name: 'cts', service: 'CTS', title: 'Cloud Trace Service', endpoints: ['cts'] },
  config: { name: 'config', service: 'Config', title: 'Config (resource recording and compliance, RMS. codes)', endpoints: ['rms'] },
  'data-arts-studio': {
    name: 'dataarts',
    service: 'DataArts',
    title: 'DataArts Studio (Cdm. for data migration, DLF. for the data factory)',
    endpoints: ['dataarts', 'dayu', 'cdm', 'dlf'],
  },
  'data-ingestion-service': { name: 'dis', service: 'DIS', title: 'Data Ingestion Service', endpoints: ['dis'] },
  'data-lake-insight': { name: 'dli', service: 'DLI', title: 'Data Lake Insight', endpoints: ['dli'] },
  'data-replication-service': { name: 'drs', service: 'DRS', title: 'Data Replication Service', endpoints: ['drs'] },
  'data-warehouse-service': { name: 'dws', service: 'DWS', title: 'Data Warehouse Service', endpoints: ['dws'] },
  'direct-connect': { name: 'dc', service: 'DC', title: 'Direct Connect', endpoints: ['dcaas'] },
  'distributed-cache-service': { name: 'dcs', service: 'DCS', title: 'Distributed Cache Service (DCS. codes and nine-digit numeric codes)', endpoints: ['dcs'] },
  'distributed-database-middleware': { name: 'ddm', service: 'DDM', title: 'Distributed Database Middleware (DBS. codes)', endpoints: ['ddm'] },
  'distributed-message-service': { name: 'dms', service: 'DMS', title: 'Distributed Message Service (Kafka)', endpoints: ['dms', 'kafka'], home: ['DMS'] },
  'distributed-message-service-rocketmq': {
    name: 'dms-rocketmq',
    service: 'RocketMQ',
    title: 'Distributed Message Service for RocketMQ (DMS. codes)',
    endpoints: ['rocketmq', 'dmsrocketmq'],
  },
  'document-database-service': { name: 'dds', service: 'DDS', title: 'Document Database Service (DBS. codes)', endpoints: ['dds'] },
  'domain-name-service': { name: 'dns', service: 'DNS', title: 'Domain Name Service', endpoints: ['dns'] },
  'elastic-cloud-server': { name: 'ecs', service: 'ECS', title: 'Elastic Cloud Server (with the Common. and Pdp. codes)', endpoints: ['ecs'], home: ['Common'] },
  'elastic-ip': { name: 'eip', service: 'EIP', title: 'Elastic IP (VPC. codes)', endpoints: ['eip'] },
  'elastic-load-balancing': { name: 'elb', service: 'ELB', title: 'Elastic Load Balancing (shared and dedicated load balancers)', endpoints: ['elb'] },
  'elastic-volume-service': { name: 'evs', service: 'EVS', title: 'Elastic Volume Service', endpoints: ['evs'] },
  'enterprise-project-service': { name: 'eps', service: 'EPS', title: 'Enterprise Project Management Service', endpoints: ['eps'] },
  'enterprise-router': { name: 'er', service: 'ER', title: 'Enterprise Router', endpoints: ['er'] },
  'function-graph': { name: 'functiongraph', service: 'FunctionGraph', title: 'FunctionGraph (FSS. codes)', endpoints: ['functiongraph', 'fgs'] },
  'gaussdb-opengauss': { name: 'gaussdb', service: 'GaussDB', title: 'GaussDB (openGauss) (DBS. codes)', endpoints: ['gaussdb', 'gaussdb-opengauss'] },
  geminidb: { name: 'geminidb', service: 'GeminiDB', title: 'GeminiDB (DBS. codes)', endpoints: ['gaussdb-nosql', 'geminidb'] },
  'host-security-service': { name: 'hss', service: 'HSS', title: 'Host Security Service', endpoints: ['hss'] },
  'identity-access-management': { name: 'iam', service: 'IAM', title: 'Identity and Access Management (IAM. codes and bare numbers)', endpoints: ['iam'] },
  'image-management-service': { name: 'img', service: 'IMS', title: 'Image Management Service (IMG. codes)', endpoints: ['ims'] },
  'key-management-service': { name: 'kms', service: 'KMS', title: 'Key Management Service (with Cloud Secret Management, CSMS)', endpoints: ['kms'], home: ['KMS'] },
  'log-tank-service': { name: 'lts', service: 'LTS', title: 'Log Tank Service', endpoints: ['lts'] },
  'mapreduce-service': { name: 'mrs', service: 'MRS', title: 'MapReduce Service (MRS. codes and numeric codes)', endpoints: ['mrs'] },
  modelarts: { name: 'modelarts', service: 'ModelArts', title: 'ModelArts', endpoints: ['modelarts'], home: ['ModelArts'] },
  'nat-gateway': { name: 'nat', service: 'NAT', title: 'NAT Gateway (NAT. and VPC. codes)', endpoints: ['nat'] },
  'object-storage-service': { name: 'obs', service: 'OBS', title: 'Object Storage Service (S3-style codes)', endpoints: ['obs'] },
  'optical-character-recognition': {
    name: 'ocr',
    service: 'OCR',
    title: 'Optical Character Recognition (with the AIS., ModelArts. and APIG. platform codes it returns)',
    endpoints: ['ocr'],
  },
  'relational-database-service': {
    name: 'rds',
    service: 'RDS',
    title: 'Relational Database Service (DBS. for API v3, RDS. for v1, Trove names)',
    endpoints: ['rds'],
    home: ['DBS'],
  },
  'resource-formation-service': { name: 'rfs', service: 'RFS', title: 'Resource Formation Service (RF. codes)', endpoints: ['rf', 'rfs'] },
  'scalable-file-service': {
    name: 'sfs',
    service: 'SFS',
    title: 'Scalable File Service (general-purpose S3-style codes and SFS Turbo)',
    endpoints: ['sfs', 'sfs-turbo'],
    alsoOwns: ['SFS'],
  },
  'simple-message-notification': { name: 'smn', service: 'SMN', title: 'Simple Message Notification', endpoints: ['smn'] },
  'software-repository-container': { name: 'swr', service: 'SWR', title: 'Software Repository for Container (SVCSTG.SWR. codes)', endpoints: ['swr', 'swr-api'] },
  'storage-disaster-recovery-service': { name: 'sdrs', service: 'SDRS', title: 'Storage Disaster Recovery Service', endpoints: ['sdrs'] },
  'tag-management-service': { name: 'tms', service: 'TMS', title: 'Tag Management Service', endpoints: ['tms'] },
  taurusdb: { name: 'taurusdb', service: 'TaurusDB', title: 'TaurusDB (GaussDB for MySQL) (DBS. codes)', endpoints: ['gaussdb-mysql', 'taurusdb'] },
  'ubiquitous-cloud-native-service': { name: 'ucs', service: 'UCS', title: 'Ubiquitous Cloud Native Service', endpoints: ['ucs'] },
  'virtual-private-cloud': { name: 'vpc', service: 'VPC', title: 'Virtual Private Cloud', endpoints: ['vpc'], home: ['VPC'] },
  'virtual-private-network': { name: 'vpn', service: 'VPN', title: 'Virtual Private Network (enterprise edition VPN. codes, classic VPN codes VPC.10xx)', endpoints: ['vpn'] },
  'volume-backup-service': { name: 'vbs', service: 'VBS', title: 'Volume Backup Service', endpoints: ['vbs'] },
  'vpc-endpoint': { name: 'vpcep', service: 'VPCEP', title: 'VPC Endpoint', endpoints: ['vpcep'] },
  'web-application-firewall': { name: 'waf', service: 'WAF', title: 'Web Application Firewall (cloud mode)', endpoints: ['waf'], home: ['WAF'] },
  'web-application-firewall-dedicated': { name: 'waf-dedicated', service: 'WAF-dedicated', title: 'Web Application Firewall (dedicated mode)', endpoints: ['waf-dedicated'] },
}

/** The catalogue's spelling of a code: alias prefixes rewritten (`APIGW.0101` → `APIG.0101`). */
const canonical = (code: string): string => {
  const prefix = prefixOf(code)
  if (prefix === null) return code
  for (const target of Object.values(TARGETS)) {
    for (const [alias, to] of Object.entries(target.aliases ?? {})) {
      if (alias.toLowerCase() === prefix.toLowerCase()) return `${to}${code.slice(prefix.length)}`
    }
  }
  return code
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

/** A file being built: its header, entries and what the report says of it. */
interface Draft {
  readonly target: Target
  readonly repos: Map<string, { repo: string; commit: string; paths: Set<string> }>
  readonly prefixes: Map<string, string>
  readonly entries: Array<Entry>
  readonly index: Map<string, Entry>
  bare: boolean
  records: number
  merged: number
  split: number
  rules: Map<string, number>
}

interface Built {
  readonly files: ReadonlyArray<{ readonly name: string; readonly text: string }>
  readonly report: string
}

/** One row to file: the code as the catalogue spells it, its statuses and texts, where it comes from. */
interface Row {
  readonly code: string
  readonly statuses: ReadonlyArray<number | null>
  readonly message: string
  readonly description: string
  readonly path: string
  readonly line: number
  readonly repo: string
  readonly commit: string
}

const clean = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim()

const newDraft = (target: Target): Draft => ({
  target,
  repos: new Map(),
  prefixes: new Map(),
  entries: [],
  index: new Map(),
  bare: false,
  records: 0,
  merged: 0,
  split: 0,
  rules: new Map(),
})

/** Report lists shared by every file. */
interface Notes {
  readonly merged: Array<string>
  readonly split: Array<string>
  readonly rerouted: Array<string>
  readonly noMessage: Map<string, number>
  readonly nonError: Array<string>
  readonly weak: Array<string>
  readonly overridden: Array<string>
  readonly skipped: Array<string>
}

/** Files one row into a draft: one entry per status, rows with the same code and status merged. */
const file = (draft: Draft, row: Row, notes: Notes): void => {
  draft.records += 1
  const prefix = prefixOf(row.code)
  if (prefix === null) draft.bare = true
  else if (!draft.prefixes.has(prefix.toLowerCase())) draft.prefixes.set(prefix.toLowerCase(), prefix)
  const repo = draft.repos.get(row.repo) ?? { repo: row.repo, commit: row.commit, paths: new Set<string>() }
  repo.paths.add(row.path)
  draft.repos.set(row.repo, repo)
  if (row.statuses.length > 1) {
    draft.split += 1
    notes.split.push(`${row.code} (${draft.target.name}): "${row.statuses.join('/')}" → one variant per status`)
  }
  for (const status of row.statuses) {
    if (status !== null && status < 400) notes.nonError.push(`${row.code} ${status} (${draft.target.name}) "${row.message}"`)
    const key = `${row.code.toLowerCase()}|${status}`
    const existing = draft.index.get(key)
    if (existing !== undefined) {
      if (row.message !== existing.message && !(existing.otherMessages ?? []).includes(row.message)) {
        existing.otherMessages = [...(existing.otherMessages ?? []), row.message]
      }
      draft.merged += 1
      notes.merged.push(
        `${row.code} ${status ?? '(no status)'} (${draft.target.name}): ${row.path}:${row.line} merged into the entry from ${existing.source.path}:${existing.source.line}`,
      )
      continue
    }
    const override = OVERRIDES.find((o) => o.code.toLowerCase() === row.code.toLowerCase() && o.status === status && (o.file === undefined || o.file === draft.target.name))
    const verdict: Verdict =
      override === undefined
        ? categorize(status, row.message, row.description)
        : { category: override.category, retry: override.retry, rule: `override: ${override.reason}`, weak: false }
    if (override !== undefined) notes.overridden.push(`${row.code} ${status ?? '(no status)'} (${draft.target.name}) → ${override.category}/${override.retry}: ${override.reason}`)
    if (verdict.weak) notes.weak.push(`${row.code} ${status ?? ''} (${draft.target.name}): ${verdict.rule}`)
    const rule = verdict.weak ? `fallback: ${verdict.rule}` : verdict.rule
    const ruleName = rule.startsWith('override') ? 'override' : rule
    draft.rules.set(ruleName, (draft.rules.get(ruleName) ?? 0) + 1)
    const entry: Entry = {
      code: row.code,
      status,
      message: row.message,
      category: verdict.category,
      retry: verdict.retry,
      remedy: remedyFor(verdict.category, verdict.retry, row.message, row.description),
      rule,
      source: { path: row.path, line: row.line },
    }
    draft.index.set(key, entry)
    draft.entries.push(entry)
  }
}

const readJson = <A>(path: string): A => JSON.parse(readFileSync(path, 'utf8')) as A

/** The OTC tables: one draft per source file. */
const otcDrafts = (sourcesDir: string, notes: Notes): { drafts: Array<Draft>; sources: number; records: number } => {
  const sources = readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.json') && f !== 'status-codes.json')
    .sort()
    .map((f) => readJson<SourceFile>(join(sourcesDir, f)))
  const drafts: Array<Draft> = []
  for (const source of sources) {
    const target = TARGETS[source.service]
    if (target === undefined) throw new Error(`no catalogue file for the source service "${source.service}": add it to TARGETS in scripts/build-catalog.ts`)
    const draft = newDraft(target)
    for (const record of source.records) {
      const code = canonical(record.code)
      if (code !== record.code) notes.rerouted.push(`${record.code} (${source.service}) → ${code}`)
      const literal = clean(record.message)
      const description = clean(record.description)
      if (literal === '') notes.noMessage.set(source.service, (notes.noMessage.get(source.service) ?? 0) + 1)
      const statuses =
        record.httpStatus !== null
          ? [record.httpStatus]
          : record.httpStatusAlternatives !== undefined && record.httpStatusAlternatives.length > 0
            ? [...record.httpStatusAlternatives]
            : [null]
      file(
        draft,
        {
          code,
          statuses,
          message: literal !== '' ? literal : description,
          description,
          path: record.path,
          line: record.line,
          repo: source.repo,
          commit: source.commit,
        },
        notes,
      )
    }
    drafts.push(draft)
  }
  return { drafts, sources: sources.length, records: sources.reduce((n, s) => n + s.records.length, 0) }
}

/** One record of the OpenStack error types (see that folder's README). */
interface OpenStackRecord {
  readonly service: string
  readonly code: string
  readonly className?: string
  readonly httpStatus: number | null
  readonly message: string | null
  readonly title?: string
  readonly body?: string
  readonly usedBy?: string
  readonly repo: string
  readonly path: string
  readonly line: number
  readonly typeInBody: boolean
}

interface OpenStackFile {
  readonly sources: ReadonlyArray<{ readonly repo: string; readonly commit: string }>
  readonly records: ReadonlyArray<OpenStackRecord>
}

const OPENSTACK: Readonly<Record<'neutron' | 'nova', Target>> = {
  neutron: {
    name: 'neutron',
    service: 'Neutron',
    title: 'OpenStack Neutron error types (NeutronError.type), as the OpenStack-compatible VPC, EIP and ELB v2.0 APIs return them',
    endpoints: ['vpc', 'elb'],
  },
  nova: {
    name: 'nova',
    service: 'Nova',
    title: 'OpenStack Nova and Cinder fault wrappers (itemNotFound, overLimit, …), as the OpenStack-compatible ECS and EVS APIs return them',
    endpoints: ['ecs', 'evs'],
  },
}

/**
 * The OpenStack types that appear as a code in a body: Neutron's `type` (its exception classes
 * and webob's, which it returns by class name) and the Nova/Cinder wrapper keys. Nova, Cinder
 * and Keystone exception classes never reach the body by name: counted, not filed.
 */
const openStackDrafts = (path: string, notes: Notes): { drafts: Array<Draft>; records: number } => {
  const data = readJson<OpenStackFile>(path)
  const commits = new Map(data.sources.map((s) => [s.repo, s.commit]))
  const neutron = newDraft(OPENSTACK.neutron)
  const nova = newDraft(OPENSTACK.nova)
  for (const record of data.records) {
    const commit = commits.get(record.repo) ?? ''
    const at = { path: record.path, line: record.line, repo: record.repo, commit }
    if (record.service === 'neutron' || record.service === 'webob') {
      const message = [clean(record.message), clean(record.title), record.code].find((m) => m !== '') ?? record.code
      file(neutron, { ...at, code: record.code, statuses: [record.httpStatus], message, description: '' }, notes)
    } else if (record.service === 'nova-fault') {
      const message = clean(record.body) !== '' ? clean(record.body) : record.code
      file(nova, { ...at, code: record.code, statuses: [record.httpStatus], message, description: `${record.usedBy ?? ''} fault wrapper` }, notes)
    } else {
      notes.skipped.push(`${record.service} ${record.className ?? record.code}`)
    }
  }
  return { drafts: [neutron, nova], records: data.records.length }
}

/** The lines of REPORT.md's per-file table. */
const reportRow = (d: Draft, variants: number, generic: number, distinct: number): string => {
  const rules = [...d.rules.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([r, n]) => `${r} ${n}`)
    .join('; ')
  return `| ${d.target.name}.json | ${d.target.service} | ${d.records} | ${d.entries.length} | ${d.merged} | ${variants} | ${distinct} | ${generic} | ${rules} |`
}

/**
 * Builds every catalogue file and the report from a sources directory (and the OpenStack data
 * beside it when present). Pure apart from reading the directories.
 */
export const buildCatalog = (sourcesDir: string, openStackPath: string | null = openStackBeside(sourcesDir)): Built => {
  const notes: Notes = { merged: [], split: [], rerouted: [], noMessage: new Map(), nonError: [], weak: [], overridden: [], skipped: [] }
  const otc = otcDrafts(sourcesDir, notes)
  const openstack = openStackPath === null ? { drafts: [], records: 0 } : openStackDrafts(openStackPath, notes)
  const drafts = [...otc.drafts, ...openstack.drafts]

  const unused = OVERRIDES.filter((o) => !drafts.some((d) => (o.file === undefined || o.file === d.target.name) && d.index.has(`${o.code.toLowerCase()}|${o.status}`)))
  if (unused.length > 0) throw new Error(`overrides that match no entry: ${unused.map((o) => `${o.code} ${o.status}`).join(', ')}`)

  // Which file owns each prefix: the one that says so (home), else the only one that prints it.
  const home = new Map<string, string>()
  for (const d of drafts) for (const p of d.target.home ?? []) home.set(p.toLowerCase(), d.target.name)
  const users = new Map<string, Array<string>>()
  for (const d of drafts) for (const p of d.prefixes.keys()) users.set(p, [...(users.get(p) ?? []), d.target.name])
  for (const [p, names] of users) {
    if (home.has(p)) continue
    if (names.length > 1) throw new Error(`prefix "${p}" is printed by ${names.join(', ')}: say which owns it (home in TARGETS)`)
    home.set(p, names[0] ?? '')
  }

  // Variants: how many entries share their code with an entry of another status or service.
  const byCode = new Map<string, number>()
  for (const d of drafts) for (const e of d.entries) byCode.set(e.code.toLowerCase(), (byCode.get(e.code.toLowerCase()) ?? 0) + 1)
  const genericRemedies = new Set<string>(GENERIC_REMEDIES)

  const files = drafts.map((d) => {
    const spelled = [...d.prefixes.entries()].sort((a, b) => a[1].localeCompare(b[1]))
    const own = [...spelled.filter(([p]) => home.get(p) === d.target.name).map(([, s]) => s), ...(d.target.alsoOwns ?? [])].sort()
    const shared = spelled.filter(([p]) => home.get(p) !== d.target.name).map(([, s]) => s)
    const content = {
      $schema: './schema.json',
      service: d.target.service,
      title: d.target.title,
      prefixes: own,
      ...(shared.length === 0 ? {} : { sharedPrefixes: shared }),
      ...(d.target.aliases === undefined ? {} : { aliases: d.target.aliases }),
      ...(d.bare ? { bareCodes: true } : {}),
      endpoints: d.target.endpoints,
      sources: [...d.repos.values()].sort((a, b) => a.repo.localeCompare(b.repo)).map((p) => ({ repo: p.repo, commit: p.commit, paths: [...p.paths].sort() })),
      entries: d.entries,
    }
    const variants = d.entries.filter((e) => (byCode.get(e.code.toLowerCase()) ?? 0) > 1).length
    const generic = d.entries.filter((e) => genericRemedies.has(e.remedy)).length
    const distinct = new Set(d.entries.map((e) => e.remedy)).size
    return { name: `${d.target.name}.json`, text: `${JSON.stringify(content, null, 2)}\n`, row: reportRow(d, variants, generic, distinct), count: d.entries.length, generic }
  })

  const entries = drafts.flatMap((d) => d.entries)
  const total = entries.length
  const otcEntries = otc.drafts.reduce((n, d) => n + d.entries.length, 0)
  const distinctCodes = new Set(entries.map((e) => e.code.toLowerCase())).size
  const distinctRemedies = new Set(entries.map((e) => e.remedy)).size
  const generic = files.reduce((n, f) => n + f.generic, 0)
  const multi = [...byCode.entries()].filter(([, n]) => n > 1).length
  const section = (title: string, lines: ReadonlyArray<string>, intro: string) =>
    `## ${title} (${lines.length})\n\n${intro}\n\n${lines.length === 0 ? '(none)\n' : lines.map((l) => `- ${l}`).join('\n') + '\n'}\n`
  const report =
    `# Catalogue build report\n\n` +
    `Generated by \`npm run catalog:build\` from ${otc.sources} published OTC tables (${otc.records} records) into ` +
    `${otc.drafts.length} files (${otcEntries} entries)` +
    (openstack.drafts.length === 0 ? '' : `, and from ${openstack.records} OpenStack error types into ${openstack.drafts.length} files (${total - otcEntries} entries)`) +
    `. Do not edit by hand.\n\n` +
    `One file per published table set (one OTC service): a code that several services print (\`DBS.\`, \`VPC.\`, \`DMS.\`, the S3-style codes of OBS and SFS) ` +
    `keeps one variant per service, and a lookup with the observed status and the endpoint's service picks one. ` +
    `A shared prefix belongs to one file (\`prefixes\`); the others list it in \`sharedPrefixes\`.\n\n` +
    `- entries: ${total}; distinct codes: ${distinctCodes}; codes with more than one variant (status or service): ${multi}\n` +
    `- remedies: ${distinctRemedies} distinct; ${generic} entries fall back to a category's generic remedy\n\n` +
    `| file | service | records in | entries out | rows merged | variants | remedies | generic remedies | rules used |\n|---|---|---|---|---|---|---|---|---|\n` +
    `${files.map((f) => f.row).join('\n')}\n\n` +
    section('Alias spellings rewritten', notes.rerouted, "Codes printed with an alias prefix are filed under the catalogue's spelling (`APIGW.` → `APIG.`).") +
    section('Statuses given as alternatives', notes.split, 'A status cell listing several statuses becomes one variant per status.') +
    section('Duplicate rows merged', notes.merged, 'Same code, same status, same service: one entry; differing messages kept in `otherMessages`.') +
    section(
      'Rows without a message column',
      [...notes.noMessage.entries()].map(([s, n]) => `${s}: ${n} rows; the description stands in for the message`),
      "The message is then the table's description.",
    ) +
    section('Codes documented with a non-error status', notes.nonError, 'Kept as published; their category comes from their wording, else `unknown`.') +
    section('Per-code overrides', notes.overridden, 'Where the rules are wrong or have nothing to go on, a reviewed decision (scripts/catalog-rules.ts, OVERRIDES).') +
    section('Classified by a weak rule', notes.weak, 'Category and retry come from a fallback; a reviewer should confirm them.') +
    section(
      'OpenStack classes not filed',
      notes.skipped.length === 0
        ? []
        : [
            `${notes.skipped.length} Nova, Cinder and Keystone exception classes: their name never appears in a body (Nova and Cinder send the wrapper key of the status, Keystone a numeric code and a title)`,
          ],
      'Counted, not filed.',
    )

  return { files: files.map(({ name, text }) => ({ name, text })), report }
}

/** The OpenStack data file beside the OTC tables, when it is there. */
export const openStackBeside = (sourcesDir: string): string | null => {
  const path = join(sourcesDir, '..', 'openstack-error-types', 'openstack-error-types.json')
  return existsSync(path) ? path : null
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
  const keep = new Set(built.files.map((f) => f.name))
  for (const stale of readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'schema.json' && !keep.has(f))) {
    process.stderr.write(`catalog:build: ${stale} is no longer built; remove it (git rm catalog/${stale})\n`)
  }
  for (const f of built.files) writeFileSync(join(out, f.name), f.text)
  writeFileSync(join(out, 'REPORT.md'), built.report)
  writeFileSync(join(out, 'schema.json'), schemaText())
  process.stdout.write(`wrote ${built.files.length} catalogue files and REPORT.md to ${out}\n`)
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
