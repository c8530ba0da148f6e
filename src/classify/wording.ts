/**
 * What an error's wording says happened: the category and retry strategy a careful reader gives a
 * message, with the HTTP status it came with. The catalogue build classifies every published
 * entry with it, and the decoders use it when a response's status differs from the documented
 * one, or the code is not in the catalogue: the response is evidence, its wording included.
 *
 * Each pattern is a verdict, not a topic: "the throttling policy does not exist" names
 * throttling but says not-found, so the rules look for what the sentence says happened, and the
 * order puts the statements that settle a case (does not exist, already exists, is being
 * processed) before the nouns they may mention (quota, token, policy, signature).
 *
 * @since 0.1.0
 */
import type { Category, RetryStrategy } from '../error/vocabulary.js'

/**
 * The verdict on a wording: category, retry strategy, the rule that decided and whether that
 * rule is a weak fallback a reviewer should confirm.
 *
 * @example
 * import type { WordingVerdict } from 'otc-errors'
 * const v: WordingVerdict = { category: 'not-found', retry: 'never', rule: 'wording: not found', weak: false }
 *
 * @since 0.1.0
 * @category model
 */
export interface WordingVerdict {
  readonly category: Category
  readonly retry: RetryStrategy
  /** The rule that decided (`status 404`, `wording: quota`, …). */
  readonly rule: string
  /** Whether the rule is a fallback a reviewer should confirm. */
  readonly weak: boolean
}

const has = (text: string, pattern: RegExp) => pattern.test(text)

/** A temporary state: the same request succeeds once the operation in progress ends. */
const IN_PROGRESS =
  /\bin progress\b|\b(is|are|currently) being (?!used\b|referenced\b)\w+(ed|ing)\b|\bbeing (processed|created|deleted|executed|performed|operated)\b|another (operation|task|request|job)\b|(is|are) (currently )?(busy|locked)\b|\bundergoing\b|not (yet )?(ready|complete|completed|finished)\b|already running\b|(could not|cannot|failed to) acquire (the )?lock|\bpending\b|\bconcurrent\b|sync(hroni[sz]ation)? .{0,30}(task )?exists?\b/i
const RETRY_LATER = /try again later|please wait|retry later|take a rest/i
/** An account (not a resource) that may not act: locked, frozen, in arrears, restricted. */
const ACCOUNT_STATE =
  /\b(account|user|tenant|domain|customer)\b.{0,40}\b(is |has been |was )?(locked|frozen|suspended|disabled|restricted|in arrears|overdue)|\barrears\b|insufficient (account )?balance|balance is insufficient|\bfrozen\b|real-name authentication|\bunverified\b|not (been )?verified/i
const NOT_FOUND =
  /\bdoes ?n[o']t exist|\bdo(es)? not exists?\b|\bnot exists?\b|\bnon-?existent\b|\bnot (be )?found\b|\bno such\b|cannot be found|could not be found|can ?not find|could not find|unable to find|failed to find|\bnot present\b|has been (deleted|cleared|purged|removed)|already (been )?deleted|\bno (matching|corresponding)\b/i
const IN_USE = /\bin use\b|(is|are|being) (still )?(used|referenced) by\b|\bis being used\b|still (used|referenced)/i
const DUPLICATE =
  /already (exists?|in use|used|bound|associated|attached|registered|added|created|configured|enabled|subscribed|opened|been (used|bound|associated|attached|added|created|registered))|\bduplicat|\bconflicts? with\b|\brepeated(ly)?\b|has been (bound|associated|attached|used(?! up))|\bsame name\b|\b(rule|record|name|key|entry|item)s? exists?\b/i
const BAD_STATE =
  /\b(status|state)\b.{0,60}\b(is not|does not|isn'?t|not (allowed|supported|normal|available|ready|running|active|correct))|\b(status|state)\b.{0,40}\bis (error|abnormal|faulty|failed|invalid)\b|\b(not|isn'?t) in (the )?.{0,30}(state|status)\b|\bcurrent (status|state)\b|\babnormal\b|\bfaulty\b|\bis (stopped|not running|not started|shut ?down|deleted|expired|frozen|offline)\b|\b(is|are) (currently )?unavailable\b|not (running|active|available|enabled|started)\b/i
/** Running out of something the account holds (instances, keys, groups): a quota. */
const QUOTA =
  /\bquotas?\b.{0,40}\b(exceed|insufficient|not enough|reached|limit|used up|full|exhausted|over)|(exceed|insufficient|not enough|reached|over|exhausted).{0,40}\bquotas?\b|\bquota\b|\bnumber of\b.{1,80}\b(exceeds?|exceeded|reached|has reached|reaches|exceeding|more than|greater than|over)\b.{0,40}\b(limit|maximum|max|upper limit|quota|allowed)|(maximum|max|upper limit of the) (number|count) of\b.{1,80}\b(reached|exceeded|exceeds)|(reached|exceeds?|exceeded) the (maximum|upper limit|max) (number|count|quantity)|can create (a maximum|at most|up to)|(limit|quota) (has been |was )?(reached|exceeded)\b/i
/** The provider's capacity, not the account's quota: it comes back. */
const CAPACITY =
  /\bsold out\b|insufficient (resources?|capacity|inventory|stock)|resources? (are |is )?(insufficient|sold out|exhausted)|no (more )?(available|free|idle) (resources?|capacity|hosts?|flavors?)|(zone|az|region)\b.{0,20}\b(quota|resources?|capacity)\b.{0,10}(not enough|insufficient)/i
/** Counts and sizes inside one request (a field's length, items in one call): a request to fix. */
const REQUEST_LIMIT =
  /\b(length|size|characters?|value|range|digits|bytes|format|page|offset|limit (parameter|value)|period|precision|decimal)\b.{0,40}\b(exceed|too (long|large|big|short|small)|out of range|maximum|minimum|limit)|too (long|short)|out of range|invalid limit|\blimit\b.{0,20}\b(invalid|illegal|incorrect|must|cannot)|\b(in|per) (a|one|the|each) (\w+ )?(single )?(request|call|query|batch|config\w*|policy|expand request|body|page)\b|\bin a single\b|\bqueried\b|\bnum(ber)? of \w+ is illegal|max (num|count)|\bexceeds? \d+\b/i
const QUOTA_SERVICE =
  /(fail(ed|s)?|unable|error)\b.{0,40}\b(query|get|obtain|check|read|call|calling|invoke|access)\w*\b.{0,40}\bquota|quota\b.{0,30}(service|manage|center)\b.{0,30}(error|fail|exception|called)|query(ing)? quota failed/i
const THROTTLED =
  /\bthrottl(ed|ing threshold|ing limit)\b|(requests? (are |is |were |was )?)throttled|too many (requests|calls|api calls|concurrent requests|operations|request failures|failed (attempts|requests))|\bflow control\b|\bflow limit\b|rate.?limit(ed| exceeded| reached)?|request (frequency|rate) (is )?(too high|exceed)|too frequent|frequency (is )?(too high|exceeds?)|traffic (limit|control)|(call|request|api|invocation)s? (limit|frequency|rate) (exceeded|reached)|exceeded the (request|call|api|invocation) (limit|rate)|too many \w+( \w+)? (are being|in parallel|concurrently)/i
const TOKEN =
  /\btoken\b.{0,40}\b(expired|invalid|illegal|incorrect|missing|empty|is null|not (provided|found|exist|valid)|verif\w* fail|parse failed|parsing failed|error|revoked|wrong)|\b(expired|invalid|illegal|missing|empty|wrong|incorrect|bad) (x-auth-|x-subject-|x-)?token\b|token (has )?expired|\bauthentication (failed|failure|error|required)|\bunauthenticated\b|\bnot authenticated\b|\bauth(entication)? info(rmation)? (is )?(invalid|missing|expired)|decoded from (the )?token/i
/** A token of another scope or an agency's: getting a new one of the caller's own does not fix it. */
const TOKEN_SCOPE = /\b(agency|delegat\w*)\b.{0,40}\btoken\b|\btoken\b.{0,40}\b(do(es)? not match|mismatch)|\b(project|domain)( id)? and (the )?token\b/i
/** A wrong secret of the caller's own (AK/SK signature, password): a new token will not fix it. */
const CREDENTIALS =
  /\b(incorrect|wrong|invalid|bad) (user ?name or password|password|credentials?|ak|sk|access key|secret key|signature|ak\/sk)\b|(user ?name or password|password|credentials?|signature|ak\/sk|access key) (is |are )?(incorrect|wrong|invalid|error|mismatch|expired|verification failed)|signature (verification |check )?(failed|failure|mismatch|does not match)|login failed|failed to (log ?in|authenticate)/i
const PERMISSION =
  /\bnot subscribed\b|\bpermissions?\b|\bnot authori[sz]ed\b|\bunauthori[sz]ed\b|\bforbidden\b|\baccess (is |was )?denied\b|\bdenied\b|\bno access\b|\bprohibited\b|\bno (right|privilege)s?\b|do(es)? not have (the )?(right|permission|privilege|access)|insufficient (privileges?|permissions?|rights)|policy (does ?n[o']t|not) allow|\bnot allowed to (access|perform|operate|use)\b|\bonly (the )?(admin|administrator|owner)s?\b|admin(istrator)? (rights|privileges) (are )?required|(is|are) not (permitted|authorized)/i
const TIMEOUT =
  /\btimed out\b|\btime(-| )?out (occurred|error|expired|exception)|(request|operation|connection|task|execution|query|call|response|job|read|write)s? (has |have |was )?(timed? ?out|timeout)\b|timeout (occurred|while|when|waiting)/i
const CONNECTION = /\bconnect(ion)?\b.{0,30}\b(failed|failure|refused|error|interrupted|reset)|(failed|unable) to connect\b/i
const BUSY =
  /\b(system|service|server|backend|platform|cluster)s? (is |are )?(busy|overloaded|too busy)|\bbusy\b|temporarily unavailable|service (is )?unavailable|not available (now|at the moment)/i
const PAYLOAD =
  /\b(request|body|entity|file|upload(ed)?|content|message|payload|package)\b.{0,30}\b(too (large|big)|exceeds? \d+ ?(kb|mb|gb|bytes))\b|\boversized\b|request entity|unsupported media|\bcontent[- ]type\b/i
/** A server-side failure that retrying cannot cure: missing configuration or a feature not offered. */
const SERVER_CONFIG =
  /\bnot (supported|configured|implemented|enabled)\b|\bunsupported\b|\bbackend\b.{0,30}\b(does ?n[o']t exist|not exists?|not found)|\bmisconfigur|\bconfiguration (error|is (invalid|incorrect))\b/i
/** The service reports that its own work failed ("Failed to create the NIC", "Query failed"). */
const FAILURE = /\bfail(ed|ure|s)?\b|\bexception\b|\berror occurred\b|\bsystem error\b|\binternal (server )?error\b|\bresponse (is )?(null|empty)\b|\bunknown error\b/i
/** The service got nothing usable from its own backend. */
const SERVICE_RESPONSE = /\b(api|backend|server|service) response (is )?(null|empty)/i
/** Words that put the cause on the caller's side. */
const CLIENT_FAULT =
  /\binvalid\b|\billegal\b|\bincorrect\b|\bwrong\b|\bmalformed\b|\bmust\b|\brequired\b|\bmissing\b|\bempty\b|\bis null\b|cannot be (null|empty|blank)|\bformat\b|\bnot (supported|allowed|match|matched|a valid)\b|\bunsupported\b|\bmismatch|\bexceed|\btoo (long|short|many|large)\b|out of range|\bverification\b|\bbecause\b|\bcheck (the|whether|if)\b|\bensure\b|\bspecif(y|ied)\b/i
const VALIDATION =
  /\bdo(es)? not (support|meet)\b|\bneeds?\b|\binvalid\b|\billegal\b|\bincorrect\b|\bwrong\b|\bmalformed\b|\bmust\b|\bshould\b|\brequired\b|\bmissing\b|\bempty\b|\bis null\b|cannot be (null|empty|blank)|\bformat\b|\bparameters?\b|\bnot (supported|allowed|match|matched|a valid)\b|\bunsupported\b|\bmismatch|\bexceed|\btoo (long|short|many|large)\b|out of range|\bonly\b|\blength\b|\bspecified\b|\bcannot\b|\bcan ?not\b|\bunable\b|\bnot (be )?(modified|deleted|changed)\b/i

const v = (category: Category, retry: RetryStrategy, rule: string, weak = false): WordingVerdict => ({ category, retry, rule, weak })

/**
 * Whether a text says an account (not a resource) may not act: locked, frozen, in arrears.
 *
 * @example
 * import { saysAccountState } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(saysAccountState('The account has been frozen.'), true)
 *
 * @since 0.1.0
 * @category classification
 */
export const saysAccountState = (text: string): boolean => ACCOUNT_STATE.test(text)

const isQuota = (text: string) => has(text, QUOTA) && !has(text, QUOTA_SERVICE) && !has(text, REQUEST_LIMIT)

/** The service's own failure, reported with nothing that blames the request: retry later. */
const isServiceFailure = (text: string) => has(text, FAILURE) && !has(text, CLIENT_FAULT) && !has(text, NOT_FOUND) && !has(text, PERMISSION)

/**
 * The category and retry strategy of an error with `status` (null when none is known), from
 * what its message (and, for catalogue entries, the table's description) says. The wording
 * decides where it states a verdict; the status decides where the wording is silent.
 *
 * @example
 * import { categorizeWording } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(categorizeWording(400, 'The throttling policy does not exist.').category, 'not-found')
 * assert.strictEqual(categorizeWording(413, 'Quota exceeded for instances.').category, 'quota')
 * assert.deepStrictEqual([categorizeWording(400, '').category, categorizeWording(503, '').retry], ['validation', 'backoff'])
 *
 * @since 0.1.0
 * @category classification
 */
export const categorizeWording = (status: number | null, message: string, description = ''): WordingVerdict => {
  // Services repeat their messages: a response's verdict once found is kept (a bounded memo, see
  // below). Catalogue descriptions are judged once at build time and never kept.
  if (description !== '' || message.length > MEMO_TEXT_LIMIT) return judge(status, message, description)
  let byMessage = verdicts.get(status)
  if (byMessage === undefined) verdicts.set(status, (byMessage = new Map<string, WordingVerdict>()))
  const known = byMessage.get(message)
  if (known !== undefined) return known
  if (byMessage.size >= MEMO_ENTRIES) byMessage.clear()
  const verdict = judge(status, message, description)
  byMessage.set(message, verdict)
  return verdict
}

/**
 * The memo of verdicts by status and message: the wording rules are some thirty case-insensitive
 * regular expressions, most of a decode's time when they run, while a service sends the same few
 * messages again and again. Per status at most `MEMO_ENTRIES` messages of up to `MEMO_TEXT_LIMIT`
 * characters are kept; a full map starts over, so memory stays bounded whatever the input.
 */
const verdicts = new Map<number | null, Map<string, WordingVerdict>>()
const MEMO_ENTRIES = 512
const MEMO_TEXT_LIMIT = 480

/** The rules themselves (see `categorizeWording`). */
const judge = (status: number | null, message: string, description: string): WordingVerdict => {
  const text = `${message} ${description}`
  if (status === 429) return v('throttled', 'backoff', 'status 429')
  if (status === 408) return v('timeout', 'backoff', 'status 408')
  if (status === 504) return v('timeout', 'backoff', 'status 504')
  if (status !== null && status >= 500) {
    // Tables document some plain request errors as 500; the wording names them.
    if (has(text, TOKEN)) return v('auth', 'reauth', `status ${status}, wording: token`)
    if (has(message, /^\s*(no permission|permission denied|access denied)/i)) return v('permission', 'never', `status ${status}, wording: permission`)
    if (has(message, /^\s*(invalid|illegal|incorrect)\b/i)) return v('validation', 'never', `status ${status}, wording: invalid request`)
    if (has(text, THROTTLED) && !has(text, NOT_FOUND)) return v('throttled', 'backoff', `status ${status}, wording: throttled`)
    if (has(text, TIMEOUT)) return v('timeout', 'backoff', `status ${status}, wording: timeout`)
    if (status === 502 || status === 503) return v('unavailable', 'backoff', `status ${status}`)
    if (status === 501) return v('server', 'never', 'status 501')
    if (has(text, SERVER_CONFIG)) return v('server', 'never', `status ${status}, wording: configuration`)
    if (has(message, NOT_FOUND)) return v('not-found', 'never', `status ${status}, wording: not found`)
    if (has(message, DUPLICATE)) return v('conflict', 'never', `status ${status}, wording: duplicate`)
    if (has(text, IN_PROGRESS) || has(text, BUSY) || has(text, CONNECTION)) return v('unavailable', 'backoff', `status ${status}, wording: busy`)
    return v('server', 'backoff', `status ${status}`)
  }
  // The caller's side (4xx), a success status, or none: the wording's verdict, in order.
  if (has(text, ACCOUNT_STATE)) return v('permission', 'never', 'wording: account state')
  if (has(text, CONNECTION)) return v('unavailable', 'backoff', 'wording: connection failed')
  if (has(text, THROTTLED) && !has(text, NOT_FOUND) && !has(text, DUPLICATE)) return v('throttled', 'backoff', 'wording: throttled')
  if ((has(text, IN_USE) || has(message, DUPLICATE)) && !has(message, /\bquota\b/i)) return v('conflict', 'never', has(text, IN_USE) ? 'wording: in use' : 'wording: duplicate')
  if (status === 404) return v('not-found', 'never', 'status 404')
  if (has(text, SERVICE_RESPONSE)) return v('server', 'backoff', 'wording: the service failed')
  if (has(text, IN_PROGRESS) && !has(text, NOT_FOUND)) return v('conflict', 'backoff', 'wording: in progress')
  if (status === 401) {
    if (has(text, PERMISSION) && !has(text, TOKEN)) return v('permission', 'never', 'status 401, wording: permission')
    if ((has(text, CREDENTIALS) && !has(text, TOKEN)) || has(text, TOKEN_SCOPE)) return v('auth', 'never', 'status 401, wording: wrong credentials')
    return v('auth', 'reauth', 'status 401')
  }
  if (has(text, NOT_FOUND) && !has(text, CREDENTIALS)) return v('not-found', 'never', 'wording: not found')
  if (has(text, CAPACITY)) return v('unavailable', 'backoff', 'wording: capacity')
  if (isQuota(text)) return v('quota', 'never', 'wording: quota')
  if (has(text, DUPLICATE)) return v('conflict', 'never', 'wording: duplicate')
  if (has(text, TOKEN_SCOPE)) return v('auth', 'never', 'wording: token of another scope')
  if (has(text, TOKEN)) return v('auth', 'reauth', 'wording: token')
  if (has(text, CREDENTIALS)) return v('auth', 'never', 'wording: wrong credentials')
  if (status === 404) return v('not-found', 'never', 'status 404')
  if (status === 409 || status === 412 || status === 423) {
    return status === 423 ? v('conflict', 'backoff', 'status 423') : v('conflict', 'never', `status ${status}`)
  }
  if (has(text, PAYLOAD)) return v('payload', 'never', 'wording: payload')
  if (status !== 403 && has(message, REQUEST_LIMIT)) return v('validation', 'never', 'wording: request limit')
  if (has(text, BAD_STATE)) return v('conflict', 'never', 'wording: state')
  if (status === 403) return v('permission', 'never', 'status 403')
  if (has(text, PERMISSION)) return v('permission', 'never', 'wording: permission')
  if (status === 413 || status === 415) return v('payload', 'never', `status ${status}`)
  if (has(text, TIMEOUT)) return v('timeout', 'backoff', 'wording: timeout')
  if (has(text, BUSY)) return v('unavailable', 'backoff', 'wording: busy')
  if (has(text, PAYLOAD)) return v('payload', 'never', 'wording: payload')
  if (isServiceFailure(text) || (has(text, RETRY_LATER) && has(text, FAILURE))) return v('server', 'backoff', 'wording: the service failed')
  if (status !== null && status >= 400) return v('validation', 'never', `status ${status}`)
  if (has(text, VALIDATION)) return v('validation', 'never', 'wording: invalid request')
  return status === null ? v('unknown', 'never', 'no status, no telling wording', true) : v('unknown', 'never', `non-error status ${status}, no telling wording`, true)
}
