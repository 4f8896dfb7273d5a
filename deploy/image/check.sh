#!/usr/bin/env bash
# Checks a runtime image the way a deployment uses it: the admin commands (migrate, create-superuser twice: the
# second run must leave the user alone), then `serve` until /health/ready answers 200, the smoke checks
# (deploy/image/smoke.sh), JVM silence on stderr (no rejected AOT cache, no warnings), and a clean stop on SIGTERM.
#   deploy/image/check.sh IMAGE_DIR      with DATABASE_URL (and REDIS_URL, SMTP_*, ...) in the environment
# Exits non-zero at the first failed step, printing the service's output.
set -euo pipefail
IMAGE="$(cd "$1" && pwd)"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$HERE/lib.sh"
PORT="${CHECK_PORT:-18700}"
export SERVER_PORT="$PORT" SECRET_KEY="${SECRET_KEY:-image-check-secret-key-0123456789abcdef}"
export FIRST_SUPERUSER="${FIRST_SUPERUSER:-admin@example.com}"
export FIRST_SUPERUSER_PASSWORD="${FIRST_SUPERUSER_PASSWORD:-image-check-password}"
export SHUTDOWN_DRAIN_SECONDS="${SHUTDOWN_DRAIN_SECONDS:-1}"
# rate-limit buckets of its own in a shared Redis: earlier runs' sign-ups must not count against this one's
export REDIS_PREFIX="${REDIS_PREFIX:-image-check-$(date +%s)-$$:}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "image check FAILED: $*" >&2; tail -n 30 "$WORK"/*.log >&2 || true; exit 1; }

cd "$WORK"
for command in migrate create-superuser create-superuser; do
  "$IMAGE/bin/full-stack-helidon" "$command" >"$WORK/$command.log" 2>&1 || fail "$command exited with $?"
  echo "ok    $command"
done
grep -q 'already exists' "$WORK/create-superuser.log" || fail "the second create-superuser did not find the user"

start=$(date +%s%N)
"$IMAGE/bin/full-stack-helidon" >"$WORK/serve.log" 2>"$WORK/serve-stderr.log" &
pid=$!
if ! wait_ready "http://127.0.0.1:$PORT" "$pid" 60; then
  kill -0 "$pid" 2>/dev/null || fail "the service exited before it was ready"
  kill "$pid"
  fail "not ready after 60 s"
fi
echo "ok    ready after $(( ($(date +%s%N) - start) / 1000000 )) ms"

"$HERE/smoke.sh" "http://127.0.0.1:$PORT" || { kill "$pid"; fail "smoke checks"; }

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
[ "$status" = 0 ] || fail "the service stopped with status $status after SIGTERM (a requested stop exits 0)"
grep -q 'Stopped: requests finished' "$WORK/serve.log" || fail "no graceful stop in the log"
echo "ok    stopped on SIGTERM (status $status)"
# the launcher sends the JVM's own warnings to stderr: a rejected AOT cache or a native-access warning would show here
[ ! -s "$WORK/serve-stderr.log" ] || fail "the JVM wrote to stderr: $(head -c 500 "$WORK/serve-stderr.log")"
echo "ok    nothing on stderr"
python3 -c '
import json, sys
lines = open(sys.argv[1]).read().splitlines()
bad = [line for line in lines if not line.startswith("{") or not json.loads(line).get("message")]
sys.exit(f"{len(bad)} of {len(lines)} log lines are not JSON, e.g. {bad[0][:200]}" if bad else 0)
' "$WORK/serve.log" || fail "stdout is not one JSON object per line"
echo "ok    stdout is JSON lines ($(wc -l <"$WORK/serve.log"))"
