import { describe, expect, it } from 'vitest'
import * as _ from '../../src/classify/status.js'

describe('statusClassOf', () => {
  it.each([
    [100, '1xx'], [199, '1xx'], [200, '2xx'], [201, '2xx'], [304, '3xx'], [400, '4xx'], [429, '4xx'], [499, '4xx'], [500, '5xx'], [599, '5xx'],
  ] as const)('%i is %s', (status, expected) => {
    expect(_.statusClassOf(status)).toBe(expected)
  })
  it('clamps statuses outside 100–599 to the nearest class', () => {
    expect(_.statusClassOf(0)).toBe('1xx')
    expect(_.statusClassOf(999)).toBe('5xx')
  })
})

describe('ruleForStatus', () => {
  it.each([
    [400, 'validation', 'never'],
    [401, 'auth', 'reauth'],
    [403, 'permission', 'never'],
    [404, 'not-found', 'never'],
    [405, 'validation', 'never'],
    [406, 'validation', 'never'],
    [408, 'timeout', 'backoff'],
    [409, 'conflict', 'never'],
    [412, 'conflict', 'never'],
    [413, 'payload', 'never'],
    [415, 'payload', 'never'],
    [422, 'validation', 'never'],
    [429, 'throttled', 'backoff'],
    [500, 'server', 'backoff'],
    [501, 'server', 'never'],
    [502, 'unavailable', 'backoff'],
    [503, 'unavailable', 'backoff'],
    [504, 'timeout', 'backoff'],
    [418, 'validation', 'never'],
    [494, 'validation', 'never'],
    [507, 'server', 'backoff'],
  ] as const)('%i → %s / %s', (status, category, strategy) => {
    expect(_.ruleForStatus(status)).toEqual({ category, strategy })
  })
})
