#!/usr/bin/env bash
# Stops the local Kubernetes test cluster started by start.sh (idempotent).
# 1. `kwokctl delete cluster` (bounded by a timeout);
# 2. kills any component still alive, by the pid kwokctl recorded in
#    <kwok workdir>/clusters/<name>/pids/*.pid, only if that pid still runs a
#    binary from this cluster's build cache (never by name pattern);
# 3. removes the temporary directory (kubeconfig, certs, etcd data, logs) and
#    the env files.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.sh
source "$HERE/versions.sh"

log() { echo "[stop] $*" >&2; }

mkdir -p "$RUN_DIR"
if [[ "${CARTS_CLUSTER_LOCK_HELD:-0}" != 1 ]]; then
  exec 8>"$CLUSTER_CACHE/.cluster.lock"
  flock -w 300 8 || { log "timed out waiting for $CLUSTER_CACHE/.cluster.lock"; exit 1; }
fi

STATE="$RUN_DIR/state.sh"
if [[ ! -f "$STATE" ]]; then
  log "no cluster state in $RUN_DIR; nothing to stop"
  rm -f "$RUN_DIR/env.sh" "$RUN_DIR/env.json"
  exit 0
fi
# shellcheck disable=SC1090
source "$STATE"
name="${STATE_CLUSTER_NAME:-$CLUSTER_NAME}"
workdir="${STATE_KWOK_WORKDIR:-}"
tmpdir="${STATE_TMPDIR:-}"
kwokctl="${STATE_KWOKCTL:-$KWOKCTL_BIN}"

if [[ -n "$workdir" && -d "$workdir/clusters/$name" ]]; then
  # Record the component pids first: `kwokctl delete` removes the pid files.
  pids=()
  if compgen -G "$workdir/clusters/$name/pids/*.pid" >/dev/null; then
    for pidfile in "$workdir/clusters/$name/pids/"*.pid; do
      pid="$(tr -dc '0-9' <"$pidfile")"
      [[ -n "$pid" ]] && pids+=("$pid")
    done
  fi
  if [[ -x "$kwokctl" ]]; then
    log "kwokctl delete cluster --name $name"
    KWOK_WORKDIR="$workdir" timeout -k 5 60 "$kwokctl" delete cluster --name "$name" 8>&- >/dev/null 2>&1 \
      || log "kwokctl delete cluster failed (continuing with pid cleanup)"
  fi
  # Leftovers: only the recorded pids, and only if they still run one of our
  # binaries (guards against pid reuse).
  cache_real="$(realpath "$CLUSTER_CACHE")"
  for pid in "${pids[@]}"; do
    exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
    case "$exe" in
      "$cache_real"/*)
        log "killing leftover $(basename "$exe") pid $pid"
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
          kill -0 "$pid" 2>/dev/null || break
          [[ "$(ps -o stat= -p "$pid" 2>/dev/null)" == Z* ]] && break
          sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
        ;;
    esac
  done
fi

if [[ -n "$tmpdir" && -d "$tmpdir" && "$tmpdir" == */carts-e2e-cluster.* ]]; then
  rm -rf "$tmpdir"
fi
rm -f "$STATE" "$RUN_DIR/env.sh" "$RUN_DIR/env.json"
log "cluster '$name' stopped"
