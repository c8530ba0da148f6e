/**
 * The `otc-errors` command: dispatches to a subcommand. Commands take their I/O as a parameter
 * and return the exit code.
 *
 * @since 0.1.0
 */
// The shipped catalogue is every command's default one.
import '../catalog/shipped.js'
import { EXIT } from './args.js'
import { catalogCommand } from './catalog.js'
import { classifyCommand } from './classify.js'
import { docsCommand } from './docs.js'
import { explainCommand } from './explain.js'
import type { CliIO } from './io.js'
import { lookupCommand } from './lookup.js'
import { validateCommand } from './validate.js'

type Command = (argv: ReadonlyArray<string>, io: CliIO) => Promise<number>

/** The subcommands, by name. @since 0.1.0 @category constants */
export const COMMANDS: ReadonlyMap<string, { readonly run: Command; readonly summary: string }> = new Map([
  ['explain', { run: explainCommand, summary: 'explain one HTTP response (curl -si output, or a bare body with --status N)' }],
  ['classify', { run: classifyCommand, summary: 'find, classify and count the error codes in logs (files, stdin, gzip)' }],
  ['lookup', { run: lookupCommand, summary: 'show the catalogue entry for an error code' }],
  ['validate', { run: validateCommand, summary: 'check catalogue files' }],
  ['catalog', { run: catalogCommand, summary: 'export the catalogue (csv, ndjson, json), or an engine kit (postgres, duckdb, clickhouse, elasticsearch, vector, otel)' }],
  ['docs', { run: (argv, io) => docsCommand(argv, io), summary: 'write the catalogue as Markdown pages and a searchable HTML page' }],
])

/** @since 0.1.0 @category constants */
export const MAIN_HELP = (): string =>
  `Usage: otc-errors <command> [options]

Typed, classified errors for Open Telekom Cloud APIs.

Commands:
${[...COMMANDS].map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`).join('\n')}

Run 'otc-errors <command> --help' for a command's options.
`

/**
 * Runs the CLI with the arguments after the program name; returns the exit code.
 *
 * @since 0.1.0
 * @category commands
 */
export const runCli = async (argv: ReadonlyArray<string>, io: CliIO): Promise<number> => {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(MAIN_HELP())
    return name === undefined ? EXIT.usage : EXIT.ok
  }
  if (name === '--version' || name === '-v') {
    io.stdout('otc-errors 0.1.0\n')
    return EXIT.ok
  }
  const command = COMMANDS.get(name)
  if (command === undefined) {
    io.stderr(`otc-errors: unknown command "${name}"; commands: ${[...COMMANDS.keys()].join(', ')}\nTry 'otc-errors --help'.\n`)
    return EXIT.usage
  }
  return command.run(rest, io)
}
