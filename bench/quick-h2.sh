#!/usr/bin/env bash
# One jar on the embedded H2 database, to compare two builds of the service on its hottest paths without PostgreSQL:
# rate limits off, the options of deploy/jvm.options, wrk -t2 -c64 on users/me and on one item by id (5 s warm-up,
# then three 10 s rounds each), CPU milliseconds per request read from /proc. Binds to 127.0.0.1 only; needs wrk, curl.
#
#   bench/quick-h2.sh target/full-stack-helidon.jar now
set -euo pipefail
JAR=$(realpath "$1"); LABEL=$2; PORT=${PORT:-18200}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
export BENCH_LUA; BENCH_LUA=$(realpath "$(dirname "$0")/wrk")
SCRATCH=$(mktemp -d); cd "$SCRATCH"
export PROJECT_NAME=Bench SECRET_KEY=bench-secret-key-0123456789 FIRST_SUPERUSER=admin@example.com \
  FIRST_SUPERUSER_PASSWORD=benchadminpass1 RATELIMIT_ENABLED=false SERVER_PORT=$PORT LOG_FORMAT=json
"$JAVA" "@$(dirname "$BENCH_LUA")/../deploy/jvm.options" -jar "$JAR" > service.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$SCRATCH"' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/health/ready" > /dev/null && break; sleep 0.5; done
json() { python3 -c "import sys, json; print(json.load(sys.stdin)['$1'])"; }
export BENCH_TOKEN; BENCH_TOKEN=$(curl -s -d username=admin@example.com -d password=benchadminpass1 \
  "localhost:$PORT/api/v1/login/access-token" | json access_token)
ITEM=$(curl -s -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' \
  -d '{"title":"t","description":"d"}' "localhost:$PORT/api/v1/items/" | json id)
wrk -t2 -c64 -d5s -s "$BENCH_LUA/get.lua" "http://127.0.0.1:$PORT/api/v1/users/me" > /dev/null
for path in /api/v1/users/me "/api/v1/items/$ITEM"; do
  for round in 1 2 3; do
    before=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    summary=$(wrk -t2 -c64 -d10s -s "$BENCH_LUA/get.lua" "http://127.0.0.1:$PORT$path" | grep '^SUMMARY')
    after=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    requests=$(echo "$summary" | sed 's/.*requests=\([0-9]*\).*/\1/')
    echo "$LABEL $path round $round: $summary cpu_ms_per_request=$(python3 -c "print(round(($after - $before) * 10 / $requests, 4))")"
  done
done
