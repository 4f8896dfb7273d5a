#!/usr/bin/env bash
# Records the start-up cache of a runtime image built by build.sh: a training run on a throw-away embedded database
# starts the service, serves a few requests and stops; the JVM records the classes it loaded and linked (and, with an
# AOT cache, method profiles) into app/app.aot (JDK 25+, -XX:AOTCacheOutput) or app/app.jsa (CDS,
# -XX:ArchiveClassesAtExit). The launcher uses whichever exists.
# Usage: deploy/image/train.sh IMAGE_DIR [auto|aot|cds|none]
#   TRAINING_DATABASE_URL / TRAINING_REDIS_URL: train on PostgreSQL / Redis instead of a throw-away H2 database, so
#   that their drivers' classes are in the cache too (start-up on PostgreSQL + Redis: see docs/benchmarks.md).
#   The training run creates its superuser (training@example.com) and items there.
# The cache is bound to the image's path: train again after moving the image (the JVM ignores a stale cache, warning
# on stderr).
set -euo pipefail
IMAGE="$(cd "$1" && pwd)"
KIND="${2:-auto}"
NAME=full-stack-helidon
log() { echo "[image] $*" >&2; }
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rm -f "$IMAGE/app/app.aot" "$IMAGE/app/app.jsa"
[ "$KIND" = none ] && exit 0
if [ "$KIND" = auto ]; then
  KIND=$([ "$(java_feature_version "$IMAGE/bin/java")" -ge 25 ] && echo aot || echo cds)
fi
# A CDS archive of the application extends the JDK's base archive, which jlink does not write by default.
if [ "$KIND" = cds ] && [ ! -f "$IMAGE/lib/server/classes.jsa" ]; then
  "$IMAGE/bin/java" -Xshare:dump -Xlog:disable >/dev/null
fi
case "$KIND" in
  aot) option="-XX:AOTCacheOutput=$IMAGE/app/app.aot" ;;
  cds) option="-XX:ArchiveClassesAtExit=$IMAGE/app/app.jsa" ;;
  *) echo "unknown cache kind $KIND" >&2; exit 2 ;;
esac

work="$(mktemp -d)"
port="${TRAINING_PORT:-18765}"
log "training run for the start-up cache ($option)"
(cd "$work" && exec env -i PATH="$PATH" JAVA_OPTS="$option" SERVER_PORT="$port" PROJECT_NAME=Training \
   SECRET_KEY=training-secret-key-0123456789abcdef FIRST_SUPERUSER=training@example.com \
   FIRST_SUPERUSER_PASSWORD=training-password SHUTDOWN_DRAIN_SECONDS=0 LOG_FORMAT=json \
   DATABASE_URL="${TRAINING_DATABASE_URL:-}" REDIS_URL="${TRAINING_REDIS_URL:-}" \
   "$IMAGE/bin/$NAME" >"$work/training.log" 2>&1) &
pid=$!
base="http://127.0.0.1:$port"
ready=0
wait_ready "$base" "$pid" 60 && ready=1
if [ "$ready" = 1 ]; then
  token="$(curl -fsS -d username=training@example.com -d password=training-password "$base/api/v1/login/access-token" |
    sed 's/.*"access_token":"\([^"]*\)".*/\1/')"
  for _ in 1 2 3; do
    curl -fsS -o /dev/null -H "Authorization: Bearer $token" "$base/api/v1/users/me"
    curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d '{"title": "training"}' "$base/api/v1/items/"
    curl -fsS -o /dev/null -H "Authorization: Bearer $token" "$base/api/v1/items/?limit=100"
    curl -fsS -o /dev/null "$base/metrics"
  done
fi
kill -TERM "$pid" 2>/dev/null || true
wait "$pid" || true
if [ "$ready" != 1 ] || { [ ! -s "$IMAGE/app/app.aot" ] && [ ! -s "$IMAGE/app/app.jsa" ]; }; then
  cat "$work/training.log" >&2
  echo "[image] the training run failed: no cache written" >&2
  exit 1
fi
rm -rf "$work"
