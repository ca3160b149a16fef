#!/usr/bin/env bash
# Starts (idempotently) the test cluster: a real control plane (etcd, kube-apiserver, -controller-manager,
# -scheduler, built here from the Go module proxy) and one real node (kubelet, kube-proxy, containerd +
# runc, CoreDNS, a local registry holding the carts images built from source): e2e/node/up.sh, which
# builds whatever is missing first (e2e/node/build.sh, ~32 min cold on 2 cores).
# Needs root (bridge, iptables, mounts: see e2e/node/README.md).
# On success copies the node's env.sh and env.json to $CARTS_CACHE/cluster/run/ (what the tests and the
# demo read) and prints env.sh. Exit 0 = cluster ready.
# Env: CARTS_CACHE (default ~/.cache/carts-deploy), CARTS_SKIP_BUILD=1 (fail instead of building), and
# the variables of e2e/node (its README).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.sh
source "$HERE/versions.sh"

[[ $(id -u) == 0 ]] || { echo "[start] ERROR: the test cluster runs a real node: run as root (e2e/node/README.md)" >&2; exit 1; }
env_sh="$(bash "$HERE/../node/up.sh")"
node_run="$(sed -n "s/^export CARTS_CLUSTER_TMPDIR='\(.*\)'$/\1/p" <<<"$env_sh")"
[[ -f "$node_run/env.json" ]] || { echo "[start] ERROR: e2e/node/up.sh wrote no env.json in '$node_run'" >&2; exit 1; }
mkdir -p "$RUN_DIR"
cp "$node_run/env.json" "$RUN_DIR/env.json.tmp" && mv "$RUN_DIR/env.json.tmp" "$RUN_DIR/env.json"
printf '%s\n' "$env_sh" >"$RUN_DIR/env.sh.tmp" && mv "$RUN_DIR/env.sh.tmp" "$RUN_DIR/env.sh"
printf '%s\n' "$env_sh"
