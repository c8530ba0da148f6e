/**
 * The rules that give each catalogue entry its category, retry strategy and remedy: from the
 * documented status and the wording of the message and description. The remedies are our own
 * words: short, actionable, one or two sentences.
 */
import { adviceFor } from '../src/classify/advice.js'

export type Category =
  | 'validation' | 'auth' | 'permission' | 'not-found' | 'conflict' | 'quota' | 'throttled'
  | 'payload' | 'server' | 'unavailable' | 'timeout' | 'unknown'
export type Retry = 'never' | 'backoff' | 'after' | 'reauth'

export interface Verdict {
  readonly category: Category
  readonly retry: Retry
  /** The rule that decided, for the report. */
  readonly rule: string
  /** Whether the rule is a fallback a reviewer should confirm. */
  readonly weak: boolean
}

const has = (text: string, pattern: RegExp) => pattern.test(text)

const THROTTLE = /throttl|flow limit|flow control|traffic control|too many requests|rate limit|request limit|frequenc|too frequent/i
const TIMEOUT = /time(d)? ?out|timeout/i
const BUSY = /system (is )?busy|service (is )?busy|server (is )?busy|try again later|please retry|retry later/i
const TOKEN = /token.{0,40}(expired|invalid|illegal|incorrect|missing)|(expired|invalid|illegal|missing).{0,20}token|authentication failed|not authenticated|unauthenticated|ak\/sk|signature/i
const CREDENTIALS = /password|account (has been |is )?locked|locked account|verification code|login|user ?name or password/i
const QUOTA = /quota|insufficient (balance|resources?|capacity)|maximum number of .{1,80}(has|have|is|are) (been )?reached|number of .{1,80} (has|have) reached|reached the (maximum|upper limit|limit)|limit (has been )?reached|sold out|no (more )?available (resources?|capacity|flavors?)|resources? (are |is )?insufficient/i
const PERMISSION = /permission|not authori[sz]ed|unauthori[sz]ed|forbidden|access (is )?denied|no access|prohibited|not allowed to access|frozen|restricted/i
const NOT_FOUND = /not found|not exist|does ?n[o']t exist|no such|cannot be found|could not be found|not be found|nonexist|non-exist/i
const IN_PROGRESS = /in progress|is being|being (processed|created|deleted|updated|modified)|is (currently )?running|already running|busy|locked|another operation|pending|processing/i
const CONFLICT = /already exists?|already (been )?(in use|used|bound|associated|attached|registered)|in use|duplicat|conflict|repeated|status (of .{1,40} )?(is|does) not|state (is|does) not|is not in the .{1,20} state|current (status|state)|abnormal/i
const PAYLOAD = /too large|request entity|body (is )?too|unsupported media|content[- ]type/i

/** Failing to read a quota is not running out of it. */
const QUOTA_QUERY = /(fail(ed)?|unable) to (query|get|obtain|check|read)[^.]{0,40}quota|query quota failed/i
const isQuota = (text: string) => has(text, QUOTA) && !has(text, QUOTA_QUERY)

const v = (category: Category, retry: Retry, rule: string, weak = false): Verdict => ({ category, retry, rule, weak })

/**
 * The category and retry strategy of an entry documented with `status` and `text` (message and
 * description). The status decides where it is unambiguous; wording refines 4xx codes and gives
 * codes documented with a non-error status a meaning.
 */
export const categorize = (status: number | null, text: string): Verdict => {
  if (status === 429 || has(text, THROTTLE)) return v('throttled', 'backoff', status === 429 ? 'status 429' : 'wording: throttling')
  if (status !== null && status >= 500) {
    if (status === 504 || has(text, TIMEOUT)) return v('timeout', 'backoff', status === 504 ? 'status 504' : 'wording: timeout')
    if (status === 502 || status === 503) return v('unavailable', 'backoff', `status ${status}`)
    if (status === 501) return v('server', 'never', 'status 501')
    return v('server', 'backoff', `status ${status}`)
  }
  if (status === 401) {
    return has(text, CREDENTIALS) && !has(text, TOKEN)
      ? v('auth', 'never', 'status 401, wording: wrong credentials')
      : v('auth', 'reauth', 'status 401')
  }
  if (status === 408) return v('timeout', 'backoff', 'status 408')
  if (status === 413 || status === 415) return v('payload', 'never', `status ${status}`)
  if (status === 403) {
    if (isQuota(text)) return v('quota', 'never', 'status 403, wording: quota')
    if (has(text, TOKEN)) return v('auth', 'reauth', 'status 403, wording: token')
    return v('permission', 'never', 'status 403')
  }
  if (status === 404) return v('not-found', 'never', 'status 404')
  if (status === 409 || status === 412 || status === 423) {
    return has(text, IN_PROGRESS) ? v('conflict', 'backoff', `status ${status}, wording: in progress`) : v('conflict', 'never', `status ${status}`)
  }
  // Other 4xx (mostly 400), a non-error status, or none: the wording decides.
  const fallback: Verdict =
    status === null ? v('unknown', 'never', 'no status, no telling wording', true)
    : status >= 400 ? v('validation', 'never', `status ${status}`)
    : v('unknown', 'never', `non-error status ${status}, no telling wording`, true)
  if (has(text, TIMEOUT)) return v('timeout', 'backoff', 'wording: timeout')
  if (has(text, TOKEN)) return v('auth', 'reauth', 'wording: token')
  if (isQuota(text)) return v('quota', 'never', 'wording: quota')
  if (has(text, NOT_FOUND)) return v('not-found', 'never', 'wording: not found')
  if (has(text, PERMISSION)) return v('permission', 'never', 'wording: permission')
  if (has(text, CONFLICT) || has(text, IN_PROGRESS)) {
    return has(text, IN_PROGRESS) ? v('conflict', 'backoff', 'wording: in progress') : v('conflict', 'never', 'wording: conflict')
  }
  if (has(text, BUSY)) return v('unavailable', 'backoff', 'wording: busy')
  if (status !== null && status >= 400 && has(text, PAYLOAD)) return v('payload', 'never', 'wording: payload')
  return fallback
}

/** What to do, in our own words: the general advice for the category, refined by a few telling words. */
export const remedyFor = (category: Category, retry: Retry, text: string): string => {
  if (category === 'permission' && has(text, /frozen|restricted|arrears|balance/i)) {
    return 'The account or resource is frozen or restricted: settle the account state before retrying.'
  }
  if (category === 'validation') {
    if (has(text, /json|format|parse|body|malformed/i)) return 'The request is malformed: check the body is valid JSON in the documented format, then send it again.'
    if (has(text, /\bid\b|project/i)) return 'An ID in the request is invalid: check the IDs in the URL and body against existing resources of this project.'
  }
  if (category === 'unknown') return 'The tables document this code without telling what went wrong: read the message and act on the HTTP status.'
  return adviceFor(category, retry)
}
