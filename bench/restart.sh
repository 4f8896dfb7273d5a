#!/usr/bin/env bash
# Start-up to ready on a restart, the case of every start but the first: each launch path gets a working directory (and
# with STARTUP_DATABASE_URL a PostgreSQL database) of its own, where one unmeasured start creates the schema, the
# superuser and whatever that path caches (the class-data archive of deploy/jvm.options); then ROUNDS rounds take
# turns between the paths, each start timed from launch to the first 200 of /health/ready (polled every 5 ms), then
# stopped with SIGTERM (bench/launch-to-ready.py). Prints the median and the fastest per path. Binds to
# 127.0.0.1:18790 only.
#
#   bench/restart.sh 'jar=java @DEPLOY/jvm.options -jar target/full-stack-helidon.jar' 'exec=./mvnw -q compile exec:exec'
#   ROUNDS=9; STARTUP_DATABASE_URL=postgresql://postgres@127.0.0.1:5432 STARTUP_REDIS_URL=redis://127.0.0.1:6379
# In a command, DIR is the path's working directory and DEPLOY this checkout's deploy/. Needs python3, psql for PG.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-9}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
declare -A COMMAND DATABASE RESULTS
LABELS=()
for spec in "$@"; do
  label="${spec%%=*}"; LABELS+=("$label")
  mkdir -p "$WORK/$label"
  COMMAND[$label]="$(echo "${spec#*=}" | sed "s|DIR|$WORK/$label|g; s|DEPLOY|$ROOT/deploy|g")"
  DATABASE[$label]=""
  if [ -n "${STARTUP_DATABASE_URL:-}" ]; then
    PGOPTIONS="-c client_min_messages=warning" psql "$STARTUP_DATABASE_URL/postgres" -qc "DROP DATABASE IF EXISTS restart_$label" \
      -qc "CREATE DATABASE restart_$label"
    DATABASE[$label]="$STARTUP_DATABASE_URL/restart_$label"
  fi
done

launch() { # label -> milliseconds to ready, or "failed"
  (cd "$WORK/$1" && env -i PATH="$PATH" HOME="$HOME" SERVER_PORT=18790 SECRET_KEY=restart-secret-key-0123456789abcdef \
     FIRST_SUPERUSER=admin@example.com FIRST_SUPERUSER_PASSWORD=restart-password SHUTDOWN_DRAIN_SECONDS=0 \
     DATABASE_URL="${DATABASE[$1]}" REDIS_URL="${STARTUP_REDIS_URL:-}" READY_TIMEOUT=120 \
     python3 "$ROOT/bench/launch-to-ready.py" ${COMMAND[$1]})
}

for label in "${LABELS[@]}"; do echo "first start of $label: $(launch "$label") ms (not counted)" >&2; done
for round in $(seq 1 "$ROUNDS"); do
  line=""
  for label in "${LABELS[@]}"; do
    ms="$(launch "$label")"; RESULTS[$label]+="$ms "; line+="$label $ms ms  "
  done
  echo "round $round: $line" >&2
done
echo "| launch path | restart to ready, median ms | fastest ms | runs |"
echo "|---|---:|---:|---:|"
for label in "${LABELS[@]}"; do
  echo "${RESULTS[$label]}" | tr ' ' '\n' | grep -E '^[0-9]+$' | sort -n | awk -v label="$label" -v rounds="$ROUNDS" '
    { value[NR] = $1 } END { if (NR == 0) { print "| " label " | failed | | 0/" rounds " |"; exit }
      median = (NR % 2) ? value[(NR + 1) / 2] : (value[NR / 2] + value[NR / 2 + 1]) / 2
      print "| " label " | " median " | " value[1] " | " NR "/" rounds " |" }'
done
