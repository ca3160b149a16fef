#!/usr/bin/env bash
# Smoke test of the local cluster tier with real helm:
#   1. helm upgrade --install --wait of testdata/smoke-chart (1.0.0) succeeds,
#      kubectl rollout status succeeds;
#   2. upgrade to 2.0.0 with pods labelled carts-deploy.test/never-ready=true,
#      --wait --timeout 20s plus --atomic (helm 3) / --rollback-on-failure (helm 4):
#      helm must fail, history must show the rollback, the Deployment must be
#      back on 1.0.0 and rolled out.
# Usage: smoke.sh [helm3|helm4|both]   (default both)
# Starts the cluster if needed (start.sh is idempotent); it does not stop it
# (run stop.sh, or set CARTS_SMOKE_STOP=1). Exit 0 only if every check passed.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CHART="$HERE/testdata/smoke-chart"
which_helm="${1:-both}"

"$HERE/start.sh" >/dev/null || { echo "[smoke] FAIL: cluster did not start" >&2; exit 1; }
# shellcheck disable=SC1091
source "${CARTS_CACHE:-$HOME/.cache/carts-deploy}/cluster/run/env.sh"

failures=0
T0=$(date +%s)
say()  { echo "[smoke $label +$(( $(date +%s) - T0 ))s] $*"; }
pass() { say "ok   - $*"; }
bad()  { say "FAIL - $*"; failures=$((failures + 1)); }
k()    { timeout 120 "$KUBECTL" "$@"; }

run_one() {
  local major="$1" helm="$2" rollback_flag="$3"
  label="helm$major"
  local ns="smoke-helm$major-$$" rel="smoke" dep="smoke-smoke" out rc
  say "using $("$helm" version --short) against $CARTS_KUBE_SERVER, namespace $ns"
  k create namespace "$ns" >/dev/null || { bad "create namespace $ns"; return; }

  # 1. good install
  if out=$(timeout 120 "$helm" upgrade --install "$rel" "$CHART" -n "$ns" \
        --set image.tag=1.0.0 --wait --timeout 60s 2>&1); then
    pass "helm upgrade --install --wait (1.0.0)"
  else
    bad "helm upgrade --install --wait (1.0.0): $out"
  fi
  if k -n "$ns" rollout status "deployment/$dep" --timeout=60s >/dev/null 2>&1; then
    pass "kubectl rollout status"
  else
    bad "kubectl rollout status"
  fi

  # 2. never-ready upgrade must time out and roll back
  local t1; t1=$(date +%s)
  out=$(timeout 180 "$helm" upgrade "$rel" "$CHART" -n "$ns" \
        --set image.tag=2.0.0 --set neverReady=true \
        --wait --timeout 20s "$rollback_flag" 2>&1); rc=$?
  if [[ $rc -ne 0 ]]; then
    pass "never-ready upgrade failed as expected after $(( $(date +%s) - t1 ))s (rc=$rc): $(echo "$out" | tail -n 1)"
  else
    bad "never-ready upgrade unexpectedly succeeded: $out"
  fi

  local hist
  hist=$(timeout 60 "$helm" history "$rel" -n "$ns" -o json 2>&1)
  echo "$hist" | sed 's/^/    history: /' | cut -c1-400
  # revision 2 failed, revision 3 = "Rollback to 1" and deployed
  if echo "$hist" | grep -q '"revision":2,[^}]*"status":"failed"' \
     && echo "$hist" | grep -q '"revision":3,[^}]*"status":"deployed"[^}]*"description":"Rollback to 1"'; then
    pass "helm history shows failed rev 2 and 'Rollback to 1' as deployed rev 3"
  else
    bad "helm history does not show the rollback"
  fi

  local img
  img=$(k -n "$ns" get "deployment/$dep" -o 'jsonpath={.spec.template.spec.containers[0].image}' 2>&1)
  if [[ "$img" == *":1.0.0" ]]; then pass "deployment image back to 1.0.0"; else bad "deployment image is '$img'"; fi
  if k -n "$ns" rollout status "deployment/$dep" --timeout=60s >/dev/null 2>&1; then
    pass "kubectl rollout status after rollback"
  else
    bad "kubectl rollout status after rollback"
  fi

  if [[ "${CARTS_SMOKE_KEEP:-0}" != 1 ]]; then
    timeout 60 "$helm" uninstall "$rel" -n "$ns" >/dev/null 2>&1 || true
    k delete namespace "$ns" --wait=false >/dev/null 2>&1 || true
  fi
}

case "$which_helm" in
  helm3) run_one 3 "$HELM3" --atomic ;;
  helm4) run_one 4 "$HELM4" --rollback-on-failure ;;
  both)  run_one 3 "$HELM3" --atomic; run_one 4 "$HELM4" --rollback-on-failure ;;
  *) echo "usage: $0 [helm3|helm4|both]" >&2; exit 2 ;;
esac

[[ "${CARTS_SMOKE_STOP:-0}" == 1 ]] && "$HERE/stop.sh"
label=all
if [[ $failures -eq 0 ]]; then say "PASS"; exit 0; fi
say "FAIL ($failures failed checks)"; exit 1
