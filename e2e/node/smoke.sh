#!/usr/bin/env bash
# smoke.sh: proves the real node started by up.sh works the way the e2e tier will use it, and prints
# the numbers. Each check prints PASS/FAIL; the script exits 1 if any failed.
#   1. Deployment docker.io/keptnexamples/carts:0.8.1 (pulled from the local registry, default pull
#      policy) becomes Ready through its real httpGet readiness probe
#   2. its container is a real process on the host (ps, cgroup)
#   3. its Service's ClusterIP answers from the host through kube-proxy with 0.8.1
#   4. a pod in another namespace resolves carts.sockshop-staging and the FQDN (CoreDNS); a name
#      outside the cluster does not resolve (no upstream DNS)
#   5. 0.8.2 takes >= 1 s per request; 6. 0.8.4 never becomes Ready (/health 503)
#   7. a rolling update 0.8.1 -> 0.8.3 under a client sending through the ClusterIP loses 0 requests
#   8. helm 3 installs examples/carts/chart unchanged (its image docker.io/keptnexamples/carts:0.8.1);
#      an upgrade to 0.8.4 with --atomic is rolled back by the real readiness probe
#   9. nothing leaves the machine: a missing docker.io image is asked of the local registry only, and
#      an image of another registry fails at containerd's dead proxy (127.0.0.1:9)
# Run it after up.sh (as root: it reads the host's process table and cgroups). It removes its
# namespaces at the end; down.sh does not depend on that.
set -euo pipefail
NODE_TAG=smoke
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_root
[[ -f "$ENV_JSON" ]] || die "no running node ($ENV_JSON missing); run e2e/node/up.sh"
IMAGES_DIR=$("$REPO_ROOT/e2e/images/build.sh" --dir)
CLIENT="$IMAGES_DIR/bin/carts-0.8.1"   # the carts binary's load mode, run on the host
[[ -x "$CLIENT" ]] || die "$CLIENT missing; run e2e/images/build.sh"
NS=sockshop-staging
fails=0
pass() { say "PASS $*"; }
failed() { say "FAIL $*"; fails=$((fails + 1)); }
check() { if [[ "$3" == "$2" ]]; then pass "$1: $3"; else failed "$1: got '$3', expected '$2'"; fi; }

# carts_yaml <name> <tag> [replicas]: Deployment + Service as a user's chart would write them
carts_yaml() {
  cat <<EOF
apiVersion: apps/v1
kind: Deployment
metadata: {name: $1, namespace: $NS}
spec:
  replicas: ${3:-1}
  selector: {matchLabels: {app: $1}}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
  template:
    metadata: {labels: {app: $1}}
    spec:
      containers:
      - name: carts
        image: docker.io/keptnexamples/carts:$2
        ports: [{name: http, containerPort: 8080}]
        readinessProbe:
          httpGet: {path: /health, port: http}
          periodSeconds: 1
          failureThreshold: 1
---
apiVersion: v1
kind: Service
metadata: {name: $1, namespace: $NS}
spec:
  selector: {app: $1}
  ports: [{name: http, port: 80, targetPort: http}]
EOF
}
cip() { kc -n "$1" get svc "$2" -o jsonpath='{.spec.clusterIP}'; }

# a previous smoke run's namespaces may still be terminating
kc delete namespace "$NS" smoke-client sockshop-dev --ignore-not-found --timeout=60s >/dev/null 2>&1 || true
kc create namespace "$NS" >/dev/null
kc create namespace smoke-client >/dev/null

# ---- 1. Deployment from the registry, real readiness probe ----------------------------------------
t=$(date +%s.%N)
carts_yaml carts 0.8.1 | kc apply -f - >/dev/null
if kc -n "$NS" rollout status deploy/carts --timeout=60s >/dev/null; then
  pass "1. Deployment carts (docker.io/keptnexamples/carts:0.8.1 via $REGISTRY) Ready in $(elapsed "$t")s"
else
  failed "1. Deployment carts not Ready in 60 s"; kc -n "$NS" describe pods | tail -20 >&2
fi
POD=$(kc -n "$NS" get pod -l app=carts -o jsonpath='{.items[0].metadata.name}')
say "   pod $POD: image $(kc -n "$NS" get pod "$POD" -o jsonpath='{.status.containerStatuses[0].imageID}')"

# ---- 2. a real process on the host -------------------------------------------------------------------
CID=$(kc -n "$NS" get pod "$POD" -o jsonpath='{.status.containerStatuses[0].containerID}'); CID=${CID#containerd://}
HPID=$(timeout 10 "$CTR_BIN" -a "$W/containerd.sock" -n k8s.io tasks ls | awk -v id="$CID" '$1 == id {print $2}')
if [[ -n "$HPID" ]] && ps -o args= -p "$HPID" | grep -qx '/carts'; then
  pass "2. container is host process $HPID: $(ps -o pid=,user=,rss=,args= -p "$HPID" | tr -s ' ') (cgroup $(grep -m1 memory "/proc/$HPID/cgroup" | cut -d: -f3 | cut -c1-40)...)"
else
  failed "2. no host process for container $CID (pid '${HPID}')"
fi

# ---- 3. ClusterIP from the host through kube-proxy ----------------------------------------------------
CIP=$(cip "$NS" carts)
ans=""; for _ in $(seq 40); do ans=$(curl -s -m1 "http://$CIP/version" || true); [[ -n "$ans" ]] && break; sleep 0.25; done
check "3. host -> ClusterIP $CIP:80 /version" '{"source":"image","version":"0.8.1"}' "$ans"
metrics=$(curl -s -m2 -D "$LOGS/smoke-metrics.headers" "http://$CIP/metrics")
check "3. /metrics Content-Type" "text/plain; version=0.0.4; charset=utf-8" "$(tr -d '\r' <"$LOGS/smoke-metrics.headers" | awk -F': ' 'tolower($1)=="content-type"{print $2}')"
check "3. /metrics has http_response_time_milliseconds{handler=\"VersionController.getVersion\"} and requests_latency_seconds" 3 \
  "$(grep -cE '^(http_response_time_milliseconds_count\{handler="VersionController.getVersion"\}|requests_latency_seconds_(sum|count)) ' <<<"$metrics" || true)"
check "3. X-Carts-Version header" "0.8.1" "$(curl -s -m2 -o /dev/null -D - "http://$CIP/carts/smoke" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-carts-version"{print $2}')"

# ---- 4. cluster DNS from a pod in another namespace --------------------------------------------------
kc -n smoke-client run client --image=docker.io/keptnexamples/carts:0.8.3 --port=8080 >/dev/null
kc -n smoke-client wait --for=condition=Ready pod/client --timeout=60s >/dev/null || failed "4. client pod not Ready"
for name in carts.sockshop-staging carts.sockshop-staging.svc.cluster.local; do
  ans=$(kc -n smoke-client exec client -- /carts get -timeout 3s "http://$name/version" 2>&1 || true)
  check "4. pod in smoke-client -> http://$name/version" '{"source":"image","version":"0.8.1"}' "$ans"
done
CPID=$(timeout 10 "$CTR_BIN" -a "$W/containerd.sock" -n k8s.io tasks ls | awk -v id="$(kc -n smoke-client get pod client -o jsonpath='{.status.containerStatuses[0].containerID}' | sed 's|containerd://||')" '$1 == id {print $2}')
say "   the pod's /etc/resolv.conf: $(tr '\n' ';' <"/proc/$CPID/root/etc/resolv.conf")"
# the pod's routing table, read from the host through its process: no default route (00000000)
routes=$(awk 'NR > 1 {print $2}' "/proc/$CPID/net/route" | sort -u | tr '\n' ' ')
if grep -q 00000000 <<<"$routes"; then failed "4. the pod has a default route ($routes)"; else pass "4. the pod has no default route (destinations, hex: $routes)"; fi
if ans=$(kc -n smoke-client exec client -- /carts get -timeout 3s "http://example.com/" 2>&1); then
  failed "4. example.com resolved from a pod: $ans"
else
  pass "4. example.com does not resolve in a pod (no upstream DNS): $(head -n1 <<<"$ans" | cut -c1-110)"
fi

# ---- 5. 0.8.2 is slow, 6. 0.8.4 never Ready ---------------------------------------------------------------
carts_yaml carts-slow 0.8.2 | kc apply -f - >/dev/null
carts_yaml carts-broken 0.8.4 | kc apply -f - >/dev/null
kc -n "$NS" rollout status deploy/carts-slow --timeout=60s >/dev/null || failed "5. carts-slow not Ready"
SIP=$(cip "$NS" carts-slow)
# the Service's rules land in kube-proxy's next sync (<= 1 s after the endpoints change)
wait_for 10 "ClusterIP of carts-slow" curl -sf -m3 "http://$SIP/health" || true
secs=$(curl -s -m5 -o /dev/null -w '%{time_total}' "http://$SIP/carts/smoke/items" || echo 0)
if (( $(echo "$secs >= 1.0" | bc) )); then pass "5. 0.8.2 answers GET /carts/smoke/items in ${secs}s (>= 1 s)"; else failed "5. 0.8.2 answered in ${secs}s"; fi
secs=$(curl -s -m5 -o /dev/null -w '%{time_total}' "http://$CIP/carts/smoke/items" || echo 9)
say "   (0.8.1 answers the same request in ${secs}s)"
BROKEN_T=$(date +%s)   # checked after step 7: by then it has had its chance to become Ready

# ---- 7. rolling update 0.8.1 -> 0.8.3 under load through the ClusterIP --------------------------------
"$CLIENT" load -url "http://$CIP/version" -rate 20 -duration 14s -timeout 2s >"$LOGS/smoke-rollout.json" 2>&1 & LP=$!
sleep 2
t=$(date +%s.%N)
kc -n "$NS" set image deploy/carts carts=docker.io/keptnexamples/carts:0.8.3 >/dev/null
kc -n "$NS" rollout status deploy/carts --timeout=60s >/dev/null || failed "7. rollout to 0.8.3 did not finish"
roll=$(elapsed "$t")
wait "$LP" || true
R=$(cat "$LOGS/smoke-rollout.json")
say "   rollout 0.8.1 -> 0.8.3 took ${roll}s; client through $CIP: $R"
check "7. failed requests during the rolling update (of $(jq -r .sent <<<"$R"))" 0 "$(jq -r .failed <<<"$R")"
check "7. both versions answered" "0.8.1 0.8.3" "$(jq -r '.versions | keys | join(" ")' <<<"$R")"
check "7. ClusterIP after the rollout" '{"source":"image","version":"0.8.3"}' "$(curl -s -m2 "http://$CIP/version")"

# ---- 6. (continued) 0.8.4, applied with 0.8.2 in step 5, is still not Ready ----------------------------
BP=$(kc -n "$NS" get pod -l app=carts-broken -o jsonpath='{.items[0].metadata.name}')
st=$(kc -n "$NS" get pod "$BP" -o jsonpath='{.status.phase} ready={.status.containerStatuses[0].ready} restarts={.status.containerStatuses[0].restartCount}')
probes=$(kc -n "$NS" get events --field-selector "involvedObject.name=$BP,reason=Unhealthy" -o jsonpath='{.items[0].count}' 2>/dev/null || true)
code=$(curl -s -m2 -o /dev/null -w '%{http_code}' "http://$(kc -n "$NS" get pod "$BP" -o jsonpath='{.status.podIP}'):8080/health" || true)
if [[ "$st" == "Running ready=false restarts=0" && "$(kc -n "$NS" get deploy carts-broken -o jsonpath='{.status.readyReplicas}')" == "" ]]; then
  check "6. 0.8.4 $(( $(date +%s) - BROKEN_T ))s after apply: $st, ${probes:-?} failed readiness probes; /health" 503 "$code"
else
  failed "6. 0.8.4 after $(( $(date +%s) - BROKEN_T ))s: $st (expected Running, never ready)"
fi

# ---- 8. helm 3 installs the example chart unchanged; a never-ready upgrade is rolled back ----------------
t=$(date +%s.%N)
if "$HELM3_BIN" --kubeconfig "$ADMIN_KUBECONFIG" upgrade --install carts "$REPO_ROOT/examples/carts/chart" \
     -n sockshop-dev --create-namespace --wait --timeout 90s >"$LOGS/smoke-helm.log" 2>&1; then
  HIP=$(cip sockshop-dev carts)
  check "8. helm 3 install ($(elapsed "$t")s), ClusterIP $HIP answers" '{"source":"image","version":"0.8.1"}' "$(curl -s -m2 "http://$HIP/version")"
  t=$(date +%s.%N)
  if "$HELM3_BIN" --kubeconfig "$ADMIN_KUBECONFIG" upgrade carts "$REPO_ROOT/examples/carts/chart" -n sockshop-dev \
       --set image.tag=0.8.4 --atomic --wait --timeout 15s >>"$LOGS/smoke-helm.log" 2>&1; then
    failed "8. helm upgrade to the never-ready 0.8.4 succeeded"
  else
    check "8. helm --atomic upgrade to 0.8.4 rolled back ($(elapsed "$t")s); service still answers" \
      '{"source":"image","version":"0.8.1"}' "$(curl -s -m2 "http://$HIP/version")"
  fi
else
  failed "8. helm 3 install failed (smoke-helm.log)"; tail -5 "$LOGS/smoke-helm.log" >&2
fi

# ---- 9. nothing leaves the machine --------------------------------------------------------------------
kc -n smoke-client run missing --image=docker.io/library/no-such-image:1 >/dev/null
# another registry, named by a local IP so that even a broken setup cannot send anything (not even
# a DNS query) off the machine: the pull must hit containerd's dead proxy, not 10.88.0.1:22999
kc -n smoke-client run elsewhere --image="$NODE_IP:22999/carts-e2e/no-such-image:1" >/dev/null
msg_of() { kc -n smoke-client get events --field-selector "involvedObject.name=$1,reason=Failed" -o jsonpath='{.items[0].message}' 2>/dev/null; }
both_failed() { [[ -n "$(msg_of missing)" && -n "$(msg_of elsewhere)" ]]; }
wait_for 30 "pull errors of the pods 'missing' and 'elsewhere'" both_failed || true
m1=$(msg_of missing); m2=$(msg_of elsewhere)
if grep -qE '(HEAD|GET) /v2/library/no-such-image/manifests/1' "$LOGS/registry.log" && [[ "$m1" == *"not found"* ]]; then
  pass "9. docker.io/library/no-such-image:1 was asked of $REGISTRY only: $(cut -c1-110 <<<"$m1")"
else
  failed "9. missing docker.io image: registry log has no request, or event '$m1'"
fi
if [[ "$m2" == *"127.0.0.1:9"* ]]; then
  pass "9. an image of another registry stopped at containerd's dead proxy: $(grep -o 'proxyconnect[^;]*' <<<"$m2" | head -1 | cut -c1-80)"
else
  failed "9. the pull from another registry did not fail at the dead proxy: '$m2'"
fi
check "9. containerd log mentions the real Docker Hub" 0 "$(grep -c 'registry-1.docker.io' "$LOGS/containerd.log" || true)"

# ---- cleanup ---------------------------------------------------------------------------------------------
kc delete namespace "$NS" smoke-client sockshop-dev --wait=false >/dev/null 2>&1 || true
if (( fails > 0 )); then say "$fails check(s) FAILED"; exit 1; fi
say "all checks passed"
