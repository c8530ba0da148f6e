// For suites that need a program from outside npm (Debian's chromium, PostgreSQL): where it is
// missing, the suite fails in CI (`CI=true`, where .ci/run installs it) with a message that says
// how to get it, and elsewhere skips with that same message on stderr. Never a silent pass.
import { describe, it } from 'vitest'

/**
 * `describe` when `missing` is null; otherwise a suite that fails (CI) or skips (elsewhere) and
 * says why and what to do.
 */
export const describeIfAvailable = (missing: string | null): ((name: string, body: () => void) => void) => {
  if (missing === null) return (name, body) => describe(name, body)
  if (process.env['CI'] === 'true') {
    return (name) =>
      describe(name, () => {
        it('has what it needs', () => {
          throw new Error(`${missing} (CI=true: .ci/run should have installed it)`)
        })
      })
  }
  return (name, body) => {
    process.stderr.write(`${name}: skipped: ${missing}\n`)
    describe.skip(name, body)
  }
}
