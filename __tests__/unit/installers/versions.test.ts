/** The pure parts of the install step: the pinned table, digests, URLs and version parsing. */
import { describe, expect, it } from '@jest/globals'
import { INPUTS } from '../../../src/contracts/action-interface.js'
import { ConfigFileError } from '../../../src/contracts/errors.js'
import { checksumTable, parseDigest, parseEntries } from '../../../src/installers/checksums.js'
import { helmArch, helmUrl, parseHelmVersion } from '../../../src/installers/helm.js'
import { jmeterUrl, parseJavaMajor, parseJmeterVersion } from '../../../src/installers/jmeter.js'
import {
  DEFAULT_HELM_VERSION,
  DEFAULT_JMETER_VERSION,
  HELM_SHA256,
  JMETER_SHA512,
  pinnedDigests
} from '../../../src/installers/versions.js'

describe('the pinned table', () => {
  it('holds well-formed digests only', () => {
    for (const archs of Object.values(HELM_SHA256)) {
      for (const hex of Object.values(archs)) expect(hex).toMatch(/^[0-9a-f]{64}$/)
    }
    for (const hex of Object.values(JMETER_SHA512)) expect(hex).toMatch(/^[0-9a-f]{128}$/)
  })

  it('pins the inputs’ default versions, for both helm archs', () => {
    expect(INPUTS['helm-version'].default).toBe(DEFAULT_HELM_VERSION)
    expect(INPUTS['jmeter-version'].default).toBe(DEFAULT_JMETER_VERSION)
    expect(Object.keys(HELM_SHA256[DEFAULT_HELM_VERSION])).toEqual(['amd64', 'arm64'])
    expect(JMETER_SHA512[DEFAULT_JMETER_VERSION]).toBeDefined()
  })

  it('has a Helm 4 entry', () => {
    expect(Object.keys(HELM_SHA256).some(v => v.startsWith('4.'))).toBe(true)
  })

  it('is looked up by archive file name', () => {
    const table = pinnedDigests()
    expect(table.get('helm-v3.19.0-linux-amd64.tar.gz')).toEqual({
      algorithm: 'sha256',
      hex: 'a7f81ce08007091b86d8bd696eb4d86b8d0f2e1b9f6c714be62f82f96a594496'
    })
    expect(table.get('helm-v3.19.0-linux-arm64.tar.gz')?.hex).toBe(
      '440cf7add0aee27ebc93fada965523c1dc2e0ab340d4348da2215737fc0d76ad'
    )
    expect(table.get('apache-jmeter-5.6.3.tgz')?.algorithm).toBe('sha512')
    expect(table.get('helm-v3.18.0-linux-amd64.tar.gz')).toBeUndefined()
  })
})

describe('extra digests', () => {
  const hex256 = 'ab'.repeat(32)

  it('parse sha256/sha512 of the right length only', () => {
    expect(parseDigest(`sha256:${hex256}`)).toEqual({ algorithm: 'sha256', hex: hex256 })
    expect(parseDigest(`sha512:${'CD'.repeat(64)}`)).toEqual({ algorithm: 'sha512', hex: 'cd'.repeat(64) })
    for (const bad of ['', 'sha256:', `sha256:${hex256}0`, `md5:${hex256}`, hex256, `sha512:${hex256}`]) {
      expect(parseDigest(bad)).toBeUndefined()
    }
  })

  it('reject the whole set on one bad entry: an override can replace a digest, never remove the check', () => {
    const bad = [
      { 'helm-v3.19.0-linux-amd64.tar.gz': '' },
      { 'helm-v3.19.0-linux-amd64.tar.gz': 'none' },
      { 'helm-v3.19.0-linux-amd64.tar.gz': null },
      { '../helm.tar.gz': `sha256:${hex256}` },
      ['sha256:x'],
      'sha256'
    ]
    for (const entries of bad) expect(() => parseEntries(entries, 'x.json')).toThrow(ConfigFileError)
  })

  it('layer over the pinned table, last wins, with their origin', async () => {
    const table = await checksumTable({ 'helm-v3.19.0-linux-amd64.tar.gz': `sha256:${hex256}` })
    expect(table.get('helm-v3.19.0-linux-amd64.tar.gz')).toEqual({
      algorithm: 'sha256',
      hex: hex256,
      origin: 'checksums option'
    })
    expect(table.get('helm-v3.19.0-linux-arm64.tar.gz')?.origin).toBe('pinned')
  })
})

describe('URLs', () => {
  it('join the base URL (trailing slashes or not) and the published archive name', () => {
    expect(helmUrl('https://get.helm.sh', '3.19.0', 'amd64')).toBe(
      'https://get.helm.sh/helm-v3.19.0-linux-amd64.tar.gz'
    )
    expect(helmUrl('http://127.0.0.1:8080/mirror//', '4.0.0', 'arm64')).toBe(
      'http://127.0.0.1:8080/mirror/helm-v4.0.0-linux-arm64.tar.gz'
    )
    expect(jmeterUrl('https://archive.apache.org/dist/jmeter/binaries/', '5.6.3')).toBe(
      'https://archive.apache.org/dist/jmeter/binaries/apache-jmeter-5.6.3.tgz'
    )
  })

  it('map Node’s arch to Helm’s, refusing the others', () => {
    expect(helmArch('x64')).toBe('amd64')
    expect(helmArch('arm64')).toBe('arm64')
    expect(() => helmArch('s390x')).toThrow(/no pinned archive for this machine's architecture \(s390x\)/)
  })
})

describe('version parsing', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment', 17],
    ['java version "1.8.0_392"\nJava(TM) SE Runtime Environment', 8],
    ['openjdk version "21" 2023-09-19', 21],
    ['openjdk version "11.0.2-ea" 2019-01-15', 11],
    ['java version "1.7.0_80"', 7],
    ['openjdk version "25-ea" 2025-09-16', 25]
  ])('java -version %j -> %d', (output, major) => {
    expect(parseJavaMajor(output)).toBe(major)
  })

  it('finds no Java version in unrelated output', () => {
    expect(parseJavaMajor('bash: java: command not found')).toBeUndefined()
  })

  it('reads helm version --short', () => {
    expect(parseHelmVersion('v3.19.0+g3d8990f\n')).toBe('3.19.0')
    expect(parseHelmVersion('v4.0.0\n')).toBe('4.0.0')
    expect(parseHelmVersion('Error: unknown flag')).toBeUndefined()
  })

  it('reads jmeter --version below its banner', () => {
    // As printed by the real 5.6.3 (log4j warnings first, the version closing the banner's last line).
    const banner = [
      'WARN StatusConsoleListener The use of package scanning to locate plugins is deprecated',
      '    _    ____   _    ____ _   _ _____       _ __  __ _____ _____ _____ ____',
      '/_/   \\_\\_| /_/   \\_\\____|_| |_|_____|  \\___/|_|  |_|_____| |_| |_____|_| \\_\\ 5.6.3',
      '',
      'Copyright (c) 1999-2024 The Apache Software Foundation'
    ].join('\n')
    expect(parseJmeterVersion(banner)).toBe('5.6.3')
  })
})
