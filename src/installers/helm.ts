/** Helm: a pinned, checksum-verified release archive, or the helm already on PATH ('system'). */
import path from 'node:path'
import * as io from '@actions/io'
import type { ActionConfig } from '../contracts/config.js'
import { InputError } from '../contracts/errors.js'
import type { Logger } from '../contracts/reporter.js'
import { execTool, KUBE_ENV } from '../programs/exec.js'
import { checksumTable, type ChecksumEntries } from './checksums.js'
import { InstallError, installArchive } from './installer.js'
import { helmArchiveName, type HelmArch } from './versions.js'

export interface InstalledHelm {
  readonly path: string
  /** Without the leading v, e.g. 3.19.0. */
  readonly version: string
}

export interface HelmInstallOptions {
  /** Extra or replacing digests (see checksums.ts); verification stays on. */
  readonly checksums?: ChecksumEntries
  /** Defaults to the machine's. */
  readonly arch?: HelmArch
}

/** Helm's release archives are 15 to 25 MB; a mirror that sends far more is broken or hostile. */
export const HELM_MAX_BYTES = 128 * 1024 * 1024

export type HelmConfig = Pick<ActionConfig, 'helmVersion' | 'helmDownloadUrl'>

/** Node's process.arch -> the arch in Helm's archive names. */
export function helmArch(nodeArch: string = process.arch): HelmArch {
  if (nodeArch === 'x64') return 'amd64'
  if (nodeArch === 'arm64') return 'arm64'
  throw new InstallError(
    `helm: no pinned archive for this machine's architecture (${nodeArch}); use helm-version: system`
  )
}

export function helmUrl(baseUrl: string, version: string, arch: HelmArch): string {
  return `${baseUrl.replace(/\/+$/, '')}/${helmArchiveName(version, arch)}`
}

/** `helm version --short` prints e.g. v3.19.0+g3d8990f. */
export function parseHelmVersion(output: string): string | undefined {
  return /v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)/.exec(output)?.[1]
}

export async function installHelm(
  config: HelmConfig,
  log: Logger,
  options: HelmInstallOptions = {}
): Promise<InstalledHelm> {
  if (config.helmVersion.kind === 'system') return systemHelm(log)
  const version = config.helmVersion.version
  const arch = options.arch ?? helmArch()
  const archiveName = helmArchiveName(version, arch)
  const table = await checksumTable(options.checksums)
  const digest = table.get(archiveName)
  if (!digest) throw unknownVersion(version, arch, [...table.keys()])
  const root = await installArchive(
    {
      tool: 'helm',
      version,
      url: helmUrl(config.helmDownloadUrl, version, arch),
      archiveName,
      digest,
      root: `linux-${arch}`,
      binary: 'helm',
      arch,
      maxBytes: HELM_MAX_BYTES
    },
    log
  )
  return { path: path.join(root, 'helm'), version }
}

async function systemHelm(log: Logger): Promise<InstalledHelm> {
  const found = await io.which('helm', false)
  if (!found) throw new InstallError("helm-version is 'system' but there is no helm on PATH")
  const { stdout } = await execTool(found, ['version', '--short'], {
    inherit: KUBE_ENV,
    timeoutMs: 60_000
  })
  const version = parseHelmVersion(stdout)
  if (!version) throw new InstallError(`${found} version --short printed no version: ${stdout.trim()}`)
  log.info(`helm ${version}: the one on PATH (${found})`)
  return { path: found, version }
}

/** No unverified downloads: a version without a digest is refused, listing what is known. */
function unknownVersion(version: string, arch: HelmArch, archives: string[]): InputError {
  const suffix = `-linux-${arch}.tar.gz`
  const known = archives
    .filter(name => name.startsWith('helm-v') && name.endsWith(suffix))
    .map(name => name.slice('helm-v'.length, -suffix.length))
  return new InputError(
    'helm-version',
    `'system' or a version with a pinned sha256 for linux-${arch} (${known.join(', ')}); ` +
      'to add one, put its published checksum in src/installers/versions.ts',
    version
  )
}
