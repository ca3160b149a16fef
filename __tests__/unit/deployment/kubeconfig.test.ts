import { readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { kubeEnv, kubeconfigText, writeKubeconfig } from '../../../src/deployment/kubeconfig.js'
import { tempDirs } from '../../helpers/temp-dirs.js'

const YAML = 'apiVersion: v1\nkind: Config\nclusters: []\n'

const temp = tempDirs('kc-')

describe('kubeconfig', () => {
  it('writes the input 0600 into the run temp dir and gives it only via env', async () => {
    const dir = temp()
    const before = process.env.KUBECONFIG
    const file = await writeKubeconfig(YAML, dir)
    expect(file).toBe(path.join(dir, 'kubeconfig'))
    expect(statSync(file!).mode & 0o777).toBe(0o600)
    expect(readFileSync(file!, 'utf8')).toBe(YAML)
    expect(kubeEnv(file)).toEqual({ KUBECONFIG: file })
    expect(process.env.KUBECONFIG).toBe(before)
  })

  it('makes a file that already existed private too', async () => {
    const dir = temp()
    writeFileSync(path.join(dir, 'kubeconfig'), 'old', { mode: 0o644 })
    const file = await writeKubeconfig(YAML, dir)
    expect(statSync(file!).mode & 0o777).toBe(0o600)
  })

  it('uses the current context when the input is empty', async () => {
    expect(await writeKubeconfig('', '/nonexistent')).toBeUndefined()
    expect(await writeKubeconfig(undefined, '/nonexistent')).toBeUndefined()
    expect(kubeEnv(undefined)).toEqual({})
  })

  it('accepts a base64-encoded kubeconfig', () => {
    expect(kubeconfigText(Buffer.from(YAML).toString('base64'))).toBe(YAML)
    expect(kubeconfigText(YAML)).toBe(YAML)
  })
})
