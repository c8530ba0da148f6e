import { describe, expect, it } from 'vitest'
import * as _ from '../../src/cli/main.js'
import { memoryIO } from './memoryIO.js'

const run = async (argv: ReadonlyArray<string>) => {
  const m = memoryIO()
  const code = await _.runCli(argv, m.io)
  return { code, out: m.out(), err: m.err() }
}

describe('runCli', () => {
  it('prints the help with every command: exit 2 without a command, 0 when asked', async () => {
    const none = await run([])
    expect([none.code, none.out]).toEqual([2, _.MAIN_HELP()])
    for (const flag of ['--help', '-h', 'help']) expect(await run([flag])).toEqual({ code: 0, out: _.MAIN_HELP(), err: '' })
    for (const name of ['explain', 'classify', 'lookup', 'validate', 'catalog', 'docs']) expect(_.MAIN_HELP()).toMatch(new RegExp(`^  ${name} +\\S`, 'm'))
  })
  it('prints the version', async () => {
    for (const flag of ['--version', '-v']) expect(await run([flag])).toEqual({ code: 0, out: 'otc-errors 0.1.0\n', err: '' })
  })
  it('names the commands for an unknown one, exit 2', async () => {
    const r = await run(['expain', 'x'])
    expect(r.code).toBe(2)
    expect(r.err).toBe(`otc-errors: unknown command "expain"; commands: explain, classify, lookup, validate, catalog, docs\nTry 'otc-errors --help'.\n`)
  })
  it('hands the rest of the arguments to the command', async () => {
    const r = await run(['lookup', 'APIGW.0308', '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ code: 'APIG.0308', known: true })
    expect((await run(['lookup', 'NOPE.1'])).code).toBe(1)
  })
})
