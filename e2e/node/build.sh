#!/usr/bin/env bash
# build.sh: builds everything the real-node tier needs, each part into a version-keyed directory
# under ${CARTS_CACHE:-$HOME/.cache/carts-deploy}/node/ with a `.built` marker (an interrupted build
# is redone, a finished one skipped), and prints the seconds each part took.
#   pkgs      Debian packages (containerd, runc, CNI plugins, iptables, ipset, ...) via apt-get
#   cluster   etcd, kube-apiserver/-controller-manager/-scheduler, helm 3 and 4 (e2e/cluster/build.sh;
#             smoke.sh uses helm 3, env.json names both as e2e/cluster's does)
#   kubelet   kubelet + kube-proxy from the SAME wrapper module as the control plane (e2e/cluster/go.mod),
#             so the Go build cache of the apiserver build is reused
#   coredns   CoreDNS with the kubernetes plugin only (module e2e/node/coredns)
#   registry  distribution's registry (plain HTTP on 127.0.0.1 when running)
#   crane     pushes the image layouts into the registry
#   images    the carts images and pause, from source (e2e/images/build.sh)
# Usage: build.sh [part...]  (default: all). Two lanes run in parallel: the Kubernetes lane
# (cluster -> kubelet) and the small-tools lane (pkgs -> crane -> registry -> coredns -> images);
# each Go build already uses every core, the overlap fills the single-threaded link steps.
# Logs: $CARTS_CACHE/node/logs/build-<part>.log.
set -euo pipefail
NODE_TAG=build
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v go >/dev/null || die "'go' not found on PATH"
BLOGS="$NODE_CACHE/logs"; mkdir -p "$BLOGS"
exec 7>"$NODE_CACHE/.build.lock"
flock -w "${CARTS_BUILD_LOCK_TIMEOUT:-3600}" 7 || die "timed out waiting for another build ($NODE_CACHE/.build.lock)"

export CGO_ENABLED=0 GOTOOLCHAIN=local
RESULTS="$(mktemp)"; trap 'rm -f "$RESULTS"' EXIT

# part <name> <dir|-> <function>: skip when <dir>/.built exists (for "-": when <function>_cached
# succeeds); otherwise build into <dir>, log to $BLOGS/build-<name>.log, write the marker, record the
# seconds. A failure is recorded, not fatal to the other lane.
part() {
  local name=$1 dir=$2 fn=$3 t0 rc=0 cached=0
  if [[ "$dir" != - ]]; then [[ -f "$dir/.built" ]] && cached=1; elif "${fn}_cached" >/dev/null 2>&1; then cached=1; fi
  if (( cached )); then echo "$name cached" >>"$RESULTS"; say "$name: cached"; return 0; fi
  say "$name: building (log $BLOGS/build-$name.log)"
  t0=$(date +%s.%N)
  if [[ "$dir" != - ]]; then rm -rf "$dir"; mkdir -p "$dir"; fi
  "$fn" "$dir" >"$BLOGS/build-$name.log" 2>&1 || rc=$?
  if (( rc != 0 )); then
    echo "$name FAILED" >>"$RESULTS"; say "$name: FAILED (rc=$rc); tail of the log:"; tail -n 15 "$BLOGS/build-$name.log" >&2
    return 1
  fi
  local s; s=$(elapsed "$t0")
  [[ "$dir" == - ]] || printf 'built=%s\nseconds=%s\ngo=%s\n' "$(date -u +%FT%TZ)" "$s" "$(go env GOVERSION)" >"$dir/.built"
  echo "$name ${s}s" >>"$RESULTS"; say "$name: done in ${s}s"
}

# ---- parts -------------------------------------------------------------------------------------------
missing_pkgs() {
  local p
  for p in $APT_PACKAGES; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || echo "$p"; done
}
build_pkgs_cached() { [[ -z "$(missing_pkgs)" ]]; }
build_pkgs() {
  local missing=()
  mapfile -t missing < <(missing_pkgs)
  if (( ${#missing[@]} == 0 )); then echo "all installed"; return 0; fi
  [[ $(id -u) == 0 ]] || { echo "missing Debian packages (${missing[*]}); run as root"; return 1; }
  echo "installing: ${missing[*]}"
  apt-get update
  # no daemon is started: Debian's postinst cannot start containerd without systemd, and we run
  # our own instance anyway
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

build_cluster_cached() { [[ -f "$ETCD_DIR/.built" && -f "$KUBE_DIR/.built" && -f "$HELM3_DIR/.built" && -f "$HELM4_DIR/.built" ]]; }
build_cluster() { "$CLUSTER_HERE/build.sh" etcd kube helm3 helm4; }

kube_ldflags() {
  local v="${KUBE_VERSION#v}" pkg out="-s -w"
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    out+=" -X $pkg.gitVersion=$KUBE_VERSION -X $pkg.gitMajor=${v%%.*} -X $pkg.gitMinor=$(cut -d. -f2 <<<"$v")"
    out+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
  done
  echo "$out"
}
build_kubelet() {
  local c t0
  for c in kubelet kube-proxy; do
    t0=$(date +%s.%N)
    (cd "$CLUSTER_HERE" && GOFLAGS="-mod=mod" go build -trimpath -ldflags "$(kube_ldflags)" -o "$1/$c" "k8s.io/kubernetes/cmd/$c")
    echo "$c: $(elapsed "$t0")s, $("$1/$c" --version)"
  done
}

build_coredns() {
  (cd "$NODE_HERE/coredns" && GOFLAGS="-mod=mod" go build -trimpath -ldflags "-s -w" -o "$1/coredns" .)
  "$1/coredns" -version
  "$1/coredns" -plugins
}

build_registry() {
  GOBIN="$1" go install -trimpath \
    -ldflags "-s -w -X github.com/distribution/distribution/v3/version.version=$REGISTRY_VERSION" \
    "github.com/distribution/distribution/v3/cmd/registry@$REGISTRY_VERSION"
  "$1/registry" --version
}

build_crane() {
  GOBIN="$1" go install -trimpath \
    -ldflags "-s -w -X github.com/google/go-containerregistry/cmd/crane/cmd.Version=$CRANE_VERSION" \
    "github.com/google/go-containerregistry/cmd/crane@$CRANE_VERSION"
  "$1/crane" version
}

# Prometheus 3 with only the Kubernetes discovery (remove_all_sd drops the cloud ones; the web UI's assets
# are not in the module, the HTTP API is all the tests use). The version string is not set by go install.
build_prometheus() {
  GOBIN="$1" go install -trimpath -tags remove_all_sd,enable_kubernetes_sd \
    -ldflags "-s -w -X github.com/prometheus/common/version.Version=${PROMETHEUS_VERSION#v0.}" \
    "github.com/prometheus/prometheus/cmd/prometheus@$PROMETHEUS_VERSION"
  "$1/prometheus" --version
}

# Traefik, the ingress controller: its go.mod has replace directives, so `go install pkg@version` refuses
# it; it is built as the main module from its own module directory (go.sum included).
build_traefik() {
  local src
  src="$(GOFLAGS=-mod=mod go mod download -json "github.com/traefik/traefik/v3@$TRAEFIK_VERSION" | jq -r .Dir)"
  (cd "$src" && go build -trimpath \
    -ldflags "-s -w -X github.com/traefik/traefik/v3/pkg/version.Version=${TRAEFIK_VERSION#v}" \
    -o "$1/traefik" ./cmd/traefik)
  "$1/traefik" version
}

build_images_cached() { [[ -f "$("$REPO_ROOT/e2e/images/build.sh" --dir)/.built" ]]; }
build_images() { "$REPO_ROOT/e2e/images/build.sh"; }

# ---- lanes -------------------------------------------------------------------------------------------
want=("$@"); [[ ${#want[@]} -gt 0 ]] || want=(pkgs cluster kubelet crane registry coredns prometheus traefik images)
has() { local x; for x in "${want[@]}"; do [[ $x == "$1" ]] && return 0; done; return 1; }
for w in "${want[@]}"; do
  case "$w" in pkgs|cluster|kubelet|coredns|registry|crane|prometheus|traefik|images) ;; *) die "unknown part '$w' (pkgs cluster kubelet coredns registry crane prometheus traefik images)" ;; esac
done

kube_lane() {
  if has cluster; then part cluster - build_cluster || return 1; fi
  if has kubelet; then part kubelet "$NODE_KUBE_DIR" build_kubelet || return 1; fi
}
tools_lane() {
  local rc=0
  if has pkgs; then part pkgs - build_pkgs || return 1; fi
  if has crane; then part crane "$CRANE_DIR" build_crane || rc=1; fi
  if has registry; then part registry "$REGISTRY_DIR" build_registry || rc=1; fi
  if has coredns; then part coredns "$COREDNS_DIR" build_coredns || rc=1; fi
  if has prometheus; then part prometheus "$PROMETHEUS_DIR" build_prometheus || rc=1; fi
  if has traefik; then part traefik "$TRAEFIK_DIR" build_traefik || rc=1; fi
  if has images; then part images - build_images || rc=1; fi
  return $rc
}

kube_lane & KL=$!
tools_lane & TL=$!
rc=0
wait "$KL" || rc=1
wait "$TL" || rc=1
say "summary (total $(elapsed)s):"
sed 's/^/[build]   /' "$RESULTS" >&2
exit $rc
