/**
 * Text for a terminal: what a response, a log or a catalogue file says is shown, never obeyed.
 *
 * @since 0.1.0
 */

// C0 controls (ESC, BEL, CR, LF, …), DEL, C1 controls (CSI 0x9b, OSC 0x9d, …), and the Unicode
// characters that reorder or break lines (bidi overrides and isolates, line and paragraph
// separators): any of them in a value could recolour, retitle or clear the terminal, or forge
// a line of output.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

const escape = (c: string): string => {
  const named = NAMED[c]
  if (named !== undefined) return named
  const code = c.charCodeAt(0)
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
}

/**
 * A value made safe to print on one line of a terminal: control characters, escape sequences
 * and line or direction changes are shown as escapes (`\x1b`, `\n`, `\u202e`); everything else,
 * any script or emoji, stays as it is. Linear time.
 *
 * @example
 * import { forTerminal } from './terminal.js'
 * import * as assert from 'node:assert'
 * assert.strictEqual(forTerminal('\u001b[2Jcleared\r\nFAKE: line'), '\\x1b[2Jcleared\\r\\nFAKE: line')
 * assert.strictEqual(forTerminal('Größe überschritten'), 'Größe überschritten')
 *
 * @since 0.1.0
 * @category rendering
 */
export const forTerminal = (text: string): string => {
  UNSAFE.lastIndex = 0
  return UNSAFE.test(text) ? text.replace(UNSAFE, escape) : text
}
