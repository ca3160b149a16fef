/** JMeter: Java checked first, then a pinned, checksum-verified archive or the jmeter on PATH. */
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import * as io from '@actions/io'
import type { ActionConfig } from '../contracts/config.js'
import { InputError } from '../contracts/errors.js'
import type { Logger } from '../contracts/reporter.js'
import { execTool, JAVA_ENV } from '../programs/exec.js'
import { checksumTable, type ChecksumEntries, type ResolvedDigest } from './checksums.js'
import { InstallError, installArchive, isExecutable } from './installer.js'
import { jmeterArchiveName } from './versions.js'

/** JMeter 5.x refuses to start on older Java. */
export const MIN_JAVA_MAJOR = 8

export interface InstalledJmeter {
  /** JMETER_HOME: the directory holding bin/ and lib/. */
  readonly home: string
  /** The bin/jmeter launcher. */
  readonly bin: string
  readonly version: string
}

export interface JmeterInstallOptions {
  readonly checksums?: ChecksumEntries
}

/** JMeter 5.x binary archives are 60 to 90 MB; a mirror that sends far more is broken or hostile. */
export const JMETER_MAX_BYTES = 256 * 1024 * 1024

export type JmeterConfig = Pick<ActionConfig, 'jmeterVersion' | 'jmeterDownloadUrl'>

export function jmeterUrl(baseUrl: string, version: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${jmeterArchiveName(version)}`
}

/** `java -version` (on stderr): `openjdk version "17.0.15"`, `java version "1.8.0_392"`, `"21"`. */
export function parseJavaMajor(output: string): number | undefined {
  const quoted = /version "([^"]+)"/.exec(output)?.[1]
  if (!quoted) return undefined
  const parts = quoted
    .split(/[^0-9]+/)
    .filter(Boolean)
    .map(Number)
  // Up to Java 8 the major was the second number of 1.x.
  return parts[0] === 1 ? parts[1] : parts[0]
}

/** `jmeter --version` ends the last line of its ASCII-art banner with the version. */
export function parseJmeterVersion(output: string): string | undefined {
  return /(?:^|\s)(\d+\.\d+(?:\.\d+)?)[ \t]*$/m.exec(output)?.[1]
}

/** Finds java the way bin/jmeter does (JAVA_HOME, JRE_HOME, PATH) and checks its version. */
export async function checkJava(log: Logger): Promise<number> {
  const java = await findJava()
  const hint = `add actions/setup-java (Java >= ${MIN_JAVA_MAJOR}) before this step`
  if (!java) throw new InstallError(`Java not found: ${hint}`)
  const { stdout, stderr } = await execTool(java, ['-version'], {
    allowFailure: true,
    inherit: JAVA_ENV,
    timeoutMs: 60_000
  })
  const major = parseJavaMajor(stderr + stdout)
  if (major === undefined) throw new InstallError(`${java} -version printed no version: ${hint}`)
  if (major < MIN_JAVA_MAJOR) {
    throw new InstallError(`Java ${major} at ${java} is too old for JMeter: ${hint}`)
  }
  log.info(`java ${major}: ${java}`)
  return major
}

async function findJava(): Promise<string | undefined> {
  for (const home of [process.env.JAVA_HOME, process.env.JRE_HOME]) {
    if (home && (await isExecutable(path.join(home, 'bin', 'java')))) return path.join(home, 'bin', 'java')
  }
  return (await io.which('java', false)) || undefined
}

export async function installJmeter(
  config: JmeterConfig,
  log: Logger,
  options: JmeterInstallOptions = {}
): Promise<InstalledJmeter> {
  return (await prepareJmeter(config, log, options))()
}

/**
 * Checks what can be checked at once (Java, the version and its digest) and returns the slow part, the
 * download and unpacking, to run when the caller likes (the install step overlaps it with the deploy).
 */
export async function prepareJmeter(
  config: JmeterConfig,
  log: Logger,
  options: JmeterInstallOptions = {}
): Promise<() => Promise<InstalledJmeter>> {
  await checkJava(log)
  if (config.jmeterVersion.kind === 'system') {
    const system = await systemJmeter(log)
    return async () => system
  }
  const version = config.jmeterVersion.version
  const archiveName = jmeterArchiveName(version)
  const table = await checksumTable(options.checksums)
  const digest = table.get(archiveName)
  if (!digest) throw unknownVersion(version, [...table.keys()])
  return () => unpackJmeter(config, version, archiveName, digest, log)
}

async function unpackJmeter(
  config: JmeterConfig,
  version: string,
  archiveName: string,
  digest: ResolvedDigest,
  log: Logger
): Promise<InstalledJmeter> {
  const home = await installArchive(
    {
      tool: 'jmeter',
      version,
      url: jmeterUrl(config.jmeterDownloadUrl, version),
      archiveName,
      digest,
      root: `apache-jmeter-${version}`,
      binary: path.join('bin', 'jmeter'),
      maxBytes: JMETER_MAX_BYTES
    },
    log
  )
  return { home, bin: path.join(home, 'bin', 'jmeter'), version }
}

async function systemJmeter(log: Logger): Promise<InstalledJmeter> {
  const found = await io.which('jmeter', false)
  if (!found) throw new InstallError("jmeter-version is 'system' but there is no jmeter on PATH")
  // PATH often holds a symlink (/usr/local/bin/jmeter); JMETER_HOME is two levels above the real one.
  const bin = await realpath(found)
  const { stdout, stderr } = await execTool(bin, ['--version'], { inherit: JAVA_ENV, timeoutMs: 60_000 })
  const version = parseJmeterVersion(stdout + stderr)
  if (!version) throw new InstallError(`${bin} --version printed no version`)
  log.info(`jmeter ${version}: the one on PATH (${bin})`)
  return { home: path.dirname(path.dirname(bin)), bin, version }
}

function unknownVersion(version: string, archives: string[]): InputError {
  const known = archives
    .filter(name => name.startsWith('apache-jmeter-') && name.endsWith('.tgz'))
    .map(name => name.slice('apache-jmeter-'.length, -'.tgz'.length))
  return new InputError(
    'jmeter-version',
    `'system' or a version with a pinned sha512 (${known.join(', ')}); ` +
      'to add one, put its published checksum in src/installers/versions.ts',
    version
  )
}
