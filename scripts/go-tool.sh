#!/usr/bin/env bash
# Usage: go-tool.sh NAME PACKAGE VERSION. Builds a Go program with `go install` from the Go module proxy,
# once, into ~/.cache/carts-deploy/bin/NAME-VERSION, and prints its path.
set -euo pipefail
NAME="$1" PACKAGE="$2" VERSION="$3"
export GOBIN="${CARTS_CACHE:-$HOME/.cache/carts-deploy}/bin/$NAME-$VERSION"
[ -x "$GOBIN/$NAME" ] || GOFLAGS=-buildvcs=false go install "$PACKAGE@$VERSION" >&2
echo "$GOBIN/$NAME"
