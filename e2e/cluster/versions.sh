# shellcheck shell=bash
# shellcheck disable=SC2034  # variables are used by the scripts that source this file
# Versions of the local Kubernetes test tier. Sourced by build.sh / start.sh /
# stop.sh and e2e/node/lib.sh. KUBE_VERSION and ETCD_VERSION must match go.mod in this
# directory (build.sh checks it); the others can be overridden from the env.
KUBE_VERSION=v1.33.13        # k8s.io/kubernetes, staging modules replaced by v0.33.13
ETCD_VERSION=v3.5.21         # go.etcd.io/etcd/server/v3, what k8s v1.33.13 pins
HELM3_VERSION=${HELM3_VERSION:-v3.22.0}
HELM4_VERSION=${HELM4_VERSION:-v4.3.1}

CARTS_CACHE=${CARTS_CACHE:-$HOME/.cache/carts-deploy}
CLUSTER_CACHE="$CARTS_CACHE/cluster"
RUN_DIR="$CLUSTER_CACHE/run"

KUBE_DIR="$CLUSTER_CACHE/kube-$KUBE_VERSION"
ETCD_DIR="$CLUSTER_CACHE/etcd-$ETCD_VERSION"
HELM3_DIR="$CLUSTER_CACHE/helm-$HELM3_VERSION"
HELM4_DIR="$CLUSTER_CACHE/helm-$HELM4_VERSION"

ETCD_BIN="$ETCD_DIR/etcd"
KUBE_APISERVER_BIN="$KUBE_DIR/kube-apiserver"
KUBE_CONTROLLER_MANAGER_BIN="$KUBE_DIR/kube-controller-manager"
KUBE_SCHEDULER_BIN="$KUBE_DIR/kube-scheduler"
HELM3_BIN="$HELM3_DIR/helm"
HELM4_BIN="$HELM4_DIR/helm"

# kubectl: prefer the 1.33 client of the machine's dispatcher (exact skew match),
# else whatever kubectl is on PATH. Override with CARTS_KUBECTL.
if [[ -z "${CARTS_KUBECTL:-}" ]]; then
  for _k in /usr/lib/google-cloud-sdk/bin/kubectl.1.33 "$(command -v kubectl 2>/dev/null || true)"; do
    if [[ -n "$_k" && -x "$_k" ]]; then CARTS_KUBECTL="$_k"; break; fi
  done
  unset _k
fi
KUBECTL_BIN="${CARTS_KUBECTL:-kubectl}"
