// Vitest global setup: the tests of the CLI, the package and the README run the built package
// (dist/), and many modules import the generated catalogue and browser bundle. `npm test` builds
// first; a bare `npx vitest run` builds here when the build is missing or older than its sources,
// so no test skips or runs against a stale build. A failed build stops the run with its output.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('../..', import.meta.url).pathname
/** What the build writes last (the Node bundle), and the files it is built from. */
const built = join(root, 'dist', 'node', 'index.js')
const inputs = [
  'src',
  'catalog',
  join('scripts', 'clean-dist.mjs'),
  join('scripts', 'bundle-catalog.mjs'),
  join('scripts', 'bundle-browser.mjs'),
  join('scripts', 'bundle-node.mjs'),
  'tsconfig.build.json',
]

const newest = (path: string): number => {
  const stat = statSync(path)
  if (!stat.isDirectory()) return path.includes('.generated.') ? 0 : stat.mtimeMs
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), 0)
}

export default function setup(): void {
  const stale = !existsSync(built) || inputs.some((p) => existsSync(join(root, p)) && newest(join(root, p)) > statSync(built).mtimeMs)
  if (!stale) return
  process.stderr.write('test/setup/build.ts: dist/ is missing or older than its sources; running `npm run build` first\n')
  try {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] })
  } catch {
    throw new Error('`npm run build` failed (its output is above); the tests need the built package in dist/. Fix the build, then run `npm test`.')
  }
}
