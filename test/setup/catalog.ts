// Vitest setup file (runs in every test file's module graph): the shipped catalogue is the
// default one, as in the package root (src/index.ts), the CLI and `otc-errors/logs`. Tests
// import internal modules (src/decode/decode.ts, src/logs/line.ts, src/catalog/index.ts)
// directly, and those, like `otc-errors/core`, carry no catalogue data of their own.
import '../../src/catalog/shipped.js'
