/**
 * Argument parsing for the commands: `node:util`'s `parseArgs`, with its throws turned into
 * one-line usage errors.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { typedStatus } from '../error/status.js'
import type { CliIO } from './io.js'

/**
 * Exit codes: 0 success, 1 a negative answer, 2 a usage error or unreadable input, 130 stopped
 * by an interrupt (Ctrl-C; `classify` prints what it had found so far), 143 stopped by SIGTERM
 * (likewise).
 *
 * @example
 * import { EXIT } from './args.js'
 * EXIT.usage // 2
 *
 * @since 0.1.0
 * @category constants
 */
export const EXIT = { ok: 0, negative: 1, usage: 2, interrupted: 130, terminated: 143 } as const

/**
 * A usage error of a command: its message and a pointer to the command's help on stderr;
 * returns the usage exit code.
 *
 * @example
 * import { usageError } from './args.js'
 * import { processIO } from './io.js'
 * usageError(processIO(), 'lookup', 'expected one CODE') // prints two lines, returns 2
 *
 * @since 0.1.0
 * @category commands
 */
export const usageError = (io: CliIO, command: string, message: string): number => {
  io.stderr(`otc-errors ${command}: ${message}\nTry 'otc-errors ${command} --help'.\n`)
  return EXIT.usage
}

/**
 * Parsed arguments of one command.
 *
 * @since 0.1.0
 * @category model
 */
export interface Parsed<V> {
  readonly values: V
  readonly positionals: ReadonlyArray<string>
}

/**
 * Parses `argv` with the command's options; a bad flag gives a one-line reason.
 *
 * @example
 * import { parseCommandArgs } from './args.js'
 * const r = parseCommandArgs(['--json'], { json: { type: 'boolean' } })
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseCommandArgs = <O extends NonNullable<ParseArgsConfig['options']>>(
  argv: ReadonlyArray<string>,
  options: O,
): E.Either<string, Parsed<Record<string, string | boolean | Array<string | boolean> | undefined>>> => {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
    return E.right({ values: values, positionals })
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? 'bad arguments') : 'bad arguments'
    return E.left(message.replace(/\. To specify a positional argument.*$/, '.'))
  }
}

/**
 * The value of a `--status N` flag: three digits making an HTTP status from 100 to 599. What
 * `Number` would also read (`5e2`, `0x1F4`, ` 404`, `404.0`) is a usage error, as in every
 * command that takes the flag.
 *
 * @example
 * import { parseStatusFlag } from './args.js'
 * parseStatusFlag('429') // Right(429)
 * parseStatusFlag('5e2') // Left('--status expects an HTTP status from 100 to 599, got "5e2"')
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseStatusFlag = (value: string): E.Either<string, number> => E.fromNullable(`--status expects an HTTP status from 100 to 599, got "${value}"`)(typedStatus(value))
