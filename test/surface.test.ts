// The public surface, pinned: the names the package root (`otc-errors`), `otc-errors/core` and
// `otc-errors/logs` export, values and types, against the committed list test/surface.json.
// A name added or removed is a decision: change the list in the same commit (and the CHANGELOG).
import { readFileSync } from 'node:fs'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import * as core from '../src/core.js'
import * as root from '../src/index.js'
import * as logs from '../src/logs-entry.js'

interface Surface {
  readonly values: ReadonlyArray<string>
  readonly types: ReadonlyArray<string>
}

const pinned = JSON.parse(readFileSync(new URL('surface.json', import.meta.url), 'utf8')) as Readonly<Record<'otc-errors' | 'otc-errors/logs', Surface>>
const src = new URL('../src/', import.meta.url).pathname

const ENTRIES = ['index.ts', 'core.ts', 'logs-entry.ts']
let program: ts.Program | undefined

/** The exported names of an entry point, as the compiler sees them: values (incl. classes and codecs) and type-only names. */
const declared = (entry: string): Surface => {
  if (program === undefined) {
    const config = ts.getParsedCommandLineOfConfigFile(
      new URL('../tsconfig.json', import.meta.url).pathname,
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    )
    if (config === undefined) throw new Error('tsconfig.json unreadable')
    program = ts.createProgram({ rootNames: ENTRIES.map((e) => `${src}${e}`), options: { ...config.options, noEmit: true } })
  }
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(`${src}${entry}`)
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source)
  if (module === undefined) throw new Error(`${entry} has no exports`)
  const values: Array<string> = []
  const types: Array<string> = []
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
    ;(symbol.flags & ts.SymbolFlags.Value ? values : types).push(exported.name)
  }
  return { values: values.sort(), types: types.sort() }
}

const keys = (module: object): ReadonlyArray<string> => Object.keys(module).sort()

describe('public surface', () => {
  it('the package root exports exactly the pinned values', () => {
    expect(keys(root)).toEqual(pinned['otc-errors'].values)
  })

  it('otc-errors/core exports the same names as the root (the root adds only the catalogue data)', () => {
    expect(keys(core)).toEqual(keys(root))
  })

  it('otc-errors/logs exports exactly the pinned values', () => {
    expect(keys(logs)).toEqual(pinned['otc-errors/logs'].values)
  })

  it('the type-level surface is pinned too', () => {
    expect(declared('index.ts')).toEqual(pinned['otc-errors'])
    expect(declared('core.ts')).toEqual(pinned['otc-errors'])
    expect(declared('logs-entry.ts')).toEqual(pinned['otc-errors/logs'])
  }, 60_000)
})
