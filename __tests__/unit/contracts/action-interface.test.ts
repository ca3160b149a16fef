/** action.yml and the README agree with the one list of inputs and outputs in the code. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { INPUTS, OUTPUTS } from '../../../src/contracts/action-interface.js'
import { REPO } from '../../helpers/paths.js'

interface ActionYml {
  inputs: Record<string, { description: string; required: boolean; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string; post: string }
  branding: object
}
const action = parse(readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as ActionYml
const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8')

describe('action.yml', () => {
  it('runs on node24 with a post step and branding', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post/index.js' })
    expect(action.branding).toBeDefined()
  })

  it('declares every input with its description, default and required flag', () => {
    expect(Object.keys(action.inputs)).toEqual(Object.keys(INPUTS))
    for (const [name, spec] of Object.entries(INPUTS)) {
      expect(action.inputs[name]).toEqual({
        description: spec.description,
        required: 'required' in spec,
        ...('default' in spec ? { default: spec.default } : {})
      })
    }
  })

  it('declares every output with its description', () => {
    expect(Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, v.description]))).toEqual(
      OUTPUTS
    )
  })
})

describe('README', () => {
  const rows = (section: string) =>
    readme
      .split(`<!-- ${section}:start -->`)[1]
      .split(`<!-- ${section}:end -->`)[0]
      .split('\n')
      .filter(line => /^\| `/.test(line))
      .map(line => line.split('|')[1].trim().replace(/`/g, ''))

  it('has one row per input and per output, in order', () => {
    expect(rows('inputs')).toEqual(Object.keys(INPUTS))
    expect(rows('outputs')).toEqual(Object.keys(OUTPUTS))
  })
})
