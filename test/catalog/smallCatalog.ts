// A small catalogue made to exercise the lookup rules: a prefix owned by one file and shared by
// another that comes earlier (DBS. in RDS and DDS), an alias spelling (APIGW → APIG), a
// lower-case prefix (ces.), bare codes, a code with several statuses, a status of null.
import type { CatalogFile, HttpStatus } from '../../src/catalog/codec.js'
import type { Category, RetryStrategy } from '../../src/error/vocabulary.js'

type Entry = CatalogFile['entries'][number]

export const entry = (
  code: string,
  status: number | null,
  message: string,
  category: Category = 'validation',
  retry: RetryStrategy = 'never',
  more: Partial<Entry> = {},
): Entry => ({
  code,
  status: status as HttpStatus | null,
  message,
  category,
  retry,
  remedy: `Fix ${code}.`,
  ...more,
})

export const smallFiles: ReadonlyArray<{ readonly name: string; readonly file: CatalogFile }> = [
  {
    name: 'dds.json',
    file: {
      service: 'DDS',
      title: 'Document Database',
      prefixes: [],
      sharedPrefixes: ['DBS'],
      endpoints: ['dds'],
      sources: [],
      entries: [entry('DBS.200019', 400, 'DDS: bad parameter')],
    },
  },
  {
    name: 'rds.json',
    file: {
      service: 'RDS',
      title: 'Relational Database',
      prefixes: ['DBS', 'RDS'],
      bareCodes: true,
      endpoints: ['rds'],
      sources: [{ repo: 'opentelekomcloud-docs/relational-database-service', commit: '03eecfd', paths: ['api-ref/source/appendix/error_codes.rst'] }],
      entries: [
        entry('DBS.200019', 400, 'RDS: bad parameter', 'validation', 'never', { source: { path: 'api-ref/source/appendix/error_codes.rst', line: 12 } }),
        entry('DBS.200019', 500, 'RDS: internal error', 'server', 'backoff'),
        entry('RDS.0001', null, 'No status documented', 'unknown', 'never'),
        entry('1101', 401, 'Bare code', 'auth', 'reauth', { otherMessages: ['Bare code, again'] }),
      ],
    },
  },
  {
    name: 'apig.json',
    file: {
      service: 'APIG',
      title: 'API Gateway',
      prefixes: ['APIG'],
      aliases: { APIGW: 'APIG' },
      sources: [],
      entries: [
        entry('APIG.0201', 413, 'Request entity too large', 'payload'),
        entry('APIG.0201', 500, 'Backend failure', 'server', 'backoff'),
        entry('APIG.0308', 429, 'Throttled', 'throttled', 'backoff'),
      ],
    },
  },
  {
    name: 'as.json',
    file: {
      service: 'AS',
      title: 'Auto Scaling',
      prefixes: ['AS'],
      sources: [],
      entries: [entry('AS.0001', 500, 'System error.', 'server', 'backoff'), entry('AS.0002', 400, 'Bad request.')],
    },
  },
  { name: 'ces.json', file: { service: 'CES', title: 'Cloud Eye', prefixes: ['ces'], sources: [], entries: [entry('ces.0001', 400, 'Bad metric.')] } },
]
