/** installHelm on the real path: a loopback server serving real tar.gz archives, the real tool cache. */
import { existsSync } from 'node:fs'
import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { ActionConfig } from '../../../src/contracts/config.js'
import { InputError } from '../../../src/contracts/errors.js'
import { CHECKSUMS_FILE_ENV } from '../../../src/installers/checksums.js'
import { installHelm } from '../../../src/installers/helm.js'
import { pinnedDigests } from '../../../src/installers/versions.js'
import { execTool } from '../../../src/programs/exec.js'
import {
  archiveTestBed,
  buildHelmArchive,
  collectingLog,
  leftovers,
  realHelm,
  sha,
  tar,
  tempDir
} from '../../helpers/tool-archives.js'

// With a real helm built, its own version (3.22.0 is pinned too); otherwise a stand-in ELF as 3.19.0.
const REAL_HELM = realHelm()
const VERSION = REAL_HELM?.version ?? '3.19.0'
const BINARY = REAL_HELM?.path ?? '/bin/true'
const ARCHIVE = `helm-v${VERSION}-linux-amd64.tar.gz`

let archive: string
let digest: string
const bed = archiveTestBed(async server => {
  const out = await tempDir('helm-archives-')
  // The archive's bytes are ours, so its digest is injected; the published one would not match.
  archive = await buildHelmArchive(BINARY, out, VERSION)
  digest = await sha('sha256', archive)
  server.serve(`/helm/${ARCHIVE}`, archive)
}, 120_000)

const config = (version: string = VERSION, base = `${bed.server.url}/helm`) =>
  ({ helmVersion: { kind: 'pinned', version }, helmDownloadUrl: base }) as Pick<
    ActionConfig,
    'helmVersion' | 'helmDownloadUrl'
  >
const checksums = () => ({ [ARCHIVE]: `sha256:${digest}` })

describe('installHelm from a download URL', () => {
  it('downloads, verifies, extracts and caches linux-amd64/helm', async () => {
    const { log, info } = collectingLog()
    const helm = await installHelm(config(), log, { checksums: checksums(), arch: 'amd64' })
    expect(helm.version).toBe(VERSION)
    expect(helm.path).toBe(path.join(bed.dirs.cache, 'helm', VERSION, 'amd64', 'helm'))
    // Compared by digest: toEqual on two 60 MB Buffers walks them element by element (and ran out of heap).
    expect(await sha('sha256', helm.path)).toBe(await sha('sha256', BINARY))
    expect(existsSync(`${path.dirname(helm.path)}.complete`)).toBe(true)
    expect(bed.server.requests).toEqual([`/helm/${ARCHIVE}`])
    expect(info.join('\n')).toContain(`${ARCHIVE}: sha256 verified (checksums option)`)
    expect(leftovers(bed.dirs.temp)).toEqual([])
  })

  it('reuses the tool cache on the second install: no HTTP request', async () => {
    const { log, info } = collectingLog()
    const first = await installHelm(config(), log, { checksums: checksums(), arch: 'amd64' })
    const second = await installHelm(config(), log, { checksums: checksums(), arch: 'amd64' })
    expect(second).toEqual(first)
    expect(bed.server.requests).toHaveLength(1)
    expect(info.at(-1)).toMatch(/found in the tool cache/)
  })

  it('takes extra digests from the file named by CARTS_DEPLOY_CHECKSUMS_FILE', async () => {
    const file = path.join(bed.dirs.temp, '..', 'checksums.json')
    await writeFile(file, JSON.stringify(checksums()))
    process.env[CHECKSUMS_FILE_ENV] = file
    try {
      const helm = await installHelm(config(), collectingLog().log, { arch: 'amd64' })
      expect(existsSync(helm.path)).toBe(true)
    } finally {
      delete process.env[CHECKSUMS_FILE_ENV]
    }
  })

  it('refuses a wrong checksum, naming both digests, and caches nothing', async () => {
    const wrong = 'ab'.repeat(32)
    const run = installHelm(config(), collectingLog().log, {
      checksums: { [ARCHIVE]: `sha256:${wrong}` },
      arch: 'amd64'
    })
    await expect(run).rejects.toThrow(
      `${ARCHIVE} from ${bed.server.url}/helm/${ARCHIVE}: sha256 mismatch (expected ${wrong}, got ${digest}); ` +
        'the download was deleted and nothing was cached'
    )
    expect(leftovers(bed.dirs.cache)).toEqual([])
    expect(leftovers(bed.dirs.temp)).toEqual([])
  })

  it('refuses the real archive against the published digest (the pinned table is used by default)', async () => {
    const run = installHelm(config(), collectingLog().log, { arch: 'amd64' })
    const published = pinnedDigests().get(ARCHIVE)?.hex
    await expect(run).rejects.toThrow(`sha256 mismatch (expected ${published}, got ${digest})`)
    expect(leftovers(bed.dirs.cache)).toEqual([])
  })

  it('reports a 404 with the URL and caches nothing', async () => {
    const run = installHelm(config(VERSION, `${bed.server.url}/mirror/`), collectingLog().log, {
      checksums: checksums(),
      arch: 'amd64'
    })
    await expect(run).rejects.toThrow(
      `helm ${VERSION} not found at ${bed.server.url}/mirror/${ARCHIVE} (HTTP 404)`
    )
    expect(leftovers(bed.dirs.cache)).toEqual([])
    expect(leftovers(bed.dirs.temp)).toEqual([])
  })

  it('reports a truncated archive (whose digest matched) and caches nothing', async () => {
    const bytes = await readFile(archive)
    const truncated = bytes.subarray(0, Math.floor(bytes.length / 2))
    const cut = path.join(bed.dirs.temp, '..', ARCHIVE)
    await writeFile(cut, truncated)
    bed.server.serve(`/cut/${ARCHIVE}`, truncated)
    const run = installHelm(config(VERSION, `${bed.server.url}/cut`), collectingLog().log, {
      checksums: { [ARCHIVE]: `sha256:${await sha('sha256', cut)}` },
      arch: 'amd64'
    })
    await expect(run).rejects.toThrow(
      /could not be extracted \(truncated or corrupt archive\?\).*nothing was cached/
    )
    expect(leftovers(bed.dirs.cache)).toEqual([])
    expect(leftovers(bed.dirs.temp)).toEqual([])
  })

  it('refuses an archive without linux-amd64/helm', async () => {
    const other = path.join(bed.dirs.temp, '..', 'other')
    await mkdir(path.join(other, 'darwin-amd64'), { recursive: true })
    await copyFile('/bin/true', path.join(other, 'darwin-amd64', 'helm'))
    const wrongLayout = path.join(bed.dirs.temp, '..', ARCHIVE)
    tar(['-czf', wrongLayout, '-C', other, 'darwin-amd64'])
    bed.server.serve(`/layout/${ARCHIVE}`, wrongLayout)
    const run = installHelm(config(VERSION, `${bed.server.url}/layout`), collectingLog().log, {
      checksums: { [ARCHIVE]: `sha256:${await sha('sha256', wrongLayout)}` },
      arch: 'amd64'
    })
    await expect(run).rejects.toThrow(`${ARCHIVE} has no executable linux-amd64/helm; nothing was cached`)
    expect(leftovers(bed.dirs.cache)).toEqual([])
  })

  it('refuses a version without a pinned checksum, before any download', async () => {
    const run = installHelm(config('3.18.0'), collectingLog().log, { arch: 'amd64' })
    await expect(run).rejects.toThrow(InputError)
    await expect(run).rejects.toThrow(
      /Input 'helm-version': expected 'system' or a version with a pinned sha256 for linux-amd64 \(3\.19\.0, .*4\.0\.0.*\); to add one, put its published checksum in src\/installers\/versions\.ts, got "3\.18\.0"/
    )
    expect(bed.server.requests).toEqual([])
  })

  const withRealHelm = REAL_HELM ? it : it.skip
  withRealHelm('installs a real helm that runs (helm version --short)', async () => {
    const helm = await installHelm(config(), collectingLog().log, { checksums: checksums(), arch: 'amd64' })
    const { stdout } = await execTool(helm.path, ['version', '--short'])
    expect(stdout.startsWith(`v${VERSION}`)).toBe(true)
  })
})

describe("installHelm 'system'", () => {
  const system = { helmVersion: { kind: 'system' }, helmDownloadUrl: 'http://unused' } as const

  async function onPath<T>(dir: string, run: () => Promise<T>): Promise<T> {
    const saved = process.env.PATH
    process.env.PATH = dir
    try {
      return await run()
    } finally {
      process.env.PATH = saved
    }
  }

  it('uses the helm on PATH and reports its version', async () => {
    let bin = path.dirname(REAL_HELM?.path ?? '')
    if (!REAL_HELM) {
      bin = await tempDir('helm-path-')
      // Stand-in until e2e/cluster/build.sh has built helm: prints what `helm version --short` does.
      // It reads its (empty) stdin first: execTool writes stdin after spawning, and a program that
      // exits before that write makes it fail with EPIPE (see the report on src/programs/exec.ts).
      await writeFile(path.join(bin, 'helm'), '#!/bin/sh\nread -r _ || true\necho v3.19.0+g3d8990f\n')
      await chmod(path.join(bin, 'helm'), 0o755)
    }
    const found = await onPath(bin, () => installHelm(system, collectingLog().log))
    expect(found.path).toBe(path.join(bin, 'helm'))
    expect(found.version).toBe(REAL_HELM?.version ?? '3.19.0')
  })

  it('says so when there is no helm on PATH', async () => {
    const empty = await tempDir('no-helm-')
    await expect(onPath(empty, () => installHelm(system, collectingLog().log))).rejects.toThrow(
      "helm-version is 'system' but there is no helm on PATH"
    )
  })
})
