// Command coredns is CoreDNS with only the plugins the real-node tier needs: cluster DNS for
// Services and Pods (kubernetes) plus bind, errors, health, ready, cache and log. No forward
// plugin: names outside the cluster zones get no answer from upstream, so no DNS query ever leaves
// the machine. Built by e2e/node/build.sh from the Go module proxy (github.com/coredns/coredns).
package main

import (
	"github.com/coredns/coredns/core/dnsserver"
	"github.com/coredns/coredns/coremain"

	_ "github.com/coredns/coredns/plugin/bind"
	_ "github.com/coredns/coredns/plugin/cache"
	_ "github.com/coredns/coredns/plugin/errors"
	_ "github.com/coredns/coredns/plugin/health"
	_ "github.com/coredns/coredns/plugin/kubernetes"
	_ "github.com/coredns/coredns/plugin/log"
	_ "github.com/coredns/coredns/plugin/ready"
)

// The plugins run in this order (CoreDNS's own order, restricted to the ones compiled in).
var directives = []string{"bind", "ready", "health", "errors", "log", "cache", "kubernetes"}

func main() {
	dnsserver.Directives = directives
	coremain.Run()
}
