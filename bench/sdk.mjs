// Benchmark, not a test: fromSdkError on the exceptions the Huawei Cloud SDKs throw (the forms
// test/clients/sdk.test.ts reads: the Node SDK's exception object, the Python SDK's printed
// exception, the Go SDK's JSON error) against decode(t.unknown) of the same responses, in the same
// process, interleaved, median of several rounds. Prints both and the ratio.
import * as t from 'io-ts'
import { decode, fromSdkError } from '../dist/src/index.js'
import { median, nsPerCall } from './timing.mjs'

const exceptions = [
  { name: 'ClientRequestException', httpStatusCode: 400, errorCode: 'AS.0001', errorMsg: 'The request message format is invalid.', requestId: 'a1b2c3d4e5f6' },
  'ClientRequestException - {status_code:429,request_id:77aa,error_code:APIGW.0308,error_msg:The throttling threshold has been reached. }',
  new Error('{"status_code":404,"request_id":"9a2b","error_code":"AS.2007","error_message":"The AS group does not exist."}'),
]
// The same errors as raw responses.
const responses = [
  {
    status: 400,
    headers: { 'content-type': 'application/json', 'x-request-id': 'a1b2c3d4e5f6' },
    body: '{"error_code":"AS.0001","error_msg":"The request message format is invalid."}',
  },
  {
    status: 429,
    headers: { 'content-type': 'application/json', 'x-request-id': '77aa' },
    body: '{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}',
  },
  { status: 404, headers: { 'content-type': 'application/json', 'x-request-id': '9a2b' }, body: '{"error_code":"AS.2007","error_msg":"The AS group does not exist."}' },
]
const decoder = decode(t.unknown)
// Both sides read the same errors: same status, code, request id and category.
exceptions.forEach((e, i) => {
  const fromSdk = fromSdkError(e)
  const decoded = decoder(responses[i])
  const view = (x) => [x.status, x.code, x.requestId, x.category].join(' ')
  if (decoded._tag !== 'Left' || view(fromSdk) !== view(decoded.left)) throw new Error(`bench/sdk: exception ${i} reads as ${view(fromSdk)}, not as its response`)
})

const iterations = Number(process.env.BENCH_ITERATIONS ?? 100_000)
const rounds = Number(process.env.BENCH_ROUNDS ?? 7)
const sdk = (e) => fromSdkError(e)
const raw = (r) => decoder(r)
nsPerCall(sdk, exceptions, 30_000)
nsPerCall(raw, responses, 30_000)
const a = []
const b = []
for (let i = 0; i < rounds; i++) {
  a.push(nsPerCall(sdk, exceptions, iterations))
  b.push(nsPerCall(raw, responses, iterations))
}
const s = median(a)
const d = median(b)
console.log(`errors: ${exceptions.length} SDK exceptions, ${iterations} calls x ${rounds} rounds (median)`)
console.log(`decode(t.unknown) of the same responses: ${(d / 1000).toFixed(3)} µs/error`)
console.log(`fromSdkError:                            ${(s / 1000).toFixed(3)} µs/error`)
console.log(`fromSdkError / decode: ${(s / d).toFixed(2)}x`)
