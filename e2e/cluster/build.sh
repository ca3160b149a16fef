#!/usr/bin/env bash
# Builds the local Kubernetes test tier from the Go module proxy into
#   ${CARTS_CACHE:-$HOME/.cache/carts-deploy}/cluster/<component>-<version>/
# Components: etcd, kube-apiserver/kube-controller-manager/kube-scheduler, helm 3, helm 4
# (the node's kubelet and kube-proxy: e2e/node/build.sh, from this directory's go.mod). Each directory gets a `.built` marker only after a successful
# build, so an interrupted build is redone and a finished one is skipped.
# Usage: build.sh [component...]   (components: etcd kube helm3 helm4; default all)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.sh
source "$HERE/versions.sh"

command -v go >/dev/null || { echo "build.sh: 'go' not found on PATH" >&2; exit 1; }
command -v flock >/dev/null || { echo "build.sh: 'flock' (util-linux) not found" >&2; exit 1; }

# Sanity: the pinned versions must agree with go.mod.
grep -q "k8s.io/kubernetes $KUBE_VERSION" "$HERE/go.mod" || { echo "build.sh: go.mod does not pin k8s.io/kubernetes $KUBE_VERSION" >&2; exit 1; }
grep -q "go.etcd.io/etcd/server/v3 $ETCD_VERSION" "$HERE/go.mod" || { echo "build.sh: go.mod does not pin etcd server $ETCD_VERSION" >&2; exit 1; }

mkdir -p "$CLUSTER_CACHE"
# One build at a time (several test runners may call start.sh concurrently).
exec 9>"$CLUSTER_CACHE/.build.lock"
if ! flock -w "${CARTS_BUILD_LOCK_TIMEOUT:-3600}" 9; then
  echo "build.sh: timed out waiting for another build (lock $CLUSTER_CACHE/.build.lock)" >&2
  exit 1
fi

export CGO_ENABLED=0
export GOFLAGS="${GOFLAGS:-} -mod=mod"
export GOTOOLCHAIN=local

TOTAL_START=$(date +%s)
declare -a SUMMARY=()

is_built() { [[ -f "$1/.built" ]]; }

# run_build <name> <dir> <function>
run_build() {
  local name="$1" dir="$2" fn="$3"
  if is_built "$dir"; then
    echo "[build] $name: cached in $dir"
    SUMMARY+=("$name: cached")
    return 0
  fi
  echo "[build] $name: building into $dir ..."
  rm -rf "$dir"
  mkdir -p "$dir"
  local t0 t1
  t0=$(date +%s)
  if ! "$fn" "$dir"; then
    echo "[build] $name: FAILED" >&2
    exit 1
  fi
  t1=$(date +%s)
  printf 'version=%s\nbuilt=%s\nseconds=%s\ngo=%s\n' "$name" "$(date -u +%FT%TZ)" "$((t1 - t0))" "$(go env GOVERSION)" >"$dir/.built"
  echo "[build] $name: done in $((t1 - t0))s"
  SUMMARY+=("$name: $((t1 - t0))s")
}

KUBE_LDFLAGS_VARS() {
  local v="${KUBE_VERSION#v}" major minor
  major="${v%%.*}"; minor="${v#*.}"; minor="${minor%%.*}"
  local pkg out=""
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    out+=" -X $pkg.gitVersion=$KUBE_VERSION -X $pkg.gitMajor=$major -X $pkg.gitMinor=$minor"
    out+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
  done
  echo "$out"
}

build_etcd() {
  (cd "$HERE" && go build -trimpath -ldflags "-s -w" -o "$1/etcd" go.etcd.io/etcd/server/v3)
  "$1/etcd" --version
}

build_kube() {
  local ld; ld="-s -w $(KUBE_LDFLAGS_VARS)"
  local c t0
  for c in kube-apiserver kube-controller-manager kube-scheduler; do
    t0=$(date +%s)
    (cd "$HERE" && go build -trimpath -ldflags "$ld" -o "$1/$c" "k8s.io/kubernetes/cmd/$c")
    echo "[build]   $c: $(( $(date +%s) - t0 ))s ($("$1/$c" --version))"
  done
}

# Helm 3's Makefile also stamps the default k8s capabilities version from its client-go.
helm3_k8s_ldflags() {
  local gomod cg major minor
  gomod="$(go env GOMODCACHE)/cache/download/helm.sh/helm/v3/@v/$HELM3_VERSION.mod"
  [[ -f "$gomod" ]] || go mod download -json "helm.sh/helm/v3@$HELM3_VERSION" >/dev/null
  cg="$(awk '$1=="k8s.io/client-go"{print $2}' "$gomod" | head -1)"
  [[ -n "$cg" ]] || return 0
  cg="${cg#v}"; major=$(( ${cg%%.*} + 1 )); minor="${cg#*.}"; minor="${minor%%.*}"
  local p out=""
  for p in helm.sh/helm/v3/pkg/lint/rules helm.sh/helm/v3/pkg/chartutil; do
    out+=" -X $p.k8sVersionMajor=$major -X $p.k8sVersionMinor=$minor"
  done
  echo "$out"
}

build_helm3() {
  local ld
  ld="-s -w -X helm.sh/helm/v3/internal/version.version=$HELM3_VERSION -X helm.sh/helm/v3/internal/version.gitTreeState=clean$(helm3_k8s_ldflags)"
  GOBIN="$1" go install -trimpath -ldflags "$ld" "helm.sh/helm/v3/cmd/helm@$HELM3_VERSION"
  "$1/helm" version --short
}

build_helm4() {
  GOBIN="$1" go install -trimpath \
    -ldflags "-s -w -X helm.sh/helm/v4/internal/version.version=$HELM4_VERSION -X helm.sh/helm/v4/internal/version.gitTreeState=clean" \
    "helm.sh/helm/v4/cmd/helm@$HELM4_VERSION"
  "$1/helm" version --short
}

want=("$@")
[[ ${#want[@]} -gt 0 ]] || want=(etcd kube helm3 helm4)
for w in "${want[@]}"; do
  case "$w" in
    etcd)  run_build "etcd-$ETCD_VERSION" "$ETCD_DIR" build_etcd ;;
    kube)  run_build "kube-$KUBE_VERSION" "$KUBE_DIR" build_kube ;;
    helm3) run_build "helm-$HELM3_VERSION" "$HELM3_DIR" build_helm3 ;;
    helm4) run_build "helm-$HELM4_VERSION" "$HELM4_DIR" build_helm4 ;;
    *) echo "build.sh: unknown component '$w' (etcd kube helm3 helm4)" >&2; exit 2 ;;
  esac
done

echo "[build] summary (total $(( $(date +%s) - TOTAL_START ))s):"
for s in "${SUMMARY[@]}"; do echo "[build]   $s"; done
