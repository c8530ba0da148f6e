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

/**
 * Per-code decisions where the rules are wrong or have nothing to go on, each with its reason.
 * Keyed by code and documented status; the build fails when one matches no entry.
 */
export interface Override {
  readonly code: string
  readonly status: number | null
  readonly category: Category
  readonly retry: Retry
  readonly reason: string
}

const SUCCESS_STATE = 'documented with a success status: a state report, not a failure; arriving with an error status it means the state already holds'
const IN_PROGRESS_STATE = 'documented with a success status while work is still running; as an error it means "not yet": wait and retry'

export const OVERRIDES: ReadonlyArray<Override> = [
  { code: 'APIG.0000', status: 204, category: 'conflict', retry: 'never', reason: SUCCESS_STATE },
  { code: 'RDS.0000', status: 200, category: 'conflict', retry: 'never', reason: SUCCESS_STATE },
  { code: 'RDS.0041', status: 202, category: 'conflict', retry: 'never', reason: SUCCESS_STATE },
  ...['4606', '4900', '4904', '4910', '4912', '4914', '4916', '4918', '4920', '4926', '4950', '4952', '4960', '4962'].map(
    (n): Override => ({ code: `ModelArts.${n}`, status: 200, category: 'conflict', retry: 'never', reason: SUCCESS_STATE }),
  ),
  { code: 'ModelArts.4902', status: 200, category: 'conflict', retry: 'backoff', reason: IN_PROGRESS_STATE },
  { code: 'ModelArts.2776', status: 204, category: 'conflict', retry: 'backoff', reason: IN_PROGRESS_STATE },
  { code: 'ModelArts.2777', status: 204, category: 'conflict', retry: 'backoff', reason: IN_PROGRESS_STATE },
  { code: 'ModelArts.6768', status: 100, category: 'validation', retry: 'never', reason: 'a missing SSH configuration is a request the caller must fix, whatever the documented 100' },
  { code: 'VPC.0608', status: 200, category: 'server', retry: 'backoff', reason: 'described as an internal error during batch operations, though documented with 200' },
  { code: 'PermanentRedirect', status: 301, category: 'validation', retry: 'never', reason: 'the bucket lives at another endpoint: the caller must send its requests there' },
  { code: 'WebsiteRedirect', status: 301, category: 'validation', retry: 'never', reason: 'the website request lacks a bucket name: a request to fix' },
  { code: 'TemporaryRedirect', status: 307, category: 'unavailable', retry: 'backoff', reason: 'a temporary redirect while DNS settles: retrying shortly succeeds' },
  { code: 'SFS.TURBO.0011', status: 403, category: 'conflict', retry: 'backoff', reason: '"Cluster is doing something": the file system is busy, not forbidden' },
]
