import { describe, expect, it } from 'vitest'
import * as _ from '../../src/docs/search.js'

const row = (over: Partial<_.SearchRow> = {}): _.PreparedRow =>
  _.prepareRow({ code: 'APIG.0308', service: 'APIG', status: '429', category: 'throttled', retry: 'backoff', message: 'The throttling threshold has been reached.', ...over })
const matches = (query: string, r: _.PreparedRow = row()): boolean => _.matchesQuery(_.parseQuery(query), r)

describe('parseQuery', () => {
  it('splits words, phrases, fields and exclusions', () => {
    expect(_.parseQuery('  Status:429  "Not Found" -retry:never quota ')).toEqual([
      { field: 'status', value: '429', negated: false },
      { field: null, value: 'not found', negated: false },
      { field: 'retry', value: 'never', negated: true },
      { field: null, value: 'quota', negated: false },
    ])
  })
  it('keeps unknown prefixes as text and drops empty terms', () => {
    expect(_.parseQuery('https://x.example "" AS.0001:')).toEqual([
      { field: null, value: 'https://x.example', negated: false },
      { field: null, value: 'as.0001:', negated: false },
    ])
    expect(_.parseQuery('')).toEqual([])
  })
  it('reads an unclosed quote to the end', () => {
    expect(_.parseQuery('message:"threshold has')).toEqual([{ field: 'message', value: 'threshold has', negated: false }])
  })
})

describe('matchesQuery', () => {
  it('matches everything on an empty query', () => {
    expect(matches('')).toBe(true)
  })
  it('matches plain words anywhere, without case, all of them', () => {
    expect(matches('apig.0308')).toBe(true)
    expect(matches('THROTTLING threshold')).toBe(true)
    expect(matches('429')).toBe(true)
    expect(matches('throttling quota')).toBe(false)
  })
  it('never matches across two fields', () => {
    expect(matches('backoff the')).toBe(true)
    expect(matches('backoff\nthe')).toBe(true) // two terms
    expect(matches('"backoff the"')).toBe(false)
  })
  it('limits field terms to their field', () => {
    expect(matches('code:0308')).toBe(true)
    expect(matches('message:0308')).toBe(false)
    expect(matches('category:throttled service:apig retry:back')).toBe(true)
    expect(matches('service:AS')).toBe(false)
  })
  it('reads status classes and exact statuses', () => {
    expect(matches('status:4xx')).toBe(true)
    expect(matches('status:4')).toBe(true)
    expect(matches('status:429')).toBe(true)
    expect(matches('status:42')).toBe(true)
    expect(matches('status:5xx')).toBe(false)
    expect(matches('status:4xx', row({ status: '' }))).toBe(false)
  })
  it('excludes with a leading dash', () => {
    expect(matches('-category:throttled')).toBe(false)
    expect(matches('-quota')).toBe(true)
    expect(matches('apig -status:5xx')).toBe(true)
  })
})
