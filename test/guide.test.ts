// docs/guide.md's TypeScript examples are typechecked and run against the sources, and each
// `console.log(...) // expected` comment is checked against what the line prints, so the guide
// cannot rot. The same is done for the `@example` blocks of the acting-on-errors modules
// (src/retry, src/report, src/clients), and every export there is checked
// to have a doc comment with an example, `@since` and `@category`.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'

const root = new URL('../', import.meta.url)
const outDir = new URL('test-output/guide/', root)
const guide = readFileSync(new URL('docs/guide.md', root), 'utf8')
const guideBlocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '')
const MODULES = ['retry', 'report', 'clients'] as const

/** The examples import the package by name; here they import the sources (two levels up from test-output/guide/). */
const againstSources = (source: string): string => source.replaceAll("from 'otc-errors'", "from '../../src/index.js'")

const expectedOutput = (source: string): ReadonlyArray<string> =>
  source
    .split('\n')
    .filter((line) => /console\.log\(.*\)\s*\/\/ /.test(line))
    .map((line) => line.slice(line.lastIndexOf('// ') + 3).trim())

const normalise = (line: string): string => line.replace(/\s+/g, ' ').trim()

const run = (file: URL, args: ReadonlyArray<string> = []) =>
  spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(file), ...args], { cwd: fileURLToPath(root), encoding: 'utf8', timeout: 60_000 })

// -------------------------------------------------------------------------------------
// doc comments of the acting-on-errors modules
// -------------------------------------------------------------------------------------

interface DocExample {
  readonly module: string
  readonly file: string
  readonly symbol: string
  readonly code: string
}

/** Source files of a module that are part of the public surface (internal helpers say `@internal`). */
const publicFiles = (module: string): ReadonlyArray<{ readonly file: string; readonly text: string }> => {
  const dir = new URL(`src/${module}/`, root)
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => ({ file: `src/${module}/${name}`, text: readFileSync(new URL(name, dir), 'utf8') }))
    .filter(({ text }) => !/^\s*\*\s*@internal/m.test(text.slice(0, 2000)))
}

/** Each exported declaration with the doc comment right before it (or null). */
const exportsOf = (text: string): ReadonlyArray<{ readonly symbol: string; readonly doc: string | null }> => {
  const source = ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, true)
  const out: Array<{ symbol: string; doc: string | null }> = []
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    if (!exported) continue
    const names = ts.isVariableStatement(statement)
      ? statement.declarationList.declarations.map((d) => d.name.getText(source))
      : 'name' in statement && statement.name !== undefined
        ? [(statement.name as ts.Identifier).getText(source)]
        : []
    const comments = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? []
    const last = comments[comments.length - 1]
    const doc = last !== undefined && text.slice(last.pos, last.pos + 3) === '/**' ? text.slice(last.pos, last.end) : null
    for (const symbol of names) out.push({ symbol, doc })
  }
  return out
}

/** The code of an `@example` tag: the comment lines after it, up to the next tag. */
const exampleOf = (doc: string): string | null => {
  const lines = doc
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
  const start = lines.findIndex((line) => line.trim() === '@example')
  if (start === -1) return null
  const code: Array<string> = []
  for (const line of lines.slice(start + 1)) {
    if (/^@\w+/.test(line.trim())) break
    code.push(line)
  }
  return code.join('\n').trim()
}

const docExamples: ReadonlyArray<DocExample> = MODULES.flatMap((module) =>
  publicFiles(module).flatMap(({ file, text }) =>
    exportsOf(text).flatMap(({ symbol, doc }) => {
      const code = doc === null ? null : exampleOf(doc)
      return code === null ? [] : [{ module, file, symbol, code }]
    }),
  ),
)

// -------------------------------------------------------------------------------------
// writing the examples out
// -------------------------------------------------------------------------------------

const guideFiles = guideBlocks.map((_, index) => new URL(`guide-${index + 1}.ts`, outDir))
const docFiles = docExamples.map((e) => new URL(`doc-${e.module}-${e.symbol}.ts`, outDir))

beforeAll(() => {
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  guideBlocks.forEach((source, index) => writeFileSync(guideFiles[index]!, againstSources(source)))
  // `export {}` makes each file a module of its own, so that names do not clash between examples.
  docExamples.forEach((e, index) => writeFileSync(docFiles[index]!, `${againstSources(e.code)}\nexport {}\n`))
  writeFileSync(
    new URL('run-doc-examples.ts', outDir),
    [
      "import { pathToFileURL } from 'node:url'",
      'const failures: Array<{ file: string; error: string }> = []',
      'for (const file of process.argv.slice(2)) {',
      '  try {',
      '    await import(pathToFileURL(file).href)',
      '  } catch (error) {',
      '    failures.push({ file, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })',
      '  }',
      '}',
      'process.stdout.write(`\\n${JSON.stringify(failures)}\\n`)',
      'process.exit(0)',
      '',
    ].join('\n'),
  )
})

// -------------------------------------------------------------------------------------
// tests
// -------------------------------------------------------------------------------------

describe('docs/guide.md', () => {
  it('has one example per step (decode, classify, retry, report) and more', () => {
    for (const heading of ['## 1. Decode', '## 2. Classify', '## 3. Retry', '## 4. Report']) expect(guide).toContain(heading)
    expect(guideBlocks.length).toBeGreaterThanOrEqual(4)
  })
  guideBlocks.forEach((source, index) => {
    it(`example ${index + 1} prints what its comments say`, () => {
      const result = run(guideFiles[index]!)
      expect(result.stderr).toBe('')
      expect(result.status).toBe(0)
      const printed = result.stdout.trim().split('\n').map(normalise)
      expect(printed).toEqual(expectedOutput(source).map(normalise))
    })
  })
})

describe('doc comments of the acting-on-errors modules', () => {
  it('every export has a doc comment with an @example, @since and @category', () => {
    const missing: Array<string> = []
    for (const module of MODULES) {
      for (const { file, text } of publicFiles(module)) {
        for (const { symbol, doc } of exportsOf(text)) {
          if (doc === null || exampleOf(doc) === null || !doc.includes('@since') || !doc.includes('@category')) missing.push(`${file}: ${symbol}`)
        }
      }
    }
    expect(missing).toEqual([])
    expect(docExamples.length).toBeGreaterThan(40)
  })
  it('every example runs without throwing (its assertions hold)', () => {
    const result = run(
      new URL('run-doc-examples.ts', outDir),
      docFiles.map((f) => fileURLToPath(f)),
    )
    expect(result.status).toBe(0)
    const failures = JSON.parse(result.stdout.trim().split('\n').pop() ?? '[]') as Array<{ file: string; error: string }>
    expect(failures).toEqual([])
  }, 60_000)
})

describe('typechecking', () => {
  it('the guide examples and the doc examples are valid TypeScript (strict)', () => {
    const files = [...guideFiles, ...docFiles].map((f) => fileURLToPath(f))
    const program = ts.createProgram(files, {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: ['node'],
      skipLibCheck: true,
      noEmit: true,
    })
    const ours = new Set(files)
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file !== undefined && ours.has(d.file.fileName))
      .map((d) => `${d.file?.fileName.split('/').pop()}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)
    expect(problems).toEqual([])
  }, 120_000)
})
