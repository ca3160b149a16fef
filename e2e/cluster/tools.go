//go:build tools

// Package tools pins the main packages build.sh compiles from this module, so
// the module graph (go.mod / go.sum) covers them. It is never compiled.
package tools

import (
	_ "go.etcd.io/etcd/server/v3"
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	// the real node of e2e/node (e2e/node/build.sh kubelet builds them in this module)
	_ "k8s.io/kubernetes/cmd/kube-proxy"
	_ "k8s.io/kubernetes/cmd/kubelet"
)
