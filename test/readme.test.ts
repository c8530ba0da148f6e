// The README's TypeScript examples are run, and each `console.log(...) // expected` comment is
// checked against what the line really prints, so the examples cannot rot.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = new URL('../', import.meta.url)
const readme = readFileSync(new URL('README.md', root), 'utf8')
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '')
const dist = new URL('dist/src/index.js', root)
const outDir = new URL('test-output/readme/', root)

const expectedOutput = (source: string): ReadonlyArray<string> =>
  source
    .split('\n')
    .filter((line) => /console\.log\(.*\)\s*\/\/ /.test(line))
    .map((line) => line.slice(line.lastIndexOf('// ') + 3).trim())

describe('README examples', () => {
  it('has examples to run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3)
  })
  blocks.forEach((source, index) => {
    it(`example ${index + 1} prints what its comments say`, () => {
      const js = ts.transpileModule(source.replaceAll("from 'otc-errors'", `from '${dist.href}'`), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText
      mkdirSync(outDir, { recursive: true })
      const file = new URL(`example-${index + 1}.mjs`, outDir)
      writeFileSync(file, js)
      const run = spawnSync(process.execPath, [file.pathname], { cwd: root.pathname, encoding: 'utf8' })
      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
      const printed = run.stdout
        .trim()
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
      expect(printed).toEqual(expectedOutput(source).map((line) => line.replace(/\s+/g, ' ')))
    })
  })
})
