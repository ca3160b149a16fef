#!/usr/bin/env bash
# actionlint at a pinned version, built once and cached; prints its path.
# Used by .ci/run (the workflows) and the unit tier (the workflows `carts-deploy workflow` writes).
exec bash "$(dirname "$0")/go-tool.sh" actionlint github.com/rhysd/actionlint/cmd/actionlint v1.7.12
