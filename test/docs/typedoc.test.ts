// The API reference gate: typedoc (typedoc.json: notDocumented, treatWarningsAsErrors) must pass,
// and every symbol the package root exports must carry an @example.
import { spawnSync } from 'node:child_process'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = new URL('../../', import.meta.url).pathname

/** Names exported from src/index.ts whose declarations have no `@example` tag. */
const withoutExample = (): ReadonlyArray<string> => {
  const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.build.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })
  if (config === undefined) throw new Error('tsconfig.build.json unreadable')
  const program = ts.createProgram({ rootNames: [`${root}src/index.ts`], options: { ...config.options, noEmit: true } })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(`${root}src/index.ts`)
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source)
  if (module === undefined) throw new Error('src/index.ts has no exports')
  return checker
    .getExportsOfModule(module)
    .filter((exported) => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
      return !(symbol.declarations ?? []).some((d) => ts.getJSDocTags(d).some((tag) => tag.tagName.text === 'example'))
    })
    .map((s) => `${s.name} (${s.declarations?.[0]?.getSourceFile().fileName.slice(root.length) ?? '?'})`)
    .sort()
}

describe('API documentation', () => {
  it('typedoc finds every export documented, with no warning', () => {
    const run = spawnSync(process.execPath, [`${root}node_modules/typedoc/bin/typedoc`, '--emit', 'none'], { cwd: root, encoding: 'utf8' })
    expect(`${run.stdout}${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/\[(warning|error)\]/)
    expect(run.status).toBe(0)
  }, 180_000)
  it('every export of the package root has an @example', () => {
    expect(withoutExample()).toEqual([])
  }, 120_000)
})
