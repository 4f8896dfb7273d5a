#!/usr/bin/env bash
# Where one request's CPU goes: the jar on the embedded H2 database (or DATABASE_URL), wrk -t2 -c64 on one path, a
# Flight Recorder profile of RECORD_SECONDS (default 12) after a 5 s warm-up, then the share of execution samples charged to
# each owner: the first frame of the stack, read from the top, that belongs to a package named in bench/owners.txt
# (ours, then Helidon's modules, the drivers, the JDK); the rest is "other". Binds to 127.0.0.1 only; needs wrk, curl.
#
#   bench/profile.sh target/full-stack-helidon.jar /api/v1/users/me
#   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench bench/profile.sh target/full-stack-helidon.jar item
#
# The path "item" creates an item and profiles GET /api/v1/items/{its id}. Prints the owners, most samples first, and
# the hottest frames; keeps the recording as profile.jfr in the working directory.
set -euo pipefail
JAR=$(realpath "$1"); TARGET=$2; PORT=${PORT:-18210}; SECONDS_TO_RECORD=${RECORD_SECONDS:-12}
HERE=$(realpath "$(dirname "$0")")
OUT=$(pwd)/profile.jfr
JVM_EXTRA="${JVM_EXTRA:-} -XX:FlightRecorderOptions:stackdepth=128"
source "$HERE/one-service.sh"
[ "$TARGET" = item ] && TARGET=/api/v1/items/$(new_item)
wrk -t2 -c64 -d5s -s "$BENCH_LUA/get.lua" "http://127.0.0.1:$PORT$TARGET" > /dev/null
"${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jcmd" "$PID" JFR.start name=profile settings=${JFR_SETTINGS:-profile} > /dev/null
wrk -t2 -c64 -d"${SECONDS_TO_RECORD}s" -s "$BENCH_LUA/get.lua" "http://127.0.0.1:$PORT$TARGET" | grep '^SUMMARY'
"${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jcmd" "$PID" JFR.stop name=profile filename="$OUT" > /dev/null
"${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jfr" print --json --stack-depth 128 --events jdk.ExecutionSample "$OUT" | python3 "$HERE/owners.py" "$HERE/owners.txt"
