/**
 * One install flow for every tool archive, like actions/setup-node: tool cache -> download -> verify ->
 * extract -> check the program is there -> cache. Nothing reaches the tool cache unless its digest
 * matched and it extracted completely, so a bad download can never be reused by a later run.
 */
import { constants } from 'node:fs'
import { access, mkdtemp, rm } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import path from 'node:path'
import * as tc from '@actions/tool-cache'
import { describe } from '../contracts/errors.js'
import type { Logger } from '../contracts/reporter.js'
import type { ResolvedDigest } from './checksums.js'
import { fileDigest } from './checksums.js'
import { downloadFile, downloadLimits, DownloadError } from './download.js'

/** An install that cannot go on; the message says what happened and that nothing was cached. */
export class InstallError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InstallError'
  }
}

export interface ArchiveSpec {
  /** Tool-cache name, also used in messages: 'helm', 'jmeter'. */
  readonly tool: string
  readonly version: string
  readonly url: string
  readonly archiveName: string
  readonly digest: ResolvedDigest
  /** Directory inside the extracted archive that is cached, e.g. 'linux-amd64'. */
  readonly root: string
  /** The program, relative to `root`, that must exist and be executable. */
  readonly binary: string
  /** Tool-cache arch key; defaults to the machine's (os.arch()). */
  readonly arch?: string
  /** Most bytes the download may write (CARTS_DEPLOY_DOWNLOAD_MAX_BYTES overrides it). */
  readonly maxBytes: number
}

/**
 * tool-cache reads RUNNER_TOOL_CACHE and RUNNER_TEMP when called (not at import) and fails without
 * them. A runner always sets both; outside one (the CLI, local runs) we give them stable defaults.
 */
export function ensureRunnerDirs(env: NodeJS.ProcessEnv = process.env): void {
  const cacheRoot = env.CARTS_CACHE || path.join(homedir(), '.cache', 'carts-deploy')
  env.RUNNER_TOOL_CACHE ||= path.join(cacheRoot, 'tool-cache')
  env.RUNNER_TEMP ||= tmpdir()
}

/** Installs (or finds) the archive's tool and returns the cached `root` directory. */
export async function installArchive(spec: ArchiveSpec, log: Logger): Promise<string> {
  ensureRunnerDirs()
  const cached = tc.find(spec.tool, spec.version, spec.arch)
  if (cached && (await isExecutable(path.join(cached, spec.binary)))) {
    log.info(`${spec.tool} ${spec.version}: found in the tool cache (${cached})`)
    return cached
  }
  const work = await mkdtemp(path.join(process.env.RUNNER_TEMP as string, `${spec.tool}-install-`))
  try {
    const archive = await download(spec, path.join(work, spec.archiveName))
    await verify(spec, archive, log)
    const root = await extract(spec, archive, path.join(work, 'extracted'))
    const dir = await tc.cacheDir(root, spec.tool, spec.version, spec.arch)
    log.info(`${spec.tool} ${spec.version}: installed into the tool cache (${dir})`)
    return dir
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** With a deadline, a stall limit and a size cap (download.ts); a failed download leaves no file. */
async function download(spec: ArchiveSpec, dest: string): Promise<string> {
  try {
    await downloadFile(spec.url, dest, downloadLimits(spec.maxBytes))
    return dest
  } catch (error) {
    const name = `${spec.tool} ${spec.version}`
    if (error instanceof DownloadError && error.status === 404) {
      throw new InstallError(`${name} not found at ${spec.url} (HTTP 404)`)
    }
    const why = error instanceof DownloadError ? error.message : describe(error)
    throw new InstallError(`${name}: download from ${spec.url} failed: ${why}; nothing was cached`)
  }
}

/** Before extracting: tar must never see bytes we have not verified. */
async function verify(spec: ArchiveSpec, archive: string, log: Logger): Promise<void> {
  const { algorithm, hex, origin } = spec.digest
  const actual = await fileDigest(archive, algorithm)
  if (actual !== hex) {
    await rm(archive, { force: true })
    throw new InstallError(
      `${spec.archiveName} from ${spec.url}: ${algorithm} mismatch (expected ${hex}, got ${actual}); ` +
        'the download was deleted and nothing was cached'
    )
  }
  log.info(`${spec.archiveName}: ${algorithm} verified (${origin === 'pinned' ? 'pinned value' : origin})`)
}

async function extract(spec: ArchiveSpec, archive: string, dest: string): Promise<string> {
  try {
    await tc.extractTar(archive, dest)
  } catch (error) {
    throw new InstallError(
      `${spec.archiveName} could not be extracted (truncated or corrupt archive?): ${describe(error)}; ` +
        'nothing was cached'
    )
  }
  const root = path.join(dest, spec.root)
  if (!(await isExecutable(path.join(root, spec.binary)))) {
    throw new InstallError(
      `${spec.archiveName} has no executable ${spec.root}/${spec.binary}; nothing was cached`
    )
  }
  return root
}

export async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}
