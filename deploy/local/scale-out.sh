#!/usr/bin/env bash
# Two instances of the service over one PostgreSQL and one Redis, behind nginx, and proof that they act as one:
#
#   1. a token issued by one instance works on the other
#   2. the load balancer spreads requests over both
#   3. rate limits are shared: the 4th sign-up within the limit of 3 is refused, whichever instance gets it
#   4. caches invalidate across instances: a user deactivated on one is refused on the other at once
#   5. every e-mail job runs once: N recovery requests, N messages at the SMTP server, delivered by both instances
#
# Usage: deploy/local/scale-out.sh   (exit status 0 when every check passed; the instances' logs stay in $WORK)
# Settings (environment): SCALE_DATABASE_URL (postgresql://postgres@127.0.0.1:5432/scaleout, recreated),
#   REDIS_URL (redis://127.0.0.1:6379), PORTS ("8001 8002"), LB_PORT (8080), SMTP_PORT (1025), WORK (/tmp/scale-out)
# Needs: a JDK 21+ (JAVA_HOME), PostgreSQL and Redis running, psql, curl, jq, python3 3.11 (its smtpd module is the
# SMTP catcher), nginx (installed from Debian's packages when missing).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATABASE_URL="${SCALE_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/scaleout}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
read -r -a PORTS <<<"${PORTS:-8001 8002}"
LB_PORT="${LB_PORT:-8080}"
SMTP_PORT="${SMTP_PORT:-1025}"
WORK="${WORK:-/tmp/scale-out}"
ADMIN_EMAIL="admin@example.com"
ADMIN_PASSWORD="scale-out-admin-password"
RECOVERIES=10
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ] && [ -z "${JAVA_HOME:-}" ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

log() { echo "[scale-out] $*" >&2; }
fail() { echo "[scale-out] FAILED: $*" >&2; exit 1; }
check() { echo "[scale-out] ok: $*" >&2; }

if ! command -v nginx >/dev/null; then
  log "installing nginx (Debian package nginx-light)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx-light >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx-light >/dev/null; }
fi
for tool in curl jq psql nginx /usr/bin/python3; do
  command -v "$tool" >/dev/null || fail "missing $tool"
done

rm -rf "$WORK" && mkdir -p "$WORK"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

# ------------------------------------------------------------------ shared state: database, Redis, SMTP catcher

name="${DATABASE_URL##*/}"
psql "${DATABASE_URL%/*}/postgres" -qc "DROP DATABASE IF EXISTS \"$name\"" -c "CREATE DATABASE \"$name\"" >/dev/null
[ "$(redis-cli -u "$REDIS_URL" ping 2>/dev/null || true)" = PONG ] || log "redis-cli missing or Redis not answering at $REDIS_URL"
PREFIX="scale-out-$$:"

/usr/bin/python3 -W ignore -m smtpd -n -c DebuggingServer "127.0.0.1:$SMTP_PORT" >"$WORK/smtp.log" 2>&1 &
PIDS+=($!)

# ------------------------------------------------------------------ two instances and the load balancer

[ -f "$ROOT/target/full-stack-helidon.jar" ] || (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
for port in "${PORTS[@]}"; do
  mkdir -p "$WORK/$port"
  (cd "$WORK/$port" && exec env -i PATH="$PATH" HOME="$HOME" \
     DATABASE_URL="$DATABASE_URL" REDIS_URL="$REDIS_URL" SECRET_KEY="scale-out-secret-key-0123456789abcdef" \
     PROJECT_NAME="Scale-out" FIRST_SUPERUSER="$ADMIN_EMAIL" FIRST_SUPERUSER_PASSWORD="$ADMIN_PASSWORD" \
     SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT" SMTP_TLS=false EMAILS_FROM_EMAIL=info@example.com \
     SERVER_PORT="$port" PROXY_TRUSTED=127.0.0.1 LOG_FORMAT=json \
     "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx128m \
       -Dredis.prefix="$PREFIX" -Dratelimit.signup.requests=3 -Dratelimit.signup.seconds=3600 \
       -Dratelimit.recovery.requests=100 -Djobs.polling-interval-millis=500 \
       -jar "$ROOT/target/full-stack-helidon.jar" >"$WORK/$port/service.log" 2>&1) &
  PIDS+=($!)
done

cat >"$WORK/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 256; }
http {
  access_log $WORK/nginx-access.log;
  upstream service { $(for port in "${PORTS[@]}"; do printf 'server 127.0.0.1:%s; ' "$port"; done) keepalive 16; }
  server {
    listen 127.0.0.1:$LB_PORT;
    location / {
      proxy_pass http://service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
NGINX
nginx -p "$WORK" -c "$WORK/nginx.conf"

wait_ready() {
  for _ in $(seq 1 120); do
    curl -fsS -m 2 -o /dev/null "$1/health/ready" 2>/dev/null && return 0
    sleep 0.5
  done
  fail "nothing ready at $1 (see $WORK)"
}
for port in "${PORTS[@]}"; do wait_ready "http://127.0.0.1:$port"; done
LB="http://127.0.0.1:$LB_PORT"
A="http://127.0.0.1:${PORTS[0]}"
B="http://127.0.0.1:${PORTS[1]}"
log "instances on ${PORTS[*]}, nginx on $LB_PORT, work files in $WORK"

token() { # base email password
  curl -fsS -d "username=$2" --data-urlencode "password=$3" "$1/api/v1/login/access-token" | jq -r .access_token
}
status() { # curl args... -> status code
  curl -s -o /dev/null -w '%{http_code}' "$@"
}

# 1. a token from one instance works on the other
ADMIN="$(token "$A" "$ADMIN_EMAIL" "$ADMIN_PASSWORD")"
[ "$(status -H "Authorization: Bearer $ADMIN" "$B/api/v1/users/me")" = 200 ] || fail "a token from ${PORTS[0]} is refused by ${PORTS[1]}"
check "a token issued by ${PORTS[0]} works on ${PORTS[1]}"

# 2. the load balancer uses both instances
upstreams="$(for _ in 1 2 3 4; do curl -fsS -o /dev/null -D - "$LB/api/v1/utils/health-check/" | tr -d '\r' |
  awk -F': ' 'tolower($1) == "x-upstream" {print $2}'; done | sort -u | paste -sd' ')"
[ "$(wc -w <<<"$upstreams")" = 2 ] || fail "nginx used only: $upstreams"
check "nginx spreads requests over $upstreams"

# 3. shared rate limits: 3 sign-ups per hour per client, spread over both instances by nginx
codes=""
for i in 1 2 3 4; do
  codes+="$(status -H 'Content-Type: application/json' -H 'X-Forwarded-For: 203.0.113.7' \
    -d "{\"email\": \"signup$i-$$@example.com\", \"password\": \"long-enough-password\"}" "$LB/api/v1/users/signup") "
done
[ "$codes" = "200 200 200 429 " ] || fail "sign-ups answered $codes, expected 200 200 200 429"
check "rate limits are shared: sign-ups through both instances answered $codes"

# 4. a user deactivated on one instance is refused on the other at once (cached there first)
email="cached-$$@example.com"
user_id="$(curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"email\": \"$email\", \"password\": \"long-enough-password\"}" "$A/api/v1/users/" | jq -r .id)"
USER_TOKEN="$(token "$B" "$email" long-enough-password)"
for _ in 1 2; do
  [ "$(status -H "Authorization: Bearer $USER_TOKEN" "$B/api/v1/users/me")" = 200 ] || fail "the new user is refused"
done
curl -fsS -o /dev/null -X PATCH -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"is_active": false}' "$A/api/v1/users/$user_id"
answer="$(curl -s -H "Authorization: Bearer $USER_TOKEN" "$B/api/v1/users/me")"
[ "$answer" = '{"detail":"Inactive user"}' ] || fail "after deactivation on ${PORTS[0]}, ${PORTS[1]} answered $answer"
check "deactivated on ${PORTS[0]}, refused on ${PORTS[1]} at the next request: $answer"

# 5. each e-mail job runs once
for _ in $(seq 1 "$RECOVERIES"); do
  [ "$(status -X POST "$LB/api/v1/password-recovery/$ADMIN_EMAIL")" = 200 ] || fail "password recovery refused"
done
recoveries_received() { grep -c "^b'To: $ADMIN_EMAIL'" "$WORK/smtp.log" || true; }
for _ in $(seq 1 60); do
  [ "$(recoveries_received)" -ge "$RECOVERIES" ] &&
    [ "$(psql "$DATABASE_URL" -tAc 'SELECT COUNT(*) FROM full_stack_helidon.scheduled_tasks')" = 0 ] && break
  sleep 0.5
done
sleep 2 # a duplicate would arrive within this
received="$(recoveries_received)"
[ "$received" = "$RECOVERIES" ] || fail "$RECOVERIES recovery e-mails queued, $received received"
# every message of the run (the recoveries and step 4's new-account e-mail) was delivered by exactly one instance
total="$(grep -c '^---------- MESSAGE FOLLOWS' "$WORK/smtp.log" || true)"
delivered="" sum=0
for port in "${PORTS[@]}"; do
  count="$(grep -c '"E-mail delivered' "$WORK/$port/service.log" || true)"
  delivered+="$port: $count, " sum=$((sum + count))
done
[ "$sum" = "$total" ] || fail "the instances report $sum deliveries, the SMTP server received $total messages"
check "$RECOVERIES recovery e-mails queued, $received received; all $total messages delivered once (${delivered%, })"
log "all checks passed"
