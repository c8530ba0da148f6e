import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as _ from '../../src/docs/ids.js'
import { anchorOf } from '../../src/catalog/links.js'
import { renderHtml } from '../../src/docs/html.js'
import { servicePages } from '../../src/docs/pages.js'
import { smallFiles } from '../catalog/smallCatalog.js'

const ids = Object.values(_.PAGE_IDS)

describe('PAGE_IDS', () => {
  it('are distinct', () => {
    expect(new Set(ids).size).toBe(ids.length)
  })
  it('each has an upper-case letter, so no code anchor can take one', () => {
    for (const id of ids) expect(id).toMatch(/^otc[A-Z][A-Za-z]*$/)
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (code) => {
        expect(ids).not.toContain(anchorOf(code))
      }),
    )
  })
  it('are each the id of exactly one element of the generated page', () => {
    const html = renderHtml(servicePages(smallFiles), smallFiles, '')
    for (const id of ids) expect(html.split(`id="${id}"`).length - 1, id).toBe(1)
  })
})
