#!/usr/bin/env bash
# One jar on the embedded H2 database, to compare two builds of the service on its hottest paths without PostgreSQL:
# rate limits off, the options of deploy/jvm.options, wrk -t2 -c64 on the health check, users/me and one item by id
# (5 s warm-up, then three 10 s rounds each), CPU milliseconds per request read from /proc. Binds to 127.0.0.1 only;
# needs wrk, curl.
#
#   bench/quick-h2.sh target/full-stack-helidon.jar now      (DATABASE_URL=... for PostgreSQL)
set -euo pipefail
JAR=$(realpath "$1"); LABEL=$2; PORT=${PORT:-18200}
source "$(dirname "$0")/one-service.sh"
ITEM=$(new_item)
wrk -t2 -c64 -d5s -s "$BENCH_LUA/get.lua" "http://127.0.0.1:$PORT/api/v1/users/me" > /dev/null
for path in /api/v1/utils/health-check/ /api/v1/users/me "/api/v1/items/$ITEM"; do
  for round in 1 2 3; do
    before=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    summary=$(wrk -t2 -c64 -d10s -s "$BENCH_LUA/get.lua" "http://127.0.0.1:$PORT$path" | grep '^SUMMARY')
    after=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    requests=$(echo "$summary" | sed 's/.*requests=\([0-9]*\).*/\1/')
    echo "$LABEL $path round $round: $summary cpu_ms_per_request=$(python3 -c "print(round(($after - $before) * 10 / $requests, 4))")"
  done
done
