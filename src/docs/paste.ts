/**
 * What the HTML page's Explain box does with pasted text: a whole response as `curl -si` prints
 * it, or a bare body sent with the status typed beside it. The same reading as
 * `otc-errors explain [--status N]`, as pure functions.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { explain, type Explanation } from '../decode/explain.js'
import { typedStatus } from '../error/status.js'
import { parseCurl } from '../response/curl.js'
import type { RawResponse } from '../response/model.js'

/**
 * Reads pasted text as a response. Text that starts with a status line (`HTTP/1.1 404 …`, after
 * blank lines) is parsed as `curl -si` output; anything else is a body, which needs the status
 * (`status` is the text of the Status field, empty when not given). A `Left` is one sentence
 * for the person who pasted.
 *
 * @example
 * import { readPasted } from './paste.js'
 * readPasted('{"error_code":"AS.0001"}', '400') // { _tag: 'Right', right: { status: 400, body: '{"error_code":"AS.0001"}' } }
 * readPasted('{"error_code":"AS.0001"}', '')._tag // 'Left'
 *
 * @since 0.1.0
 * @category constructors
 */
export const readPasted = (text: string, status: string): E.Either<string, RawResponse> => {
  if (text.trim() === '') return E.left('Paste a response first: the output of curl -si, or a body with its status in the Status field.')
  if (/^\uFEFF?\s*HTTP\//i.test(text)) return parseCurl(text)
  const typed = status.trim()
  if (typed === '') {
    return E.left('This is not a whole response (it does not start with a status line such as "HTTP/1.1 400 Bad Request"): type its HTTP status in the Status field, or paste the output of curl -si.')
  }
  const observed = typedStatus(typed)
  if (observed === null) return E.left(`The status must be an HTTP status from 100 to 599, not "${typed}".`)
  return E.right({ status: observed, body: text })
}

/**
 * Explains pasted text (see `readPasted`): the same record as `otc-errors explain --json`, or
 * the reason the text could not be read. Never throws.
 *
 * @example
 * import { explainPasted } from './paste.js'
 * const x = explainPasted('HTTP/1.1 400 Bad Request\r\n\r\n{"error_code":"AS.0001","error_msg":"bad"}', '')
 * x._tag === 'Right' && x.right.code // 'AS.0001'
 *
 * @since 0.1.0
 * @category destructors
 */
export const explainPasted = (text: string, status: string): E.Either<string, Explanation> => E.map(explain)(readPasted(text, status))
