#!/usr/bin/env bash
# Assemble a real Apache JMeter 5.6.3 from the Maven Central jars into the layout of the official
# apache-jmeter-5.6.3.tgz, and write the tgz with a .sha512 beside it (archive.apache.org format:
# "<hex> *apache-jmeter-5.6.3.tgz").
#
# Output: ${CARTS_CACHE:-$HOME/.cache/carts-deploy}/jmeter-dist/5.6.3/
#           apache-jmeter-5.6.3.tgz
#           apache-jmeter-5.6.3.tgz.sha512
#           .complete                      (marker, written last)
# Prints the absolute path of the tgz as the last line of stdout.
#
# Idempotent: if the marker, tgz and sha512 exist and the checksum matches, nothing is done.
# Needs: java >= 8, mvn (network access to Maven Central on a cold run), tar, gzip, unzip, sha512sum.
#
# Env:
#   CARTS_CACHE       cache root (default $HOME/.cache/carts-deploy)
#   CARTS_M2_REPO     Maven local repository (default $CARTS_CACHE/m2)
#   JMETER_ASSEMBLE_FORCE=1   rebuild even if the output exists
#   JMETER_ASSEMBLE_KEEP_TREE=1  also leave the unpacked tree at <out>/apache-jmeter-5.6.3
set -euo pipefail

VERSION=5.6.3
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${CARTS_CACHE:-$HOME/.cache/carts-deploy}"
OUT="$CACHE/jmeter-dist/$VERSION"
M2="${CARTS_M2_REPO:-$CACHE/m2}"
NAME="apache-jmeter-$VERSION"
TGZ="$OUT/$NAME.tgz"
SHA="$TGZ.sha512"
MARKER="$OUT/.complete"

log() { echo "[assemble-jmeter] $*" >&2; }

if [[ "${JMETER_ASSEMBLE_FORCE:-0}" != 1 && -f "$MARKER" && -f "$TGZ" && -f "$SHA" ]]; then
  if (cd "$OUT" && sha512sum -c --status "$NAME.tgz.sha512"); then
    log "up to date: $TGZ"
    echo "$TGZ"
    exit 0
  fi
  log "checksum mismatch in $OUT, rebuilding"
fi

for tool in java mvn tar gzip unzip sha512sum; do
  command -v "$tool" >/dev/null || { log "missing tool: $tool"; exit 1; }
done

mkdir -p "$OUT" "$M2"
rm -f "$MARKER"
WORK="$(mktemp -d "$OUT/.work.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# 1. Resolve the jars. The pom is copied so that Maven writes nothing into the source tree.
cp "$HERE/pom.xml" "$WORK/pom.xml"
log "resolving JMeter $VERSION jars from Maven Central (local repo $M2)"
mvn -q -B -Dstyle.color=never -f "$WORK/pom.xml" -Dmaven.repo.local="$M2" \
  dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$WORK/jars" >&2

# 2. Lay them out like the official distribution.
D="$WORK/$NAME"
# lib/junit must exist: NewDriver prints "Could not access .../lib/junit" otherwise.
mkdir -p "$D/bin" "$D/lib/ext" "$D/lib/junit"
shopt -s nullglob
for jar in "$WORK"/jars/*.jar; do
  base="$(basename "$jar")"
  case "$base" in
    ApacheJMeter-"$VERSION".jar)         cp "$jar" "$D/bin/ApacheJMeter.jar" ;;
    ApacheJMeter_config-"$VERSION".jar)  ;; # unpacked below, not shipped as a jar
    ApacheJMeter_*-"$VERSION".jar)       cp "$jar" "$D/lib/ext/${base%-"$VERSION".jar}.jar" ;;
    jorphan-"$VERSION".jar)              cp "$jar" "$D/lib/jorphan.jar" ;;
    *)                                   cp "$jar" "$D/lib/$base" ;;
  esac
done
CONFIG_JAR="$WORK/jars/ApacheJMeter_config-$VERSION.jar"
[[ -f "$CONFIG_JAR" ]] || { log "ApacheJMeter_config jar not resolved"; exit 1; }
# bin/*.properties, bin/log4j2.xml, bin/report-template/, bin/templates/, *.bshrc, ...
unzip -q -o "$CONFIG_JAR" 'bin/*' -d "$D"
unzip -q -o "$CONFIG_JAR" 'META-INF/LICENSE' 'META-INF/NOTICE' -d "$WORK/meta"
cp "$WORK/meta/META-INF/LICENSE" "$D/LICENSE"
cp "$WORK/meta/META-INF/NOTICE" "$D/NOTICE"
install -m 0755 "$HERE/jmeter.sh" "$D/bin/jmeter"
cat > "$D/README.assembled.txt" <<EOF
Apache JMeter $VERSION assembled from the Maven Central artifacts org.apache.jmeter:*:$VERSION
by carts-deploy-action e2e/jmeter/assemble.sh. bin/jmeter is a re-written launcher (the official
one is not published to Maven Central). Docs, GUI extras and some lib/ext plugins
(ftp, ldap, mail, jms, mongodb, bolt, junit) are not included.
EOF

for f in ApacheJMeter.jar jmeter jmeter.properties saveservice.properties upgrade.properties \
         system.properties user.properties log4j2.xml reportgenerator.properties; do
  [[ -e "$D/bin/$f" ]] || { log "missing bin/$f"; exit 1; }
done
[[ -d "$D/bin/report-template" ]] || { log "missing bin/report-template"; exit 1; }
[[ -f "$D/lib/ext/ApacheJMeter_core.jar" && -f "$D/lib/ext/ApacheJMeter_http.jar" ]] \
  || { log "missing lib/ext plugins"; exit 1; }

# 3. Smoke test: the launcher starts and reports the right version.
if ! ver_out="$(cd "$WORK" && HEAP="-Xms64m -Xmx256m" "$D/bin/jmeter" --version 2>&1)"; then
  log "bin/jmeter --version failed:"; echo "$ver_out" >&2; exit 1
fi
grep -q "$VERSION" <<<"$ver_out" || { log "bin/jmeter --version did not print $VERSION:"; echo "$ver_out" >&2; exit 1; }
rm -f "$WORK"/jmeter.log "$D"/bin/jmeter.log

# 4. Pack reproducibly (sorted names, fixed mtime and owner, gzip without name/timestamp),
#    so that the same inputs give the same sha512.
find "$D" -type d -exec chmod 0755 {} +
find "$D" -type f ! -path "$D/bin/jmeter" -exec chmod 0644 {} +
tar --sort=name --mtime='2023-11-26 00:00:00Z' --owner=0 --group=0 --numeric-owner \
    -C "$WORK" -cf - "$NAME" | gzip -n -6 > "$WORK/$NAME.tgz"
(cd "$WORK" && sha512sum -b "$NAME.tgz") > "$WORK/$NAME.tgz.sha512"

mv -f "$WORK/$NAME.tgz" "$TGZ"
mv -f "$WORK/$NAME.tgz.sha512" "$SHA"
if [[ "${JMETER_ASSEMBLE_KEEP_TREE:-0}" == 1 ]]; then
  rm -rf "${OUT:?}/$NAME"
  mv "$D" "$OUT/$NAME"
fi
date -u +%Y-%m-%dT%H:%M:%SZ > "$MARKER"
log "wrote $TGZ ($(du -h "$TGZ" | cut -f1)), sha512 $(cut -c1-16 "$SHA")..."
echo "$TGZ"
