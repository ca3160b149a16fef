/**
 * A loopback mirror of get.helm.sh and archive.apache.org for the e2e tier: the test cluster's helm builds
 * as release archives and the assembled JMeter 5.6.3, with a CARTS_DEPLOY_CHECKSUMS_FILE of their digests.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildHelmArchive, JMETER_TGZ, sha, startServer, type ArchiveServer } from './tool-archives.js'

export interface ToolMirror {
  readonly server: ArchiveServer
  /** The JSON file of the archives' digests (what the action verifies them against). */
  readonly checksums: string
}

/** `helms`: version -> the binary to publish as that version's archive. */
export async function startToolMirror(
  dir: string,
  helms: Readonly<Record<string, string>>
): Promise<ToolMirror> {
  const server = await startServer()
  const digests: Record<string, string> = {}
  for (const [version, binary] of Object.entries(helms)) {
    const archive = await buildHelmArchive(binary, dir, version)
    server.serve(`/${path.basename(archive)}`, archive)
    digests[path.basename(archive)] = `sha256:${await sha('sha256', archive)}`
  }
  server.serve('/apache-jmeter-5.6.3.tgz', JMETER_TGZ)
  digests['apache-jmeter-5.6.3.tgz'] = `sha512:${await sha('sha512', JMETER_TGZ)}`
  const checksums = path.join(dir, 'checksums.json')
  writeFileSync(checksums, JSON.stringify(digests))
  return { server, checksums }
}

/**
 * What a job of the bundled action on the test cluster takes from the mirror (the first helm it serves,
 * JMeter, their digests) and a tool cache under `root`: spread into a job's inputs and environment.
 */
export function fromMirror(mirror: ToolMirror, root: string, helmVersion = '3.22.0') {
  return {
    inputs: {
      'helm-version': helmVersion,
      'helm-download-url': mirror.server.url,
      'jmeter-download-url': mirror.server.url
    },
    env: { RUNNER_TOOL_CACHE: path.join(root, 'tool-cache'), CARTS_DEPLOY_CHECKSUMS_FILE: mirror.checksums }
  }
}
