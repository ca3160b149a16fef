#!/usr/bin/env bash
# Stops the test cluster started by start.sh (idempotent): e2e/node/down.sh stops every daemon it started
# and leaves the host as it found it (sysctls, iptables, mounts, cgroups, paths); then the env files go.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.sh
source "$HERE/versions.sh"

bash "$HERE/../node/down.sh"
status=$?
rm -f "$RUN_DIR/env.sh" "$RUN_DIR/env.json"
exit $status
