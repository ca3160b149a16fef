#!/usr/bin/env bash
# nektos/act (the only version the Go module proxy serves), built once and cached; prints its path.
# The e2e tier runs the repository's delivery workflow with it, in host mode (no Docker).
set -euo pipefail
VERSION=v0.2.89
CACHE="${CARTS_CACHE:-$HOME/.cache/carts-deploy}"
export GOBIN="$CACHE/bin/act-$VERSION"
[ -x "$GOBIN/act" ] || GOFLAGS=-buildvcs=false go install "github.com/nektos/act@$VERSION" >&2
echo "$GOBIN/act"
