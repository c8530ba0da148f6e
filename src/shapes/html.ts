/**
 * Reading an HTML error page the way a person does: the message is the sentence that explains
 * (a paragraph, list item or table cell), not the title or heading that only repeats the status
 * ("Error", "403 Forbidden", "502 Bad Gateway"), and never the server's signature ("nginx").
 *
 * @since 0.1.0
 */
import type { HtmlBlock, HtmlSummary } from '../response/html.js'
import { codeInText } from './scan.js'

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * Words that say nothing beyond the status: the words of the HTTP reason phrases, "error",
 * "oops", "sorry", "something went wrong" and the little words between them. A text made of
 * these words only (numbers and punctuation aside) is generic.
 *
 * @example
 * import { GENERIC_PAGE_WORDS } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(GENERIC_PAGE_WORDS.has('forbidden'), true)
 *
 * @since 0.1.0
 * @category constants
 */
export const GENERIC_PAGE_WORDS: ReadonlySet<string> = new Set([
  // reason phrases (RFC 9110 and the ones servers print)
  'ok',
  'created',
  'accepted',
  'no',
  'content',
  'moved',
  'permanently',
  'found',
  'see',
  'other',
  'not',
  'modified',
  'temporary',
  'permanent',
  'redirect',
  'bad',
  'request',
  'requests',
  'unauthorized',
  'payment',
  'required',
  'forbidden',
  'method',
  'allowed',
  'acceptable',
  'proxy',
  'authentication',
  'timeout',
  'time',
  'out',
  'conflict',
  'gone',
  'length',
  'precondition',
  'failed',
  'too',
  'large',
  'payload',
  'entity',
  'uri',
  'url',
  'long',
  'unsupported',
  'media',
  'type',
  'range',
  'satisfiable',
  'expectation',
  'misdirected',
  'unprocessable',
  'locked',
  'dependency',
  'early',
  'upgrade',
  'many',
  'header',
  'fields',
  'unavailable',
  'legal',
  'reasons',
  'internal',
  'server',
  'implemented',
  'gateway',
  'service',
  'temporarily',
  'http',
  'https',
  'version',
  'supported',
  'variant',
  'also',
  'negotiates',
  'insufficient',
  'storage',
  'loop',
  'detected',
  'extended',
  'network',
  'access',
  'denied',
  'teapot',
  'i',
  'm',
  // generic error words
  'error',
  'errors',
  'status',
  'code',
  'page',
  'sorry',
  'oops',
  'whoops',
  'something',
  'went',
  'wrong',
  'unexpected',
  'unknown',
  'occurred',
  'has',
  'have',
  'been',
  'problem',
  'there',
  'was',
  'is',
  'we',
  're',
  'an',
  'a',
  'the',
  'this',
  'that',
  'of',
  'in',
  'on',
  'at',
  'application',
  'site',
  'website',
  'web',
  'default',
  'fatal',
  'exception',
])

/** Names that open a server's signature line ("nginx", "Apache/2.4.41 (Ubuntu) Server at …"). */
const SERVER_NAMES: ReadonlySet<string> = new Set([
  'nginx',
  'openresty',
  'tengine',
  'apache',
  'tomcat',
  'jetty',
  'cloudflare',
  'envoy',
  'microsoft',
  'iis',
  'varnish',
  'squid',
  'haproxy',
  'caddy',
  'lighttpd',
  'gunicorn',
  'werkzeug',
  'kestrel',
  'cloudfront',
  'akamai',
  'awselb',
  'istio',
  'kong',
  'traefik',
  'zuul',
  'undertow',
  'wildfly',
  'jboss',
  'weblogic',
  'websphere',
  'glassfish',
  'powered',
  'generated',
])

/** Blocks that frame a page (navigation, signature, buttons) rather than explain the error. */
const FRAME_TAGS: ReadonlySet<string> = new Set(['address', 'footer', 'nav', 'header', 'aside', 'button', 'option', 'select'])

/**
 * Labels whose text is what the server said (`<p><b>Message</b> Token expired</p>`,
 * `Reason: quota exceeded`): the rest of such a block is the message before any sentence.
 */
const MESSAGE_LABELS: ReadonlySet<string> = new Set([
  'message',
  'error message',
  'reason',
  'cause',
  'exception',
  'error',
  'error detail',
  'error details',
  'detail',
  'details',
  'error description',
  'description',
])
/** Of `MESSAGE_LABELS`, the ones that describe the status in general rather than this error (Tomcat's "Description"). */
const GENERAL_LABELS: ReadonlySet<string> = new Set(['description'])

// `Label: rest` printed without markup ("Reason: quota exceeded"): a short label of letters.
const COLON_LABEL = /^([A-Za-z][A-Za-z ]{0,24}?)[ \t]{0,2}:[ \t]{1,4}(\S.*)$/s

/** Blocks that label rather than explain: headings, table headers, terms, captions. */
const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th', 'dt', 'caption', 'legend', 'summary'])

// A request id printed on the page: "Request ID: 7f3c…", "X-Trans-Id: tx…", "Reference #18.6a2f…".
// Bounded quantifiers only, so the match is linear in the block.
const REQUEST_ID_IN_TEXT =
  /\b(?:x-)?(?:(?:request|req|trans|transaction|trace|correlation|incident|support|event)[ _-]?(?:id|identifier|reference|ref|number|no)|reference|ref)\b[ \t]{0,4}[:#=]?[ \t]{0,4}#?[ \t]{0,2}([A-Za-z0-9][A-Za-z0-9._:-]{5,127})/i

// -------------------------------------------------------------------------------------
// predicates
// -------------------------------------------------------------------------------------

/** The lower-case words of a text (runs of letters). */
const wordsOf = (text: string): ReadonlyArray<string> => text.toLowerCase().match(/\p{L}+/gu) ?? []

/** A text made only of words that repeat the status ("403 Forbidden", "Error", "Oops! Something went wrong"). */
const isGeneric = (words: ReadonlyArray<string>): boolean => words.every((w) => GENERIC_PAGE_WORDS.has(w))

/** A server's signature line ("nginx", "Apache Tomcat/9.0.65", "Powered by Jetty"). */
const isSignature = (words: ReadonlyArray<string>): boolean => words.length <= 8 && words[0] !== undefined && SERVER_NAMES.has(words[0])

/** A sentence: four words or more, or two or more ending as a sentence does. */
const isSentence = (text: string, words: ReadonlyArray<string>): boolean => words.length >= 4 || (words.length >= 2 && /[.!?。]$/.test(text))

interface Reading {
  /** The block's text, without its label when the label says "message", "reason", …. */
  readonly text: string
  readonly words: ReadonlyArray<string>
  readonly heading: boolean
  readonly generic: boolean
  /** Whether a label said this is the error's own message (`Message`, `Reason`, …). */
  readonly said: boolean
}

/** A block's label and the text after it: a bold opening (`label`) or a `Label:` prefix. */
const labelled = (block: HtmlBlock): { readonly label: string; readonly rest: string } | undefined => {
  if (block.label !== undefined) {
    const rest = block.text.slice(block.label.length).replace(/^[\s:\u2013\u2014-]{1,8}/, '')
    return { label: block.label.replace(/[\s:]{1,8}$/, ''), rest }
  }
  const match = block.text.length <= MAX_LABELLED ? COLON_LABEL.exec(block.text) : null
  return match === null ? undefined : { label: match[1] ?? '', rest: match[2] ?? '' }
}
const MAX_LABELLED = 2100

const readingOf = (block: HtmlBlock): Reading | undefined => {
  if (FRAME_TAGS.has(block.tag)) return undefined
  const words = wordsOf(block.text)
  if (words.length === 0 || isSignature(words)) return undefined
  const heading = HEADING_TAGS.has(block.tag)
  const pair = labelled(block)
  const label = pair?.label.toLowerCase()
  if (pair !== undefined && label !== undefined && MESSAGE_LABELS.has(label)) {
    const restWords = wordsOf(pair.rest)
    if (restWords.length > 0) return { text: pair.rest, words: restWords, heading, generic: isGeneric(restWords), said: !GENERAL_LABELS.has(label) }
  }
  return { text: block.text, words, heading, generic: isGeneric(words), said: false }
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The message of an HTML page, most specific first:
 * 0. what a block labels as the error's message or reason (`<b>Message</b> Token expired`,
 *    `Reason: quota exceeded`), when it says more than the status;
 * 1. the first paragraph, list item, table cell (any block that is not a heading) holding a
 *    sentence that says more than the status;
 * 2. the first heading holding such a sentence;
 * 3. the first heading, then the first other block, of two words or more that says more than
 *    the status ("Request blocked");
 * 4. the title when it says more than the status;
 * 5. the title, generic as it is ("502 Bad Gateway");
 * 6. the first block at all ("Bad Gateway" in a bare `<h1>`).
 * Navigation, footers, `<address>` and server signatures ("nginx") are never the message.
 *
 * @example
 * import { htmlMessage, readHtml } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const page = readHtml('<title>403 Forbidden</title><h1>Error</h1><ul><li>Your request was blocked by the web application firewall.</li></ul><center>nginx</center>')
 * assert.strictEqual(htmlMessage(page), 'Your request was blocked by the web application firewall.')
 * assert.strictEqual(htmlMessage(readHtml('<title>502 Bad Gateway</title><h1>502 Bad Gateway</h1><hr><center>nginx</center>')), '502 Bad Gateway')
 *
 * @since 0.1.0
 * @category destructors
 */
export const htmlMessage = (page: HtmlSummary): string | null => {
  const readings: Array<Reading> = []
  for (const block of page.blocks) {
    const reading = readingOf(block)
    if (reading !== undefined) readings.push(reading)
  }
  const first = (test: (r: Reading) => boolean): string | undefined => readings.find(test)?.text
  const titleWords = page.title === null ? [] : wordsOf(page.title)
  return (
    first((r) => r.said && !r.generic) ??
    first((r) => !r.heading && !r.generic && isSentence(r.text, r.words)) ??
    first((r) => r.heading && !r.generic && isSentence(r.text, r.words)) ??
    first((r) => r.heading && !r.generic && r.words.length >= 2) ??
    first((r) => !r.generic && r.words.length >= 2) ??
    (page.title !== null && !isGeneric(titleWords) ? page.title : undefined) ??
    page.title ??
    readings[0]?.text ??
    null
  )
}

/**
 * A service code printed on the page (`APIGW.0301`), read from its visible text only: the
 * title, then the blocks (never attributes, scripts or styles).
 *
 * @example
 * import { htmlCode, readHtml } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(htmlCode(readHtml('<link href="/app.2021.css"><p>Error code: APIGW.0301</p>')), 'APIGW.0301')
 *
 * @since 0.1.0
 * @category destructors
 */
export const htmlCode = (page: HtmlSummary): string | null => {
  const fromTitle = page.title === null ? null : codeInText(page.title)
  if (fromTitle !== null) return fromTitle
  for (const block of page.blocks) {
    const code = codeInText(block.text)
    if (code !== null) return code
  }
  return null
}

/**
 * A request id printed on the page ("Request ID: …", "Transaction ID: …", "Reference #…"): a
 * token of 6 to 128 characters with at least one digit, or null.
 *
 * @example
 * import { htmlRequestId, readHtml } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(htmlRequestId(readHtml('<p>Please quote Request ID: 9f1c2e7a-55d0 when you contact support.</p>')), '9f1c2e7a-55d0')
 *
 * @since 0.1.0
 * @category destructors
 */
export const htmlRequestId = (page: HtmlSummary): string | null => {
  const { blocks } = page
  for (let i = 0; i < blocks.length; i++) {
    const text = blocks[i]!.text
    const id = requestIdInText(text)
    if (id !== null) return id
    // a label in one cell and the id in the next (`<td>Request ID</td><td>7c2e…</td>`)
    const next = blocks[i + 1]
    if (next !== undefined && text.length <= 40 && next.text.length <= 128) {
      const paired = requestIdInText(`${text} ${next.text}`)
      if (paired !== null) return paired
    }
  }
  return null
}

const requestIdInText = (text: string): string | null => {
  const match = REQUEST_ID_IN_TEXT.exec(text.length > 4096 ? text.slice(0, 4096) : text)
  const id = match?.[1]?.replace(/[.:-]+$/, '')
  return id !== undefined && id.length >= 6 && /\d/.test(id) ? id : null
}
