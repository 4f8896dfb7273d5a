#!/usr/bin/env bash
# Where one request's CPU goes: the jar on the embedded H2 database (or DATABASE_URL), wrk -t2 -c64 on one path, a
# Flight Recorder profile of RECORD_SECONDS (default 12) after a 5 s warm-up, then the share of execution samples charged to
# each owner: the first frame of the stack, read from the top, that belongs to a package named in bench/owners.txt
# (ours, then Helidon's modules, the drivers, the JDK); the rest is "other". Binds to 127.0.0.1 only; needs wrk, curl.
#
#   bench/profile.sh target/full-stack-helidon.jar /api/v1/users/me
#   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench bench/profile.sh target/full-stack-helidon.jar item
#
# The path "item" creates an item and profiles GET /api/v1/items/{its id}. Prints the owners, most samples first, and
# the hottest frames; keeps the recording as profile.jfr in the working directory.
set -euo pipefail
JAR=$(realpath "$1"); TARGET=$2; PORT=${PORT:-18210}; SECONDS_TO_RECORD=${RECORD_SECONDS:-12}
HERE=$(realpath "$(dirname "$0")")
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export BENCH_LUA="$HERE/wrk"
OUT=$(pwd)/profile.jfr
SCRATCH=$(mktemp -d)
export PROJECT_NAME=Bench SECRET_KEY=bench-secret-key-0123456789 FIRST_SUPERUSER=admin@example.com \
  FIRST_SUPERUSER_PASSWORD=benchadminpass1 RATELIMIT_ENABLED=false SERVER_PORT=$PORT LOG_FORMAT=json
(cd "$SCRATCH" && exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:-@$HERE/../deploy/jvm.options} -XX:FlightRecorderOptions:stackdepth=128 -jar "$JAR" > service.log 2>&1) &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$SCRATCH"' EXIT
for _ in $(seq 1 120); do curl -sf "127.0.0.1:$PORT/health/ready" > /dev/null && break; sleep 0.5; done
json() { python3 -c "import sys, json; print(json.load(sys.stdin)['$1'])"; }
export BENCH_TOKEN; BENCH_TOKEN=$(curl -s -d username=admin@example.com -d password=benchadminpass1 \
  "127.0.0.1:$PORT/api/v1/login/access-token" | json access_token)
if [ "$TARGET" = item ]; then
  TARGET=/api/v1/items/$(curl -s -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' \
    -d '{"title":"t","description":"d"}' "127.0.0.1:$PORT/api/v1/items/" | json id)
fi
wrk -t2 -c64 -d5s -s "$BENCH_LUA/get.lua" "http://127.0.0.1:$PORT$TARGET" > /dev/null
"$JAVA_HOME/bin/jcmd" "$PID" JFR.start name=profile settings=profile > /dev/null
wrk -t2 -c64 -d"${SECONDS_TO_RECORD}s" -s "$BENCH_LUA/get.lua" "http://127.0.0.1:$PORT$TARGET" | grep '^SUMMARY'
"$JAVA_HOME/bin/jcmd" "$PID" JFR.stop name=profile filename="$OUT" > /dev/null
"$JAVA_HOME/bin/jfr" print --json --stack-depth 128 --events jdk.ExecutionSample "$OUT" | python3 "$HERE/owners.py" "$HERE/owners.txt"
