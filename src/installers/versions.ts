/**
 * The versions this action installs, each with the checksum its publisher put beside the archive.
 * This is the one file to edit to add a version: a version missing here is refused, never downloaded
 * unverified. Add only a digest copied from the publisher's own .sha256sum / .sha512 file, and note
 * where it was cross-checked.
 */

export type HelmArch = 'amd64' | 'arm64'

/** The inputs' defaults (src/contracts/action-interface.ts) must name versions of these tables. */
export const DEFAULT_HELM_VERSION = '3.19.0'
export const DEFAULT_JMETER_VERSION = '5.6.3'

/** sha256 of `helm-v<version>-linux-<arch>.tar.gz` from get.helm.sh (the `.sha256sum` beside it). */
export const HELM_SHA256: Readonly<Record<string, Readonly<Partial<Record<HelmArch, string>>>>> = {
  // Both archs in abrisco/rules_helm helm/private/versions.bzl (SRI base64 form, decoded) and in
  // cert-manager/makefile-modules modules/tools/00_mod.mk (at `tools += helm=v3.19.0`).
  '3.19.0': {
    amd64: 'a7f81ce08007091b86d8bd696eb4d86b8d0f2e1b9f6c714be62f82f96a594496',
    arm64: '440cf7add0aee27ebc93fada965523c1dc2e0ab340d4348da2215737fc0d76ad'
  },
  // The version the e2e cluster builds (e2e/cluster/versions.sh). amd64 and arm64 pinned together in
  // several public Dockerfiles and install scripts and in a copy of the v3.22.0 release notes
  // (exact-string search; the index does not name those repositories).
  '3.22.0': {
    amd64: '1e4ab49e429626cf6c6958d914248b78c9730803c2751b87627e171dc800e7bb',
    arm64: 'f14e804dfee240f55525b667488fe9adca349e63e00c9af634c0beb1421ac310'
  },
  // abrisco/rules_helm helm/private/versions.bzl (both archs); amd64 also in two public install
  // scripts (a Dockerfile's HELM_SHA256, a Debian setup script). arm64 has that one source only.
  '4.0.0': {
    amd64: 'c77e9e7c1cc96e066bd240d190d1beed9a6b08060b2043ef0862c4f865eca08f',
    arm64: '8c5c77e20cc29509d640e208a6a7d2b7e9f99bb04e5b5fbe22707b72a5235245'
  },
  // Helm 4 line: amd64 in many public pins (workflows, Dockerfiles, Terraform locals); arm64 in
  // several multi-arch Dockerfiles and install scripts beside the same amd64 value.
  '4.3.0': {
    amd64: '86584a54def73570558f66f5111cc53dfed56689637ae32c1201205d494f54fb',
    arm64: '31c5794dd55c66a51e6b7d2e2ac7a114ae8b1de41ff1d9ba51748ac973b06a08'
  }
}

/** sha512 of `apache-jmeter-<version>.tgz` from archive.apache.org (the `.sha512` beside it). */
export const JMETER_SHA512: Readonly<Record<string, string>> = {
  // archlinux/aur PKGBUILD of `jmeter` 5.6.3 (sha512sums) and several public Dockerfiles that quote
  // archive.apache.org's apache-jmeter-5.6.3.tgz.sha512.
  '5.6.3':
    '5978a1a35edb5a7d428e270564ff49d2b1b257a65e17a759d259a9283fc17093e522fe46f474a043864aea6910683486340706d745fcdf3db1505fd71e689083'
}

export function helmArchiveName(version: string, arch: HelmArch): string {
  return `helm-v${version}-linux-${arch}.tar.gz`
}

export function jmeterArchiveName(version: string): string {
  return `apache-jmeter-${version}.tgz`
}

export type DigestAlgorithm = 'sha256' | 'sha512'

export interface Digest {
  readonly algorithm: DigestAlgorithm
  readonly hex: string
}

/** Every pinned archive by file name: what the installer looks up before downloading anything. */
export function pinnedDigests(): ReadonlyMap<string, Digest> {
  const table = new Map<string, Digest>()
  for (const [version, archs] of Object.entries(HELM_SHA256)) {
    for (const [arch, hex] of Object.entries(archs)) {
      table.set(helmArchiveName(version, arch as HelmArch), { algorithm: 'sha256', hex })
    }
  }
  for (const [version, hex] of Object.entries(JMETER_SHA512)) {
    table.set(jmeterArchiveName(version), { algorithm: 'sha512', hex })
  }
  return table
}
