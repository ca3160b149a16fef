#!/usr/bin/env bash
# nektos/act (the only version the Go module proxy serves), built once and cached; prints its path.
# The e2e tier runs the repository's delivery workflow with it, in host mode (no Docker).
exec bash "$(dirname "$0")/../../scripts/go-tool.sh" act github.com/nektos/act v0.2.89
