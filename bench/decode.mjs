// Benchmark, not a test: decode(t.unknown) on error bodies against bare JSON.parse plus field
// access, in the same process, interleaved, median of several rounds. Prints both and the ratio.
import * as t from 'io-ts'
import { decode } from '../dist/src/index.js'
import { median, nsPerCall } from './timing.mjs'

const responses = [
  {
    status: 400,
    headers: { 'content-type': 'application/json', 'x-request-id': 'a1b2c3d4e5f6' },
    body: '{"error_code": "AS.0001", "error_msg": "The request message format is invalid."}',
  },
  {
    status: 404,
    headers: { 'content-type': 'application/json;charset=UTF-8', 'x-request-id': 'f0e1d2c3b4a5' },
    body: '{"error_code":"IMG.0027","error_msg":"The image does not exist.","request_id":"f0e1d2c3b4a5"}',
  },
  {
    status: 429,
    headers: { 'Content-Type': 'application/json', 'Retry-After': '2', 'X-Request-Id': '77aa' },
    body: '{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached.","request_id":"77aa"}',
  },
  { status: 400, headers: { 'content-type': 'application/json' }, body: '{"error":{"code":"LTS.0009","message":"Failed to validate the request body."}}' },
  { status: 409, headers: { 'content-type': 'application/json' }, body: '{"code":"VPN.0002","message":"The VPN gateway is being updated."}' },
  {
    status: 401,
    headers: { 'content-type': 'application/json', 'x-subject-token': 'MIIsecretTokenValue' },
    body: '{"error":{"code":401,"title":"Unauthorized","message":"The request you have made requires authentication."}}',
  },
  { status: 500, headers: { 'content-type': 'application/json' }, body: '{"error_code":"ModelArts.0104","error_msg":"Internal error.","request_id":"1234"}' },
  { status: 403, headers: { 'content-type': 'application/json' }, body: '{"errorCode":"CCE.01403001","errorMessage":"Forbidden."}' },
]
const decoder = decode(t.unknown)

const codeKeys = ['error_code', 'code', 'errorCode']
const messageKeys = ['error_msg', 'message', 'errorMessage']
// The baseline: what a hand-written caller does at the least: parse and read the usual fields.
const baseline = (r) => {
  const v = JSON.parse(r.body)
  const inner = v.error !== undefined && typeof v.error === 'object' ? v.error : v
  let code, message
  for (const k of codeKeys)
    if (inner[k] !== undefined) {
      code = inner[k]
      break
    }
  for (const k of messageKeys)
    if (inner[k] !== undefined) {
      message = inner[k]
      break
    }
  return { status: r.status, code, message, requestId: r.headers['x-request-id'] ?? v.request_id }
}
const ours = (r) => decoder(r)

// A reference point, not a product: the least any complete decoder must do beyond the baseline
// (headers normalised to lower case, the body sniffed, one catalogue lookup, a result object),
// with no shape table, no redaction and no Retry-After parsing. It shows how much of the ratio
// the contract itself costs.
const floorCatalog = new Map([
  ['as.0001', 'validation'],
  ['img.0027', 'not-found'],
  ['apigw.0308', 'throttled'],
])
const floor = (r) => {
  const h = new Map()
  for (const k in r.headers) h.set(k.toLowerCase(), String(r.headers[k]).trim())
  const v = (h.get('content-type') ?? '').includes('json') || r.body.trimStart()[0] === '{' ? JSON.parse(r.body) : {}
  const inner = v.error !== undefined && typeof v.error === 'object' ? v.error : v
  let code = null
  let message = null
  for (const k of codeKeys)
    if (inner[k] !== undefined) {
      code = inner[k]
      break
    }
  for (const k of messageKeys)
    if (inner[k] !== undefined) {
      message = inner[k]
      break
    }
  const category = typeof code === 'string' ? floorCatalog.get(code.toLowerCase()) : undefined
  const after = h.get('retry-after')
  return {
    _tag: 'ApiError',
    status: r.status,
    statusClass: `${Math.floor(r.status / 100)}xx`,
    code,
    message,
    requestId: h.get('x-request-id') ?? v.request_id ?? null,
    category: category ?? 'unknown',
    retry: { retryable: after !== undefined, strategy: after === undefined ? 'never' : 'after' },
    known: category !== undefined,
    headers: h,
  }
}

const time = (fn, iterations) => nsPerCall(fn, responses, iterations)

const iterations = Number(process.env.BENCH_ITERATIONS ?? 200_000)
const rounds = Number(process.env.BENCH_ROUNDS ?? 7)
// Warm both paths (JIT, lazy catalogue build) before measuring.
time(baseline, 50_000)
time(ours, 50_000)
time(floor, 50_000)
const base = []
const mine = []
const floors = []
for (let i = 0; i < rounds; i++) {
  base.push(time(baseline, iterations))
  mine.push(time(ours, iterations))
  floors.push(time(floor, iterations))
}
const b = median(base)
const m = median(mine)
console.log(`bodies: ${responses.length} error responses, ${iterations} calls x ${rounds} rounds (median)`)
console.log(`JSON.parse + field access: ${(b / 1000).toFixed(3)} µs/response`)
console.log(`decode(t.unknown):         ${(m / 1000).toFixed(3)} µs/response`)
console.log(`ratio: ${(m / b).toFixed(2)}x`)
const f = median(floors)
console.log(`the floor, a bare-bones complete decoder: ${(f / 1000).toFixed(3)} µs/response, ${(f / b).toFixed(2)}x`)
console.log(`decode / floor: ${(m / f).toFixed(2)}x (target <= 2x)`)
