import { afterEach, describe, expect, it } from 'vitest'
import * as _ from '../../src/catalog/slot.js'
import { defaultCatalog, makeCatalog } from '../../src/catalog/catalog.js'
import { shippedCatalog } from '../../src/catalog/shipped.js'
import { smallFiles } from './smallCatalog.js'

// test/setup/catalog.ts imports the shipped catalogue, which fills the slot.
afterEach(() => _.provideDefaultCatalog(shippedCatalog))

describe('providedCatalog', () => {
  it('is the shipped catalogue once shipped.ts has been evaluated', () => {
    expect(_.providedCatalog()).toBe(shippedCatalog())
    expect(defaultCatalog()).toBe(shippedCatalog())
  })
})

describe('provideDefaultCatalog', () => {
  it('makes another catalogue the default one, asked for on every call', () => {
    const small = makeCatalog(smallFiles)
    let calls = 0
    _.provideDefaultCatalog(() => {
      calls++
      return small
    })
    expect(defaultCatalog()).toBe(small)
    expect(defaultCatalog().hasPrefix('AS')).toBe(true)
    expect(defaultCatalog().hasPrefix('ECS')).toBe(false)
    expect(_.providedCatalog()).toBe(small)
    expect(calls).toBe(4)
  })
})
