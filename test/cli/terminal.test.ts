import { describe, expect, it } from 'vitest'
import * as _ from '../../src/cli/terminal.js'

describe('forTerminal', () => {
  it('leaves printable text, accents and CJK alone (the same string)', () => {
    const text = 'AS.0001: Gruppe “web” – 参数错误 ✓'
    expect(_.forTerminal(text)).toBe(text)
  })

  it('names newline, carriage return and tab, and hex-escapes the other controls', () => {
    expect(_.forTerminal('a\nb\rc\td')).toBe('a\\nb\\rc\\td')
    expect(_.forTerminal('\u001b[31mred\u0007')).toBe('\\x1b[31mred\\x07')
    expect(_.forTerminal('\u0000\u007f\u009b')).toBe('\\x00\\x7f\\x9b')
  })

  it('escapes the characters that reorder or break lines', () => {
    expect(_.forTerminal('x\u202ey\u2028z\u2066w\u061c')).toBe('x\\u202ey\\u2028z\\u2066w\\u061c')
  })

  it('gives the same answer on a second call', () => {
    expect(_.forTerminal('\u001b')).toBe('\\x1b')
    expect(_.forTerminal('\u001b')).toBe('\\x1b')
  })
})
