// Preloaded into a spawned CLI (`node -r test/support/peak-rss.cjs …`): when the process exits,
// however it exits, it writes its peak resident set size (VmHWM from /proc/self/status, in kB)
// to file descriptor 3, so a test reads the peak of the whole run without sampling or timing.
const { readFileSync, writeSync } = require('node:fs')

process.on('exit', () => {
  try {
    const kb = /VmHWM:\s*(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? ''
    writeSync(3, `${kb}\n`)
  } catch {
    // No /proc or no fd 3: the test says so.
  }
})
