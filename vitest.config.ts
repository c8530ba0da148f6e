import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: the CLI tests spawn node processes, which a loaded 2-core machine slows down; a
    // hung test still fails. Speed is measured by the benchmarks, not by timeouts.
    testTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/setup/build.ts'],
    setupFiles: ['test/setup/catalog.ts'],
  },
})
