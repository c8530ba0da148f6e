// The fuzz targets of `npm run fuzz`, briefly: the same properties, a few hundred cases each.
import { describe, expect, it } from 'vitest'
import { fuzz, targets } from '../../scripts/fuzz.js'

describe('fuzz (short run)', () => {
  it('runs every target without a failure', () => {
    const figures = fuzz(targets.length * 300, 20261123)
    expect(figures.map((f) => f.name)).toEqual(['decode', 'parseCurl', 'catalogue codec', 'classifyLine'])
  })
})
