// Deterministic synthetic log for the `classify` benchmark: a realistic mix of plain text, JSON
// logs, logfmt, nginx access lines, Terraform [DEBUG] response dumps (multi-line bodies), SDK
// exception strings and stack traces, dominated by noise full of versions, IPs, timestamps, file
// names and hosts that must not count as error codes. Same seed and size, same bytes.
//
// Usage: node bench/logs/generate.mjs OUT_FILE [MEGABYTES=200] [SEED=20240501]
import { closeSync, openSync, writeSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** mulberry32: a tiny seeded PRNG, good enough for picking templates (bench/engines/generate.mjs too). */
export const prng = (seed) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Codes as real responses print them: catalogue codes of many services (both gateway spellings,
// the lower-case Cloud Eye prefix, the two-part SFS Turbo prefix, 6- and 8-digit codes) and a few
// unknown ones; bare codes only ever appear as the value of an error-code key.
const DOTTED = [
  ['AS.0001', 400],
  ['AS.2007', 404],
  ['AS.1055', 400],
  ['AS.9007', 400],
  ['IMG.0027', 404],
  ['IMG.0001', 400],
  ['IMG.0145', 400],
  ['APIGW.0308', 429],
  ['APIG.0308', 429],
  ['APIGW.0301', 401],
  ['APIG.1003', 401],
  ['APIG.0402', 403],
  ['ModelArts.0104', 500],
  ['ModelArts.3555', 403],
  ['ModelArts.2819', 400],
  ['CCE.01403001', 403],
  ['CCE.02500001', 500],
  ['CCE.01400007', 400],
  ['DBS.200019', 400],
  ['DBS.212015', 400],
  ['RDS.5045', 403],
  ['ces.0014', 400],
  ['ces.0021', 500],
  ['SFS.TURBO.0001', 400],
  ['SFS.TURBO.0018', 400],
  ['Ecs.0005', 400],
  ['Ecs.0102', 400],
  ['Common.0013', 401],
  ['VPC.0101', 404],
  ['VPC.1801', 400],
  ['VPN.0002', 409],
  ['EVS.1005', 400],
  ['LTS.0009', 400],
  ['LTS.2005', 400],
  ['KMS.0338', 400],
  ['DMS.00400002', 400],
  ['FSS.1101', 400],
  ['IAM.0001', 401],
  ['TMS.0013', 400],
  ['FOO.0001', 500],
  ['BSS.0042', 400],
  ['SWR.1234', 503],
]
const BARE = [
  ['1101', 400],
  ['1103', 401],
  ['NoSuchBucket', 404],
  ['AccessDenied', 403],
  ['SlowDown', 503],
  ['NoSuchKey', 404],
]
const REASONS = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}
const HOSTS = [
  'as.eu-de.otc.t-systems.com',
  'ims.eu-de.otc.t-systems.com',
  'ecs.eu-nl.otc.t-systems.com',
  'iam.eu-de.otc.t-systems.com',
  'obs.eu-de.otc.t-systems.com',
  'cce.eu-de.otc.t-systems.com',
]
const PATHS = ['/autoscaling-api/v1/{p}/scaling_group', '/v2/images', '/v1/{p}/cloudservers/action', '/v3/auth/tokens', '/api/v3/projects/{p}/clusters', '/v1.0/{p}/metric-data']
const FILES = [
  'app.js.map',
  'main.go',
  'server.log.1',
  'app.log.20240501',
  'report.2024.pdf',
  'backup.20240501.tar.gz',
  'libssl.so.1.1',
  'vendor.bundle.js',
  'config.yaml',
  'index.d.ts',
]
const WORDS = ['started', 'finished', 'cache hit', 'cache miss', 'retrying', 'connected', 'decoded payload', 'encoded body', 'node ready', 'mode changed', 'flushed', 'rotated']
const LEVELS = ['INFO', 'DEBUG', 'WARN', 'INFO', 'INFO', 'TRACE']

export const generateLog = (out, megabytes = 200, seed = 20240501) => {
  const rnd = prng(seed)
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)]
  const int = (n) => Math.floor(rnd() * n)
  const hex = (n) => {
    let s = ''
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(16)]
    return s
  }
  const pad = (n, w = 2) => String(n).padStart(w, '0')
  let second = 0
  const ts = () => {
    second += int(3)
    return `2024-05-01T${pad(Math.floor(second / 3600) % 24)}:${pad(Math.floor(second / 60) % 60)}:${pad(second % 60)}.${pad(int(1000000), 6)}Z`
  }
  const ip = () => `10.${int(256)}.${int(256)}.${int(256)}`
  const version = () => `v${int(4)}.${int(30)}.${int(400)}`
  const project = () => hex(32)
  const url = () => `https://${pick(HOSTS)}${pick(PATHS).replace('{p}', project())}`
  const reqId = () => hex(32)

  const noise = () => {
    switch (int(10)) {
      case 0:
      case 1:
        return `${ts()} ${pick(LEVELS)} [worker-${int(16)}] GET ${pick(PATHS).replace('{p}', project())} 200 ${int(900)}ms from ${ip()} (${pick(FILES)} ${version()})`
      case 2:
        return `{"ts":"${ts()}","level":"info","msg":"${pick(WORDS)}","status":200,"latency_ms":${int(900)}.${int(1000)},"host":"${pick(HOSTS)}","version":"${version()}","code":200,"remote":"${ip()}:${1024 + int(60000)}"}`
      case 3:
        return `time=${ts()} level=debug msg="${pick(WORDS)}" file=${pick(FILES)} node=ip-10-0-${int(256)}-${int(256)}.eu-de.compute.internal statusCode=200 took=${int(100)}.${int(10000)}ms`
      case 4:
        return `${ip()} - - [01/May/2024:12:30:${pad(int(60))} +0000] "GET /api/v2.1/items?page=${int(100)} HTTP/1.1" 200 ${int(100000)} "-" "curl/7.88.1"`
      case 5:
        return `${ts()} [DEBUG] provider.terraform-provider-opentelekomcloud_${version()}: 2024/05/01 12:30:05 [DEBUG] Waiting for state to become: [ACTIVE] (exit code 0, mode 0644)`
      case 6:
        return `\tat com.example.scaling.GroupService.resize(GroupService.java:${int(900)}) ~[app-${int(9)}.${int(9)}.${int(99)}.jar:?]`
      case 7:
        return `${ts()} INFO  metrics cpu=${int(100)}.${int(100)} mem=${int(64000)}.${int(1000)}MB uptime=${int(1e9)}.${int(1e6)}s build=${hex(7)} go1.21.${int(9)}`
      case 8:
        return `${ts()} WARN  slow request to ${pick(HOSTS)} took ${int(10)}.${int(1000)}s; headers: Content-Type: application/json, X-Request-Id: ${reqId()}`
      default:
        return `${ts()} DEBUG resolved ${pick(HOSTS)} -> ${ip()}, ${ip()}; tls 1.3; cert valid until 2025.05.01 (serial ${hex(16)})`
    }
  }

  const errorLines = () => {
    const [code, status] = rnd() < 0.85 ? pick(DOTTED) : pick(BARE)
    const reason = REASONS[status] ?? 'Error'
    switch (int(8)) {
      case 0:
        return [`${ts()} ERROR request failed: status=${status} error_code=${code} request_id=${reqId()} host=${pick(HOSTS)}`]
      case 1:
        return [
          `{"ts":"${ts()}","level":"error","msg":"OTC API error","status":${status},"body":"{\\"error_code\\":\\"${code}\\",\\"error_msg\\":\\"${reason}.\\",\\"request_id\\":\\"${reqId()}\\"}","version":"${version()}"}`,
        ]
      case 2:
        return [`time=${ts()} level=error msg="call failed" statusCode: ${status} errorCode=${code} requestId=${reqId()} took=${int(9)}.${int(1000)}s`]
      case 3: {
        // A Terraform debug dump: the status on one line, the body pretty-printed over the next ones.
        const head = `${ts()} [DEBUG] provider.terraform-provider-opentelekomcloud_${version()}: 2024/05/01 12:30:05 [DEBUG] OpenTelekomCloud Response: POST ${url()} ${status} ${reason}`
        return [
          head,
          `${ts()} [DEBUG] provider: HTTP/1.1 ${status} ${reason}`,
          '{',
          '  "error": {',
          `    "code": "${code}",`,
          `    "message": "${reason}.",`,
          `    "request_id": "${reqId()}"`,
          '  }',
          '}',
        ]
      }
      case 4:
        return [`Error: error creating scaling group: Bad request with: [POST ${url()}], error message: {"error":{"code":"${code}","message":"${reason}."}}`]
      case 5:
        return [
          `com.huaweicloud.sdk.core.exception.ClientRequestException: {"httpStatusCode":${status},"errorMsg":"${reason}","errorCode":"${code}","requestId":"${reqId()}"} at ${pick(FILES)}`,
        ]
      case 6:
        return [`openstack.exceptions.HttpException: ${status}: Client Error for url: ${url()}, ${reason}: ${code} (see ${pick(FILES)})`]
      default:
        return [`${ts()} ERROR HTTP/1.1 ${status} ${reason} <Error><Code>${code}</Code><Message>${reason}</Message><RequestId>${hex(16).toUpperCase()}</RequestId></Error>`]
    }
  }

  const target = Math.floor(megabytes * 1024 * 1024)
  const fd = openSync(out, 'w')
  let written = 0
  let buffer = []
  let size = 0
  while (written + size < target) {
    const lines = rnd() < 0.04 ? errorLines() : [noise()]
    for (const line of lines) {
      buffer.push(line)
      size += line.length + 1
    }
    if (size > 1 << 20) {
      const text = buffer.join('\n') + '\n'
      writeSync(fd, text)
      written += Buffer.byteLength(text)
      buffer = []
      size = 0
    }
  }
  if (buffer.length > 0) {
    const text = buffer.join('\n') + '\n'
    writeSync(fd, text)
    written += Buffer.byteLength(text)
  }
  closeSync(fd)
  return written
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [out, mb, seed] = process.argv.slice(2)
  if (out === undefined) {
    console.error('usage: node bench/logs/generate.mjs OUT_FILE [MEGABYTES=200] [SEED=20240501]')
    process.exit(2)
  }
  const bytes = generateLog(out, Number(mb ?? 200), Number(seed ?? 20240501))
  console.log(`wrote ${out}: ${(bytes / 1048576).toFixed(1)} MiB`)
}
