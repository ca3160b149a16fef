# shellcheck shell=bash
# shellcheck disable=SC2034  # variables are used by the scripts that source this file
# lib.sh: versions, paths, ports and helpers of the real-node tier. Sourced by build.sh, up.sh,
# down.sh and smoke.sh; not run directly. Everything can be overridden from the environment.
#
# Layout under ${CARTS_CACHE:-$HOME/.cache/carts-deploy}:
#   cluster/kube-v1.33.13/, cluster/etcd-v3.5.21/, cluster/helm-*/   control plane + helm (e2e/cluster/build.sh)
#   node/kube-v1.33.13/        kubelet, kube-proxy             (build.sh, same wrapper module as cluster/)
#   node/coredns-v1.15.0/      coredns                          (build.sh, module e2e/node/coredns)
#   node/registry-v3.1.2/      registry (distribution)          (build.sh)
#   node/crane-v0.22.1/        crane                            (build.sh)
#   node/images-<hash>/        OCI layouts of the test images   (e2e/images/build.sh)
#   node/run/                  runtime state of a running node  (up.sh; down.sh empties it but keeps
#                              logs/, pki/ and the kubeconfigs)

# versions of the control plane, etcd and helm come from e2e/cluster (one Kubernetes version)
NODE_HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$NODE_HERE/../.." && pwd -P)"
CLUSTER_HERE="$REPO_ROOT/e2e/cluster"
# shellcheck source=../cluster/versions.sh
source "$CLUSTER_HERE/versions.sh"

COREDNS_VERSION=v1.15.0      # must match e2e/node/coredns/go.mod
REGISTRY_VERSION=v3.1.2      # github.com/distribution/distribution/v3
CRANE_VERSION=v0.22.1        # github.com/google/go-containerregistry
PROMETHEUS_VERSION=v0.316.0  # github.com/prometheus/prometheus: Prometheus 3.16.0
TRAEFIK_VERSION=v3.6.12      # github.com/traefik/traefik/v3 (v3.7.x needs modules the proxy refuses)

NODE_CACHE="$CARTS_CACHE/node"
NODE_KUBE_DIR="$NODE_CACHE/kube-$KUBE_VERSION"
COREDNS_DIR="$NODE_CACHE/coredns-$COREDNS_VERSION"
REGISTRY_DIR="$NODE_CACHE/registry-$REGISTRY_VERSION"
CRANE_DIR="$NODE_CACHE/crane-$CRANE_VERSION"
PROMETHEUS_DIR="$NODE_CACHE/prometheus-$PROMETHEUS_VERSION"
TRAEFIK_DIR="$NODE_CACHE/traefik-$TRAEFIK_VERSION"
KUBELET_BIN="$NODE_KUBE_DIR/kubelet"
KUBE_PROXY_BIN="$NODE_KUBE_DIR/kube-proxy"
COREDNS_BIN="$COREDNS_DIR/coredns"
REGISTRY_BIN="$REGISTRY_DIR/registry"
CRANE_BIN="$CRANE_DIR/crane"
PROMETHEUS_BIN="$PROMETHEUS_DIR/prometheus"
TRAEFIK_BIN="$TRAEFIK_DIR/traefik"

# Debian packages (bookworm): containerd 1.6.20, runc 1.1.5, CNI plugins 1.1.1 were verified
APT_PACKAGES="containerd runc containernetworking-plugins iptables ipset nftables conntrack iproute2 \
  util-linux procps openssl curl jq bc gcc libc6-dev"
CONTAINERD_BIN=${CONTAINERD_BIN:-/usr/bin/containerd}
CTR_BIN=${CTR_BIN:-/usr/bin/ctr}
RUNC_BIN=${RUNC_BIN:-/usr/sbin/runc}
CNI_BIN_DIR=${CNI_BIN_DIR:-/usr/lib/cni}

# Network (fixed; the templates name it too): bridge kn0 with the node IP, pods get addresses from
# POD_RANGE_START on (no default route), services in SVC_CIDR.
NODE_NAME=carts-node
BRIDGE=kn0
NODE_IP=10.88.0.1
POD_CIDR=10.88.0.0/16
SVC_CIDR=10.96.0.0/16
APISERVER_SVC_IP=10.96.0.1
DNS_SVC_IP=10.96.0.10

# Ports: a 22xxx block on 127.0.0.1 (clear of the ephemeral range and of common dev servers),
# kubelet on the node IP, CoreDNS on NODE_IP:53.
ETCD_PORT=${CARTS_NODE_ETCD_PORT:-22379}
ETCD_PEER_PORT=${CARTS_NODE_ETCD_PEER_PORT:-22380}
APISERVER_PORT=${CARTS_NODE_APISERVER_PORT:-22443}
KCM_PORT=${CARTS_NODE_KCM_PORT:-22257}
SCHEDULER_PORT=${CARTS_NODE_SCHEDULER_PORT:-22259}
KUBELET_PORT=${CARTS_NODE_KUBELET_PORT:-22250}
KUBELET_HEALTHZ_PORT=${CARTS_NODE_KUBELET_HEALTHZ_PORT:-22248}
PROXY_HEALTHZ_PORT=${CARTS_NODE_PROXY_HEALTHZ_PORT:-22256}
PROXY_METRICS_PORT=${CARTS_NODE_PROXY_METRICS_PORT:-22249}
REGISTRY_PORT=${CARTS_NODE_REGISTRY_PORT:-22500}
COREDNS_HEALTH_PORT=${CARTS_NODE_COREDNS_HEALTH_PORT:-22180}
COREDNS_READY_PORT=${CARTS_NODE_COREDNS_READY_PORT:-22181}
PROMETHEUS_PORT=${CARTS_NODE_PROMETHEUS_PORT:-22090}
PROMETHEUS_URL="http://127.0.0.1:$PROMETHEUS_PORT"
INGRESS_PORT=${CARTS_NODE_INGRESS_PORT:-22080}
TRAEFIK_PING_PORT=${CARTS_NODE_TRAEFIK_PING_PORT:-22082}
INGRESS="127.0.0.1:$INGRESS_PORT"
REGISTRY="127.0.0.1:$REGISTRY_PORT"

# Runtime state. Resolved physically (findmnt reports resolved paths, so down.sh would miss mounts
# under a symlinked dir) and short enough for the kubelet's deepest unix socket
# ($W/kubelet/pod-resources/kubelet.sock: 35 more bytes, 107 at most).
W="${CARTS_NODE_STATE:-$NODE_CACHE/run}"
mkdir -p "$W" && W="$(cd "$W" && pwd -P)"
if (( ${#W} > 72 )); then echo "state dir $W is longer than 72 characters (unix socket paths); set CARTS_NODE_STATE" >&2; exit 1; fi
case "$W" in *[!A-Za-z0-9/._+-]*) echo "state dir $W may only contain [A-Za-z0-9/._+-]" >&2; exit 1 ;; esac
LOGS="$W/logs"
ENV_JSON="$W/env.json"
ENV_SH="$W/env.sh"
ADMIN_KUBECONFIG="$W/admin.kubeconfig"

# ---- helpers ---------------------------------------------------------------------------------------
T0=${T0:-$(date +%s.%N)}
elapsed() { echo "$(date +%s.%N) - ${1:-$T0}" | bc | awk '{printf "%.1f", $1}'; }
say() { echo "[$NODE_TAG $(elapsed "$T0")s] $*" >&2; }
die() { echo "[$NODE_TAG] ERROR: $*" >&2; exit 1; }
kc() { timeout 20 "$KUBECTL_BIN" --kubeconfig "$ADMIN_KUBECONFIG" --request-timeout=15s "$@"; }

# wait_for <seconds> <what> <command...>: rerun the command every 0.25 s until it succeeds; after
# <seconds> say what did not happen and return 1 (never wait forever).
wait_for() {
  local end what=$2
  end=$(( $(date +%s) + $1 )); shift 2
  until "$@" >/dev/null 2>&1; do
    if (( $(date +%s) >= end )); then echo "[$NODE_TAG] timed out waiting for $what; logs in $LOGS/" >&2; return 1; fi
    sleep 0.25
  done
}

# wait_daemon <name> <seconds> <what> <command...>: wait_for, but give up at once if the daemon
# <name> (started with launch) has exited: a daemon that failed to start is reported in a second,
# not after the whole timeout.
wait_daemon() {
  local n=$1 end what=$3
  end=$(( $(date +%s) + $2 )); shift 3
  until "$@" >/dev/null 2>&1; do
    if ! alive "$n"; then echo "[$NODE_TAG] $n exited while waiting for $what; see $LOGS/$n.log" >&2; return 1; fi
    if (( $(date +%s) >= end )); then echo "[$NODE_TAG] timed out waiting for $what; logs in $LOGS/" >&2; return 1; fi
    sleep 0.25
  done
}

pid_of() { [[ -f "$W/pids/$1.pid" ]] && cat "$W/pids/$1.pid"; }
# alive <name>: the recorded pid runs and is not a zombie
alive() { local p; p=$(pid_of "$1") && [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null && [[ "$(ps -o stat= -p "$p" 2>/dev/null)" != Z* ]]; }

# launch <name> <cmd...>: start a daemon in its own session, output to $LOGS/<name>.log, real pid in
# $W/pids/<name>.pid (down.sh stops exactly those pids). The fds of the caller's lock are closed.
launch() {
  local n=$1; shift
  mkdir -p "$LOGS" "$W/pids"
  setsid "$@" >>"$LOGS/$n.log" 2>&1 </dev/null 9>&- &
  echo $! >"$W/pids/$n.pid"
}

# render <template> <dest>: copy a template from e2e/node/templates, filling @NAME@ placeholders
render() {
  mkdir -p "$(dirname "$2")"
  sed -e '/^## /d;/^##$/d' \
      -e "s|@W@|$W|g" -e "s|@RUNC_BIN@|$RUNC_BIN|g" -e "s|@CNI_BIN_DIR@|$CNI_BIN_DIR|g" \
      -e "s|@NODE_NAME@|$NODE_NAME|g" -e "s|@NODE_IP@|$NODE_IP|g" -e "s|@BRIDGE@|$BRIDGE|g" \
      -e "s|@POD_CIDR@|$POD_CIDR|g" -e "s|@SVC_CIDR@|$SVC_CIDR|g" -e "s|@DNS_SVC_IP@|$DNS_SVC_IP|g" \
      -e "s|@KUBELET_PORT@|$KUBELET_PORT|g" -e "s|@KUBELET_HEALTHZ_PORT@|$KUBELET_HEALTHZ_PORT|g" \
      -e "s|@PROXY_HEALTHZ_PORT@|$PROXY_HEALTHZ_PORT|g" -e "s|@PROXY_METRICS_PORT@|$PROXY_METRICS_PORT|g" \
      -e "s|@REGISTRY_PORT@|$REGISTRY_PORT|g" -e "s|@COREDNS_HEALTH_PORT@|$COREDNS_HEALTH_PORT|g" \
      -e "s|@COREDNS_READY_PORT@|$COREDNS_READY_PORT|g" -e "s|@ADMIN_KUBECONFIG@|$ADMIN_KUBECONFIG|g" \
      "$1" >"$2"
  if grep -q '@[A-Z_]\+@' "$2"; then echo "render: unreplaced placeholder in $2" >&2; return 1; fi
}

# take_lock: one node per machine (kubelet ports, /var/lib/kubelet, /var/log/containers and the
# sysctls are global). up.sh and down.sh hold it for their whole run; fd 9 is closed for daemons.
take_lock() {
  mkdir -p "$NODE_CACHE"
  exec 9>"$NODE_CACHE/.node.lock"
  flock -w "${CARTS_NODE_LOCK_TIMEOUT:-600}" 9 || die "timed out waiting for $NODE_CACHE/.node.lock (another up/down run)"
}

need_root() { [[ $(id -u) == 0 ]] || die "must run as root (bridge, netns, mounts, iptables)"; }
