#!/usr/bin/env bash
# host-state.sh: prints what up.sh/down.sh could change on the host, normalised so that two snapshots
# can be diffed: `host-state.sh > before; up.sh; smoke.sh; down.sh; host-state.sh > after; diff before after`.
# Covers sysctls (minus counters that move on their own), iptables/ip6tables/nft rules (minus packet
# counters), links, addresses and routes, mounts, kubepods cgroups, the host paths the kubelet and CNI
# use, unix sockets of containerd shims, and processes started from the build cache or containerd.
# Needs: root; iproute2, iptables, nftables, util-linux, procps.
set -euo pipefail
section() { echo "## $*"; }
section sysctl
sysctl -a 2>/dev/null | grep -vE '^(fs\.(dentry-state|file-nr|inode-nr|inode-state|quota\.)|kernel\.(random\.|ns_last_pid|pty\.nr|sched_domain)|net\.netfilter\.nf_conntrack_count|vm\.stat_refresh)' | sort
section iptables
{ iptables-save 2>/dev/null || true; } | sed -e '/^#/d' -e 's/\[[0-9]*:[0-9]*\]//'
section ip6tables
{ ip6tables-save 2>/dev/null || true; } | sed -e '/^#/d' -e 's/\[[0-9]*:[0-9]*\]//'
section nft
{ nft list ruleset 2>/dev/null || true; } | sed 's/counter packets [0-9]* bytes [0-9]*/counter/'
section links
ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1 | sort
section addresses
ip -o addr show | awk '{print $2, $3, $4}' | sort
section routes
ip route show table all 2>/dev/null | sort
section mounts
findmnt -rn -o TARGET,FSTYPE | sort
section cgroups
find /sys/fs/cgroup -maxdepth 2 \( -name kubepods -o -name 'kubepods*' \) 2>/dev/null | sort
section paths
for p in /var/lib/kubelet /var/log/containers /var/log/pods /var/lib/cni /run/containerd /var/run/netns /etc/cni; do
  [[ -e $p ]] && echo "$p"
done
true
section processes
# (zombies are left out: an orphaned daemon may wait a moment for a reaper after it exited)
ps -eo stat=,comm= | awk '$1 !~ /^Z/ && $2 ~ /^(containerd|kubelet|kube-|etcd|coredns|registry|carts|pause|runc)/ {print $2}' | sort | uniq -c
