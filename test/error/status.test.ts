import { describe, expect, it } from 'vitest'
import * as _ from '../../src/error/status.js'

describe('statusClassOf', () => {
  it.each([
    [100, '1xx'],
    [199, '1xx'],
    [200, '2xx'],
    [201, '2xx'],
    [304, '3xx'],
    [400, '4xx'],
    [429, '4xx'],
    [499, '4xx'],
    [500, '5xx'],
    [599, '5xx'],
  ] as const)('%i is %s', (status, expected) => {
    expect(_.statusClassOf(status)).toBe(expected)
  })
  it('clamps statuses outside 100–599 to the nearest class', () => {
    expect(_.statusClassOf(0)).toBe('1xx')
    expect(_.statusClassOf(999)).toBe('5xx')
  })
})

describe('typedStatus', () => {
  it('takes exactly three digits making an HTTP status, and nothing else Number would read', () => {
    expect(['100', '404', '599'].map(_.typedStatus)).toEqual([100, 404, 599])
    for (const text of ['099', '600', '5e2', '0x1F4', ' 404', '404 ', '404.0', '40', '4040', '', '+404']) expect(_.typedStatus(text), text).toBeNull()
  })
})
