import { describe, expect, it } from 'vitest'
import * as _ from '../../src/catalog/prefix.js'

describe('prefixOf', () => {
  it.each([
    ['AS.0001', 'AS'],
    ['APIGW.0308', 'APIGW'],
    ['DMS.RocketMQ.10000', 'DMS.RocketMQ'],
    ['SVCSTG_AMS_4000001', 'SVCSTG_AMS'],
    ['APM_1001', 'APM'],
  ])('%s has the prefix %s', (code, prefix) => {
    expect(_.prefixOf(code)).toBe(prefix)
  })

  it.each([['0001'], [''], ['.0001'], ['_1001'], ['NoSuchBucket'], ['AMS_x1']])('%j has none', (code) => {
    expect(_.prefixOf(code)).toBeNull()
  })
})
