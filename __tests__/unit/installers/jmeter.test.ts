/**
 * installJmeter on the real path: Java checked first, then the real JMeter 5.6.3 tgz assembled by
 * e2e/jmeter/assemble.sh, served from a loopback server, verified, extracted and cached.
 */
import { existsSync } from 'node:fs'
import { chmod, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from '@jest/globals'
import type { ActionConfig } from '../../../src/contracts/config.js'
import { installJmeter } from '../../../src/installers/jmeter.js'
import { execTool } from '../../../src/programs/exec.js'
import {
  archiveTestBed,
  collectingLog,
  JMETER_TGZ,
  leftovers,
  sha,
  tempDir
} from '../../helpers/tool-archives.js'

const ARCHIVE = 'apache-jmeter-5.6.3.tgz'
const HAVE_TGZ = existsSync(JMETER_TGZ)
const withTgz = HAVE_TGZ ? it : it.skip

let digest: string
const bed = archiveTestBed(async server => {
  if (HAVE_TGZ) {
    // Assembled locally from the Maven Central jars, so its digest is injected (the .sha512 beside it).
    digest = await sha('sha512', JMETER_TGZ)
    server.serve(`/jmeter/binaries/${ARCHIVE}`, JMETER_TGZ)
  }
})
const saved = { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME, JRE_HOME: process.env.JRE_HOME }

const config = (version: 'system' | '5.6.3' | '5.5' = '5.6.3') =>
  ({
    jmeterVersion: version === 'system' ? { kind: 'system' } : { kind: 'pinned', version },
    jmeterDownloadUrl: `${bed.server.url}/jmeter/binaries/`
  }) as Pick<ActionConfig, 'jmeterVersion' | 'jmeterDownloadUrl'>
const checksums = () => ({ [ARCHIVE]: `sha512:${digest}` })

/** A directory holding only a `java` that prints the given `java -version` text (on stderr, like java). */
async function fakeJava(versionLine: string): Promise<string> {
  const dir = await tempDir('fake-java-')
  // Reads its empty stdin before exiting: see the EPIPE note in fixtures.ts.
  await writeFile(path.join(dir, 'java'), `#!/bin/sh\nread -r _ || true\necho '${versionLine}' >&2\n`)
  await chmod(path.join(dir, 'java'), 0o755)
  return dir
}

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})

describe('installJmeter', () => {
  withTgz(
    'installs the real 5.6.3 from the server; the second install reuses the cache; it runs',
    async () => {
      const { log, info } = collectingLog()
      const jmeter = await installJmeter(config(), log, { checksums: checksums() })
      expect(jmeter.version).toBe('5.6.3')
      expect(jmeter.home).toBe(path.join(bed.dirs.cache, 'jmeter', '5.6.3', process.arch))
      expect(jmeter.bin).toBe(path.join(jmeter.home, 'bin', 'jmeter'))
      expect(existsSync(path.join(jmeter.home, 'bin', 'ApacheJMeter.jar'))).toBe(true)
      expect(info.join('\n')).toMatch(/java \d+: /)
      expect(info.join('\n')).toContain(`${ARCHIVE}: sha512 verified (checksums option)`)

      const again = await installJmeter(config(), log, { checksums: checksums() })
      expect(again).toEqual(jmeter)
      expect(bed.server.requests).toEqual([`/jmeter/binaries/${ARCHIVE}`])
      expect(leftovers(bed.dirs.temp)).toEqual([])

      const { stdout, stderr } = await execTool(jmeter.bin, ['--version'], { timeoutMs: 60_000 })
      expect(stdout + stderr).toMatch(/5\.6\.3\s*$/m)
    },
    120_000
  )

  withTgz(
    'refuses it against the published sha512 (the bytes differ) and caches nothing',
    async () => {
      const run = installJmeter(config(), collectingLog().log)
      await expect(run).rejects.toThrow(
        `${ARCHIVE} from ${bed.server.url}/jmeter/binaries/${ARCHIVE}: sha512 mismatch (expected 5978a1a35edb5a7d428e270564ff49d2b1b257a65e17a759d259a9283fc17093e522fe46f474a043864aea6910683486340706d745fcdf3db1505fd71e689083, got ${digest})`
      )
      expect(leftovers(bed.dirs.cache)).toEqual([])
      expect(leftovers(bed.dirs.temp)).toEqual([])
    },
    60_000
  )

  withTgz(
    "uses the jmeter on PATH for 'system' and reports its version",
    async () => {
      const installed = await installJmeter(config(), collectingLog().log, { checksums: checksums() })
      process.env.PATH = `${path.dirname(installed.bin)}:${saved.PATH}`
      const system = await installJmeter(config('system'), collectingLog().log)
      expect(system).toEqual(installed)
    },
    120_000
  )

  it('refuses a version without a pinned checksum, before any download', async () => {
    await expect(installJmeter(config('5.5'), collectingLog().log)).rejects.toThrow(
      /Input 'jmeter-version': expected 'system' or a version with a pinned sha512 \(5\.6\.3\); to add one, put its published checksum in src\/installers\/versions\.ts, got "5\.5"/
    )
    expect(bed.server.requests).toEqual([])
  })

  it('checks Java first: missing Java names actions/setup-java, and nothing is downloaded', async () => {
    process.env.PATH = await tempDir('no-java-')
    delete process.env.JAVA_HOME
    delete process.env.JRE_HOME
    await expect(installJmeter(config(), collectingLog().log, { checksums: {} })).rejects.toThrow(
      'Java not found: add actions/setup-java (Java >= 8) before this step'
    )
    expect(bed.server.requests).toEqual([])
  })

  it('refuses a Java older than 8 with the version it found', async () => {
    const dir = await fakeJava('java version "1.7.0_80"')
    process.env.PATH = dir
    delete process.env.JAVA_HOME
    await expect(installJmeter(config(), collectingLog().log)).rejects.toThrow(
      `Java 7 at ${path.join(dir, 'java')} is too old for JMeter: add actions/setup-java (Java >= 8) before this step`
    )
    expect(bed.server.requests).toEqual([])
  })

  it('prefers JAVA_HOME over PATH, as bin/jmeter does', async () => {
    process.env.PATH = await fakeJava('java version "1.6.0_45"')
    delete process.env.JRE_HOME
    const home = await tempDir('java-home-')
    await rename(await fakeJava('openjdk version "17.0.15" 2025-04-15'), path.join(home, 'bin'))
    process.env.JAVA_HOME = home
    // Java passes (17 from JAVA_HOME), so the next check speaks: the unknown version.
    await expect(installJmeter(config('5.5'), collectingLog().log)).rejects.toThrow(/jmeter-version/)
    delete process.env.JAVA_HOME
    await expect(installJmeter(config('5.5'), collectingLog().log)).rejects.toThrow(/Java 6 at/)
  })
})
