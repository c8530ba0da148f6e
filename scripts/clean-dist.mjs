// `npm run build` starts here: an empty dist/, so no file of an earlier build (a module since
// removed or renamed) lingers into the package.
import { rmSync } from 'node:fs'

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true })
