#!/usr/bin/env bash
# Load benchmark of the service, optionally side by side with the FastAPI and Spring Boot peers on the same PostgreSQL.
#
#   bench/bench.sh                    the Helidon service only
#   bench/bench.sh --peer --spring    then the FastAPI peer (../shared/peers/fastapi, 2 workers) and the Spring Boot
#                                     peer (../shared/peers/spring, the same JVM options, its user cache on), and the
#                                     ratios; either flag alone runs that peer only
#
# After the service's runs, pgbench runs the service's own SQL for each database-bound scenario (bench/pgbench/) with
# as many connections as the service's pool (POOL=10): the ceiling the database sets on this machine.
#
# For each server: seed the database (bench/seed.sql: 100 users, 10,000 items), log in two users, run every scenario
# but login unmeasured for WARMUP seconds (the JIT's first half minute), then for every scenario a warm-up and a
# measured wrk run, sampling the server's peak RSS and reading the CPU time its processes
# used. Prints requests/s, p50/p99 latency, errors, CPU milliseconds per request and peak RSS per scenario, and
# writes them under bench/results/<time>/.
#
# The peers run on a database of their own (PEER_DATABASE_URL): the template's schema and the service's indexes
# (db/migration/V2), not the service's triggers on item (its counts), which the peers' writes must not pay for. The
# Spring peer gets deploy/jvm.options without its class-data archive (a start-up matter, named for the service).
#
# Settings (environment): BENCH_DATABASE_URL (postgresql://postgres@127.0.0.1:5432/bench, created when missing),
#   PEER_DATABASE_URL (BENCH_DATABASE_URL with _peers appended, created when missing),
#   BENCH_REDIS_URL (unset: rate limits off anyway, users cached in the process; set: users cached in that Redis),
#   DURATION=15 WARMUP=5 THREADS=2 CONNECTIONS=64 SCENARIOS="health users_me items_list item_get item_create login"
#   PEER_DIR=../shared/peers/fastapi PEER_WORKERS=2 PEER_VARIANT=async PORT=8000 PEER_PORT=8100
#   SPRING_DIR=../shared/peers/spring SPRING_PORT=8200 SPRING_USER_CACHE=caffeine (none: a SELECT per request)
#   SPRING_PASSWORD_HASH=bcrypt (the peer's default, bcrypt only; argon2, the service's and the template's work at
#   login, runs the peer out of the 96 MiB heap: BouncyCastle's argon2id takes its 64 MiB on the heap per login)
#   JAVA_OPTS (default: @deploy/jvm.options, the options of every launch path, for the service and the Spring peer)
# Needs: a JDK 21+ (JAVA_HOME), wrk, curl, jq, psql, python3 with bcrypt (Debian: python3-bcrypt).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
export BENCH_LUA="$BENCH/wrk"

DATABASE_URL="${BENCH_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/bench}"
PEER_DATABASE_URL="${PEER_DATABASE_URL:-${DATABASE_URL}_peers}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-5}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
POOL="${POOL:-10}"
SCENARIOS="${SCENARIOS:-health users_me items_list item_get item_create login}"
PORT="${PORT:-8000}"
JAVA_OPTS="${JAVA_OPTS:-@$ROOT/deploy/jvm.options}"
PEER_PORT="${PEER_PORT:-8100}"
PEER_DIR="${PEER_DIR:-$ROOT/../shared/peers/fastapi}"
PEER_WORKERS="${PEER_WORKERS:-2}"
PEER_VARIANT="${PEER_VARIANT:-async}"
SEED_PASSWORD="benchuserpass"
SECRET="bench-secret-key-0123456789abcdef0123456789abcdef"
ADMIN_EMAIL="admin@example.com"
ADMIN_PASSWORD="benchadminpass"
RESULTS="$BENCH/results/$(date +%Y%m%d-%H%M%S)"
SPRING_PORT="${SPRING_PORT:-8200}"
SPRING_DIR="${SPRING_DIR:-$ROOT/../shared/peers/spring}"
SPRING_USER_CACHE="${SPRING_USER_CACHE:-caffeine}"
SPRING_PASSWORD_HASH="${SPRING_PASSWORD_HASH:-bcrypt}"
WITH_PEER=0
WITH_SPRING=0
for arg in "$@"; do
  case "$arg" in
    --peer) WITH_PEER=1 ;;
    --spring) WITH_SPRING=1 ;;
    *) echo "unknown argument $arg (--peer, --spring)" >&2; exit 2 ;;
  esac
done

if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ] && [ -z "${JAVA_HOME:-}" ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
for tool in wrk curl jq psql pgbench; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk curl jq postgresql-client)" >&2; exit 2; }
done
mkdir -p "$RESULTS"
# shellcheck source=../deploy/image/lib.sh
. "$ROOT/deploy/image/lib.sh"
log() { echo "[bench] $*" >&2; }

# ------------------------------------------------------------------ database and data

ensure_database() { # url
  local name="${1##*/}" server="${1%/*}/postgres"
  if [ "$(psql "$server" -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" != 1 ]; then
    psql "$server" -qc "CREATE DATABASE \"$name\"" >/dev/null
  fi
}

seed() { # url
  local hash
  hash="$(/usr/bin/python3 -c "import bcrypt; print(bcrypt.hashpw(b'$SEED_PASSWORD', bcrypt.gensalt(12)).decode())")"
  psql "$1" -q -v hash="$hash" -v items=10000 -f "$BENCH/seed.sql" >/dev/null
}

# ------------------------------------------------------------------ processes

tree_pids() { # pid -> the process and its descendants, one per line
  ps -e -o pid=,ppid= | awk -v root="$1" '{parent[$1]=$2} END {keep[root]=1; changed=1;
    while (changed) {changed=0; for (p in parent) if (!(p in keep) && (parent[p] in keep)) {keep[p]=1; changed=1}}
    for (p in keep) print p}'
}

tree_rss_kb() { # pid -> RSS of the process and its descendants
  ps -o rss= -p "$(tree_pids "$1" | paste -sd, -)" 2>/dev/null | awk '{s += $1} END {print s + 0}'
}

tree_cpu_ticks() { # pid -> user + system clock ticks of the process and its descendants (reaped children included)
  local pid total=0
  for pid in $(tree_pids "$1"); do
    # fields after the command's closing parenthesis: utime stime cutime cstime are the 12th to 15th
    total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{print $12 + $13 + $14 + $15}' || echo 0)))
  done
  echo "$total"
}

wait_ready() { # url
  for _ in $(seq 1 120); do
    curl -fs -m 2 -o /dev/null "$1/api/v1/utils/health-check/" && return 0
    sleep 0.5
  done
  echo "server at $1 did not start" >&2
  return 1
}

start_helidon() {
  [ -f "$ROOT/target/full-stack-helidon.jar" ] || (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
  mkdir -p "$RESULTS/helidon"
  (cd "$RESULTS/helidon" && exec env -i PATH="$PATH" HOME="$HOME" MALLOC_ARENA_MAX=2 \
      DATABASE_URL="$DATABASE_URL" SECRET_KEY="$SECRET" PROJECT_NAME="Benchmark" \
      FIRST_SUPERUSER="$ADMIN_EMAIL" FIRST_SUPERUSER_PASSWORD="$ADMIN_PASSWORD" SERVER_PORT="$PORT" \
      RATELIMIT_ENABLED=false LOG_FORMAT=json ${BENCH_REDIS_URL:+REDIS_URL="$BENCH_REDIS_URL"} \
      "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -jar "$ROOT/target/full-stack-helidon.jar" >server.log 2>&1) &
  SERVER_PID=$!
  wait_ready "http://127.0.0.1:$PORT"
}

start_peer() {
  mkdir -p "$RESULTS/fastapi"
  DATABASE_URL="$PEER_DATABASE_URL" SECRET_KEY="$SECRET" FIRST_SUPERUSER="$ADMIN_EMAIL" \
    FIRST_SUPERUSER_PASSWORD="$ADMIN_PASSWORD" WORKERS="$PEER_WORKERS" PORT="$PEER_PORT" APP_VARIANT="$PEER_VARIANT" \
    "$PEER_DIR/run.sh" >"$RESULTS/fastapi/server.log" 2>&1 &
  SERVER_PID=$!
  wait_ready "http://127.0.0.1:$PEER_PORT"
}

start_spring() {
  mkdir -p "$RESULTS/spring"
  DATABASE_URL="$PEER_DATABASE_URL" SECRET_KEY="$SECRET" FIRST_SUPERUSER="$ADMIN_EMAIL" \
    FIRST_SUPERUSER_PASSWORD="$ADMIN_PASSWORD" PORT="$SPRING_PORT" JAVA_OPTS="$(spring_options)" \
    SPRING_USER_CACHE="$SPRING_USER_CACHE" SPRING_PASSWORD_HASH="$SPRING_PASSWORD_HASH" MALLOC_ARENA_MAX=2 \
    "$SPRING_DIR/run.sh" >"$RESULTS/spring/server.log" 2>&1 &
  SERVER_PID=$!
  wait_ready "http://127.0.0.1:$SPRING_PORT"
}

spring_options() { # JAVA_OPTS, with deploy/jvm.options' archive left out
  if [ "$JAVA_OPTS" = "@$ROOT/deploy/jvm.options" ]; then
    jvm_options_without_archive "$ROOT/deploy/jvm.options" >"$RESULTS/spring/jvm.options"
    echo "@$RESULTS/spring/jvm.options"
  else
    echo "$JAVA_OPTS"
  fi
}

peer_indexes() { # the service's item indexes on the peers' database, once its schema is there
  sed 's/CREATE INDEX /CREATE INDEX IF NOT EXISTS /' "$ROOT/src/main/resources/db/migration/V2__item_indexes.sql" |
    PGOPTIONS="-c client_min_messages=warning" psql "$PEER_DATABASE_URL" -q >/dev/null
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
trap stop_server EXIT

# ------------------------------------------------------------------ load

token() { # base email -> access token
  curl -fsS -d "username=$2" -d "password=$SEED_PASSWORD" "$1/api/v1/login/access-token" | jq -r .access_token
}

scenario() { # name base -> "script url token"
  local api="$2/api/v1"
  case "$1" in
    health) echo "get.lua $api/utils/health-check/ -" ;;
    users_me) echo "get.lua $api/users/me $READER" ;;
    items_list) echo "get.lua $api/items/?skip=0&limit=100 $READER" ;;
    item_get) echo "get.lua $api/items/$ITEM $READER" ;;
    item_create) echo "create_item.lua $api/items/ $WRITER" ;;
    login) echo "login.lua $api/login/access-token -" ;;
  esac
}

measure() { # server-label base
  local label=$1 base=$2 out="$RESULTS/$1"
  READER="$(token "$base" user001@example.com)"
  WRITER="$(token "$base" user002@example.com)"
  ITEM="$(curl -fsS -H "Authorization: Bearer $READER" "$base/api/v1/items/?limit=1" | jq -r '.data[0].id')"
  export BENCH_LOGIN_USER=user003@example.com BENCH_LOGIN_PASSWORD="$SEED_PASSWORD"
  : >"$out/rows.txt"
  # A JVM under full load on 2 cores compiles for its first 20-30 s: whichever scenario came first paid for it (the
  # service's health check at 0.091 ms of CPU first, 0.044 second). One unmeasured pass over the scenarios at full
  # load first, for every server alike (logins aside: the hash is native or compiled at once).
  for name in $SCENARIOS; do
    [ "$name" = login ] && continue
    read -r script url bearer < <(scenario "$name" "$base")
    [ "$bearer" = - ] && bearer=""
    BENCH_TOKEN="$bearer" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$BENCH_LUA/$script" "$url" >/dev/null 2>&1 || true
  done
  for name in $SCENARIOS; do
    read -r script url bearer < <(scenario "$name" "$base")
    [ "$bearer" = - ] && bearer=""
    BENCH_TOKEN="$bearer" wrk -t"$THREADS" -c16 -d"${WARMUP}s" -s "$BENCH_LUA/$script" "$url" >/dev/null 2>&1 || true
    sleep 1
    local peak=0 rss ticks_before ticks_after
    ticks_before="$(tree_cpu_ticks "$SERVER_PID")"
    BENCH_TOKEN="$bearer" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s -s "$BENCH_LUA/$script" "$url" \
      >"$out/$name.wrk" 2>&1 &
    local wrk_pid=$!
    while kill -0 "$wrk_pid" 2>/dev/null; do
      rss="$(tree_rss_kb "$SERVER_PID")"
      [ "$rss" -gt "$peak" ] && peak=$rss
      sleep 0.5
    done
    wait "$wrk_pid" || true
    ticks_after="$(tree_cpu_ticks "$SERVER_PID")"
    local line requests cpu
    line="$(grep '^SUMMARY' "$out/$name.wrk" || echo "SUMMARY requests=0 rps=0 p50_ms=0 p99_ms=0 max_ms=0 non2xx=0 socket_errors=0")"
    requests="$(echo "$line" | sed 's/.*requests=\([0-9]*\).*/\1/')"
    cpu="$(awk -v t=$((ticks_after - ticks_before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
      'BEGIN {printf "%.3f", (n > 0 ? 1000 * t / hz / n : 0)}')"
    echo "$name $line peak_rss_mb=$((peak / 1024)) cpu_ms=$cpu" >>"$out/rows.txt"
    log "$label $name: $(echo "$line" | cut -d' ' -f3-) peak_rss_mb=$((peak / 1024)) cpu_ms_per_request=$cpu"
  done
}

pgbench_ceiling() { # the service's SQL, straight from pgbench with POOL connections
  local owner writer
  # with -M prepared a variable is a bound parameter, as the service's are: plain values, no quotes
  owner="$(psql "$DATABASE_URL" -tAc "SELECT id FROM \"user\" WHERE email = 'user001@example.com'")"
  writer="$(psql "$DATABASE_URL" -tAc "SELECT id FROM \"user\" WHERE email = 'user002@example.com'")"
  : >"$RESULTS/pgbench.txt"
  for name in users_me items_list item_get item_create; do
    case " $SCENARIOS " in *" $name "*) ;; *) continue ;; esac
    local tps
    tps="$(pgbench -n -M prepared -c "$POOL" -j "$THREADS" -T "$DURATION" -D owner="$owner" -D writer="$writer" \
      -D reader="$owner" -D item="$ITEM" -f "$BENCH/pgbench/$name.sql" "$DATABASE_URL" 2>&1 |
      awk '/^tps/ {print $3; exit}' || true)"
    echo "$name ${tps:-0}" >>"$RESULTS/pgbench.txt"
    log "pgbench $name: ${tps:-0} transactions/s"
  done
}

table() { # label
  echo "| scenario | requests/s | p50 ms | p99 ms | errors (non-2xx + socket) | CPU ms/request | peak RSS MB |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  while read -r name _ requests rps p50 p99 _ non2xx sock rss cpu; do
    echo "| $name | ${rps#rps=} | ${p50#p50_ms=} | ${p99#p99_ms=} | $(( ${non2xx#non2xx=} + ${sock#socket_errors=} )) |" \
         "${cpu#cpu_ms=} | ${rss#peak_rss_mb=} |"
  done <"$RESULTS/$1/rows.txt"
}

ratios() { # peer-label title
  echo; echo "## Ratios (Helidon / $2)"; echo
  echo "| scenario | requests/s × | p99 ÷ ($2 p99 / Helidon p99) | CPU per request ÷ ($2 / Helidon) |"
  echo "|---|---:|---:|---:|"
  join <(sort "$RESULTS/helidon/rows.txt") <(sort "$RESULTS/$1/rows.txt") | while read -r line; do
    set -- $line
    # fields: the name, then per server SUMMARY requests rps p50 p99 max non2xx sockets rss cpu (10 each)
    echo "| $1 | $(awk -v a="${4#rps=}" -v b="${14#rps=}" 'BEGIN {printf "%.1f", (b > 0 ? a / b : 0)}') |" \
         "$(awk -v a="${6#p99_ms=}" -v b="${16#p99_ms=}" 'BEGIN {printf "%.1f", (a > 0 ? b / a : 0)}') |" \
         "$(awk -v a="${11#cpu_ms=}" -v b="${21#cpu_ms=}" 'BEGIN {printf "%.1f", (a > 0 ? b / a : 0)}') |"
  done
}

ensure_database "$DATABASE_URL"
log "Helidon service on $DATABASE_URL (results in $RESULTS)"
mkdir -p "$RESULTS/helidon"
start_helidon
seed "$DATABASE_URL"
measure helidon "http://127.0.0.1:$PORT"
stop_server
pgbench_ceiling
{
  echo "## Full Stack Helidon ($(date -u +%Y-%m-%dT%H:%MZ), wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s)"; echo
  table helidon
  echo; echo "## Against the database's ceiling (pgbench, the same SQL, $POOL connections)"; echo
  echo "| scenario | pgbench transactions/s | service requests/s | share |"
  echo "|---|---:|---:|---:|"
  join <(sort "$RESULTS/pgbench.txt") <(sort "$RESULTS/helidon/rows.txt") | while read -r name tps _ _ rps _; do
    echo "| $name | $tps | ${rps#rps=} | $(awk -v a="${rps#rps=}" -v b="$tps" 'BEGIN {printf "%.0f%%", (b > 0 ? 100 * a / b : 0)}') |"
  done
} | tee "$RESULTS/summary.md"

if [ "$WITH_PEER" = 1 ]; then
  log "FastAPI peer ($PEER_VARIANT, $PEER_WORKERS workers) on the same database"
  ensure_database "$PEER_DATABASE_URL"
  start_peer
  peer_indexes
  seed "$PEER_DATABASE_URL"
  measure fastapi "http://127.0.0.1:$PEER_PORT"
  stop_server
  { echo; echo "## FastAPI peer ($PEER_VARIANT, $PEER_WORKERS workers)"; echo; table fastapi; ratios fastapi FastAPI; } |
    tee -a "$RESULTS/summary.md"
fi
if [ "$WITH_SPRING" = 1 ]; then
  log "Spring Boot peer (user cache: $SPRING_USER_CACHE, password hash: $SPRING_PASSWORD_HASH) on its database"
  ensure_database "$PEER_DATABASE_URL"
  start_spring
  peer_indexes
  seed "$PEER_DATABASE_URL"
  measure spring "http://127.0.0.1:$SPRING_PORT"
  stop_server
  { echo; echo "## Spring Boot peer (user cache: $SPRING_USER_CACHE, password hash: $SPRING_PASSWORD_HASH, the same JVM options)"; echo; table spring
    ratios spring "Spring Boot"; } | tee -a "$RESULTS/summary.md"
fi
