import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as _ from '../../src/catalog/validate.js'
import { anyValue, throwingProxy } from '../arbitraries.js'
import { shippedFiles } from './shippedFiles.js'
import { entry } from './smallCatalog.js'
import type { CatalogFile } from '../../src/catalog/codec.js'

const file = (entries: ReadonlyArray<unknown>, header: Record<string, unknown> = {}) => ({
  service: 'AS',
  title: 'Auto Scaling',
  prefixes: ['AS'],
  sources: [],
  ...header,
  entries,
})
const issuesOf = (name: string, json: unknown): ReadonlyArray<_.CatalogIssue> => {
  const r = _.validateCatalogFile(name, json)
  return E.isLeft(r) ? r.left : []
}
const drawn = (name: string, json: unknown): ReadonlyArray<string> => issuesOf(name, json).map(_.drawIssue)

describe('drawIssue', () => {
  it('names the file, the entry with its code, and the field', () => {
    expect(_.drawIssue({ file: 'as.json', entry: 3, code: 'AS.0001', field: 'status', message: 'bad' })).toBe('as.json: entries[3] (AS.0001): field "status": bad')
    expect(_.drawIssue({ file: 'as.json', entry: 3, code: null, field: 'code', message: 'bad' })).toBe('as.json: entries[3]: field "code": bad')
    expect(_.drawIssue({ file: 'as.json', entry: null, code: null, field: 'prefixes', message: 'bad' })).toBe('as.json: field "prefixes": bad')
  })
})

describe('validateCatalogFile: shape', () => {
  it('accepts a well-formed file and gives it back', () => {
    const json = file([entry('AS.0001', 500, 'System error.', 'server', 'backoff')])
    expect(_.validateCatalogFile('as.json', json)).toEqual(E.right(json))
  })
  it('says what a wrong field should be, with the value found', () => {
    expect(drawn('as.json', file([{ ...entry('AS.0001', 500, 'm'), status: 700 }]))).toEqual([
      'as.json: entries[0] (AS.0001): field "status": 700 is not an integer HTTP status from 100 to 599, or null',
    ])
    expect(drawn('as.json', file([{ ...entry('AS.0001', 500, 'm'), category: 'teapot' }]))).toEqual([
      expect.stringMatching(/^as\.json: entries\[0\] \(AS\.0001\): field "category": "teapot" is not one of "validation" \| .*"unknown"$/),
    ])
  })
  it('says a missing field is missing, and names the entry even without a code', () => {
    const { code: _code, ...noCode } = entry('AS.0001', 500, 'm')
    expect(drawn('as.json', file([noCode]))).toEqual(['as.json: entries[0]: field "code": missing; expected a string'])
    expect(drawn('x.json', { service: 'X', prefixes: [], sources: [], entries: [] })).toEqual(['x.json: field "title": missing; expected of the documented type'])
  })
  it('reports one issue per entry and field, and the content problems of the well-formed entries beside', () => {
    const bad = { ...entry('AS.0001', 500, 'm'), status: 'x', retry: 'x' }
    const issues = issuesOf('as.json', file([bad, entry('AS.0002', 400, ''), entry('ECS.1', 400, 'm')]))
    expect(issues.map((i) => `${i.entry} ${i.field}`)).toEqual(['0 status', '0 retry', '1 message', '2 code'])
  })
  it('cuts a long value at 60 characters', () => {
    const [issue] = issuesOf('as.json', file([{ ...entry('AS.0001', 500, 'm'), status: 'x'.repeat(100) }]))
    expect(issue?.message).toBe(`"${'x'.repeat(58)}… is not an integer HTTP status from 100 to 599, or null`)
  })
  it('never throws, on any value, a Proxy that throws included, and every issue names the file', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.record({ service: fc.string(), entries: fc.array(anyValue, { maxLength: 3 }) })), (json) => {
        const r = _.validateCatalogFile('f.json', json)
        if (E.isLeft(r)) {
          expect(r.left.length).toBeGreaterThan(0)
          for (const issue of r.left) expect(issue.file).toBe('f.json')
        }
      }),
    )
    const r = _.validateCatalogFile('p.json', throwingProxy())
    expect(E.isLeft(r) && r.left.map(_.drawIssue)).toEqual([expect.stringMatching(/^p\.json: field "\(file\)": /)])
  })
})

describe('validateCatalogFile: content', () => {
  it('rejects empty code, message and remedy', () => {
    const issues = issuesOf('as.json', file([{ ...entry('AS.0001', 500, ' '), remedy: '' }, entry(' ', 400, 'm')]))
    expect(issues.map((i) => `${i.entry} ${i.field} ${i.message}`)).toEqual(expect.arrayContaining(['0 message is empty', '0 remedy is empty', '1 code is empty']))
  })
  it('rejects a code whose prefix the file does not own, and a bare code unless the file declares bareCodes', () => {
    expect(drawn('as.json', file([entry('ECS.0001', 400, 'm')]))).toEqual([
      'as.json: entries[0] (ECS.0001): field "code": prefix "ECS" does not belong to this file (its prefixes: AS)',
    ])
    expect(drawn('as.json', file([entry('1101', 400, 'm')]))).toEqual([
      'as.json: entries[0] (1101): field "code": has no dotted prefix, and the file does not declare "bareCodes": true',
    ])
    expect(drawn('as.json', file([entry('1101', 400, 'm')], { bareCodes: true }))).toEqual([])
  })
  it('accepts a prefix the file shares or spells as an alias, in any case', () => {
    expect(drawn('as.json', file([entry('dbs.1', 400, 'm'), entry('ASG.2', 400, 'm'), entry('as.3', 400, 'm')], { sharedPrefixes: ['DBS'], aliases: { ASG: 'AS' } }))).toEqual([])
  })
  it('rejects the same code and status twice in a file (without case), naming the first', () => {
    expect(drawn('as.json', file([entry('AS.0001', 500, 'a'), entry('as.0001', 500, 'b'), entry('AS.0001', 400, 'c')]))).toEqual([
      'as.json: entries[1] (as.0001): field "status": duplicate of entries[0]: same code, same status 500; merge them (see "otherMessages")',
    ])
  })
  it('asks a replacing entry for its reason', () => {
    expect(drawn('as.json', file([entry('AS.0001', 500, 'm', 'server', 'backoff', { replaces: true })]))).toEqual([
      'as.json: entries[0] (AS.0001): field "reason": missing; an entry that replaces a shipped one says why ("reason": "...")',
    ])
    expect(drawn('as.json', file([entry('AS.0001', 500, 'm', 'server', 'backoff', { replaces: true, reason: 'ours' })]))).toEqual([])
  })
})

describe('validateCatalog', () => {
  it('accepts the shipped catalogue, every file in order', () => {
    const r = _.validateCatalog(shippedFiles)
    expect(E.isRight(r) && r.right.map((f) => f.name)).toEqual(shippedFiles.map((f) => f.name))
  })
  it('rejects a prefix (or alias) owned by two files', () => {
    const r = _.validateCatalog([
      { name: 'a.json', content: file([]) },
      { name: 'b.json', content: file([], { service: 'B', prefixes: ['B'], aliases: { as: 'B' } }) },
    ])
    expect(E.isLeft(r) && r.left.map(_.drawIssue)).toEqual(['b.json: field "prefixes": prefix "as" is also owned by a.json'])
  })
  it('rejects the same code, status and service in two files, but not in two services', () => {
    const shared = (service: string, prefixes: Array<string>) => file([entry('DBS.1', 400, 'm')], { service, prefixes, sharedPrefixes: prefixes.length === 0 ? ['DBS'] : [] })
    const twoServices = _.validateCatalog([
      { name: 'rds.json', content: shared('RDS', ['DBS']) },
      { name: 'dds.json', content: shared('DDS', []) },
    ])
    expect(E.isRight(twoServices)).toBe(true)
    const oneService = _.validateCatalog([
      { name: 'rds.json', content: shared('RDS', ['DBS']) },
      { name: 'rds2.json', content: shared('rds', []) },
    ])
    expect(E.isLeft(oneService) && oneService.left.map(_.drawIssue)).toEqual(['rds2.json: entries[0] (DBS.1): field "code": same code, status and service as an entry of rds.json'])
  })
  it("collects every file's issues, and the cross-file checks only see valid files", () => {
    const r = _.validateCatalog([
      { name: 'a.json', content: file([entry('AS.1', 700, 'm')]) },
      { name: 'b.json', content: file([entry('AS.1', 400, '')]) },
      { name: 'c.json', content: file([]) },
    ])
    // c.json owns AS. as a.json and b.json do, but they are invalid: no clash is reported.
    expect(E.isLeft(r) && r.left.map((i) => `${i.file} ${i.field}`)).toEqual(['a.json status', 'b.json message'])
  })
})

describe('strictIssues', () => {
  it('flags an unknown category and a classification by a fallback rule, nothing else', () => {
    const files = [
      {
        name: 'as.json',
        file: file([
          entry('AS.1', 400, 'm', 'unknown'),
          entry('AS.2', 400, 'm', 'validation', 'never', { rule: 'fallback: 4xx' }),
          entry('AS.3', 400, 'm', 'validation', 'never', { rule: 'status 400' }),
          entry('AS.4', 400, 'm'),
        ]),
      },
    ]
    expect(_.strictIssues(files as unknown as ReadonlyArray<{ name: string; file: CatalogFile }>).map(_.drawIssue)).toEqual([
      'as.json: entries[0] (AS.1): field "category": "unknown" is not a reviewed classification (strict)',
      'as.json: entries[1] (AS.2): field "rule": set by a weak rule, "fallback: 4xx"; review it (strict)',
    ])
  })
})
