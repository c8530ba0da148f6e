#!/usr/bin/env node
// The thin edge: real argv and I/O in, exit code out.
import { EXIT } from './args.js'
import { runCli } from './main.js'
import { processIO } from './io.js'

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A closed pipe (`otc-errors … | head -1`) is the reader's choice, not a failure.
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

runCli(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code
    // Interrupted while stdin may still be open (`tail -f app.log | otc-errors classify`): the
    // partial answer is written, so leave once it is flushed instead of waiting for more input.
    if (code === EXIT.interrupted || code === EXIT.terminated) process.stdout.write('', () => process.exit(code))
  },
  (error: unknown) => {
    process.stderr.write(`otc-errors: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 2
  },
)
