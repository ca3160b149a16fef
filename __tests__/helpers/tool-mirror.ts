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
