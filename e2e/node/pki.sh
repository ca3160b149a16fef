#!/usr/bin/env bash
# pki.sh: a throw-away CA (30 days), the service-account key pair, one certificate per component and
# one kubeconfig per component, under $W/pki and $W/*.kubeconfig. up.sh runs it when $W/pki/ca.crt is
# missing or expires within a day. Identities:
#   admin                        O=system:masters (the kubeconfig in env.json)
#   apiserver-kubelet-client     O=system:masters (apiserver -> kubelet: logs, exec, port-forward)
#   kubelet                      CN=system:node:<node>, O=system:nodes (Node authorizer + NodeRestriction)
#   kube-proxy, kcm, scheduler   CN=system:kube-proxy / system:kube-controller-manager / system:kube-scheduler
#   coredns                      CN=system:coredns (RBAC in manifests/cluster-dns.yaml)
# Needs: openssl.
set -euo pipefail
NODE_TAG=pki
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rm -rf "$W/pki.tmp"; mkdir -p "$W/pki.tmp"
cd "$W/pki.tmp"
openssl genrsa -out ca.key 2048 2>/dev/null
openssl req -x509 -new -nodes -key ca.key -subj "/CN=carts-node-ca" -days 30 -out ca.crt
openssl genrsa -out sa.key 2048 2>/dev/null
openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null

# cert <name> <subject> <extensions>
cert() {
  openssl genrsa -out "$1.key" 2048 2>/dev/null
  openssl req -new -key "$1.key" -subj "$2" -out "$1.csr"
  printf '%b\n' "$3" >"$1.ext"
  # A random serial each: -CAcreateserial shares ca.srl between the parallel signings, and one reading it
  # half-written fails (measured: 82 of 270 signings, 9 at a time).
  openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -set_serial "0x$(openssl rand -hex 16)" -days 30 \
    -extfile "$1.ext" -out "$1.crt" 2>/dev/null
  rm -f "$1.csr" "$1.ext"
}
CLIENT='basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth'
SERVER='basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth'
# key generation dominates; run the certificates in parallel (2-3 s -> ~1 s)
cert apiserver "/CN=kube-apiserver" "$SERVER\nsubjectAltName=IP:127.0.0.1,IP:$APISERVER_SVC_IP,IP:$NODE_IP,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local" &
cert admin "/O=system:masters/CN=carts-node-admin" "$CLIENT" &
cert apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client" "$CLIENT" &
cert kubelet "/O=system:nodes/CN=system:node:$NODE_NAME" "$CLIENT" &
cert kubelet-serving "/CN=$NODE_NAME" "$SERVER\nsubjectAltName=IP:$NODE_IP,DNS:$NODE_NAME" &
cert kube-proxy "/CN=system:kube-proxy" "$CLIENT" &
cert kcm "/CN=system:kube-controller-manager" "$CLIENT" &
cert scheduler "/CN=system:kube-scheduler" "$CLIENT" &
cert coredns "/CN=system:coredns" "$CLIENT" &
wait
for n in apiserver admin apiserver-kubelet-client kubelet kubelet-serving kube-proxy kcm scheduler coredns; do
  [[ -s "$n.crt" ]] || die "certificate $n was not created"
done
chmod 600 ./*.key
rm -rf "$W/pki"; mv "$W/pki.tmp" "$W/pki"

# kubeconfig <name>: client cert of <name>, cluster CA, the apiserver on 127.0.0.1
for n in admin kubelet kube-proxy kcm scheduler coredns; do
  cat >"$W/$n.kubeconfig" <<EOK
apiVersion: v1
kind: Config
clusters:
- name: carts-node
  cluster:
    server: https://127.0.0.1:$APISERVER_PORT
    certificate-authority: $W/pki/ca.crt
users:
- name: $n
  user:
    client-certificate: $W/pki/$n.crt
    client-key: $W/pki/$n.key
contexts:
- name: carts-node
  context: {cluster: carts-node, user: $n}
current-context: carts-node
EOK
  chmod 600 "$W/$n.kubeconfig"
done
