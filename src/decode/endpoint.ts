/**
 * The service a request went to, read from its URL: the first label of the host name
 * (`rds` for `https://rds.eu-de.otc.t-systems.com/v3/…`), which the catalogue maps to a service
 * (see `DecodeOptions.service`).
 *
 * @since 0.1.0
 */

/**
 * The first label of a URL's host name, lower case; undefined when the text is no absolute URL
 * or the host is an IP address.
 *
 * @example
 * import { serviceOfUrl } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(serviceOfUrl('https://gaussdb-nosql.eu-de.otc.t-systems.com/v3/p/instances'), 'gaussdb-nosql')
 * assert.strictEqual(serviceOfUrl('http://10.0.0.1:8080/x'), undefined)
 * assert.strictEqual(serviceOfUrl('not a url'), undefined)
 *
 * @since 0.1.0
 * @category destructors
 */
export const serviceOfUrl = (url: unknown): string | undefined => {
  if (typeof url !== 'string' || url === '') return undefined
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return undefined
  }
  if (host === '' || /^[\d.]+$/.test(host) || host.includes(':')) return undefined
  const [label] = host.split('.')
  return label === undefined || label === '' ? undefined : label
}
