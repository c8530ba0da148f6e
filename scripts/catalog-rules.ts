/**
 * The rules that give each catalogue entry its category, retry strategy and remedy: from the
 * documented status and the wording of the message and description. The remedies are our own
 * words: short, actionable, one or two sentences.
 */
import { adviceFor } from '../src/classify/advice.js'
import { categorizeWording, saysAccountState, type WordingVerdict } from '../src/classify/wording.js'
import { categories, retryStrategies, type Category, type RetryStrategy as Retry } from '../src/error/vocabulary.js'

export type { Category, Retry }
export type Verdict = WordingVerdict

/** The wording rules live in src/classify/wording.ts: the decoders use them on responses too. */
export const categorize = categorizeWording

const has = (text: string, pattern: RegExp) => pattern.test(text)

// -------------------------------------------------------------------------------------
// remedies
// -------------------------------------------------------------------------------------

/** `PoolNotRunning` → `pool not running`: ModelArts prints CamelCase names as messages. */
const uncamel = (text: string): string =>
  /^[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+$/.test(text.trim())
    ? text
        .trim()
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .toLowerCase()
    : text

/** The message without placeholders, quotes and a final full stop, on one line. */
const plain = (message: string): string =>
  uncamel(message)
    .replace(/%\([^)]*\)[sd]|%[sdf]|\{\w*\}|\[%s\]|\bx{3,}\b|<[^>]*>/gi, '')
    .replace(/["'`]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .trim()
    .replace(/[.!;:,]+$/, '')

/** A noun phrase fit to quote in a remedy: short, no placeholder left, no sentence inside. */
const subject = (phrase: string | undefined): string | undefined => {
  if (phrase === undefined) return undefined
  const s = phrase
    .replace(/^(the|a|an|this|that|specified|current|your)\s+/i, '')
    .replace(/^(the|a|an|specified)\s+/i, '')
    .trim()
  if (s.length < 3 || s.length > 60 || s.split(' ').length > 7) return undefined
  if (
    /^(request|requests|operation|operations|parameter|parameters|param|params|value|values|input|data|it|this|another\b.*|other\b.*|resource|resources|object|objects|system|service|action|task|body|message|error|info|information|something)$/i.test(
      s,
    )
  )
    return undefined
  if (/[.:;!?()[\]{}%=]|\b(is|are|was|were|has|have|cannot|can't|not|failed|please)\b/i.test(s)) return undefined
  return /^[A-Z]{2,}|^[A-Z][a-z]+[A-Z]/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1)
}

const first = (text: string, patterns: ReadonlyArray<RegExp>): string | undefined => {
  for (const pattern of patterns) {
    const found = subject(pattern.exec(text)?.[1])
    if (found !== undefined) return found
  }
  return undefined
}

/** What the message is about, read the way its category says it. */
const SUBJECTS: Readonly<Partial<Record<Category, ReadonlyArray<RegExp>>>> = {
  'not-found': [
    /^(.+?)\s+(?:does ?n[o']t exist|do not exist|not exists?|is not found|was not found|not found|cannot be found|could not be found|has been deleted|is deleted)/i,
    /^(?:no such|cannot find|could not find|unable to find|failed to find|can ?not find)\s+(?:the\s+)?(.+)$/i,
  ],
  conflict: [
    /another (?:operation|task) is (?:being performed|in progress|running) on (?:the )?(.+?)(?:\s+or\b|$)/i,
    /^(.+?)\s+(?:already exists?|has already been (?:created|added|used|bound|registered)|is already (?:in use|used|bound|associated|attached|registered|added))/i,
    /^(.+?)\s+(?:is|are) (?:still )?(?:in use|used by|being used|referenced)/i,
    /^(.+?)\s+(?:is|are) (?:currently )?(?:being \w+|busy|locked|not ready|frozen|abnormal|faulty|stopped|deleted|in an? \w+ state)/i,
    /^(?:the )?(?:status|state) of (?:the )?(.+?)\s+(?:is|does)/i,
    /^(.+?)\s+(?:status|state)\s+(?:is|does)/i,
  ],
  quota: [
    /number of (.+?)\s+(?:exceeds?|exceeded|has reached|reached|reaches|has exceeded)/i,
    /maximum number of (.+?)\s+(?:has been |have been )?(?:reached|exceeded)/i,
    /^(.+?)\s+quota/i,
    /quota (?:of|for) (.+?)(?:\s+(?:is|has|exceeds|insufficient)|$)/i,
  ],
  validation: [
    /(?:parameter|field|param|argument)\s+([\w.[\]-]{2,40})/i,
    /^(?:invalid|illegal|incorrect|wrong|unsupported|missing|empty)\s+(.+)$/i,
    /^(.+?)\s+(?:is|are)\s+(?:invalid|illegal|incorrect|wrong|empty|null|missing|required|not supported|unsupported|too long|too short|out of range)/i,
    /^(.+?)\s+(?:must|cannot be|can't be|should)\b/i,
    /^(.+?)\s+(?:format|length|value)\s+(?:is|error)/i,
  ],
  permission: [/^(?:no permission|not authori[sz]ed|forbidden|not allowed)\s+to\s+(.+)$/i, /permission (?:to|for)\s+(.+)$/i],
  server: [/^(?:failed to|fail to|unable to|an error occurred when|error in)\s+(.+)$/i, /^(.+?)\s+failed$/i],
  unavailable: [/^(.+?)\s+(?:is|are)\s+(?:busy|unavailable|temporarily unavailable|sold out|insufficient)/i, /(?:insufficient|not enough)\s+(.+)$/i],
  timeout: [/^(.+?)\s+(?:timed out|timeout)/i],
}

const UNKNOWN_REMEDY = 'The tables document this code without telling what went wrong: read the message and act on the HTTP status.'

/** The generic remedies: a category's advice, said of no code in particular (the report counts entries that fall back to one). */
export const GENERIC_REMEDIES: ReadonlyArray<string> = [...new Set([UNKNOWN_REMEDY, ...categories.flatMap((c) => retryStrategies.map((r) => adviceFor(c, r)))])]

/**
 * What to do, in our own words: a sentence about the thing the message names (the resource,
 * the parameter, the state) when the message names one, else the category's general advice.
 * It always says what the category and retry strategy mean (never "retry" for a `never`).
 */
export const remedyFor = (category: Category, retry: Retry, message: string, description: string): string => {
  const text = `${message} ${description}`
  if (category === 'unknown') return UNKNOWN_REMEDY
  if (category === 'permission' && saysAccountState(text)) {
    return 'The account is frozen, restricted or not verified: settle the account (billing, verification) in the console before trying again.'
  }
  const said = plain(message)
  const about = first(said, SUBJECTS[category] ?? [])
  if (about !== undefined) {
    switch (category) {
      case 'not-found':
        return `No ${about} with the given ID or name is visible here: check the ID or name, the region and the project, and whether it was deleted.`
      case 'conflict':
        if (retry === 'backoff') return `The ${about} is busy with another operation: wait until it finishes (poll its status), then send the request again.`
        if (has(said, /already|exists?|duplicat|repeated/i)) return `A ${about} like this already exists: use another name or ID, or work with the existing one.`
        if (has(said, /in use|used by|being used|referenced/i)) return `The ${about} is still in use: detach or delete what uses it first, then try again.`
        return `The ${about} is not in a state that allows this operation: bring it into the required state first.`
      case 'quota':
        return `The limit on ${about} is reached: delete ones you no longer need, or ask for a higher quota, then try again.`
      case 'validation':
        return `Check ${about} in the request against the API reference (allowed values, format, length), correct it and send the request again.`
      case 'permission':
        return `The caller may not ${about}: grant the user a policy or role that allows it, or use an account that has it.`
      case 'server':
        return retry === 'never'
          ? `The service cannot ${about} in this setup: check its configuration or ask support; retrying unchanged will not help.`
          : `The service failed to ${about} on its side: retry with backoff; if it keeps failing, report it to support with the request ID.`
      case 'unavailable':
        return `The ${about} is not available right now: retry with backoff, or choose another availability zone or flavor.`
      case 'timeout':
        return `The ${about} did not finish in time: retry with backoff, and check that what it waits for is reachable.`
      default:
        break
    }
  }
  if (category === 'validation') {
    if (has(text, /json|body|malformed|parse/i)) return 'The request is malformed: check the body is valid JSON in the documented format, then send it again.'
    if (has(text, /\bid\b|project/i)) return 'An ID in the request is invalid: check the IDs in the URL and body against existing resources of this project.'
  }
  if (category === 'auth' && retry === 'never' && has(text, /agency|delegat|project/i)) {
    return "The token does not fit this request (another project, or an agency's token): get a token scoped to the right project or agency; a new token of the same scope will not help."
  }
  return adviceFor(category, retry)
}

/**
 * Per-code decisions where the rules are wrong or have nothing to go on, each with its reason.
 * Keyed by code and documented status; the build fails when one matches no entry.
 */
export interface Override {
  readonly code: string
  readonly status: number | null
  /** The catalogue file (without .json) when the code means something else in other services. */
  readonly file?: string
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
  ...['4606', '4900', '4904', '4910', '4912', '4914', '4916', '4918', '4920', '4926', '4950', '4952', '4960', '4962'].map((n): Override => ({
    code: `ModelArts.${n}`,
    status: 200,
    category: 'conflict',
    retry: 'never',
    reason: SUCCESS_STATE,
  })),
  { code: 'ModelArts.4902', status: 200, category: 'conflict', retry: 'backoff', reason: IN_PROGRESS_STATE },
  { code: 'ModelArts.2776', status: 204, category: 'conflict', retry: 'backoff', reason: IN_PROGRESS_STATE },
  { code: 'ModelArts.2777', status: 204, category: 'conflict', retry: 'backoff', reason: IN_PROGRESS_STATE },
  {
    code: 'ModelArts.6768',
    status: 100,
    category: 'validation',
    retry: 'never',
    reason: 'a missing SSH configuration is a request the caller must fix, whatever the documented 100',
  },
  { code: 'VPC.0608', status: 200, category: 'server', retry: 'backoff', reason: 'described as an internal error during batch operations, though documented with 200' },
  { code: 'PermanentRedirect', status: 301, category: 'validation', retry: 'never', reason: 'the bucket lives at another endpoint: the caller must send its requests there' },
  { code: 'WebsiteRedirect', status: 301, category: 'validation', retry: 'never', reason: 'the website request lacks a bucket name: a request to fix' },
  { code: 'TemporaryRedirect', status: 307, category: 'unavailable', retry: 'backoff', reason: 'a temporary redirect while DNS settles: retrying shortly succeeds' },
  {
    code: 'computeFault',
    status: null,
    file: 'nova',
    category: 'server',
    retry: 'backoff',
    reason: "Nova's and Cinder's wrapper for any status without a fault name of its own: 500 and other server errors",
  },
  {
    code: 'SVCSTG.INV.2000000',
    status: 200,
    file: 'aom',
    category: 'server',
    retry: 'never',
    reason: 'documented with 200 and the message "null": no failure is described; arriving as an error it is an anomaly of the service that a retry will not explain',
  },
  { code: 'SFS.TURBO.0011', status: 403, category: 'conflict', retry: 'backoff', reason: '"Cluster is doing something": the file system is busy, not forbidden' },
]
