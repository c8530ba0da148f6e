#!/usr/bin/env node
// The `otc-errors` command: runs the built CLI (dist/node/cli.js). The package always has it
// (`npm pack` builds first: the prepack script). A fresh clone of the repository has no dist/
// yet, and installing its dependencies (`npm ci`) does not build; so the first
// `npx otc-errors …` there runs `npm run build` once, its output on stderr, then the command.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = new URL('../dist/node/cli.js', import.meta.url)
if (!existsSync(cli)) {
  const root = fileURLToPath(new URL('..', import.meta.url))
  // dist/ without the CLI: a build is under way or failed; building again now would race it.
  if (existsSync(new URL('../dist/', import.meta.url))) {
    process.stderr.write(`otc-errors: ${root}dist/ has no CLI (a build under way, or one that failed): run \`npm run build\` there\n`)
    process.exit(2)
  }
  if (!existsSync(new URL('../node_modules/typescript/package.json', import.meta.url))) {
    process.stderr.write(`otc-errors: ${root} is not built, and has no dev dependencies to build it: run \`npm ci\` there first\n`)
    process.exit(2)
  }
  process.stderr.write('otc-errors: first run in a source checkout: building dist/ (npm run build)\n')
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' })
  if (build.status !== 0 || !existsSync(cli)) {
    process.stderr.write('otc-errors: `npm run build` failed (its output is above)\n')
    process.exit(2)
  }
}
await import(cli.href)
