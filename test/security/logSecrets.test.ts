// Secrets in log lines (tokens in echoed headers, passwords in echoed request bodies) never reach
// what `classify` prints, in any format, even when the secret looks like an error code.
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { classifyCommand } from '../../src/cli/classify.js'
import type { CliIO } from '../../src/cli/io.js'
import { classifyLine } from '../../src/logs/index.js'

const runClassify = async (log: string, format: string): Promise<string> => {
  let out = ''
  const io: CliIO = {
    stdout: (text) => (out += text),
    stderr: (text) => (out += text),
    readStdin: async () => new TextEncoder().encode(log),
    readFile: async (path) => E.left(`${path}: no such file or directory`),
    listDir: async (path) => E.left(`${path}: not a directory`),
  }
  await classifyCommand(['--format', format], io)
  return out
}

// Secrets of every look: opaque tokens, JWT-like dotted ones, and ones shaped like error codes.
const secret = fc.oneof(
  fc.stringMatching(/^MII[A-Za-z0-9_-]{16,40}$/),
  fc.stringMatching(/^[A-Za-z0-9_-]{8,20}\.[0-9]{4,8}(\.[A-Za-z0-9_-]{4,12})?$/),
  fc.stringMatching(/^ZZ[A-Z]{1,4}\.[0-9]{4,6}$/),
)

// Where a secret shows up in real logs, with `@@` for the secret.
const carrier = fc.constantFrom(
  'X-Subject-Token: @@',
  'x-auth-token=@@',
  'Authorization: Bearer @@',
  'headers={"X-Auth-Token": "@@"}',
  'request body: {"auth":{"identity":{"password":{"user":{"name":"ann","password":"@@"}}}}}',
  'body="{\\"access_key\\":\\"@@\\",\\"sk\\":\\"@@\\"}"',
  'sk=@@ ak=AKIDEXAMPLE',
  'Cookie: session=@@',
)

const context = fc.constantFrom(
  'status=401 error_code=IAM.0001 request_id=9f3c',
  '{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information"}',
  'HTTP/1.1 403 Forbidden',
  '[DEBUG] OpenStack Response Code: 400',
)

describe('secrets in log lines', () => {
  it('appear in no output of classify, whatever the format', async () => {
    await fc.assert(
      fc.asyncProperty(secret, carrier, context, fc.boolean(), async (value, where, around, before) => {
        const leak = where.split('@@').join(value)
        const line = before ? `${leak} ${around}` : `${around} ${leak}`
        fc.pre(!around.includes(value))
        const log = `boot\n${line}\n${line}\r\n`
        for (const format of ['summary', 'ndjson', 'json']) expect(await runClassify(log, format)).not.toContain(value)
      }),
      { numRuns: 200 },
    )
  })
  it('a code-shaped secret is not reported as a code; the real code beside it is', () => {
    const found = classifyLine('status=401 error_code=IAM.0001 Authorization: Bearer ZZTOP.123456').map((f) => f.code)
    expect(found).toEqual(['IAM.0001'])
    expect(classifyLine('ZZTOP.123456 failed').map((f) => f.code)).toEqual(['ZZTOP.123456'])
  })
})
