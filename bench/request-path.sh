#!/usr/bin/env bash
# The way of one request through our classes, measured, not read off the code: the jar runs on its embedded H2
# database with JDK 25's Flight Recorder method tracing (JEP 520) on every class of ours, serves 200 warm-up
# requests, then one more; bench/RequestPath.java lists the classes that request entered, in order, and counts them
# and the changes of package. Needs a JDK 25 (JAVA_HOME), curl.
#
#   bench/request-path.sh target/full-stack-helidon.jar            (GET /api/v1/items/{id} with a bearer token)
set -euo pipefail
JAR=$(realpath "$1"); PORT=${PORT:-18300}
OUT=$(mktemp -d)
CLASSES=$(unzip -Z1 "$JAR" 'io/fullstackhelidon/*.class' | sed 's/\.class$//; s|/|.|g' | grep -v 'package-info' | paste -sd';')
JVM_EXTRA="-XX:StartFlightRecording:name=path,method-trace=$CLASSES,filename=$OUT/path.jfr"
JVM_EXTRA="$JVM_EXTRA -XX:FlightRecorderOptions:stackdepth=8"
export JVM_EXTRA
source "$(dirname "$0")/one-service.sh"
ITEM=$(new_item)
for _ in $(seq 1 200); do curl -s -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" "127.0.0.1:$PORT/api/v1/items/$ITEM"; done
sleep 1
START=$(date +%s%N)
curl -s -o /dev/null -w 'measured request: %{http_code}\n' -H "Authorization: Bearer $BENCH_TOKEN" \
  "127.0.0.1:$PORT/api/v1/items/$ITEM"
END=$(date +%s%N)
sleep 1
"${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jcmd" "$PID" JFR.dump name=path filename="$OUT/path.jfr" > /dev/null
"${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" "$(dirname "$0")/RequestPath.java" "$OUT/path.jfr" "$START" "$END"
rm -rf "$OUT"
