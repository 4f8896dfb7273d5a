#!/usr/bin/env bash
# Measures launch-to-ready: the wall time from starting the service to its first 200 on /health/ready, on a fresh
# embedded H2 database (so each run includes the schema migration), for each launch mode:
#   jar     java @deploy/jvm.options -jar target/full-stack-helidon.jar on the building JDK
#   exec    ./mvnw compile exec:exec, the README's run command (Maven's own start-up included)
#   image   the jlink image, no start-up cache
#   cds     the jlink image with a CDS archive (class data of a training run)
#   aot     the jlink image with a JDK AOT cache (JDK 25+: classes loaded and linked, method profiles)
# Usage: deploy/image/startup.sh [ROUNDS]   (default 7; modes take turns in each round; prints the median and min;
#   MODES="jar aot" measures only those)
#   STARTUP_DATABASE_URL / STARTUP_REDIS_URL: launch on PostgreSQL / Redis instead (a restart: the schema and the
#   superuser exist after the first launch).
# Needs: target/image from build.sh with its default AOT cache; python3. The cds and none variants are copies of the
# image trained in target/startup/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS="${1:-7}"
IMAGE="$ROOT/target/image"
WORK="$ROOT/target/startup"
NAME=full-stack-helidon
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$IMAGE/bin/$NAME" ] || { echo "build the image first: deploy/image/build.sh" >&2; exit 2; }

rm -rf "$WORK" && mkdir -p "$WORK"
for kind in none cds; do
  cp -a "$IMAGE" "$WORK/image-$kind"
  TRAINING_DATABASE_URL="${STARTUP_DATABASE_URL:-}" TRAINING_REDIS_URL="${STARTUP_REDIS_URL:-}" \
    "$ROOT/deploy/image/train.sh" "$WORK/image-$kind" "$kind"
done

declare -A COMMAND=(
  [jar]="$JAVA_HOME/bin/java @$ROOT/deploy/jvm.options -jar $ROOT/target/$NAME.jar"
  [exec]="env JAVA_HOME=$JAVA_HOME MAVEN_USER_HOME=$HOME/.m2 $ROOT/mvnw -q -o -Dmaven.repo.local=$HOME/.m2/repository -f $ROOT/pom.xml compile exec:exec -Dexec.workingdir=@DIR@"
  [image]="$WORK/image-none/bin/$NAME"
  [cds]="$WORK/image-cds/bin/$NAME"
  [aot]="$IMAGE/bin/$NAME"
)
MODES="${MODES:-jar exec image cds aot}"
[ -f "$IMAGE/app/app.aot" ] || MODES="${MODES/ aot/}"

# One launch: a fresh working directory (fresh H2 database), the milliseconds from launch to the first 200 of
# /health/ready (bench/launch-to-ready.py).
launch() {
  local mode=$1 dir
  dir="$(mktemp -d "$WORK/run.XXXXXX")"
  (cd "$dir" && env -i PATH="$PATH" HOME="$dir" SERVER_PORT=18790 SECRET_KEY=startup-secret-key-0123456789abcdef \
     FIRST_SUPERUSER=admin@example.com FIRST_SUPERUSER_PASSWORD=startup-password SHUTDOWN_DRAIN_SECONDS=0 \
     DATABASE_URL="${STARTUP_DATABASE_URL:-}" REDIS_URL="${STARTUP_REDIS_URL:-}" \
     python3 "$ROOT/bench/launch-to-ready.py" ${COMMAND[$mode]//@DIR@/$dir})
  rm -rf "$dir"
}

declare -A RESULTS
for round in $(seq 1 "$ROUNDS"); do
  for mode in $MODES; do
    RESULTS[$mode]+="$(launch "$mode") "
  done
  echo "round $round: $(for mode in $MODES; do printf '%s %s ms  ' "$mode" "$(echo "${RESULTS[$mode]}" | awk '{print $NF}')"; done)" >&2
done

echo "| launch mode | ready ms, median | min | runs |"
echo "|---|---|---|---|"
for mode in $MODES; do
  echo "${RESULTS[$mode]}" | tr ' ' '\n' | grep -E '^[0-9]+$' | sort -n | awk -v mode="$mode" -v rounds="$ROUNDS" '
    { value[NR] = $1 } END { if (NR == 0) { print "| " mode " | failed | | 0/" rounds " |"; exit }
      median = (NR % 2) ? value[(NR + 1) / 2] : (value[NR / 2] + value[NR / 2 + 1]) / 2
      print "| " mode " | " median " | " value[1] " | " NR "/" rounds " |" }'
done
