#!/usr/bin/env bash
# The cost of issue 21's additions on their hot paths, on one jar with its embedded H2 database (bench/one-service.sh):
# item by id plain and with an If-None-Match that holds (304), item create without and with an Idempotency-Key (a
# new one per request). wrk -t2 -c64, 5 s warm-up, then three 10 s rounds each; CPU milliseconds per request from
# /proc. Binds to 127.0.0.1 only; needs wrk, curl.
#
#   bench/conditional-and-keyed.sh target/full-stack-helidon.jar
set -euo pipefail
JAR=$(realpath "$1"); PORT=${PORT:-18220}
source "$(dirname "$0")/one-service.sh"
ITEM=$(new_item)
export BENCH_ETAG
BENCH_ETAG=$(curl -si -H "Authorization: Bearer $BENCH_TOKEN" "127.0.0.1:$PORT/api/v1/items/$ITEM" \
  | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
wrk -t2 -c64 -d5s -s "$BENCH_LUA/get.lua" "http://127.0.0.1:$PORT/api/v1/items/$ITEM" > /dev/null
run() {
  local label=$1 script=$2 path=$3
  for round in 1 2 3; do
    before=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    summary=$(wrk -t2 -c64 -d10s -s "$BENCH_LUA/$script" "http://127.0.0.1:$PORT$path" | grep '^SUMMARY')
    after=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    requests=$(echo "$summary" | sed 's/.*requests=\([0-9]*\).*/\1/')
    echo "$label round $round: $summary cpu_ms_per_request=$(python3 -c "print(round(($after - $before) * 10 / $requests, 4))")"
  done
}
run "item by id" get.lua "/api/v1/items/$ITEM"
run "item by id, If-None-Match (304)" get_if_none_match.lua "/api/v1/items/$ITEM"
run "item create" create_item.lua /api/v1/items/
run "item create, Idempotency-Key" create_item_keyed.lua /api/v1/items/
