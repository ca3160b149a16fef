#! /bin/sh
##   bin/jmeter for the assembled Apache JMeter 5.6.3 distribution.
##
##   The official launcher script is not published in any Maven Central jar, so assemble.sh installs
##   this file as bin/jmeter. It follows the official 5.x script: resolve the bin directory through
##   symlinks, source bin/setenv.sh if present, find java (JAVA_HOME, JRE_HOME, PATH), then run
##
##     java $ARGS $JVM_ARGS $JMETER_OPTS -jar bin/ApacheJMeter.jar "$@"
##
##   Environment variables (same names and defaults as the official 5.x script):
##   JVM_ARGS         extra java args, e.g. JVM_ARGS="-Xms512m -Xmx512m" jmeter ...
##   HEAP             default "-Xms1g -Xmx1g -XX:MaxMetaspaceSize=256m"
##   GC_ALGO          default "-XX:+UseG1GC -XX:MaxGCPauseMillis=100 -XX:G1ReservePercent=20"
##   JMETER_LANGUAGE  default "-Duser.language=en -Duser.region=EN"
##   JMETER_OPTS      extra java options
##   JMETER_HOME      defaults to the parent of this script's directory
##   JAVA_HOME / JRE_HOME
##
##   Difference from the official script: java is started with `exec`, so a signal sent to this
##   script's pid (e.g. a timeout kill) reaches the JVM.

# resolve links - $0 may be a softlink
PRG="$0"
while [ -h "$PRG" ]; do
  ls=`ls -ld "$PRG"`
  link=`expr "$ls" : '.*-> \(.*\)$'`
  if expr "$link" : '/.*' > /dev/null; then
    PRG="$link"
  else
    PRG=`dirname "$PRG"`/"$link"
  fi
done
PRGDIR=`dirname "$PRG"`

[ -z "$JMETER_HOME" ] && JMETER_HOME=`cd "$PRGDIR/.." >/dev/null; pwd`

if [ -r "${JMETER_HOME}/bin/setenv.sh" ]; then
  . "${JMETER_HOME}/bin/setenv.sh"
fi

if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA="$JAVA_HOME/bin/java"
elif [ -n "$JRE_HOME" ] && [ -x "$JRE_HOME/bin/java" ]; then
  JAVA="$JRE_HOME/bin/java"
else
  JAVA=`command -v java 2>/dev/null`
fi
if [ -z "$JAVA" ]; then
  echo "Neither the JAVA_HOME nor the JRE_HOME environment variable is defined"
  echo "At least one of these environment variable is needed to run this program"
  exit 1
fi

# Minimal version to run JMeter
MINIMAL_VERSION=8
CURRENT_VERSION=`"$JAVA" -version 2>&1 | awk -F'"' '/version/ {gsub("^1[.]", "", $2); gsub("[^0-9].*$", "", $2); print $2}'`
if [ -n "$CURRENT_VERSION" ] && [ "$CURRENT_VERSION" -lt "$MINIMAL_VERSION" ]; then
  echo "JMeter requires Java $MINIMAL_VERSION or later. Current java version is $CURRENT_VERSION"
  exit 1
fi

: "${HEAP:="-Xms1g -Xmx1g -XX:MaxMetaspaceSize=256m"}"
: "${GC_ALGO:="-XX:+UseG1GC -XX:MaxGCPauseMillis=100 -XX:G1ReservePercent=20"}"
: "${JMETER_LANGUAGE:="-Duser.language=en -Duser.region=EN"}"
: "${JMETER_OPTS:=""}"

# Always dump on OOM (does not cost anything unless triggered)
DUMP="-XX:+HeapDumpOnOutOfMemoryError"
SYSTEM_PROPS="-Djava.security.egd=file:/dev/urandom"
SERVER="-server"

ARGS="$SERVER $DUMP $HEAP $GC_ALGO $SYSTEM_PROPS $JMETER_LANGUAGE"

# shellcheck disable=SC2086
exec "$JAVA" $ARGS $JVM_ARGS $JMETER_OPTS -jar "$PRGDIR/ApacheJMeter.jar" "$@"
