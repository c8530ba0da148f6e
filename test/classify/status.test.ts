import { describe, expect, it } from 'vitest'
import * as _ from '../../src/classify/status.js'

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
