/**
 * Reading raw responses: headers, body text, body (JSON, XML, HTML, text) and `curl -i` output.
 *
 * @since 0.1.0
 */
export type { Body, HeaderMap, HeadersInput, RawResponse } from './model.js'
export { REQUEST_ID_HEADERS, contentTypeOf, headerValue, normalizeHeaders, requestIdOf } from './headers.js'
export { bodyText, type BodyInput } from './text.js'
export { decodeXmlEntities, readXml, type XmlSummary } from './xml.js'
export { readBody } from './body.js'
export { MAX_HTML_BLOCKS, decodeHtmlEntities, htmlTitle, readHtml, type HtmlBlock, type HtmlSummary } from './html.js'
export { parseCurl, type CurlResponse } from './curl.js'
