// A deterministic log for the engine recipes (test/engines/*, bench/engines/bench.mjs): the
// codes given, printed in every shape the engines' patterns support (bare, JSON, escaped JSON,
// logfmt, XML, after a `\n` escape, twice in a line, lower-cased, the gateway's APIGW spelling,
// CamelCase names after `api error`, a Neutron type), between noise lines full of versions, IPs,
// times and file names. No line states an HTTP status or carries a secret: the engines give the
// answer for a line without a status (see docs/log-engines.md, "Where engines differ").
//
// Usage: node bench/engines/generate.mjs OUT_FILE [MEGABYTES=200] [SEED=20261123]
import { closeSync, openSync, writeSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { prng } from '../logs/generate.mjs'

const pad = (n, w = 2) => String(n).padStart(w, '0')

/** Timestamps in the shapes logs print them, advancing by a second or so a line. */
const stamp = (i, pick) => {
  const t = new Date(Date.UTC(2026, 10, 23, 8, 0, 0) + i * 997)
  const iso = t.toISOString()
  switch (pick % 4) {
    case 0:
      return iso
    case 1:
      return `${iso.slice(0, 23)}Z [DEBUG]`
    case 2:
      return `Nov ${String(t.getUTCDate()).padStart(2, ' ')} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())} host app[42]:`
    default:
      return iso.replace('Z', '+00:00')
  }
}

const isDotted = (code) => /[._][0-9]/.test(code) && /^[A-Za-z]/.test(code)
const isName = (code) => /^[A-Z][a-z0-9]{1,30}[A-Z][A-Za-z0-9]{1,60}$/.test(code)

// Shapes for any code: it is the value of an error-code key.
const KEYED = [
  (c) => `{"level":"error","error_code":"${c}","error_msg":"the request failed"}`,
  (c) => `msg="{\\"error_code\\":\\"${c}\\",\\"error_msg\\":\\"failed\\"}" caller=client.go:88`,
  (c) => `error_code=${c} took=12ms attempt=2`,
  (c) => `<Error><Code>${c}</Code><Message>failed</Message></Error>`,
  (c) => `"errorCode": "${c}", "details": []`,
]
// Shapes for a dotted code: anywhere in the text.
const FREE = [
  (c) => `ERROR creating the server failed with ${c} (see the console)`,
  (c) => `body: "{\\n${c} failed\\n}"`,
  (c, d) => `retrying after ${c}, then ${d}; still ${c}`,
  (c) => `WARN ${c.toLowerCase()} reported by the backend`,
  (c) => `WARN ${c.replace(/^APIG\./i, 'APIGW.')} from the gateway`,
]
// Shapes for a CamelCase name: counts only when the catalogue knows the name.
const NAMED = [(c) => `api error ${c}: the operation failed`, (c) => `upload failed(${c}) on part 3`]
const NEUTRON = (t) => `{"NeutronError": {"type": "${t}", "message": "failed", "detail": ""}}`

const NOISE = [
  () => 'GET /static/app.js.map 200 v1.2.300 from 10.0.0.1 at 12:30:05.123',
  () => 'INFO started in 1234 ms, pid 4711, build 2024.05.01.1234',
  () => 'DEBUG cache hit ratio=0.9981 entries=120000 evictions=0',
  () => 'WARN disk /var/lib/data.1234 at 91% on node-7.eu-de.otc.t-systems.com',
  () => 'INFO terraform-provider-opentelekomcloud_v1.36.4 plugin started',
  () => 'DEBUG request GET https://ecs.eu-de.otc.t-systems.com/v1/servers?limit=1000 status=200',
  () => 'INFO connection from 192.168.10.23:51234 accepted, 3 open',
  () => 'TRACE span 4bf92f3577b34da6 took 0.0042s',
]

/**
 * `count` lines of log from `codes` (strings, as a catalogue spells them, plus unknown ones),
 * about one in three carrying codes.
 *
 * @param {{ codes: ReadonlyArray<string>, names?: ReadonlyArray<string>, lines: number, seed?: number, start?: number }} options
 * @returns {string[]}
 */
export const generateLines = ({ codes, names = [], lines, seed = 20261123, start = 0 }) => {
  const random = prng(seed + start)
  const pick = (xs) => xs[Math.floor(random() * xs.length)]
  const dotted = codes.filter(isDotted)
  const named = codes.filter(isName)
  const out = []
  for (let i = start; i < start + lines; i++) {
    const ts = stamp(i, Math.floor(random() * 4))
    const r = random()
    let body
    if (r < 0.62) body = pick(NOISE)()
    else if (r < 0.78) body = pick(KEYED)(pick(codes))
    else if (r < 0.92) body = pick(FREE)(pick(dotted), pick(dotted))
    else if (r < 0.97) body = pick(NAMED)(random() < 0.8 && named.length > 0 ? pick(named) : pick(names.length > 0 ? names : ['SomethingOdd']))
    else body = NEUTRON(random() < 0.5 ? 'PortNotFound' : 'SubnetInUse')
    out.push(`${ts} ${body}`)
  }
  return out
}

/** Unknown codes in every shape, so that the engines' "unknown" answers are exercised too. */
export const UNKNOWN_CODES = ['FOO.0001', 'SHOP.1234', 'CCE_CM.0003', 'XYZ.ALS.403.101', 'SVCSTG_AMS_4000001', 'NoSuchWidget', '99887766']

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [out, megabytes = '200', seed = '20261123'] = process.argv.slice(2)
  if (out === undefined) {
    process.stderr.write('usage: node bench/engines/generate.mjs OUT_FILE [MEGABYTES=200] [SEED]\n')
    process.exit(2)
  }
  const { defaultCatalog, lookupRows } = await import('../../dist/node/index.js')
  const codes = [...new Set(lookupRows(defaultCatalog()).map((r) => r.code))].filter((_, i) => i % 7 === 0).concat(UNKNOWN_CODES)
  const fd = openSync(out, 'w')
  const target = Number(megabytes) * 1024 * 1024
  let written = 0
  for (let start = 0; written < target; start += 10_000) {
    const chunk = `${generateLines({ codes, names: ['NoSuchWidget'], lines: 10_000, seed: Number(seed), start }).join('\n')}\n`
    writeSync(fd, chunk)
    written += Buffer.byteLength(chunk)
  }
  closeSync(fd)
  process.stdout.write(`${out}: ${(written / 1024 / 1024).toFixed(1)} MB\n`)
}
