#!/usr/bin/env bash
# down.sh: stops everything up.sh started and leaves the host as up.sh found it (idempotent; also
# cleans up after a half-finished or crashed start). Touches only:
#   processes whose pids are in $W/pids (and containerd shims whose command line names $W's socket),
#   the carts-node-safety FORWARD rule, KUBE-* iptables chains and empty nft tables that did not exist
#   before up.sh, the bridge and its veths, mounts under $W, kubepods cgroups, /var/log/containers,
#   /var/log/pods, /var/lib/kubelet, /var/lib/cni (each only if up.sh recorded it as absent), and the
#   sysctls recorded in $W/sysctl-before.txt.
# Keeps: binaries and images (the cache), pki/, kubeconfigs and logs/ under $W.
set -uo pipefail
NODE_TAG=down
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_root
[[ "${CARTS_NODE_LOCK_HELD:-0}" == 1 ]] || take_lock

C() { timeout 20 "$CTR_BIN" -a "$W/containerd.sock" -n k8s.io "$@"; }
# stop <name> [seconds]: SIGTERM the recorded pid, SIGKILL after the timeout
stop() {
  local n=$1 t=${2:-15} p i
  p=$(pid_of "$n") || return 0
  if alive "$n"; then
    kill "$p" 2>/dev/null
    for ((i = 0; i < t * 10; i++)); do alive "$n" || break; sleep 0.1; done
    if alive "$n"; then say "$n did not stop on SIGTERM: SIGKILL"; kill -9 "$p" 2>/dev/null; sleep 0.3; fi
    say "stopped $n (pid $p)"
  fi
  rm -f "$W/pids/$n.pid"
}
# pre_existing "<kind> <name>": recorded by up.sh as present before the node started. Without any
# record, everything counts as pre-existing, so nothing outside $W is removed.
pre_existing() { [[ ! -f "$W/host-before.txt" ]] || grep -qxF "$1" "$W/host-before.txt"; }
under_w() { findmnt -rn -o TARGET | awk -v p="$W/" 'index($0, p) == 1'; }

if ! compgen -G "$W/pids/*.pid" >/dev/null && [[ ! -f "$W/host-before.txt" ]] && ! ip link show "$BRIDGE" >/dev/null 2>&1; then
  say "nothing to stop"
  rm -f "$ENV_JSON" "$ENV_SH"
  exit 0
fi
rm -f "$ENV_JSON" "$ENV_SH"   # from now on nobody should use this node

# 1. no new pods (controllers, scheduler), then let the kubelet take the pods down through CRI: CNI
#    DEL, volume unmounts, log symlinks. grace 1 s: the test services need no clean shutdown here.
stop kube-controller-manager 5; stop kube-scheduler 5
if alive kube-apiserver && alive kubelet; then
  kc delete pods --all -A --grace-period=1 --wait=false >/dev/null 2>&1
  end=$(( $(date +%s) + 30 ))
  while (( $(date +%s) < end )); do
    [[ -z "$(kc get pods -A -o name 2>/dev/null)" && -z "$(C tasks ls -q 2>/dev/null)" ]] && break
    sleep 0.5
  done
  say "pods deleted (tasks left: $(C tasks ls -q 2>/dev/null | wc -l))"
fi

# 2. kube-proxy, then its rules (both families); 3. kubelet
stop kube-proxy
if [[ -x "$KUBE_PROXY_BIN" ]]; then
  timeout 30 "$KUBE_PROXY_BIN" --cleanup --v=0 >>"$LOGS/kube-proxy-cleanup.log" 2>&1 && say "kube-proxy --cleanup done"
fi
stop kubelet 20

# 4. containers the kubelet left behind, then containerd and orphaned shims of our socket
if alive containerd; then
  for id in $(C tasks ls -q 2>/dev/null); do C tasks kill -s SIGKILL "$id" >/dev/null 2>&1; done
  for id in $(C tasks ls -q 2>/dev/null); do C tasks delete -f "$id" >/dev/null 2>&1; done
  for id in $(C containers ls -q 2>/dev/null); do C containers delete "$id" >/dev/null 2>&1; done
fi
stop containerd
for p in $(pgrep -f "containerd-shim-runc-v2 -namespace k8s.io -id [0-9a-f]+ -address $W/containerd.sock"); do
  socks=$(ss -xlpn 2>/dev/null | grep "pid=$p," | awk '{print $5}' | grep '^/run/containerd/s/')
  say "killing leftover shim $p"
  for c in $(pgrep -P "$p"); do kill -9 "$c" 2>/dev/null; done
  kill -9 "$p" 2>/dev/null; sleep 0.2
  for sk in $socks; do rm -f "$sk"; done   # a SIGKILLed shim cannot remove its socket
done

# 5. the rest: DNS, registry, control plane (any pid file left, e.g. from a newer up.sh)
stop coredns 5; stop registry 5; stop kube-apiserver; stop etcd
for f in "$W"/pids/*.pid; do [[ -f $f ]] && stop "$(basename "$f" .pid)"; done

# 6. mounts under $W, deepest first (netns, shm, overlay rootfs, token tmpfs, kubelet's rshared bind)
for _ in 1 2 3; do
  m=$(under_w | sort -r)
  [[ -z "$m" ]] && break
  while read -r t; do umount "$t" 2>/dev/null || umount -l "$t" 2>/dev/null; done <<<"$m"
done
say "mounts left under $W: $(under_w | wc -l)"

# 7. kubepods cgroups in every hierarchy, deepest first
for h in /sys/fs/cgroup/*/ /sys/fs/cgroup/; do
  d="${h}kubepods"
  [[ -d "$d" ]] || continue
  if pre_existing "cgroup $d"; then continue; fi
  find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null
done
say "kubepods cgroup dirs left: $(find /sys/fs/cgroup -maxdepth 2 -name kubepods 2>/dev/null | wc -l)"

# 8. iptables: our safety rule, then every KUBE-* chain (kubelet's; kube-proxy's if --cleanup missed
#    some) unless the host had KUBE-* chains before, then empty nft tables we caused
while iptables -D FORWARD -s "$POD_CIDR" ! -d "$POD_CIDR" -m comment --comment carts-node-safety -j DROP 2>/dev/null; do :; done
for ipt in iptables ip6tables; do
  if pre_existing "kube-chains $ipt"; then say "$ipt: KUBE-* chains existed before up.sh; not sweeping"; continue; fi
  for t in mangle nat filter; do
    "$ipt-save" -t "$t" 2>/dev/null | grep -E '^-A (PREROUTING|INPUT|FORWARD|OUTPUT|POSTROUTING) .*-j KUBE-' | sed 's/^-A /-D /' |
      while read -r r; do eval "$ipt -t $t $r"; done
    chains=$("$ipt-save" -t "$t" 2>/dev/null | sed -n 's/^:\(KUBE-[^ ]*\) .*/\1/p')
    for c in $chains; do "$ipt" -t "$t" -F "$c"; done
    for c in $chains; do "$ipt" -t "$t" -X "$c"; done
  done
done
for fam in ip ip6; do
  for t in filter nat mangle; do
    nft list table "$fam" "$t" >/dev/null 2>&1 || continue
    pre_existing "nft $fam $t" && continue
    [[ "$(nft -j list table "$fam" "$t" | jq '[.nftables[] | select(.rule)] | length')" == 0 ]] && nft delete table "$fam" "$t"
  done
done
say "KUBE-* chains left: v4=$(iptables-save | grep -c '^:KUBE') v6=$(ip6tables-save | grep -c '^:KUBE'); safety rules: $(iptables-save | grep -c carts-node-safety)"

# 9. bridge and veths (the pods' netns are gone with their sandboxes)
if ip link show "$BRIDGE" >/dev/null 2>&1; then
  for v in $(ip -o link show master "$BRIDGE" | awk -F': ' '{print $2}' | cut -d@ -f1); do ip link del "$v" 2>/dev/null; done
  ip link del "$BRIDGE" && say "bridge $BRIDGE deleted"
fi

# 10. sysctls the kubelet (kernel.panic*, vm.overcommit_memory) and the bridge CNI (ip_forward) changed
if [[ -f "$W/sysctl-before.txt" ]]; then
  while IFS='=' read -r key v; do
    [[ -n "$key" && -n "$v" && "$(sysctl -n "$key" 2>/dev/null)" != "$v" ]] && sysctl -qw "$key=$v" && say "restored $key=$v"
  done <"$W/sysctl-before.txt"
fi

# 11. host paths the kubelet/CNI create outside their configured dirs
for p in /var/log/containers /var/log/pods /var/lib/kubelet /var/lib/cni; do
  [[ -e "$p" ]] || continue
  if pre_existing "path $p"; then continue; fi
  rm -rf "$p" && say "removed $p"
done

# shims put their sockets in /run/containerd/s whatever containerd's state dir is; they are gone
# (step 4), remove the directories if we created them and they are empty
for p in /run/containerd/s /run/containerd; do
  [[ -d "$p" ]] && ! pre_existing "path $p" && rmdir "$p" 2>/dev/null && say "removed $p"
done

# 12. runtime state (keeps pki, kubeconfigs, logs); the host records go last: the next up.sh
#     records the host afresh
rm -f "$W/containerd.sock" "$W/containerd.sock.ttrpc" "$W/containerd-debug.sock"
rm -rf "$W/containerd" "$W/runc" "$W/kubelet" "$W/pod-logs" "$W/etcd" "$W/registry-data" "$W/prometheus-data" "$W/cni" "$W/pids"
if (( $(under_w | wc -l) == 0 )); then
  rm -f "$W/sysctl-before.txt" "$W/host-before.txt"
else
  say "WARNING: mounts remain under $W; keeping the host records for the next down.sh"
fi
say "done"
