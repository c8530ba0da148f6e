/**
 * Error body shapes: reading the code, message and request id of any error body.
 *
 * @since 0.1.0
 */
export type { Extracted } from './model.js'
export { isJsonObject, own, codeOf, isCodeShaped, readKeys, CODE_KEYS, MESSAGE_KEYS, REQUEST_ID_KEYS, type KeyReading, type JsonObject } from './keys.js'
export { scanBrokenJson, codeInText } from './scan.js'
export { SHAPES, type Shape, type Found } from './table.js'
export { extractError, requestIdInBody } from './extract.js'
export { GENERIC_PAGE_WORDS, htmlCode, htmlMessage, htmlRequestId } from './html.js'
