import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as _ from '../../src/decode/endpoint.js'
import { anyValue } from '../arbitraries.js'

describe('serviceOfUrl', () => {
  it.each([
    ['https://rds.eu-de.otc.t-systems.com/v3/p/instances', 'rds'],
    ['https://gaussdb-nosql.eu-de.otc.t-systems.com/v3/p/instances', 'gaussdb-nosql'],
    ['https://ECS.eu-nl.otc.t-systems.com', 'ecs'],
    ['http://iam.example.com:8443/v3/auth/tokens?x=1', 'iam'],
    ['https://localhost/x', 'localhost'],
  ])('%s → %s', (url, service) => expect(_.serviceOfUrl(url)).toBe(service))
  it.each([['http://10.0.0.1:8080/x'], ['http://[::1]/x'], ['not a url'], ['/v3/p/instances'], [''], ['file:///etc/passwd']])('%s has none', (url) =>
    expect(_.serviceOfUrl(url)).toBeUndefined(),
  )
  it('is undefined for anything not a string', () => {
    for (const v of [null, undefined, 3, {}, new URL('https://rds.eu-de.otc.t-systems.com')]) expect(_.serviceOfUrl(v)).toBeUndefined()
  })
  it('never throws, and answers a non-empty lower-case label without dots, or undefined', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string(), anyValue), (url) => {
        const got = _.serviceOfUrl(url)
        if (got !== undefined) expect(got).toMatch(/^[^.:A-Z]+$/)
      }),
    )
  })
  it('is the first label of any web URL whose host is a name', () => {
    fc.assert(
      fc.property(fc.domain(), fc.webPath(), (domain, path) => {
        fc.pre(!/^[\d.]+$/.test(domain))
        const host = new URL(`https://${domain}`).hostname
        expect(_.serviceOfUrl(`https://${domain}${path}`)).toBe(host.split('.')[0])
      }),
    )
  })
})
