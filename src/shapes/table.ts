/**
 * The named body shapes, tried in order; a new shape is one entry. Each says which object of
 * the body to read (and how to name what it found); `readKeys` does the reading.
 *
 * @since 0.1.0
 */
import type { ErrorDetail } from '../error/ServiceError.js'
import { isJsonObject, marksOf, own, readKeys, textOf, type JsonObject, type KeyReading, type ShapeKey } from './keys.js'

/**
 * What a shape found: code and message (at least one of them), request id, every error.
 *
 * @example
 * import { SHAPES, type Found } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const found: Found | undefined = SHAPES.find((s) => s.name === 'neutron')?.read({ NeutronError: { type: 'SubnetNotFound', message: 'Subnet 0b3c could not be found.' } }, 404)
 * assert.strictEqual(found?.code, 'SubnetNotFound')
 *
 * @since 0.1.0
 * @category model
 */
export interface Found {
  readonly code: string | null
  readonly message: string | null
  readonly requestId: string | null
  readonly details: ReadonlyArray<ErrorDetail>
}

/**
 * A named shape: `read` gives what it found, or `undefined` when the body is not of this shape.
 *
 * @example
 * import { SHAPES, type Shape } from 'otc-errors'
 * import * as assert from 'node:assert'
 * const neutron: Shape | undefined = SHAPES.find((s) => s.name === 'neutron')
 * assert.strictEqual(neutron?.read({ unrelated: true }, 404), undefined)
 *
 * @since 0.1.0
 * @category model
 */
export interface Shape {
  /** The name errors record as their `shape`. */
  readonly name: string
  /** The body this shape reads, for people. */
  readonly doc: string
  /**
   * The top-level keys of which a body of this shape has at least one (`error` for the wrapped
   * shapes): a body with none of them is not tried. Shapes without `keys` are always tried.
   */
  readonly keys?: ReadonlyArray<ShapeKey>
  /**
   * What the shape finds in a JSON body (the status helps tell a code from a repeated status), or
   * `undefined` when the body is not of this shape. `top` is `readKeys(body, status)` when the
   * caller has read it already.
   */
  readonly read: (body: JsonObject, status: number, top?: KeyReading) => Found | undefined
}

const MAX_DETAILS = 100

const found = (reading: KeyReading, requestId: string | null = null): Found | undefined =>
  reading.code === null && reading.message === null
    ? undefined
    : {
        code: reading.code,
        message: reading.message,
        requestId: reading.requestId ?? requestId,
        details: [{ code: reading.code, message: reading.message }],
      }

/** The body's own reading: the one the caller made, or a new one. */
const topOf = (body: JsonObject, status: number, top: KeyReading | undefined): KeyReading => top ?? readKeys(body, status)

/** Reads a list of error objects: the first is the error, all are details. */
const readList = (list: ReadonlyArray<unknown>, status: number, requestId: string | null): Found | undefined => {
  const details: Array<ErrorDetail & { requestId: string | null }> = []
  for (let i = 0; i < list.length && details.length < MAX_DETAILS; i++) {
    const item = list[i]
    if (isJsonObject(item)) {
      const r = readKeys(item, status)
      if (r.code !== null || r.message !== null) details.push({ code: r.code, message: r.message, requestId: r.requestId })
    } else {
      const text = textOf(item)
      if (text !== null) details.push({ code: null, message: text, requestId: null })
    }
  }
  const [first] = details
  if (first === undefined) return undefined
  return {
    code: first.code,
    message: first.message,
    requestId: first.requestId ?? requestId,
    details: details.map(({ code, message }) => ({ code, message })),
  }
}

const safeDecodeUri = (text: string): string => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

const OPENSTACK_WRAPPERS: ReadonlySet<string> = new Set([
  'badRequest',
  'itemNotFound',
  'computeFault',
  'conflictingRequest',
  'overLimit',
  'forbidden',
  'unauthorized',
  'notFound',
  'badMethod',
  'notImplemented',
  'serviceUnavailable',
  'buildInProgress',
  'itemInUse',
  'unprocessableEntity',
  'instanceFault',
  'volumeFault',
  'networkFault',
  'notAcceptable',
  'requestEntityTooLarge',
  'badMediaType',
  'rateLimited',
])

/**
 * The named shapes, in the order they are tried. Each entry documents the body it reads.
 *
 * @example
 * import { SHAPES } from 'otc-errors'
 * import * as assert from 'node:assert'
 * assert.strictEqual(SHAPES[0]?.name, 'neutron')
 *
 * @since 0.1.0
 * @category constants
 */
export const SHAPES: ReadonlyArray<Shape> = [
  {
    name: 'neutron',
    doc: 'Neutron: {"NeutronError": {"type": "SubnetNotFound", "message", "detail"}}; its type is the code.',
    keys: ['NeutronError'],
    read: (body, status, top) => {
      const inner = own(body, 'NeutronError')
      if (!isJsonObject(inner)) return undefined
      const r = readKeys(inner, status)
      const type = textOf(own(inner, 'type'))
      return found({ ...r, code: r.code ?? type }, topOf(body, status, top).requestId)
    },
  },
  {
    name: 'keystone',
    doc: 'Keystone: {"error": {"code": 401, "title": "Unauthorized", "message"}}; a code that repeats the status is none.',
    keys: ['error'],
    read: (body, status, top) => {
      const inner = own(body, 'error')
      if (!isJsonObject(inner) || typeof own(inner, 'code') !== 'number' || own(inner, 'title') === undefined) return undefined
      return found(readKeys(inner, status), topOf(body, status, top).requestId)
    },
  },
  {
    name: 'error.error_code',
    doc: 'Wrapped OTC style: {"error": {"error_code", "error_msg"}}.',
    keys: ['error'],
    read: (body, status, top) => {
      const inner = own(body, 'error')
      if (!isJsonObject(inner) || own(inner, 'error_code') === undefined) return undefined
      return found(readKeys(inner, status), topOf(body, status, top).requestId)
    },
  },
  {
    name: 'error.code',
    doc: 'Wrapped: {"error": {"code", "message"}} (Auto Scaling, IMS), in either key order, or any code-like keys inside "error"; a code of the body\'s own beside it (a CCE Kubernetes Status: "errorCode" and an add-on\'s "error") speaks for the service, and the nested one is its cause.',
    keys: ['error'],
    read: (body, status, given) => {
      const inner = own(body, 'error')
      if (!isJsonObject(inner)) return undefined
      const nested = readKeys(inner, status)
      const top = topOf(body, status, given)
      if (top.code === null || nested.code === null || top.code === nested.code) return found(nested, top.requestId)
      return {
        code: top.code,
        message: top.message ?? nested.message,
        requestId: top.requestId ?? nested.requestId,
        details: [
          { code: top.code, message: top.message },
          { code: nested.code, message: nested.message },
        ],
      }
    },
  },
  {
    name: 'encoded-authorization',
    doc: 'IAM/STS denials: {"error_code", "error_msg", "encoded_authorization_message"}; the encoded message is kept as a detail.',
    keys: ['encoded_authorization_message'],
    read: (body, status, top) => {
      const encoded = textOf(own(body, 'encoded_authorization_message'))
      if (encoded === null) return undefined
      const r = topOf(body, status, top)
      return {
        code: r.code,
        message: r.message,
        requestId: r.requestId,
        details: [
          { code: r.code, message: r.message },
          { code: null, message: encoded },
        ],
      }
    },
  },
  {
    name: 'error_code',
    doc: 'The OTC standard: {"error_code": "AS.0001", "error_msg": "...", "request_id"?}, and error_message or other message keys beside it.',
    keys: ['error_code'],
    read: (body, status, top) => (own(body, 'error_code') === undefined ? undefined : found(topOf(body, status, top))),
  },
  {
    name: 'errorCode',
    doc: 'CCE and Java-style services: {"errorCode", "errorMessage" | "errorMsg"}.',
    keys: ['errorCode'],
    read: (body, status, top) => (own(body, 'errorCode') === undefined ? undefined : found(topOf(body, status, top))),
  },
  {
    name: 'errors-list',
    doc: 'A list: {"errors": [{code, message}, …]}: the first error, every one kept as a detail.',
    keys: ['errors'],
    read: (body, status, top) => {
      const list = own(body, 'errors')
      return Array.isArray(list) ? readList(list, status, topOf(body, status, top).requestId) : undefined
    },
  },
  {
    name: 'cloud-eye',
    doc: 'Cloud Eye: {"http_code": 400, "message": {"details": "...", "code": "ces.0014"}}.',
    keys: ['message'],
    read: (body, status, top) => {
      const inner = own(body, 'message')
      return isJsonObject(inner) ? found(readKeys(inner, status), topOf(body, status, top).requestId) : undefined
    },
  },
  {
    name: 'problem-details',
    doc: 'RFC 9457 problem details: {"type", "title", "status", "detail", "instance"}; message is detail, else title; an instance "urn:otc:request-id:<id>" (toProblemDetails) is the request id.',
    keys: ['title'],
    read: (body, status, top) => {
      if (own(body, 'title') === undefined || (own(body, 'type') === undefined && own(body, 'detail') === undefined)) return undefined
      const r = topOf(body, status, top)
      const message = textOf(own(body, 'detail')) ?? textOf(own(body, 'title'))
      const instance = textOf(own(body, 'instance'))
      const requestId = instance !== null && instance.startsWith('urn:otc:request-id:') ? textOf(safeDecodeUri(instance.slice(19))) : null
      return found({ ...r, message: message ?? r.message }, requestId)
    },
  },
  {
    name: 'code-message',
    doc: 'Flat: {"code": "VPN.0001", "message": "..."} (VPN, VPC), and any other flat code-like and message-like keys.',
    read: (body, status, top) => {
      const r = topOf(body, status, top)
      return r.code === null ? undefined : found(r)
    },
  },
  {
    name: 'openstack-wrapper',
    doc: 'OpenStack (Nova, Cinder): one key such as "itemNotFound" or "badRequest" around {"message", "code": 404}.',
    read: (body, status) => {
      const keys = Object.keys(body)
      const [key] = keys
      if (keys.length !== 1 || key === undefined) return undefined
      const inner = body[key]
      if (!isJsonObject(inner) || (!OPENSTACK_WRAPPERS.has(key) && own(inner, 'message') === undefined)) return undefined
      return found(readKeys(inner, status))
    },
  },
  {
    name: 'message-only',
    doc: 'Only a message: {"message": "..."} or {"error": "...", "error_description": "..."}.',
    read: (body, status, top) => found(topOf(body, status, top)),
  },
]

/**
 * The shapes in their order, each with the marks of its `keys` (0: always tried), for
 * `extractError` to skip a shape whose keys the body has none of.
 *
 * @internal
 */
export const MARKED_SHAPES: ReadonlyArray<{ readonly shape: Shape; readonly marks: number }> = SHAPES.map((shape) => ({ shape, marks: marksOf(shape.keys ?? []) }))
