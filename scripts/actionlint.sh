#!/usr/bin/env bash
# actionlint at a pinned version, built from the Go module proxy once and cached; prints its path.
# Used by .ci/run (the workflows) and the unit tier (the workflows `carts-deploy workflow` writes).
set -euo pipefail
VERSION=v1.7.12
CACHE="${CARTS_CACHE:-$HOME/.cache/carts-deploy}"
export GOBIN="$CACHE/bin/actionlint-$VERSION"
[ -x "$GOBIN/actionlint" ] || GOFLAGS=-buildvcs=false go install "github.com/rhysd/actionlint/cmd/actionlint@$VERSION" >&2
echo "$GOBIN/actionlint"
