import { readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import {
  kubeconfigSecrets,
  kubeEnv,
  kubeconfigText,
  writeKubeconfig
} from '../../../src/deployment/kubeconfig.js'
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

const KEY_PEM =
  '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIFakeKeyMaterialLine1AAAAAAAAAAAAAAA\nMoreFakeKeyMaterialLine2BBBBBBBBBBBB\n-----END EC PRIVATE KEY-----\n'
const KEY_DATA = Buffer.from(KEY_PEM).toString('base64')
const CERT_DATA = Buffer.from(
  '-----BEGIN CERTIFICATE-----\nMIIBFakeCertLine\n-----END CERTIFICATE-----\n'
).toString('base64')
const WITH_CREDENTIALS = [
  'apiVersion: v1',
  'kind: Config',
  'clusters:',
  '- cluster: {server: https://10.0.0.1:6443}',
  '  name: c',
  'users:',
  '- name: ci',
  '  user:',
  '    token: eyJhbGciOiJSUzI1NiJ9.fake-token',
  `    client-key-data: ${KEY_DATA}`,
  `    client-certificate-data: "${CERT_DATA}"`,
  "    password: 'hunter2hunter2'",
  ''
].join('\n')

describe('kubeconfigSecrets: what the runner must mask', () => {
  const expectMasked = (secrets: string[]) => {
    for (const secret of [
      'eyJhbGciOiJSUzI1NiJ9.fake-token',
      KEY_DATA,
      CERT_DATA,
      'hunter2hunter2',
      'MHcCAQEEIFakeKeyMaterialLine1AAAAAAAAAAAAAAA', // the decoded key, line by line
      'MoreFakeKeyMaterialLine2BBBBBBBBBBBB',
      'token: eyJhbGciOiJSUzI1NiJ9.fake-token', // each line of the YAML
      '- cluster: {server: https://10.0.0.1:6443}'
    ]) {
      expect(secrets).toContain(secret)
    }
    // Structure is not a secret: masking it would star out every log line that mentions it.
    for (const structure of [
      'users:',
      'user:',
      '',
      '- name: ci',
      'name: c',
      '-----BEGIN EC PRIVATE KEY-----'
    ]) {
      expect(secrets).not.toContain(structure)
    }
    expect(secrets.every(secret => !secret.includes('\n'))).toBe(true)
  }

  it('masks each line and each embedded credential of a YAML kubeconfig', () => {
    expectMasked(kubeconfigSecrets(WITH_CREDENTIALS))
  })

  it('masks the decoded credentials of a base64-encoded kubeconfig, and the base64 lines', () => {
    const encoded = Buffer.from(WITH_CREDENTIALS).toString('base64')
    const wrapped = encoded.replace(/(.{76})/g, '$1\n')
    const secrets = kubeconfigSecrets(wrapped)
    expectMasked(secrets)
    for (const line of wrapped.split('\n').filter(Boolean)) expect(secrets).toContain(line)
  })

  it('finds the credentials of a JSON kubeconfig', () => {
    const json = JSON.stringify({ apiVersion: 'v1', users: [{ user: { token: 'json-token-value' } }] })
    expect(kubeconfigSecrets(json)).toContain('json-token-value')
  })
})
