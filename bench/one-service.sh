# Sourced by quick-h2.sh, profile.sh, cpu-split.sh and growth.sh: one jar started in a scratch folder on
# 127.0.0.1:$PORT (its embedded H2 database, or DATABASE_URL), rate limits off, the options of deploy/jvm.options plus
# JVM_EXTRA, stopped when the script exits; then a token for its first superuser. Sets PID, BENCH_LUA, BENCH_TOKEN;
# new_item prints the id of an item it creates.
BENCH_DIR=$(realpath "$(dirname "${BASH_SOURCE[0]}")")
export BENCH_LUA="$BENCH_DIR/wrk"
ONE_SERVICE_SCRATCH=$(mktemp -d)
export PROJECT_NAME=Bench SECRET_KEY=bench-secret-key-0123456789 FIRST_SUPERUSER=admin@example.com \
  FIRST_SUPERUSER_PASSWORD=benchadminpass1 RATELIMIT_ENABLED=false SERVER_PORT=$PORT LOG_FORMAT=json
# shellcheck disable=SC2086
(cd "$ONE_SERVICE_SCRATCH" && exec "${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" \
   "@$BENCH_DIR/../deploy/jvm.options" ${JVM_EXTRA:-} -jar "$JAR" > service.log 2>&1) &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$ONE_SERVICE_SCRATCH"' EXIT
for _ in $(seq 1 120); do curl -sf "127.0.0.1:$PORT/health/ready" > /dev/null && break; sleep 0.5; done
json() { python3 -c "import sys, json; print(json.load(sys.stdin)['$1'])"; }
export BENCH_TOKEN; BENCH_TOKEN=$(curl -s -d username=admin@example.com -d password=benchadminpass1 \
  "127.0.0.1:$PORT/api/v1/login/access-token" | json access_token)
new_item() {
  curl -s -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' \
    -d '{"title":"t","description":"d"}' "127.0.0.1:$PORT/api/v1/items/" | json id
}
