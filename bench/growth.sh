#!/usr/bin/env bash
# How the item list's cost grows with the data: one owner holds every item of a PostgreSQL database that grows to
# each size of SIZES; at each size, single requests (WARM warm-ups, then RUNS measured; median and best) for the first
# page, a middle page by skip and the same middle page by cursor, as the owner and as a superuser (who sees them all);
# beside them the time of the statement the service ran before the counts were kept (COUNT(*) of the owner's items,
# EXPLAIN ANALYZE). Binds to 127.0.0.1 only; the database is dropped and made again.
#
#   bench/growth.sh target/full-stack-helidon.jar
#   SIZES="10000 100000 1000000 10000000" RUNS=21 WARM=5 GROWTH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/growth
# Needs: curl, jq, psql, a JDK 21+ (JAVA_HOME, else Temurin 25 where installed). Started by bench/one-service.sh.
set -euo pipefail
JAR=$(realpath "$1")
SIZES=${SIZES:-"10000 100000 1000000"}
RUNS=${RUNS:-21}
WARM=${WARM:-5}
PORT=${PORT:-18300}
URL=${GROWTH_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/growth}
SERVER="${URL%/*}/postgres"
PGOPTIONS="-c client_min_messages=warning" psql "$SERVER" -qc "DROP DATABASE IF EXISTS ${URL##*/}" -qc "CREATE DATABASE ${URL##*/}"
export DATABASE_URL="$URL"
# the jar on that database, its superuser's token in BENCH_TOKEN
source "$(dirname "$0")/one-service.sh"
API="http://127.0.0.1:$PORT/api/v1"
token() { curl -fsS -d "username=$1" -d "password=$2" "$API/login/access-token" | jq -r .access_token; }
ADMIN=$BENCH_TOKEN
curl -fsS -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"email":"owner@example.com","password":"growthownerpass"}' "$API/users/"
OWNER=$(token owner@example.com growthownerpass)
OWNER_ID=$(curl -fsS -H "Authorization: Bearer $OWNER" "$API/users/me" | jq -r .id)

timed() { # token path -> "median best" in ms over RUNS requests, after WARM
  local times
  for _ in $(seq "$WARM"); do curl -fsS -o /dev/null -H "Authorization: Bearer $1" "$API$2"; done
  times=$(for _ in $(seq "$RUNS"); do
    curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $1" "$API$2"; done | sort -n)
  echo "$(echo "$times" | sed -n "$(( (RUNS + 1) / 2 ))p" | awk '{printf "%.1f", $1 * 1000}') $(echo "$times" |
    head -1 | awk '{printf "%.1f", $1 * 1000}')"
}
cursor_at() { # offset -> the cursor after the item at that offset of the owner's list
  psql "$URL" -tAc "SELECT (EXTRACT(EPOCH FROM created_at) * 1000000)::BIGINT || '|' || id FROM item
    WHERE owner_id = '$OWNER_ID' ORDER BY created_at DESC NULLS FIRST, id OFFSET $(($1 - 1)) LIMIT 1" |
    tr -d '\n' | base64 -w0 | tr '+/' '-_' | tr -d '='
}

echo "| items | who | first page ms | skip n/2 ms | cursor at n/2 ms | COUNT(*) before ms | count answered |"
echo "|---:|---|---:|---:|---:|---:|---:|"
have=0
for size in $SIZES; do
  while [ "$have" -lt "$size" ]; do
    batch=$(( size - have > 1000000 ? 1000000 : size - have ))
    psql "$URL" -qc "INSERT INTO item (id, title, description, owner_id, created_at)
      SELECT gen_random_uuid(), 'Item ' || k, 'Grown item ' || k, '$OWNER_ID',
             TIMESTAMPTZ '2026-01-01 00:00:00+00' + k * INTERVAL '1 millisecond'
      FROM generate_series($have, $((have + batch - 1))) AS k"
    have=$((have + batch))
  done
  psql "$URL" -qc "VACUUM ANALYZE item"
  before=$(psql "$URL" -tAc "EXPLAIN (ANALYZE, FORMAT JSON) SELECT COUNT(*) FROM item WHERE owner_id = '$OWNER_ID'" |
    jq '.[0]["Execution Time"]')
  middle=$((size / 2))
  cursor=$(cursor_at "$middle")
  for who in owner superuser; do
    bearer=$OWNER; [ "$who" = superuser ] && bearer=$ADMIN
    first=$(timed "$bearer" "/items/?limit=100")
    skipped=$(timed "$bearer" "/items/?skip=$middle&limit=100")
    keyed=$(timed "$bearer" "/items/?cursor=$cursor&limit=100")
    count=$(curl -fsS -H "Authorization: Bearer $bearer" "$API/items/?limit=1" | jq .count)
    fmt() { echo "$1 (best $2)"; }
    # shellcheck disable=SC2086
    echo "| $size | $who | $(fmt $first) | $(fmt $skipped) | $(fmt $keyed) | $(printf '%.1f' "$before") | $count |"
  done
done
