#!/usr/bin/env bash
# Smoke checks of a running service against the HTTP contract: health, metrics, docs, login, users and items, with
# exact status codes and error texts. Used by CI on the runtime image; works against any deployment.
#   deploy/image/smoke.sh [BASE_URL]   (default http://127.0.0.1:8000)
# Needs FIRST_SUPERUSER / FIRST_SUPERUSER_PASSWORD of the service under test (defaults: the .env defaults), curl, jq.
# Signs up one throw-away user (smoke-<random>@example.com) and deletes it at the end, with its items.
# Prints every check and 'N passed, N failed'; exits non-zero when a check failed.
set -uo pipefail
BASE="${1:-http://127.0.0.1:8000}"
BASE="${BASE%/}"
API="$BASE/api/v1"
ADMIN="${FIRST_SUPERUSER:-admin@example.com}"
ADMIN_PASSWORD="${FIRST_SUPERUSER_PASSWORD:-changethis}"
command -v jq >/dev/null || { echo "smoke.sh needs jq" >&2; exit 2; }

SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
passed=0
failed=0

# request METHOD URL [curl options...]: sets STATUS, BODY (file) and HEADERS (file)
request() {
  local method=$1 url=$2
  shift 2
  STATUS="$(curl -sS -o "$SCRATCH/body" -D "$SCRATCH/headers" -w '%{http_code}' -X "$method" "$@" "$url")" || STATUS=000
  BODY="$SCRATCH/body"
  HEADERS="$SCRATCH/headers"
}

# check NAME EXPECTED_STATUS [JQ_EXPRESSION_THAT_MUST_BE_TRUE]
check() {
  local name=$1 expected=$2 condition=${3:-}
  if [ "$STATUS" = "$expected" ] && { [ -z "$condition" ] || jq -e "$condition" "$BODY" >/dev/null 2>&1; }; then
    passed=$((passed + 1))
    echo "ok    $name"
  else
    failed=$((failed + 1))
    echo "FAIL  $name: status $STATUS (want $expected), body $(head -c 300 "$BODY")"
  fi
}

header_check() {
  local name=$1 pattern=$2
  if grep -qiE "$pattern" "$HEADERS"; then
    passed=$((passed + 1))
    echo "ok    $name"
  else
    failed=$((failed + 1))
    echo "FAIL  $name: no header matching '$pattern'"
  fi
}

request GET "$BASE/health/live"
check "liveness answers 200" 200
request GET "$BASE/health/ready"
check "readiness is UP with its checks" 200 '.status == "UP" and (.checks | map(.name) | index("database") != null)'
request GET "$API/utils/health-check/"
check "the template's health check answers true" 200 '. == true'
request GET "$API/utils/health-check"
check "a missing trailing slash redirects" 307
header_check "the redirect points at the slashed path" '^location: .*/api/v1/utils/health-check/'
request GET "$BASE/metrics"
check "metrics answer 200" 200
grep -q '^# TYPE ' "$BODY" && grep -q 'http_server_requests' "$BODY" && passed=$((passed + 1)) && echo "ok    metrics are in Prometheus text format" \
  || { failed=$((failed + 1)); echo "FAIL  metrics are not Prometheus text with http_server_requests"; }
request GET "$API/openapi.json"
check "the OpenAPI document lists the login route" 200 '.paths | has("/api/v1/login/access-token")'

request POST "$API/login/access-token" --data-urlencode "username=$ADMIN" --data-urlencode "password=wrong-password"
check "a wrong password is refused with the contract's text" 400 '.detail == "Incorrect email or password"'
request POST "$API/login/access-token" --data-urlencode "username=$ADMIN" --data-urlencode "password=$ADMIN_PASSWORD"
check "the first superuser logs in" 200 '.token_type == "bearer" and (.access_token | length > 20)'
admin_token="$(jq -r .access_token "$BODY" 2>/dev/null)"
admin=(-H "Authorization: Bearer $admin_token")

request GET "$API/users/me"
check "no token: 401 Not authenticated" 401 '.detail == "Not authenticated"'
header_check "the 401 asks for a bearer token" '^www-authenticate: Bearer'
request GET "$API/users/me" -H "Authorization: Bearer not-a-token"
check "a bad token: 403 Could not validate credentials" 403 '.detail == "Could not validate credentials"'
request GET "$API/users/me" "${admin[@]}"
check "users/me shows the superuser" 200 ".email == \"$ADMIN\" and .is_superuser == true"

email="smoke-$(date +%s)-$RANDOM@example.com"
password="smoke-password-$RANDOM"
request POST "$API/users/signup" -H 'Content-Type: application/json' \
  -d "{\"email\": \"$email\", \"password\": \"$password\", \"full_name\": \"Smoke Test\"}"
check "signup creates a user" 200 ".email == \"$email\" and .is_superuser == false and (.id | length == 36)"
user_id="$(jq -r .id "$BODY" 2>/dev/null)"
request POST "$API/users/signup" -H 'Content-Type: application/json' \
  -d "{\"email\": \"$email\", \"password\": \"$password\"}"
check "a second signup with that e-mail is refused" 400 \
  '.detail == "The user with this email already exists in the system"'
request POST "$API/users/signup" -H 'Content-Type: application/json' -d '{"email": "not-an-email", "password": "x"}'
check "invalid input is a 422 with details" 422 '.detail | type == "array" and length >= 1'
request POST "$API/login/access-token" --data-urlencode "username=$email" --data-urlencode "password=$password"
check "the new user logs in" 200 '.access_token | length > 20'
user=(-H "Authorization: Bearer $(jq -r .access_token "$BODY" 2>/dev/null)")

request POST "$API/items/" "${user[@]}" -H 'Content-Type: application/json' -d '{"title": "smoke item", "description": "d"}'
check "an item is created for its owner" 200 ".title == \"smoke item\" and .owner_id == \"$user_id\""
item_id="$(jq -r .id "$BODY" 2>/dev/null)"
request GET "$API/items/" "${user[@]}"
check "the owner's list holds the item" 200 ".count == 1 and .data[0].id == \"$item_id\""
request PUT "$API/items/$item_id" "${user[@]}" -H 'Content-Type: application/json' -d '{"title": "renamed"}'
check "the item is updated" 200 '.title == "renamed" and .description == "d"'
request GET "$API/items/00000000-0000-4000-8000-000000000000" "${user[@]}"
check "an unknown item: 404 Item not found" 404 '.detail == "Item not found"'
request GET "$API/users/" "${user[@]}"
check "a normal user cannot list users" 403 ".detail == \"The user doesn't have enough privileges\""
request GET "$API/users/?limit=1000" "${admin[@]}"
check "the superuser sees the new user" 200 "[.data[].email] | index(\"$email\") != null"
request DELETE "$API/items/$item_id" "${user[@]}"
check "the item is deleted" 200 '.message == "Item deleted successfully"'
request DELETE "$API/users/$user_id" "${admin[@]}"
check "the superuser deletes the user" 200 '.message == "User deleted successfully"'
request GET "$API/users/me" "${user[@]}"
check "a deleted user's token no longer works" 404 '.detail == "User not found"'

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
