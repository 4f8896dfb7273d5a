#!/usr/bin/env bash
# Where one request's CPU time is spent, by process and by mode: the jar on DATABASE_URL (PostgreSQL), wrk -t2
# -c$C (default 64) on one scenario (8 s warm-up, then two 10 s rounds), and per request the JVM's user and system
# milliseconds and those of the database's backends (PostgreSQL processes serving that database), from /proc.
# Binds to 127.0.0.1 only; needs wrk, curl.
#
#   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/quick bench/cpu-split.sh target/full-stack-helidon.jar item
#   scenarios: item (GET /items/{id}), me (GET /users/me), create (POST /items/); JVM_EXTRA="-D..." adds JVM options
set -euo pipefail
JAR=$(realpath "$1"); SCENARIO=${2:-item}; PORT=${PORT:-18230}; CONNECTIONS=${C:-64}
DATABASE=${DATABASE_URL##*/}
source "$(dirname "$0")/one-service.sh"
case "$SCENARIO" in
  item) SCRIPT=get.lua; URL=http://127.0.0.1:$PORT/api/v1/items/$(new_item) ;;
  me) SCRIPT=get.lua; URL=http://127.0.0.1:$PORT/api/v1/users/me ;;
  create) SCRIPT=create_item.lua; URL=http://127.0.0.1:$PORT/api/v1/items/ ;;
  *) echo "scenario: item, me or create" >&2; exit 2 ;;
esac
ticks() { awk '{print $14, $15}' "/proc/$PID/stat"; }
backends() { for p in $(pgrep -f "postgres: .* $DATABASE " || true); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done |
  awk '{s += $1} END {print s + 0}'; }
wrk -t2 -c16 -d8s -s "$BENCH_LUA/$SCRIPT" "$URL" > /dev/null
for round in 1 2; do
  read -r user0 system0 < <(ticks); database0=$(backends)
  summary=$(wrk -t2 -c"$CONNECTIONS" -d10s -s "$BENCH_LUA/$SCRIPT" "$URL" | grep '^SUMMARY')
  read -r user1 system1 < <(ticks); database1=$(backends)
  requests=$(echo "$summary" | sed 's/.*requests=\([0-9]*\).*/\1/')
  echo "$SCENARIO round $round: $(echo "$summary" | cut -d' ' -f2-5) | $(python3 -c "
hz, n = $(getconf CLK_TCK), $requests
print(f'per request: JVM user {1000 * ($user1 - $user0) / hz / n:.4f} ms, JVM system {1000 * ($system1 - $system0) / hz / n:.4f} ms, '
      f'database {1000 * ($database1 - $database0) / hz / n:.4f} ms')")"
done
