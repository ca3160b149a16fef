#!/usr/bin/env bash
# Builds the test images of the real-node tier from source, as OCI image layouts (never downloaded):
#   docker.io/keptnexamples/carts:0.8.1 .. 0.8.4   the carts service (carts/, static Go, stdlib only)
#   docker.io/carts-e2e/pause:1.0                  the pod sandbox (pause/pause.c, static C)
#   docker.io/carts-e2e/jmeter:5.6.3               the load engines of `load-engines` (see JMETER below)
# Each carts version's behaviour is baked into its binary (the VERSIONS table below), not read
# from the environment, so a chart cannot change it.
#
# Output: ${CARTS_CACHE:-$HOME/.cache/carts-deploy}/node/images-<key>/ with one layout per image
# under layouts/, images.tsv ("<image ref> <layout dir> <manifest digest>") and a .built marker.
# <key> hashes every input (sources, this script, Go and gcc versions): same inputs, same
# directory, and the layouts are byte-identical (mkoci writes them reproducibly), so the digests
# only change when the code does. A cached build returns at once.
# The last line printed is the output directory.
# Usage: build.sh [--dir]   (--dir: print the directory the current sources map to; build nothing)
# Needs: go (GOTOOLCHAIN=local), gcc with a static libc (libc6-dev), sha256sum, bc, and for the JMeter
# image a JDK with jlink plus what e2e/jmeter/assemble.sh needs (Maven).
# Tests of the carts service: (cd e2e/images && go test ./...)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CARTS_CACHE=${CARTS_CACHE:-$HOME/.cache/carts-deploy}

# version  extra latency (ms)  unready (/health 503)
VERSIONS="
0.8.1 0    false
0.8.2 1000 false
0.8.3 0    false
0.8.4 0    true
"
CARTS_REPO=docker.io/keptnexamples/carts
PAUSE_REF=docker.io/carts-e2e/pause:1.0
# The JMeter image: a jlink runtime of the JDK that is here (only the modules JMeter 5.6.3 uses: 61 MB
# instead of the whole JDK), the Maven-assembled JMeter 5.6.3 of e2e/jmeter/, and jmeter-pod/ (the image
# has no shell). Paths are the contract the action relies on: /opt/java/bin/java,
# /opt/jmeter/bin/ApacheJMeter.jar, /usr/local/bin/jmeter-pod.
JMETER_REF=docker.io/carts-e2e/jmeter:5.6.3
JRE_MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.sql,java.xml,java.xml.crypto,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.localedata,jdk.management,jdk.naming.dns,jdk.unsupported,jdk.zipfs
JMETER_TGZ=$("$HERE/../jmeter/assemble.sh" | tail -n1)

key() {
  {
    (cd "$HERE" && find go.mod build.sh carts mkoci pause jmeter-pod -type f \( -name '*.go' ! -name '*_test.go' -o -name '*.c' -o -name go.mod -o -name build.sh \) | sort | xargs sha256sum)
    go env GOVERSION
    gcc -dumpfullversion
    cat "$JMETER_TGZ.sha512"
    java -version 2>&1
  } | sha256sum | cut -c1-16
}
OUT="$CARTS_CACHE/node/images-$(key)"
if [[ "${1:-}" == --dir ]]; then echo "$OUT"; exit 0; fi
if [[ -f "$OUT/.built" ]]; then echo "[images] cached"; echo "$OUT"; exit 0; fi

t0=$(date +%s.%N)
rm -rf "$OUT"; mkdir -p "$OUT/bin" "$OUT/layouts" "$OUT/root"
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false
cd "$HERE"
go build -trimpath -ldflags "-s -w" -o "$OUT/bin/mkoci" ./mkoci
gcc -Os -static -s -o "$OUT/bin/pause" pause/pause.c
# minimal /etc for a non-root user (Go's os/user and some tools read them)
printf 'root:x:0:0:root:/:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n' > "$OUT/root/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$OUT/root/group"

: > "$OUT/images.tsv.tmp"
while read -r v ms unready; do
  [[ -n "$v" ]] || continue
  go build -trimpath -ldflags "-s -w -X main.version=$v -X main.extraLatencyMs=$ms -X main.unready=$unready" \
    -o "$OUT/bin/carts-$v" ./carts
  d=$("$OUT/bin/mkoci" -layout "$OUT/layouts/carts-$v" -ref "$v" -entrypoint /carts -user 65534:65534 \
    -port 8080/tcp -label "org.opencontainers.image.version=$v" -label "org.opencontainers.image.title=carts" \
    "$OUT/bin/carts-$v:/carts:0755" "$OUT/root/passwd:/etc/passwd:0644" "$OUT/root/group:/etc/group:0644" ":/tmp/")
  echo "$CARTS_REPO:$v $OUT/layouts/carts-$v $d" >> "$OUT/images.tsv.tmp"
done <<< "$VERSIONS"
d=$("$OUT/bin/mkoci" -layout "$OUT/layouts/pause-1.0" -ref 1.0 -entrypoint /pause -user 65535:65535 \
  "$OUT/bin/pause:/pause:0755")
echo "$PAUSE_REF $OUT/layouts/pause-1.0 $d" >> "$OUT/images.tsv.tmp"
go build -trimpath -ldflags "-s -w" -o "$OUT/bin/jmeter-pod" ./jmeter-pod
mkdir -p "$OUT/jmeter"
tar -xzf "$JMETER_TGZ" -C "$OUT/jmeter"
jlink --add-modules "$JRE_MODULES" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$OUT/jmeter/jre"
# The JRE's binaries are linked against the host's glibc and the libraries its modules load (zlib, and for
# java.desktop's AWT the X11/freetype ones, loaded only when used): the image carries those it resolves to.
libs=()
while read -r lib; do
  libs+=("$(readlink -f "$lib"):$lib:0755")
done < <(find "$OUT/jmeter/jre" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null |
  awk '$2 == "=>" && $3 ~ /^\// && $3 !~ /\/jre\// {print $3} $1 ~ /^\/lib64\/ld-linux/ {print $1}' | sort -u)
d=$("$OUT/bin/mkoci" -layout "$OUT/layouts/jmeter-5.6.3" -ref 5.6.3 -entrypoint /usr/local/bin/jmeter-pod \
  -cmd hold -cmd 3600 -user 65534:65534 -workdir /work -env JAVA_HOME=/opt/java \
  -label "org.opencontainers.image.version=5.6.3" -label "org.opencontainers.image.title=jmeter" \
  -tree "$OUT/jmeter/jre:/opt/java" -tree "$OUT/jmeter/apache-jmeter-5.6.3:/opt/jmeter" \
  "$OUT/bin/jmeter-pod:/usr/local/bin/jmeter-pod:0755" "$OUT/root/passwd:/etc/passwd:0644" \
  "$OUT/root/group:/etc/group:0644" ":/tmp/" ":/work/" "${libs[@]}")
echo "$JMETER_REF $OUT/layouts/jmeter-5.6.3 $d" >> "$OUT/images.tsv.tmp"
rm -rf "$OUT/jmeter"
mv "$OUT/images.tsv.tmp" "$OUT/images.tsv"
printf 'built=%s\nseconds=%s\n' "$(date -u +%FT%TZ)" "$(echo "$(date +%s.%N) - $t0" | bc)" > "$OUT/.built"
# earlier builds are never used again (up.sh pushes the current one): keep the cache from growing
find "$CARTS_CACHE/node" -maxdepth 1 -name 'images-*' ! -path "$OUT" -exec rm -rf {} +
echo "[images] built in $(echo "$(date +%s.%N) - $t0" | bc | cut -c1-5)s:"
sed 's/^/[images]   /' "$OUT/images.tsv"
echo "$OUT"
