#!/usr/bin/env bash
# The embedded default's tail (issue 22, goal 5): one jar on its embedded H2 database (bench/one-service.sh), 120
# items of the superuser, then wrk -t2 -c64 --latency on the 100-row list: a 5 s warm-up and ROUNDS (3) rounds of
# 10 s, one summary line each (requests/s, p50, p99, max). Binds to 127.0.0.1 only; needs wrk, curl.
#
#   bench/list-tail.sh target/full-stack-helidon.jar
set -euo pipefail
JAR=$(realpath "$1"); PORT=${PORT:-18300}; ROUNDS=${ROUNDS:-3}
source "$(dirname "$0")/one-service.sh"
for _ in $(seq 1 120); do new_item > /dev/null; done
URL="http://127.0.0.1:$PORT/api/v1/items/?limit=100"
wrk -t2 -c64 -d5s -s "$BENCH_LUA/get.lua" "$URL" > /dev/null
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round: $(wrk -t2 -c64 -d10s -s "$BENCH_LUA/get.lua" "$URL" | grep '^SUMMARY')"
done
