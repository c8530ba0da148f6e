// `npm run docs` (after `npm run build`): regenerates docs/catalog/ from scratch, so a page of a
// service that left the catalogue does not linger. test/docs/drift.test.ts fails while the
// committed pages differ from what this writes.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'docs/catalog')
rmSync(out, { recursive: true, force: true })
const run = spawnSync(process.execPath, [join(root, 'dist/src/cli/bin.js'), 'docs', '--out', 'docs/catalog'], { cwd: root, stdio: 'inherit' })
process.exit(run.status ?? 1)
